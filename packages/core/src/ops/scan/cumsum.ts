/**
 * np.cumsum, np.cumprod, np.nancumsum, np.nancumprod: add/multiply accumulated along an axis (the flattened
 * array when the axis is null/undefined), with NumPy 2.4's dtype rules and `out` casting. Floats accumulate
 * strictly in order in the loop dtype (float32 rounds at every step; float16, as NumPy's half loop, computes each
 * step in float32 and rounds the partial to half), bit for bit as np.add.accumulate.
 */
import { checkOptions } from '../../check-options.js'
import { dtype as lookupDType, typedView, type DTypeName } from '../../dtype.js'
import { DTypeError } from '../../errors.js'
import { NDArray } from '../../ndarray.js'
import { toHalfBits } from '../../float16.js'
import { normalizeAxis } from '../../shape.js'
import { arraysIn, defineDrivenOp, type OpAccess, type OpDriver } from '../driver.js'
import { checkOut, runScan, scanLoopDtype, type ScanOp } from './plan.js'

/** Options of {@link cumsum}, {@link cumprod}, {@link nancumsum} and {@link nancumprod} (NumPy's keyword arguments). */
export interface CumulativeOptions {
  /** The axis to accumulate along; null/undefined: the flattened array (C order), as NumPy. */
  axis?: number | null
  /** The accumulation and result dtype (default: int64/uint64 for bool and narrower integers, else the input's). */
  dtype?: DTypeName | string | null
  /** Write the result here: it must have the result's shape; values are cast to its dtype. */
  out?: NDArray | null
}

const KEYS = ['axis', 'dtype', 'out'] as const

/** The input along its axis: flattened when axis is null/undefined; a 0-d input takes axis 0/-1 as NumPy does. */
function resolveInput(fn: string, a: NDArray, axis: number | null | undefined): { x: NDArray; axis: number } {
  if (!(a instanceof NDArray)) throw new DTypeError(`${fn}: the input must be an NDArray, got ${typeof a}`)
  if (axis === undefined || axis === null) return { x: a.ndim === 1 ? a : a.ravel(), axis: 0 }
  if (a.ndim === 0) {
    normalizeAxis(axis, 1)
    return { x: a.reshape([1]), axis: 0 }
  }
  return { x: a, axis: normalizeAxis(axis, a.ndim) }
}

/** a with NaN replaced by `fill` (a fresh C-contiguous copy), for the nan* variants of float inputs. */
function replaceNan(a: NDArray, fill: number): NDArray {
  const c = a.copy()
  const o = c.offset
  const n = c.size
  if (c.dtype === 'float16') {
    // half bits: NaN is exponent all ones with a nonzero mantissa
    const d = typedView(c.buffer, 'float16') as Uint16Array
    const f = toHalfBits(fill)
    for (let i = 0; i < n; i++) if ((d[o + i]! & 0x7fff) > 0x7c00) d[o + i] = f
    return c
  }
  const d = typedView(c.buffer, c.dtype) as Float64Array
  for (let i = 0; i < n; i++) if (d[o + i] !== d[o + i]) d[o + i] = fill
  return c
}

function* cumulative(fn: string, op: ScanOp, nan: boolean, a: NDArray, opts: CumulativeOptions = {}): OpDriver<NDArray> {
  checkOptions(fn, opts, KEYS)
  const { x, axis } = resolveInput(fn, a, opts?.axis)
  const userDtype = opts?.dtype === undefined || opts.dtype === null ? undefined : lookupDType(opts.dtype).name
  const out = checkOut(fn, opts?.out, x.shape)
  const loop = scanLoopDtype(fn, op, x.dtype, userDtype, out)
  let src = x
  if (nan) {
    if (x.dtypeInfo.kind === 'f') src = replaceNan(x, op === 'add' ? 0 : 1)
  }
  return yield* runScan({ fn, op, x, axis, loop, out }, src)
}

function access(a: NDArray, opts?: CumulativeOptions): OpAccess {
  return { reads: arraysIn(a), writes: arraysIn(opts?.out) }
}

/**
 * Cumulative sum along an axis (NumPy's `cumsum`, i.e. `np.add.accumulate`); with no axis, of the flattened
 * array. bool and integers narrower than 64 bits accumulate in int64 (unsigned: uint64), wrapping; floats
 * accumulate in order in their own dtype, rounding at every step exactly as NumPy.
 *
 * @param a - the input
 * @param opts - axis (default: flattened), dtype (the accumulator and result dtype), out
 * @returns a new array (1-d when flattened), or `out`
 * @throws AxisError for an axis out of range; ValueError for an `out` of the wrong shape; DTypeError for an unsupported dtype
 */
export const cumsum: (a: NDArray, opts?: CumulativeOptions) => NDArray = defineDrivenOp({
  name: 'cumsum', optionsAt: 1, access,
  drive: (a: NDArray, opts?: CumulativeOptions) => cumulative('cumsum', 'add', false, a, opts),
})

/**
 * Cumulative product along an axis (NumPy's `cumprod`, i.e. `np.multiply.accumulate`); dtype rules as
 * {@link cumsum}; integer products wrap as NumPy's.
 *
 * @param a - the input
 * @param opts - axis (default: flattened), dtype (the accumulator and result dtype), out
 * @returns a new array (1-d when flattened), or `out`
 * @throws AxisError for an axis out of range; ValueError for an `out` of the wrong shape; DTypeError for an unsupported dtype
 */
export const cumprod: (a: NDArray, opts?: CumulativeOptions) => NDArray = defineDrivenOp({
  name: 'cumprod', optionsAt: 1, access,
  drive: (a: NDArray, opts?: CumulativeOptions) => cumulative('cumprod', 'multiply', false, a, opts),
})

/**
 * Cumulative sum treating NaN as zero (NumPy's `nancumsum`): leading NaNs give 0. Integers and bool behave as
 * {@link cumsum}.
 *
 * @param a - the input
 * @param opts - axis (default: flattened), dtype, out
 * @returns a new array (1-d when flattened), or `out`
 * @throws AxisError for an axis out of range; ValueError for an `out` of the wrong shape; DTypeError for an unsupported dtype
 */
export const nancumsum: (a: NDArray, opts?: CumulativeOptions) => NDArray = defineDrivenOp({
  name: 'nancumsum', optionsAt: 1, access,
  drive: (a: NDArray, opts?: CumulativeOptions) => cumulative('nancumsum', 'add', true, a, opts),
})

/**
 * Cumulative product treating NaN as one (NumPy's `nancumprod`): leading NaNs give 1. Integers and bool behave
 * as {@link cumprod}.
 *
 * @param a - the input
 * @param opts - axis (default: flattened), dtype, out
 * @returns a new array (1-d when flattened), or `out`
 * @throws AxisError for an axis out of range; ValueError for an `out` of the wrong shape; DTypeError for an unsupported dtype
 */
export const nancumprod: (a: NDArray, opts?: CumulativeOptions) => NDArray = defineDrivenOp({
  name: 'nancumprod', optionsAt: 1, access,
  drive: (a: NDArray, opts?: CumulativeOptions) => cumulative('nancumprod', 'multiply', true, a, opts),
})
