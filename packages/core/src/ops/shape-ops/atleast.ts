/**
 * np.atleast_1d / atleast_2d / atleast_3d: views with length-1 axes added where an input has too few dimensions.
 * An input that already has enough dimensions is returned as it is (the same object, as NumPy does).
 */
import type { NDArray } from '../../ndarray.js'
import { ALL, asArray, type ArrayInput } from './common.js'
// DTypeError is named in the documentation ({@link}); asArray throws it
import type { DTypeError } from '../../errors.js'

/** The NumPy view with at least `n` (1, 2 or 3) dimensions, or `a` itself. */
export function atleastNd(a: NDArray, n: 1 | 2 | 3): NDArray {
  if (a.ndim >= n) return a
  // a 0-d input is reshaped (strides of a fresh contiguous layout); 1-D and 2-D ones get newaxis (stride 0)
  if (a.ndim === 0) return a.reshape(Array<number>(n).fill(1))
  if (n === 2) return a.slice(null, ALL)
  if (a.ndim === 1) return a.slice(null, ALL, null)
  return a.slice(ALL, ALL, null)
}

function many(op: string, n: 1 | 2 | 3, arys: readonly ArrayInput[]): NDArray | NDArray[] {
  const res = arys.map((x, i) => atleastNd(asArray(x, op, `array ${i}`), n))
  return res.length === 1 ? res[0]! : res
}

/**
 * View inputs as arrays with at least one dimension (np.atleast_1d): a 0-d array becomes shape (1,).
 * @param a the array (nested JavaScript arrays and scalars are converted with `array()`).
 * @returns its array: the input itself when it already has enough dimensions, else a view of it.
 * @throws {@link DTypeError} for an argument that is not array-like.
 */
export function atleast1d(a: ArrayInput): NDArray
/**
 * View inputs as arrays with at least one dimension (np.atleast_1d): a 0-d array becomes shape (1,).
 * @param arys the arrays (nested JavaScript arrays and scalars are converted with `array()`).
 * @returns a JavaScript array of their arrays, one per argument (none for no arguments).
 * @throws {@link DTypeError} for an argument that is not array-like.
 */
export function atleast1d(...arys: ArrayInput[]): NDArray[]
export function atleast1d(...arys: ArrayInput[]): NDArray | NDArray[] {
  return many('atleast1d', 1, arys)
}

/**
 * View inputs as arrays with at least two dimensions (np.atleast_2d): () becomes (1, 1), (N,) becomes (1, N).
 * @param a the array (nested JavaScript arrays and scalars are converted with `array()`).
 * @returns its array: the input itself when it already has enough dimensions, else a view of it.
 * @throws {@link DTypeError} for an argument that is not array-like.
 */
export function atleast2d(a: ArrayInput): NDArray
/**
 * View inputs as arrays with at least two dimensions (np.atleast_2d): () becomes (1, 1), (N,) becomes (1, N).
 * @param arys the arrays (nested JavaScript arrays and scalars are converted with `array()`).
 * @returns a JavaScript array of their arrays, one per argument (none for no arguments).
 * @throws {@link DTypeError} for an argument that is not array-like.
 */
export function atleast2d(...arys: ArrayInput[]): NDArray[]
export function atleast2d(...arys: ArrayInput[]): NDArray | NDArray[] {
  return many('atleast2d', 2, arys)
}

/**
 * View inputs as arrays with at least three dimensions (np.atleast_3d): () becomes (1, 1, 1), (N,) becomes
 * (1, N, 1) and (M, N) becomes (M, N, 1).
 * @param a the array (nested JavaScript arrays and scalars are converted with `array()`).
 * @returns its array: the input itself when it already has enough dimensions, else a view of it.
 * @throws {@link DTypeError} for an argument that is not array-like.
 */
export function atleast3d(a: ArrayInput): NDArray
/**
 * View inputs as arrays with at least three dimensions (np.atleast_3d): () becomes (1, 1, 1), (N,) becomes
 * (1, N, 1) and (M, N) becomes (M, N, 1).
 * @param arys the arrays (nested JavaScript arrays and scalars are converted with `array()`).
 * @returns a JavaScript array of their arrays, one per argument (none for no arguments).
 * @throws {@link DTypeError} for an argument that is not array-like.
 */
export function atleast3d(...arys: ArrayInput[]): NDArray[]
export function atleast3d(...arys: ArrayInput[]): NDArray | NDArray[] {
  return many('atleast3d', 3, arys)
}
