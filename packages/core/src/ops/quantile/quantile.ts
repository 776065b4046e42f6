/**
 * np.quantile and np.percentile as driven ops (ops/quantile/common.ts has the driver).
 *
 * Result dtypes follow NumPy 2.4: the discrete methods (lower, higher, nearest, inverted_cdf,
 * closest_observation) keep the input's dtype; the interpolating ones give float64, except float32 (float16) input
 * with a scalar (JS number) q, which stays float32 (float16) with NumPy's float32 (float16) arithmetic. q given as a JS number is NumPy's
 * Python float (so quantile(intArray, 0) interpolates and gives float64, where NumPy's Python int 0 would not).
 */
import type { Scalar } from '../../dtype.js'
import type { NDArray } from '../../ndarray.js'
import { arraysIn, defineDrivenOp, type OpAccess } from '../driver.js'
import { checkStatOptions, driveStat, parseMethod, parseQ, type QuantileInput, type QuantileOptions } from './common.js'

export function quantileAccess(a: NDArray, q: QuantileInput, opts?: QuantileOptions): OpAccess {
  return { reads: arraysIn(a, q), writes: arraysIn(opts?.out) }
}

/** The driver of quantile-like functions (shared with the nan- forms). */
export function driveQuantile(fn: string, a: NDArray, q: QuantileInput, opts: QuantileOptions | undefined, scale: 1 | 100, nan: boolean): ReturnType<typeof driveStat> {
  checkStatOptions(fn, a, opts, true)
  const { qs, shape, weak } = parseQ(fn, q, scale)
  const method = parseMethod(fn, opts?.method)
  const skipNaN = nan && a.dtypeInfo.kind === 'f'
  return driveStat({ fn, a, kind: 'quantile', method, qs, qShape: shape, weak, skipNaN, nanForm: nan, opts: opts ?? {} })
}

const quantileOp = defineDrivenOp({
  name: 'quantile', optionsAt: 2,
  drive: (a: NDArray, q: QuantileInput, opts?: QuantileOptions) => driveQuantile('quantile', a, q, opts, 1, false),
  access: quantileAccess,
})

const percentileOp = defineDrivenOp({
  name: 'percentile', optionsAt: 2,
  drive: (a: NDArray, q: QuantileInput, opts?: QuantileOptions) => driveQuantile('percentile', a, q, opts, 100, false),
  access: quantileAccess,
})

/**
 * The q-th quantiles over the given axes (NumPy's `quantile`), with NumPy 2's thirteen methods and its exact
 * formulas and rounding (virtual index, gamma, two-sided lerp). A NaN in a lane gives NaN.
 *
 * @param a - the input (any dtype, any layout; float16 as NumPy: a scalar q lerps in float16); never modified
 * @param q - a quantile in [0, 1], or nested arrays / a float64 NDArray of them (at most 2-d); its shape is
 *   prepended to the result's
 * @param opts - axis (int, list or null: all), method (default 'linear'), keepdims, out, overwriteInput (accepted;
 *   the input is never written), weights (not supported: throws)
 * @returns a JS scalar when q is a number, every axis is reduced and neither keepdims nor out is given, else an
 *   NDArray (out itself when given)
 * @throws ValueError for q outside [0, 1], an unknown method, a repeated axis or weights; AxisError for a bad axis;
 *   IndexError for an empty lane (as NumPy); DTypeError for bool input with an interpolating method or a q NDArray
 *   that is not float64; ShapeError for an out of the wrong shape
 */
export function quantile(a: NDArray, q: QuantileInput, opts?: QuantileOptions): NDArray | Scalar {
  return quantileOp(a, q, opts)
}

/**
 * The q-th percentiles over the given axes (NumPy's `percentile`): {@link quantile} of q / 100.
 *
 * @param a - the input (any dtype, any layout; float16 as NumPy: a scalar q lerps in float16); never modified
 * @param q - a percentile in [0, 100], or nested arrays / a float64 NDArray of them (at most 2-d)
 * @param opts - as {@link quantile}
 * @returns as {@link quantile}
 * @throws as {@link quantile}, with q outside [0, 100]
 */
export function percentile(a: NDArray, q: QuantileInput, opts?: QuantileOptions): NDArray | Scalar {
  return percentileOp(a, q, opts)
}
