/**
 * np.unique: the sorted distinct values (or rows along an axis) of an array, with NumPy 2's optional outputs.
 */
import { backToHalf } from './half-input.js'
import { ValueError } from '../../errors.js'
import { checkOptions } from '../../check-options.js'
import { NDArray } from '../../ndarray.js'
import type { TypedArray } from '../../dtype.js'
import { normalizeAxis } from '../../shape.js'
import { argsortBy, argsortStored, asArray, compare, flatStored, fresh, int64Array, sortedCopy, type SearchInput, type Stored } from './sort-util.js'

/** Options of {@link unique}. */
export interface UniqueOptions {
  /** Also return `indices`: the index of the first occurrence of each unique value (NumPy's return_index). */
  returnIndex?: boolean
  /** Also return `inverse`: for each input element the index of its value in `values` (return_inverse). */
  returnInverse?: boolean
  /** Also return `counts`: how often each unique value occurs (return_counts). */
  returnCounts?: boolean
  /** Unique sub-arrays along this axis (rows for 0); undefined/null: the flattened array. */
  axis?: number | null
  /** Collapse all NaNs into one (default true, as NumPy); only without `axis`, as NumPy. */
  equalNan?: boolean
}

/**
 * What {@link unique} returns when any extra output is requested. Only the requested fields are present.
 */
export interface UniqueResult {
  /** The sorted unique values (with `axis`: the unique sub-arrays, sorted lexicographically). */
  values: NDArray
  /** int64: the flat index (or index along `axis`) of the first occurrence of each unique value. */
  indices?: NDArray
  /**
   * int64: `values`' index of each input element. NumPy 2's shape: the input's shape without `axis`
   * (a 0-d input gives a 0-d inverse), 1-d of length a.shape[axis] with `axis`.
   */
  inverse?: NDArray
  /** int64: the number of times each unique value occurs. */
  counts?: NDArray
}

/** The extra outputs of unique, from a stable sort permutation and the group starts. */
function extras(perm: Int32Array, mask: Uint8Array, opts: UniqueOptions, inverseShape: readonly number[]): Omit<UniqueResult, 'values'> {
  const n = perm.length
  const res: Omit<UniqueResult, 'values'> = {}
  const starts: number[] = []
  for (let i = 0; i < n; i++) if (mask[i] === 1) starts.push(i)
  if (opts.returnIndex) res.indices = int64Array(starts.map((s) => perm[s]!))
  if (opts.returnInverse) {
    const inv = new Float64Array(n)
    let g = -1
    for (let i = 0; i < n; i++) { if (mask[i] === 1) g++; inv[perm[i]!] = g }
    res.inverse = int64Array(inv, inverseShape)
  }
  if (opts.returnCounts) res.counts = int64Array(starts.map((s, k) => (k + 1 < starts.length ? starts[k + 1]! : n) - s))
  return res
}

/**
 * NumPy's `unique`: the sorted unique elements of `a` (flattened), or with `axis` the unique sub-arrays along it.
 * -0 and +0 are equal (the first occurrence's sign is kept); NaNs sort last and, with `equalNan` (default),
 * collapse into one. The sort is stable, so `indices` are first occurrences as NumPy documents.
 * @param a the input array (any dtype and layout), or nested JS arrays.
 * @param opts returnIndex, returnInverse, returnCounts, axis, equalNan.
 * @returns the unique values (an NDArray of a's dtype) when no extra output is requested; otherwise a
 *   {@link UniqueResult} `{ values, indices?, inverse?, counts? }` with the requested int64 outputs.
 * @throws AxisError for an axis out of range (a 0-d input has none).
 */
export function unique(a: NDArray | SearchInput, opts?: UniqueOptions & { returnIndex?: false; returnInverse?: false; returnCounts?: false }): NDArray
/** `unique` with extra outputs requested: a {@link UniqueResult}. */
export function unique(a: NDArray | SearchInput, opts: UniqueOptions): UniqueResult | NDArray
export function unique(a: NDArray | SearchInput, opts: UniqueOptions = {}): UniqueResult | NDArray {
  checkOptions('unique', opts, ['returnIndex', 'returnInverse', 'returnCounts', 'axis', 'equalNan'])
  const x = asArray(a, 'unique: a')
  if (x.dtype === 'float16') {
    const r = unique(x.astype('float32'), opts)
    return r instanceof NDArray ? backToHalf(r) : { ...r, values: backToHalf(r.values) }
  }
  const wantExtra = opts.returnIndex === true || opts.returnInverse === true || opts.returnCounts === true
  const equalNan = opts.equalNan ?? true
  if (typeof equalNan !== 'boolean') throw new ValueError(`unique: equalNan must be a boolean, got ${String(equalNan)}`)
  if (opts.axis === undefined || opts.axis === null) {
    const v = flatStored(x)
    const n = v.length
    if (!wantExtra) return uniqueValues(v, x, equalNan)
    const perm = argsortStored(v)
    const mask = new Uint8Array(n)
    for (let i = 0; i < n; i++) mask[i] = i === 0 || compare(v[perm[i]!]!, v[perm[i - 1]!]!) !== 0 || v[perm[i]!] !== v[perm[i]!] ? 1 : 0
    if (equalNan && n > 0 && x.dtypeInfo.kind === 'f') {
      const lastVal = v[perm[n - 1]!] as number
      if (lastVal !== lastVal) {
        let first = n - 1
        while (first > 0 && (v[perm[first - 1]!] as number) !== (v[perm[first - 1]!] as number)) first--
        mask[first] = 1
        for (let i = first + 1; i < n; i++) mask[i] = 0
      }
    }
    const vals: Stored[] = []
    for (let i = 0; i < n; i++) if (mask[i] === 1) vals.push(v[perm[i]!]!)
    const { out, d, off } = fresh([vals.length], x.dtype)
    vals.forEach((val, i) => { d[off + i] = val })
    if (!wantExtra) return out
    return { values: out, ...extras(perm, mask, opts, x.shape) }
  }
  const axis = normalizeAxis(opts.axis, x.ndim)
  const moved = x.moveaxis(axis, 0)
  const rows = x.shape[axis]!
  const rest = moved.shape.slice(1)
  const m = rest.reduce((p, q) => p * q, 1)
  const v = flatStored(moved)
  // rows compare lexicographically, element by element in NumPy's order; NaN never equals NaN here
  const cmpRows = (i: number, j: number): number => {
    for (let k = 0; k < m; k++) {
      const c = compare(v[i * m + k]!, v[j * m + k]!)
      if (c !== 0) return c
    }
    return 0
  }
  const sameRow = (i: number, j: number): boolean => {
    for (let k = 0; k < m; k++) if (!(v[i * m + k]! == v[j * m + k]!)) return false
    return true
  }
  const perm = argsortBy(rows, cmpRows)
  const mask = new Uint8Array(rows)
  for (let i = 0; i < rows; i++) mask[i] = i === 0 || !sameRow(perm[i]!, perm[i - 1]!) ? 1 : 0
  const picked: number[] = []
  for (let i = 0; i < rows; i++) if (mask[i] === 1) picked.push(perm[i]!)
  const { out, d, off } = fresh([picked.length, ...rest], x.dtype)
  picked.forEach((r, i) => { for (let k = 0; k < m; k++) d[off + i * m + k] = v[r * m + k]! })
  const values = out.moveaxis(0, axis).copy()
  if (!wantExtra) return values
  return { values, ...extras(perm, mask, opts, [rows]) }
}

/**
 * Values only: a native typed-array sort of a copy (NaNs last), then the group starts. The zero group takes
 * the sign of the first zero in the input, as the stable sort of the general path gives.
 */
function uniqueValues(v: TypedArray, x: NDArray, equalNan: boolean): NDArray {
  const n = v.length
  const sorted = sortedCopy(v)
  const isFloat = x.dtypeInfo.kind === 'f'
  let zeroSign = 0
  if (isFloat) {
    const f = v as Float64Array
    for (let i = 0; i < n; i++) if (f[i] === 0) { zeroSign = Object.is(f[i], -0) ? -0 : 0; break }
  }
  const out: Stored[] = []
  let nanSeen = false
  for (let i = 0; i < n; i++) {
    const s = sorted[i]!
    if (s !== s) {
      if (equalNan && nanSeen) break
      nanSeen = true
      out.push(s)
      continue
    }
    // eslint-disable-next-line eqeqeq
    if (i > 0 && s == sorted[i - 1]!) continue
    out.push(isFloat && s === 0 ? zeroSign : s)
  }
  const { out: res, d, off } = fresh([out.length], x.dtype)
  out.forEach((val, i) => { d[off + i] = val })
  return res
}
