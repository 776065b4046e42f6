/**
 * Byte extent of a view (spec §1.1): the half-open byte range between its lowest and highest
 * touched byte. Two views can only share memory when both extents are non-empty and intersect.
 */
import { type BigByteView, type DescriptorLike, type ExactView, toByteView, toExactView } from './byte-view.js'

/**
 * [lo, hi) absolute byte offsets (relative to the buffer start) covered by the view's extent.
 * Empty views give [byteOffset, byteOffset]. Numbers are exact while the extent stays within
 * ±2^53 (always true for real buffers); use byteExtentExact for as_strided-style giant strides.
 */
export function byteExtent(v: BigByteView): [number, number] {
  // Fast path: plain numbers whose partial sums stay exact.
  const { shape, byteStrides } = v
  const off = v.byteOffset
  if (typeof off === 'number') {
    let lo = 0
    let hi = 0
    let ok = true
    let empty = false
    for (let k = 0; k < shape.length; k++) {
      const n = shape[k]
      const s = byteStrides[k]
      if (typeof n !== 'number' || typeof s !== 'number' || !Number.isInteger(n) || !Number.isInteger(s) || n < 0) { ok = false; break }
      if (n === 0) { empty = true; continue }
      const d = s * (n - 1)
      if (d > 0) hi += d
      else lo += d
    }
    if (ok && Number.isInteger(off)) {
      if (empty) return [off, off]
      const a = off + lo
      const b = off + hi + v.itemsize
      // Rounding is monotone, so if the results are below 2^53 every step was exact.
      if (Math.abs(a) < 2 ** 53 && Math.abs(b) < 2 ** 53) return [a, b]
    }
  }
  const [lo, hi] = byteExtentExact(v)
  return [Number(lo), Number(hi)]
}

/** byteExtent in exact integers. */
export function byteExtentExact(v: BigByteView): [bigint, bigint] {
  return exactExtent(toExactView(v))
}

/** Extent of an already validated exact view; [offset, offset] when empty. */
export function exactExtent(v: ExactView): [bigint, bigint] {
  let lo = 0n
  let hi = 0n
  for (let k = 0; k < v.shape.length; k++) {
    const n = v.shape[k]!
    if (n === 0n) return [v.offset, v.offset]
    const d = v.strides[k]! * (n - 1n)
    if (d > 0n) hi += d
    else lo += d
  }
  return [v.offset + lo, v.offset + hi + v.itemsize]
}

/**
 * numpy's byte_bounds for an element-level view: [low, high) absolute byte offsets into the
 * buffer (low == high == the view's start for empty views).
 */
export function byteBounds(a: DescriptorLike): [number, number] {
  return byteExtent(toByteView(a))
}
