/**
 * np.bincount: occurrences (or summed weights) of each non-negative integer.
 */
import { DTypeError, ValueError } from '../../errors.js'
import { checkOptions } from '../../check-options.js'
import type { NDArray } from '../../ndarray.js'
import { asArray, flatAs, flatStored, fresh, int64Array, shapeStr, type SearchInput } from './sort-util.js'

/** Options of {@link bincount}. */
export interface BincountOptions {
  /** Weights, one per element of x (1-d, the same length): the result sums them (float64) instead of counting. */
  weights?: NDArray | SearchInput
  /** The minimum number of bins of the result (default 0); must be a non-negative integer. */
  minlength?: number
}

/** A 1-d operand of bincount, with NumPy's errors for other depths. */
function oneD(x: NDArray, what: string): void {
  if (x.ndim === 1) return
  throw new ValueError(`bincount: ${what} must be 1-d: object ${x.ndim === 0 ? 'of too small depth' : 'too deep'} for desired array (${what} has shape ${shapeStr(x.shape)})`)
}

/**
 * NumPy's `bincount`: `out[k]` is the number of times `k` occurs in `x` (or the sum of the weights where it
 * does). The length is max(max(x) + 1, minlength); an empty x gives `minlength` zeros.
 * @param x a 1-d array of non-negative integers (bool and integer dtypes; uint64 is cast to int64 as NumPy does).
 * @param opts `weights` and `minlength`.
 * @returns an int64 array of counts, or a float64 array of summed weights (int64 zeros for an empty x, as NumPy).
 * @throws DTypeError for a float x ("Cannot cast array data ... according to the rule 'safe'");
 *   ValueError for a negative value, an x or weights that is not 1-d, weights of another length, or a negative
 *   or non-integer minlength.
 */
export function bincount(x: NDArray | SearchInput, opts: BincountOptions = {}): NDArray {
  checkOptions('bincount', opts, ['weights', 'minlength'])
  const a = asArray(x, 'bincount: x')
  oneD(a, 'x')
  if (a.dtypeInfo.kind === 'f') throw new DTypeError(`bincount: x: Cannot cast array data from dtype('${a.dtype}') to dtype('int64') according to the rule 'safe'`)
  const minlength = opts.minlength ?? 0
  if (typeof minlength !== 'number' || !Number.isInteger(minlength)) throw new DTypeError(`bincount: minlength must be an integer, got ${String(minlength)}`)
  if (minlength < 0) throw new ValueError(`bincount: 'minlength' must not be negative (got ${minlength})`)
  const raw = flatStored(a)
  const n = raw.length
  const idx = new Float64Array(n)
  let max = -1
  for (let i = 0; i < n; i++) {
    const s = raw[i]!
    const k = typeof s === 'bigint' ? (a.dtype === 'uint64' ? BigInt.asIntN(64, s) : s) : s
    if (k < 0) throw new ValueError(`bincount: 'list' argument must have no negative elements (x[${i}] = ${String(k)})`)
    const kn = Number(k)
    idx[i] = kn
    if (kn > max) max = kn
  }
  const len = Math.max(max + 1, minlength)
  // as NumPy, an empty x gives int64 zeros even with weights (which are not looked at)
  if (n > 0 && opts.weights !== undefined && opts.weights !== null) {
    const w = asArray(opts.weights, 'bincount: weights')
    oneD(w, 'weights')
    if (w.size !== n) throw new ValueError(`bincount: The weights and list don't have the same length (weights has ${w.size} elements, x ${n}).`)
    const wv = flatAs(w, 'float64') as Float64Array
    const { out, d, off } = fresh([len], 'float64', true)
    for (let i = 0; i < n; i++) d[off + idx[i]!] = (d[off + idx[i]!] as number) + wv[i]!
    return out
  }
  const counts = new Float64Array(len)
  for (let i = 0; i < n; i++) counts[idx[i]!]!++
  return int64Array(counts)
}
