/**
 * A stable MSD (most significant digit first) radix sort of unsigned keys, with an optional permutation carried
 * along: the in-cache workhorse of every sort kernel.
 *
 * Each level finds the highest bit in which the keys of its range differ (one read pass), buckets the range by
 * the next few bits below it (a histogram and a stable scatter into the other buffer), then sorts every bucket
 * the same way; short ranges are insertion-sorted. Buckets of equal keys stop at once, and bits in which every
 * key agrees cost nothing, so a level never touches a digit that cannot split its range. Ties keep their order
 * (the scatter walks the range in order; insertion shifts only strictly greater keys): the result is THE stable
 * order, the same permutation whoever computes it and however a caller splits the work beforehand.
 *
 * Two buffers ping-pong: a level reads `a` and scatters into `b`; its buckets then sort from `b` into `a`
 * (`inA` says in which buffer the caller wants the range to end). 32-bit keys are elements of an Int32Array,
 * compared as unsigned (V8 keeps int32 loads in registers, while uint32 loads above 2^31 become doubles); 64-bit
 * keys are pairs of words (low, high) whose Float64Array view moves a whole key per store (typed-array float64
 * loads and stores keep every bit). Permutations are Int32Array.
 */

/** Ranges up to this length are insertion-sorted. */
const SMALL = 24
/** At most this many bits per digit: 2^13 counters (32 KiB) fit in L1; ranges this short are in cache already. */
const MAX_DIGIT = 13
/** Longer ranges take at most 11 bits (a wider scatter out of cache thrashes the TLB). */
const MAX_DIGIT_FAR = 11
const FAR = 1 << 18

/** Per-level counters, grown on demand (a thread sorts one range at a time; levels nest). */
const counts: Int32Array[] = []
/** XOR with this turns unsigned order into signed order. */
const SIGN = -2147483648

function countsAt(depth: number): Int32Array {
  let c = counts[depth]
  if (c === undefined) { c = new Int32Array(1 << MAX_DIGIT); counts[depth] = c }
  return c
}

/** Bits for a digit over n keys whose highest differing bit is top - 1: about 4 keys per bucket, capped. */
function digitBits(n: number, top: number): number {
  const want = Math.max(1, 31 - Math.clz32(n) - 2)
  return Math.min(top, n > FAR ? MAX_DIGIT_FAR : MAX_DIGIT, want)
}

// ---------------------------------------------------------------------------------------------- 32-bit keys

function insertion32(k: Int32Array, lo: number, hi: number): void {
  for (let i = lo + 1; i < hi; i++) {
    const x = k[i]! ^ SIGN
    let j = i - 1
    while (j >= lo && (k[j]! ^ SIGN) > x) { k[j + 1] = k[j]!; j-- }
    k[j + 1] = x ^ SIGN
  }
}

function insertion32i(k: Int32Array, ix: Int32Array, lo: number, hi: number): void {
  for (let i = lo + 1; i < hi; i++) {
    const x = k[i]! ^ SIGN
    const y = ix[i]!
    let j = i - 1
    while (j >= lo && (k[j]! ^ SIGN) > x) { k[j + 1] = k[j]!; ix[j + 1] = ix[j]!; j-- }
    k[j + 1] = x ^ SIGN
    ix[j + 1] = y
  }
}

/**
 * Sort the 32-bit keys a[lo, hi) stably; the result ends in `a` when inA, else in `b` (b is scratch over the same
 * range either way).
 */
export function msd32(a: Int32Array, b: Int32Array, lo: number, hi: number, inA: boolean, depth = 0): void {
  const n = hi - lo
  if (n <= SMALL) {
    if (!inA) { b.set(a.subarray(lo, hi), lo); insertion32(b, lo, hi) } else insertion32(a, lo, hi)
    return
  }
  const k0 = a[lo]!
  let diff = 0
  for (let i = lo + 1; i < hi; i++) diff |= a[i]! ^ k0
  if (diff === 0) { if (!inA) b.set(a.subarray(lo, hi), lo); return }
  const top = 32 - Math.clz32(diff)
  const d = digitBits(n, top)
  const shift = top - d
  const mask = (1 << d) - 1
  const c = countsAt(depth)
  c.fill(0, 0, mask + 1)
  for (let i = lo; i < hi; i++) c[(a[i]! >>> shift) & mask]!++
  let sum = lo
  for (let x = 0; x <= mask; x++) { const t = c[x]!; c[x] = sum; sum += t }
  for (let i = lo; i < hi; i++) { const v = a[i]!; b[c[(v >>> shift) & mask]!++] = v }
  // now c[x] is the end of bucket x; its keys are in b
  let s = lo
  for (let x = 0; x <= mask; x++) {
    const e = c[x]!
    const m = e - s
    if (m > SMALL) msd32(b, a, s, e, !inA, depth + 1)
    else if (m > 0) {
      // a short bucket: sorted where its result goes
      if (inA) { for (let i = s; i < e; i++) a[i] = b[i]!; if (m > 1) insertion32(a, s, e) }
      else if (m > 1) insertion32(b, s, e)
    }
    s = e
  }
}

/** msd32 carrying a permutation: ia[lo, hi) moves with the keys (ib is its scratch, like b). */
export function msd32i(a: Int32Array, b: Int32Array, ia: Int32Array, ib: Int32Array, lo: number, hi: number, inA: boolean, depth = 0): void {
  const n = hi - lo
  if (n <= SMALL) {
    if (!inA) {
      b.set(a.subarray(lo, hi), lo); ib.set(ia.subarray(lo, hi), lo); insertion32i(b, ib, lo, hi)
    } else insertion32i(a, ia, lo, hi)
    return
  }
  const k0 = a[lo]!
  let diff = 0
  for (let i = lo + 1; i < hi; i++) diff |= a[i]! ^ k0
  if (diff === 0) {
    if (!inA) { b.set(a.subarray(lo, hi), lo); ib.set(ia.subarray(lo, hi), lo) }
    return
  }
  const top = 32 - Math.clz32(diff)
  const d = digitBits(n, top)
  const shift = top - d
  const mask = (1 << d) - 1
  const c = countsAt(depth)
  c.fill(0, 0, mask + 1)
  for (let i = lo; i < hi; i++) c[(a[i]! >>> shift) & mask]!++
  let sum = lo
  for (let x = 0; x <= mask; x++) { const t = c[x]!; c[x] = sum; sum += t }
  for (let i = lo; i < hi; i++) {
    const v = a[i]!
    const t = c[(v >>> shift) & mask]!++
    b[t] = v
    ib[t] = ia[i]!
  }
  let s = lo
  for (let x = 0; x <= mask; x++) {
    const e = c[x]!
    const m = e - s
    if (m > SMALL) msd32i(b, a, ib, ia, s, e, !inA, depth + 1)
    else if (m > 0) {
      if (inA) { for (let i = s; i < e; i++) { a[i] = b[i]!; ia[i] = ib[i]! } if (m > 1) insertion32i(a, ia, s, e) }
      else if (m > 1) insertion32i(b, ib, s, e)
    }
    s = e
  }
}

// ---------------------------------------------------------------------------------------------- 64-bit keys

function insertion64(f: Float64Array, w: Int32Array, lo: number, hi: number): void {
  for (let i = lo + 1; i < hi; i++) {
    const xh = w[2 * i + 1]! ^ SIGN
    const xl = w[2 * i]! ^ SIGN
    const x = f[i]!
    let j = i - 1
    while (j >= lo) {
      const h = w[2 * j + 1]! ^ SIGN
      if (h < xh || (h === xh && (w[2 * j]! ^ SIGN) <= xl)) break
      f[j + 1] = f[j]!
      j--
    }
    f[j + 1] = x
  }
}

function insertion64i(f: Float64Array, w: Int32Array, ix: Int32Array, lo: number, hi: number): void {
  for (let i = lo + 1; i < hi; i++) {
    const xh = w[2 * i + 1]! ^ SIGN
    const xl = w[2 * i]! ^ SIGN
    const x = f[i]!
    const y = ix[i]!
    let j = i - 1
    while (j >= lo) {
      const h = w[2 * j + 1]! ^ SIGN
      if (h < xh || (h === xh && (w[2 * j]! ^ SIGN) <= xl)) break
      f[j + 1] = f[j]!
      ix[j + 1] = ix[j]!
      j--
    }
    f[j + 1] = x
    ix[j + 1] = y
  }
}

/**
 * The digit of a 64-bit range whose highest differing bit is top - 1: [word, shift, bits], never straddling the
 * two words (a digit just below bit 32 is cut at it).
 */
function digit64(n: number, top: number): [number, number, number] {
  let d = digitBits(n, top)
  let shift = top - d
  if (top > 32 && shift < 32) { shift = 32; d = top - 32 }
  return shift >= 32 ? [1, shift - 32, d] : [0, shift, d]
}

/** The highest differing bit + 1 of the 64-bit keys w[lo, hi) (0: all equal). */
function top64(w: Int32Array, lo: number, hi: number): number {
  const l0 = w[2 * lo]!
  const h0 = w[2 * lo + 1]!
  let dl = 0
  let dh = 0
  for (let i = lo + 1; i < hi; i++) { dl |= w[2 * i]! ^ l0; dh |= w[2 * i + 1]! ^ h0 }
  return dh !== 0 ? 64 - Math.clz32(dh) : 32 - Math.clz32(dl)
}

/**
 * Sort the 64-bit keys of fa/wa (one buffer seen as float64 and as words) over [lo, hi) stably; the result ends
 * in the a buffer when inA, else in b.
 */
export function msd64(fa: Float64Array, wa: Int32Array, fb: Float64Array, wb: Int32Array, lo: number, hi: number, inA: boolean, depth = 0): void {
  const n = hi - lo
  if (n <= SMALL) {
    if (!inA) { fb.set(fa.subarray(lo, hi), lo); insertion64(fb, wb, lo, hi) } else insertion64(fa, wa, lo, hi)
    return
  }
  const top = top64(wa, lo, hi)
  if (top === 0) { if (!inA) fb.set(fa.subarray(lo, hi), lo); return }
  const [word, shift, d] = digit64(n, top)
  const mask = (1 << d) - 1
  const c = countsAt(depth)
  c.fill(0, 0, mask + 1)
  for (let i = lo; i < hi; i++) c[(wa[2 * i + word]! >>> shift) & mask]!++
  let sum = lo
  for (let x = 0; x <= mask; x++) { const t = c[x]!; c[x] = sum; sum += t }
  for (let i = lo; i < hi; i++) fb[c[(wa[2 * i + word]! >>> shift) & mask]!++] = fa[i]!
  let s = lo
  for (let x = 0; x <= mask; x++) {
    const e = c[x]!
    const m = e - s
    if (m > SMALL) msd64(fb, wb, fa, wa, s, e, !inA, depth + 1)
    else if (m > 0) {
      if (inA) { for (let i = s; i < e; i++) fa[i] = fb[i]!; if (m > 1) insertion64(fa, wa, s, e) }
      else if (m > 1) insertion64(fb, wb, s, e)
    }
    s = e
  }
}

/** msd64 carrying a permutation (ia/ib as in msd32i). */
export function msd64i(fa: Float64Array, wa: Int32Array, fb: Float64Array, wb: Int32Array, ia: Int32Array, ib: Int32Array,
  lo: number, hi: number, inA: boolean, depth = 0): void {
  const n = hi - lo
  if (n <= SMALL) {
    if (!inA) {
      fb.set(fa.subarray(lo, hi), lo); ib.set(ia.subarray(lo, hi), lo); insertion64i(fb, wb, ib, lo, hi)
    } else insertion64i(fa, wa, ia, lo, hi)
    return
  }
  const top = top64(wa, lo, hi)
  if (top === 0) {
    if (!inA) { fb.set(fa.subarray(lo, hi), lo); ib.set(ia.subarray(lo, hi), lo) }
    return
  }
  const [word, shift, d] = digit64(n, top)
  const mask = (1 << d) - 1
  const c = countsAt(depth)
  c.fill(0, 0, mask + 1)
  for (let i = lo; i < hi; i++) c[(wa[2 * i + word]! >>> shift) & mask]!++
  let sum = lo
  for (let x = 0; x <= mask; x++) { const t = c[x]!; c[x] = sum; sum += t }
  for (let i = lo; i < hi; i++) {
    const t = c[(wa[2 * i + word]! >>> shift) & mask]!++
    fb[t] = fa[i]!
    ib[t] = ia[i]!
  }
  let s = lo
  for (let x = 0; x <= mask; x++) {
    const e = c[x]!
    const m = e - s
    if (m > SMALL) msd64i(fb, wb, fa, wa, ib, ia, s, e, !inA, depth + 1)
    else if (m > 0) {
      if (inA) { for (let i = s; i < e; i++) { fa[i] = fb[i]!; ia[i] = ib[i]! } if (m > 1) insertion64i(fa, wa, ia, s, e) }
      else if (m > 1) insertion64i(fb, wb, ib, s, e)
    }
    s = e
  }
}
