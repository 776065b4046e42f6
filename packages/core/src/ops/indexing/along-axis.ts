/**
 * NumPy's np.take_along_axis and np.put_along_axis: fancy indexing with an index array that lines up with the
 * array along every axis but one.
 */
import { arange, array } from '../../creation.js'
import { IndexError, ReadOnlyError, ValueError } from '../../errors.js'
import { NDArray, type NestedArray } from '../../ndarray.js'
import { normalizeAxis } from '../../shape.js'
import type { AnyIndexItem, NestedIndexArray } from './advanced.js'
import { getItem } from './gather.js'
import { setItem, type AssignValue } from './scatter.js'
import { checkOptions } from '../../check-options.js'

/** Options of {@link takeAlongAxis}. */
export interface TakeAlongAxisOptions {
  /** The axis to index along (negative counts from the end); default -1, as NumPy 2; null: the flattened array (then `indices` must be 1-d). */
  axis?: number | null
}

/** Options of {@link putAlongAxis}. */
export interface PutAlongAxisOptions {
  /** The axis to index along (negative counts from the end); null: the flattened array (then `indices` must be 1-d). Required, as in NumPy. */
  axis: number | null
}

function indexArray(indices: NDArray | NestedIndexArray): NDArray {
  const x = indices instanceof NDArray ? indices : array(indices as NestedArray, {})
  const k = x.dtypeInfo.kind
  if (indices instanceof NDArray ? k !== 'i' && k !== 'u' : k === 'b' || (k === 'f' && !x.toFlatArray().every((v) => Number.isInteger(v)))) {
    throw new IndexError('`indices` must be an integer array')
  }
  return k === 'f' ? x.astype('int64') : x
}

/** NumPy's _make_along_axis_idx: an arange per other axis, shaped to broadcast, and the indices on `axis`. */
function alongAxisItems(shape: readonly number[], ind: NDArray, axis: number): AnyIndexItem[] {
  if (ind.ndim !== shape.length) throw new ValueError('`indices` and `arr` must have the same number of dimensions')
  return shape.map((n, k): AnyIndexItem => {
    if (k === axis) return ind
    const s = shape.map(() => 1)
    s[k] = n
    return arange(n, { dtype: 'int32' }).reshape(s)
  })
}

/**
 * NumPy's np.take_along_axis: `arr` indexed by `indices` along `axis`, matching every other axis by
 * broadcasting (the result of NumPy's `arr[_make_along_axis_idx(...)]`), a new array that owns its data.
 * @param arr the source array.
 * @param indices an integer NDArray (or nested JS integers) with arr's number of dimensions (1-d for axis null).
 * @param opts `axis`: default -1; null takes from the flattened array.
 * @returns a new array of arr's dtype, shaped as the broadcast of `indices` with the other axes.
 * @throws IndexError when `indices` is not an integer array, an index is out of range, or shapes do not
 *   broadcast; ValueError when the dimensions differ (or `indices` is not 1-d for axis null); AxisError.
 */
export function takeAlongAxis(arr: NDArray, indices: NDArray | NestedIndexArray, opts: TakeAlongAxisOptions = {}): NDArray {
  checkOptions('takeAlongAxis', opts, ['axis'])
  const ind = indexArray(indices)
  if (opts.axis === null) {
    if (ind.ndim !== 1) throw new ValueError('when axis=None, `indices` must have a single dimension.')
    return getItem(arr.ravel(), [ind])
  }
  const axis = normalizeAxis(opts.axis ?? -1, arr.ndim)
  return getItem(arr, alongAxisItems(arr.shape, ind, axis))
}

/**
 * NumPy's np.put_along_axis: `arr[_make_along_axis_idx(...)] = values`, in place: writes `values` (broadcast to
 * the indexed shape, cast as NumPy's setitem) at `indices` along `axis`, matching every other axis by
 * broadcasting. Repeated indices: the last value wins.
 * @param arr the array to write (writeable).
 * @param indices an integer NDArray (or nested JS integers) with arr's number of dimensions (1-d for axis null).
 * @param values what to write: an NDArray, nested JS arrays or a scalar.
 * @param opts `axis` (required): the axis, or null for the flattened array.
 * @returns `arr`.
 * @throws ReadOnlyError for a read-only `arr`, and with axis null for an `arr` that is not C-contiguous (as NumPy 2.4,
 *   whose flattened copy is read-only); IndexError and ValueError as {@link takeAlongAxis}; ShapeError
 *   when `values` does not broadcast; OverflowError for a scalar that does not fit the dtype.
 */
export function putAlongAxis(arr: NDArray, indices: NDArray | NestedIndexArray, values: AssignValue, opts: PutAlongAxisOptions): NDArray {
  checkOptions('putAlongAxis', opts, ['axis'])
  arr.assertWriteable('putAlongAxis')
  const ind = indexArray(indices)
  const axisOpt = opts?.axis
  if (axisOpt === undefined) throw new ValueError('putAlongAxis: the axis option is required (a number, or null for the flattened array)')
  if (axisOpt === null) {
    if (ind.ndim !== 1) throw new ValueError('when axis=None, `indices` must have a single dimension.')
    // NumPy writes through np.array(arr.flat): a view of a C-contiguous array, a read-only copy otherwise
    if (!arr.flags.cContiguous) {
      throw new ReadOnlyError(
        `assignment destination is read-only (putAlongAxis with axis null writes through the flattened array, which is ` +
          `a read-only copy for an array that is not C-contiguous, shape (${arr.shape.join(', ')}), strides (${arr.strides.join(', ')}))`,
      )
    }
    setItem(arr.reshape(-1), [ind], values)
    return arr
  }
  const axis = normalizeAxis(axisOpt, arr.ndim)
  setItem(arr, alongAxisItems(arr.shape, ind, axis), values)
  return arr
}
