/**
 * Exact count of the distinct bytes two views both touch.
 *
 * Method (not byte enumeration): each view is reduced to a set of equal-length *runs*. Axes are
 * mirrored to positive strides and sorted by stride; starting from the item (length = itemsize),
 * every axis whose stride is ≤ the current run length is folded into the run (its copies touch or
 * overlap, so their union is one interval). The remaining axes form a lattice of run starts, which
 * is enumerated only inside the window where the two extents intersect (whole sub-blocks outside
 * it are skipped). Runs are sorted if the lattice is not naturally ordered, merged into disjoint
 * intervals, and the two interval lists are intersected with a linear two-pointer sweep.
 * Cost: O(R log R) for R runs inside the window, independent of the itemsize and run lengths.
 */
import { type BigByteView, type DescriptorLike, toByteView } from './byte-view.js'
import { ValueError } from '../errors.js'
import { sameMemory } from '../memory/arena.js'

/**
 * Size cap: at most this many runs per view may lie in the window where the extents meet
 * (2^22 = 4,194,304; about 32 MiB of scratch per view). Larger problems throw ValueError
 * instead of running for a long time. Typical slices fold into few runs (a contiguous slice is
 * one run; an m×n sub-block of a C-contiguous array is m runs).
 */
export const SHARED_BYTES_RUN_CAP = 1 << 22

const SAFE = 2 ** 53

interface RunLattice {
  base: number // lowest byte
  runLength: number
  strides: number[] // outer axes, ascending stride
  counts: number[]
  spans: number[] // spans[k]: bytes covered by one block of the axes below k, plus the run
}

function num(x: number | bigint, what: string): number {
  const v = typeof x === 'bigint' ? Number(x) : x
  if (!Number.isSafeInteger(v) || (typeof x === 'bigint' && BigInt(v) !== x)) {
    throw new ValueError(`sharedByteCount: ${what} = ${String(x)} is not an integer below 2^53 in magnitude`)
  }
  return v
}

/** Folds a view into a lattice of equal runs; undefined for an empty view. */
function toLattice(v: BigByteView, name: string): RunLattice | undefined {
  const itemsize = num(v.itemsize, `${name}.itemsize`)
  if (itemsize < 1) throw new ValueError(`sharedByteCount: ${name}.itemsize must be positive, got ${itemsize}`)
  if (v.shape.length !== v.byteStrides.length) {
    throw new ValueError(`sharedByteCount: ${name} has ${v.shape.length} dimensions but ${v.byteStrides.length} strides`)
  }
  let base = num(v.byteOffset, `${name}.byteOffset`)
  const axes: { s: number; n: number }[] = []
  let empty = false
  for (let k = 0; k < v.shape.length; k++) {
    const n = num(v.shape[k]!, `${name}.shape[${k}]`)
    let s = num(v.byteStrides[k]!, `${name}.byteStrides[${k}]`)
    if (n < 0) throw new ValueError(`sharedByteCount: ${name}.shape[${k}] = ${n} is negative`)
    if (n === 0) empty = true
    if (n <= 1 || s === 0) continue
    if (s < 0) { base += s * (n - 1); s = -s }
    axes.push({ s, n })
  }
  if (empty) return undefined
  axes.sort((x, y) => x.s - y.s)
  let runLength = itemsize
  let i = 0
  while (i < axes.length && axes[i]!.s <= runLength) {
    runLength += axes[i]!.s * (axes[i]!.n - 1)
    i++
  }
  const strides: number[] = [], counts: number[] = [], spans: number[] = []
  let span = runLength
  for (; i < axes.length; i++) {
    strides.push(axes[i]!.s)
    counts.push(axes[i]!.n)
    spans.push(span)
    span += axes[i]!.s * (axes[i]!.n - 1)
  }
  if (!(Math.abs(base) + span < SAFE)) throw new ValueError(`sharedByteCount: ${name} reaches past 2^53 bytes`)
  return { base, runLength, strides, counts, spans }
}

/** Run starts of the lattice whose runs meet [lo, hi), in ascending order. */
function runsInWindow(L: RunLattice, lo: number, hi: number, name: string): Float64Array {
  // Upper bound on the runs visited: per axis, how many of its positions can meet the window.
  let bound = 1
  const width = hi - lo
  for (let k = 0; k < L.strides.length; k++) {
    bound *= Math.min(L.counts[k]!, Math.floor((width + L.spans[k]! - 1) / L.strides[k]!) + 1)
    if (bound > SHARED_BYTES_RUN_CAP) {
      throw new ValueError(
        `sharedByteCount: ${name} needs up to ${bound > 1e15 ? 'more than 1e15' : bound} byte runs in the shared window [${lo}, ${hi}), ` +
        `above the cap of ${SHARED_BYTES_RUN_CAP} (SHARED_BYTES_RUN_CAP)`)
    }
  }
  const out = new Float64Array(bound)
  let m = 0
  const top = L.strides.length - 1
  const rec = (k: number, p: number): void => {
    if (k < 0) { out[m++] = p; return }
    const s = L.strides[k]!
    // p + s·x must satisfy p + s·x < hi and p + s·x + spans[k] > lo.
    const first = Math.max(0, Math.ceil((lo - L.spans[k]! + 1 - p) / s))
    const last = Math.min(L.counts[k]! - 1, Math.floor((hi - 1 - p) / s))
    for (let x = first; x <= last; x++) rec(k - 1, p + s * x)
  }
  rec(top, L.base)
  const runs = out.subarray(0, m)
  for (let i = 1; i < m; i++) {
    if (runs[i]! < runs[i - 1]!) { runs.sort(); break } // axes interleave: order them
  }
  return runs
}

/** Merges equal-length runs (sorted starts) into disjoint [start, end) intervals, in place. */
function mergeRuns(starts: Float64Array, len: number): { s: Float64Array; e: Float64Array; n: number } {
  const e = new Float64Array(starts.length)
  let n = 0
  for (let i = 0; i < starts.length; i++) {
    const a = starts[i]!, b = a + len
    if (n > 0 && a <= e[n - 1]!) { if (b > e[n - 1]!) e[n - 1] = b }
    else { starts[n] = a; e[n] = b; n++ }
  }
  return { s: starts, e, n }
}

/** sharedByteCount on byte-level views of one buffer. */
export function sharedByteCountBytes(a: BigByteView, b: BigByteView): number {
  const la = toLattice(a, 'a')
  const lb = toLattice(b, 'b')
  if (la === undefined || lb === undefined) return 0
  const lo = Math.max(la.base, lb.base)
  const hi = Math.min(la.base + spanOf(la), lb.base + spanOf(lb))
  if (lo >= hi) return 0
  const A = mergeRuns(runsInWindow(la, lo, hi, 'a'), la.runLength)
  const B = mergeRuns(runsInWindow(lb, lo, hi, 'b'), lb.runLength)
  let total = 0
  let i = 0, j = 0
  while (i < A.n && j < B.n) {
    const s = Math.max(A.s[i]!, B.s[j]!)
    const e = Math.min(A.e[i]!, B.e[j]!)
    if (e > s) total += e - s
    if (A.e[i]! < B.e[j]!) i++
    else j++
  }
  return total
}

function spanOf(L: RunLattice): number {
  const k = L.strides.length
  return k === 0 ? L.runLength : L.spans[k - 1]! + L.strides[k - 1]! * (L.counts[k - 1]! - 1)
}

/**
 * Exact number of distinct bytes that both views touch (0 for different buffers or empty views).
 * Throws ValueError when a view needs more than SHARED_BYTES_RUN_CAP (2^22) runs inside the
 * window where the two extents intersect, rather than running for a long time.
 */
export function sharedByteCount(a: DescriptorLike, b: DescriptorLike): number {
  if (!sameMemory(a.buffer, b.buffer)) return 0
  return sharedByteCountBytes(toByteView(a), toByteView(b))
}
