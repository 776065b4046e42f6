/**
 * NumPy's np.put, np.putmask and np.place: writes at flat (C-order) positions of an array.
 */
import { IndexError, ValueError } from '../../errors.js'
import type { NDArray, NestedArray } from '../../ndarray.js'
import { flatIndexValues, flatOffsets, maskValues, storedValues, type FillValues } from './values.js'
import { checkOptions } from '../../check-options.js'

/** NumPy's put `mode`: out-of-range flat indices raise IndexError, wrap around, or clip to the ends. */
export type PutMode = 'raise' | 'wrap' | 'clip'

/** Options of {@link put}. */
export interface PutOptions {
  /** 'raise' (default): negative indices count from the end, others out of range throw IndexError; 'wrap'; 'clip' (negative indices clip to 0). */
  mode?: PutMode
}

type Store = Record<number, number | bigint>

/**
 * NumPy's np.put: `a.flat[ind] = v`, in place. Flat indices count in C order of `a`'s logical index, whatever its
 * layout; `v` repeats cyclically over the indices (an empty `v` writes nothing); repeated indices leave the last
 * value. Array values cast unsafely (as NumPy's put), JS scalars and nested arrays with the Python-scalar rule (an
 * integer must fit the dtype). An empty `v` writes nothing and checks no index (as NumPy). Every index is checked before anything is written (NumPy writes the elements
 * before a bad index in 'raise' mode).
 * @param a the array to write (writeable).
 * @param ind flat integer indices: an integer or bool NDArray, nested JS integers, or one integer.
 * @param v the values: an NDArray, nested JS arrays, or a scalar.
 * @param opts `mode`: 'raise' (default), 'wrap' or 'clip'.
 * @returns `a`.
 * @throws ReadOnlyError for a read-only `a`; IndexError for an out-of-range index in 'raise' mode or any index into
 *   an empty array; ValueError for an unknown mode; DTypeError for non-integer indices; OverflowError for a scalar
 *   value that does not fit the dtype.
 */
export function put(a: NDArray, ind: NDArray | NestedArray, v: FillValues, opts: PutOptions = {}): NDArray {
  checkOptions('put', opts, ['mode'])
  const mode = opts.mode ?? 'raise'
  if (mode !== 'raise' && mode !== 'wrap' && mode !== 'clip') {
    throw new ValueError(`put: clipmode must be one of 'clip', 'raise', or 'wrap' (got ${JSON.stringify(mode)})`)
  }
  a.assertWriteable('put')
  const { values: idx } = flatIndexValues(ind, 'put')
  const n = a.size
  if (n === 0 && idx.length > 0) throw new IndexError('cannot replace elements of an empty array')
  const vals = storedValues(v, a.dtype, false, 'put')
  // as NumPy, an empty `v` returns before the indices are checked
  if (idx.length === 0 || vals.length === 0) return a
  const norm = idx.map((i) => {
    if (mode === 'wrap') return ((i % n) + n) % n
    if (mode === 'clip') return i < 0 ? 0 : i >= n ? n - 1 : i
    if (i < -n || i >= n) throw new IndexError(`index ${i} is out of bounds for axis 0 with size ${n}`)
    return i < 0 ? i + n : i
  })
  const offs = flatOffsets(a)
  const d = a.data as unknown as Store
  const nv = vals.length
  for (let k = 0; k < norm.length; k++) d[offs[norm[k]!]!] = vals[k % nv]!
  return a
}

/**
 * NumPy's np.putmask: `a.flat[i] = values[i % len(values)]` wherever `mask.flat[i]` is true, in place. The mask
 * needs a's size (its shape may differ); an empty `values` writes nothing. NDArray values must cast safely to
 * a's dtype (NumPy's rule here), JS scalars and nested arrays follow the Python-scalar rule.
 * @param a the array to write (writeable).
 * @param mask the mask: a bool (or any numeric: non-zero is true) NDArray or nested JS arrays of a.size elements.
 * @param values the values, repeated cyclically over a's flat positions.
 * @returns `a`.
 * @throws ReadOnlyError for a read-only `a`; ValueError when the mask's size differs from a's; DTypeError for an
 *   NDArray of values that does not cast safely; OverflowError for a scalar value that does not fit.
 */
export function putmask(a: NDArray, mask: NDArray | NestedArray, values: FillValues): NDArray {
  a.assertWriteable('putmask')
  const m = maskValues(mask)
  if (m.length !== a.size) throw new ValueError('putmask: mask and data must be the same size')
  const vals = storedValues(values, a.dtype, true, 'putmask')
  const nv = vals.length
  if (nv === 0) return a
  const offs = flatOffsets(a)
  const d = a.data as unknown as Store
  for (let i = 0; i < m.length; i++) if (m[i]) d[offs[i]!] = vals[i % nv]!
  return a
}

/**
 * NumPy's np.place: the k-th true position of `mask` (flat, C order) gets `vals[k % len(vals)]`, in place. The
 * mask needs arr's size. NDArray values must cast safely to arr's dtype, JS scalars and nested arrays follow the
 * Python-scalar rule.
 * @param arr the array to write (writeable).
 * @param mask the mask: a bool (or any numeric) NDArray or nested JS arrays of arr.size elements.
 * @param vals the values, used in order and repeated cyclically.
 * @returns `arr`.
 * @throws ReadOnlyError for a read-only `arr`; ValueError when the mask's size differs from arr's, or `vals` is
 *   empty while the mask has a true entry; DTypeError for NDArray values that do not cast safely; OverflowError
 *   for a scalar value that does not fit.
 */
export function place(arr: NDArray, mask: NDArray | NestedArray, vals: FillValues): NDArray {
  arr.assertWriteable('place')
  const m = maskValues(mask)
  if (m.length !== arr.size) throw new ValueError('place: mask and data must be the same size')
  const v = storedValues(vals, arr.dtype, true, 'place')
  const nv = v.length
  const any = m.some((x) => x !== 0)
  if (!any) return arr
  if (nv === 0) throw new ValueError('Cannot insert from an empty array!')
  const offs = flatOffsets(arr)
  const d = arr.data as unknown as Store
  let k = 0
  for (let i = 0; i < m.length; i++) if (m[i]) d[offs[i]!] = v[k++ % nv]!
  return arr
}
