/**
 * The plain, postable description of a view: what crosses thread boundaries and what kernels loop over.
 * Strides and offset are in elements of `dtype`; the element at index i lives at
 * typedView(buffer, dtype)[offset + Σ i_k·strides[k]].
 */
import type { DTypeName } from './dtype.js'

export interface ArrayDescriptor {
  readonly buffer: SharedArrayBuffer | ArrayBuffer
  readonly dtype: DTypeName
  readonly shape: readonly number[]
  readonly strides: readonly number[]
  readonly offset: number
}

/** A descriptor copied into a fresh plain object (drops NDArray prototypes before postMessage). */
export function toDescriptor(a: ArrayDescriptor): ArrayDescriptor {
  return { buffer: a.buffer, dtype: a.dtype, shape: [...a.shape], strides: [...a.strides], offset: a.offset }
}
