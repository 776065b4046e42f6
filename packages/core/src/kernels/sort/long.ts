/**
 * The unit kernels of a long lane's sort, split across the pool (ops/sort/sort.ts drives them, lane by lane):
 *
 *  1. 'sortLongKeys'    each unit (a fixed chunk of the lane) writes its keys (keys.ts) in lane order; its
 *                       partial: its first key, the bits in which its keys differ from it, and how many
 *                       specials (-0, NaN payloads) it met. It also counts its keys per bucket of the top digit
 *                       a sample of the lane implies (the driver's guess), into its column of a bucket-major
 *                       table;
 *  2. 'sortLongHist'    only when the guess was wrong (some keys differ above the sample's top bit): with the
 *                       top digit of all the keys, each chunk counts its keys per bucket again;
 *  3. 'sortLongScatter' the driver turned the table into start offsets (one running sum: bucket-major,
 *                       chunk-minor, so each chunk's keys land after the earlier chunks' keys of their bucket);
 *                       each chunk scatters its keys (and, for argsort, lane indices) into bucket order, stably;
 *  4. 'sortLongSpecials' (only when there are specials) each chunk copies its zeros and NaNs, in input order,
 *                       into its own stretch of two scratch arrays;
 *  5. 'sortLongBuckets' each unit, a group of whole buckets of about equal size, sorts each bucket in
 *                       per-thread scratch (radix.ts sortKeys; a bucket fits in cache) and writes it to the
 *                       destination: values (the specials put back in input order) or int64 indices.
 * Every step is exact and stable, so the result is the stable sort, bit for bit, whoever ran which units.
 */
import type { ArrayDescriptor } from '../../descriptor.js'
import { typedView, type DTypeName, type TypedArray } from '../../dtype.js'
import type { ReductionPartial } from '../job.js'
import { defineUnitKernel } from '../units.js'
import { makeKeys, collectSpecials } from './keys.js'
import { keysInto, laneOffset, scratchFor, sortKeys, valuesOut } from './radix.js'
import { keys32Kind, wasmKeys32, wasmKeysF64 } from './wasm-sort.js'

/** What every step knows: the lane, its chunks, and the key buffers (float64 [L] or int32 [L] each; int32 [L]). */
export interface LongSortPlan {
  readonly src: ArrayDescriptor
  readonly axis: number
  readonly lane: number
  readonly L: number
  readonly chunk: number
  readonly two: boolean
  /** The keys in lane order (step 1), or null: steps 2 and 3 make each chunk's keys again in per-thread memory
   * (contiguous float64/float32/int32/uint32, whose keys WebAssembly makes faster than memory returns them). */
  readonly keysA: ArrayDescriptor | null
  /** The keys in bucket order (step 3). */
  readonly keysB: ArrayDescriptor
  /** argsort: the lane indices in bucket order (step 3). */
  readonly idxB: ArrayDescriptor | null
}

/** Steps 2 and 3: the digit (key word, shift, bits) and the bucket-major table int32 [buckets × chunks]. */
export interface LongDigitPlan extends LongSortPlan {
  readonly word: number
  readonly shift: number
  readonly bits: number
  readonly counts: ArrayDescriptor
}

/**
 * Step 1. With a guess (the digit a sample of the keys implies), each chunk also counts its keys per bucket of
 * it, while they are in cache; the driver keeps those counts when every key's differing bits agree with the
 * sample's, and runs step 2 otherwise.
 */
export interface LongKeysPlan extends LongSortPlan {
  readonly guess: { readonly word: number; readonly shift: number; readonly bits: number; readonly counts: ArrayDescriptor } | null
}

/** Step 4: per chunk, zeros and NaNs go to zeros/nans[chunk start ...] (arrays of the lane's dtype, [L]). */
export interface LongSpecialsPlan extends LongSortPlan {
  readonly zeros: ArrayDescriptor
  readonly nans: ArrayDescriptor
}

/** Step 5. Bucket b is [starts[b], starts[b+1]) of keysB; unit g sorts buckets [groups[g], groups[g+1]). */
export interface LongBucketsPlan extends LongSortPlan {
  readonly starts: readonly number[]
  readonly groups: readonly number[]
  readonly dst: ArrayDescriptor
  readonly mode: 'values' | 'indices'
  /** With specials: step 4's arrays and each chunk's counts of zeros and NaNs. */
  readonly specials: { readonly zeros: ArrayDescriptor; readonly nans: ArrayDescriptor; readonly zeroCounts: readonly number[]; readonly nanCounts: readonly number[] } | null
}

function words(d: ArrayDescriptor, p: LongSortPlan): Int32Array {
  return new Int32Array(d.buffer, d.offset * (p.two ? 8 : 4), p.L * (p.two ? 2 : 1))
}

function f64(d: ArrayDescriptor, L: number): Float64Array {
  return new Float64Array(d.buffer, d.offset * 8, L)
}

function i32(d: ArrayDescriptor, L: number): Int32Array {
  return new Int32Array(d.buffer, d.offset * 4, L)
}

function chunkRange(p: LongSortPlan, u: number): [number, number] {
  const i0 = u * p.chunk
  return [i0, Math.min(p.L, i0 + p.chunk)]
}

/**
 * Where chunk u's keys are, as (words, float64 view, index offset: key of lane element i at i + off): keysA when
 * step 1 stored them, else made again in per-thread scratch (WebAssembly for contiguous float64, keys.ts otherwise).
 */
function chunkKeys(p: LongSortPlan, u: number, v: TypedArray, base: number, ss: number): { w: Int32Array; f: Float64Array | null; off: number; specials: number } {
  const [i0, i1] = chunkRange(p, u)
  if (p.keysA !== null) return { w: words(p.keysA, p), f: p.two ? f64(p.keysA, p.L) : null, off: 0, specials: 0 }
  const s = scratchFor(p.chunk)
  const specials = keysInto(s, v, base + i0 * ss, ss, p.src.dtype, i1 - i0)
  return { w: s.wa, f: s.fa, off: -i0, specials }
}

defineUnitKernel<LongKeysPlan>('sortLongKeys', (p, start, end) => {
  const { src, axis } = p
  const v = typedView(src.buffer, src.dtype)
  const ss = src.strides[axis]!
  const base = laneOffset(src.shape, src.strides, src.offset, axis, p.lane)
  const g = p.guess
  const U = Math.ceil(p.L / p.chunk)
  const B = g === null ? 0 : 1 << g.bits
  const mask = B - 1
  const table = g === null ? null : new Int32Array(g.counts.buffer, g.counts.offset * 4, B * U)
  const c = new Int32Array(B)
  const out: ReductionPartial[] = []
  const kind = keys32Kind(src.dtype)
  const s = (src.dtype === 'float64' || kind >= 0) && ss === 1 ? scratchFor(p.chunk) : null
  if (s !== null && s.wasm !== null) {
    // contiguous float64/float32/int32/uint32: each chunk's keys, differing bits and histogram in WebAssembly
    // (stored only when asked)
    const w = s.wasm
    const kw = p.keysA === null ? null : words(p.keysA, p)
    const digit = g === null ? null : { shift: 32 * g.word + g.shift, bits: g.bits }
    const x = p.two ? (v as Float64Array) : new Int32Array(v.buffer, v.byteOffset, v.length)
    for (let u = start; u < end; u++) {
      const [i0, i1] = chunkRange(p, u)
      const n = i1 - i0
      if (p.two) {
        s.fa.set((x as Float64Array).subarray(base + i0, base + i1))
        const [specials, dh, dl] = wasmKeysF64(w, n, digit, c)
        out.push([s.wa[1]!, s.wa[0]!, dh, dl, specials])
        if (kw !== null) kw.set(s.wa.subarray(0, 2 * n), 2 * i0)
      } else {
        s.wa.set((x as Int32Array).subarray(base + i0, base + i1))
        const [specials, dk] = wasmKeys32(w, n, kind, digit, c)
        out.push([s.wa[0]!, 0, dk, 0, specials])
        if (kw !== null) kw.set(s.wa.subarray(0, n), i0)
      }
      if (table !== null) for (let b = 0; b < B; b++) table[b * U + u] = c[b]!
    }
    return out
  }
  for (let u = start; u < end; u++) {
    const [i0, i1] = chunkRange(p, u)
    // into keysA, or (not stored) per-thread scratch from 0
    const kw = p.keysA === null ? scratchFor(p.chunk).wa : words(p.keysA, p)
    const ko = p.keysA === null ? 0 : i0
    const n = i1 - i0
    const specials = makeKeys(v, base + i0 * ss, ss, n, src.dtype, kw, ko)
    // the chunk's keys are in cache now: their differing bits, and the histogram of the guessed digit
    c.fill(0)
    if (p.two) {
      const h0 = kw[2 * ko + 1]!
      const l0 = kw[2 * ko]!
      let dh = 0
      let dl = 0
      if (g !== null) {
        const { word, shift } = g
        for (let i = ko; i < ko + n; i++) { dh |= kw[2 * i + 1]! ^ h0; dl |= kw[2 * i]! ^ l0; c[(kw[2 * i + word]! >>> shift) & mask]!++ }
      } else for (let i = ko + 1; i < ko + n; i++) { dh |= kw[2 * i + 1]! ^ h0; dl |= kw[2 * i]! ^ l0 }
      out.push([h0, l0, dh, dl, specials])
    } else {
      const k0 = kw[ko]!
      let dk = 0
      if (g !== null) {
        const shift = g.shift
        for (let i = ko; i < ko + n; i++) { const k = kw[i]!; dk |= k ^ k0; c[(k >>> shift) & mask]!++ }
      } else for (let i = ko + 1; i < ko + n; i++) dk |= kw[i]! ^ k0
      out.push([k0, 0, dk, 0, specials])
    }
    if (table !== null) for (let b = 0; b < B; b++) table[b * U + u] = c[b]!
  }
  return out
})

defineUnitKernel<LongDigitPlan>('sortLongHist', (p, start, end) => {
  const B = 1 << p.bits
  const mask = B - 1
  const U = Math.ceil(p.L / p.chunk)
  const table = new Int32Array(p.counts.buffer, p.counts.offset * 4, B * U)
  const c = new Int32Array(B)
  const { word, shift, src } = p
  const v = typedView(src.buffer, src.dtype)
  const ss = src.strides[p.axis]!
  const base = laneOffset(src.shape, src.strides, src.offset, p.axis, p.lane)
  for (let u = start; u < end; u++) {
    const [i0, i1] = chunkRange(p, u)
    const { w, off } = chunkKeys(p, u, v, base, ss)
    c.fill(0)
    if (p.two) for (let i = i0 + off; i < i1 + off; i++) c[(w[2 * i + word]! >>> shift) & mask]!++
    else for (let i = i0 + off; i < i1 + off; i++) c[(w[i]! >>> shift) & mask]!++
    for (let b = 0; b < B; b++) table[b * U + u] = c[b]!
  }
})

defineUnitKernel<LongDigitPlan>('sortLongScatter', (p, start, end) => {
  const B = 1 << p.bits
  const mask = B - 1
  const U = Math.ceil(p.L / p.chunk)
  const table = new Int32Array(p.counts.buffer, p.counts.offset * 4, B * U)
  const c = new Int32Array(B)
  const { word, shift, L, src } = p
  const v = typedView(src.buffer, src.dtype)
  const ss = src.strides[p.axis]!
  const base = laneOffset(src.shape, src.strides, src.offset, p.axis, p.lane)
  const ib = p.idxB === null ? null : i32(p.idxB, L)
  const wb = words(p.keysB, p)
  const fb = p.two ? f64(p.keysB, L) : null
  for (let u = start; u < end; u++) {
    const [i0, i1] = chunkRange(p, u)
    const { w: wa, f: fa, off } = chunkKeys(p, u, v, base, ss)
    for (let b = 0; b < B; b++) c[b] = table[b * U + u]!
    // keys of lane element i at i + off; argsort records i itself
    if (p.two) {
      if (ib === null) for (let i = i0 + off; i < i1 + off; i++) fb![c[(wa[2 * i + word]! >>> shift) & mask]!++] = fa![i]!
      else {
        for (let i = i0; i < i1; i++) {
          const t = c[(wa[2 * (i + off) + word]! >>> shift) & mask]!++
          fb![t] = fa![i + off]!
          ib[t] = i
        }
      }
    } else if (ib === null) {
      for (let i = i0 + off; i < i1 + off; i++) { const k = wa[i]!; wb[c[(k >>> shift) & mask]!++] = k }
    } else {
      for (let i = i0; i < i1; i++) {
        const k = wa[i + off]!
        const t = c[(k >>> shift) & mask]!++
        wb[t] = k
        ib[t] = i
      }
    }
  }
})

defineUnitKernel<LongSpecialsPlan>('sortLongSpecials', (p, start, end) => {
  const { src, axis } = p
  const v = typedView(src.buffer, src.dtype)
  const ss = src.strides[axis]!
  const base = laneOffset(src.shape, src.strides, src.offset, axis, p.lane)
  const zeros = typedView(p.zeros.buffer, src.dtype)
  const nans = typedView(p.nans.buffer, src.dtype)
  const out: ReductionPartial[] = []
  for (let u = start; u < end; u++) {
    const [i0, i1] = chunkRange(p, u)
    out.push(collectSpecials(v, base + i0 * ss, ss, i1 - i0, src.dtype, zeros, p.zeros.offset + i0, nans, p.nans.offset + i0))
  }
  return out
})

/** Reads chunked specials (chunk u's at store[off + u*chunk ...], counts[u] of them) in order, from rank `r`. */
class ChunkedReader {
  private u = 0
  private j = 0
  constructor(private readonly store: TypedArray, private readonly off: number, private readonly chunk: number,
    private readonly counts: readonly number[], r: number) {
    while (this.u < counts.length && r >= counts[this.u]!) { r -= counts[this.u]!; this.u++ }
    this.j = r
  }

  next(): number {
    while (this.j >= this.counts[this.u]!) { this.u++; this.j = 0 }
    return this.store[this.off + this.u * this.chunk + this.j++] as number
  }
}

defineUnitKernel<LongBucketsPlan>('sortLongBuckets', (p, start, end) => {
  const { L, dst, mode, starts, groups, two } = p
  const dt = p.src.dtype
  const fb = two ? f64(p.keysB, L) : null
  const wb = words(p.keysB, p)
  const ib = p.idxB === null ? null : i32(p.idxB, L)
  const ds = dst.strides[p.axis]!
  const o = laneOffset(dst.shape, dst.strides, dst.offset, p.axis, p.lane)
  const dv = mode === 'values' ? typedView(dst.buffer, dst.dtype) : null
  const dw = mode === 'indices' ? new Int32Array(dst.buffer, 0, Math.floor(dst.buffer.byteLength / 4)) : null
  for (let u = start; u < end; u++) {
    const b0 = groups[u]!
    const b1 = groups[u + 1]!
    for (let b = b0; b < b1; b++) {
      const lo = starts[b]!
      const hi = starts[b + 1]!
      const m = hi - lo
      if (m <= 0) continue
      // the bucket is sorted in per-thread scratch (it fits in cache) and written out from there
      const s = scratchFor(m)
      if (two) s.fa.set(fb!.subarray(lo, hi))
      else s.wa.set(wb.subarray(lo, hi))
      if (ib !== null) s.ia.set(ib.subarray(lo, hi))
      sortKeys(s, two, 0, m, ib !== null)
      if (dw !== null) {
        const ia = s.ia
        for (let k = 0; k < m; k++) { const e = 2 * (o + (lo + k) * ds); dw[e] = ia[k]!; dw[e + 1] = 0 }
      } else {
        valuesOut(s, dt, m, dv!, o + lo * ds, ds)
        if (p.specials !== null) restoreBucket(p, dv!, o + lo * ds, ds, m, dt)
      }
    }
  }
})

/**
 * Put the zeros and NaNs of a written bucket back in input order. All keys of one value fall in one bucket, so
 * the bucket holding the zeros holds all of them (likewise the NaNs), and its unit reads them from rank 0.
 */
function restoreBucket(p: LongBucketsPlan, v: TypedArray, o: number, s: number, n: number, dt: DTypeName): void {
  const sp = p.specials!
  let zr: ChunkedReader | null = null
  let nr: ChunkedReader | null = null
  const half = dt === 'float16'
  const bits = dt === 'float32' ? new Int32Array(v.buffer, v.byteOffset, Math.floor(v.byteLength / 4)) : null
  for (let i = 0; i < n; i++) {
    const e = o + i * s
    let zero: boolean
    let nan: boolean
    if (half) { const h = v[e] as number; zero = h === 0; nan = h === 0x7e00 }
    else if (bits !== null) { const h = bits[e]!; zero = h === 0; nan = h === 0x7fc00000 }
    else { const y = v[e] as number; zero = y === 0; nan = y !== y }
    if (zero) {
      zr ??= new ChunkedReader(bits !== null ? wordsOf(sp.zeros) : typedView(sp.zeros.buffer, dt), sp.zeros.offset, p.chunk, sp.zeroCounts, 0)
      if (bits !== null) bits[e] = zr.next(); else v[e] = zr.next()
    } else if (nan) {
      nr ??= new ChunkedReader(bits !== null ? wordsOf(sp.nans) : typedView(sp.nans.buffer, dt), sp.nans.offset, p.chunk, sp.nanCounts, 0)
      if (bits !== null) bits[e] = nr.next(); else v[e] = nr.next()
    }
  }
}

/** A float32 array's storage as words (NaN payloads move as bits). */
function wordsOf(d: ArrayDescriptor): Int32Array {
  return new Int32Array(d.buffer, 0, Math.floor(d.buffer.byteLength / 4))
}
