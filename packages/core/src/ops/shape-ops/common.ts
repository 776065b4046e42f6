/**
 * Helpers shared by the joining, splitting and tiling functions (internal to ops/shape-ops): turning inputs into
 * arrays, validating integer arguments, formatting shapes for messages, building views with given strides, and
 * block copies between regions the caller knows to be disjoint.
 */
import type { ArrayDescriptor } from '../../descriptor.js'
import { DTYPES, type DTypeName, type TypedArray } from '../../dtype.js'
import { DTypeError } from '../../errors.js'
import { array, asStrided } from '../../creation.js'
import { runCopy } from '../../kernels/copy.js'
import type { ElementwiseJob } from '../../kernels/job.js'
import { NDArray, type NestedArray } from '../../ndarray.js'

/**
 * Anything the shape functions accept as an array, as NumPy's `array_like`: an NDArray (used as it is, never
 * copied), or nested JavaScript arrays, a typed array or a scalar (converted with `array()`, so JavaScript numbers
 * become float64, bigints int64 and booleans bool).
 */
export type ArrayInput = NDArray | NestedArray | TypedArray

/** The array for an `ArrayInput` input: the NDArray itself, or a new array made by `array()`. */
export function asArray(x: ArrayInput, op: string, what: string): NDArray {
  if (x instanceof NDArray) return x
  if (x === undefined || x === null || (typeof x === 'object' && !Array.isArray(x) && !ArrayBuffer.isView(x))) {
    throw new DTypeError(`${op}: ${what} must be an NDArray, nested arrays, a typed array or a scalar, got ${describe(x)}`)
  }
  return array(x as NestedArray | TypedArray)
}

function describe(x: unknown): string {
  if (x === null) return 'null'
  if (typeof x !== 'object') return typeof x
  return Object.prototype.toString.call(x)
}

/** A shape as NumPy prints a tuple: (2, 3), (3,), (). */
export function fmtShape(shape: readonly number[]): string {
  return `(${shape.join(', ')}${shape.length === 1 ? ',' : ''})`
}

/** NumPy's repr of a dtype, for cast messages: dtype('float64'). */
export function dtypeRepr(dt: DTypeName): string {
  return `dtype('${dt}')`
}

/**
 * An integer argument (a number that is an integer, or a bigint within the safe range).
 * @throws {@link DTypeError} for anything else (NumPy's TypeError "'float' object cannot be interpreted as an integer").
 */
export function toInt(v: unknown, op: string, what: string): number {
  if (typeof v === 'bigint') {
    const n = Number(v)
    if (!Number.isSafeInteger(n)) throw new DTypeError(`${op}: ${what} ${v} is too large`)
    return n
  }
  if (typeof v === 'number' && Number.isSafeInteger(v)) return v
  if (typeof v === 'boolean') return v ? 1 : 0
  throw new DTypeError(`${op}: ${what} must be an integer, got ${typeof v === 'number' ? String(v) : describe(v)}`)
}

/** Python's `a % b` for integers (the result has the sign of b). */
export function pyMod(a: number, b: number): number {
  const r = a % b
  return r !== 0 && (r < 0) !== (b < 0) ? r + b : r
}

/** A full slice item for NDArray.slice (the whole axis). */
export const ALL = Object.freeze({ start: null }) as { start: null }

/** The view of `a`'s elements on `axis` in [start, stop) (Python slice semantics), every other axis whole. */
export function sliceAxis(a: NDArray, axis: number, start: number | null, stop: number | null): NDArray {
  const items: ({ start: number | null; stop?: number | null })[] = []
  for (let k = 0; k < axis; k++) items.push(ALL)
  items.push({ start, stop })
  return a.slice(...items)
}

/**
 * NumPy's `np.array(a, copy=None, ndmin=k)` for an array: `a` itself when it has ≥ k axes, otherwise a view with
 * length-1 axes in front. Their stride is what NumPy gives them: the itemsize for a 0-d or Fortran-ordered input,
 * else strides[0]·shape[0].
 */
export function prependOnes(a: NDArray, ndmin: number): NDArray {
  if (a.ndim >= ndmin) return a
  const f = a.flags
  const lead = a.ndim === 0 || (f.fContiguous && !f.cContiguous) ? 1 : a.strides[0]! * a.shape[0]!
  const k = ndmin - a.ndim
  // length-1 axes never move the address, so the view stays within a's memory
  return asStrided(a, { shape: [...Array<number>(k).fill(1), ...a.shape], strides: [...Array<number>(k).fill(lead), ...a.strides] })
}

/**
 * Copy `src` into `dst` (same shape, cast as copyInto casts) with the copy kernels, skipping copyInto's overlap
 * test. Only for memory known to be disjoint: different parts of one fresh array (where the bounds-only test would
 * make a needless temporary), or an `out` the exact overlap checker has cleared. `dst` must have no internal overlap.
 */
export function copyDisjoint(dst: ArrayDescriptor, src: ArrayDescriptor): void {
  const job = disjointCopyJob(dst, src)
  if (job !== null) runCopy(job, 0, job.size)
}

/** The copy job of copyDisjoint (same contract), for drivers that run it on the pool; null when there is nothing to copy. */
export function disjointCopyJob(dst: ArrayDescriptor, src: ArrayDescriptor): ElementwiseJob | null {
  let size = 1
  for (const n of dst.shape) size *= n
  if (size === 0) return null
  return {
    kind: 'elementwise', op: 'copy', size, grain: Math.max(1, 64 / DTYPES[dst.dtype].itemsize), cost: 1,
    operands: [plain(dst), plain(src)],
  }
}

function plain(a: ArrayDescriptor): ArrayDescriptor {
  return { buffer: a.buffer, dtype: a.dtype, shape: [...a.shape], strides: [...a.strides], offset: a.offset }
}

/** Fill `dst` with one stored value through the copy kernels (a one-element source broadcast with stride 0). */
export function fillWith(dst: NDArray, value: number | bigint): void {
  if (dst.size === 0) return
  const one = NDArray.alloc([], dst.dtype, 'C', false)
  ;(one.data as unknown as Record<number, number | bigint>)[one.offset] = value
  copyDisjoint(dst, { buffer: one.buffer, dtype: one.dtype, shape: dst.shape, strides: dst.shape.map(() => 0), offset: one.offset })
}
