/**
 * Logical-order (C order) walks over strided index spaces. These are the slow, general loops used by
 * element access paths (toArray, printing, selection); hot kernels live in kernels/.
 */

/** Call fn(elementOffset, flatIndex) for every element of a view, in C order of its logical index. */
export function forEachOffset(shape: readonly number[], strides: readonly number[], offset: number, fn: (off: number, i: number) => void): void {
  const nd = shape.length
  let size = 1
  for (let k = 0; k < nd; k++) size *= shape[k]!
  if (size === 0) return
  if (nd === 0) { fn(offset, 0); return }
  const idx = new Array<number>(nd).fill(0)
  const last = nd - 1
  const n = shape[last]!
  const s = strides[last]!
  let base = offset
  for (let i = 0; i < size; i += n) {
    for (let j = 0; j < n; j++) fn(base + j * s, i + j)
    // odometer carry over the outer axes
    let k = last - 1
    while (k >= 0) {
      idx[k]!++
      base += strides[k]!
      if (idx[k]! < shape[k]!) break
      base -= strides[k]! * shape[k]!
      idx[k] = 0
      k--
    }
  }
}

/** Element offsets of a view in C order, as an array (for small views and tests). */
export function offsetsOf(shape: readonly number[], strides: readonly number[], offset: number): number[] {
  const out: number[] = []
  forEachOffset(shape, strides, offset, (o) => out.push(o))
  return out
}
