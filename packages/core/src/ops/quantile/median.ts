/**
 * np.median and np.nanmedian as driven ops (ops/quantile/common.ts has the driver).
 */
import type { Scalar } from '../../dtype.js'
import type { NDArray } from '../../ndarray.js'
import { arraysIn, defineDrivenOp, type OpAccess } from '../driver.js'
import { checkStatOptions, driveStat, type MedianOptions } from './common.js'

function medianAccess(a: NDArray, opts?: MedianOptions): OpAccess {
  return { reads: arraysIn(a), writes: arraysIn(opts?.out) }
}

const medianOp = defineDrivenOp({
  name: 'median', optionsAt: 1,
  drive: (a: NDArray, opts?: MedianOptions) => {
    checkStatOptions('median', a, opts, false)
    return driveStat({ fn: 'median', a, kind: 'median', method: 'linear', qs: [], qShape: [], weak: true, skipNaN: false, opts: opts ?? {} })
  },
  access: medianAccess,
})

const nanmedianOp = defineDrivenOp({
  name: 'nanmedian', optionsAt: 1,
  drive: (a: NDArray, opts?: MedianOptions) => {
    checkStatOptions('nanmedian', a, opts, false)
    const skip = a.dtypeInfo.kind === 'f'
    return driveStat({ fn: 'nanmedian', a, kind: 'median', method: 'linear', qs: [], qShape: [], weak: true, skipNaN: skip, opts: opts ?? {} })
  },
  access: medianAccess,
})

/**
 * The median over the given axes (NumPy's `median`): the middle order statistic, or the mean of the two middle
 * ones, computed as NumPy's `mean` does (float16 and float32 stay so; ints and bool give float64). A NaN in a lane gives
 * NaN; an empty lane gives NaN (NumPy also warns).
 *
 * @param a - the input (any dtype, any layout; float16 gives float16, as NumPy); never modified
 * @param opts - axis (int, list or null: all), out, overwriteInput (accepted; the input is never written), keepdims
 * @returns a JS number when every axis is reduced (axis null/undefined) and neither keepdims nor out is given,
 *   else an NDArray (out itself when given)
 * @throws AxisError for an axis out of range, ValueError for a repeated axis or unknown option, ShapeError for an
 *   out of the wrong shape
 */
export function median(a: NDArray, opts?: MedianOptions): NDArray | Scalar {
  return medianOp(a, opts)
}

/**
 * {@link median} ignoring NaNs (NumPy's `nanmedian`): each lane's NaNs are dropped first. A lane that is all NaN
 * (or empty) gives NaN — NumPy returns NaN there too, with a RuntimeWarning "All-NaN slice encountered" that
 * strided does not emit. Integer and bool inputs behave as {@link median}. float16 along axes that keep at least one
 * axis, with lanes under 600, is NumPy's masked-array median: the middle pair summed in float16 (so values past
 * 32752 overflow to inf, as in NumPy), then halved.
 *
 * @param a - the input (any dtype, any layout; float16 gives float16, as NumPy); never modified
 * @param opts - axis, out, overwriteInput (accepted; the input is never written), keepdims
 * @returns as {@link median}
 * @throws as {@link median}
 */
export function nanmedian(a: NDArray, opts?: MedianOptions): NDArray | Scalar {
  return nanmedianOp(a, opts)
}
