/**
 * np.nanquantile and np.nanpercentile as driven ops: {@link quantile} with each lane's NaNs dropped.
 */
import type { Scalar } from '../../dtype.js'
import type { NDArray } from '../../ndarray.js'
import { defineDrivenOp } from '../driver.js'
import type { QuantileInput, QuantileOptions } from './common.js'
import { driveQuantile, quantileAccess } from './quantile.js'

const nanquantileOp = defineDrivenOp({
  name: 'nanquantile', optionsAt: 2,
  drive: (a: NDArray, q: QuantileInput, opts?: QuantileOptions) => driveQuantile('nanquantile', a, q, opts, 1, true),
  access: quantileAccess,
})

const nanpercentileOp = defineDrivenOp({
  name: 'nanpercentile', optionsAt: 2,
  drive: (a: NDArray, q: QuantileInput, opts?: QuantileOptions) => driveQuantile('nanpercentile', a, q, opts, 100, true),
  access: quantileAccess,
})

/**
 * {@link quantile} ignoring NaNs (NumPy's `nanquantile`): each lane's NaNs are dropped, then NumPy's quantile of
 * the rest. An all-NaN lane gives NaN (NumPy returns NaN too, with a RuntimeWarning strided does not emit); an
 * empty input gives NaN (NumPy's nanmean of nothing). Integer and bool inputs behave as {@link quantile}.
 *
 * @param a - the input (any dtype, any layout; float16 as NumPy: a scalar q lerps in float16); never modified
 * @param q - a quantile in [0, 1], or nested arrays / a float64 NDArray of them (at most 2-d)
 * @param opts - as {@link quantile}
 * @returns as {@link quantile}
 * @throws as {@link quantile} (but no IndexError for empty lanes)
 */
export function nanquantile(a: NDArray, q: QuantileInput, opts?: QuantileOptions): NDArray | Scalar {
  return nanquantileOp(a, q, opts)
}

/**
 * {@link percentile} ignoring NaNs (NumPy's `nanpercentile`): {@link nanquantile} of q / 100.
 *
 * @param a - the input (any dtype, any layout; float16 as NumPy: a scalar q lerps in float16); never modified
 * @param q - a percentile in [0, 100], or nested arrays / a float64 NDArray of them (at most 2-d)
 * @param opts - as {@link quantile}
 * @returns as {@link quantile}
 * @throws as {@link nanquantile}, with q outside [0, 100]
 */
export function nanpercentile(a: NDArray, q: QuantileInput, opts?: QuantileOptions): NDArray | Scalar {
  return nanpercentileOp(a, q, opts)
}
