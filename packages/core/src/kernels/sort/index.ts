/**
 * The unit kernels of sort, argsort, ndarray.sort and lexsort (ops/sort/). Every unit writes memory no other unit
 * of its job touches, and every sort is NumPy's stable order (radix.ts), so any split of a job's units gives
 * the same bits:
 *
 *  - 'sortLanes': a unit sorts a fixed group of whole lanes along the axis into the destination (values, int64
 *    indices, or the lanes themselves for the in-place sort);
 *  - long lanes: the steps of kernels/sort/long.ts;
 *  - 'lexsortLanes': a unit lexsorts a fixed group of lanes (stable sorts by each key, primary key last).
 */
import type { ArrayDescriptor } from '../../descriptor.js'
import { typedView } from '../../dtype.js'
import { defineUnitKernel } from '../units.js'
import { argsortLane, argsortRun, laneOffset, localBuffer, sortLane } from './radix.js'
import './long.js'

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
  const l1 = Math.min(p.nLanes, end * p.lanesPerUnit)
  for (let lane = start * p.lanesPerUnit; lane < l1; lane++) {
    const so = laneOffset(src.shape, src.strides, src.offset, axis, lane)
    const o = laneOffset(dst.shape, dst.strides, dst.offset, axis, lane)
    if (words !== null) writeIndices(words, o, ds, argsortLane(sd, so, ss, dt, L), L, 0)
    else sortLane(sd, so, ss, dd!, o, ds, dt, L)
  }
})

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
