/**
 * The plain, postable description of a view: what crosses thread boundaries and what kernels loop over.
 * Strides and offset are in elements of `dtype`; the element at index i lives at
 * typedView(buffer, dtype)[offset + Σ i_k·strides[k]].
 */
import type { DTypeName } from './dtype.js'

/**
 * The plain, postable description of a view (buffer, dtype, shape, strides, offset), as made by
 * {@link NDArray.toDescriptor}. Strides and offset are in elements of `dtype`, not bytes: the element at index i
 * is element `offset + Σ i_k·strides[k]` of a `dtype` typed array over the whole buffer.
 */
export interface ArrayDescriptor {
  /** The memory the view reads, shared or not. */
  readonly buffer: SharedArrayBuffer | ArrayBuffer
  /** The element type. */
  readonly dtype: DTypeName
  /** Length of each axis. */
  readonly shape: readonly number[]
  /** Step between neighbours along each axis, in elements (may be 0 or negative). */
  readonly strides: readonly number[]
  /** Index of the first element (index all-zeros), in elements from the start of the buffer. */
  readonly offset: number
}

/** A descriptor copied into a fresh plain object (drops NDArray prototypes before postMessage). */
export function toDescriptor(a: ArrayDescriptor): ArrayDescriptor {
  return { buffer: a.buffer, dtype: a.dtype, shape: [...a.shape], strides: [...a.strides], offset: a.offset }
}
