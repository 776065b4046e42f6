/**
 * The drivers behind median, quantile, percentile and their nan- forms (ops/driver.ts): argument checks as NumPy
 * 2.4, then either
 *
 *  - one 'quantileLanes' job whose units are fixed groups of lanes (a lane = the reduced axes at one output
 *    position, read in place: the input is never written), or
 *  - for a few long lanes, the parallel radix select of kernels/select/radix.ts per lane (histogram job, gather
 *    job, then the last selection inside the wanted bins on the calling thread).
 *
 * Both evaluate NumPy's formulas with the same arithmetic (kernels/select/quantile-math.ts), so a result is the
 * same bits whichever path, and for any thread count.
 */
import { DTYPES, typedView, type DTypeName, type Scalar } from '../../dtype.js'
import { AxisError, DTypeError, IndexError, ShapeError, ValueError } from '../../errors.js'
import type { UnitsJob } from '../../kernels/job.js'
import { NDArray } from '../../ndarray.js'
import { array } from '../../creation.js'
import { fromStored } from '../../scalar.js'
import { normalizeAxis } from '../../shape.js'
import { checkOptions } from '../../check-options.js'
import type { OpDriver } from '../driver.js'
import { checkSelectDtype, gatherLane, ranksFor, writeLaneResults, type QuantilePlan, type QuantileSpec } from '../../kernels/select/lanes.js'
import { RADIX_DTYPES } from '../../kernels/select/radix.js'
import { flatLanes, radixCandidates, radixHistogram } from './radix-driver.js'
import { halfAsFloat } from '../search/half-input.js'
import { QUANTILE_METHODS, isDiscrete, type LerpMode, type QuantileMethod } from '../../kernels/select/quantile-math.js'

export { QUANTILE_METHODS, type QuantileMethod }

/** q as NumPy takes it: a number (a weak Python float), nested arrays of numbers, or a float64 NDArray. */
export type QuantileInput = number | NDArray | readonly (number | readonly (number | readonly number[])[])[]

/** NumPy's keyword arguments of {@link median} and {@link nanmedian}. */
export interface MedianOptions {
  /** Axis or axes to reduce; undefined/null: the flattened array. */
  axis?: number | readonly number[] | null
  /** Write the result here (its shape must be the result's; values are cast to its dtype); it is returned. */
  out?: NDArray
  /**
   * NumPy lets the function reorder `a` in place to save a copy. strided never writes the input (lanes are
   * selected in scratch memory), so true and false give the same result and leave `a` unchanged.
   */
  overwriteInput?: boolean
  /** Keep the reduced axes as length 1. */
  keepdims?: boolean
}

/** NumPy's keyword arguments of {@link quantile}, {@link percentile} and their nan- forms. */
export interface QuantileOptions extends MedianOptions {
  /** NumPy 2's estimation method (default 'linear'); see {@link QuantileMethod}. */
  method?: QuantileMethod
  /** NumPy's `weights` (only with method 'inverted_cdf'): not supported yet; anything but null/undefined throws. */
  weights?: NDArray | null
}

/** Lanes of the long-lane parallel path: at least this many elements per lane, at most RADIX_LANES lanes. */
export const RADIX_MIN = 1 << 18
const RADIX_LANES = 4
/** Elements per unit of the lane jobs (lanes are grouped up to about this many elements). */
const LANE_GRAIN = 8192

interface Lanes {
  /** Kept axes (output order) and reduced axes (lane order), as shape/strides of `a`. */
  outerShape: number[]
  outerStrides: number[]
  laneShape: number[]
  laneStrides: number[]
  n: number
  M: number
  /** The result's shape without q's dimensions (keepdims applied). */
  resultShape: number[]
}

/** The lanes of `a` for NumPy's axis argument (int, sequence, null), with NumPy's errors. */
export function lanesOf(fn: string, a: NDArray, axis: number | readonly number[] | null | undefined, keepdims: boolean): Lanes {
  const nd = a.ndim
  let red: boolean[]
  if (axis === undefined || axis === null) red = new Array<boolean>(nd).fill(true)
  else {
    const list = typeof axis === 'number' ? [axis] : axis
    if (!Array.isArray(list)) throw new AxisError(`${fn}: axis must be an integer, a list of integers or null, got ${String(axis)}`)
    const ks = (list as readonly number[]).map((k) => {
      if (typeof k !== 'number' || !Number.isInteger(k)) throw new DTypeError(`${fn}: axis must be an integer, got ${String(k)}`)
      return normalizeAxis(k, nd)
    })
    if (new Set(ks).size !== ks.length) throw new ValueError(`${fn}: repeated axis in (${(list as readonly number[]).join(', ')})`)
    red = Array.from({ length: nd }, (_, i) => ks.includes(i))
  }
  const l: Lanes = { outerShape: [], outerStrides: [], laneShape: [], laneStrides: [], n: 1, M: 1, resultShape: [] }
  for (let k = 0; k < nd; k++) {
    const len = a.shape[k]!
    if (red[k]) {
      l.laneShape.push(len); l.laneStrides.push(a.strides[k]!); l.n *= len
      if (keepdims) l.resultShape.push(1)
    } else {
      l.outerShape.push(len); l.outerStrides.push(a.strides[k]!); l.M *= len
      l.resultShape.push(len)
    }
  }
  return l
}

/** q's values (divided by `scale`), shape and weakness, checked as NumPy does. */
export function parseQ(fn: string, q: QuantileInput, scale: 1 | 100): { qs: number[]; shape: number[]; weak: boolean } {
  let qs: number[]
  let shape: number[]
  let weak = false
  if (typeof q === 'number') {
    qs = [q / scale]; shape = []; weak = true
  } else {
    let arr: NDArray
    if (q instanceof NDArray) arr = q
    else if (Array.isArray(q)) {
      const flat = (q as unknown[]).flat(3)
      if (flat.some((v) => typeof v !== 'number')) throw new DTypeError(`${fn}: q must hold numbers, got ${JSON.stringify(q)}`)
      arr = array(q as number[], { dtype: 'float64' })
    } else throw new DTypeError(`${fn}: q must be a number, an array of numbers or a float64 NDArray, got ${typeof q}`)
    if (arr.dtype !== 'float64') throw new DTypeError(`${fn}: q must be float64 (got an NDArray of dtype ${arr.dtype}); convert it with astype('float64')`)
    shape = [...arr.shape]
    qs = (arr.toFlatArray() as number[]).map((v) => v / scale)
  }
  const bad = qs.findIndex((v) => !(v >= 0 && v <= 1))
  if (bad >= 0) {
    const shown = qs[bad]! * scale
    throw new ValueError(scale === 100 ? `${fn}: Percentiles must be in the range [0, 100] (got q=${shown})` : `${fn}: Quantiles must be in the range [0, 1] (got q=${shown})`)
  }
  if (shape.length > 2) throw new ValueError(`${fn}: q must be a scalar or 1d (got q with shape (${shape.join(', ')}))`)
  return { qs, shape, weak }
}

/** The checked method name. */
export function parseMethod(fn: string, m: unknown): QuantileMethod {
  if (m === undefined) return 'linear'
  if (typeof m !== 'string' || !QUANTILE_METHODS.includes(m as QuantileMethod)) {
    throw new ValueError(`${fn}: ${JSON.stringify(m)} is not a valid method. Use one of: ${QUANTILE_METHODS.join(', ')}`)
  }
  return m as QuantileMethod
}

/** What the user asked for, after the per-function argument handling. */
export interface StatRequest {
  fn: string
  a: NDArray
  kind: 'median' | 'quantile'
  method: QuantileMethod
  qs: number[]
  qShape: number[]
  weak: boolean
  skipNaN: boolean
  /** nanquantile/nanpercentile (of any dtype): an empty input is NumPy's nanmean of it (no q dimensions). */
  nanForm?: boolean
  opts: MedianOptions
}

const MEDIAN_KEYS = ['axis', 'out', 'overwriteInput', 'keepdims'] as const
const QUANTILE_KEYS = [...MEDIAN_KEYS, 'method', 'weights'] as const

/** Check a median-like call's options and input (the part shared by every function). */
export function checkStatOptions(fn: string, a: unknown, opts: QuantileOptions | undefined, quantileLike: boolean): void {
  checkOptions(fn, opts, quantileLike ? QUANTILE_KEYS : MEDIAN_KEYS)
  if (!(a instanceof NDArray)) throw new DTypeError(`${fn}: a must be an NDArray, got ${a === null ? 'null' : typeof a}`)
  checkSelectDtype(fn, a.dtype)
  const o = opts ?? {}
  if (o.out !== undefined && !(o.out instanceof NDArray)) throw new DTypeError(`${fn}: out must be an NDArray`)
  if (o.keepdims !== undefined && typeof o.keepdims !== 'boolean') throw new DTypeError(`${fn}: keepdims must be a boolean, got ${String(o.keepdims)}`)
  if (o.overwriteInput !== undefined && typeof o.overwriteInput !== 'boolean') throw new DTypeError(`${fn}: overwriteInput must be a boolean, got ${String(o.overwriteInput)}`)
  if (quantileLike && o.weights !== undefined && o.weights !== null) {
    const m = o.method ?? 'linear'
    if (m !== 'inverted_cdf') throw new ValueError(`${fn}: Only method 'inverted_cdf' supports weights. Got: ${String(m)}.`)
    throw new ValueError(`${fn}: weights are not supported by strided yet (method 'inverted_cdf' with weights)`)
  }
}

/** The result dtype of a request (NumPy's, see the module comment of quantile.ts). */
function resultDtypeOf(r: StatRequest): DTypeName {
  const dt = r.a.dtype
  const isFloat = DTYPES[dt].kind === 'f'
  if (r.kind === 'median') return isFloat ? dt : 'float64'
  if (isDiscrete(r.method)) return dt
  if (dt === 'bool') {
    throw new DTypeError(`${r.fn}: numpy boolean subtract, the \`-\` operator, is not supported (method '${r.method}' interpolates; use a discrete method or astype a number dtype)`)
  }
  if (dt === 'float32' || dt === 'float16') return r.weak ? dt : 'float64'
  return 'float64'
}

/** The driver of every median/quantile call. */
export function* driveStat(r: StatRequest): OpDriver<NDArray | Scalar> {
  const { fn } = r
  // float16: the lanes read a float32 shadow (exact) and results are computed as half values in a float32 store
  const a = halfAsFloat(r.a)
  const half = r.a.dtype === 'float16'
  const opts = r.opts
  const keepdims = opts.keepdims === true
  const lanes = lanesOf(fn, a, opts.axis, keepdims)
  const emptyNan = r.kind === 'quantile' && r.nanForm === true && a.size === 0
  const Q = r.kind === 'median' || emptyNan ? 1 : r.qs.length
  const shape = emptyNan ? [...lanes.resultShape] : [...r.qShape, ...lanes.resultShape]
  const out = opts.out
  // empty lanes: NumPy's mean of nothing (NaN), except quantile, whose indexing fails
  let resDt: DTypeName
  if (lanes.n === 0 || emptyNan) {
    if (r.kind === 'quantile' && !r.nanForm) throw new IndexError(`${fn}: index -1 is out of bounds for axis 0 with size 0 (the reduced axes of shape (${a.shape.join(', ')}) have no elements)`)
    resDt = r.kind === 'median' ? resultDtypeOf(r) : DTYPES[r.a.dtype].kind === 'f' ? r.a.dtype : 'float64'
  } else resDt = resultDtypeOf(r)
  if (out !== undefined) {
    out.assertWriteable('out')
    if (out.ndim !== shape.length || out.shape.some((v, i) => v !== shape[i])) {
      throw new ShapeError(`${fn}: out has shape (${out.shape.join(', ')}) but the result has shape (${shape.join(', ')})`)
    }
  }
  const mode: LerpMode = r.kind !== 'quantile' ? 'f64' : resDt === 'float32' ? 'f32' : resDt === 'float16' ? 'f16' : 'f64'
  // NumPy's nanmedian of float16 along axes that keep one goes through np.ma.median for lanes under 600
  const maMedian = half && fn === 'nanmedian' && opts.axis !== undefined && opts.axis !== null && lanes.outerShape.length > 0 && lanes.n < 600
  const spec: QuantileSpec = { kind: r.kind, method: r.method, qs: r.qs, skipNaN: r.skipNaN, dtype: r.a.dtype, mode, maMedian }
  const store: DTypeName = resDt === 'float16' ? 'float32' : resDt
  const res = NDArray.alloc([Q * lanes.M], store, 'C', lanes.n === 0)
  const rv = typedView(res.buffer, store)
  if (lanes.n === 0 || emptyNan) {
    rv.fill(NaN as never, res.offset, res.offset + res.size)
  } else if (lanes.M > 0) {
    const radix = lanes.n >= RADIX_MIN && lanes.M <= RADIX_LANES && RADIX_DTYPES.includes(a.dtype)
    if (radix) yield* radixLanes(a, lanes, spec, res)
    else {
      const lanesPerUnit = Math.max(1, Math.ceil(LANE_GRAIN / lanes.n))
      const units = Math.ceil(lanes.M / lanesPerUnit)
      const plan: QuantilePlan = {
        src: { buffer: a.buffer, dtype: a.dtype }, offset: a.offset,
        outerShape: lanes.outerShape, outerStrides: lanes.outerStrides, laneShape: lanes.laneShape, laneStrides: lanes.laneStrides,
        n: lanes.n, M: lanes.M, lanesPerUnit, spec, res: { buffer: res.buffer, dtype: store }, resOffset: res.offset,
      }
      const job: UnitsJob = { kind: 'units', op: 'quantileLanes', plan, units, elementsPerUnit: lanesPerUnit * lanes.n, cost: 3 * (DTYPES[a.dtype].bigint ? 4 : 1) }
      yield job
    }
  }
  let result = half && resDt === 'float16' ? res.reshape(shape).astype('float16') : res.reshape(shape)
  const narrow = r.a.dtype === 'float32' || half
  if (r.skipNaN && r.kind === 'quantile' && narrow && resDt === 'float64' && lanes.M > 0 && lanes.n > 0 && lane0AllNaN(a, lanes)) {
    // NumPy's nan- forms take the result dtype from the first lane's result (apply_along_axis), and an all-NaN
    // lane gives a NaN of the input's dtype: the whole result is then float32 (float16)
    result = result.astype(r.a.dtype)
  }
  if (out !== undefined) {
    out.assign(result)
    return out
  }
  const scalar = !keepdims && (opts.axis === undefined || opts.axis === null) && (r.kind === 'median' || r.weak || emptyNan) && shape.length === 0
  if (scalar) return fromStored(typedView(result.buffer, result.dtype)[result.offset]!, result.dtype)
  return result
}

/** Whether the first lane of a (float) input is all NaN. */
function lane0AllNaN(a: NDArray, lanes: Lanes): boolean {
  const tmp = new Float32Array(lanes.n)
  gatherLane(typedView(a.buffer, a.dtype), a.offset, lanes.laneShape, lanes.laneStrides, tmp)
  for (let i = 0; i < lanes.n; i++) if (tmp[i] === tmp[i]) return false
  return true
}

/** The radix path: each long lane selected by a histogram job and a gather job (ops/quantile/radix-driver.ts). */
function* radixLanes(a: NDArray, lanes: Lanes, spec: QuantileSpec, res: NDArray): OpDriver<void> {
  const rv = typedView(res.buffer, res.dtype)
  const flat = yield* flatLanes(a, lanes.outerShape, lanes.outerStrides, lanes.laneShape, lanes.laneStrides)
  for (let l = 0; l < lanes.M; l++) {
    const lane = flat(l)
    const st = yield* radixHistogram(lane)
    const nv = lanes.n - st.nanCount
    if (st.nanCount > 0 && !spec.skipNaN) { writeLaneResults(spec, rv, res.offset, lanes.M, l, nv, true, [], () => 0); continue }
    if (nv === 0) { writeLaneResults(spec, rv, res.offset, lanes.M, l, 0, false, [], () => 0); continue }
    const { ranks, points } = ranksFor(spec, nv)
    const c = yield* radixCandidates(lane, st, ranks)
    writeLaneResults(spec, rv, res.offset, lanes.M, l, nv, false, points, c.at)
  }
}
