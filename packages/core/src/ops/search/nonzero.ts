/**
 * np.nonzero, np.flatnonzero, np.argwhere and np.extract: where an array is non-zero (NaN counts as non-zero,
 * ±0 as zero), with int64 index arrays.
 */
import { halfAsFloat } from './half-input.js'
import { IndexError, ValueError } from '../../errors.js'
import { forEachOffset } from '../../iterate.js'
import { NDArray } from '../../ndarray.js'
import { take } from '../../selection.js'
import { asArray, flatStored, fresh, int64Array, truthy, type SearchInput, type Stored } from './sort-util.js'

/** Flat C-order positions of the non-zero elements of `a`. */
function nonzeroFlat(a: NDArray): number[] {
  const v = flatStored(a)
  const out: number[] = []
  for (let i = 0; i < v.length; i++) if (truthy(v[i]!)) out.push(i)
  return out
}

/**
 * NumPy's `nonzero`: the indices of the non-zero elements, one int64 array per dimension of `a` (NumPy's
 * tuple as a JS array), in C order. NaN counts as non-zero, -0 as zero.
 * @param a the array to search (any dtype and layout), or nested JS arrays.
 * @returns `a.ndim` 1-d int64 arrays (bigint elements) of equal length.
 * @throws ValueError for a 0-d array, as NumPy 2 ("Calling nonzero on 0d arrays is not allowed").
 */
export function nonzero(a: NDArray | SearchInput): NDArray[] {
  const x = halfAsFloat(asArray(a, 'nonzero: a'))
  if (x.ndim === 0) {
    throw new ValueError('nonzero: Calling nonzero on 0d arrays is not allowed. Use np.atleast_1d(scalar).nonzero() instead.')
  }
  const nd = x.ndim
  const coords: number[][] = Array.from({ length: nd }, () => [])
  const idx = new Array<number>(nd).fill(0)
  const d = x.data as unknown as ArrayLike<Stored>
  forEachOffset(x.shape, x.strides, x.offset, (off, flat) => {
    if (!truthy(d[off]!)) return
    let r = flat
    for (let k = nd - 1; k >= 0; k--) {
      const n = x.shape[k]!
      idx[k] = r % n
      r = Math.floor(r / n)
    }
    for (let k = 0; k < nd; k++) coords[k]!.push(idx[k]!)
  })
  return coords.map((c) => int64Array(c))
}

/**
 * NumPy's `flatnonzero`: the C-order flat indices of the non-zero elements (`nonzero(ravel(a))[0]`).
 * A 0-d input counts as 1-d.
 * @param a the array to search, or nested JS arrays.
 * @returns a 1-d int64 array.
 */
export function flatnonzero(a: NDArray | SearchInput): NDArray {
  return int64Array(nonzeroFlat(halfAsFloat(asArray(a, 'flatnonzero: a'))))
}

/**
 * NumPy's `argwhere`: the indices of the non-zero elements grouped by element, shape (N, a.ndim), C order.
 * A 0-d input gives shape (1, 0) when it is non-zero and (0, 0) otherwise, as NumPy.
 * @param a the array to search, or nested JS arrays.
 * @returns a 2-d int64 array.
 */
export function argwhere(a: NDArray | SearchInput): NDArray {
  const x = halfAsFloat(asArray(a, 'argwhere: a'))
  if (x.ndim === 0) return NDArray.alloc([nonzeroFlat(x).length, 0], 'int64')
  const cols = nonzero(x)
  const n = cols[0]!.size
  const nd = x.ndim
  const { out, d, off } = fresh([n, nd], 'int64')
  cols.forEach((c, k) => {
    const cd = c.data as BigInt64Array
    for (let i = 0; i < n; i++) d[off + i * nd + k] = cd[c.offset + i]!
  })
  return out
}

/**
 * NumPy's `extract`: the elements of `arr` (flattened, C order) where `condition` (flattened) is non-zero,
 * i.e. `take(ravel(arr), flatnonzero(condition))`.
 * @param condition the mask, any shape (non-zero entries select); only its true entries must be within arr.
 * @param arr the array to pick from.
 * @returns a 1-d array with arr's dtype.
 * @throws IndexError when condition has a non-zero entry at a flat position ≥ arr.size.
 */
export function extract(condition: NDArray | SearchInput, arr: NDArray | SearchInput): NDArray {
  const c = halfAsFloat(asArray(condition, 'extract: condition'))
  const x = asArray(arr, 'extract: arr')
  const picked = nonzeroFlat(c)
  const bad = picked.find((i) => i >= x.size)
  if (bad !== undefined) throw new IndexError(`extract: index ${bad} is out of bounds for axis 0 with size ${x.size} (condition has ${c.size} elements, arr ${x.size})`)
  return take(x.ravel(), picked)
}
