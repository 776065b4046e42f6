/**
 * float16 inputs of the search and set functions: they compare elements by value, and a half's stored bits do
 * not order as its value, so they read a float32 copy (every half is exactly a float32; -0, NaN and order kept).
 * Functions that return elements convert those back to float16 (exact).
 */
import { NDArray } from '../../ndarray.js'

/** `x`, or a float32 copy of it when it is float16. */
export function halfAsFloat(x: NDArray): NDArray {
  return x.dtype === 'float16' ? x.astype('float32') : x
}

/** A float32 result of elements of a float16 input, back in float16 (exact). */
export function backToHalf(x: NDArray): NDArray {
  return x.dtype === 'float32' ? x.astype('float16') : x
}
