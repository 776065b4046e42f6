/**
 * Reductions of float16 arrays. The reduction kernels read float32 and float64; a float16 input is decoded
 * (exactly) into a float32 *shadow* with the very same strides, so the reduction iterator walks it in the same
 * order and groups its pairwise sums the same way as it would the float16 array. Then:
 *
 *  - min, max: the float32 result is a half value, stored back as float16 (exact);
 *  - argmin, argmax, any, all: the indices and booleans of the shadow are the input's;
 *  - mean (and sum/prod/var/std given a float32 or float64 dtype): as NumPy, which computes float16 means in
 *    float32 (`dtype=f4`) and rounds the mean to float16; the plan is told the input is float16, so a float32
 *    loop counts as a casting one and is buffered as NumPy's;
 *  - sum without a dtype: NumPy's float16 loop accumulates in float32 inside each inner-loop call and rounds to
 *    half between calls (after every block of a long contiguous sum, after every step of an outer-axis one); the
 *    plan's `halfAcc` makes the float32 kernels round their accumulators to half at exactly those points;
 *  - prod without a dtype: the same for the float16 multiply loop (a row is one inner-loop call; outer-axis
 *    steps round to half each);
 *  - var, std without a dtype: NumPy's _var step by step, each in float16 as there: the float16 sum (keepdims),
 *    divided by the count in float64 and rounded to half, subtracted and squared in float16, summed in float16,
 *    divided by max(count - ddof, 0) in float64 and rounded to half, and for std the float16 sqrt. (NumPy's
 *    float16 variance overflows to inf once the sum of squares passes 65504; so does this one.)
 */
import { DTYPES, type Scalar } from '../dtype.js'
import { roundToHalf } from '../float16.js'
import type { ReductionPartial } from '../kernels/job.js'
import { copyInto } from '../kernels/copy.js'
import { NDArray } from '../ndarray.js'
import { outLoopDtype, prepareReduction, type PreparedReduction, type ReduceOptions, type ReductionName } from './reductions.js'
import { runReductionUnits } from '../kernels/reduce/index.js'
import { ValueError } from '../errors.js'
import { normalizeAxis } from '../shape.js'
import { full } from '../creation.js'
import { divide, sqrt, square, subtract } from './elementwise.js'

/** Shadows made here, with the dtype the reduction plan should take them for. */
const SHADOW_OF = new WeakMap<NDArray, 'float16'>()

/** Shadows whose float32 sum stands for NumPy's float16 loop (accumulators round to half: reduce-plan.ts halfAcc). */
const HALF_ACC = new WeakSet<NDArray>()

/** True for the shadow of a float16 sum without a dtype. */
export function halfAccumulates(a: NDArray): boolean {
  return HALF_ACC.has(a)
}

/** The dtype a reduction plan counts `a` as (float16 for a shadow), to decide whether its loop casts. */
export function planDtypeOf(a: NDArray): NDArray['dtype'] {
  return SHADOW_OF.get(a) ?? a.dtype
}

/**
 * A float32 copy of a float16 view at the same element offsets (same strides, same extent). `casting`: the plan
 * takes it for float16, so its float32 (or float64) loop counts as casting and is buffered as NumPy's.
 */
function shadowOf(a: NDArray, casting: boolean): NDArray {
  let lo = a.offset
  let hi = a.offset
  let size = 1
  for (let k = 0; k < a.ndim; k++) {
    const n = a.shape[k]!
    size *= n
    const s = a.strides[k]!
    if (n > 1) { if (s < 0) lo += s * (n - 1); else hi += s * (n - 1) }
  }
  const owner = NDArray.allocStrided([Math.max(hi - lo + 1, 1)], [1], 'float32', Math.max(hi - lo + 1, 1), false)
  const view = new NDArray(
    { buffer: owner.buffer, dtype: 'float32', shape: a.shape, strides: a.strides, offset: owner.offset + (a.offset - lo) },
    { base: owner },
  )
  if (size > 0) copyInto(view.toDescriptor(), a.toDescriptor())
  if (casting) SHADOW_OF.set(view, 'float16')
  return view
}

const TO_HALF: ReadonlySet<ReductionName> = new Set(['sum', 'prod', 'min', 'max', 'mean', 'var', 'std'])

/** prepareReduction for a float16 input (see the module comment). */
export function prepareHalfReduction(name: ReductionName, a: NDArray, opts: ReduceOptions): PreparedReduction {
  const fromOut = opts.out instanceof NDArray ? outLoopDtype('float16', opts.out) : undefined
  if ((name === 'sum' || name === 'prod') && (opts.dtype === undefined || opts.dtype === null) && fromOut !== undefined && fromOut !== 'float16') {
    // NumPy's reduce takes its loop dtype from out when no dtype is given: a float32/float64 loop over the cast input
    return prepareHalfReduction(name, a, { ...opts, dtype: fromOut })
  }
  const userDtype = opts.dtype
  if ((name === 'var' || name === 'std') && (userDtype === undefined || userDtype === null)) return prepareHalfVariance(name, a, opts)
  // NumPy's float16 mean is a float32 sum over a casting (buffered) loop; its sum/prod/var/std run float16 loops
  const shadow = shadowOf(a, name === 'mean' || (userDtype !== undefined && userDtype !== null))
  // results that NumPy gives in float16 are computed in float32 and rounded once
  const half = TO_HALF.has(name) && (userDtype === undefined || userDtype === null)
  const out = opts.out
  if (half && out instanceof NDArray) out.assertWriteable(`${name} out`)
  const floatDtype = name === 'min' || name === 'max' ? {} : { dtype: 'float32' }
  const inner = half ? { ...opts, ...floatDtype, out: undefined } : opts
  if (half && (name === 'sum' || name === 'prod')) HALF_ACC.add(shadow)
  const p = prepareReduction(name, shadow, inner)
  return {
    job: p.job,
    finish(partials: readonly ReductionPartial[]): NDArray | Scalar {
      const r = p.finish(partials)
      if (!half) return r
      if (out !== undefined) {
        // a full reduction into a 0-d out comes back from the float32 shadow as a scalar
        copyInto(out.toDescriptor(), (r instanceof NDArray ? r : full([], r as number, { dtype: 'float32' })).toDescriptor())
        return out
      }
      if (!(r instanceof NDArray)) return roundToHalf(r as number)
      return DTYPES[r.dtype].kind === 'f' ? r.astype('float16') : r
    },
  }
}

/** Elements per output of a reduction over `axis` (NumPy's _count_reduce_items). */
function reducedCount(a: NDArray, axis: ReduceOptions['axis']): number {
  if (axis === undefined || axis === null) return a.size
  const axes = typeof axis === 'number' ? [axis] : [...axis]
  let c = 1
  for (const k of axes) c *= a.shape[normalizeAxis(k, a.ndim)]!
  return c
}

/** x / n in float64, rounded to half (NumPy's true_divide of a float16 array by an intp, cast back unsafely). */
function divideToHalf(x: NDArray | number, n: number): NDArray | number {
  if (!(x instanceof NDArray)) return roundToHalf(x / n)
  return divide(x.astype('float64'), n).astype('float16')
}

/** var/std of float16 without a dtype, as NumPy's _var computes them (see the module comment). */
function prepareHalfVariance(name: 'var' | 'std', a: NDArray, opts: ReduceOptions): PreparedReduction {
  const { axis, keepdims, out, ddof } = opts
  if (ddof !== undefined && (typeof ddof !== 'number' || !Number.isFinite(ddof))) throw new ValueError(`${name}: ddof must be a finite number, got ${String(ddof)}`)
  if (out !== undefined) out.assertWriteable(`${name} out`)
  const count = reducedCount(a, axis)
  const total = prepareReduction('sum', a, { axis, keepdims: true })
  const mean = divideToHalf(total.finish(runReductionUnits(total.job, 0, total.job.units)) as NDArray, count) as NDArray
  const x = square(subtract(a, mean))
  const p = prepareReduction('sum', x, { axis, keepdims })
  return {
    job: p.job,
    finish(partials: readonly ReductionPartial[]): NDArray | Scalar {
      let r = divideToHalf(p.finish(partials) as NDArray | number, Math.max(count - (ddof ?? 0), 0))
      if (name === 'std') r = r instanceof NDArray ? sqrt(r) : roundToHalf(Math.fround(Math.sqrt(r)))
      if (out !== undefined) {
        copyInto(out.toDescriptor(), (r instanceof NDArray ? r : full([], r, { dtype: 'float16' })).toDescriptor())
        return out
      }
      return r
    },
  }
}
