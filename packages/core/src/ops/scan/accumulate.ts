/**
 * `accumulate(ufunc, a, opts)`: NumPy's `ufunc.accumulate` for the binary ufuncs that have one here, by strided
 * name. Unlike cumsum, the default axis is 0 and a 0-d input is an error (NumPy: "cannot accumulate on a scalar").
 */
import { checkOptions } from '../../check-options.js'
import { dtype as lookupDType, type DTypeName } from '../../dtype.js'
import { DTypeError, ValueError } from '../../errors.js'
import { NDArray } from '../../ndarray.js'
import { normalizeAxis } from '../../shape.js'
import { arraysIn, defineDrivenOp, type OpAccess, type OpDriver } from '../driver.js'
import { checkOut, runScan, scanLoopDtype, type ScanOp } from './plan.js'

/** The ufuncs {@link accumulate} takes, by strided name. */
export type AccumulateUfunc = ScanOp

/** Every ufunc {@link accumulate} takes. */
export const ACCUMULATE_UFUNCS: readonly AccumulateUfunc[] = [
  'add', 'multiply', 'maximum', 'minimum', 'logicalAnd', 'logicalOr', 'bitwiseAnd', 'bitwiseOr', 'bitwiseXor',
]

/** Options of {@link accumulate} (NumPy's keyword arguments of `ufunc.accumulate`). */
export interface AccumulateOptions {
  /** The axis to accumulate along (default 0); one axis only. */
  axis?: number
  /** The loop and result dtype (default: add/multiply widen bool and narrow integers to int64/uint64; the others keep the input's). */
  dtype?: DTypeName | string | null
  /** Write the result here: it must have the input's shape; values are cast to its dtype. */
  out?: NDArray | null
}

function* drive(ufunc: AccumulateUfunc, a: NDArray, opts: AccumulateOptions = {}): OpDriver<NDArray> {
  if (typeof ufunc !== 'string' || !ACCUMULATE_UFUNCS.includes(ufunc)) {
    throw new ValueError(`accumulate: unsupported ufunc ${JSON.stringify(ufunc)}; expected one of ${ACCUMULATE_UFUNCS.join(', ')}`)
  }
  checkOptions('accumulate', opts, ['axis', 'dtype', 'out'])
  if (!(a instanceof NDArray)) throw new DTypeError(`accumulate: the input must be an NDArray, got ${typeof a}`)
  if (a.ndim === 0) throw new DTypeError('accumulate: cannot accumulate on a scalar (a 0-d array)')
  const ax = opts?.axis
  if (ax === null || Array.isArray(ax)) throw new ValueError(`accumulate does not allow multiple axes (got axis=${ax === null ? 'null' : `[${String(ax)}]`})`)
  const axis = normalizeAxis(ax ?? 0, a.ndim)
  const userDtype = opts?.dtype === undefined || opts.dtype === null ? undefined : lookupDType(opts.dtype).name
  const out = checkOut('accumulate', opts?.out, a.shape)
  const loop = scanLoopDtype('accumulate', ufunc, a.dtype, userDtype, out)
  return yield* runScan({ fn: 'accumulate', op: ufunc, x: a, axis, loop, out }, a)
}

function access(_ufunc: AccumulateUfunc, a: NDArray, opts?: AccumulateOptions): OpAccess {
  return { reads: arraysIn(a), writes: arraysIn(opts?.out) }
}

/**
 * NumPy's `ufunc.accumulate` (`np.add.accumulate(a, axis=0)`): `r[0] = a[0]`, `r[i] = ufunc(r[i-1], a[i])` along
 * `axis`, in order. add and multiply widen bool and integers narrower than 64 bits to int64/uint64 as NumPy 2
 * does; maximum/minimum and the bitwise ops keep the input's dtype; logicalAnd/logicalOr give bool.
 *
 * @param ufunc - 'add', 'multiply', 'maximum', 'minimum', 'logicalAnd', 'logicalOr', 'bitwiseAnd', 'bitwiseOr' or 'bitwiseXor'
 * @param a - the input (at least 1-d)
 * @param opts - axis (default 0), dtype, out
 * @returns a new array of a's shape, or `out`
 * @throws ValueError for an unsupported ufunc or several axes; DTypeError for a 0-d input or a dtype without a loop
 */
export const accumulate: (ufunc: AccumulateUfunc, a: NDArray, opts?: AccumulateOptions) => NDArray = defineDrivenOp({
  name: 'accumulate', optionsAt: 2, access, drive,
})
