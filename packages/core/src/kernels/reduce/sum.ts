/**
 * Sum kernels.
 *  - Float add-reduce (class pw): blocks of the plan's block grid, each reduced by PW (directly on the input
 *    when it is a single strided run in the loop dtype, otherwise gathered — and converted — into a buffer as
 *    NumPy's iterator does), accumulated `acc = acc + PW(block)` per output in iteration order; and the
 *    sequential outer-axis case (innermost dim kept): rows added element by element, 8 rows per pass over the
 *    accumulator row (each output still sees its elements strictly in order).
 *  - Fused variance (class pw with a mean array): the blocks of the squared deviations (a − m)² are summed
 *    without materialising them: PW nodes of ≤ 4096 elements are filled on the fly (pairwiseVirtual*).
 *  - Integer add-reduce (class isum): wrapping sums are order-free, so they use several accumulators; values
 *    are summed exactly in doubles (|partial| < 2^53) and flushed into bigint totals, then wrapped at the end.
 */
import { roundToHalf } from '../../float16.js'
import type { TypedArray } from '../../dtype.js'
import { pairwiseSum32, pairwiseSum32Strided, pairwiseSum64, pairwiseSum64Strided, pairwiseVirtual32, pairwiseVirtual64 } from './pairwise.js'
import { devState, halves, makeWalker, type Acc, type Box, type Walker } from './walk.js'

const fr = Math.fround
/** A float32 value rounded to the nearest half (float16 accumulators). */
const rh = roundToHalf
const TWO32 = 4294967296

// ------------------------------------------------------------------------------------------------ sources

/** How PW kernels read the input: directly (f64/f32), through number conversion, or int64 halves. */
export interface PwSource {
  readonly kind: 'f64' | 'f32' | 'num' | 'i64' | 'u64'
  readonly x: TypedArray
  /** Low and high 32-bit halves of int64/uint64 elements (element i at [2i], [2i+1]). */
  readonly lo: Uint32Array | null
  readonly hi: Int32Array | Uint32Array | null
}

export function pwSource(x: TypedArray, dtype: string): PwSource {
  if (dtype === 'float64') return { kind: 'f64', x, lo: null, hi: null }
  if (dtype === 'float32') return { kind: 'f32', x, lo: null, hi: null }
  if (dtype === 'int64' || dtype === 'uint64') {
    const buf = x.buffer
    const words = Math.floor(buf.byteLength / 4)
    return { kind: dtype === 'int64' ? 'i64' : 'u64', x, lo: new Uint32Array(buf, 0, words), hi: dtype === 'int64' ? new Int32Array(buf, 0, words) : new Uint32Array(buf, 0, words) }
  }
  return { kind: 'num', x, lo: null, hi: null }
}

/** Round an int64 given as halves (hi·2^32 + lo, exact) to float32 with a single rounding, as C's cast does. */
export function halvesToF32(hi: number, lo: number): number {
  const v = hi * TWO32 + lo
  if (v > -9007199254740992 && v < 9007199254740992) return fr(v)
  // |v| ≥ 2^53: fold the bits below 2^28 into a sticky bit, so the float64 conversion is exact
  const lo2 = ((lo & 0xf0000000) | ((lo & 0x0fffffff) !== 0 ? 0x08000000 : 0)) >>> 0
  return fr(hi * TWO32 + lo2)
}

let scratch64 = new Float64Array(8192)
let scratch32 = new Float32Array(8192)

/**
 * Copy elements [c0, c0+len) (flat, innermost first) of the slab at `base` (dims n[0..q), strides s[0..q))
 * into dst, converting to dst's dtype.
 */
function gather(src: PwSource, base: number, n: readonly number[], s: readonly number[], q: number, c0: number, len: number, dst: Float64Array | Float32Array): void {
  const n0 = n[0]!, s0 = s[0]!
  if (q === 1 && src.kind !== 'i64' && src.kind !== 'u64') {
    // one strided run: no multi-index
    const x = src.x as Float64Array
    let p = base + c0 * s0
    for (let t = 0; t < len; t++) { dst[t] = x[p]!; p += s0 }
    return
  }
  // multi-index of c0
  const cnt = new Array<number>(q).fill(0)
  let rem = c0
  let row = base
  for (let k = 0; k < q; k++) {
    const nk = n[k]!
    const ik = rem % nk
    rem = (rem - ik) / nk
    cnt[k] = ik
    if (k > 0) row += ik * s[k]!
  }
  let i0 = cnt[0]!
  let j = 0
  const kind = src.kind
  const f32dst = dst instanceof Float32Array
  while (j < len) {
    const take = Math.min(n0 - i0, len - j)
    let p = row + i0 * s0
    if (kind === 'i64' || kind === 'u64') {
      const lo = src.lo!, hi = src.hi!
      if (f32dst) {
        for (let t = 0; t < take; t++) { dst[j + t] = halvesToF32(hi[2 * p + 1]!, lo[2 * p]!); p += s0 }
      } else {
        for (let t = 0; t < take; t++) { dst[j + t] = hi[2 * p + 1]! * TWO32 + lo[2 * p]!; p += s0 }
      }
    } else {
      const x = src.x as Float64Array
      if (s0 === 1) for (let t = 0; t < take; t++) dst[j + t] = x[p + t]!
      else for (let t = 0; t < take; t++) { dst[j + t] = x[p]!; p += s0 }
    }
    j += take
    i0 = 0
    for (let k = 1; k < q; k++) {
      cnt[k]!++
      row += s[k]!
      if (cnt[k]! < n[k]!) break
      row -= s[k]! * n[k]!
      cnt[k] = 0
    }
  }
}

/** The mean operand of a fused variance sum: (a − m)² computed in float32 (x32) or float64 arithmetic. */
export interface DevSource {
  readonly m: Float64Array | Float32Array
  readonly x32: boolean
}

/** Like gather, but each element becomes (a − m[mo])², in the deviation dtype, then dst's dtype. */
function gatherDev(src: PwSource, base: number, n: readonly number[], s: readonly number[], q: number, c0: number, len: number, dst: Float64Array | Float32Array, dev: DevSource, mo: number): void {
  const n0 = n[0]!, s0 = s[0]!
  if (q === 1 && src.kind === 'f64' && !dev.x32) {
    // one strided float64 run: no multi-index
    const x = src.x as Float64Array
    const mv = dev.m[mo]!
    let p = base + c0 * s0
    for (let t = 0; t < len; t++) { const d = x[p]! - mv; dst[t] = d * d; p += s0 }
    return
  }
  const cnt = new Array<number>(q).fill(0)
  let rem = c0
  let row = base
  for (let k = 0; k < q; k++) {
    const nk = n[k]!
    const ik = rem % nk
    rem = (rem - ik) / nk
    cnt[k] = ik
    if (k > 0) row += ik * s[k]!
  }
  const mv = dev.m[mo]!
  const big = src.kind === 'i64' || src.kind === 'u64'
  let i0 = cnt[0]!
  let j = 0
  while (j < len) {
    const take = Math.min(n0 - i0, len - j)
    let p = row + i0 * s0
    if (big) {
      const lo = src.lo!, hi = src.hi!
      for (let t = 0; t < take; t++) { const d = hi[2 * p + 1]! * TWO32 + lo[2 * p]! - mv; dst[j + t] = d * d; p += s0 }
    } else if (dev.x32) {
      const x = src.x as Float32Array
      for (let t = 0; t < take; t++) { const d = fr(fr(x[p]!) - mv); dst[j + t] = fr(d * d); p += s0 }
    } else {
      const x = src.x as Float64Array
      if (s0 === 1) for (let t = 0; t < take; t++) { const d = x[p + t]! - mv; dst[j + t] = d * d }
      else for (let t = 0; t < take; t++) { const d = x[p]! - mv; dst[j + t] = d * d; p += s0 }
    }
    j += take
    i0 = 0
    for (let k = 1; k < q; k++) {
      cnt[k]!++
      row += s[k]!
      if (cnt[k]! < n[k]!) break
      row -= s[k]! * n[k]!
      cnt[k] = 0
    }
  }
}

// ------------------------------------------------------------------------------------------------ PW blocks

/** The block grid of a box: slab = dims [0, q), blocks of B per slab, outer positions over dims [q, nd). */
export interface PwGrid {
  readonly src: PwSource
  readonly loop32: boolean
  /** Accumulators round to half after each block (float16 sums: reduce-plan.ts halfAcc). */
  readonly half: boolean
  readonly q: number
  readonly B: number
  /** Fused variance: sum (a − m)² instead of a (block offsets into m come from box.sIdx). */
  readonly dev: DevSource | null
}

function direct(g: PwGrid): boolean {
  return g.dev === null && g.q === 1 && ((g.src.kind === 'f64' && !g.loop32) || (g.src.kind === 'f32' && g.loop32))
}

/** PW value of elements [c0, c0+len) of the slab whose first element is at `base` (mean at `mo` for var). */
export function pwBlock(g: PwGrid, box: Box, base: number, c0: number, len: number, mo: number): number {
  const dev = g.dev
  if (dev !== null) {
    const src = g.src, n = box.n, sIn = box.sIn, q = g.q
    if (len <= 4096) {
      // one program node: fill a buffer, no closure
      if (g.loop32) {
        if (scratch32.length < len) scratch32 = new Float32Array(len)
        gatherDev(src, base, n, sIn, q, c0, len, scratch32, dev, mo)
        return pairwiseSum32(scratch32, 0, len)
      }
      if (scratch64.length < len) scratch64 = new Float64Array(len)
      gatherDev(src, base, n, sIn, q, c0, len, scratch64, dev, mo)
      return pairwiseSum64(scratch64, 0, len)
    }
    return g.loop32
      ? pairwiseVirtual32((dst, start, l) => gatherDev(src, base, n, sIn, q, c0 + start, l, dst, dev, mo), 0, len)
      : pairwiseVirtual64((dst, start, l) => gatherDev(src, base, n, sIn, q, c0 + start, l, dst, dev, mo), 0, len)
  }
  if (direct(g)) {
    const s0 = box.sIn[0]!
    return g.loop32
      ? pairwiseSum32Strided(g.src.x as Float32Array, base + c0 * s0, len, s0)
      : pairwiseSum64Strided(g.src.x as Float64Array, base + c0 * s0, len, s0)
  }
  if (g.loop32) {
    if (scratch32.length < len) scratch32 = new Float32Array(len)
    gather(g.src, base, box.n, box.sIn, g.q, c0, len, scratch32)
    return pairwiseSum32(scratch32, 0, len)
  }
  if (scratch64.length < len) scratch64 = new Float64Array(len)
  gather(g.src, base, box.n, box.sIn, g.q, c0, len, scratch64)
  return pairwiseSum64(scratch64, 0, len)
}

/**
 * Walk blocks [b0, b1) of the box's grid (block b = outer position ⌊b/chunks⌋, chunk b mod chunks), in order.
 * With acc: acc[o] = acc[o] + PW(block) (float32: rounded). With values: push PW(block).
 */
export function walkPwBlocks(g: PwGrid, box: Box, b0: number, b1: number, acc: Acc | null, values: number[] | null): void {
  const n = box.n, sIn = box.sIn, sAcc = box.sAcc, sIdx = box.sIdx
  const nd = n.length, q = g.q, B = g.B
  let slab = 1
  for (let k = 0; k < q; k++) slab *= n[k]!
  if (slab === 0 || b1 <= b0) return
  const chunks = Math.ceil(slab / B)
  let p = Math.floor(b0 / chunks)
  let c = b0 - p * chunks
  // outer multi-index of p
  const cnt = new Array<number>(nd).fill(0)
  let rem = p
  let base = box.inOff, o = 0, mo = box.idxOff
  for (let k = q; k < nd; k++) {
    const nk = n[k]!
    const ik = rem % nk
    rem = (rem - ik) / nk
    cnt[k] = ik
    base += ik * sIn[k]!
    o += ik * sAcc[k]!
    mo += ik * sIdx[k]!
  }
  const f = acc === null ? null : acc.f
  const loop32 = g.loop32
  const half = g.half
  // single strided runs in the loop dtype: PW straight on the input, short runs inline
  const dir = direct(g)
  const x64 = g.src.x as Float64Array, x32 = g.src.x as Float32Array
  const s0 = sIn[0]!
  for (let b = b0; b < b1; b++) {
    const c0 = c * B
    const len = Math.min(B, slab - c0)
    let v: number
    if (dir) {
      const st = base + c0 * s0
      if (len < 8) {
        v = -0.0
        if (loop32) for (let t = 0; t < len; t++) v = fr(v + x32[st + t * s0]!)
        else for (let t = 0; t < len; t++) v += x64[st + t * s0]!
      } else {
        v = loop32 ? pairwiseSum32Strided(x32, st, len, s0) : pairwiseSum64Strided(x64, st, len, s0)
      }
    } else {
      v = pwBlock(g, box, base, c0, len, mo)
    }
    if (f !== null) f[o] = half ? rh(fr(f[o]! + v)) : loop32 ? fr(f[o]! + v) : f[o]! + v
    else values!.push(v)
    if (++c === chunks) {
      c = 0
      p++
      for (let k = q; k < nd; k++) {
        cnt[k]!++
        base += sIn[k]!; o += sAcc[k]!; mo += sIdx[k]!
        if (cnt[k]! < n[k]!) break
        base -= sIn[k]! * n[k]!; o -= sAcc[k]! * n[k]!; mo -= sIdx[k]! * n[k]!
        cnt[k] = 0
      }
    }
  }
}

/** Position (slab base, accumulator slot, mean offset) of outer position p. */
export function outerPosition(box: Box, q: number, p: number): { base: number; o: number; mo: number } {
  let rem = p, base = box.inOff, o = 0, mo = box.idxOff
  for (let k = q; k < box.n.length; k++) {
    const nk = box.n[k]!
    const ik = rem % nk
    rem = (rem - ik) / nk
    base += ik * box.sIn[k]!
    o += ik * box.sAcc[k]!
    mo += ik * box.sIdx[k]!
  }
  return { base, o, mo }
}

// ------------------------------------------------------------------------------------------------ sequential float sums

type NumArray = Float64Array | Float32Array | Int8Array | Uint8Array | Int16Array | Uint16Array | Int32Array | Uint32Array

/** float64 acc, number source: acc[o + j·os] += x[off + r·rs + j·s], rows in order, 8 rows per pass. */
function sumRows64(x: NumArray, off: number, n: number, s: number, R: number, rs: number, acc: Acc, o: number, os: number): void {
  const a = acc.f
  let r = 0
  if (s === 1 && os === 1) {
    for (; r + 8 <= R; r += 8) {
      const b0 = off + r * rs, b1 = b0 + rs, b2 = b1 + rs, b3 = b2 + rs, b4 = b3 + rs, b5 = b4 + rs, b6 = b5 + rs, b7 = b6 + rs
      for (let j = 0; j < n; j++) {
        let t = a[o + j]!
        t += x[b0 + j]!; t += x[b1 + j]!; t += x[b2 + j]!; t += x[b3 + j]!
        t += x[b4 + j]!; t += x[b5 + j]!; t += x[b6 + j]!; t += x[b7 + j]!
        a[o + j] = t
      }
    }
    for (; r + 2 <= R; r += 2) {
      const b0 = off + r * rs, b1 = b0 + rs
      for (let j = 0; j < n; j++) { let t = a[o + j]!; t += x[b0 + j]!; t += x[b1 + j]!; a[o + j] = t }
    }
    for (; r < R; r++) {
      const b0 = off + r * rs
      for (let j = 0; j < n; j++) a[o + j] = a[o + j]! + x[b0 + j]!
    }
    return
  }
  for (; r + 4 <= R; r += 4) {
    const b0 = off + r * rs, b1 = b0 + rs, b2 = b1 + rs, b3 = b2 + rs
    for (let j = 0; j < n; j++) {
      const js = j * s
      let t = a[o + j * os]!
      t += x[b0 + js]!; t += x[b1 + js]!; t += x[b2 + js]!; t += x[b3 + js]!
      a[o + j * os] = t
    }
  }
  for (; r < R; r++) {
    const b0 = off + r * rs
    for (let j = 0; j < n; j++) a[o + j * os] = a[o + j * os]! + x[b0 + j * s]!
  }
}

/** float32 acc (values kept as float32 in doubles), number source rounded to float32 first. */
function sumRows32(x: NumArray, off: number, n: number, s: number, R: number, rs: number, acc: Acc, o: number, os: number): void {
  const a = acc.f
  let r = 0
  for (; r + 4 <= R; r += 4) {
    const b0 = off + r * rs, b1 = b0 + rs, b2 = b1 + rs, b3 = b2 + rs
    for (let j = 0; j < n; j++) {
      const js = j * s
      let t = a[o + j * os]!
      t = fr(t + fr(x[b0 + js]!)); t = fr(t + fr(x[b1 + js]!)); t = fr(t + fr(x[b2 + js]!)); t = fr(t + fr(x[b3 + js]!))
      a[o + j * os] = t
    }
  }
  for (; r < R; r++) {
    const b0 = off + r * rs
    for (let j = 0; j < n; j++) a[o + j * os] = fr(a[o + j * os]! + fr(x[b0 + j * s]!))
  }
}

/** float16 loop over a float32 shadow: every row step is NumPy's half add (float32 add, rounded to half). */
function sumRows16(x: NumArray, off: number, n: number, s: number, R: number, rs: number, acc: Acc, o: number, os: number): void {
  const a = acc.f
  for (let r = 0; r < R; r++) {
    const b0 = off + r * rs
    for (let j = 0; j < n; j++) a[o + j * os] = rh(fr(a[o + j * os]! + x[b0 + j * s]!))
  }
}

function noRow(): void { throw new Error('internal: row kernel not available for this class') }

/** Sequential float sum walker (innermost dim kept) over a number source. */
export function makeSeqSumWalker(loop32: boolean, half = false): Walker<TypedArray> {
  const rowsFn = half ? sumRows16 : loop32 ? sumRows32 : sumRows64
  return makeWalker<TypedArray>(noRow, (x, off, n, s, R, rs, acc, o, os) => rowsFn(x as NumArray, off, n, s, R, rs, acc, o, os))
}

/** Same over int64/uint64 halves (x is the Uint32Array low view; element p at lo[2p], halves.hi[2p+1]). */
export function makeSeqSumWalkerHalves(loop32: boolean): Walker<TypedArray> {
  return makeWalker<TypedArray>(noRow, (x, off, n, s, R, rs, acc, o, os) => {
    const lo = x as Uint32Array
    const hi = halves.hi
    const a = acc.f
    for (let r = 0; r < R; r++) {
      const b = off + r * rs
      for (let j = 0; j < n; j++) {
        const p = b + j * s
        const v = loop32 ? halvesToF32(hi[2 * p + 1]!, lo[2 * p]!) : hi[2 * p + 1]! * TWO32 + lo[2 * p]!
        a[o + j * os] = loop32 ? fr(a[o + j * os]! + v) : a[o + j * os]! + v
      }
    }
  })
}

/**
 * Fused variance, innermost dim kept: acc[o + j·os] += (a − m)², rows in order. The mean's offset of the row
 * arrives as idx, its stride along the row as idxStep (it is constant across the reduced rows). `halvesSrc`:
 * int64/uint64 input (x is the low view, high words from halves.hi).
 */
export function makeDevRowsWalker(x32: boolean, loop32: boolean, halvesSrc: boolean): Walker<TypedArray> {
  return makeWalker<TypedArray>(noRow, (x, off, n, s, R, rs, acc, o, os, mo, _mr, ms) => {
    const a = acc.f
    const m = devState.m
    if (halvesSrc) {
      const lo = x as Uint32Array, hi = halves.hi
      for (let r = 0; r < R; r++) {
        const b = off + r * rs
        for (let j = 0; j < n; j++) {
          const p = b + j * s
          const d = hi[2 * p + 1]! * TWO32 + lo[2 * p]! - m[mo + j * ms]!
          a[o + j * os] = loop32 ? fr(a[o + j * os]! + fr(d * d)) : a[o + j * os]! + d * d
        }
      }
      return
    }
    const v = x as NumArray
    if (x32) {
      for (let r = 0; r < R; r++) {
        const b = off + r * rs
        for (let j = 0; j < n; j++) {
          const d = fr(fr(v[b + j * s]!) - m[mo + j * ms]!)
          const t = fr(d * d)
          a[o + j * os] = loop32 ? fr(a[o + j * os]! + t) : a[o + j * os]! + t
        }
      }
      return
    }
    let r = 0
    if (!loop32 && s === 1 && os === 1 && ms === 1) {
      // contiguous rows, 4 per pass over the accumulator row (each output still adds in row order)
      for (; r + 4 <= R; r += 4) {
        const b0 = off + r * rs, b1 = b0 + rs, b2 = b1 + rs, b3 = b2 + rs
        for (let j = 0; j < n; j++) {
          const mj = m[mo + j]!
          let t = a[o + j]!
          let d = v[b0 + j]! - mj; t += d * d
          d = v[b1 + j]! - mj; t += d * d
          d = v[b2 + j]! - mj; t += d * d
          d = v[b3 + j]! - mj; t += d * d
          a[o + j] = t
        }
      }
    }
    for (; r < R; r++) {
      const b = off + r * rs
      for (let j = 0; j < n; j++) {
        const d = v[b + j * s]! - m[mo + j * ms]!
        a[o + j * os] = loop32 ? fr(a[o + j * os]! + fr(d * d)) : a[o + j * os]! + d * d
      }
    }
  })
}

// ------------------------------------------------------------------------------------------------ integer sums

const SEG = 1 << 20
const FLUSH = 4503599627370496 // 2^52

function flush(acc: Acc, o: number): void {
  const v = acc.f[o]!
  if (v >= FLUSH || v <= -FLUSH) {
    if (acc.big === null) acc.big = new Array<bigint>(acc.f.length).fill(0n)
    acc.big[o] = acc.big[o]! + BigInt(v)
    acc.f[o] = 0
  }
}

/** Exact sum of up to SEG elements of |x| < 2^32. */
function isumRun(x: NumArray, off: number, n: number, s: number): number {
  // -0 starts the accumulators as doubles: V8 would otherwise pick int32 adds and deoptimise on overflow
  let a0 = -0, a1 = -0, a2 = -0, a3 = -0
  let i = 0
  if (s === 1) {
    for (; i + 4 <= n; i += 4) { a0 += x[off + i]!; a1 += x[off + i + 1]!; a2 += x[off + i + 2]!; a3 += x[off + i + 3]! }
    for (; i < n; i++) a0 += x[off + i]!
  } else {
    let p = off
    const s2 = 2 * s, s3 = 3 * s, s4 = 4 * s
    for (; i + 4 <= n; i += 4) { a0 += x[p]!; a1 += x[p + s]!; a2 += x[p + s2]!; a3 += x[p + s3]!; p += s4 }
    for (; i < n; i++) { a0 += x[p]!; p += s }
  }
  return (a0 + a1) + (a2 + a3)
}

function isumRow(x: NumArray, off: number, n: number, s: number, acc: Acc, o: number): void {
  for (let i = 0; i < n; i += SEG) {
    const len = Math.min(SEG, n - i)
    acc.f[o] = acc.f[o]! + isumRun(x, off + i * s, len, s)
    flush(acc, o)
  }
}

function isumRows(x: NumArray, off: number, n: number, s: number, R: number, rs: number, acc: Acc, o: number, os: number): void {
  const a = acc.f
  for (let r0 = 0; r0 < R; r0 += SEG) {
    const r1 = Math.min(R, r0 + SEG)
    let r = r0
    for (; r + 4 <= r1; r += 4) {
      const b0 = off + r * rs, b1 = b0 + rs, b2 = b1 + rs, b3 = b2 + rs
      for (let j = 0; j < n; j++) {
        const js = j * s
        a[o + j * os] = a[o + j * os]! + ((x[b0 + js]! + x[b1 + js]!) + (x[b2 + js]! + x[b3 + js]!))
      }
    }
    for (; r < r1; r++) {
      const b0 = off + r * rs
      for (let j = 0; j < n; j++) a[o + j * os] = a[o + j * os]! + x[b0 + j * s]!
    }
    for (let j = 0; j < n; j++) flush(acc, o + j * os)
  }
}

/** Integer sum walker over a number source (int8…uint32, bool, or one half of int64 data). */
export function makeIntSumWalker(): Walker<TypedArray> {
  return makeWalker<TypedArray>(
    (x, off, n, s, acc, o) => isumRow(x as NumArray, off, n, s, acc, o),
    (x, off, n, s, R, rs, acc, o, os) => isumRows(x as NumArray, off, n, s, R, rs, acc, o, os),
  )
}

/** The exact integer total of slot o. */
export function intTotal(acc: Acc, o: number): bigint {
  const v = BigInt(acc.f[o]!)
  return acc.big === null ? v : acc.big[o]! + v
}
