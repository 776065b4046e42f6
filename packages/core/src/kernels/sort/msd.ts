/**
 * A stable MSD (most significant digit first) radix sort of unsigned keys, with an optional permutation carried
 * along: the in-cache workhorse of every sort kernel.
 *
 * The first level finds the highest bit in which the keys differ (one read pass); each level buckets its range by
 * the next few bits (a histogram and a stable scatter into the other buffer), then sorts every bucket the same
 * way from the bits below; short ranges are insertion-sorted. A digit that every key of a range shares costs a
 * histogram and no scatter, and a range of equal keys stops once its bits run out. Ties keep their order
 * (the scatter walks the range in order; insertion shifts only strictly greater keys): the result is THE stable
 * order, the same permutation whoever computes it and however a caller splits the work beforehand.
 *
 * Two buffers ping-pong: a level reads `a` and scatters into `b`; its buckets then sort from `b` into `a`
 * (`inA` says in which buffer the caller wants the range to end). 32-bit keys are elements of an Int32Array,
 * compared as unsigned (V8 keeps int32 loads in registers, while uint32 loads above 2^31 become doubles); 64-bit
 * keys are pairs of words (low, high) whose Float64Array view moves a whole key per store (typed-array float64
 * loads and stores keep every bit). Permutations are Int32Array.
 *
 * This is the JS path (no WebAssembly, or STRIDED_WASM=0) and the reference: wasm-sort-wat.ts is the same
 * algorithm in WebAssembly, which radix.ts runs where it can, and test/sort.wasm.test.ts checks it against this.
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
export function msd32(a: Int32Array, b: Int32Array, lo: number, hi: number, inA: boolean, depth = 0, topBits = -1): void {
  const n = hi - lo
  if (n <= SMALL) {
    if (!inA) { for (let i = lo; i < hi; i++) b[i] = a[i]!; insertion32(b, lo, hi) } else insertion32(a, lo, hi)
    return
  }
  let top = topBits
  if (top < 0) {
    const k0 = a[lo]!
    let diff = 0
    for (let i = lo + 1; i < hi; i++) diff |= a[i]! ^ k0
    top = 32 - Math.clz32(diff)
  }
  const c = countsAt(depth)
  let d = 0
  let shift = 0
  let mask = 0
  // the next digit that splits the range (a digit every key shares costs a histogram, no scatter)
  for (;;) {
    if (top === 0) { if (!inA) for (let i = lo; i < hi; i++) b[i] = a[i]!; return }
    d = digitBits(n, top)
    shift = top - d
    mask = (1 << d) - 1
    c.fill(0, 0, mask + 1)
    for (let i = lo; i < hi; i++) c[(a[i]! >>> shift) & mask]!++
    if (c[(a[lo]! >>> shift) & mask] !== n) break
    top = shift
  }
  let sum = lo
  for (let x = 0; x <= mask; x++) { const t = c[x]!; c[x] = sum; sum += t }
  for (let i = lo; i < hi; i++) { const v = a[i]!; b[c[(v >>> shift) & mask]!++] = v }
  // now c[x] is the end of bucket x; its keys are in b
  let s = lo
  for (let x = 0; x <= mask; x++) {
    const e = c[x]!
    const m = e - s
    if (m > SMALL) msd32(b, a, s, e, !inA, depth + 1, shift)
    else if (m > 0) {
      // a short bucket: sorted where its result goes
      if (inA) { for (let i = s; i < e; i++) a[i] = b[i]!; if (m > 1) insertion32(a, s, e) }
      else if (m > 1) insertion32(b, s, e)
    }
    s = e
  }
}

/** msd32 carrying a permutation: ia[lo, hi) moves with the keys (ib is its scratch, like b). */
export function msd32i(a: Int32Array, b: Int32Array, ia: Int32Array, ib: Int32Array, lo: number, hi: number, inA: boolean, depth = 0, topBits = -1): void {
  const n = hi - lo
  if (n <= SMALL) {
    if (!inA) {
      for (let i = lo; i < hi; i++) { b[i] = a[i]!; ib[i] = ia[i]! } insertion32i(b, ib, lo, hi)
    } else insertion32i(a, ia, lo, hi)
    return
  }
  let top = topBits
  if (top < 0) {
    const k0 = a[lo]!
    let diff = 0
    for (let i = lo + 1; i < hi; i++) diff |= a[i]! ^ k0
    top = 32 - Math.clz32(diff)
  }
  const c = countsAt(depth)
  let d = 0
  let shift = 0
  let mask = 0
  for (;;) {
    if (top === 0) { if (!inA) for (let i = lo; i < hi; i++) { b[i] = a[i]!; ib[i] = ia[i]! } return }
    d = digitBits(n, top)
    shift = top - d
    mask = (1 << d) - 1
    c.fill(0, 0, mask + 1)
    for (let i = lo; i < hi; i++) c[(a[i]! >>> shift) & mask]!++
    if (c[(a[lo]! >>> shift) & mask] !== n) break
    top = shift
  }
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
    if (m > SMALL) msd32i(b, a, ib, ia, s, e, !inA, depth + 1, shift)
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
export function msd64(fa: Float64Array, wa: Int32Array, fb: Float64Array, wb: Int32Array, lo: number, hi: number, inA: boolean, depth = 0, topBits = -1): void {
  const n = hi - lo
  if (n <= SMALL) {
    if (!inA) { for (let i = lo; i < hi; i++) fb[i] = fa[i]!; insertion64(fb, wb, lo, hi) } else insertion64(fa, wa, lo, hi)
    return
  }
  let top = topBits < 0 ? top64(wa, lo, hi) : topBits
  const c = countsAt(depth)
  let word = 0
  let shift = 0
  let mask = 0
  for (;;) {
    if (top === 0) { if (!inA) for (let i = lo; i < hi; i++) fb[i] = fa[i]!; return }
    let d = digitBits(n, top)
    let abs = top - d
    if (top > 32 && abs < 32) { abs = 32; d = top - 32 }
    word = abs >= 32 ? 1 : 0
    shift = abs - 32 * word
    mask = (1 << d) - 1
    c.fill(0, 0, mask + 1)
    for (let i = lo; i < hi; i++) c[(wa[2 * i + word]! >>> shift) & mask]!++
    if (c[(wa[2 * lo + word]! >>> shift) & mask] !== n) break
    top = abs
  }
  const childTop = 32 * word + shift
  let sum = lo
  for (let x = 0; x <= mask; x++) { const t = c[x]!; c[x] = sum; sum += t }
  for (let i = lo; i < hi; i++) fb[c[(wa[2 * i + word]! >>> shift) & mask]!++] = fa[i]!
  let s = lo
  for (let x = 0; x <= mask; x++) {
    const e = c[x]!
    const m = e - s
    if (m > SMALL) msd64(fb, wb, fa, wa, s, e, !inA, depth + 1, childTop)
    else if (m > 0) {
      if (inA) { for (let i = s; i < e; i++) fa[i] = fb[i]!; if (m > 1) insertion64(fa, wa, s, e) }
      else if (m > 1) insertion64(fb, wb, s, e)
    }
    s = e
  }
}

/** msd64 carrying a permutation (ia/ib as in msd32i). */
export function msd64i(fa: Float64Array, wa: Int32Array, fb: Float64Array, wb: Int32Array, ia: Int32Array, ib: Int32Array,
  lo: number, hi: number, inA: boolean, depth = 0, topBits = -1): void {
  const n = hi - lo
  if (n <= SMALL) {
    if (!inA) {
      for (let i = lo; i < hi; i++) { fb[i] = fa[i]!; ib[i] = ia[i]! } insertion64i(fb, wb, ib, lo, hi)
    } else insertion64i(fa, wa, ia, lo, hi)
    return
  }
  let top = topBits < 0 ? top64(wa, lo, hi) : topBits
  const c = countsAt(depth)
  let word = 0
  let shift = 0
  let mask = 0
  for (;;) {
    if (top === 0) { if (!inA) for (let i = lo; i < hi; i++) { fb[i] = fa[i]!; ib[i] = ia[i]! } return }
    let d = digitBits(n, top)
    let abs = top - d
    if (top > 32 && abs < 32) { abs = 32; d = top - 32 }
    word = abs >= 32 ? 1 : 0
    shift = abs - 32 * word
    mask = (1 << d) - 1
    c.fill(0, 0, mask + 1)
    for (let i = lo; i < hi; i++) c[(wa[2 * i + word]! >>> shift) & mask]!++
    if (c[(wa[2 * lo + word]! >>> shift) & mask] !== n) break
    top = abs
  }
  const childTop = 32 * word + shift
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
    if (m > SMALL) msd64i(fb, wb, fa, wa, ib, ia, s, e, !inA, depth + 1, childTop)
    else if (m > 0) {
      if (inA) { for (let i = s; i < e; i++) { fa[i] = fb[i]!; ia[i] = ib[i]! } if (m > 1) insertion64i(fa, wa, ia, s, e) }
      else if (m > 1) insertion64i(fb, wb, ib, s, e)
    }
    s = e
  }
}
