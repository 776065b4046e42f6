/**
 * Unit kernels of partition, argpartition and the order statistics (median, quantile and their nan- forms):
 *
 *  - 'partitionLanes': each unit takes a fixed group of lanes (1-d runs along the partition axis), copies each
 *    into a scratch run, selects every kth there (NaNs last) and writes the lane (or its index permutation) into
 *    the result.
 *  - 'quantileLanes': each unit takes a fixed group of lanes (the reduced axes of one output position), copies
 *    the lane out, selects the order statistics its quantiles need and writes NumPy's quantile/median values.
 *  - 'radixHist' / 'radixGather': the parallel selection of one long lane (kernels/select/radix.ts).
 *
 * Units write disjoint output elements; which thread runs which unit never changes a value.
 */
import type { DTypeName, TypedArray } from '../../dtype.js'
import { DTYPES, typedView } from '../../dtype.js'
import { DTypeError } from '../../errors.js'
import { defineUnitKernel } from '../units.js'
import { argNansLast, argSelectMany, nansLast, selectMany, type Sortable } from './select.js'
import { isDiscrete, lerp, maMedianHalf, medianOf, quantilePoint, type LerpMode, type QPoint, type QuantileMethod } from './quantile-math.js'

/** Memory of an operand: a buffer and its dtype (offsets and strides in elements live in the plan). */
export interface Mem {
  readonly buffer: SharedArrayBuffer | ArrayBuffer
  readonly dtype: DTypeName
}

/** The lanes of an input: lane l starts at offset + Σ (l's outer index)·outerStrides, its elements follow laneShape/laneStrides in C order. */
export interface LaneLayout {
  readonly src: Mem
  readonly offset: number
  readonly outerShape: readonly number[]
  readonly outerStrides: readonly number[]
  readonly laneShape: readonly number[]
  readonly laneStrides: readonly number[]
  /** Elements per lane. */
  readonly n: number
  /** Lanes. */
  readonly M: number
  /** Lanes per unit (the last unit may have fewer). */
  readonly lanesPerUnit: number
}

/** Where lane `l` starts in the input. */
export function laneBase(lay: LaneLayout, l: number): number {
  let off = lay.offset
  let r = l
  for (let k = lay.outerShape.length - 1; k >= 0; k--) {
    const nk = lay.outerShape[k]!
    off += (r % nk) * lay.outerStrides[k]!
    r = Math.floor(r / nk)
  }
  return off
}

/** Copy a lane's n elements (C order over laneShape) into tmp[0, n). */
export function gatherLane(src: TypedArray, base: number, shape: readonly number[], strides: readonly number[], tmp: TypedArray): void {
  const t = tmp as unknown as (number | bigint)[]
  const s = src as unknown as (number | bigint)[]
  const nd = shape.length
  if (nd === 0) { t[0] = s[base]!; return }
  const inner = shape[nd - 1]!
  const st = strides[nd - 1]!
  if (nd === 1) {
    if (st === 1) { (tmp as Float64Array).set((src as Float64Array).subarray(base, base + inner)); return }
    for (let i = 0, p = base; i < inner; i++, p += st) t[i] = s[p]!
    return
  }
  const idx = new Array<number>(nd - 1).fill(0)
  let outer = 1
  for (let k = 0; k < nd - 1; k++) outer *= shape[k]!
  let w = 0
  let off = base
  for (let o = 0; o < outer; o++) {
    if (st === 1) { (tmp as Float64Array).set((src as Float64Array).subarray(off, off + inner), w); w += inner } else {
      for (let i = 0, p = off; i < inner; i++, p += st) t[w++] = s[p]!
    }
    for (let k = nd - 2; k >= 0; k--) {
      idx[k]!++
      off += strides[k]!
      if (idx[k]! < shape[k]!) break
      off -= idx[k]! * strides[k]!
      idx[k] = 0
    }
  }
}

/** A scratch run for `n` elements of dt (numbers for bool). */
function scratch(dt: DTypeName, n: number): TypedArray {
  return new DTYPES[dt].TypedArray(new ArrayBuffer(Math.max(1, n) * DTYPES[dt].itemsize))
}

/**
 * Whether the kernels can select elements of dt. float16 inputs reach the kernels as a float32 shadow (every half
 * is exactly a float32, order and NaNs kept), with `QuantileSpec.dtype` 'float16' for NumPy's half arithmetic.
 */
export function checkSelectDtype(fn: string, dt: DTypeName): void {
  if (!(dt in DTYPES)) throw new DTypeError(`${fn}: unsupported dtype ${String(dt)}`)
}

// ------------------------------------------------------------------------------------------------ partition

/** Plan of 'partitionLanes'. */
export interface PartitionPlan extends LaneLayout {
  /** Ranks to put in place (ascending, distinct, within [0, n)). */
  readonly kth: readonly number[]
  /** The result: lane l's element i at dstOffset + Σ (l's outer index)·dstOuterStrides + i·dstStride, or its index. */
  readonly dst: Mem
  readonly dstOffset: number
  readonly dstOuterStrides: readonly number[]
  readonly dstStride: number
  /** argpartition: write int64 indices instead of values. */
  readonly arg: boolean
}

function dstBase(plan: PartitionPlan, l: number): number {
  let off = plan.dstOffset
  let r = l
  for (let k = plan.outerShape.length - 1; k >= 0; k--) {
    const nk = plan.outerShape[k]!
    off += (r % nk) * plan.dstOuterStrides[k]!
    r = Math.floor(r / nk)
  }
  return off
}

defineUnitKernel<PartitionPlan>('partitionLanes', (plan, start, end) => {
  const src = typedView(plan.src.buffer, plan.src.dtype)
  const n = plan.n
  const isFloat = plan.src.dtype === 'float32' || plan.src.dtype === 'float64'
  const tmp = scratch(plan.src.dtype, n)
  const l0 = start * plan.lanesPerUnit
  const l1 = Math.min(plan.M, end * plan.lanesPerUnit)
  if (!plan.arg) {
    const dst = typedView(plan.dst.buffer, plan.dst.dtype)
    for (let l = l0; l < l1; l++) {
      gatherLane(src, laneBase(plan, l), plan.laneShape, plan.laneStrides, tmp)
      const nv = isFloat ? nansLast(tmp as Float64Array, n) : n
      selectMany(tmp as Sortable, 0, nv, plan.kth.filter((k) => k < nv))
      const base = dstBase(plan, l)
      const st = plan.dstStride
      if (st === 1) (dst as Float64Array).set((tmp as Float64Array).subarray(0, n), base)
      else {
        const dd = dst as unknown as (number | bigint)[]
        const tt = tmp as unknown as (number | bigint)[]
        for (let i = 0, p = base; i < n; i++, p += st) dd[p] = tt[i]!
      }
    }
    return
  }
  // int64 indices written as two 32-bit words (little endian), no bigint per element
  const words = new Uint32Array(plan.dst.buffer)
  const idx = new Int32Array(n)
  for (let l = l0; l < l1; l++) {
    gatherLane(src, laneBase(plan, l), plan.laneShape, plan.laneStrides, tmp)
    for (let i = 0; i < n; i++) idx[i] = i
    const nv = isFloat ? argNansLast(tmp as Float64Array, idx, n) : n
    argSelectMany(tmp as Sortable, idx, 0, nv, plan.kth.filter((k) => k < nv))
    const w0 = 2 * dstBase(plan, l)
    const ws = 2 * plan.dstStride
    for (let i = 0, p = w0; i < n; i++, p += ws) { words[p] = idx[i]!; words[p + 1] = 0 }
  }
})

// ------------------------------------------------------------------------------------------------ quantiles

/** What a quantile lane computes. */
export interface QuantileSpec {
  /** 'median': NumPy's median (mean of the middle one or two); 'quantile': `method` at each of `qs`. */
  readonly kind: 'median' | 'quantile'
  readonly method: QuantileMethod
  /** Quantiles in [0, 1] (float64), in the result's q order. */
  readonly qs: readonly number[]
  /** Interpolation arithmetic (see quantile-math.ts). */
  readonly mode: LerpMode
  /** nan- variant: NaNs are dropped from each lane (an all-NaN lane gives NaN); otherwise any NaN gives NaN. */
  readonly skipNaN: boolean
  /** The input dtype (float16: the lanes hold its float32 shadow, the arithmetic is NumPy's float16). */
  readonly dtype: DTypeName
  /** float16 nanmedian through NumPy's masked-array median (see quantile-math.ts maMedianHalf). */
  readonly maMedian?: boolean
}

/** Plan of 'quantileLanes'. */
export interface QuantilePlan extends LaneLayout {
  readonly spec: QuantileSpec
  /** The result, C-contiguous (Q, M): quantile j of lane l at resOffset + j·M + l. */
  readonly res: Mem
  readonly resOffset: number
}

/** The ranks a lane of nn valid values needs for spec, ascending and distinct, and each q's point. */
export function ranksFor(spec: QuantileSpec, nn: number): { ranks: number[]; points: QPoint[] } {
  if (spec.kind === 'median') {
    const h = nn >> 1
    const ranks = nn % 2 === 1 ? [h] : [h - 1, h]
    return { ranks, points: [] }
  }
  const points = spec.qs.map((q) => quantilePoint(spec.method, nn, q))
  const set = new Set<number>()
  for (const p of points) { set.add(p.i); if (!p.take) set.add(p.j) }
  return { ranks: [...set].sort((x, y) => x - y), points }
}

/**
 * Write lane l's results from its order statistics (`at(rank)`, ranks among nn valid values): NaN when the lane
 * is all NaN (nn = 0) or, without skipNaN, holds a NaN (`hasNaN`).
 */
export function writeLaneResults(spec: QuantileSpec, res: TypedArray, resOffset: number, M: number, l: number, nn: number, hasNaN: boolean,
  points: readonly QPoint[], at: (rank: number) => number | bigint): void {
  const r = res as unknown as (number | bigint)[]
  const Q = spec.kind === 'median' ? 1 : spec.qs.length
  if (hasNaN || nn === 0) {
    for (let j = 0; j < Q; j++) r[resOffset + j * M + l] = NaN
    return
  }
  if (spec.kind === 'median') {
    const h = nn >> 1
    const even = nn % 2 === 0
    if (spec.maMedian === true) {
      r[resOffset + l] = maMedianHalf(Number(at(even ? h - 1 : h)), Number(at(h)))
      return
    }
    r[resOffset + l] = even ? medianOf(spec.dtype, at(h - 1), at(h), true) : medianOf(spec.dtype, at(h), at(h), false)
    return
  }
  const discrete = isDiscrete(spec.method)
  for (let j = 0; j < Q; j++) {
    const p = points[j]!
    const o = resOffset + j * M + l
    if (discrete) r[o] = at(p.i)
    else r[o] = lerp(spec.dtype, spec.mode, at(p.i), at(p.j), p.g)
  }
}

defineUnitKernel<QuantilePlan>('quantileLanes', (plan, start, end) => {
  const spec = plan.spec
  const src = typedView(plan.src.buffer, plan.src.dtype)
  const res = typedView(plan.res.buffer, plan.res.dtype)
  const n = plan.n
  const isFloat = plan.src.dtype === 'float32' || plan.src.dtype === 'float64'
  const tmp = scratch(plan.src.dtype, n)
  const t = tmp as unknown as (number | bigint)[]
  const at = (k: number): number | bigint => t[k]!
  const full = ranksFor(spec, n)
  const l0 = start * plan.lanesPerUnit
  const l1 = Math.min(plan.M, end * plan.lanesPerUnit)
  for (let l = l0; l < l1; l++) {
    gatherLane(src, laneBase(plan, l), plan.laneShape, plan.laneStrides, tmp)
    const nv = isFloat ? nansLast(tmp as Float64Array, n) : n
    if (nv < n && !spec.skipNaN) {
      writeLaneResults(spec, res, plan.resOffset, plan.M, l, nv, true, [], at)
      continue
    }
    const rp = nv === n ? full : ranksFor(spec, nv)
    if (nv > 0) selectMany(tmp as Sortable, 0, nv, rp.ranks)
    writeLaneResults(spec, res, plan.resOffset, plan.M, l, nv, false, rp.points, at)
  }
})
