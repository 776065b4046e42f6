/**
 * np.searchsorted: insertion points of values into a sorted 1-d array, NumPy's binary search step for step
 * (NaNs sort last; an unsorted `a` gives NumPy's answer too).
 */
import { halfAsFloat } from './half-input.js'
import { type Scalar } from '../../dtype.js'
import { DTypeError, ValueError } from '../../errors.js'
import { checkOptions } from '../../check-options.js'
import { NDArray } from '../../ndarray.js'
import { resultType } from '../promotion.js'
import { asArray, flatAs, flatStored, fresh, lessThan, shapeStr, writeIndices, type SearchInput, type Stored } from './sort-util.js'

/** Which insertion point {@link searchsorted} returns among equal values. */
export type SearchSide = 'left' | 'right'

/** Options of {@link searchsorted}. */
export interface SearchSortedOptions {
  /** 'left' (default): the first suitable index, `a[i-1] < v <= a[i]`; 'right': the last, `a[i-1] <= v < a[i]`. */
  side?: SearchSide
  /** Integer indices that sort `a` ascending (as from an argsort); `a` itself need not be sorted then. */
  sorter?: NDArray | SearchInput
}

/**
 * NumPy's `searchsorted`: the indices where inserting the values `v` into the ascending 1-d array `a` keeps
 * it sorted. Values are compared in their common dtype (NumPy's promotion; a JS scalar is compared by value,
 * and as a double against int64/uint64 when it is fractional), with NaN after every number.
 * @param a a 1-d array sorted ascending (or any order with `sorter`).
 * @param v the values to insert: a scalar, an NDArray of any shape, or nested JS arrays.
 * @param opts `side` ('left' | 'right') and `sorter`.
 * @returns a number for a scalar `v`, else an int64 array of v's shape.
 * @throws ValueError when `a` is not 1-d, for an unknown side, a sorter whose size is not a.size or that holds
 *   an index out of range ("Sorter index out of range."); DTypeError for a non-integer sorter.
 */
export function searchsorted(a: NDArray | SearchInput, v: Scalar, opts?: SearchSortedOptions): number
/** `searchsorted` with an array of values: an int64 array of v's shape. */
export function searchsorted(a: NDArray | SearchInput, v: NDArray | readonly SearchInput[], opts?: SearchSortedOptions): NDArray
/** `searchsorted` with values known only at run time. */
export function searchsorted(a: NDArray | SearchInput, v: NDArray | SearchInput, opts?: SearchSortedOptions): NDArray | number
export function searchsorted(a: NDArray | SearchInput, v: NDArray | SearchInput, opts: SearchSortedOptions = {}): NDArray | number {
  checkOptions('searchsorted', opts, ['side', 'sorter'])
  const side = opts.side ?? 'left'
  if (side !== 'left' && side !== 'right') throw new ValueError(`searchsorted: search side must be 'left' or 'right' (got ${JSON.stringify(side)})`)
  const arr = halfAsFloat(asArray(a, 'searchsorted: a'))
  if (arr.ndim !== 1) {
    throw new ValueError(`searchsorted: a must be 1-d: object ${arr.ndim > 1 ? 'too deep' : 'of too small depth'} for desired array (a has shape ${shapeStr(arr.shape)})`)
  }
  const n = arr.size
  let sorter: Float64Array | null = null
  if (opts.sorter !== undefined && opts.sorter !== null) {
    const s = asArray(opts.sorter, 'searchsorted: sorter')
    if (s.dtypeInfo.kind === 'f') throw new DTypeError(`searchsorted: sorter must only contain integers (got dtype ${s.dtype})`)
    if (s.size !== n) throw new ValueError(`searchsorted: sorter.size must equal a.size (sorter has ${s.size} elements, a ${n})`)
    const sv = flatStored(s)
    sorter = new Float64Array(n)
    for (let i = 0; i < n; i++) sorter[i] = s.dtype === 'uint64' ? Number(BigInt.asIntN(64, sv[i] as bigint)) : Number(sv[i]!)
  }
  const scalar = typeof v === 'number' || typeof v === 'bigint' || typeof v === 'boolean'
  let keys: ArrayLike<Stored>
  let vals: ArrayLike<Stored>
  let vshape: readonly number[] = []
  if (scalar) {
    const x = v as Scalar
    let key: Stored = typeof x === 'boolean' ? (x ? 1 : 0) : (x as number | bigint)
    vals = flatStored(arr)
    const big = arr.dtypeInfo.bigint
    if (typeof key === 'bigint' && !big) key = Number(key)
    else if (typeof key === 'number' && big && !Number.isSafeInteger(key)) vals = Array.from(vals as BigInt64Array, Number)
    else if (typeof key === 'number' && big) key = BigInt(key)
    else if (typeof key !== 'number' && typeof key !== 'bigint') throw new DTypeError(`searchsorted: v must be a number, bigint, boolean or array, got ${typeof x}`)
    keys = [key]
  } else {
    const va = halfAsFloat(asArray(v, 'searchsorted: v'))
    vshape = va.shape
    const dt = resultType(arr.dtype, va.dtype)
    vals = flatAs(arr, dt)
    keys = flatAs(va, dt)
  }
  const res = sorter === null && typeof vals[0] === 'number' && typeof keys[0] === 'number'
    ? searchNumbers(vals as ArrayLike<number>, keys as ArrayLike<number>, side === 'left')
    : searchGeneric(vals, keys, side === 'left', sorter)
  if (scalar) return res[0]!
  const out = fresh(vshape, 'int64').out
  writeIndices(out, res)
  return out
}

/**
 * NumPy's npy_binsearch (and npy_argbinsearch with a sorter, which checks each sorter entry it reads): the
 * bounds carry over from one key to the next when the keys increase.
 */
function searchGeneric(vals: ArrayLike<Stored>, keys: ArrayLike<Stored>, left: boolean, sorter: Float64Array | null): Float64Array {
  const n = vals.length
  const res = new Float64Array(keys.length)
  const at = (m: number): Stored => {
    if (sorter === null) return vals[m]!
    const j = sorter[m]!
    if (j < 0 || j >= n) throw new ValueError(`searchsorted: Sorter index out of range. (sorter[${m}] = ${j}, a has ${n} elements)`)
    return vals[j]!
  }
  let lo = 0
  let hi = n
  let last: Stored = keys.length > 0 ? keys[0]! : 0
  for (let k = 0; k < keys.length; k++) {
    const key = keys[k]!
    if (lessThan(last, key)) hi = n
    else { lo = 0; hi = hi < n ? hi + 1 : n }
    last = key
    while (lo < hi) {
      const mid = lo + ((hi - lo) >> 1)
      const m = at(mid)
      if (left ? lessThan(m, key) : !lessThan(key, m)) lo = mid + 1
      else hi = mid
    }
    res[k] = lo
  }
  return res
}

/** searchGeneric specialised to number keys and values without a sorter (the common case). */
function searchNumbers(vals: ArrayLike<number>, keys: ArrayLike<number>, left: boolean): Float64Array {
  const n = vals.length
  const res = new Float64Array(keys.length)
  let lo = 0
  let hi = n
  let last = keys.length > 0 ? keys[0]! : 0
  for (let k = 0; k < keys.length; k++) {
    const key = keys[k]!
    const keyNan = key !== key
    if (last < key || (keyNan && last === last)) hi = n
    else { lo = 0; hi = hi < n ? hi + 1 : n }
    last = key
    while (lo < hi) {
      const mid = lo + ((hi - lo) >> 1)
      const m = vals[mid]!
      // left: m < key (NaN largest); right: !(key < m)
      const go = left ? m < key || (keyNan && m === m) : !(key < m || (m !== m && !keyNan))
      if (go) lo = mid + 1
      else hi = mid
    }
    res[k] = lo
  }
  return res
}
