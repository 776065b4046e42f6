/**
 * NaN-aware reductions (NumPy's numpy/lib/_nanfunctions_impl.py): nansum, nanprod, nanmean, nanvar, nanstd,
 * nanmin, nanmax, nanargmin, nanargmax — as driven ops (ops/driver.ts), so each is also a Runtime method whose
 * jobs run on the pool.
 *
 * They follow NumPy's formulas step by step so results are the same bits: `_replace_nan` makes a copy of a float
 * input in NumPy's 'K' layout with the NaNs replaced (an isnan job, then a where job), and the plain reduction
 * runs over that copy (the same pairwise grouping as NumPy's sum of the replaced array). Integer and bool inputs
 * fall back to the plain functions, as in NumPy. float16 inputs take the same steps; the float16 ufuncs and
 * reductions they run round at NumPy's points, so float16 results are NumPy's bits too.
 *
 * Where NumPy warns (RuntimeWarning: "Mean of empty slice", "Degrees of freedom <= 0 for slice", "All-NaN slice
 * encountered") strided gives the same values silently.
 */
import { DTYPES, dtype as lookupDType, type Scalar } from '../../dtype.js'
import { DTypeError, ValueError } from '../../errors.js'
import { checkOptions } from '../../check-options.js'
import { NDArray } from '../../ndarray.js'
import { arraysIn, defineDrivenOp, type OpAccess, type OpDriver } from '../driver.js'
import { prepareReduction, type ArrayReduceOptions, type ReduceOptions, type ScalarReduceOptions } from '../reductions.js'
import type { UnitsJob } from '../../kernels/job.js'
import { NAN_CHUNK, type NanExtremePlan, type NanReplacePlan } from '../../kernels/nan/nan-dense.js'
import {
  checkArray, checkKeepdims, checkOut, denseBlock, finishResult, floatKind, reduceJob, resolveAxes, scalarOf, ufuncJob, type Sub,
} from './common.js'

const SUM_KEYS = ['axis', 'dtype', 'out', 'keepdims'] as const
const VAR_KEYS = [...SUM_KEYS, 'ddof'] as const
const MINMAX_KEYS = ['axis', 'out', 'keepdims'] as const

/** Reads a; writes the `out` option. */
function accessOf(a: unknown, opts?: unknown): OpAccess {
  const out = opts !== null && typeof opts === 'object' ? (opts as { out?: unknown }).out : undefined
  return { reads: arraysIn(a), writes: arraysIn(out) }
}

/**
 * NumPy's _replace_nan(a, val) for a float input: [the copy with NaN replaced ('K' layout), the isnan mask]. A dense
 * input with positive strides takes one linear pass (kernels/nan/nan-dense.ts); others an isnan and a where job.
 */
function* replaceNan(a: NDArray, val: number): Sub<[NDArray, NDArray]> {
  const [arr, mask] = yield* replaceNanMaybeMask(a, val, true)
  return [arr, mask!]
}

/**
 * replaceNan, with the mask only when `withMask` or when the input is not dense (then it is made anyway), and the
 * total NaN count when the dense pass counted it (else null).
 */
function* replaceNanMaybeMask(a: NDArray, val: number, withMask: boolean): Sub<[NDArray, NDArray | null, number | null]> {
  // the dense pass reads float32/float64 only; float16 takes the isnan and where jobs
  const dense = a.dtype === 'float16' ? null : denseBlock(a)
  if (dense !== null && dense.positive) return yield* replaceDense(a, dense, val, withMask)
  const mask = yield* ufuncJob('isnan', [a])
  // np.array(a, copy=True): NumPy's 'K' copy layout (for a broadcast input it differs from a ufunc's 'K' output)
  const arr = NDArray.allocLike(a, a.dtype, 'K', false)
  yield* ufuncJob('where', [mask, val, a], { out: arr })
  return [arr, mask, null]
}

/**
 * The NaN-replaced copy of a dense, positive-strided float input in one linear pass (its 'K' copy has a's strides):
 * [copy, mask or null, NaN count].
 */
function* replaceDense(a: NDArray, dense: { start: number; n: number }, val: number, withMask: boolean): Sub<[NDArray, NDArray | null, number]> {
  const arr = NDArray.allocStrided(a.shape, a.strides, a.dtype, dense.n, false)
  const mask = withMask ? NDArray.allocStrided(a.shape, a.strides, 'bool', dense.n, false) : null
  // allocStrided lays the block out from element 0; its first element sits where a's block starts
  const at = (x: NDArray): number => x.offset - (a.offset - dense.start)
  const plan: NanReplacePlan = {
    src: { buffer: a.buffer, dtype: a.dtype, start: dense.start, n: dense.n },
    dst: { buffer: arr.buffer, dtype: arr.dtype, start: at(arr), n: dense.n },
    mask: mask === null ? null : { buffer: mask.buffer, dtype: 'bool', start: at(mask), n: dense.n },
    val,
  }
  const units = Math.ceil(dense.n / NAN_CHUNK)
  const job: UnitsJob = { kind: 'units', op: 'nanReplace', plan, units, elementsPerUnit: Math.min(dense.n, NAN_CHUNK), cost: withMask ? 1.2 : 1 }
  const parts = yield job
  let nans = 0
  for (const p of parts) nans += p as number
  return [arr, mask, nans]
}

/** NumPy's rule for nanmean/nanvar: with a float input, dtype and out must be inexact. */
function checkInexact(name: string, opts: ReduceOptions): void {
  if (opts.dtype !== undefined && opts.dtype !== null && DTYPES[lookupDType(opts.dtype).name].kind !== 'f') {
    throw new DTypeError(`${name}: if a is inexact, then dtype must be inexact (got ${lookupDType(opts.dtype).name})`)
  }
  if (opts.out !== undefined && DTYPES[opts.out.dtype].kind !== 'f') {
    throw new DTypeError(`${name}: if a is inexact, then out must be inexact (got ${opts.out.dtype})`)
  }
}

// ------------------------------------------------------------------------------------------------ nansum / nanprod

function* sumProd(name: 'nansum' | 'nanprod', a: NDArray, opts: ReduceOptions = {}): OpDriver<NDArray | Scalar> {
  checkOptions(name, opts, SUM_KEYS)
  checkArray(name, a)
  const keepdims = checkKeepdims(name, opts.keepdims)
  const out = checkOut(name, opts.out)
  const ax = resolveAxes(name, a, opts.axis, keepdims, out)
  let arr = a
  if (floatKind(name, a.dtype) === 'float') [arr] = yield* replaceNanMaybeMask(a, name === 'nansum' ? 0 : 1, false)
  const r = yield* reduceJob(name === 'nansum' ? 'sum' : 'prod', arr, { axis: ax.list, keepdims, dtype: opts.dtype, out })
  return finishResult(r, ax.scalar)
}

const nansumOp = defineDrivenOp({
  name: 'nansum', optionsAt: 1,
  drive: (a: NDArray, opts?: ReduceOptions) => sumProd('nansum', a, opts),
  access: accessOf,
})
const nanprodOp = defineDrivenOp({
  name: 'nanprod', optionsAt: 1,
  drive: (a: NDArray, opts?: ReduceOptions) => sumProd('nanprod', a, opts),
  access: accessOf,
})

/**
 * Sum treating NaN as zero (NumPy's `nansum`): NaNs are replaced by 0 in a copy and that copy is summed, so the
 * pairwise grouping and the bits are NumPy's. An all-NaN or empty slice sums to 0. Integer and bool inputs are
 * summed as {@link sum} does (int64/uint64, bigint results).
 *
 * @param a - the input
 * @param opts - axis (default: all; an integer, a list, or null), keepdims, dtype (the accumulator), out
 * @returns a JS scalar when every axis is reduced and neither keepdims nor out is given, else an NDArray
 * @throws AxisError for an axis out of range; ShapeError for an `out` of the wrong shape
 */
export function nansum(a: NDArray, opts?: ScalarReduceOptions): number | bigint
/** `nansum` with an axis, keepdims or out given: the result is an NDArray (0-d when the axes cover every dimension). */
export function nansum(a: NDArray, opts: ArrayReduceOptions): NDArray
/** `nansum` with options known only at run time: an NDArray or a JS scalar, as they decide. */
export function nansum(a: NDArray, opts?: ReduceOptions): NDArray | number | bigint
export function nansum(a: NDArray, opts?: ReduceOptions): NDArray | number | bigint { return nansumOp(a, opts) as NDArray | number | bigint }

/**
 * Product treating NaN as one (NumPy's `nanprod`): NaNs are replaced by 1 in a copy and that copy is multiplied.
 * An all-NaN or empty slice gives 1. Integer and bool inputs are multiplied as {@link prod} does.
 *
 * @param a - the input
 * @param opts - axis (default: all; an integer, a list, or null), keepdims, dtype (the accumulator), out
 * @returns a JS scalar when every axis is reduced and neither keepdims nor out is given, else an NDArray
 * @throws AxisError for an axis out of range; ShapeError for an `out` of the wrong shape
 */
export function nanprod(a: NDArray, opts?: ScalarReduceOptions): number | bigint
/** `nanprod` with an axis, keepdims or out given: the result is an NDArray (0-d when the axes cover every dimension). */
export function nanprod(a: NDArray, opts: ArrayReduceOptions): NDArray
/** `nanprod` with options known only at run time: an NDArray or a JS scalar, as they decide. */
export function nanprod(a: NDArray, opts?: ReduceOptions): NDArray | number | bigint
export function nanprod(a: NDArray, opts?: ReduceOptions): NDArray | number | bigint { return nanprodOp(a, opts) as NDArray | number | bigint }

// ------------------------------------------------------------------------------------------------ nanmean

function* nanmeanDrive(a: NDArray, opts: ReduceOptions = {}): OpDriver<NDArray | Scalar> {
  const name = 'nanmean'
  checkOptions(name, opts, SUM_KEYS)
  checkArray(name, a)
  const keepdims = checkKeepdims(name, opts.keepdims)
  const out = checkOut(name, opts.out)
  const isFloat = floatKind(name, a.dtype) === 'float'
  // NumPy's mean (the integer fallback) refuses axis 0 of a 0-d input; its sum accepts it
  const ax = resolveAxes(name, a, opts.axis, keepdims, out, false, !isFloat)
  if (!isFloat) {
    return finishResult(yield* reduceJob('mean', a, { axis: ax.list, keepdims, dtype: opts.dtype, out }), ax.scalar)
  }
  checkInexact(name, opts)
  const all = ax.reduced.every((r) => r)
  const [arr, mask, counted] = yield* replaceNanMaybeMask(a, 0, !all)
  const tot = yield* reduceJob('sum', arr, { axis: ax.list, keepdims, dtype: opts.dtype, out })
  // cnt = sum(~mask, dtype=intp): the slice length minus the NaNs (the same integers)
  let cnt: NDArray
  if (counted !== null && all) {
    cnt = NDArray.alloc(tot.shape, 'int64')
    cnt.fill(BigInt(ax.count - counted))
  } else {
    const nans = yield* reduceJob('sum', mask!, { axis: ax.list, keepdims, dtype: 'int64' })
    cnt = yield* ufuncJob('subtract', [ax.count, nans], { out: nans })
  }
  // _divide_by_count: np.divide(tot, cnt, out=tot), in float64 for a float32 tot, then cast back
  const avg = yield* ufuncJob('divide', [tot, cnt], { out: tot })
  return finishResult(avg, ax.scalar)
}

const nanmeanOp = defineDrivenOp({ name: 'nanmean', optionsAt: 1, drive: nanmeanDrive, access: accessOf })

/**
 * Mean ignoring NaNs (NumPy's `nanmean`): sum of the NaN-replaced copy divided by the count of non-NaN elements,
 * as NumPy computes it (float32 inputs: the sum in float32, the division in float64 rounded to float32). An
 * all-NaN or empty slice gives NaN (NumPy also warns "Mean of empty slice"; strided does not warn). Integer and
 * bool inputs fall back to {@link mean}.
 *
 * @param a - the input
 * @param opts - axis (default: all; an integer, a list, or null), keepdims, dtype (must be a float dtype for a float input), out
 * @returns a JS scalar when every axis is reduced and neither keepdims nor out is given, else an NDArray
 * @throws DTypeError for a non-float dtype or out with a float input; AxisError for an axis out of range
 */
export function nanmean(a: NDArray, opts?: ScalarReduceOptions): number
/** `nanmean` with an axis, keepdims or out given: the result is an NDArray (0-d when the axes cover every dimension). */
export function nanmean(a: NDArray, opts: ArrayReduceOptions): NDArray
/** `nanmean` with options known only at run time: an NDArray or a JS scalar, as they decide. */
export function nanmean(a: NDArray, opts?: ReduceOptions): NDArray | number
export function nanmean(a: NDArray, opts?: ReduceOptions): NDArray | number { return nanmeanOp(a, opts) as NDArray | number }

// ------------------------------------------------------------------------------------------------ nanvar / nanstd

function* varStd(name: 'nanvar' | 'nanstd', a: NDArray, opts: ReduceOptions = {}): OpDriver<NDArray | Scalar> {
  checkOptions(name, opts, VAR_KEYS)
  checkArray(name, a)
  const keepdims = checkKeepdims(name, opts.keepdims)
  const out = checkOut(name, opts.out)
  const ddof = opts.ddof ?? 0
  if (typeof ddof !== 'number' || !Number.isFinite(ddof)) throw new ValueError(`${name}: ddof must be a finite number, got ${String(ddof)}`)
  const isFloat = floatKind(name, a.dtype) === 'float'
  const ax = resolveAxes(name, a, opts.axis, keepdims, out, false, !isFloat)
  if (!isFloat) {
    const r = yield* reduceJob(name === 'nanvar' ? 'var' : 'std', a, { axis: ax.list, keepdims, dtype: opts.dtype, out, ddof })
    return finishResult(r, ax.scalar)
  }
  checkInexact(name, opts)
  const [arr, mask] = yield* replaceNan(a, 0)
  // cnt = sum(~mask, dtype=intp, keepdims=True)
  const nans = yield* reduceJob('sum', mask, { axis: ax.list, keepdims: true, dtype: 'int64' })
  const cntK = yield* ufuncJob('subtract', [ax.count, nans], { out: nans })
  // avg = sum(arr, dtype, keepdims=True) / cnt
  const s = yield* reduceJob('sum', arr, { axis: ax.list, keepdims: true, dtype: opts.dtype })
  const avg = yield* ufuncJob('divide', [s, cntK], { out: s })
  // arr -= avg (cast back to arr's dtype); arr[mask] = 0; sqr = arr * arr
  yield* ufuncJob('subtract', [arr, avg], { out: arr })
  yield* ufuncJob('where', [mask, 0, arr], { out: arr })
  const sqr = yield* ufuncJob('multiply', [arr, arr], { out: arr })
  let v = yield* reduceJob('sum', sqr, { axis: ax.list, keepdims, dtype: opts.dtype, out })
  const cnt = keepdims ? cntK : cntK.squeeze(ax.list)
  const dof = yield* ufuncJob('subtract', [cnt, ddof])
  v = yield* ufuncJob('divide', [v, dof], { out: v })
  const isbad = yield* ufuncJob('lessEqual', [dof, 0])
  const anyBad = yield* reduceJob('any', isbad, { axis: [...Array(isbad.ndim).keys()] })
  if (scalarOf(anyBad) === true) v = yield* ufuncJob('where', [isbad, NaN, v], { out: v })
  if (name === 'nanstd') v = yield* ufuncJob('sqrt', [v], { out: v })
  return finishResult(v, ax.scalar)
}

const nanvarOp = defineDrivenOp({
  name: 'nanvar', optionsAt: 1,
  drive: (a: NDArray, opts?: ReduceOptions) => varStd('nanvar', a, opts),
  access: accessOf,
})
const nanstdOp = defineDrivenOp({
  name: 'nanstd', optionsAt: 1,
  drive: (a: NDArray, opts?: ReduceOptions) => varStd('nanstd', a, opts),
  access: accessOf,
})

/**
 * Variance ignoring NaNs (NumPy's `nanvar`), following NumPy's steps: the mean of the NaN-replaced copy
 * (keepdims), the deviations written back into that copy (NaNs zeroed), squared, summed, divided by
 * `count - ddof`. A slice with `count - ddof <= 0` (all-NaN, empty, too few) gives NaN (NumPy also warns
 * "Degrees of freedom <= 0 for slice"; strided does not warn). Integer and bool inputs fall back to {@link var}.
 *
 * @param a - the input
 * @param opts - axis (default: all; an integer, a list, or null), keepdims, dtype (a float dtype), out, ddof (default 0)
 * @returns a JS scalar when every axis is reduced and neither keepdims nor out is given, else an NDArray
 * @throws DTypeError for a non-float dtype or out with a float input; ValueError for a non-finite ddof
 */
export function nanvar(a: NDArray, opts?: ScalarReduceOptions): number
/** `nanvar` with an axis, keepdims or out given: the result is an NDArray (0-d when the axes cover every dimension). */
export function nanvar(a: NDArray, opts: ArrayReduceOptions): NDArray
/** `nanvar` with options known only at run time: an NDArray or a JS scalar, as they decide. */
export function nanvar(a: NDArray, opts?: ReduceOptions): NDArray | number
export function nanvar(a: NDArray, opts?: ReduceOptions): NDArray | number { return nanvarOp(a, opts) as NDArray | number }

/**
 * Standard deviation ignoring NaNs (NumPy's `nanstd`): the square root of {@link nanvar}, in the result's dtype.
 * All-NaN slices (or `count - ddof <= 0`) give NaN without a warning.
 *
 * @param a - the input
 * @param opts - axis (default: all; an integer, a list, or null), keepdims, dtype (a float dtype), out, ddof (default 0)
 * @returns a JS scalar when every axis is reduced and neither keepdims nor out is given, else an NDArray
 * @throws DTypeError for a non-float dtype or out with a float input; ValueError for a non-finite ddof
 */
export function nanstd(a: NDArray, opts?: ScalarReduceOptions): number
/** `nanstd` with an axis, keepdims or out given: the result is an NDArray (0-d when the axes cover every dimension). */
export function nanstd(a: NDArray, opts: ArrayReduceOptions): NDArray
/** `nanstd` with options known only at run time: an NDArray or a JS scalar, as they decide. */
export function nanstd(a: NDArray, opts?: ReduceOptions): NDArray | number
export function nanstd(a: NDArray, opts?: ReduceOptions): NDArray | number { return nanstdOp(a, opts) as NDArray | number }

// ------------------------------------------------------------------------------------------------ nanmin / nanmax

function* minMax(name: 'nanmin' | 'nanmax', a: NDArray, opts: ReduceOptions = {}): OpDriver<NDArray | Scalar> {
  checkOptions(name, opts, MINMAX_KEYS)
  checkArray(name, a)
  const keepdims = checkKeepdims(name, opts.keepdims)
  const out = checkOut(name, opts.out)
  const ax = resolveAxes(name, a, opts.axis, keepdims, out)
  const op = name === 'nanmin' ? 'min' : 'max'
  if (ax.count === 0) throw new ValueError(`zero-size array to reduction operation ${name === 'nanmin' ? 'fmin' : 'fmax'} which has no identity`)
  if (floatKind(name, a.dtype) !== 'float') return finishResult(yield* reduceJob(op, a, { axis: ax.list, keepdims, out }), ax.scalar)
  const dense = a.dtype === 'float16' ? null : denseBlock(a)
  if (dense !== null && ax.reduced.every((r) => r) && out === undefined) {
    // every element, in memory order: chunk extremes of the non-NaN values, combined in chunk order
    const plan: NanExtremePlan = { src: { buffer: a.buffer, dtype: a.dtype, start: dense.start, n: dense.n }, max: name === 'nanmax' }
    const units = Math.ceil(dense.n / NAN_CHUNK)
    const parts = yield { kind: 'units', op: 'nanExtreme', plan, units, elementsPerUnit: Math.min(dense.n, NAN_CHUNK), cost: 0.25 } satisfies UnitsJob
    let m = NaN
    for (const p of parts as number[]) {
      if (Number.isNaN(m) || (name === 'nanmax' ? p > m : p < m)) { if (!Number.isNaN(p)) m = p }
    }
    const r = NDArray.alloc(keepdims ? a.shape.map(() => 1) : [], a.dtype)
    r.fill(m)
    return finishResult(r, ax.scalar)
  }
  // NaN never wins: replace it by the identity, reduce, then put NaN back where the whole slice was NaN
  const [arr, mask] = yield* replaceNan(a, name === 'nanmin' ? Infinity : -Infinity)
  let r = yield* reduceJob(op, arr, { axis: ax.list, keepdims, out })
  const allNan = yield* reduceJob('all', mask, { axis: ax.list, keepdims })
  const anyAll = yield* reduceJob('any', allNan, { axis: [...Array(allNan.ndim).keys()] })
  if (scalarOf(anyAll) === true) r = yield* ufuncJob('where', [allNan, NaN, r], { out: r })
  return finishResult(r, ax.scalar)
}

const nanminOp = defineDrivenOp({
  name: 'nanmin', optionsAt: 1,
  drive: (a: NDArray, opts?: ReduceOptions) => minMax('nanmin', a, opts),
  access: accessOf,
})
const nanmaxOp = defineDrivenOp({
  name: 'nanmax', optionsAt: 1,
  drive: (a: NDArray, opts?: ReduceOptions) => minMax('nanmax', a, opts),
  access: accessOf,
})

/**
 * Minimum ignoring NaNs (NumPy's `nanmin`): NaN only for a slice that is all NaN (NumPy also warns "All-NaN slice
 * encountered"; strided does not warn). The sign of a zero result (-0 vs +0 among equal zeros) may differ from
 * NumPy's, whose SIMD fmin picks either. Integer and bool inputs give {@link min}.
 *
 * @param a - the input
 * @param opts - axis (default: all; an integer, a list, or null), keepdims, out
 * @returns a JS scalar when every axis is reduced and neither keepdims nor out is given, else an NDArray
 * @throws ValueError for an empty reduction (no identity); AxisError for an axis out of range
 */
export function nanmin(a: NDArray, opts?: ScalarReduceOptions): Scalar
/** `nanmin` with an axis, keepdims or out given: the result is an NDArray (0-d when the axes cover every dimension). */
export function nanmin(a: NDArray, opts: ArrayReduceOptions): NDArray
/** `nanmin` with options known only at run time: an NDArray or a JS scalar, as they decide. */
export function nanmin(a: NDArray, opts?: ReduceOptions): NDArray | Scalar
export function nanmin(a: NDArray, opts?: ReduceOptions): NDArray | Scalar { return nanminOp(a, opts) }

/**
 * Maximum ignoring NaNs (NumPy's `nanmax`): NaN only for a slice that is all NaN (NumPy also warns "All-NaN slice
 * encountered"; strided does not warn). The sign of a zero result may differ from NumPy's. Integer and bool
 * inputs give {@link max}.
 *
 * @param a - the input
 * @param opts - axis (default: all; an integer, a list, or null), keepdims, out
 * @returns a JS scalar when every axis is reduced and neither keepdims nor out is given, else an NDArray
 * @throws ValueError for an empty reduction (no identity); AxisError for an axis out of range
 */
export function nanmax(a: NDArray, opts?: ScalarReduceOptions): Scalar
/** `nanmax` with an axis, keepdims or out given: the result is an NDArray (0-d when the axes cover every dimension). */
export function nanmax(a: NDArray, opts: ArrayReduceOptions): NDArray
/** `nanmax` with options known only at run time: an NDArray or a JS scalar, as they decide. */
export function nanmax(a: NDArray, opts?: ReduceOptions): NDArray | Scalar
export function nanmax(a: NDArray, opts?: ReduceOptions): NDArray | Scalar { return nanmaxOp(a, opts) }

// ------------------------------------------------------------------------------------------------ nanargmin / nanargmax

function* argMinMax(name: 'nanargmin' | 'nanargmax', a: NDArray, opts: ReduceOptions = {}): OpDriver<NDArray | number> {
  checkOptions(name, opts, MINMAX_KEYS)
  checkArray(name, a)
  const keepdims = checkKeepdims(name, opts.keepdims)
  const out = checkOut(name, opts.out)
  const ax = resolveAxes(name, a, opts.axis, keepdims, out, true)
  const op = name === 'nanargmin' ? 'argmin' : 'argmax'
  let arr = a
  if (floatKind(name, a.dtype) === 'float') {
    let mask: NDArray
    ;[arr, mask] = yield* replaceNan(a, name === 'nanargmin' ? Infinity : -Infinity)
    if (mask.size > 0) {
      const allNan = yield* reduceJob('all', mask, { axis: ax.list })
      const anyAll = yield* reduceJob('any', allNan, { axis: [...Array(allNan.ndim).keys()] })
      if (scalarOf(anyAll) === true) throw new ValueError(`${name}: All-NaN slice encountered`)
    }
  }
  const p = prepareReduction(op, arr, { axis: opts.axis, keepdims, out })
  const partials = yield p.job
  return p.finish(partials) as NDArray | number
}

const nanargminOp = defineDrivenOp({
  name: 'nanargmin', optionsAt: 1,
  drive: (a: NDArray, opts?: ReduceOptions) => argMinMax('nanargmin', a, opts),
  access: accessOf,
})
const nanargmaxOp = defineDrivenOp({
  name: 'nanargmax', optionsAt: 1,
  drive: (a: NDArray, opts?: ReduceOptions) => argMinMax('nanargmax', a, opts),
  access: accessOf,
})

/**
 * Index of the minimum ignoring NaNs (NumPy's `nanargmin`), along one axis or, with none, the flat C-order index;
 * the first one on ties. As NumPy: NaNs are replaced by +inf before {@link argmin}, so a slice of NaNs and +inf
 * gives the first of them.
 *
 * @param a - the input
 * @param opts - axis (one integer or null), keepdims, out (an integer array)
 * @returns a number when axis is null and neither keepdims nor out is given, else an int64 NDArray
 * @throws ValueError "All-NaN slice encountered" when any slice is all NaN (NumPy raises the same); ValueError for an empty input
 */
export function nanargmin(a: NDArray, opts?: ScalarReduceOptions): number
/** `nanargmin` with an axis, keepdims or out given: the result is an NDArray. */
export function nanargmin(a: NDArray, opts: ArrayReduceOptions): NDArray
/** `nanargmin` with options known only at run time: an NDArray or a number, as they decide. */
export function nanargmin(a: NDArray, opts?: ReduceOptions): NDArray | number
export function nanargmin(a: NDArray, opts?: ReduceOptions): NDArray | number { return nanargminOp(a, opts) }

/**
 * Index of the maximum ignoring NaNs (NumPy's `nanargmax`), along one axis or, with none, the flat C-order index;
 * the first one on ties. As NumPy: NaNs are replaced by -inf before {@link argmax}.
 *
 * @param a - the input
 * @param opts - axis (one integer or null), keepdims, out (an integer array)
 * @returns a number when axis is null and neither keepdims nor out is given, else an int64 NDArray
 * @throws ValueError "All-NaN slice encountered" when any slice is all NaN (NumPy raises the same); ValueError for an empty input
 */
export function nanargmax(a: NDArray, opts?: ScalarReduceOptions): number
/** `nanargmax` with an axis, keepdims or out given: the result is an NDArray. */
export function nanargmax(a: NDArray, opts: ArrayReduceOptions): NDArray
/** `nanargmax` with options known only at run time: an NDArray or a number, as they decide. */
export function nanargmax(a: NDArray, opts?: ReduceOptions): NDArray | number
export function nanargmax(a: NDArray, opts?: ReduceOptions): NDArray | number { return nanargmaxOp(a, opts) }
