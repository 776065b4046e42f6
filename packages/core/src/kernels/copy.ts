/**
 * Strided copy with dtype cast: dst[i] = cast(src[i]) for every logical index i. `src` must already have dst's
 * shape (broadcast with stride 0 where needed). Used by copy(), astype(), reshape copies, flatten, assignment, and
 * by the ufunc layer for its temporaries.
 *
 * Semantics (NumPy's array assignment, spec §1.7):
 *  - copy-first: when src and dst lie in the same buffer and their byte extents intersect (NumPy's bounds-only
 *    test, mayShareMemory), src is copied to a temporary first, so `a[1:] = a[:-1]` shifts;
 *  - a dst with internal overlap (stride-0 axes, sliding windows) is written in NumPy's raw-assignment order
 *    (axes by |dst stride| descending, ties in axis order, negative dst strides walked backwards): last write wins;
 *  - casts are C casts as NumPy does them on x86-64 for in-range values: ints wrap, floats truncate into ints,
 *    float64 → float32 rounds to nearest, int64/uint64 → float32 rounds once (no double rounding), anything → bool
 *    is "non-zero" (NaN is true).
 *
 * Speed: plain moves use TypedArray.set for contiguous runs, generated per-class strided loops otherwise, and a
 * blocked transpose (32×32 tiles, 4 columns per pass) when src's and dst's memory orders differ.
 */
import type { ArrayDescriptor } from '../descriptor.js'
import { DTYPES, typedView, type DTypeName, type TypedArray } from '../dtype.js'
import { ShapeError } from '../errors.js'
import { castStored } from '../scalar.js'
import { HALF_VALUES, decodeHalves, toHalfBits } from '../float16.js'
import { internalOverlapOutcome, mayShareMemory } from '../overlap/index.js'
import { contiguousStrides } from '../shape.js'
import { CAST_KERNELS, MOVE_KERNELS } from './generated/copy.js'
import type { ElementwiseJob } from './job.js'
import { Cursor, makeLoopPlan, type LoopPlan } from './loop-plan.js'
import { sameMemory } from '../memory/arena.js'

type Move = (n: number, d: unknown, dO: number, dS: number, s: unknown, sO: number, sS: number) => void
type Tile = (w: number, i0: number, i1: number, d: unknown, dB: number, d0: number, d1: number, s: unknown, sB: number, s0: number, s1: number) => void

/** Width of a transpose block along the destination's inner axis (rows are blocked by 32 inside the tile kernel). */
export const TILE = 32

// ------------------------------------------------------------------------------------------------ public API

/** Copy src into dst (same shape) with cast; see the module comment for overlap semantics. */
export function copyInto(dst: ArrayDescriptor, src: ArrayDescriptor): void {
  const { job, finish } = prepareCopy(dst, src)
  runCopy(job, 0, job.size)
  finish()
}

/**
 * Build the copy job (op 'copy', operands [dst, src]) for the worker pool: any split of [0, job.size) gives the same
 * result. Overlap is resolved here on the calling thread (copy-first temporary), and a dst with internal overlap
 * is written in `finish` in NumPy's order (its job has size 0). Call finish() after the job has run.
 */
export function prepareCopy(dst: ArrayDescriptor, src: ArrayDescriptor): { job: ElementwiseJob; finish: () => void } {
  checkSameShape(dst, src)
  let size = 1
  for (const n of dst.shape) size *= n
  const noop = { job: copyJob(dst, src, 0), finish: () => {} }
  if (size === 0) return noop
  let s = src
  if (sameMemory(dst.buffer, src.buffer)) {
    if (sameView(dst, src)) return noop
    if (mayShareMemory(dst, src)) s = tempCopy(src, dst)
  }
  if (!surelyNoInternalOverlap(dst) && internalOverlapOutcome(dst, 4096) !== 'no') {
    const from = s
    return { job: copyJob(dst, from, 0), finish: () => orderedCopy(dst, from) }
  }
  return { job: copyJob(dst, s, size), finish: () => {} }
}

function copyJob(dst: ArrayDescriptor, src: ArrayDescriptor, size: number): ElementwiseJob {
  const ds = DTYPES[dst.dtype].itemsize
  return { kind: 'elementwise', op: 'copy', operands: [desc(dst), desc(src)], size, grain: Math.max(1, 64 / ds), cost: 1 }
}

function desc(a: ArrayDescriptor): ArrayDescriptor {
  return { buffer: a.buffer, dtype: a.dtype, shape: [...a.shape], strides: [...a.strides], offset: a.offset }
}

function checkSameShape(dst: ArrayDescriptor, src: ArrayDescriptor): void {
  const a = dst.shape
  const b = src.shape
  if (a.length !== b.length || a.some((n, i) => n !== b[i])) {
    throw new ShapeError(`copy: source shape (${b.join(', ')}) does not match destination shape (${a.join(', ')}); broadcast the source first`)
  }
}

function sameView(a: ArrayDescriptor, b: ArrayDescriptor): boolean {
  return sameMemory(a.buffer, b.buffer) && a.dtype === b.dtype && a.offset === b.offset &&
    a.shape.length === b.shape.length && a.shape.every((n, i) => n === b.shape[i] && (n <= 1 || a.strides[i] === b.strides[i]))
}

/**
 * Cheap sufficient test that a view has no internal overlap: sorted by |stride|, every axis' stride exceeds the
 * span of all inner axes. Views that fail it go to the exact checker; overlapping (or undecided) ones take the
 * ordered path, which is correct for any layout.
 */
function surelyNoInternalOverlap(a: ArrayDescriptor): boolean {
  const axes: number[] = []
  for (let d = 0; d < a.shape.length; d++) if (a.shape[d]! > 1) axes.push(d)
  axes.sort((x, y) => Math.abs(a.strides[x]!) - Math.abs(a.strides[y]!))
  let span = 0 // elements covered by the inner axes, minus one
  for (const d of axes) {
    const s = Math.abs(a.strides[d]!)
    if (s <= span) return false
    span += s * (a.shape[d]! - 1)
  }
  return true
}

/** A fresh contiguous copy of src (same dtype), laid out in the order of `like`'s strides. */
function tempCopy(src: ArrayDescriptor, like: ArrayDescriptor): ArrayDescriptor {
  const nd = src.shape.length
  const order = [...Array(nd).keys()].sort((x, y) => Math.abs(like.strides[y]!) - Math.abs(like.strides[x]!) || x - y)
  const permShape = order.map((d) => src.shape[d]!)
  const permStrides = contiguousStrides(permShape, 'C')
  const strides = new Array<number>(nd)
  order.forEach((d, i) => { strides[d] = permStrides[i]! })
  let size = 1
  for (const n of src.shape) size *= n
  const buffer = new SharedArrayBuffer(Math.max(size, 1) * DTYPES[src.dtype].itemsize)
  const t: ArrayDescriptor = { buffer, dtype: src.dtype, shape: [...src.shape], strides, offset: 0 }
  const job = copyJob(t, src, size)
  runCopy(job, 0, size)
  return t
}

/**
 * Write src into a dst with internal overlap in NumPy's raw-assignment order: axes sorted by |dst stride|
 * descending (ties: lower axis outer), negative dst strides walked backwards; later writes win.
 */
export function orderedCopy(dst: ArrayDescriptor, src: ArrayDescriptor): void {
  const nd = dst.shape.length
  const axes = [...Array(nd).keys()].sort((x, y) => Math.abs(dst.strides[y]!) - Math.abs(dst.strides[x]!) || x - y)
  const shape = axes.map((d) => dst.shape[d]!)
  const ds = axes.map((d) => dst.strides[d]!)
  const ss = axes.map((d) => src.strides[d]!)
  let dOff = dst.offset
  let sOff = src.offset
  for (let i = 0; i < nd; i++) {
    if (ds[i]! < 0) {
      dOff += ds[i]! * (shape[i]! - 1)
      sOff += ss[i]! * (shape[i]! - 1)
      ds[i] = -ds[i]!
      ss[i] = -ss[i]!
    }
  }
  const d = typedView(dst.buffer, dst.dtype) as unknown as Record<number, number | bigint>
  const s = typedView(src.buffer, src.dtype) as unknown as Record<number, number | bigint>
  const conv = converter(src.dtype, dst.dtype)
  let size = 1
  for (const n of shape) size *= n
  if (size === 0) return
  const idx = new Array<number>(nd).fill(0)
  for (let e = 0; e < size; e++) {
    d[dOff] = conv(s[sOff]!)
    for (let k = nd - 1; k >= 0; k--) {
      idx[k]!++
      dOff += ds[k]!
      sOff += ss[k]!
      if (idx[k]! < shape[k]!) break
      dOff -= ds[k]! * shape[k]!
      sOff -= ss[k]! * shape[k]!
      idx[k] = 0
    }
  }
}

// ------------------------------------------------------------------------------------------------ the kernel

interface CopyPlan {
  readonly plan: LoopPlan
  /** Blocked transpose over loop dims 0 (dst inner) and 1 (src inner). */
  readonly tile: boolean
  readonly move: boolean
}

let lastJob: ElementwiseJob | null = null
let lastPlan: CopyPlan | null = null

/** The copy plan of a job; cached like planOf in elementwise.ts (only when a chunk ran). */
function copyPlanOf(job: ElementwiseJob, keep: boolean): CopyPlan {
  if (job === lastJob) return lastPlan!
  let cp: CopyPlan
  const [dst, src] = job.operands as [ArrayDescriptor, ArrayDescriptor]
  const plan = makeLoopPlan([dst, src])
  const move = isMove(dst.dtype, src.dtype)
  let tile = false
  let p = plan
  if (move && plan.shape.length >= 2) {
    // src's innermost loop dimension
    const ss = plan.strides[1]!
    let t = 0
    for (let d = 1; d < plan.shape.length; d++) if (Math.abs(ss[d]!) < Math.abs(ss[t]!)) t = d
    if (t !== 0 && plan.shape[0]! >= 8 && plan.shape[t]! >= 8 && Math.abs(ss[0]!) > 1) {
      tile = true
      if (t !== 1) {
        const order = [0, t, ...[...Array(plan.shape.length).keys()].filter((d) => d !== 0 && d !== t)]
        p = {
          size: plan.size,
          shape: order.map((d) => plan.shape[d]!),
          strides: plan.strides.map((s) => order.map((d) => s[d]!)),
          offsets: plan.offsets,
        }
      }
    }
  }
  cp = { plan: p, tile, move }
  if (keep) {
    lastJob = job
    lastPlan = cp
  }
  return cp
}

/** Run the elements [start, end) of a copy job (the one function both the calling thread and workers use). */
export function runCopy(job: ElementwiseJob, start: number, end: number): void {
  if (end > job.size) end = job.size
  if (start >= end) return
  const cp = copyPlanOf(job, end - start < job.size)
  const [dst, src] = job.operands as [ArrayDescriptor, ArrayDescriptor]
  const d = typedView(dst.buffer, dst.dtype)
  const s = typedView(src.buffer, src.dtype)
  if (cp.tile) return runTiled(cp.plan, d, s, start, end)
  const plan = cp.plan
  const ds = plan.strides[0]![0]!
  const ss = plan.strides[1]![0]!
  const kernel = runKernel(dst.dtype, src.dtype, cp.move, ds === 1 && ss === 1)
  if (plan.shape.length === 1) {
    kernel(end - start, d, plan.offsets[0]! + start * ds, ds, s, plan.offsets[1]! + start * ss, ss)
    return
  }
  const cur = new Cursor(plan, start, end)
  let c: number
  while ((c = cur.next()) > 0) kernel(c, d, cur.offs[0]!, ds, s, cur.offs[1]!, ss)
}

function contiguousMove(n: number, d: unknown, dO: number, _dS: number, s: unknown, sO: number): void {
  const dd = d as TypedArray
  const sv = s as TypedArray
  if (n < 32) {
    const da = dd as unknown as Record<number, unknown>
    const sa = sv as unknown as Record<number, unknown>
    for (let i = 0; i < n; i++) da[dO + i] = sa[sO + i]
    return
  }
  ;(dd as Float64Array).set(sv.subarray(sO, sO + n) as Float64Array, dO)
}

/** Elements are moved as they are (same typed-array class, no conversion): not into bool, not between float16 and uint16. */
function isMove(to: DTypeName, from: DTypeName): boolean {
  if (to === 'bool' && from !== 'bool') return false
  if ((to === 'float16') !== (from === 'float16')) return false
  return DTYPES[to].TypedArray === DTYPES[from].TypedArray
}

function runKernel(to: DTypeName, from: DTypeName, move: boolean, contiguous: boolean): Move {
  const dC = DTYPES[to].TypedArray.name
  const sC = DTYPES[from].TypedArray.name
  if (move) return contiguous ? contiguousMove : (MOVE_KERNELS[dC]!.strided as unknown as Move)
  if (from === 'float16' || to === 'float16') return halfCast(from, to)
  const cast = CAST_KERNELS[`${sC}>${to === 'bool' ? 'bool' : dC}`]
  if (cast !== undefined) return cast as unknown as Move
  return bigCast(from, to)
}

const HALF_TILE = 1024
let halfScratch: Float32Array | null = null

/**
 * Casts from and to float16. From: the half's value (exact in float32) goes through the float32 → `to` cast, as
 * NumPy's half casts go through float. To: the source value (exact as a double, int64 through double) is rounded
 * once to the nearest half.
 */
function halfCast(from: DTypeName, to: DTypeName): Move {
  if (from === 'float16') {
    if (to === 'float32' || to === 'float64') {
      return (n, d, dO, dS, s, sO, sS) => {
        const dd = d as Float32Array
        const sv = s as Uint16Array
        const t = HALF_VALUES
        for (let i = 0, p = sO, r = dO; i < n; i++, p += sS, r += dS) dd[r] = t[sv[p]!]!
      }
    }
    const inner = runKernel(to, 'float32', false, false)
    return (n, d, dO, dS, s, sO, sS) => {
      const tile = (halfScratch ??= new Float32Array(HALF_TILE))
      for (let i = 0; i < n; i += HALF_TILE) {
        const c = Math.min(HALF_TILE, n - i)
        decodeHalves(c, tile, 0, s as Uint16Array, sO + i * sS, sS)
        inner(c, d, dO + i * dS, dS, tile, 0, 1)
      }
    }
  }
  if (DTYPES[from].bigint) {
    return (n, d, dO, dS, s, sO, sS) => {
      const dd = d as Uint16Array
      const sv = s as BigInt64Array
      for (let i = 0, p = sO, r = dO; i < n; i++, p += sS, r += dS) dd[r] = toHalfBits(Number(sv[p]!))
    }
  }
  const bool = from === 'bool'
  return (n, d, dO, dS, s, sO, sS) => {
    const dd = d as Uint16Array
    const sv = s as Float64Array
    const enc = toHalfBits
    if (bool) for (let i = 0, p = sO, r = dO; i < n; i++, p += sS, r += dS) dd[r] = sv[p] !== 0 ? 0x3c00 : 0
    else for (let i = 0, p = sO, r = dO; i < n; i++, p += sS, r += dS) dd[r] = enc(sv[p]!)
  }
}

/** Casts involving int64/uint64 (slow path, BigInt conversions). */
function bigCast(from: DTypeName, to: DTypeName): Move {
  const conv = converter(from, to)
  return (n, d, dO, dS, s, sO, sS) => {
    const dd = d as Record<number, number | bigint>
    const sv = s as Record<number, number | bigint>
    for (let i = 0, p = sO, r = dO; i < n; i++, p += sS, r += dS) dd[r] = conv(sv[p]!)
  }
}

const TWO_POW = (k: number): number => 2 ** k

/** int64/uint64 → float32 with a single rounding (NumPy's C cast), instead of Number() then fround. */
function bigToF32(v: bigint): number {
  const neg = v < 0n
  const m = neg ? -v : v
  if (m < 2n ** 53n) return Math.fround(Number(v))
  const bits = m.toString(2).length
  const shift = bits - 26
  const top = m >> BigInt(shift)
  const sticky = (m & ((1n << BigInt(shift)) - 1n)) !== 0n ? 1n : 0n
  const x = Number(top | sticky) * TWO_POW(shift)
  return Math.fround(neg ? -x : x)
}

/** Element converter between stored representations (general path). */
export function converter(from: DTypeName, to: DTypeName): (v: number | bigint) => number | bigint {
  if (to === 'float32' && DTYPES[from].bigint) return (v) => bigToF32(v as bigint)
  if (from === to) return (v) => v
  if (to === 'bool' && from === 'float16') return (v) => (((v as number) & 0x7fff) !== 0 ? 1 : 0)
  if (to === 'bool') return (v) => (typeof v === 'bigint' ? (v !== 0n ? 1 : 0) : v !== 0 ? 1 : 0)
  return (v) => castStored(v, from, to)
}

function runTiled(plan: LoopPlan, d: TypedArray, s: TypedArray, start: number, end: number): void {
  const kernels = MOVE_KERNELS[d.constructor.name]!
  const tile = kernels.tile as unknown as Tile
  const move = kernels.strided as unknown as Move
  const n0 = plan.shape[0]!
  const n1 = plan.shape[1]!
  const d0 = plan.strides[0]![0]!
  const d1 = plan.strides[0]![1]!
  const s0 = plan.strides[1]![0]!
  const s1 = plan.strides[1]![1]!
  const slab = n0 * n1
  const blockSize = TILE * n1
  const nd = plan.shape.length
  let e = start
  while (e < end) {
    // outer dims (2..): base offsets of this slab
    let outer = Math.floor(e / slab)
    let dBase = plan.offsets[0]!
    let sBase = plan.offsets[1]!
    for (let k = 2; k < nd; k++) {
      const n = plan.shape[k]!
      const i = outer % n
      outer = Math.floor(outer / n)
      dBase += i * plan.strides[0]![k]!
      sBase += i * plan.strides[1]![k]!
    }
    const slabStart = e - (e % slab)
    const slabEnd = Math.min(end, slabStart + slab)
    while (e < slabEnd) {
      const r = e - slabStart
      const b = Math.floor(r / blockSize)
      const j0 = b * TILE
      const w = Math.min(TILE, n0 - j0)
      const within = r - b * blockSize
      let i = Math.floor(within / w)
      let jj = within - i * w
      const blockEnd = Math.min(slabEnd, slabStart + b * blockSize + n1 * w)
      const bd = dBase + j0 * d0
      const bs = sBase + j0 * s0
      // partial first row
      if (jj > 0) {
        const c = Math.min(w - jj, blockEnd - e)
        move(c, d, bd + jj * d0 + i * d1, d0, s, bs + jj * s0 + i * s1, s0)
        e += c
        jj += c
        if (jj < w) continue
        i++
      }
      // full rows
      const rows = Math.floor((blockEnd - e) / w)
      if (rows > 0) {
        tile(w, i, i + rows, d, bd, d0, d1, s, bs, s0, s1)
        e += rows * w
        i += rows
      }
      // partial last row
      if (e < blockEnd) {
        const c = blockEnd - e
        move(c, d, bd + i * d1, d0, s, bs + i * s1, s0)
        e += c
      }
    }
  }
}
