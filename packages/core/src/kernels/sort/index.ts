/**
 * The unit kernels of sort, argsort, ndarray.sort and lexsort (ops/sort/). Every unit writes memory no other unit
 * of its job touches, and every sort is NumPy's stable order (radix.ts), so any split of a job's units gives
 * the same bits:
 *
 *  - 'sortLanes': a unit sorts a fixed group of whole lanes along the axis into the destination (values, int64
 *    indices, or the lanes themselves for the in-place sort);
 *  - 'sortRuns': for few long lanes, a unit sorts one fixed-size run of a lane into scratch (values, and the
 *    lane indices for argsort);
 *  - 'sortMerge': one round of pairwise stable merges of sorted runs (left run first on ties); a unit produces
 *    one fixed-size chunk of a lane's output, finding where its chunk starts in both runs by co-ranking (a
 *    binary search), so the chunks of one merge are independent. The last round writes the destination;
 *  - 'lexsortLanes': a unit lexsorts a fixed group of lanes (stable sorts by each key, primary key last).
 */
import type { ArrayDescriptor } from '../../descriptor.js'
import { DTYPES, typedView, type DTypeName, type TypedArray } from '../../dtype.js'
import { defineUnitKernel } from '../units.js'
import { argsortRun, gather, laneOffset, lessF, localBuffer, scatter, sortRun } from './radix.js'

/** What a sort writes: the sorted values, or their int64 indices along the axis. */
export type SortMode = 'values' | 'indices'

/** Plan of 'sortLanes'. src and dst have the same shape; lanes run along `axis`. */
export interface SortLanesPlan {
  readonly src: ArrayDescriptor
  readonly dst: ArrayDescriptor
  readonly axis: number
  readonly mode: SortMode
  readonly nLanes: number
  readonly lanesPerUnit: number
}

/** Plan of 'sortRuns': lane `l`'s run `r` covers [r*run, min(L, (r+1)*run)) and goes to vals/idx[l*L + ...]. */
export interface SortRunsPlan {
  readonly src: ArrayDescriptor
  readonly axis: number
  readonly nLanes: number
  readonly runsPerLane: number
  readonly run: number
  readonly vals: ArrayDescriptor
  readonly idx: ArrayDescriptor | null
}

/** Plan of 'sortMerge': merge runs of `width` pairwise; unit u makes chunk u % chunksPerLane of lane u / chunksPerLane. */
export interface SortMergePlan {
  readonly vals: ArrayDescriptor
  readonly idx: ArrayDescriptor | null
  readonly L: number
  readonly width: number
  readonly chunk: number
  readonly chunksPerLane: number
  /** Scratch of the next round, or null in the last round. */
  readonly outVals: ArrayDescriptor | null
  readonly outIdx: ArrayDescriptor | null
  /** The last round's destination (lanes along `axis`), or null. */
  readonly final: { readonly dst: ArrayDescriptor; readonly axis: number; readonly mode: SortMode } | null
}

/** Plan of 'lexsortLanes': keys (all of one shape), the int64 destination of the same shape, lanes along axis. */
export interface LexsortLanesPlan {
  readonly keys: readonly ArrayDescriptor[]
  readonly dst: ArrayDescriptor
  readonly axis: number
  readonly nLanes: number
  readonly lanesPerUnit: number
}

type Elems = { [k: number]: number | bigint }

/** Write the indices idx[0, n) (plus `add`) into int64 elements dst[o + k*s] as two 32-bit words. */
function writeIndices(words: Uint32Array, o: number, s: number, idx: Int32Array, n: number, add: number): void {
  for (let k = 0; k < n; k++) {
    const e = 2 * (o + k * s)
    words[e] = idx[k]! + add
    words[e + 1] = 0
  }
}

function u32(d: ArrayDescriptor): Uint32Array {
  return new Uint32Array(d.buffer, 0, Math.floor(d.buffer.byteLength / 4))
}

defineUnitKernel<SortLanesPlan>('sortLanes', (p, start, end) => {
  const { src, dst, axis, mode } = p
  const L = src.shape[axis]!
  const dt = src.dtype
  const sd = typedView(src.buffer, dt)
  const dd = mode === 'values' ? typedView(dst.buffer, dst.dtype) : null
  const words = mode === 'indices' ? u32(dst) : null
  const ss = src.strides[axis]!
  const ds = dst.strides[axis]!
  const v = localBuffer(dt, L)
  const l1 = Math.min(p.nLanes, end * p.lanesPerUnit)
  for (let lane = start * p.lanesPerUnit; lane < l1; lane++) {
    gather(sd, laneOffset(src.shape, src.strides, src.offset, axis, lane), ss, L, v)
    const o = laneOffset(dst.shape, dst.strides, dst.offset, axis, lane)
    if (words !== null) writeIndices(words, o, ds, argsortRun(v, dt, L), L, 0)
    else { sortRun(v, dt, L); scatter(dd!, o, ds, L, v) }
  }
})

defineUnitKernel<SortRunsPlan>('sortRuns', (p, start, end) => {
  const { src, axis, run } = p
  const L = src.shape[axis]!
  const dt = src.dtype
  const sd = typedView(src.buffer, dt)
  const ss = src.strides[axis]!
  const valsView = typedView(p.vals.buffer, dt)
  const vals = valsView as unknown as Elems
  const idx = p.idx === null ? null : (typedView(p.idx.buffer, 'int32') as Int32Array)
  const v = localBuffer(dt, run)
  const vv = v as unknown as Elems
  for (let u = start; u < end; u++) {
    const lane = Math.floor(u / p.runsPerLane)
    const r0 = (u % p.runsPerLane) * run
    const n = Math.min(run, L - r0)
    if (n <= 0) continue
    gather(sd, laneOffset(src.shape, src.strides, src.offset, axis, lane) + r0 * ss, ss, n, v)
    const ov = p.vals.offset + lane * L + r0
    if (idx === null) {
      sortRun(v, dt, n)
      scatter(valsView, ov, 1, n, v)
    } else {
      const perm = argsortRun(v, dt, n)
      for (let k = 0; k < n; k++) vals[ov + k] = vv[perm[k]!]!
      const oi = p.idx!.offset + lane * L + r0
      for (let k = 0; k < n; k++) idx[oi + k] = perm[k]! + r0
    }
  }
})

/**
 * How many of the first k elements of the stable merge of A = x[a, a + na) and B = x[b, b + nb) come from A
 * (ties: A first).
 */
function coRank(x: Elems, a: number, na: number, b: number, nb: number, k: number, float: boolean): number {
  let lo = Math.max(0, k - nb)
  let hi = Math.min(k, na)
  while (lo < hi) {
    const i = (lo + hi) >>> 1
    const j = k - i
    // B[j-1] >= A[i] (A[i] comes first): more of A is taken
    const bj = x[b + j - 1]!
    const ai = x[a + i]!
    const bBeforeA = float ? lessF(bj as number, ai as number) : bj < ai
    if (!bBeforeA) lo = i + 1
    else hi = i
  }
  return lo
}

/**
 * Emit `count` elements of the stable merge of A = x[a, a + na) and B = x[b, b + nb), starting at A[i], B[j]:
 * values to ov[oo + m*os] (when ov is given) and the indices xi[...] to oi[io + m*is] (when xi is given).
 */
function mergeFloat(x: Float64Array, a: number, na: number, b: number, nb: number, i: number, j: number, count: number,
  ov: Float64Array, oo: number, os: number): void {
  for (let m = 0; m < count; m++) {
    let y: number
    if (i < na && (j >= nb || !lessF(x[b + j]!, x[a + i]!))) y = x[a + i++]!
    else y = x[b + j++]!
    ov[oo + m * os] = y
  }
}

function mergeOther(x: Elems, a: number, na: number, b: number, nb: number, i: number, j: number, count: number,
  ov: Elems, oo: number, os: number): void {
  for (let m = 0; m < count; m++) {
    let y: number | bigint
    if (i < na && (j >= nb || !(x[b + j]! < x[a + i]!))) y = x[a + i++]!
    else y = x[b + j++]!
    ov[oo + m * os] = y
  }
}

function mergeIdx(x: Elems, float: boolean, xi: Int32Array, a: number, ia: number, na: number, b: number, ib: number, nb: number,
  i: number, j: number, count: number, ov: Elems | null, oo: number, os: number, oi: Int32Array | Uint32Array, io: number, is: number): void {
  for (let m = 0; m < count; m++) {
    let fromA: boolean
    if (i >= na) fromA = false
    else if (j >= nb) fromA = true
    else fromA = float ? !lessF(x[b + j] as number, x[a + i] as number) : !(x[b + j]! < x[a + i]!)
    if (fromA) { if (ov !== null) ov[oo + m * os] = x[a + i]!; oi[io + m * is] = xi[ia + i]!; i++ }
    else { if (ov !== null) ov[oo + m * os] = x[b + j]!; oi[io + m * is] = xi[ib + j]!; j++ }
  }
}

defineUnitKernel<SortMergePlan>('sortMerge', (p, start, end) => {
  const dt = p.vals.dtype
  const float = dt === 'float32' || dt === 'float64'
  const f64 = dt === 'float64'
  const x = typedView(p.vals.buffer, dt)
  const xe = x as unknown as Elems
  const xi = p.idx === null ? null : (typedView(p.idx.buffer, 'int32') as Int32Array)
  const L = p.L
  const w = p.width
  const fin = p.final
  // where the merged values / indices go
  let ov: TypedArray | null = null
  let oi: Int32Array | Uint32Array | null = null
  let vs = 1
  let is = 1
  if (fin === null) {
    ov = typedView(p.outVals!.buffer, dt)
    if (p.outIdx !== null) oi = typedView(p.outIdx.buffer, 'int32') as Int32Array
  } else {
    const ds = fin.dst.strides[fin.axis]!
    if (fin.mode === 'values') { ov = typedView(fin.dst.buffer, dt); vs = ds }
    else { oi = u32(fin.dst); is = 2 * ds }
  }
  for (let u = start; u < end; u++) {
    const lane = Math.floor(u / p.chunksPerLane)
    const k0 = (u % p.chunksPerLane) * p.chunk
    const k1 = Math.min(L, k0 + p.chunk)
    if (k0 >= k1) continue
    const base = p.vals.offset + lane * L
    const ibase = p.idx === null ? 0 : p.idx.offset + lane * L
    // element k of this lane's output goes to ov[vo + k*vs] and oi[io + k*is]
    let vo: number
    let io: number
    if (fin === null) {
      vo = p.outVals!.offset + lane * L
      io = p.outIdx === null ? 0 : p.outIdx.offset + lane * L
    } else {
      const o = laneOffset(fin.dst.shape, fin.dst.strides, fin.dst.offset, fin.axis, lane)
      vo = o
      io = 2 * o
    }
    for (let k = k0; k < k1;) {
      const pLo = Math.floor(k / (2 * w)) * 2 * w
      const mid = Math.min(pLo + w, L)
      const pHi = Math.min(pLo + 2 * w, L)
      const segEnd = Math.min(k1, pHi)
      const na = mid - pLo
      const nb = pHi - mid
      const i = coRank(xe, base + pLo, na, base + mid, nb, k - pLo, float)
      const j = k - pLo - i
      const count = segEnd - k
      if (xi === null) {
        if (f64) mergeFloat(x as Float64Array, base + pLo, na, base + mid, nb, i, j, count, ov as Float64Array, vo + k * vs, vs)
        else if (float) mergeIdxless(xe, base + pLo, na, base + mid, nb, i, j, count, ov as unknown as Elems, vo + k * vs, vs)
        else mergeOther(xe, base + pLo, na, base + mid, nb, i, j, count, ov as unknown as Elems, vo + k * vs, vs)
      } else {
        mergeIdx(xe, float, xi, base + pLo, ibase + pLo, na, base + mid, ibase + mid, nb, i, j, count,
          ov === null ? null : (ov as unknown as Elems), vo + k * vs, vs, oi!, io + k * is, is)
      }
      k = segEnd
    }
  }
})

/** mergeFloat for float32 (NaN-aware compare on any float array). */
function mergeIdxless(x: Elems, a: number, na: number, b: number, nb: number, i: number, j: number, count: number,
  ov: Elems, oo: number, os: number): void {
  for (let m = 0; m < count; m++) {
    let y: number | bigint
    if (i < na && (j >= nb || !lessF(x[b + j] as number, x[a + i] as number))) y = x[a + i++]!
    else y = x[b + j++]!
    ov[oo + m * os] = y
  }
}

defineUnitKernel<LexsortLanesPlan>('lexsortLanes', (p, start, end) => {
  const { keys, dst, axis } = p
  const L = dst.shape[axis]!
  const words = u32(dst)
  const ds = dst.strides[axis]!
  const views = keys.map((k) => typedView(k.buffer, k.dtype))
  let perm = new Int32Array(L)
  let next = new Int32Array(L)
  const l1 = Math.min(p.nLanes, end * p.lanesPerUnit)
  for (let lane = start * p.lanesPerUnit; lane < l1; lane++) {
    for (let k = 0; k < L; k++) perm[k] = k
    // least significant key first: a stable sort by each key in turn, the last (primary) key last
    for (let q = 0; q < keys.length; q++) {
      const key = keys[q]!
      const v = localBuffer(key.dtype, L)
      const vv = v as unknown as Elems
      const kv = views[q] as unknown as Elems
      const o = laneOffset(key.shape, key.strides, key.offset, axis, lane)
      const s = key.strides[axis]!
      for (let k = 0; k < L; k++) vv[k] = kv[o + perm[k]! * s]!
      const r = argsortRun(v, key.dtype, L)
      for (let k = 0; k < L; k++) next[k] = perm[r[k]!]!
      const t = perm; perm = next; next = t
    }
    writeIndices(words, laneOffset(dst.shape, dst.strides, dst.offset, axis, lane), ds, perm, L, 0)
  }
})
