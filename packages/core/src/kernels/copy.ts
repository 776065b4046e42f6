/**
 * Strided copy with dtype cast: dst[i] = cast(src[i]) for every logical index i. `src` must already have
 * dst's shape (broadcast with stride 0 where needed). Used by copy(), astype(), reshape copies, flatten and
 * assignment.
 */
import type { ArrayDescriptor } from '../descriptor.js'
import { typedView, DTYPES } from '../dtype.js'
import { forEachOffset } from '../iterate.js'
import { castStored } from '../scalar.js'

export function copyInto(dst: ArrayDescriptor, src: ArrayDescriptor): void {
  const d = typedView(dst.buffer, dst.dtype) as unknown as { [i: number]: number | bigint }
  const s = typedView(src.buffer, src.dtype) as unknown as { [i: number]: number | bigint }
  const srcOffsets: number[] = []
  // read everything first: dst may alias src (assignment semantics are copy-first)
  forEachOffset(src.shape, src.strides, src.offset, (o) => srcOffsets.push(o))
  const values = srcOffsets.map((o) => s[o]!)
  const same = dst.dtype === src.dtype || (DTYPES[dst.dtype].TypedArray === DTYPES[src.dtype].TypedArray && dst.dtype !== 'bool' && src.dtype !== 'bool')
  forEachOffset(dst.shape, dst.strides, dst.offset, (o, i) => {
    d[o] = same ? values[i]! : castStored(values[i]!, src.dtype, dst.dtype)
  })
}
