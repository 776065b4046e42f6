/**
 * np.cov and np.corrcoef as driven ops (each is also a Runtime method): NumPy's formulas step by step
 * (numpy/lib/_function_base_impl.py) — the weighted mean along each variable, the ddof/bias and
 * fweights × aweights rules, `X -= avg`, then `c = dot(X, (X*w).T) * (1/fact)`. The product is a units job over
 * the output rows (kernels/nan/cov-dot.ts). NumPy computes it with BLAS (syrk/gemm), whose summation order is its
 * own, so results agree to a few ulps, not bit for bit; everything before the product follows NumPy exactly.
 */
import type { DTypeName } from '../../dtype.js'
import { DTypeError, ShapeError, ValueError } from '../../errors.js'
import { checkOptions } from '../../check-options.js'
import { array } from '../../creation.js'
import { toDescriptor } from '../../descriptor.js'
import type { UnitsJob } from '../../kernels/job.js'
import type { CovDotPlan } from '../../kernels/nan/cov-dot.js'
import { NDArray } from '../../ndarray.js'
import { arraysIn, defineDrivenOp, type OpAccess, type OpDriver } from '../driver.js'
import { resultTypeOf } from '../promotion.js'
import { concatenate } from '../shape-ops/join.js'
import { reduceJob, scalarOf, ufuncJob, type Sub } from './common.js'

/** Array-like inputs of cov/corrcoef: an NDArray or nested JS arrays of numbers. */
export type CovInput = NDArray | readonly unknown[]

/** Options of {@link cov} (NumPy's keyword arguments). */
export interface CovOptions {
  /** true (default): each row is a variable, the columns are observations; false: the transpose. */
  rowvar?: boolean
  /** Normalise by N (true) instead of N - 1 (default false); ignored when ddof is given. */
  bias?: boolean
  /** Delta degrees of freedom (an integer); overrides bias. */
  ddof?: number | null
  /** Integer frequency weights, one per observation (1-d). */
  fweights?: CovInput | null
  /** Observation (reliability) weights, one per observation (1-d). */
  aweights?: CovInput | null
  /** The computation and result dtype: float32 or float64 (default: float64). */
  dtype?: DTypeName | string | null
}

/** Options of {@link corrcoef} (NumPy's keyword arguments). */
export interface CorrcoefOptions {
  /** true (default): each row is a variable; false: each column is. */
  rowvar?: boolean
  /** The computation and result dtype: float32 or float64 (default: float64). */
  dtype?: DTypeName | string | null
}

function asArr(name: string, x: unknown, what: string): NDArray {
  if (x instanceof NDArray) return x
  if (Array.isArray(x)) return array(x as never)
  throw new DTypeError(`${name}: ${what} must be an NDArray or a nested array, got ${x === null ? 'null' : typeof x}${what === 'y' ? ' (pass y as null to give options without y)' : ''}`)
}

/** np.array(x, ndmin=2, dtype): a copy (unless `copy` is false) with leading axes of length 1 added. */
function ndmin2(x: NDArray, dt: DTypeName, copy: boolean): NDArray {
  const c = copy || x.dtype !== dt ? x.astype(dt) : x
  if (c.ndim === 2) return c
  return c.reshape(c.ndim === 0 ? [1, 1] : [1, c.shape[0]!])
}

/** The float64 values of a 1-d weights argument, checked as NumPy's cov does. */
function weightsOf(name: string, x: unknown, what: 'fweights' | 'aweights', n: number): Float64Array {
  const w = asArr(name, x, what).astype('float64')
  const v = Float64Array.from(w.toFlatArray() as number[])
  if (what === 'fweights' && v.some((e) => !(e === Math.round(e) || !Number.isFinite(e)) || Number.isNaN(e))) {
    throw new DTypeError(`${name}: fweights must be integer`)
  }
  if (w.ndim > 1) throw new ShapeError(`${name}: cannot handle multidimensional ${what} (shape (${w.shape.join(', ')}))`)
  if (w.ndim === 0 || w.shape[0] !== n) {
    throw new ShapeError(`${name}: incompatible numbers of samples (${n}) and ${what} (${w.ndim === 0 ? 'a 0-d array' : w.shape[0]})`)
  }
  if (v.some((e) => e < 0)) throw new ValueError(`${name}: ${what} cannot be negative`)
  return v
}

function* covCore(name: string, m0: CovInput, y0: CovInput | null | undefined, opts: CovOptions): Sub<NDArray> {
  const rowvar = opts.rowvar ?? true
  if (typeof rowvar !== 'boolean') throw new ValueError(`${name}: rowvar must be a boolean, got ${String(rowvar)}`)
  const bias = opts.bias ?? false
  if (typeof bias !== 'boolean') throw new ValueError(`${name}: bias must be a boolean, got ${String(bias)}`)
  let ddof = opts.ddof ?? null
  if (ddof !== null && (typeof ddof !== 'number' || !Number.isInteger(ddof))) throw new ValueError(`${name}: ddof must be integer, got ${String(ddof)}`)
  const m = asArr(name, m0, 'm')
  if (m.ndim > 2) throw new ValueError(`${name}: m has more than 2 dimensions (shape (${m.shape.join(', ')}))`)
  const y = y0 === undefined || y0 === null ? null : asArr(name, y0, 'y')
  if (y !== null && y.ndim > 2) throw new ValueError(`${name}: y has more than 2 dimensions (shape (${y.shape.join(', ')}))`)
  let dt: DTypeName
  if (opts.dtype === undefined || opts.dtype === null) dt = resultTypeOf(y === null ? [m.dtype, 'float64'] : [m.dtype, y.dtype, 'float64'])
  else dt = array([0], { dtype: opts.dtype }).dtype
  if (dt !== 'float32' && dt !== 'float64') throw new DTypeError(`${name}: dtype ${dt} is not supported (float32 or float64)`)

  let X = ndmin2(m, dt, true)
  if (!rowvar && m.ndim !== 1) X = X.T
  if (X.shape[0] === 0) return NDArray.alloc([0, 0], 'float64')
  if (y !== null) {
    let Y = ndmin2(y, dt, false)
    if (!rowvar && Y.shape[0] !== 1) Y = Y.T
    X = concatenate([X, Y], { axis: 0 })
  }
  if (ddof === null) ddof = bias ? 0 : 1
  const k = X.shape[0]!
  const n = X.shape[1]!
  let w: Float64Array | null = null
  let aw: Float64Array | null = null
  if (opts.fweights !== undefined && opts.fweights !== null) w = weightsOf(name, opts.fweights, 'fweights', n)
  if (opts.aweights !== undefined && opts.aweights !== null) {
    aw = weightsOf(name, opts.aweights, 'aweights', n)
    if (w === null) w = Float64Array.from(aw)
    else for (let i = 0; i < n; i++) w[i] = w[i]! * aw[i]!
  }
  // avg, w_sum = average(X, axis=1, weights=w, returned=True)
  let avg: NDArray
  let wSum: number
  let wArr: NDArray | null = null
  if (w === null) {
    avg = yield* reduceJob('mean', X, { axis: [1] })
    wSum = n
  } else {
    wArr = array(w).reshape([1, n])
    const scl = yield* reduceJob('sum', wArr, { axis: [1], dtype: 'float64' })
    wSum = scalarOf(scl) as number
    if (wSum === 0) throw new ValueError(`${name}: weights sum to zero, can't be normalized (NumPy raises ZeroDivisionError)`)
    const prod = yield* ufuncJob('multiply', [X, wArr], { dtype: 'float64' })
    const s = yield* reduceJob('sum', prod, { axis: [1] })
    avg = yield* ufuncJob('divide', [s, scl])
  }
  let fact: number
  if (w === null) fact = n - ddof
  else if (ddof === 0) fact = wSum
  else if (aw === null) fact = wSum - ddof
  else {
    // Python's builtin sum over w * aweights: left to right
    let t = 0
    for (let i = 0; i < n; i++) t += w[i]! * aw[i]!
    fact = wSum - (ddof * t) / wSum
  }
  if (fact <= 0) fact = 0 // NumPy warns "Degrees of freedom <= 0 for slice"
  // X -= avg[:, None]
  yield* ufuncJob('subtract', [X, avg.reshape([k, 1])], { out: X })
  const Wt = wArr === null ? X : yield* ufuncJob('multiply', [X, wArr])
  const cdt: DTypeName = wArr === null ? dt : 'float64'
  const Xc = X.flags.cContiguous ? X : X.copy('C')
  const Wc = wArr === null ? Xc : Wt.flags.cContiguous ? Wt : Wt.copy('C')
  const c = NDArray.alloc([k, k], cdt)
  const symmetric = wArr === null
  const small = k * k * n < 1 << 16
  const units = small ? 1 : symmetric ? Math.ceil(k / 2) : k
  const plan: CovDotPlan = {
    x: toDescriptor(Xc), w: toDescriptor(Wc), c: toDescriptor(c), k, n, symmetric,
    rows: small ? k : symmetric ? 0 : 1, factor: 1 / fact,
  }
  const job: UnitsJob = { kind: 'units', op: 'covDot', plan, units: k === 0 ? 0 : units, elementsPerUnit: small ? k * k * n : k * n, cost: 1 }
  yield job
  return c.squeeze()
}

function accessOf(m: unknown, y?: unknown, opts?: unknown): OpAccess {
  const o = opts !== null && typeof opts === 'object' ? (opts as { fweights?: unknown; aweights?: unknown }) : {}
  return { reads: arraysIn(m, y, o.fweights, o.aweights), writes: [] }
}

function* covDrive(m: CovInput, y?: CovInput | null, opts: CovOptions = {}): OpDriver<NDArray> {
  checkOptions('cov', opts, ['rowvar', 'bias', 'ddof', 'fweights', 'aweights', 'dtype'])
  return yield* covCore('cov', m, y, opts)
}

/**
 * Covariance matrix (NumPy's `cov`): rows of `m` (and of `y`, stacked below) are variables, columns observations
 * (`rowvar: false` swaps them). Follows NumPy: the (weighted) mean of each variable is subtracted, then
 * `c = X·(X·w)ᵀ / fact` with `fact = N - ddof` (or NumPy's weighted forms), `ddof` defaulting to 1 (0 with `bias`).
 * A `fact <= 0` gives inf/NaN entries (NumPy also warns). The product's summation order differs from NumPy's BLAS,
 * so the last bits may differ (a few ulps). Unlike NumPy, the fweights argument is never modified.
 *
 * @param m - a 1-d or 2-d array of variables
 * @param y - optional extra variables (same layout as m); pass null to give options without y
 * @param opts - rowvar, bias, ddof, fweights, aweights, dtype
 * @returns the k×k covariance matrix, squeezed (a 0-d array for one variable; (0, 0) float64 for no variables)
 * float16 input is computed in float64, as NumPy does by default; an explicit `dtype: 'float16'` (NumPy's float16
 * dot) is not supported.
 *
 * @throws ValueError for more than 2 dimensions, a non-integer ddof, negative weights or weights summing to zero;
 *   DTypeError for non-integer fweights (NumPy's TypeError) or a dtype other than float32/float64; ShapeError for weights of the
 *   wrong shape (NumPy's RuntimeError) or y not matching m
 */
export const cov: (m: CovInput, y?: CovInput | null, opts?: CovOptions) => NDArray = defineDrivenOp({ name: 'cov', optionsAt: 2, drive: covDrive, access: accessOf })

function* corrcoefDrive(x: CovInput, y?: CovInput | null, opts: CorrcoefOptions = {}): OpDriver<NDArray | number> {
  checkOptions('corrcoef', opts, ['rowvar', 'dtype'])
  const c = yield* covCore('corrcoef', x, y, { rowvar: opts.rowvar, dtype: opts.dtype })
  // a scalar covariance: c / c (NaN for 0, inf, NaN; 1 otherwise)
  if (c.ndim === 0) return scalarOf(yield* ufuncJob('divide', [c, c])) as number
  if (c.size === 0) return c
  const k = c.shape[0]!
  const d = new NDArray({ buffer: c.buffer, dtype: c.dtype, shape: [k], strides: [k + 1], offset: c.offset })
  const sd = yield* ufuncJob('sqrt', [d])
  yield* ufuncJob('divide', [c, sd.reshape([k, 1])], { out: c })
  yield* ufuncJob('divide', [c, sd.reshape([1, k])], { out: c })
  yield* ufuncJob('clip', [c, -1, 1], { out: c })
  return c
}

/**
 * Pearson correlation coefficients (NumPy's `corrcoef`): {@link cov} divided by the outer product of the standard
 * deviations, clipped to [-1, 1], as NumPy computes it. The last bits may differ from NumPy's (see cov).
 *
 * @param x - a 1-d or 2-d array of variables
 * @param y - optional extra variables; pass null to give options without y
 * @param opts - rowvar, dtype
 * @returns the k×k correlation matrix, or a number for one variable (NumPy: c / c, NaN when its variance is 0)
 * @throws the errors of {@link cov}
 */
export const corrcoef: (x: CovInput, y?: CovInput | null, opts?: CorrcoefOptions) => NDArray | number = defineDrivenOp({ name: 'corrcoef', optionsAt: 2, drive: corrcoefDrive, access: accessOf })

