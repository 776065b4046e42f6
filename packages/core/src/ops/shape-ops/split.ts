/**
 * Splitting arrays: NumPy's split, array_split, hsplit, vsplit and dsplit. Every piece is a view of the input
 * (a basic slice along the axis), never a copy; an empty piece keeps the input's first element as its pointer,
 * as a NumPy empty slice does.
 */
import { AxisError, DTypeError, ValueError } from '../../errors.js'
import { checkOptions } from '../../check-options.js'
import { NDArray } from '../../ndarray.js'
import { asArray, fmtShape, sliceAxis, toInt, type ArrayInput } from './common.js'

/** Where to split: a number of sections, or the sorted (or not) indices at which pieces start. */
export type IndicesOrSections = number | bigint | readonly (number | bigint)[] | NDArray

/** Options of the split functions. */
export interface SplitOptions {
  /** The axis to split along (default 0; negative counts from the end). */
  axis?: number
}

/** `raw` is the number as given: np.split tests equal division with it before array_split truncates it. */
type Plan = { kind: 'sections'; n: number; raw: number } | { kind: 'indices'; points: number[] }

function planOf(op: string, ios: IndicesOrSections): Plan {
  if (ios instanceof NDArray) {
    const kind = ios.dtypeInfo.kind
    if (kind !== 'i' && kind !== 'u' && kind !== 'b') {
      throw new DTypeError(`${op}: indices_or_sections must be integers, got an array of dtype ${ios.dtype} (slice indices must be integers)`)
    }
    const vals = ios.toFlatArray().map((v, i) => toInt(v, op, `index ${i}`))
    // a 0-d array is a number of sections (it has no length), as in NumPy
    return ios.ndim === 0 ? { kind: 'sections', n: vals[0]!, raw: vals[0]! } : { kind: 'indices', points: vals }
  }
  if (Array.isArray(ios)) return { kind: 'indices', points: ios.map((v, i) => toInt(v, op, `index ${i}`)) }
  if (typeof ios === 'bigint') {
    const n = toInt(ios, op, 'sections')
    return { kind: 'sections', n, raw: n }
  }
  if (typeof ios !== 'number' || !Number.isFinite(ios)) throw new DTypeError(`${op}: indices_or_sections must be an integer or a list of integers, got ${String(ios)}`)
  // NumPy takes int() of a float number of sections (truncation)
  return { kind: 'sections', n: Math.trunc(ios), raw: ios }
}

/** The length of `axis` (Python indexing of the shape: negative counts from the end). */
function axisLength(op: string, a: NDArray, axis: number): number {
  if (!Number.isInteger(axis) || axis < -a.ndim || axis >= a.ndim) {
    throw new AxisError(`${op}: axis ${String(axis)} is out of bounds for array of dimension ${a.ndim} (shape ${fmtShape(a.shape)})`)
  }
  return a.shape[axis < 0 ? axis + a.ndim : axis]!
}

function splitPieces(op: string, a: NDArray, plan: Plan, axis: number): NDArray[] {
  const n = axisLength(op, a, axis)
  const ax = axis < 0 ? axis + a.ndim : axis
  let bounds: number[]
  if (plan.kind === 'indices') bounds = [0, ...plan.points, n]
  else {
    const k = plan.n
    if (k <= 0) throw new ValueError(`${op}: number sections must be larger than 0. (got ${k} for axis ${ax} of length ${n})`)
    // the first n % k pieces get one extra element
    const each = Math.floor(n / k)
    const extras = n % k
    bounds = [0]
    for (let i = 0; i < k; i++) bounds.push(bounds[i]! + each + (i < extras ? 1 : 0))
  }
  const pieces: NDArray[] = []
  // Python slice semantics for each [start, stop): negative indices count from the end, out-of-range ones clamp
  for (let i = 0; i + 1 < bounds.length; i++) pieces.push(sliceAxis(a, ax, bounds[i]!, bounds[i + 1]!))
  return pieces
}

/**
 * Split an array into pieces along an axis, allowing unequal division (np.array_split): k sections give
 * n % k pieces of ⌈n/k⌉ elements then the rest of ⌊n/k⌋; a list of indices splits before each index (Python slice
 * semantics, so negative indices count from the end and out-of-order ones give empty pieces).
 * @param a the array (at least 1-D).
 * @param indicesOrSections the number of sections, or the split indices.
 * @param opts `axis` (default 0).
 * @returns the pieces, views of `a`.
 * @throws {@link AxisError} when `axis` is out of range (NumPy: IndexError).
 * @throws {@link ValueError} for a number of sections below 1.
 * @throws {@link DTypeError} for non-integer indices.
 */
export function arraySplit(a: ArrayInput, indicesOrSections: IndicesOrSections, opts: SplitOptions = {}): NDArray[] {
  checkOptions('arraySplit', opts, ['axis'])
  const arr = asArray(a, 'arraySplit', 'a')
  return splitPieces('arraySplit', arr, planOf('arraySplit', indicesOrSections), opts.axis ?? 0)
}

function splitAs(op: string, arr: NDArray, ios: IndicesOrSections, axis: number): NDArray[] {
  const plan = planOf(op, ios)
  if (plan.kind === 'sections') {
    const n = axisLength(op, arr, axis)
    if (plan.raw === 0) throw new ValueError(`${op}: cannot split into 0 sections (integer modulo by zero; axis ${axis} has length ${n})`)
    // only zero-ness matters, which JavaScript's % and Python's agree on
    if (n % plan.raw !== 0) {
      throw new ValueError(`${op}: array split does not result in an equal division: axis ${axis} of length ${n} into ${plan.raw} sections`)
    }
  }
  return splitPieces(op, arr, plan, axis)
}

/**
 * Split an array into equal pieces, or at the given indices (np.split).
 * @param a the array (at least 1-D).
 * @param indicesOrSections a number of sections that must divide the axis length exactly, or the split indices
 *   (as {@link arraySplit}).
 * @param opts `axis` (default 0).
 * @returns the pieces, views of `a`.
 * @throws {@link ValueError} when the sections do not divide the axis equally, or are 0 or negative.
 * @throws {@link AxisError} when `axis` is out of range (NumPy: IndexError).
 * @throws {@link DTypeError} for non-integer indices.
 */
export function split(a: ArrayInput, indicesOrSections: IndicesOrSections, opts: SplitOptions = {}): NDArray[] {
  checkOptions('split', opts, ['axis'])
  return splitAs('split', asArray(a, 'split', 'a'), indicesOrSections, opts.axis ?? 0)
}

/**
 * Split along axis 1, or axis 0 for a 1-D array (np.hsplit); equal division as {@link split}.
 * @param a the array (at least 1-D).
 * @param indicesOrSections the number of sections or the split indices.
 * @returns the pieces, views of `a`.
 * @throws {@link ValueError} for a 0-d array, or sections that do not divide the axis equally.
 */
export function hsplit(a: ArrayInput, indicesOrSections: IndicesOrSections): NDArray[] {
  const arr = asArray(a, 'hsplit', 'a')
  if (arr.ndim === 0) throw new ValueError('hsplit only works on arrays of 1 or more dimensions (got shape ())')
  return splitAs('hsplit', arr, indicesOrSections, arr.ndim > 1 ? 1 : 0)
}

/**
 * Split along axis 0 (np.vsplit); equal division as {@link split}.
 * @param a the array (at least 2-D).
 * @param indicesOrSections the number of sections or the split indices.
 * @returns the pieces, views of `a`.
 * @throws {@link ValueError} for an array with fewer than 2 dimensions, or sections that do not divide the axis.
 */
export function vsplit(a: ArrayInput, indicesOrSections: IndicesOrSections): NDArray[] {
  const arr = asArray(a, 'vsplit', 'a')
  if (arr.ndim < 2) throw new ValueError(`vsplit only works on arrays of 2 or more dimensions (got shape ${fmtShape(arr.shape)})`)
  return splitAs('vsplit', arr, indicesOrSections, 0)
}

/**
 * Split along axis 2 (np.dsplit); equal division as {@link split}.
 * @param a the array (at least 3-D).
 * @param indicesOrSections the number of sections or the split indices.
 * @returns the pieces, views of `a`.
 * @throws {@link ValueError} for an array with fewer than 3 dimensions, or sections that do not divide the axis.
 */
export function dsplit(a: ArrayInput, indicesOrSections: IndicesOrSections): NDArray[] {
  const arr = asArray(a, 'dsplit', 'a')
  if (arr.ndim < 3) throw new ValueError(`dsplit only works on arrays of 3 or more dimensions (got shape ${fmtShape(arr.shape)})`)
  return splitAs('dsplit', arr, indicesOrSections, 2)
}
