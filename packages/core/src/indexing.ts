/**
 * NumPy basic indexing: integers, slices, Ellipsis and newaxis, as a string expression
 * ('1:5:2, ..., None, ::-1, 3') or as programmatic items. Pure layout math: returns the new
 * shape, strides and offset of the view, never touches memory.
 */
import { IndexError, ValueError } from './errors.js'

export interface SliceSpec { start?: number | null; stop?: number | null; step?: number | null }
/** One index item: an integer, a slice, `null` (newaxis) or '...' (Ellipsis). */
export type IndexItem = number | SliceSpec | null | '...'

export interface ViewLayout { shape: number[]; strides: number[]; offset: number }

const INT = /^[+-]?\d+$/

function parseBound(text: string, expr: string): number | null {
  const t = text.trim()
  if (t === '' || t === 'None') return null
  if (!INT.test(t)) throw new IndexError(`invalid slice bound ${JSON.stringify(t)} in index expression ${JSON.stringify(expr)}`)
  return Number(t)
}

/** Parse an index expression such as '1:5:2, ..., None, ::-1, 3' into items. */
export function parseIndexExpression(expr: string): IndexItem[] {
  if (expr.trim() === '') return []
  const parts = expr.split(',')
  // a trailing comma as in Python's 'a[1,]' is allowed
  if (parts.length > 1 && parts[parts.length - 1]!.trim() === '') parts.pop()
  return parts.map((raw): IndexItem => {
    const p = raw.trim()
    if (p === '...' || p === 'Ellipsis') return '...'
    if (p === 'None' || p === 'newaxis' || p === 'np.newaxis') return null
    if (p.includes(':')) {
      const bits = p.split(':')
      if (bits.length > 3) throw new IndexError(`invalid slice ${JSON.stringify(p)} in index expression ${JSON.stringify(expr)}`)
      return { start: parseBound(bits[0]!, expr), stop: parseBound(bits[1]!, expr), step: bits.length === 3 ? parseBound(bits[2]!, expr) : null }
    }
    if (INT.test(p)) return Number(p)
    throw new IndexError(`invalid index ${JSON.stringify(p)} in index expression ${JSON.stringify(expr)}: only integers, slices (start:stop:step), '...' and None are basic indices`)
  })
}

/** Python's slice.indices(n): normalised start, stop, step and the resulting length. */
export function normalizeSlice(spec: SliceSpec, n: number, axis = 0): { start: number; stop: number; step: number; length: number } {
  const step = spec.step ?? 1
  if (!Number.isInteger(step)) throw new IndexError(`slice step must be an integer, got ${String(step)} on axis ${axis}`)
  if (step === 0) throw new ValueError(`slice step cannot be zero (axis ${axis})`)
  for (const v of [spec.start, spec.stop]) {
    if (v != null && !Number.isInteger(v)) throw new IndexError(`slice bounds must be integers, got ${String(v)} on axis ${axis}`)
  }
  let start: number
  let stop: number
  if (step > 0) {
    start = spec.start == null ? 0 : clampPos(spec.start, n)
    stop = spec.stop == null ? n : clampPos(spec.stop, n)
  } else {
    start = spec.start == null ? n - 1 : clampNeg(spec.start, n)
    stop = spec.stop == null ? -1 : clampNeg(spec.stop, n)
  }
  const length = step > 0 ? Math.max(0, Math.ceil((stop - start) / step)) : Math.max(0, Math.ceil((stop - start) / step))
  return { start, stop, step, length }
}

function clampPos(v: number, n: number): number {
  if (v < 0) v += n
  if (v < 0) return 0
  return v > n ? n : v
}

function clampNeg(v: number, n: number): number {
  if (v < 0) v += n
  if (v < 0) return -1
  return v >= n ? n - 1 : v
}

function isSliceSpec(x: unknown): x is SliceSpec {
  return typeof x === 'object' && x !== null
}

/** Apply basic index items to a layout. Integers drop axes, null inserts a stride-0 axis of length 1. */
export function applyBasicIndex(shape: readonly number[], strides: readonly number[], offset: number, items: readonly IndexItem[]): ViewLayout {
  const nd = shape.length
  let ellipses = 0
  let consumed = 0
  for (const it of items) {
    if (it === '...') ellipses++
    else if (it !== null) consumed++
  }
  if (ellipses > 1) throw new IndexError('an index can only have a single ellipsis (\'...\')')
  if (consumed > nd) {
    throw new IndexError(`too many indices for array: array is ${nd}-dimensional, but ${consumed} were indexed`)
  }
  const outShape: number[] = []
  const outStrides: number[] = []
  let off = offset
  let axis = 0
  const take = (it: IndexItem): void => {
    if (it === null) { outShape.push(1); outStrides.push(0); return }
    if (typeof it === 'number') {
      if (!Number.isInteger(it)) throw new IndexError(`only integers, slices, '...' and null are valid indices, got ${it}`)
      const n = shape[axis]!
      const i = it < 0 ? it + n : it
      if (i < 0 || i >= n) throw new IndexError(`index ${it} is out of bounds for axis ${axis} with size ${n}`)
      off += i * strides[axis]!
      axis++
      return
    }
    if (isSliceSpec(it)) {
      const n = shape[axis]!
      const s = normalizeSlice(it, n, axis)
      // NumPy leaves the pointer and stride alone for an empty result
      if (s.length > 0) { off += s.start * strides[axis]!; outStrides.push(s.step * strides[axis]!) } else outStrides.push(strides[axis]!)
      outShape.push(s.length)
      axis++
      return
    }
    throw new IndexError(`invalid index item ${JSON.stringify(it)}`)
  }
  for (const it of items) {
    if (it === '...') {
      const fill = nd - consumed
      for (let k = 0; k < fill; k++) take({})
    } else take(it)
  }
  while (axis < nd) take({})
  return { shape: outShape, strides: outStrides, offset: off }
}

/** Normalise an integer index for get/set (negative from the end), or IndexError. */
export function normalizeIndex(i: number, n: number, axis: number): number {
  if (!Number.isInteger(i)) throw new IndexError(`index ${String(i)} on axis ${axis} must be an integer`)
  const j = i < 0 ? i + n : i
  if (j < 0 || j >= n) throw new IndexError(`index ${i} is out of bounds for axis ${axis} with size ${n}`)
  return j
}
