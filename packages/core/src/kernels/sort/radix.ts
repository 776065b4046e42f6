/**
 * The sort kernels' core: a stable LSD radix argsort of one run of values under NumPy's sort order.
 *
 * Every value becomes one or two unsigned 32-bit key words whose unsigned order is NumPy's order: floats have
 * their bits flipped (negative: all bits; positive: the sign bit), every NaN becomes the largest key and -0 the
 * key of +0, so NaNs sort last and -0/+0 tie; signed integers have their sign bit flipped. An LSD radix sort
 * with 8-bit digits is stable, so ties keep their input order: the result is NumPy's kind='stable' order, which
 * is unique (the same permutation whoever computes it), and the values gathered by it keep every bit
 * (the signs of zeros, NaN payloads). Digits in which every key agrees are skipped.
 *
 * Scratch memory is per thread (module state), grown on demand: units of one job run one after the other on a
 * thread, and the kernels never keep a reference across units.
 */
import type { DTypeName, TypedArray } from '../../dtype.js'
import { DTYPES } from '../../dtype.js'
import { DTypeError } from '../../errors.js'

/** Runs up to this length are insertion-sorted (stable) instead of radix-sorted. */
const SMALL = 48

interface Scratch {
  cap: number
  /** 64-bit keys as float64 (for moves) and as uint32 words (for digits), twice (ping-pong). */
  kf: Float64Array
  kw: Uint32Array
  kf2: Float64Array
  kw2: Uint32Array
  /** 32-bit keys (views of the same memory). */
  lo: Uint32Array
  lo2: Uint32Array
  idx: Int32Array
  idx2: Int32Array
  counts: Uint32Array
}

let scratch: Scratch = alloc(0)

function alloc(cap: number): Scratch {
  const kf = new Float64Array(cap)
  const kf2 = new Float64Array(cap)
  const kw = new Uint32Array(kf.buffer)
  const kw2 = new Uint32Array(kf2.buffer)
  return {
    cap, kf, kw, kf2, kw2, lo: kw.subarray(0, cap), lo2: kw2.subarray(0, cap),
    idx: new Int32Array(cap), idx2: new Int32Array(cap), counts: new Uint32Array(8 * 256),
  }
}

/** Runs longer than this get scratch of their own, not kept (a thread keeps at most ~24 MB of sort scratch). */
const KEEP = 1 << 20

function scratchFor(n: number): Scratch {
  if (n > KEEP) return alloc(n)
  if (scratch.cap < n) scratch = alloc(Math.min(KEEP, Math.max(n, 2 * scratch.cap)))
  return scratch
}

const localValues = new Map<DTypeName, TypedArray>()

/** A per-thread contiguous buffer of `n` elements of `dt` (for gathering a lane before it is sorted). */
export function localBuffer(dt: DTypeName, n: number): TypedArray {
  let b = localValues.get(dt)
  if (b === undefined || b.length < n) {
    b = new (DTYPES[dt].TypedArray as unknown as new (n: number) => TypedArray)(Math.max(n, 16))
    if (n <= KEEP) localValues.set(dt, b)
  }
  return b
}

/** The dtypes the sort kernels handle (everything but float16, which is not wired yet). */
export function assertSortable(fn: string, dt: DTypeName): void {
  switch (dt) {
    case 'bool': case 'int8': case 'uint8': case 'int16': case 'uint16': case 'int32': case 'uint32':
    case 'int64': case 'uint64': case 'float32': case 'float64':
      return
    default:
      throw new DTypeError(`${fn}: sorting arrays of dtype ${dt} is not supported yet`)
  }
}

/**
 * Write the key words of v[0, n) (a contiguous typed array of dtype `dt`) into the scratch: two words per key
 * (s.kw[2i] low, s.kw[2i + 1] high) for 64-bit dtypes, one (s.lo[i]) otherwise. Returns true for two words.
 */
function makeKeys(v: TypedArray, dt: DTypeName, n: number, s: Scratch): boolean {
  const kw = s.kw
  const lo = s.lo
  switch (dt) {
    case 'float64': {
      const w = new Uint32Array(v.buffer, v.byteOffset, 2 * n)
      for (let i = 0; i < n; i++) {
        const h = w[2 * i + 1]!
        const l = w[2 * i]!
        if ((h & 0x7ff00000) === 0x7ff00000 && ((h & 0xfffff) | l) !== 0) { kw[2 * i + 1] = 0xffffffff; kw[2 * i] = 0xffffffff }
        else if ((h & 0x80000000) !== 0) {
          if (((h & 0x7fffffff) | l) === 0) { kw[2 * i + 1] = 0x80000000; kw[2 * i] = 0 }
          else { kw[2 * i + 1] = ~h; kw[2 * i] = ~l }
        } else { kw[2 * i + 1] = h | 0x80000000; kw[2 * i] = l }
      }
      return true
    }
    case 'float32': {
      const w = new Uint32Array(v.buffer, v.byteOffset, n)
      for (let i = 0; i < n; i++) {
        const h = w[i]!
        if ((h & 0x7f800000) === 0x7f800000 && (h & 0x7fffff) !== 0) lo[i] = 0xffffffff
        else if ((h & 0x80000000) !== 0) lo[i] = (h & 0x7fffffff) === 0 ? 0x80000000 : ~h
        else lo[i] = h | 0x80000000
      }
      return false
    }
    case 'int64': case 'uint64': {
      const w = new Uint32Array(v.buffer, v.byteOffset, 2 * n)
      const flip = dt === 'int64' ? 0x80000000 : 0
      for (let i = 0; i < n; i++) { kw[2 * i] = w[2 * i]!; kw[2 * i + 1] = w[2 * i + 1]! ^ flip }
      return true
    }
    case 'int32': {
      const x = v as Int32Array
      for (let i = 0; i < n; i++) lo[i] = x[i]! ^ 0x80000000
      return false
    }
    case 'int16': {
      const x = v as Int16Array
      for (let i = 0; i < n; i++) lo[i] = x[i]! + 32768
      return false
    }
    case 'int8': {
      const x = v as Int8Array
      for (let i = 0; i < n; i++) lo[i] = x[i]! + 128
      return false
    }
    case 'bool': case 'uint8': case 'uint16': case 'uint32': {
      const x = v as Uint32Array
      for (let i = 0; i < n; i++) lo[i] = x[i]!
      return false
    }
    default:
      throw new DTypeError(`sort: sorting arrays of dtype ${dt} is not supported yet`)
  }
}

// ------------------------------------------------------------------------------------------ radix passes
//
// 64-bit keys are moved as float64 (8 bytes per move; typed-array float64 loads and stores keep every bit,
// NaN patterns included) and their digits read from a uint32 view; 32-bit keys are moved as uint32.

/** 64-bit keys: digit from word `word` of key i; moves the key (and idx when ix is given). */
function pass64(kf: Float64Array, kw: Uint32Array, kf2: Float64Array, ix: Int32Array | null, ix2: Int32Array, word: number, shift: number, c: Uint32Array, base: number, n: number): void {
  if (ix === null) {
    for (let i = 0; i < n; i++) kf2[c[base + ((kw[2 * i + word]! >>> shift) & 255)]!++] = kf[i]!
  } else {
    for (let i = 0; i < n; i++) {
      const t = c[base + ((kw[2 * i + word]! >>> shift) & 255)]!++
      kf2[t] = kf[i]!
      ix2[t] = ix[i]!
    }
  }
}

/** 64-bit keys, last pass of an argsort: moves idx only. */
function pass64i(kw: Uint32Array, ix: Int32Array, ix2: Int32Array, word: number, shift: number, c: Uint32Array, base: number, n: number): void {
  for (let i = 0; i < n; i++) ix2[c[base + ((kw[2 * i + word]! >>> shift) & 255)]!++] = ix[i]!
}

/** 32-bit keys: moves the key (and idx when ix is given). */
function pass32(k: Uint32Array, k2: Uint32Array, ix: Int32Array | null, ix2: Int32Array, shift: number, c: Uint32Array, base: number, n: number): void {
  if (ix === null) {
    for (let i = 0; i < n; i++) { const a = k[i]!; k2[c[base + ((a >>> shift) & 255)]!++] = a }
  } else {
    for (let i = 0; i < n; i++) {
      const a = k[i]!
      const t = c[base + ((a >>> shift) & 255)]!++
      k2[t] = a
      ix2[t] = ix[i]!
    }
  }
}

/** 32-bit keys, last pass of an argsort: moves idx only. */
function pass32i(k: Uint32Array, ix: Int32Array, ix2: Int32Array, shift: number, c: Uint32Array, base: number, n: number): void {
  for (let i = 0; i < n; i++) ix2[c[base + ((k[i]! >>> shift) & 255)]!++] = ix[i]!
}

/** Digit histograms of every pass, turned into start offsets; which passes do any work. */
function histograms(kw: Uint32Array, two: boolean, n: number, c: Uint32Array): boolean[] {
  const passes = two ? 8 : 4
  c.fill(0, 0, passes * 256)
  if (two) {
    for (let i = 0; i < n; i++) {
      const l = kw[2 * i]!
      const h = kw[2 * i + 1]!
      c[l & 255]!++; c[256 + ((l >>> 8) & 255)]!++; c[512 + ((l >>> 16) & 255)]!++; c[768 + (l >>> 24)]!++
      c[1024 + (h & 255)]!++; c[1280 + ((h >>> 8) & 255)]!++; c[1536 + ((h >>> 16) & 255)]!++; c[1792 + (h >>> 24)]!++
    }
  } else {
    for (let i = 0; i < n; i++) {
      const l = kw[i]!
      c[l & 255]!++; c[256 + ((l >>> 8) & 255)]!++; c[512 + ((l >>> 16) & 255)]!++; c[768 + (l >>> 24)]!++
    }
  }
  const active: boolean[] = []
  for (let p = 0; p < passes; p++) {
    const b = p * 256
    let run = true
    for (let d = 0; d < 256; d++) if (c[b + d] === n) { run = false; break }
    active.push(run)
    if (!run) continue
    let sum = 0
    for (let d = 0; d < 256; d++) { const x = c[b + d]!; c[b + d] = sum; sum += x }
  }
  return active
}

/**
 * Radix-sort the keys of n values (already in s.kf/s.kw for 64-bit, s.lo for 32-bit); with `withIdx`, also the
 * permutation. Returns where the sorted keys and permutation ended up.
 */
function radix(s: Scratch, two: boolean, n: number, withIdx: boolean): { kw: Uint32Array; idx: Int32Array } {
  let idx = s.idx
  let idx2 = s.idx2
  if (withIdx) for (let i = 0; i < n; i++) idx[i] = i
  const c = s.counts
  if (two) {
    let kf = s.kf
    let kf2 = s.kf2
    let kw = s.kw
    let kw2 = s.kw2
    const active = histograms(kw, true, n, c)
    let last = -1
    for (let p = 0; p < 8; p++) if (active[p]) last = p
    for (let p = 0; p < 8; p++) {
      if (!active[p]) continue
      const word = p >> 2
      const shift = (p & 3) * 8
      if (withIdx && p === last) {
        pass64i(kw, idx, idx2, word, shift, c, p * 256, n)
      } else {
        pass64(kf, kw, kf2, withIdx ? idx : null, idx2, word, shift, c, p * 256, n)
        const t = kf; kf = kf2; kf2 = t
        const tw = kw; kw = kw2; kw2 = tw
      }
      if (withIdx) { const t = idx; idx = idx2; idx2 = t }
    }
    return { kw, idx }
  }
  let k = s.lo
  let k2 = s.lo2
  const active = histograms(k, false, n, c)
  let last = -1
  for (let p = 0; p < 4; p++) if (active[p]) last = p
  for (let p = 0; p < 4; p++) {
    if (!active[p]) continue
    const shift = p * 8
    if (withIdx && p === last) pass32i(k, idx, idx2, shift, c, p * 256, n)
    else {
      pass32(k, k2, withIdx ? idx : null, idx2, shift, c, p * 256, n)
      const t = k; k = k2; k2 = t
    }
    if (withIdx) { const t = idx; idx = idx2; idx2 = t }
  }
  return { kw: k, idx }
}

/** Stable insertion sort of the permutation by the keys (short runs). */
function insertion(s: Scratch, two: boolean, n: number): Int32Array {
  const idx = s.idx
  const kw = two ? s.kw : s.lo
  for (let i = 0; i < n; i++) idx[i] = i
  for (let i = 1; i < n; i++) {
    const ki = idx[i]!
    const kl = two ? kw[2 * ki]! : kw[ki]!
    const kh = two ? kw[2 * ki + 1]! : 0
    let j = i - 1
    while (j >= 0) {
      const kj = idx[j]!
      const greater = two ? kw[2 * kj + 1]! > kh || (kw[2 * kj + 1]! === kh && kw[2 * kj]! > kl) : kw[kj]! > kl
      if (!greater) break
      idx[j + 1] = kj
      j--
    }
    idx[j + 1] = ki
  }
  return idx
}

/**
 * The stable permutation sorting v[0, n) in NumPy's order: perm[k] is the index (in [0, n)) of the k-th smallest.
 * The returned array is per-thread scratch, valid until the next call.
 */
export function argsortRun(v: TypedArray, dt: DTypeName, n: number): Int32Array {
  const s = scratchFor(n)
  const two = makeKeys(v, dt, n, s)
  if (n <= SMALL) return insertion(s, two, n)
  return radix(s, two, n, true).idx
}

/**
 * Sort v[0, n) in place in NumPy's stable order (the result argsortRun's permutation would gather: zeros and
 * NaNs keep their input order and bits).
 */
export function sortRun(v: TypedArray, dt: DTypeName, n: number): void {
  if (n <= 1) return
  const s = scratchFor(n)
  const two = makeKeys(v, dt, n, s)
  if (n <= SMALL) {
    const perm = insertion(s, two, n)
    const tmp = localBuffer2(dt, n)
    gather(v, 0, 1, n, tmp)
    const t = tmp as unknown as { [k: number]: number | bigint }
    const d = v as unknown as { [k: number]: number | bigint }
    for (let k = 0; k < n; k++) d[k] = t[perm[k]!]!
    return
  }
  const float = dt === 'float64' || dt === 'float32'
  // zeros and NaNs, in input order, before their keys lose the sign and payload
  let nz = 0
  let nn = 0
  let zeros: TypedArray | null = null
  let nans: TypedArray | null = null
  if (float) {
    const x = v as Float64Array
    for (let i = 0; i < n; i++) { const y = x[i]!; if (y === 0) nz++; else if (y !== y) nn++ }
    if (nz > 0 || nn > 0) {
      zeros = localBuffer2(dt, nz + nn)
      nans = zeros.subarray(nz)
      let a = 0
      let b = 0
      for (let i = 0; i < n; i++) { const y = x[i]!; if (y === 0) zeros[a++] = y; else if (y !== y) nans[b++] = y }
    }
  }
  const { kw } = radix(s, two, n, false)
  unKeys(kw, dt, n, v)
  if (zeros !== null) {
    // the zero run starts after the negatives: the first index whose value is not < 0
    const x = v as Float64Array
    let lo = 0
    let hi = n - nn
    while (lo < hi) { const m = (lo + hi) >>> 1; if (x[m]! < 0) lo = m + 1; else hi = m }
    for (let k = 0; k < nz; k++) x[lo + k] = zeros[k] as number
    for (let k = 0; k < nn; k++) x[n - nn + k] = nans![k] as number
  }
}

const localValues2 = new Map<DTypeName, TypedArray>()
function localBuffer2(dt: DTypeName, n: number): TypedArray {
  let b = localValues2.get(dt)
  if (b === undefined || b.length < n) {
    b = new (DTYPES[dt].TypedArray as unknown as new (n: number) => TypedArray)(Math.max(n, 16))
    if (n <= KEEP) localValues2.set(dt, b)
  }
  return b
}

/** The values of sorted key words (the inverse of makeKeys; NaNs and zeros are fixed up by the caller). */
function unKeys(kw: Uint32Array, dt: DTypeName, n: number, v: TypedArray): void {
  switch (dt) {
    case 'float64': {
      const w = new Uint32Array(v.buffer, v.byteOffset, 2 * n)
      for (let i = 0; i < n; i++) {
        const h = kw[2 * i + 1]!
        const l = kw[2 * i]!
        if ((h & 0x80000000) !== 0) { w[2 * i + 1] = h & 0x7fffffff; w[2 * i] = l }
        else { w[2 * i + 1] = ~h; w[2 * i] = ~l }
      }
      return
    }
    case 'float32': {
      const w = new Uint32Array(v.buffer, v.byteOffset, n)
      for (let i = 0; i < n; i++) { const h = kw[i]!; w[i] = (h & 0x80000000) !== 0 ? h & 0x7fffffff : ~h }
      return
    }
    case 'int64': case 'uint64': {
      const w = new Uint32Array(v.buffer, v.byteOffset, 2 * n)
      const flip = dt === 'int64' ? 0x80000000 : 0
      for (let i = 0; i < n; i++) { w[2 * i] = kw[2 * i]!; w[2 * i + 1] = kw[2 * i + 1]! ^ flip }
      return
    }
    case 'int32': { const x = v as Int32Array; for (let i = 0; i < n; i++) x[i] = kw[i]! ^ 0x80000000; return }
    case 'int16': { const x = v as Int16Array; for (let i = 0; i < n; i++) x[i] = kw[i]! - 32768; return }
    case 'int8': { const x = v as Int8Array; for (let i = 0; i < n; i++) x[i] = kw[i]! - 128; return }
    default: { const x = v as Uint32Array; for (let i = 0; i < n; i++) x[i] = kw[i]!; return }
  }
}

// ------------------------------------------------------------------------------------------ lanes

/** Offset (in elements) of lane `lane` of a view whose lanes run along `axis` (other axes in C order). */
export function laneOffset(shape: readonly number[], strides: readonly number[], offset: number, axis: number, lane: number): number {
  let off = offset
  let l = lane
  for (let d = shape.length - 1; d >= 0 && l > 0; d--) {
    if (d === axis) continue
    const n = shape[d]!
    const i = l % n
    l = (l - i) / n
    off += i * strides[d]!
  }
  return off
}

/** Copy n elements src[o + k*s] into dst[0, n). */
export function gather(src: TypedArray, o: number, s: number, n: number, dst: TypedArray): void {
  const d = dst as unknown as { [k: number]: number | bigint }
  const x = src as unknown as { [k: number]: number | bigint }
  if (s === 1) { dst.set(src.subarray(o, o + n) as never); return }
  for (let k = 0; k < n; k++) d[k] = x[o + k * s]!
}

/** NumPy's `x < y` of its sort order for floats: NaN is the largest value, -0 equals +0. */
export function lessF(x: number, y: number): boolean {
  return x < y || (y !== y && x === x)
}

/** Copy src[0, n) into dst[o + k*s]. */
export function scatter(dst: TypedArray, o: number, s: number, n: number, src: TypedArray): void {
  if (s === 1) { dst.set(src.subarray(0, n) as never, o); return }
  const d = dst as unknown as { [k: number]: number | bigint }
  const x = src as unknown as { [k: number]: number | bigint }
  for (let k = 0; k < n; k++) d[o + k * s] = x[k]!
}

/** The dtype whose sort order a typed array's elements follow (Uint8Array: uint8, which bool shares), or null. */
export function typedArrayDType(v: unknown): DTypeName | null {
  if (v instanceof Float64Array) return 'float64'
  if (v instanceof Float32Array) return 'float32'
  if (v instanceof Int32Array) return 'int32'
  if (v instanceof Uint32Array) return 'uint32'
  if (v instanceof Int16Array) return 'int16'
  if (v instanceof Uint16Array) return null // float16 shares it: not a sort order here
  if (v instanceof Int8Array) return 'int8'
  if (v instanceof Uint8Array) return 'uint8'
  if (v instanceof BigInt64Array) return 'int64'
  if (v instanceof BigUint64Array) return 'uint64'
  return null
}
