/**
 * Function forms of view operations (NumPy's np.broadcast_to, np.broadcast_arrays, ...), and the
 * contiguity helpers that copy only when needed.
 */
import { NDArray } from './ndarray.js'
import { broadcastShapes, broadcastStrides } from './shape.js'

/** Read-only view of `a` broadcast to `shape` (stride 0 where stretched). */
export function broadcastTo(a: NDArray, shape: readonly number[]): NDArray {
  return a.broadcastTo(shape)
}

/**
 * Views of the arrays broadcast against each other. Arrays whose shape had to change are read-only
 * (NumPy marks them warn-on-write, because their elements alias); unchanged ones are returned as they are
 * (the same objects, as np.broadcast_arrays does).
 */
export function broadcastArrays(...arrays: NDArray[]): NDArray[] {
  const shape = broadcastShapes(...arrays.map((a) => a.shape))
  return arrays.map((a) => {
    if (a.shape.length === shape.length && a.shape.every((n, i) => n === shape[i])) return a
    return a.broadcastTo(shape)
  })
}

/** `a` itself when C-contiguous, otherwise a C-ordered copy. */
export function ascontiguousarray(a: NDArray): NDArray {
  return a.flags.cContiguous ? a : a.copy('C')
}

/** `a` itself when F-contiguous, otherwise an F-ordered copy. */
export function asfortranarray(a: NDArray): NDArray {
  return a.flags.fContiguous ? a : a.copy('F')
}

export function transpose(a: NDArray, axes?: readonly number[]): NDArray { return a.transpose(axes) }
export function reshape(a: NDArray, shape: number | readonly number[], opts?: { order?: 'C' | 'F' | 'A'; copy?: boolean }): NDArray { return a.reshape(shape, opts) }
export function ravel(a: NDArray, order?: 'C' | 'F' | 'A' | 'K'): NDArray { return a.ravel(order) }
export function swapaxes(a: NDArray, a1: number, a2: number): NDArray { return a.swapaxes(a1, a2) }
export function moveaxis(a: NDArray, s: number | readonly number[], d: number | readonly number[]): NDArray { return a.moveaxis(s, d) }
export function squeeze(a: NDArray, axis?: number | readonly number[]): NDArray { return a.squeeze(axis) }
export function expandDims(a: NDArray, axis: number | readonly number[]): NDArray { return a.expandDims(axis) }
export function flip(a: NDArray, axis?: number | readonly number[]): NDArray { return a.flip(axis) }

export { broadcastShapes, broadcastStrides }
