/**
 * The driver side of the parallel radix select of one long lane (kernels/select/radix.ts): a histogram job, the
 * bins holding the wanted ranks, a gather job of their candidates, the last selection inside each bin on the
 * calling thread; and for partition a scatter job that writes the whole partitioned lane. Unit counts depend only
 * on the lane length, so every result is the same for any thread count.
 */
import { typedView, type DTypeName } from '../../dtype.js'
import type { UnitsJob } from '../../kernels/job.js'
import { prepareCopy } from '../../kernels/copy.js'
import { NDArray } from '../../ndarray.js'
import type { OpDriver } from '../driver.js'
import { selectMany, type Sortable } from '../../kernels/select/select.js'
import { RADIX_BINS, type FlatLane, type RadixGatherPlan, type RadixHistPlan, type RadixScatterPlan } from '../../kernels/select/radix.js'

/** Units of a lane of n elements (≥ 2 per thread for 16 threads when long). */
function unitsFor(n: number): number {
  return Math.min(32, Math.ceil(n / 65536))
}

/** C-order strides (elements) of a shape. */
export function cStrides(shape: readonly number[]): number[] {
  const st = new Array<number>(shape.length)
  let acc = 1
  for (let k = shape.length - 1; k >= 0; k--) { st[k] = acc; acc *= shape[k]! }
  return st
}

/** A lane of the input as one stride (dims that coalesce), or null. */
function flatStride(shape: readonly number[], strides: readonly number[]): number | null {
  const dims: [number, number][] = []
  for (let k = 0; k < shape.length; k++) if (shape[k] !== 1) dims.push([shape[k]!, strides[k]!])
  if (dims.length === 0) return 1
  for (let k = 0; k + 1 < dims.length; k++) if (dims[k]![1] !== dims[k + 1]![1] * dims[k + 1]![0]) return null
  return dims[dims.length - 1]![1]
}

/**
 * The lanes of `a` as flat lanes (one stride each): in place when the lane axes coalesce, else after a copy job into
 * a contiguous scratch.
 */
export function* flatLanes(a: NDArray, outerShape: readonly number[], outerStrides: readonly number[], laneShape: readonly number[], laneStrides: readonly number[]): OpDriver<(l: number) => FlatLane> {
  let n = 1
  for (const s of laneShape) n *= s
  const chunk = Math.ceil(n / unitsFor(n))
  const dt = a.dtype
  const stride = flatStride(laneShape, laneStrides)
  if (stride !== null) {
    return (l) => {
      let off = a.offset
      let q = l
      for (let k = outerShape.length - 1; k >= 0; k--) {
        const nk = outerShape[k]!
        off += (q % nk) * outerStrides[k]!
        q = Math.floor(q / nk)
      }
      return { src: { buffer: a.buffer, dtype: dt }, offset: off, stride, n, chunk }
    }
  }
  let M = 1
  for (const s of outerShape) M *= s
  const tmp = NDArray.alloc([M, n], dt, 'C', false)
  const shape = [...outerShape, ...laneShape]
  const from = { buffer: a.buffer, dtype: dt, shape, strides: [...outerStrides, ...laneStrides], offset: a.offset }
  const p = prepareCopy({ buffer: tmp.buffer, dtype: dt, shape, strides: cStrides(shape), offset: tmp.offset }, from)
  yield p.job
  p.finish()
  // the closure keeps tmp (and so its arena block) alive while the lanes are in use
  return (l) => ({ src: { buffer: tmp.buffer, dtype: dt }, offset: tmp.offset + l * n, stride: 1, n, chunk })
}

/** A lane's histogram: per-unit rows and their totals. */
export interface RadixState {
  units: number
  /** Per-unit rows of RADIX_BINS + 1 counts (h[rowAt + u·(RADIX_BINS+1) + bin]). */
  h: Int32Array
  rowAt: number
  total: Float64Array
  /** start[b]: how many non-NaN elements lie in bins below b. */
  start: Float64Array
  nanCount: number
  /** Keeps the histogram's arena block alive. */
  hist: NDArray
}

/** Job 1: the histogram of the lane's prefixes. */
export function* radixHistogram(lane: FlatLane): OpDriver<RadixState> {
  const units = unitsFor(lane.n)
  const row = RADIX_BINS + 1
  const hist = NDArray.alloc([units * row], 'int32', 'C', true)
  const plan: RadixHistPlan = { ...lane, hist: { buffer: hist.buffer, dtype: 'int32' }, histOffset: hist.offset }
  yield { kind: 'units', op: 'radixHist', plan, units, elementsPerUnit: lane.chunk, cost: 1 } satisfies UnitsJob
  const h = typedView(hist.buffer, 'int32') as Int32Array
  const total = new Float64Array(row)
  for (let u = 0; u < units; u++) {
    const base = hist.offset + u * row
    for (let b = 0; b < row; b++) total[b]! += h[base + b]!
  }
  const start = new Float64Array(RADIX_BINS + 1)
  for (let b = 0; b < RADIX_BINS; b++) start[b + 1] = start[b]! + total[b]!
  return { units, h, rowAt: hist.offset, total, start, nanCount: total[RADIX_BINS]!, hist }
}

/** The bin holding non-NaN rank r. */
export function binOf(st: RadixState, r: number): number {
  let lo = 0, hi = RADIX_BINS - 1
  while (lo < hi) { const mid = (lo + hi + 1) >> 1; if (st.start[mid]! <= r) lo = mid; else hi = mid - 1 }
  return lo
}

/** The candidates of the wanted bins, with each wanted rank selected in place. */
export interface Candidates {
  /** Wanted bins, ascending, and where each one's candidates start in dst (relative to dst.offset). */
  bins: number[]
  binStart: number[]
  dst: NDArray
  /** The value of a wanted rank. */
  at: (rank: number) => number | bigint
}

/** Job 2 (gather) and the selection inside the wanted bins, for `ranks` (non-NaN ranks, ascending). */
export function* radixCandidates(lane: FlatLane, st: RadixState, ranks: readonly number[]): OpDriver<Candidates> {
  const dt: DTypeName = lane.src.dtype
  const bins = [...new Set(ranks.map((r) => binOf(st, r)))].sort((x, y) => x - y)
  const T = bins.length
  const row = RADIX_BINS + 1
  const binStart: number[] = []
  let sz = 0
  for (const b of bins) { binStart.push(sz); sz += st.total[b]! }
  const offsets = new Array<number>(st.units * T)
  for (let t = 0; t < T; t++) {
    let acc = binStart[t]!
    for (let u = 0; u < st.units; u++) { offsets[u * T + t] = acc; acc += st.h[st.rowAt + u * row + bins[t]!]! }
  }
  const dst = NDArray.alloc([Math.max(1, sz)], dt, 'C', false)
  const plan: RadixGatherPlan = { ...lane, bins, offsets, dst: { buffer: dst.buffer, dtype: dt }, dstOffset: dst.offset }
  yield { kind: 'units', op: 'radixGather', plan, units: st.units, elementsPerUnit: lane.chunk, cost: 1 } satisfies UnitsJob
  const dv = typedView(dst.buffer, dt) as Sortable
  const where = new Map<number, number>()
  for (let t = 0; t < T; t++) {
    const b = bins[t]!
    const lo = dst.offset + binStart[t]!
    const hi = lo + st.total[b]!
    const mine = ranks.filter((r) => binOf(st, r) === b)
    const local = mine.map((r) => lo + (r - st.start[b]!))
    selectMany(dv, lo, hi, local)
    mine.forEach((r, i) => where.set(r, local[i]!))
  }
  const dd = dv as unknown as (number | bigint)[]
  return { bins, binStart, dst, at: (r) => dd[where.get(r)!]! }
}

/**
 * Job 3 (partition): write the partitioned lane to out[outOffset + i·outStride]: the elements of each region
 * between wanted bins in unit order, each wanted bin's selected candidates in place, NaNs last.
 */
export function* radixScatter(lane: FlatLane, st: RadixState, c: Candidates, out: NDArray, outOffset: number, outStride: number): OpDriver<void> {
  const T = c.bins.length
  const R = T + 2
  const row = RADIX_BINS + 1
  // region r < T+1: the bins between wanted bins r-1 and r; region T+1: NaNs
  const regionStart = new Array<number>(R)
  const edges = [-1, ...c.bins, RADIX_BINS]
  for (let r = 0; r <= T; r++) regionStart[r] = st.start[edges[r]! + 1]!
  regionStart[T + 1] = lane.n - st.nanCount
  const offsets = new Array<number>(st.units * R)
  for (let r = 0; r < R; r++) {
    let acc = regionStart[r]!
    for (let u = 0; u < st.units; u++) {
      offsets[u * R + r] = acc
      const base = st.rowAt + u * row
      if (r === T + 1) acc += st.h[base + RADIX_BINS]!
      else for (let b = edges[r]! + 1; b < edges[r + 1]!; b++) acc += st.h[base + b]!
    }
  }
  const plan: RadixScatterPlan = { ...lane, bins: c.bins, offsets, out: { buffer: out.buffer, dtype: out.dtype }, outOffset, outStride }
  yield { kind: 'units', op: 'radixScatter', plan, units: st.units, elementsPerUnit: lane.chunk, cost: 1.5 } satisfies UnitsJob
  // the wanted bins' candidates, selected, at their ranks
  const dv = typedView(c.dst.buffer, c.dst.dtype) as unknown as (number | bigint)[]
  const ov = typedView(out.buffer, out.dtype) as unknown as (number | bigint)[]
  for (let t = 0; t < T; t++) {
    const b = c.bins[t]!
    const from = c.dst.offset + c.binStart[t]!
    const to = st.start[b]!
    const cnt = st.total[b]!
    for (let i = 0; i < cnt; i++) ov[outOffset + (to + i) * outStride] = dv[from + i]!
  }
}
