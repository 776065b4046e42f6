/**
 * Simple statistics as driven ops (ops/driver.ts; each is also a Runtime method): countNonzero, ptp, average.
 * Each follows NumPy's implementation step by step (numpy/_core/numeric.py count_nonzero, _methods._ptp,
 * numpy/lib/_function_base_impl.py average), built from the existing elementwise and reduction jobs.
 */
import { DTYPES, type DTypeName, type Scalar } from '../../dtype.js'
import { DTypeError, ShapeError, ValueError } from '../../errors.js'
import { checkOptions } from '../../check-options.js'
import { array } from '../../creation.js'
import { NDArray } from '../../ndarray.js'
import { arraysIn, defineDrivenOp, type OpAccess, type OpDriver } from '../driver.js'
import { resultTypeOf } from '../promotion.js'
import type { ArrayReduceOptions, ReduceOptions, ScalarReduceOptions } from '../reductions.js'
import { checkArray, checkKeepdims, checkOut, finishResult, reduceJob, resolveAxes, scalarOf, ufuncJob } from './common.js'

function accessOf(a: unknown, opts?: unknown): OpAccess {
  const o = opts !== null && typeof opts === 'object' ? (opts as { out?: unknown; weights?: unknown }) : {}
  return { reads: arraysIn(a, o.weights), writes: arraysIn(o.out) }
}

// ------------------------------------------------------------------------------------------------ countNonzero

/** Options of {@link countNonzero} (NumPy's `count_nonzero` keyword arguments). */
export interface CountNonzeroOptions {
  /** Axis or axes to count along; null/undefined: all (the result is then a number unless keepdims). */
  axis?: number | readonly number[] | null
  /** Keep the counted axes as length 1. */
  keepdims?: boolean
}

function* countNonzeroDrive(a: NDArray, opts: CountNonzeroOptions = {}): OpDriver<NDArray | number> {
  const name = 'countNonzero'
  checkOptions(name, opts, ['axis', 'keepdims'])
  checkArray(name, a)
  const keepdims = checkKeepdims(name, opts.keepdims)
  const ax = resolveAxes(name, a, opts.axis, keepdims, undefined)
  // a.astype(bool): nonzero (NaN included) is true
  const b = a.dtype === 'bool' ? a : yield* ufuncJob('notEqual', [a, 0])
  const r = yield* reduceJob('sum', b, { axis: ax.list, keepdims, dtype: 'int64' })
  return ax.scalar ? Number(scalarOf(r)) : r
}

const countNonzeroOp = defineDrivenOp({ name: 'countNonzero', optionsAt: 1, drive: countNonzeroDrive, access: accessOf })

/**
 * The number of nonzero elements (NumPy's `count_nonzero`), along the given axes; NaN counts as nonzero, -0 as zero.
 *
 * @param a - the input, any dtype
 * @param opts - axis (default: all), keepdims
 * @returns a number when every axis is counted without keepdims, else an int64 NDArray
 * @throws AxisError for an axis out of range
 */
export function countNonzero(a: NDArray, opts?: { axis?: null; keepdims?: false }): number
/** `countNonzero` with an axis or keepdims: an int64 NDArray. */
export function countNonzero(a: NDArray, opts: CountNonzeroOptions): NDArray | number
export function countNonzero(a: NDArray, opts?: CountNonzeroOptions): NDArray | number { return countNonzeroOp(a, opts) }

// ------------------------------------------------------------------------------------------------ ptp

function* ptpDrive(a: NDArray, opts: ReduceOptions = {}): OpDriver<NDArray | Scalar> {
  const name = 'ptp'
  checkOptions(name, opts, ['axis', 'out', 'keepdims'])
  checkArray(name, a)
  const keepdims = checkKeepdims(name, opts.keepdims)
  const out = checkOut(name, opts.out)
  const ax = resolveAxes(name, a, opts.axis, keepdims, out)
  if (ax.count === 0) throw new ValueError('zero-size array to reduction operation maximum which has no identity')
  if (a.dtype === 'bool') {
    throw new DTypeError('ptp: numpy boolean subtract, the `-` operator, is not supported, use the bitwise_xor, the `^` operator, or the logical_xor function instead')
  }
  // np.subtract(maximum.reduce(a, out=out), minimum.reduce(a), out)
  const mx = yield* reduceJob('max', a, { axis: ax.list, keepdims, out })
  const mn = yield* reduceJob('min', a, { axis: ax.list, keepdims })
  const r = yield* ufuncJob('subtract', [mx, mn], out === undefined ? {} : { out })
  return finishResult(r, ax.scalar)
}

const ptpOp = defineDrivenOp({ name: 'ptp', optionsAt: 1, drive: ptpDrive, access: accessOf })

/**
 * Range of values, maximum minus minimum (NumPy's `ptp`), in the input's dtype: integer results wrap as NumPy's do
 * (int8 `[127, -128]` gives -1). NaN propagates.
 *
 * @param a - the input (not bool: NumPy has no bool subtract)
 * @param opts - axis (default: all), keepdims, out
 * @returns a JS scalar when every axis is reduced and neither keepdims nor out is given, else an NDArray
 * @throws DTypeError for a bool input; ValueError for an empty reduction
 */
export function ptp(a: NDArray, opts?: Omit<ScalarReduceOptions, 'dtype' | 'ddof'>): Scalar
/** `ptp` with an axis, keepdims or out given: the result is an NDArray (0-d when the axes cover every dimension). */
export function ptp(a: NDArray, opts: Omit<ArrayReduceOptions, 'dtype' | 'ddof'>): NDArray
/** `ptp` with options known only at run time. */
export function ptp(a: NDArray, opts?: Omit<ReduceOptions, 'dtype' | 'ddof'>): NDArray | Scalar
export function ptp(a: NDArray, opts?: Omit<ReduceOptions, 'dtype' | 'ddof'>): NDArray | Scalar { return ptpOp(a, opts) }

// ------------------------------------------------------------------------------------------------ average

/** Options of {@link average} (NumPy's keyword arguments). */
export interface AverageOptions {
  /** Axis or axes to average over; null/undefined: all. */
  axis?: number | readonly number[] | null
  /**
   * Weights: the same shape as `a`, or (with `axis`) the shape of `a` along the axes (a 1-d array along one axis),
   * broadcast along the other axes. Nested JS arrays are accepted.
   */
  weights?: NDArray | readonly unknown[] | null
  /** Also return the sum of the weights, broadcast to the average's shape: `[avg, sumOfWeights]`. */
  returned?: boolean
  /** Keep the averaged axes as length 1. */
  keepdims?: boolean
}

function* averageDrive(a: NDArray, opts: AverageOptions = {}): OpDriver<NDArray | Scalar | [NDArray | Scalar, NDArray | Scalar]> {
  const name = 'average'
  checkOptions(name, opts, ['axis', 'weights', 'returned', 'keepdims'])
  checkArray(name, a)
  const keepdims = checkKeepdims(name, opts.keepdims)
  const returned = opts.returned ?? false
  if (typeof returned !== 'boolean') throw new ValueError(`average: returned must be a boolean, got ${String(returned)}`)
  const ax = resolveAxes(name, a, opts.axis, keepdims, undefined, false, true)
  const axisGiven = opts.axis !== undefined && opts.axis !== null
  // NumPy's normalize_axis_tuple order (for the weights' transpose)
  const axisTuple = !axisGiven ? [] : (typeof opts.axis === 'number' ? [opts.axis] : [...(opts.axis as number[])]).map((k) => (k < 0 ? k + a.ndim : k))
  let avg: NDArray
  let scl: NDArray
  if (opts.weights === undefined || opts.weights === null) {
    avg = yield* reduceJob('mean', a, { axis: ax.list, keepdims })
    if (avg.size === 0) throw new ValueError(`average: division by zero (a.size / avg.size with a result of shape (${avg.shape.join(', ')}); NumPy raises ZeroDivisionError)`)
    scl = NDArray.alloc(avg.shape, avg.dtype)
    scl.fill(a.size / avg.size)
  } else {
    let wgt = opts.weights instanceof NDArray ? opts.weights : array(opts.weights as never)
    const same = wgt.ndim === a.ndim && wgt.shape.every((n, i) => n === a.shape[i])
    if (!same) {
      if (!axisGiven) throw new DTypeError(`average: axis must be specified when shapes of a (${a.shape.join(', ')}) and weights (${wgt.shape.join(', ')}) differ`)
      const along = axisTuple.map((k) => a.shape[k]!)
      if (wgt.ndim !== along.length || wgt.shape.some((n, i) => n !== along[i])) {
        throw new ValueError(`average: shape of weights (${wgt.shape.join(', ')}) must be consistent with shape of a along specified axis (${along.join(', ')})`)
      }
      // wgt.transpose(argsort(axis)).reshape(a's shape with 1 off the axes)
      const order = [...axisTuple.keys()].sort((i, j) => axisTuple[i]! - axisTuple[j]!)
      wgt = wgt.transpose(order).reshape(a.shape.map((n, k) => (axisTuple.includes(k) ? n : 1)))
    }
    const kind = DTYPES[a.dtype].kind
    const rdt: DTypeName = kind === 'b' || kind === 'i' || kind === 'u' ? resultTypeOf([a.dtype, wgt.dtype, 'float64']) : resultTypeOf([a.dtype, wgt.dtype])
    if (rdt !== 'float16' && rdt !== 'float32' && rdt !== 'float64') throw new DTypeError(`average: result dtype ${rdt} is not supported`)
    // a float16 sum: NumPy's sum(dtype=float16) runs the float16 loop (on the weights cast to float16 when narrower)
    scl = rdt === 'float16'
      ? yield* reduceJob('sum', wgt.dtype === 'float16' ? wgt : wgt.astype('float16'), { axis: ax.list, keepdims })
      : yield* reduceJob('sum', wgt, { axis: ax.list, keepdims, dtype: rdt })
    const zero = yield* ufuncJob('equal', [scl, 0])
    const anyZero = yield* reduceJob('any', zero, { axis: [...Array(zero.ndim).keys()] })
    if (scalarOf(anyZero) === true) throw new ValueError("average: weights sum to zero, can't be normalized (NumPy raises ZeroDivisionError)")
    const prod = yield* ufuncJob('multiply', [a, wgt], { dtype: rdt })
    const s = yield* reduceJob('sum', prod, { axis: ax.list, keepdims })
    avg = yield* ufuncJob('divide', [s, scl])
  }
  const scalar = !axisGiven && !keepdims
  if (!returned) return finishResult(avg, scalar)
  if (scl.ndim !== avg.ndim || scl.shape.some((n, i) => n !== avg.shape[i])) {
    if (scl.size === 0 && avg.size !== 0) throw new ShapeError(`average: cannot broadcast the weights' sum of shape (${scl.shape.join(', ')}) to (${avg.shape.join(', ')})`)
    scl = scl.broadcastTo(avg.shape).copy()
  }
  return [finishResult(avg, scalar), finishResult(scl, scalar)]
}

const averageOp = defineDrivenOp({ name: 'average', optionsAt: 1, drive: averageDrive, access: accessOf })

/**
 * Weighted average (NumPy's `average`): without weights {@link mean}; with weights
 * `sum(a * w, axis) / sum(w, axis)` computed as NumPy does (the product in the result dtype, float64 for integer
 * inputs, then NumPy's pairwise sum). Weights have `a`'s shape or, with `axis`, the shape of `a` along the axes.
 * float16 with float16 (or bool/int8/uint8) weights averages in float16, as NumPy; bool/int8/uint8 weights are cast
 * to float16 before their float16 sum (NumPy's buffered cast may group a sum of more than 8192 of them otherwise).
 *
 * @param a - the input
 * @param opts - axis, weights, returned, keepdims
 * @returns the average (a JS scalar when no axis and no keepdims, else an NDArray); with `returned`,
 *   `[average, sumOfWeights]`, the sum broadcast to the average's shape (without weights: the element count)
 * @throws ValueError when the weights sum to zero along an axis (NumPy raises ZeroDivisionError), or when the
 *   result is empty without weights (NumPy's ZeroDivisionError from `a.size / avg.size`); DTypeError when the
 *   shapes differ and no axis is given (NumPy's TypeError); ValueError for weights of the wrong shape
 */
export function average(a: NDArray, opts: AverageOptions & { returned: true }): [NDArray | Scalar, NDArray | Scalar]
/** `average` without `returned`: the average alone. */
export function average(a: NDArray, opts?: AverageOptions & { returned?: false }): NDArray | number
/** `average` with options known only at run time. */
export function average(a: NDArray, opts?: AverageOptions): NDArray | Scalar | [NDArray | Scalar, NDArray | Scalar]
export function average(a: NDArray, opts?: AverageOptions): NDArray | Scalar | [NDArray | Scalar, NDArray | Scalar] {
  return averageOp(a, opts) as NDArray | Scalar | [NDArray | Scalar, NDArray | Scalar]
}
