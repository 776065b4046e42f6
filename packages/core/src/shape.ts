/**
 * Pure shape and stride arithmetic (no memory access). Strides are in elements.
 */
import { AxisError, ShapeError, ValueError } from './errors.js'

/** Memory layout: `'C'` row-major (last axis fastest) or `'F'` column-major (first axis fastest), as in NumPy. */
export type Order = 'C' | 'F'

/** Number of elements of a shape (1 for 0-d). */
export function shapeSize(shape: readonly number[]): number {
  let n = 1
  for (let i = 0; i < shape.length; i++) n *= shape[i]!
  return n
}

/** Validate a user shape: non-negative safe integers. `what` names the operand in the error. */
export function checkShape(shape: readonly number[], what = 'shape'): number[] {
  if (!Array.isArray(shape)) throw new ShapeError(`${what} must be an array of integers, got ${String(shape)}`)
  for (const n of shape) {
    if (!Number.isSafeInteger(n) || n < 0) {
      throw new ShapeError(`${what} (${shape.join(', ')}) has an invalid dimension ${String(n)}: dimensions must be non-negative integers`)
    }
  }
  if (!Number.isSafeInteger(shapeSize(shape))) throw new ShapeError(`${what} (${shape.join(', ')}) has too many elements`)
  return [...shape]
}

/** Contiguous strides (elements) for a shape; size-1 axes get the natural value, as NumPy does. */
export function contiguousStrides(shape: readonly number[], order: Order = 'C'): number[] {
  const nd = shape.length
  const strides = new Array<number>(nd)
  let s = 1
  if (order === 'C') {
    for (let i = nd - 1; i >= 0; i--) { strides[i] = s; s *= Math.max(shape[i]!, 1) }
  } else {
    for (let i = 0; i < nd; i++) { strides[i] = s; s *= Math.max(shape[i]!, 1) }
  }
  return strides
}

/** NumPy's C_CONTIGUOUS rule: empty → true; ignore length-1 axes; strides must be dense row-major. */
export function isCContiguous(shape: readonly number[], strides: readonly number[]): boolean {
  if (shape.includes(0)) return true
  let expected = 1
  for (let i = shape.length - 1; i >= 0; i--) {
    const n = shape[i]!
    if (n === 1) continue
    if (strides[i] !== expected) return false
    expected *= n
  }
  return true
}

/** NumPy's F_CONTIGUOUS rule, the same walk from the first axis. */
export function isFContiguous(shape: readonly number[], strides: readonly number[]): boolean {
  if (shape.includes(0)) return true
  let expected = 1
  for (let i = 0; i < shape.length; i++) {
    const n = shape[i]!
    if (n === 1) continue
    if (strides[i] !== expected) return false
    expected *= n
  }
  return true
}

/**
 * Strides (elements) of a new array laid out like (shape, strides) in NumPy's KEEPORDER: the axes sorted by
 * |stride| descending (ties keep axis order), packed densely (PyArray_CreateSortedStridePerm + new-like-array).
 */
export function keepOrderStrides(shape: readonly number[], strides: readonly number[]): number[] {
  const perm = [...shape.keys()].sort((x, y) => Math.abs(strides[y]!) - Math.abs(strides[x]!) || x - y)
  const out = new Array<number>(shape.length)
  let s = 1
  for (let i = perm.length - 1; i >= 0; i--) {
    const p = perm[i]!
    out[p] = s
    s *= shape[p]!
  }
  return out
}

/**
 * The axis permutation (outermost first) in which NumPy's nditer walks an array in KEEPORDER without negating
 * strides (flatten('K') / a copying ravel('K')): a stable insertion sort by |stride| where length-1 axes count
 * as stride 0 and a comparison involving a zero stride is ambiguous (the axes keep their C order).
 */
export function keepOrderIterAxes(shape: readonly number[], strides: readonly number[]): number[] {
  const nd = shape.length
  // nditer's axis data run from the last (fastest) axis to the first
  const perm = [...Array(nd).keys()].map((j) => nd - 1 - j)
  const st = (ax: number): number => (shape[ax] === 1 ? 0 : strides[ax]!)
  for (let i0 = 1; i0 < nd; i0++) {
    const ax0 = perm[i0]!
    const s0 = st(ax0)
    let ipos = i0
    for (let i1 = i0 - 1; i1 >= 0; i1--) {
      const s1 = st(perm[i1]!)
      if (s0 === 0 || s1 === 0) continue // ambiguous: look further left
      if (Math.abs(s1) > Math.abs(s0)) ipos = i1
      else break
    }
    if (ipos !== i0) {
      perm.splice(i0, 1)
      perm.splice(ipos, 0, ax0)
    }
  }
  return perm.reverse()
}

/** Normalise one axis (negative counts from the end). Throws AxisError naming the operand. */
export function normalizeAxis(axis: number, ndim: number, what = 'axis'): number {
  if (!Number.isInteger(axis)) throw new AxisError(`${what} must be an integer, got ${String(axis)}`)
  if (axis < -ndim || axis >= ndim) {
    throw new AxisError(`${what} ${axis} is out of bounds for array of dimension ${ndim}`)
  }
  return axis < 0 ? axis + ndim : axis
}

/** Normalise an axis list; duplicates throw ValueError as in NumPy. */
export function normalizeAxes(axes: readonly number[], ndim: number, what = 'axis'): number[] {
  const out = axes.map((a) => normalizeAxis(a, ndim, what))
  if (new Set(out).size !== out.length) throw new ValueError(`duplicate value in '${what}': (${axes.join(', ')})`)
  return out
}

/** The broadcast shape of several shapes, or ShapeError in NumPy's words. */
export function broadcastShapes(...shapes: (readonly number[])[]): number[] {
  return broadcastShapeOf(shapes)
}

/** broadcastShapes over a list; `op` (e.g. 'add') prefixes the error message so it names the operation. */
export function broadcastShapeOf(shapes: readonly (readonly number[])[], op?: string): number[] {
  let nd = 0
  for (const s of shapes) if (s.length > nd) nd = s.length
  const out = new Array<number>(nd).fill(1)
  for (const s of shapes) {
    for (let i = 0; i < s.length; i++) {
      const j = nd - s.length + i
      const n = s[i]!
      const m = out[j]!
      if (n === m || n === 1) continue
      if (m === 1) { out[j] = n; continue }
      // NumPy's ufunc text, trailing space included
      const shown = shapes.map((x) => `(${x.join(',')}${x.length === 1 ? ',' : ''})`).join(' ')
      throw new ShapeError(`${op ? `${op}: ` : ''}operands could not be broadcast together with shapes ${shown} `)
    }
  }
  return out
}

/** Strides that present a view of `shape`/`strides` as `target` by broadcasting (stride 0 where stretched). */
export function broadcastStrides(shape: readonly number[], strides: readonly number[], target: readonly number[], what = 'array'): number[] {
  if (target.length < shape.length) {
    throw new ShapeError(`cannot broadcast ${what} with shape (${shape.join(', ')}) to (${target.join(', ')}): the target has fewer dimensions`)
  }
  const out = new Array<number>(target.length).fill(0)
  const lead = target.length - shape.length
  for (let i = 0; i < shape.length; i++) {
    const n = shape[i]!
    const t = target[lead + i]!
    if (n === t) out[lead + i] = n === 1 ? 0 : strides[i]!
    else if (n === 1) out[lead + i] = 0
    else throw new ShapeError(`cannot broadcast ${what} with shape (${shape.join(', ')}) to shape (${target.join(', ')})`)
  }
  return out
}

/** [lowest, highest] element offsets a non-empty view touches (relative to nothing: absolute offsets). */
export function elementExtent(shape: readonly number[], strides: readonly number[], offset: number): [number, number] {
  let lo = offset
  let hi = offset
  for (let i = 0; i < shape.length; i++) {
    const span = strides[i]! * (shape[i]! - 1)
    if (span < 0) lo += span
    else hi += span
  }
  return [lo, hi]
}
