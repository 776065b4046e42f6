/**
 * np.isin: elementwise membership of one array's values in another's.
 */
import { halfAsFloat } from './half-input.js'
import { DTYPES, type DTypeName } from '../../dtype.js'
import { resultType } from '../promotion.js'
import { ValueError } from '../../errors.js'
import { checkOptions } from '../../check-options.js'
import { asArray, flatAs, flatStored, fresh, type SearchInput, type Stored } from './sort-util.js'
import type { NDArray } from '../../ndarray.js'

/** Options of {@link isin}. */
export interface IsinOptions {
  /** Return the negation: true where an element is NOT among the test elements (default false). */
  invert?: boolean
  /**
   * NumPy's assume_unique: a promise that both inputs hold no repeated values. It only selects NumPy's
   * algorithm; the result here is the same either way (for inputs that keep the promise).
   */
  assumeUnique?: boolean
}

/** Does `dt` belong to NumPy's integer path of isin (bool, signed and unsigned ints). */
const intLike = (dt: DTypeName): boolean => DTYPES[dt].kind !== 'f'

/**
 * NumPy's `isin`: a bool array of `element`'s shape, true where the element equals some value of
 * `testElements` (flattened). Values are compared in their common dtype (NumPy's promotion), -0 equals +0
 * and NaN equals nothing. Integer inputs compare exactly, as NumPy's table and loop methods do; int64/uint64
 * mixes compare as float64 where NumPy takes its sort method (a wide value range and many test elements).
 * @param element the values to test, any shape (a scalar gives a 0-d result).
 * @param testElements the values to test against, any shape.
 * @param opts `invert` and `assumeUnique`.
 * @returns a new bool array with element's shape.
 */
export function isin(element: NDArray | SearchInput, testElements: NDArray | SearchInput, opts: IsinOptions = {}): NDArray {
  checkOptions('isin', opts, ['invert', 'assumeUnique'])
  // assumeUnique only picks NumPy's algorithm, so it is only validated here
  if (opts.assumeUnique !== undefined && typeof opts.assumeUnique !== 'boolean') {
    throw new ValueError(`isin: assumeUnique must be a boolean, got ${String(opts.assumeUnique)}`)
  }
  const e = halfAsFloat(asArray(element, 'isin: element'))
  const t = halfAsFloat(asArray(testElements, 'isin: testElements'))
  const invert = opts.invert === true
  let dt = resultType(e.dtype, t.dtype)
  let exactInts = false
  if (intLike(e.dtype) && intLike(t.dtype) && t.size > 0) {
    const tv = flatStored(t)
    let lo = BigInt(tv[0]!)
    let hi = lo
    for (let i = 1; i < tv.length; i++) { const b = BigInt(tv[i]!); if (b < lo) lo = b; if (b > hi) hi = b }
    const range = hi - lo
    const tmax = t.dtype === 'bool' ? 255n : BigInt(DTYPES[t.dtype].max!)
    // NumPy's table method: exact integer membership
    exactInts = range <= tmax && range <= 6n * BigInt(e.size + t.size)
    // otherwise NumPy compares element by element (exact for integers) when the test set is small, else it
    // sorts the concatenation, which casts to the common dtype
    if (!exactInts && t.size < 10 * e.size ** 0.145) exactInts = true
  }
  if (exactInts || (intLike(e.dtype) && intLike(t.dtype) && DTYPES[dt].kind !== 'f')) {
    exactInts = true
    dt = 'int64'
  }
  const conv = (x: NDArray): ArrayLike<Stored> => {
    if (!exactInts) return flatAs(x, dt)
    const v = flatStored(x)
    return Array.from(v as ArrayLike<Stored>, (s) => BigInt(s))
  }
  const tv = conv(t)
  const set = new Set<Stored>()
  for (let i = 0; i < tv.length; i++) { const s = tv[i]!; if (s === s) set.add(typeof s === 'number' && s === 0 ? 0 : s) }
  const ev = conv(e)
  const { out, d, off } = fresh(e.shape, 'bool')
  for (let i = 0; i < ev.length; i++) {
    const s = ev[i]!
    const hit = s === s && set.has(s)
    d[off + i] = hit !== invert ? 1 : 0
  }
  return out
}
