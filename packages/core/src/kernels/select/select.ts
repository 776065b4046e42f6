/**
 * Selection over one contiguous run of a typed array (a lane copied out of its array): after `selectK(d, lo, hi,
 * k)`, d[k] holds the value of rank k - lo of d[lo, hi) and every element of [lo, k) is ≤ it and every element of
 * (k, hi) ≥ it (an introselect: median-of-three Hoare partitions, a sort of the range when the depth runs out).
 * NaNs must have been moved out first ({@link nansLast}), so `<` is NumPy's order. Works on number and bigint
 * typed arrays alike. The arg* forms permute an index array and compare the values it points at.
 */

/** Any typed array whose elements `<` orders (numbers without NaN, or bigints). */
export type Sortable = Float64Array | Float32Array | Int8Array | Uint8Array | Int16Array | Uint16Array | Int32Array | Uint32Array | BigInt64Array | BigUint64Array

/** Move the NaNs of d[0, n) to its end (their order is not kept); the count of non-NaN elements. */
export function nansLast(d: Float64Array | Float32Array, n: number): number {
  let j = n - 1
  while (j >= 0 && d[j] !== d[j]) j--
  for (let i = 0; i < j; i++) {
    const v = d[i]!
    if (v !== v) {
      d[i] = d[j]!
      d[j] = v
      j--
      while (j > i && d[j] !== d[j]) j--
    }
  }
  return j + 1
}

/** nansLast for an index permutation over values v: moves the indices of NaNs to the end of idx[0, n). */
export function argNansLast(v: Float64Array | Float32Array, idx: Int32Array, n: number): number {
  let j = n - 1
  while (j >= 0 && v[idx[j]!] !== v[idx[j]!]) j--
  for (let i = 0; i < j; i++) {
    const t = idx[i]!
    if (v[t] !== v[t]) {
      idx[i] = idx[j]!
      idx[j] = t
      j--
      while (j > i && v[idx[j]!] !== v[idx[j]!]) j--
    }
  }
  return j + 1
}

/**
 * The selection loops as source text, compiled once per typed-array class (and per value class for the arg
 * forms) with `new Function`, so each copy's element accesses stay monomorphic: one shared function over ten
 * typed-array classes runs several times slower in V8.
 */
const SRC = `
function selectK(d, lo, hi, k) {
  let depth = 2 * Math.ceil(Math.log2(hi - lo + 1)) + 4
  while (hi - lo > 16) {
    if (depth-- === 0) { d.subarray(lo, hi).sort(); return }
    const mid = lo + ((hi - lo) >>> 1)
    let x = d[lo], y = d[mid], z = d[hi - 1]
    if (y < x) { const t = x; x = y; y = t }
    if (z < y) { const t = y; y = z; z = t; if (y < x) { const u = x; x = y; y = u } }
    d[lo] = y; d[mid] = x; d[hi - 1] = z
    const p = y
    let i = lo - 1
    let j = hi
    for (;;) {
      do i++; while (d[i] < p)
      do j--; while (d[j] > p)
      if (i >= j) break
      const t = d[i]; d[i] = d[j]; d[j] = t
    }
    if (k <= j) hi = j + 1
    else lo = j + 1
  }
  for (let i = lo + 1; i < hi; i++) {
    const v = d[i]
    let j = i - 1
    while (j >= lo && d[j] > v) { d[j + 1] = d[j]; j-- }
    d[j + 1] = v
  }
}
function argSelectK(d, idx, lo, hi, k) {
  let depth = 2 * Math.ceil(Math.log2(hi - lo + 1)) + 4
  while (hi - lo > 16) {
    if (depth-- === 0) {
      const part = Array.from(idx.subarray(lo, hi))
      part.sort(function (p, q) { return d[p] < d[q] ? -1 : d[p] > d[q] ? 1 : p - q })
      idx.set(part, lo)
      return
    }
    const mid = lo + ((hi - lo) >>> 1)
    let x = idx[lo], y = idx[mid], z = idx[hi - 1]
    if (d[y] < d[x]) { const t = x; x = y; y = t }
    if (d[z] < d[y]) { const t = y; y = z; z = t; if (d[y] < d[x]) { const u = x; x = y; y = u } }
    idx[lo] = y; idx[mid] = x; idx[hi - 1] = z
    const p = d[y]
    let i = lo - 1
    let j = hi
    for (;;) {
      do i++; while (d[idx[i]] < p)
      do j--; while (d[idx[j]] > p)
      if (i >= j) break
      const t = idx[i]; idx[i] = idx[j]; idx[j] = t
    }
    if (k <= j) hi = j + 1
    else lo = j + 1
  }
  for (let i = lo + 1; i < hi; i++) {
    const t = idx[i]
    const val = d[t]
    let j = i - 1
    while (j >= lo && d[idx[j]] > val) { idx[j + 1] = idx[j]; j-- }
    idx[j + 1] = t
  }
}
return { selectK: selectK, argSelectK: argSelectK }
`

interface Impl {
  selectK(d: Sortable, lo: number, hi: number, k: number): void
  argSelectK(d: Sortable, idx: Int32Array, lo: number, hi: number, k: number): void
}

const IMPLS = new Map<unknown, Impl>()

function implFor(d: Sortable): Impl {
  let impl = IMPLS.get(d.constructor)
  if (impl === undefined) {
    // eslint-disable-next-line @typescript-eslint/no-implied-eval, no-new-func
    impl = new Function(SRC)() as Impl
    IMPLS.set(d.constructor, impl)
  }
  return impl
}

/**
 * Rank selection in place: after it, d[k] holds the value of rank k - lo of d[lo, hi), [lo, k) is ≤ it and (k, hi)
 * ≥ it (median-of-three Hoare partitions; a sort of the range when the depth runs out). Requires lo ≤ k < hi and
 * no NaN in the range.
 */
export function selectK(d: Sortable, lo: number, hi: number, k: number): void {
  implFor(d).selectK(d, lo, hi, k)
}

/** selectK for every rank in `ks` (ascending, within [lo, hi)): each kth in place, partitioned between them. */
export function selectMany(d: Sortable, lo: number, hi: number, ks: readonly number[]): void {
  const impl = implFor(d)
  let from = lo
  for (const k of ks) {
    if (k < from) continue
    impl.selectK(d, from, hi, k)
    from = k + 1
  }
}

/** Rank selection of an index permutation idx[lo, hi) by the values v[idx[.]] (no NaN among them). */
export function argSelectK(v: Sortable, idx: Int32Array, lo: number, hi: number, k: number): void {
  implFor(v).argSelectK(v, idx, lo, hi, k)
}

/** argSelectK for every rank in `ks` (ascending). */
export function argSelectMany(v: Sortable, idx: Int32Array, lo: number, hi: number, ks: readonly number[]): void {
  const impl = implFor(v)
  let from = lo
  for (const k of ks) {
    if (k < from) continue
    impl.argSelectK(v, idx, from, hi, k)
    from = k + 1
  }
}
