/**
 * NumPy basic indexing: integers, slices, Ellipsis and newaxis, as a string expression
 * ('1:5:2, ..., None, ::-1, 3') or as programmatic items. Pure layout math: returns the new
 * shape, strides and offset of the view, never touches memory.
 */
import { IndexError, ValueError } from './errors.js'

/** A slice, Python's `start:stop:step`, as a programmatic index item (`{ start: 1, step: 2 }` is `1::2`). */
export interface SliceSpec {
  /** First index (negative counts from the end); omitted or null: the start of the axis (its end for a negative step). */
  start?: number | null
  /** Index to stop before (negative counts from the end); omitted or null: past the end of the axis (before its start for a negative step). */
  stop?: number | null
  /** Step between indices, nonzero; omitted or null: 1. */
  step?: number | null
}
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

const SLICE_KEYS: readonly string[] = ['start', 'stop', 'step']
const ADVANCED = "valid index items are integers, slice specs, null, '...', index-expression strings, integer index arrays (nested JS arrays or integer NDArrays) and boolean masks (bool NDArrays, nested JS booleans, true/false)"

/** A short, safe rendering of an index item for messages (bigints, NDArrays and long arrays included). */
function describeItem(x: unknown): string {
  if (typeof x === 'bigint') return `${x}n`
  if (typeof x === 'string') return JSON.stringify(x)
  if (typeof x !== 'object' || x === null) return String(x)
  const o = x as { shape?: unknown; dtype?: unknown }
  if (Array.isArray(o.shape) && typeof o.dtype === 'string') {
    return `an NDArray of shape (${o.shape.join(', ')}${o.shape.length === 1 ? ',' : ''}) and dtype ${o.dtype}`
  }
  const proto = Object.getPrototypeOf(x) as unknown
  if (!Array.isArray(x) && proto !== Object.prototype && proto !== null) return Object.prototype.toString.call(x)
  let text: string
  try {
    text = JSON.stringify(x, (_k, v: unknown) => (typeof v === 'bigint' ? `${v}n` : v)) ?? String(x)
  } catch {
    text = Object.prototype.toString.call(x)
  }
  return text.length > 60 ? `${text.slice(0, 57)}...` : text
}

/**
 * Reject any index item basic indexing does not define, before anything is computed, so that a JS array, an
 * NDArray, a boolean or a stray object can never be read as a full slice.
 * @param it the item
 * @param pos its position among the items (for the message)
 * @throws IndexError naming the item: not a number, null, '...' or a plain { start?, stop?, step? } object
 *   with at least one of those keys and no others.
 */
export function checkIndexItem(it: unknown, pos: number): void {
  if (it === null || it === '...' || typeof it === 'number') return
  const head = `index item ${describeItem(it)} (position ${pos})`
  if (typeof it === 'object') {
    const proto = Object.getPrototypeOf(it) as unknown
    if (!Array.isArray(it) && (proto === Object.prototype || proto === null)) {
      const keys = Object.keys(it)
      const bad = keys.filter((k) => !SLICE_KEYS.includes(k))
      if (bad.length === 0 && keys.length > 0) return
      const why = bad.length > 0 ? `has unknown key${bad.length === 1 ? '' : 's'} ${bad.map((k) => `'${k}'`).join(', ')}` : 'has none of start, stop, step'
      throw new IndexError(
        `${head} is not a valid slice spec: it ${why} (a slice spec is { start?, stop?, step? } with at least one of them; ` +
          `use ':' or { start: null } for a whole axis); ${ADVANCED}`,
      )
    }
    throw new IndexError(`${head} is not a basic index (an integer, a slice spec, null or '...'): ${ADVANCED}`)
  }
  if (typeof it === 'boolean') throw new IndexError(`${head} is not a basic index: a boolean index is a 0-d boolean mask; ${ADVANCED}`)
  if (typeof it === 'bigint') throw new IndexError(`${head} is not a basic index: pass an integer as a number (Number(i)); ${ADVANCED}`)
  throw new IndexError(`${head} is not a basic index (an integer, a slice spec, null or '...'): ${ADVANCED}`)
}

/** Apply basic index items to a layout. Integers drop axes, null inserts a stride-0 axis of length 1. */
export function applyBasicIndex(shape: readonly number[], strides: readonly number[], offset: number, items: readonly IndexItem[]): ViewLayout {
  const nd = shape.length
  items.forEach(checkIndexItem)
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
