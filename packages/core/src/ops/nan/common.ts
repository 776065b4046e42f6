/**
 * Shared pieces of the NaN-aware reductions and statistics (ops/nan): sub-drivers that yield one existing job
 * (an elementwise ufunc job, a reduction job) and hand back its result, axis resolution in NumPy's words, and the
 * scalar-or-array rule of the reductions (ops/reductions.ts): a JS scalar when every axis is reduced and neither
 * keepdims nor out is given, else an NDArray.
 *
 * Internally every reduction is asked for an array result (an explicit axis list), so the later elementwise steps
 * (NumPy's divide by the count, the NaN fix-ups) always work on arrays; the scalar is read out at the end.
 */
import { DTYPES, type DTypeName, type Scalar } from '../../dtype.js'
import { AxisError, DTypeError, ValueError } from '../../errors.js'
import type { Job, ReductionPartial } from '../../kernels/job.js'
import { NDArray } from '../../ndarray.js'
import { normalizeAxes, normalizeAxis } from '../../shape.js'
import { prepareReduction, type ReduceOptions } from '../reductions.js'
import { prepareUfunc, type Operand, type UfuncOptions } from '../ufunc.js'

/** A piece of a driver: yields jobs, receives their partials, returns a value (use with `yield*`). */
export type Sub<R> = Generator<Job, R, ReductionPartial[]>

/** One elementwise job (core's ufunc by name) and its result. */
export function* ufuncJob(op: string, inputs: readonly Operand[], opts: UfuncOptions = {}): Sub<NDArray> {
  const p = prepareUfunc(op, inputs, opts)
  yield p.job
  p.finish()
  return p.result
}

/** One reduction job (core's reduction by name); `opts.axis` must be a list, so the result is an NDArray. */
export function* reduceJob(op: string, a: NDArray, opts: ReduceOptions & { axis: readonly number[] }): Sub<NDArray> {
  const p = prepareReduction(op, a, opts)
  const partials = yield p.job
  return p.finish(partials) as NDArray
}

/** The axes a reduction covers, resolved once. */
export interface Axes {
  /** Per input axis: reduced. */
  readonly reduced: boolean[]
  /** The reduced axes as a list (for the reductions; [] for a 0-d input, which reduces its one element). */
  readonly list: number[]
  /** Elements per reduced slice. */
  readonly count: number
  /** The result is a JS scalar (axis null/undefined, no keepdims, no out). */
  readonly scalar: boolean
}

/**
 * NumPy's axis argument (an integer, a sequence of them, or null: all) for `a`. 0-d inputs accept 0 and -1, as
 * NumPy's ufunc reductions do (`strict`: they do not, as in NumPy's mean/var of integers and average).
 * `single`: only an integer or null (the arg-reductions).
 */
export function resolveAxes(name: string, a: NDArray, axis: unknown, keepdims: boolean, out: unknown, single = false, strict = false): Axes {
  const nd = a.ndim
  let reduced: boolean[]
  if (axis === undefined || axis === null) reduced = new Array<boolean>(nd).fill(true)
  else if (typeof axis === 'number') {
    if (nd === 0 && (axis === 0 || axis === -1) && !strict) reduced = []
    else {
      const k = normalizeAxis(axis, nd)
      reduced = Array.from({ length: nd }, (_, i) => i === k)
    }
  } else if (Array.isArray(axis)) {
    if (single) throw new ValueError(`${name}: axis must be an integer or null, got (${axis.join(', ')})`)
    const ks = normalizeAxes(axis as number[], nd)
    reduced = Array.from({ length: nd }, (_, i) => ks.includes(i))
  } else {
    throw new AxisError(`${name}: axis must be an integer, an array of integers or null, got ${String(axis)}`)
  }
  let count = 1
  for (let k = 0; k < nd; k++) if (reduced[k]) count *= a.shape[k]!
  const list = reduced.flatMap((r, k) => (r ? [k] : []))
  const scalar = (axis === undefined || axis === null) && !keepdims && out === undefined
  return { reduced, list, count, scalar }
}

/** The input check every function here shares. */
export function checkArray(name: string, a: unknown, what = 'a'): NDArray {
  if (!(a instanceof NDArray)) throw new DTypeError(`${name}: ${what} must be an NDArray, got ${a === null ? 'null' : typeof a}`)
  return a
}

/** An `out` option: undefined, or an NDArray. */
export function checkOut(name: string, out: unknown): NDArray | undefined {
  if (out === undefined) return undefined
  if (!(out instanceof NDArray)) throw new DTypeError(`${name}: out must be an NDArray`)
  return out
}

/** A keepdims option: undefined/false/true. */
export function checkKeepdims(name: string, keepdims: unknown): boolean {
  if (keepdims === undefined || keepdims === false) return false
  if (keepdims === true) return true
  throw new ValueError(`${name}: keepdims must be a boolean, got ${String(keepdims)}`)
}

/** The one element of a 0-d (or size-1) result as a JS scalar. */
export function scalarOf(r: NDArray): Scalar {
  return r.get(...new Array<number>(r.ndim).fill(0))
}

/**
 * 'float' for the float dtypes (NaN handling as NumPy's; float16 runs the same steps through the float16 ufuncs and
 * reductions, which round at NumPy's points), 'other' for bool and integers.
 */
export function floatKind(name: string, dt: DTypeName): 'float' | 'other' {
  if (dt === 'float16' || dt === 'float32' || dt === 'float64') return 'float'
  const k = DTYPES[dt].kind
  if (k === 'b' || k === 'i' || k === 'u') return 'other'
  throw new DTypeError(`${name}: dtype ${dt} is not supported yet`)
}

/** Result as the reductions give it: a JS scalar when `scalar`, else the array. */
export function finishResult(r: NDArray, scalar: boolean): NDArray | Scalar {
  return scalar ? scalarOf(r) : r
}

/**
 * Where a's elements fill one block of memory (no broadcast, no gaps): the block's first element and whether every
 * stride of a length > 1 axis is positive (then a's 'K' copy has a's own strides). null when not dense.
 */
export function denseBlock(a: NDArray): { start: number; n: number; positive: boolean } | null {
  const n = a.size
  if (n === 0) return null
  const axes: { len: number; st: number }[] = []
  for (let k = 0; k < a.ndim; k++) if (a.shape[k]! > 1) axes.push({ len: a.shape[k]!, st: a.strides[k]! })
  axes.sort((p, q) => Math.abs(p.st) - Math.abs(q.st))
  let expect = 1
  let start = a.offset
  let positive = true
  for (const { len, st } of axes) {
    if (Math.abs(st) !== expect) return null
    if (st < 0) { positive = false; start += st * (len - 1) }
    expect *= len
  }
  return { start, n, positive }
}
