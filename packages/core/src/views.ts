/**
 * Function forms of view operations (NumPy's np.broadcast_to, np.broadcast_arrays, ...), and the
 * contiguity helpers that copy only when needed.
 */
import { NDArray } from './ndarray.js'
import { broadcastShapes, broadcastStrides } from './shape.js'
import { checkOptions } from './check-options.js'

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

/**
 * Permute the axes of `a`, a view (NumPy's `transpose`).
 * @param a - the array.
 * @param axes - the new order of the axes, a permutation of 0..ndim−1 (negative counts from the end); default: reversed.
 * @returns a view of `a` with its axes permuted.
 * @throws {@link ValueError} when `axes` does not have ndim entries or repeats an axis.
 * @throws {@link AxisError} when an axis is out of range.
 */
export function transpose(a: NDArray, axes?: readonly number[]): NDArray { return a.transpose(axes) }
/**
 * Give `a` a new shape without changing its elements (NumPy's `reshape`); a view whenever NumPy's is one.
 * @param a - the array.
 * @param shape - the new shape (one entry may be -1, inferred from the size), or one integer for a 1-D result.
 * @param opts - `order` of reading and placing the elements ('C' default, 'F', 'A') and `copy` (true: always copy;
 *   false: never, throw instead; default: copy only when needed).
 * @returns the reshaped array.
 * @throws {@link ShapeError} when an entry is not an integer, more than one is negative, or the sizes differ.
 * @throws {@link ValueError} when `copy` is false and a copy is needed.
 */
export function reshape(a: NDArray, shape: number | readonly number[], opts?: { order?: 'C' | 'F' | 'A'; copy?: boolean }): NDArray {
  checkOptions('reshape', opts, ['order', 'copy'])
  return a.reshape(shape, opts)
}
/**
 * The elements of `a` as a 1-D array (NumPy's `ravel`): a view when `a` is contiguous in that order, otherwise a copy.
 * @param a - the array.
 * @param order - the order of reading the elements: 'C' (default), 'F', 'A' (F for an F-contiguous, not
 *   C-contiguous array) or 'K' (memory order).
 * @returns a 1-D array of `a.size` elements.
 * @throws {@link ValueError} for any other `order`.
 */
export function ravel(a: NDArray, order?: 'C' | 'F' | 'A' | 'K'): NDArray { return a.ravel(order) }
/**
 * Interchange two axes of `a`, a view (NumPy's `swapaxes`).
 * @param a - the array.
 * @param a1 - the first axis (negative counts from the end).
 * @param a2 - the second axis.
 * @returns a view of `a` with the two axes exchanged.
 * @throws {@link AxisError} when an axis is out of range.
 */
export function swapaxes(a: NDArray, a1: number, a2: number): NDArray { return a.swapaxes(a1, a2) }
/**
 * Move axes of `a` to new positions, the other axes keeping their order, a view (NumPy's `moveaxis`).
 * @param a - the array.
 * @param s - the axis or axes to move (negative counts from the end).
 * @param d - their destinations, one per source axis.
 * @returns a view of `a` with the axes moved.
 * @throws {@link AxisError} when an axis is out of range.
 * @throws {@link ValueError} when `s` and `d` differ in length or either repeats an axis.
 */
export function moveaxis(a: NDArray, s: number | readonly number[], d: number | readonly number[]): NDArray { return a.moveaxis(s, d) }
/**
 * Remove length-1 axes of `a`, a view (NumPy's `squeeze`); `a` itself when there is none to remove.
 * @param a - the array.
 * @param axis - the axis or axes to remove; default: every length-1 axis.
 * @returns `a` without those axes.
 * @throws {@link ShapeError} when a selected axis does not have length 1.
 * @throws {@link AxisError} when an axis is out of range.
 */
export function squeeze(a: NDArray, axis?: number | readonly number[]): NDArray { return a.squeeze(axis) }
/**
 * Insert length-1 axes into `a`, a view (NumPy's `expand_dims`).
 * @param a - the array.
 * @param axis - the position or positions of the new axes in the result (negative counts from the result's end).
 * @returns a view of `a` with ndim increased by the number of positions.
 * @throws {@link AxisError} when a position is out of range for the result.
 * @throws {@link ValueError} when a position is repeated.
 */
export function expandDims(a: NDArray, axis: number | readonly number[]): NDArray { return a.expandDims(axis) }
/**
 * Reverse the order of the elements of `a` along axes, a view with negative strides (NumPy's `flip`).
 * @param a - the array.
 * @param axis - the axis or axes to reverse; default: all.
 * @returns a view of `a`, reversed along those axes.
 * @throws {@link AxisError} when an axis is out of range.
 * @throws {@link ValueError} when an axis is repeated.
 */
export function flip(a: NDArray, axis?: number | readonly number[]): NDArray { return a.flip(axis) }

export { broadcastShapes, broadcastStrides }
