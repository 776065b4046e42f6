/**
 * Reductions: sum, prod, min, max, mean, var, std, argmin, argmax, any, all — NumPy 2.4 semantics and, for float
 * sums, NumPy's exact pairwise-summation grouping (spec §6.4, §7), so results are bit-identical to NumPy.
 *
 * Every public function is prepareReduction → runReductionUnits(job, 0, job.units) → finish, the same path the
 * worker pool takes with the units split across threads (kernels/job.ts).
 *
 * Results: a JS scalar (number | bigint | boolean) when every axis is reduced (axis undefined or null) and neither
 * keepdims nor out is given (argmin/argmax give the flat C-order index as a number); otherwise an NDArray, 0-d when
 * an explicit axis reduces everything (where NumPy gives a NumPy scalar), so the result's type follows from the call.
 */
import { DTYPES, dtype as lookupDType, typedView, type DTypeName, type Scalar } from '../dtype.js'
import { AxisError, DTypeError, ShapeError, ValueError } from '../errors.js'
import type { ReductionJob, ReductionPartial } from '../kernels/job.js'
import { copyInto } from '../kernels/copy.js'
import { finishReduction, runReductionUnits } from '../kernels/reduce/index.js'
import {
  buildDims, decompose, iterationPerm, pwBlockSpec, resultLayout,
  type KernelClass, type PostOp, type ReduceOp, type ReducePlan,
} from '../kernels/reduce/reduce-plan.js'
import { NDArray } from '../ndarray.js'
import { fromStored } from '../scalar.js'
import { normalizeAxes, normalizeAxis } from '../shape.js'
import { mayShareMemory } from '../overlap/index.js'
import { checkOptions } from '../check-options.js'
import { INITIAL_REDUCTIONS, WHERE_REDUCTIONS, prepareMaskedReduction, usesInitialOrWhere } from './reduce-where.js'
import { halfAccumulates, planDtypeOf, prepareHalfReduction } from './reduce-half.js'

/** The reductions, by name. */
export type ReductionName = 'sum' | 'prod' | 'min' | 'max' | 'mean' | 'var' | 'std' | 'argmin' | 'argmax' | 'any' | 'all'

export const REDUCTION_NAMES: readonly ReductionName[] = ['sum', 'prod', 'min', 'max', 'mean', 'var', 'std', 'argmin', 'argmax', 'any', 'all']

/** NumPy's keyword arguments of the reductions. */
export interface ReduceOptions {
  /** Axis or axes to reduce; null/undefined: all. [] reduces nothing. argmin/argmax take one axis or null. */
  axis?: number | readonly number[] | null
  /** Keep reduced axes as length 1. */
  keepdims?: boolean
  /** Accumulation and result dtype (sum, prod, mean, var, std). */
  dtype?: DTypeName | string
  /** Write the result here (shape must match the result; values are cast to its dtype). */
  out?: NDArray
  /** Delta degrees of freedom (var, std). */
  ddof?: number
  /**
   * The starting value of each output (sum, prod, min, max), cast to the loop dtype, as NumPy's `initial`:
   * every element is folded in after it. min/max of an empty selection give it.
   */
  initial?: number | bigint | boolean | null
  /**
   * Reduce only the elements where this bool mask (broadcast to the input's shape) is true (NumPy's `where`; sum,
   * prod, min, max, mean, var, std, any, all). min/max need `initial` with it; mean/var/std divide by the number
   * of selected elements. `true` selects everything.
   */
  where?: NDArray | boolean | null
}

/** Options under which a reduction returns a JS scalar: every axis reduced, no keepdims, no out. */
export interface ScalarReduceOptions extends ReduceOptions {
  /** Reduce every axis. */
  axis?: null
  /** Not set: the result is a scalar. */
  keepdims?: false
  /** Not set: the result is a scalar. */
  out?: undefined
}

/** Options under which a reduction returns an NDArray: an axis (0-d when it reduces everything), keepdims or out. */
export type ArrayReduceOptions = ReduceOptions & (
  | {
      /** Axis or axes to reduce (an array result even when they cover every dimension). */
      axis: number | readonly number[]
    }
  | {
      /** Keep reduced axes as length 1 (an array result). */
      keepdims: true
    }
  | {
      /** Write the result into this array, which is returned. */
      out: NDArray
    }
)

/** A reduction prepared on the calling thread: its job, and how to finish it. */
export interface PreparedReduction {
  readonly job: ReductionJob
  /** Combine the partials of all units (in unit order), write the result and return it. */
  finish(partials: readonly ReductionPartial[]): NDArray | Scalar
}

/** NumPy's ufunc names, for error messages. */
const UFUNC: Record<ReductionName, string> = {
  sum: 'add', prod: 'multiply', min: 'minimum', max: 'maximum', mean: 'add', var: 'add', std: 'add',
  argmin: 'argmin', argmax: 'argmax', any: 'logical_or', all: 'logical_and',
}

/** Rough cost per element relative to a float64 pairwise sum (1), for inline-vs-parallel decisions. */
const COST: Record<KernelClass, number> = { pw: 1, fseq: 1.5, isum: 1, iprod: 4, minmax: 1, logic: 0.5, arg: 1.5 }

/**
 * job.cost is relative to a float64 *add* element (kernels/job.ts). A sum element reads 8 bytes and stores
 * nothing, an add element moves 24: the bench's break-even sweep put parallel sum at 1.1e6 elements and
 * parallel add at 2.6e5, so one sum element is worth about a quarter of an add element.
 */
const SUM_VS_ADD = 0.25

// ------------------------------------------------------------------------------------------------ public API

/**
 * Sum of the elements over the given axes (NumPy's `sum`). Float sums follow NumPy's pairwise summation, bit for bit; integer and bool sums accumulate in int64/uint64 (bigint results).
 *
 * @param a - the input
 * @param opts - axis (default: all), keepdims, dtype (the accumulator), out, as NumPy's keyword arguments
 * @returns a JS scalar when every axis is reduced and neither keepdims nor out is given, else an NDArray
 */
export function sum(a: NDArray, opts?: ScalarReduceOptions): number | bigint
/** `sum` with an axis, keepdims or out given: the result is an NDArray (0-d when the axes cover every dimension). */
export function sum(a: NDArray, opts: ArrayReduceOptions): NDArray
/** `sum` with options known only at run time: an NDArray or a JS scalar, as they decide. */
export function sum(a: NDArray, opts?: ReduceOptions): NDArray | number | bigint
export function sum(a: NDArray, opts?: ReduceOptions): NDArray | number | bigint { return reduce('sum', a, opts) as NDArray | number | bigint }

/**
 * Product of the elements over the given axes (NumPy's `prod`); integer and bool products accumulate in int64/uint64 (bigint results), wrapping as NumPy's do.
 *
 * @param a - the input
 * @param opts - axis (default: all), keepdims, dtype (the accumulator), out, as NumPy's keyword arguments
 * @returns a JS scalar when every axis is reduced and neither keepdims nor out is given, else an NDArray
 */
export function prod(a: NDArray, opts?: ScalarReduceOptions): number | bigint
/** `prod` with an axis, keepdims or out given: the result is an NDArray (0-d when the axes cover every dimension). */
export function prod(a: NDArray, opts: ArrayReduceOptions): NDArray
/** `prod` with options known only at run time: an NDArray or a JS scalar, as they decide. */
export function prod(a: NDArray, opts?: ReduceOptions): NDArray | number | bigint
export function prod(a: NDArray, opts?: ReduceOptions): NDArray | number | bigint { return reduce('prod', a, opts) as NDArray | number | bigint }

/**
 * Minimum over the given axes (NumPy's `min`); NaN propagates. An empty reduction throws {@link ValueError} (no identity).
 *
 * @param a - the input
 * @param opts - axis (default: all), keepdims, out, as NumPy's keyword arguments
 * @returns a JS scalar when every axis is reduced and neither keepdims nor out is given, else an NDArray
 */
export function min(a: NDArray, opts?: ScalarReduceOptions): Scalar
/** `min` with an axis, keepdims or out given: the result is an NDArray (0-d when the axes cover every dimension). */
export function min(a: NDArray, opts: ArrayReduceOptions): NDArray
/** `min` with options known only at run time: an NDArray or a JS scalar, as they decide. */
export function min(a: NDArray, opts?: ReduceOptions): NDArray | Scalar
export function min(a: NDArray, opts?: ReduceOptions): NDArray | Scalar { return reduce('min', a, opts) }

/**
 * Maximum over the given axes (NumPy's `max`); NaN propagates. An empty reduction throws {@link ValueError} (no identity).
 *
 * @param a - the input
 * @param opts - axis (default: all), keepdims, out, as NumPy's keyword arguments
 * @returns a JS scalar when every axis is reduced and neither keepdims nor out is given, else an NDArray
 */
export function max(a: NDArray, opts?: ScalarReduceOptions): Scalar
/** `max` with an axis, keepdims or out given: the result is an NDArray (0-d when the axes cover every dimension). */
export function max(a: NDArray, opts: ArrayReduceOptions): NDArray
/** `max` with options known only at run time: an NDArray or a JS scalar, as they decide. */
export function max(a: NDArray, opts?: ReduceOptions): NDArray | Scalar
export function max(a: NDArray, opts?: ReduceOptions): NDArray | Scalar { return reduce('max', a, opts) }

/**
 * Arithmetic mean over the given axes (NumPy's `mean`): integers average in float64, float32 stays float32, with NumPy's pairwise sums.
 *
 * @param a - the input
 * @param opts - axis (default: all), keepdims, dtype (the accumulator), out, as NumPy's keyword arguments
 * @returns a JS scalar when every axis is reduced and neither keepdims nor out is given, else an NDArray
 */
export function mean(a: NDArray, opts?: ScalarReduceOptions): number
/** `mean` with an axis, keepdims or out given: the result is an NDArray (0-d when the axes cover every dimension). */
export function mean(a: NDArray, opts: ArrayReduceOptions): NDArray
/** `mean` with options known only at run time: an NDArray or a JS scalar, as they decide. */
export function mean(a: NDArray, opts?: ReduceOptions): NDArray | number
export function mean(a: NDArray, opts?: ReduceOptions): NDArray | number { return reduce('mean', a, opts) as NDArray | number }

/**
 * Variance over the given axes (NumPy's `var`): mean((a - mean(a))²), divided by max(n - ddof, 0) instead of n.
 *
 * @param a - the input
 * @param opts - axis (default: all), keepdims, dtype, out, ddof (delta degrees of freedom, default 0), as NumPy's keyword arguments
 * @returns a JS scalar when every axis is reduced and neither keepdims nor out is given, else an NDArray
 */
function variance(a: NDArray, opts?: ScalarReduceOptions): number
/** `var` with an axis, keepdims or out given: the result is an NDArray (0-d when the axes cover every dimension). */
function variance(a: NDArray, opts: ArrayReduceOptions): NDArray
/** `var` with options known only at run time: an NDArray or a JS scalar, as they decide. */
function variance(a: NDArray, opts?: ReduceOptions): NDArray | number
function variance(a: NDArray, opts?: ReduceOptions): NDArray | number { return reduce('var', a, opts) as NDArray | number }

export { variance as var }

/**
 * Standard deviation over the given axes (NumPy's `std`): the square root of {@link var}, with `ddof` as there.
 *
 * @param a - the input
 * @param opts - axis (default: all), keepdims, dtype, out, ddof (delta degrees of freedom, default 0), as NumPy's keyword arguments
 * @returns a JS scalar when every axis is reduced and neither keepdims nor out is given, else an NDArray
 */
export function std(a: NDArray, opts?: ScalarReduceOptions): number
/** `std` with an axis, keepdims or out given: the result is an NDArray (0-d when the axes cover every dimension). */
export function std(a: NDArray, opts: ArrayReduceOptions): NDArray
/** `std` with options known only at run time: an NDArray or a JS scalar, as they decide. */
export function std(a: NDArray, opts?: ReduceOptions): NDArray | number
export function std(a: NDArray, opts?: ReduceOptions): NDArray | number { return reduce('std', a, opts) as NDArray | number }

/**
 * Index of the minimum (NumPy's `argmin`) along one axis, or with no axis the flat C-order index; the first one on ties, NaN counts as the minimum.
 *
 * @param a - the input
 * @param opts - axis (default: all), keepdims, out (argmin/argmax: one axis or none), as NumPy's keyword arguments
 * @returns a JS scalar when every axis is reduced and neither keepdims nor out is given, else an NDArray
 */
export function argmin(a: NDArray, opts?: ScalarReduceOptions): number
/** `argmin` with an axis, keepdims or out given: the result is an NDArray (0-d when the axes cover every dimension). */
export function argmin(a: NDArray, opts: ArrayReduceOptions): NDArray
/** `argmin` with options known only at run time: an NDArray or a JS scalar, as they decide. */
export function argmin(a: NDArray, opts?: ReduceOptions): NDArray | number
export function argmin(a: NDArray, opts?: ReduceOptions): NDArray | number { return reduce('argmin', a, opts) as NDArray | number }

/**
 * Index of the maximum (NumPy's `argmax`) along one axis, or with no axis the flat C-order index; the first one on ties, NaN counts as the maximum.
 *
 * @param a - the input
 * @param opts - axis (default: all), keepdims, out (argmin/argmax: one axis or none), as NumPy's keyword arguments
 * @returns a JS scalar when every axis is reduced and neither keepdims nor out is given, else an NDArray
 */
export function argmax(a: NDArray, opts?: ScalarReduceOptions): number
/** `argmax` with an axis, keepdims or out given: the result is an NDArray (0-d when the axes cover every dimension). */
export function argmax(a: NDArray, opts: ArrayReduceOptions): NDArray
/** `argmax` with options known only at run time: an NDArray or a JS scalar, as they decide. */
export function argmax(a: NDArray, opts?: ReduceOptions): NDArray | number
export function argmax(a: NDArray, opts?: ReduceOptions): NDArray | number { return reduce('argmax', a, opts) as NDArray | number }

/**
 * Whether any element along the given axes is truthy (NumPy's `any`); false for an empty reduction.
 *
 * @param a - the input
 * @param opts - axis (default: all), keepdims, out, as NumPy's keyword arguments
 * @returns a JS scalar when every axis is reduced and neither keepdims nor out is given, else an NDArray
 */
export function any(a: NDArray, opts?: ScalarReduceOptions): boolean
/** `any` with an axis, keepdims or out given: the result is an NDArray (0-d when the axes cover every dimension). */
export function any(a: NDArray, opts: ArrayReduceOptions): NDArray
/** `any` with options known only at run time: an NDArray or a JS scalar, as they decide. */
export function any(a: NDArray, opts?: ReduceOptions): NDArray | boolean
export function any(a: NDArray, opts?: ReduceOptions): NDArray | boolean { return reduce('any', a, opts) as NDArray | boolean }

/**
 * Whether every element along the given axes is truthy (NumPy's `all`); true for an empty reduction.
 *
 * @param a - the input
 * @param opts - axis (default: all), keepdims, out, as NumPy's keyword arguments
 * @returns a JS scalar when every axis is reduced and neither keepdims nor out is given, else an NDArray
 */
export function all(a: NDArray, opts?: ScalarReduceOptions): boolean
/** `all` with an axis, keepdims or out given: the result is an NDArray (0-d when the axes cover every dimension). */
export function all(a: NDArray, opts: ArrayReduceOptions): NDArray
/** `all` with options known only at run time: an NDArray or a JS scalar, as they decide. */
export function all(a: NDArray, opts?: ReduceOptions): NDArray | boolean
export function all(a: NDArray, opts?: ReduceOptions): NDArray | boolean { return reduce('all', a, opts) as NDArray | boolean }

/** Any reduction by name, inline on the calling thread. */
export function reduce(op: ReductionName | string, a: NDArray, opts: ReduceOptions = {}): NDArray | Scalar {
  const p = prepareReduction(op, a, opts)
  return p.finish(runReductionUnits(p.job, 0, p.job.units))
}

// ------------------------------------------------------------------------------------------------ prepare

const REDUCE_KEYS = ['axis', 'keepdims', 'dtype', 'out'] as const
const VAR_KEYS = [...REDUCE_KEYS, 'ddof'] as const

interface Core {
  op: ReduceOp
  cls: KernelClass
  name: ReductionName
  input: NDArray
  reduced: boolean[]
  keepdims: boolean
  /** An axis was given (not null): the result is an NDArray even when 0-d, so its type follows from the call. */
  axisGiven: boolean
  loopDtype: DTypeName
  resultDtype: DTypeName
  post: PostOp
  out: NDArray | undefined
  /** argmin/argmax with axis=null: iterate in logical C order with flat C indices. */
  flatArg: boolean
  /** Fused variance: sum (input − m)², the deviations computed in xDtype (NumPy's dtype of a − m). */
  dev?: { m: NDArray; xDtype: DTypeName }
}

/**
 * Validate, resolve dtypes, allocate the result and build the job of a reduction. Runs on the calling thread.
 * var/std compute their mean here (inline); their job sums the squared deviations without materialising them.
 */
export function prepareReduction(op: ReductionName | string, a: NDArray, opts: ReduceOptions = {}): PreparedReduction {
  if (!REDUCTION_NAMES.includes(op as ReductionName)) {
    throw new ValueError(`unknown reduction ${JSON.stringify(op)}; expected one of ${REDUCTION_NAMES.join(', ')}`)
  }
  const name = op as ReductionName
  // dtype is read by every reduction (the ones without it refuse it); ddof only by var/std
  checkOptions(name, opts, [
    ...(name === 'var' || name === 'std' ? VAR_KEYS : REDUCE_KEYS),
    ...(INITIAL_REDUCTIONS.includes(name) ? ['initial'] : []), ...(WHERE_REDUCTIONS.includes(name) ? ['where'] : []),
  ])
  if (!(a instanceof NDArray)) throw new DTypeError(`${name}: the input must be an NDArray, got ${typeof a}`)
  if (usesInitialOrWhere(opts)) return prepareMaskedReduction(name, a, opts)
  if (a.dtype === 'float16') return prepareHalfReduction(name, a, opts)
  const keepdims = opts.keepdims === true
  const axisGiven = opts.axis !== undefined && opts.axis !== null
  const out = opts.out
  if (out !== undefined && !(out instanceof NDArray)) throw new DTypeError(`${name}: out must be an NDArray`)
  const isArg = name === 'argmin' || name === 'argmax'
  const reduced = resolveAxes(name, a, opts.axis, isArg)
  const userDtype = opts.dtype === undefined || opts.dtype === null ? undefined : lookupDType(opts.dtype).name
  if (userDtype !== undefined && !(name === 'sum' || name === 'prod' || name === 'mean' || name === 'var' || name === 'std')) {
    throw new DTypeError(`${name} does not take a dtype argument (got ${userDtype})`)
  }
  const count = reducedCount(a.shape, reduced)
  const inDt = a.dtype
  const kind = DTYPES[inDt].kind
  const noPost: PostOp = { divide: null, sqrt: false }

  switch (name) {
    case 'min': case 'max': {
      if (count === 0) throw new ValueError(`zero-size array to reduction operation ${UFUNC[name]} which has no identity`)
      return prepareCore({ op: name, cls: 'minmax', name, input: a, reduced, keepdims, axisGiven, loopDtype: inDt, resultDtype: inDt, post: noPost, out, flatArg: false })
    }
    case 'any': case 'all':
      return prepareCore({ op: name, cls: 'logic', name, input: a, reduced, keepdims, axisGiven, loopDtype: inDt, resultDtype: 'bool', post: noPost, out, flatArg: false })
    case 'argmin': case 'argmax': {
      if (count === 0) throw new ValueError(`attempt to get ${name} of an empty sequence`)
      if (out !== undefined && DTYPES[out.dtype].kind !== 'i' && DTYPES[out.dtype].kind !== 'u') {
        throw new DTypeError(`${name}: out must have an integer dtype (int64 preferred), got ${out.dtype}`)
      }
      const flatArg = reduced.every((r) => r) && a.ndim !== 1
      return prepareCore({ op: name, cls: 'arg', name, input: a, reduced, keepdims, axisGiven, loopDtype: inDt, resultDtype: 'int64', post: noPost, out, flatArg })
    }
    case 'sum': case 'prod': {
      const loop = userDtype ?? outLoopDtype(inDt, out) ?? defaultSumDtype(inDt)
      const lk = DTYPES[loop].kind
      if (lk === 'b') {
        const lop: ReduceOp = name === 'sum' ? 'any' : 'all'
        return prepareCore({ op: lop, cls: 'logic', name, input: a, reduced, keepdims, axisGiven, loopDtype: inDt, resultDtype: 'bool', post: noPost, out, flatArg: false })
      }
      if (lk === 'f') {
        return prepareCore({ op: name, cls: name === 'sum' ? 'pw' : 'fseq', name, input: a, reduced, keepdims, axisGiven, loopDtype: loop, resultDtype: loop, post: noPost, out, flatArg: false })
      }
      const src = kind === 'f' ? a.astype(loop) : a
      return prepareCore({ op: name, cls: name === 'sum' ? 'isum' : 'iprod', name, input: src, reduced, keepdims, axisGiven, loopDtype: loop, resultDtype: loop, post: noPost, out, flatArg: false })
    }
    case 'mean': {
      const loop = userDtype ?? outLoopDtype(inDt, out) ?? (kind === 'f' ? inDt : 'float64')
      const lk = DTYPES[loop].kind
      const post: PostOp = { divide: count, sqrt: false }
      if (lk === 'f') return prepareCore({ op: 'sum', cls: 'pw', name, input: a, reduced, keepdims, axisGiven, loopDtype: loop, resultDtype: loop, post, out, flatArg: false })
      if (lk === 'b') throw new DTypeError('mean with dtype bool is not supported')
      const src = kind === 'f' ? a.astype(loop) : a
      return prepareCore({ op: 'sum', cls: 'isum', name, input: src, reduced, keepdims, axisGiven, loopDtype: loop, resultDtype: loop, post, out, flatArg: false })
    }
    case 'var': case 'std':
      return prepareVariance(name, a, reduced, keepdims, axisGiven, userDtype, out, opts.ddof ?? 0, count)
  }
}

/** Reduced flags per axis from NumPy's axis argument (int, sequence, null). */
function resolveAxes(name: ReductionName, a: NDArray, axis: ReduceOptions['axis'], isArg: boolean): boolean[] {
  const nd = a.ndim
  if (axis === undefined || axis === null) return new Array<boolean>(nd).fill(true)
  if (typeof axis === 'number') {
    // NumPy accepts axis=0 / -1 on 0-d arrays for reductions (a legacy rule)
    if (nd === 0 && (axis === 0 || axis === -1)) return []
    const k = normalizeAxis(axis, nd)
    return Array.from({ length: nd }, (_, i) => i === k)
  }
  if (isArg) throw new ValueError(`${name}: axis must be an integer or null, got (${[...axis].join(', ')})`)
  if (!Array.isArray(axis)) throw new AxisError(`${name}: axis must be an integer, an array of integers or null, got ${String(axis)}`)
  const ks = normalizeAxes(axis, nd)
  return Array.from({ length: nd }, (_, i) => ks.includes(i))
}

function reducedCount(shape: readonly number[], reduced: readonly boolean[]): number {
  let c = 1
  for (let k = 0; k < shape.length; k++) if (reduced[k]) c *= shape[k]!
  return c
}

/** sum/prod accumulate small ints in int64/uint64 and keep floats (spec §6.4). */
/** NumPy's sum/prod accumulation dtype without `dtype` or `out`: small ints to int64/uint64, the rest as they are. */
export function defaultSumDtype(dt: DTypeName): DTypeName {
  switch (dt) {
    case 'bool': case 'int8': case 'int16': case 'int32': case 'int64': return 'int64'
    case 'uint8': case 'uint16': case 'uint32': case 'uint64': return 'uint64'
    default: return dt
  }
}

/** A float `out` at least as wide as a float input sets the loop dtype (as NumPy's reduce does). */
export function outLoopDtype(inDt: DTypeName, out: NDArray | undefined): DTypeName | undefined {
  if (out === undefined) return undefined
  const od = DTYPES[out.dtype]
  const id = DTYPES[inDt]
  if (od.kind === 'f' && id.kind === 'f' && od.itemsize >= id.itemsize) return out.dtype
  return undefined
}

// ------------------------------------------------------------------------------------------------ the job

function prepareCore(c: Core): PreparedReduction {
  const a = c.input
  const nd = a.ndim
  const shape = a.shape
  const reduced = c.reduced.length === nd ? c.reduced : new Array<boolean>(nd).fill(true)
  let N = 1
  for (const n of shape) N *= n
  // the result's shape
  const rshape: number[] = []
  for (let k = 0; k < nd; k++) {
    if (!reduced[k]) rshape.push(shape[k]!)
    else if (c.keepdims) rshape.push(1)
  }
  let M = 1
  for (const n of rshape) M *= n
  // validate out
  const out = c.out
  if (out !== undefined) {
    out.assertWriteable('out')
    if (out.ndim !== rshape.length) {
      const extra = c.keepdims ? " (must match the operand's when keepdims=True)" : ''
      throw new ShapeError(`output parameter for reduction operation ${UFUNC[c.name]} has the wrong number of dimensions: Found ${out.ndim} but expected ${rshape.length}${extra}`)
    }
    if (out.shape.some((n, i) => n !== rshape[i])) {
      // a reduction's out never broadcasts, and neither does its input against out (NumPy's nditer flags);
      // NumPy's wording for the two cases it names, else ours
      const axes = [...Array(nd).keys()].filter((k) => !reduced[k] || c.keepdims)
      const j = out.shape.findIndex((n, i) => n !== rshape[i])
      const k = axes[j]!
      const tup = (xs: readonly number[]): string => `(${xs.join(',')}${xs.length === 1 ? ',' : ''})`
      if (reduced[k] && (out.shape[j] === shape[k] || shape[k] === 1)) {
        throw new ShapeError(`output parameter for reduction operation ${UFUNC[c.name]}: operand was set up as a reduction along axis ${k}, but the length of the axis is ${out.shape[j]} (it has to be 1)`)
      }
      if (!reduced[k] && shape[k] === 1) {
        const b = shape.map((n, q) => (reduced[q] ? n : out.shape[axes.indexOf(q)]!))
        throw new ShapeError(`output parameter for reduction operation ${UFUNC[c.name]}: non-broadcastable operand with shape ${tup(shape)} doesn't match the broadcast shape ${tup(b)}`)
      }
      throw new ShapeError(`output parameter for reduction operation ${UFUNC[c.name]} has shape (${out.shape.join(', ')}) but the result has shape (${rshape.join(', ')})`)
    }
  }
  const inStrides = shape.map((n, k) => (n === 1 ? 0 : a.strides[k]!))
  // write straight into out unless it needs a cast or may alias the input
  const direct = out !== undefined && out.dtype === c.resultDtype && !mayShareMemory(out, a)
  // out's stride per input axis (0 on reduced axes)
  const outStrideOfAxis = (o: NDArray): number[] => {
    const s = new Array<number>(nd).fill(0)
    let j = 0
    for (let k = 0; k < nd; k++) {
      if (!reduced[k]) { s[k] = shape[k] === 1 ? 0 : o.strides[j]!; j++ } else if (c.keepdims) j++
    }
    return s
  }
  let perm: number[]
  let sIdx: number[]
  if (c.flatArg) {
    // argmin/argmax over everything: logical C order, flat C indices
    perm = []
    for (let k = nd - 1; k >= 0; k--) perm.push(k)
    sIdx = new Array<number>(nd).fill(0)
    let st = 1
    for (let k = nd - 1; k >= 0; k--) { sIdx[k] = st; st *= shape[k]! }
  } else {
    const voters = direct ? [outStrideOfAxis(out), inStrides] : [inStrides]
    perm = iterationPerm(nd, voters)
    sIdx = new Array<number>(nd).fill(0)
    if (c.cls === 'arg') for (let k = 0; k < nd; k++) if (reduced[k]) sIdx[k] = 1
  }
  // the result (allocated in NumPy's layout), or a temporary for out
  let result: NDArray
  let sResAxis: number[]
  if (direct) {
    result = out
    sResAxis = outStrideOfAxis(out)
  } else {
    const lay = resultLayout(shape, c.flatArg ? [...perm] : perm, reduced, c.keepdims)
    result = NDArray.allocStrided(lay.shape, lay.strides, c.resultDtype, M)
    sResAxis = lay.strideOfAxis
  }
  let dims
  let q = 0, B = 1
  let idxOffset = 0
  if (c.dev === undefined) {
    dims = buildDims(shape, perm, inStrides, sResAxis, sIdx, reduced)
    if (c.cls === 'pw' && dims.red[0]) ({ q, B } = pwBlockSpec(dims, planDtypeOf(a) !== c.loopDtype))
  } else {
    // NumPy sums x = (a − m)², a fresh array contiguous in a's axis order: the blocks come from x's layout,
    // the elements are read from a (and m) along dims where a, x and m all coalesce
    const m = c.dev.m
    const xStrides = resultLayout(shape, perm, new Array<boolean>(nd).fill(false), false).strideOfAxis
    for (let k = 0; k < nd; k++) sIdx[k] = m.shape[k] === 1 ? 0 : m.strides[k]!
    idxOffset = m.offset
    dims = buildDims(shape, perm, inStrides, sResAxis, sIdx, reduced, [xStrides])
    const xd = buildDims(shape, perm, xStrides, sResAxis, new Array<number>(nd).fill(0), reduced)
    if (N > 0 && xd.red[0] && dims.red[0]) {
      const spec = pwBlockSpec(xd, c.dev.xDtype !== c.loopDtype)
      let slab = 1
      for (let k = 0; k < spec.q; k++) slab *= xd.n[k]!
      let acc = 1
      q = 0
      do { acc *= dims.n[q]!; q++ } while (acc < slab && q < dims.n.length && dims.red[q])
      if (acc !== slab) throw new Error(`internal: variance slab ${slab} does not align with the input's dims`)
      B = spec.B
    }
  }
  const dec = decompose(dims, c.cls, q, B, N, M)
  const plan: ReducePlan = {
    op: c.op, cls: c.cls,
    input: { buffer: a.buffer, dtype: a.dtype }, inOffset: a.offset,
    loopDtype: c.loopDtype,
    result: { buffer: result.buffer, dtype: result.dtype, shape: [...result.shape], strides: [...result.strides], offset: result.offset },
    resOffset: result.offset,
    n: dims.n, sIn: dims.sIn, sRes: dims.sRes, sIdx: dims.sIdx, red: dims.red, idxOffset,
    dev: c.dev === undefined ? null : { buffer: c.dev.m.buffer, dtype: c.dev.m.dtype, x32: c.dev.xDtype === 'float32' },
    halfAcc: (c.cls === 'pw' || c.cls === 'fseq') && c.dev === undefined && halfAccumulates(a),
    q, B, N, M, post: c.post,
    mode: dec.mode, splitDim: dec.splitDim, splitBlock: dec.splitBlock,
    slab: dec.slab, chunks: dec.chunks, outer: dec.outer, group: dec.group, leavesFull: dec.leavesFull, leavesLast: dec.leavesLast,
  }
  const cost = SUM_VS_ADD * COST[c.cls] * (DTYPES[a.dtype].bigint ? 3 : 1) * (planDtypeOf(a) !== c.loopDtype && c.cls === 'pw' ? 2 : 1) * (c.dev !== undefined ? 1.5 : 1)
  const job: ReductionJob = {
    kind: 'reduction', op: c.name, plan, units: dec.units,
    unitsWriteOutput: dec.mode === 'output' || dec.mode === 'empty',
    elementsPerUnit: dec.units > 0 ? N / dec.units : 0,
    cost,
  }
  const scalarResult = out === undefined && !c.keepdims && !c.axisGiven && rshape.length === 0
  return {
    job,
    finish(partials: readonly ReductionPartial[]): NDArray | Scalar {
      finishReduction(job, partials)
      if (out !== undefined) {
        if (!direct) copyInto(out, result)
        return out
      }
      if (scalarResult) {
        const v = fromStored(typedView(result.buffer, result.dtype)[result.offset]!, result.dtype)
        return c.cls === 'arg' ? Number(v) : v
      }
      return result
    },
  }
}

// ------------------------------------------------------------------------------------------------ var / std

/**
 * NumPy's _var: m = sum(a, keepdims)/n (same dtype rules as mean); x = (a − m)², a fresh array laid out in a's
 * axis order; v = sum(x)/max(n − ddof, 0); std = sqrt(v). The mean is computed here (inline); x is never
 * materialised: the job sums (a − m)² on the fly with x's pairwise blocks (kernels/reduce/sum.ts).
 */
function prepareVariance(name: 'var' | 'std', a: NDArray, reduced: boolean[], keepdims: boolean, axisGiven: boolean, userDtype: DTypeName | undefined, out: NDArray | undefined, ddof: number, count: number): PreparedReduction {
  if (typeof ddof !== 'number' || !Number.isFinite(ddof)) throw new ValueError(`${name}: ddof must be a finite number, got ${String(ddof)}`)
  const inDt = a.dtype
  const comp: DTypeName = userDtype ?? outLoopDtype(inDt, out) ?? (DTYPES[inDt].kind === 'f' ? inDt : 'float64')
  if (DTYPES[comp].kind !== 'f') throw new DTypeError(`${name} with dtype ${comp} is not supported (use a float dtype)`)
  const axes = reduced.flatMap((r, k) => (r ? [k] : []))
  const axisOpt = reduced.length === 0 ? null : axes
  // the mean, keepdims, in the computation dtype
  const m = reduce('mean', a, { axis: axisOpt, keepdims: true, dtype: comp }) as NDArray
  // x's dtype: NumPy promotes a with the mean's dtype
  const small = ['bool', 'int8', 'uint8', 'int16', 'uint16', 'float32']
  const xDtype: DTypeName = comp === 'float64' ? 'float64' : small.includes(inDt) ? 'float32' : 'float64'
  return prepareCore({
    op: 'sum', cls: 'pw', name, input: a, reduced, keepdims, axisGiven, loopDtype: comp, resultDtype: comp,
    post: { divide: Math.max(count - ddof, 0), sqrt: name === 'std' }, out, flatArg: false, dev: { m, xDtype },
  })
}

export { runReductionUnits, finishReduction } from '../kernels/reduce/index.js'

/**
 * Run the hot reduction kernels on small arrays of odd and even sizes, so V8 optimises them before real work
 * (an unwarmed unrolled loop in a fresh worker can run several times slower). A few milliseconds; meant for
 * worker start-up.
 */
export function warmUpReductions(): void {
  for (const dt of ['float64', 'float32'] as const) {
    for (const n of [7, 129, 1000, 4099, 9001]) {
      const a = NDArray.alloc([n], dt)
      const d = typedView(a.buffer, dt) as Float64Array | Float32Array
      for (let i = 0; i < n; i++) d[a.offset + i] = ((i * 7919) % 1009) / 1009 - 0.5
      for (let rep = 0; rep < 3; rep++) {
        sum(a); max(a); min(a); argmax(a); mean(a)
        sum(a.slice('::2'))
      }
    }
    for (const [r, c] of [[3, 7], [31, 33], [100, 130]] as const) {
      const m = NDArray.alloc([r, c], dt)
      for (let rep = 0; rep < 3; rep++) {
        sum(m, { axis: 0 }); sum(m, { axis: 1 }); sum(m.slice(':, ::2')); variance(m); max(m, { axis: 0 })
      }
    }
  }
}
