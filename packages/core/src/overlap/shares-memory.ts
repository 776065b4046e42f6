/**
 * Do two views of one buffer share a byte? (spec §1.1–1.4, NumPy's solve_may_share_memory.)
 *
 * Pipeline: extent test → max_work = 0 gives up → the bounded Diophantine problem
 *   Σ |sa_i|·ya_i + Σ |sb_j|·yb_j + ka + kb = RHS
 * (A measured up from its lowest byte, B down from its highest, RHS the smaller of the two
 * mirrored choices) → simplify → solve.
 *
 * The common case (real buffers, byte numbers far below 2^53) runs entirely in number arithmetic
 * on preallocated scratch arrays; anything that could be inexact is redone with BigInt.
 */
import {
  type BigByteView, type DescriptorLike, type ExactView, type OverlapOutcome,
  INT64_MAX, INT64_MIN, describeView, itemsizeOf, toByteView, toExactView,
} from './byte-view.js'
import { numTerms, reserveTerms, solveBig, solveNumber } from './diophantine.js'
import { checkMaxWork } from './max-work.js'
import { checkOptions } from '../check-options.js'
import { type BigTerm, simplifyTermsBig, simplifyTermsNumber } from './terms.js'
import { OverflowError, TooHardError } from '../errors.js'
import { sameMemory } from '../memory/arena.js'

const SAFE = 2 ** 53

/**
 * Where the buffer is assumed to live when emulating NumPy's pointer arithmetic. NumPy adds the
 * int64-wrapped extent offsets to the real data pointer modulo 2^64, so views whose extent runs
 * below address 0 compare as "no overlap". Real heap addresses on x86-64 Linux are near 2^46–2^47;
 * any view that stays within 2^46 bytes below its buffer (every real view) is unaffected.
 */
export const NOMINAL_BUFFER_ADDRESS = 2n ** 46n
const NOMINAL = 2 ** 46

// Extent of the last view measured by numberExtent (module variables avoid allocating tuples).
let extStart = 0
let extEnd = 0

/**
 * Byte extent in numbers. `scale` turns the given strides into byte strides (itemsize for
 * element-level descriptors, 1 for ByteViews); `off` is already in bytes.
 * Returns 0 for an empty view, 1 with extStart/extEnd set, −1 when not provably exact or not
 * plain integers (the caller then takes the validating BigInt path).
 */
function numberExtent(itemsize: number, shape: readonly (number | bigint)[], strides: readonly (number | bigint)[], scale: number, off: number | bigint): number {
  let lo = 0
  let hi = 0
  const nd = shape.length
  if (strides.length !== nd || !(itemsize >= 1) || !Number.isInteger(itemsize)) return -1
  for (let k = 0; k < nd; k++) {
    const n = shape[k]
    const s = strides[k]
    if (n === 0) return 0
    if (typeof n !== 'number' || typeof s !== 'number' || !(n > 0) || !Number.isInteger(n) || !Number.isInteger(s)) return -1
    const d = s * scale * (n - 1)
    if (d > 0) hi += d
    else lo += d
  }
  if (typeof off !== 'number' || !Number.isInteger(off)) return -1
  // Rounding is monotone: if these stay below 2^53, every product and sum above was exact.
  if (!(hi < SAFE && -lo < SAFE)) return -1
  extStart = off + lo
  extEnd = off + hi + itemsize
  if (!(extStart >= -NOMINAL && extEnd < SAFE)) return -1
  return 1
}

function pushTermsNumber(n: number, shape: readonly (number | bigint)[], strides: readonly (number | bigint)[], scale: number): number {
  const a = numTerms.a, ub = numTerms.ub
  for (let k = 0; k < shape.length; k++) {
    const d = shape[k] as number
    if (d <= 1) continue
    const s = (strides[k] as number) * scale
    if (s === 0) continue // cannot move the address
    a[n] = s < 0 ? -s : s
    ub[n] = d - 1
    n++
  }
  return n
}

/** Number-only attempt; undefined means "redo exactly with BigInt". Inputs are unvalidated. */
function fastOutcome(
  ia: number, shA: readonly (number | bigint)[], stA: readonly (number | bigint)[], scA: number, offA: number | bigint,
  ib: number, shB: readonly (number | bigint)[], stB: readonly (number | bigint)[], scB: number, offB: number | bigint,
  maxWork: number,
): OverlapOutcome | undefined {
  const ea = numberExtent(ia, shA, stA, scA, offA)
  if (ea < 0) return undefined
  const startA = extStart, endA = extEnd
  const eb = numberExtent(ib, shB, stB, scB, offB)
  if (eb < 0) return undefined
  if (ea === 0 || eb === 0) return 'no'
  const startB = extStart, endB = extEnd
  if (!(startA < endB && startB < endA)) return 'no'
  if (maxWork === 0) return 'too-hard'
  const r1 = endB - 1 - startA
  const r2 = endA - 1 - startB
  const rhs = r1 < r2 ? r1 : r2
  reserveTerms(shA.length + shB.length + 2)
  let n = pushTermsNumber(0, shA, stA, scA)
  n = pushTermsNumber(n, shB, stB, scB)
  if (ia > 1) { numTerms.a[n] = 1; numTerms.ub[n] = ia - 1; n++ }
  if (ib > 1) { numTerms.a[n] = 1; numTerms.ub[n] = ib - 1; n++ }
  n = simplifyTermsNumber(n, rhs)
  if (n < 0) return undefined
  return solveNumber(n, rhs, maxWork, false)
}

function pushTermsBig(terms: BigTerm[], v: ExactView): 'overflow' | undefined {
  for (let k = 0; k < v.shape.length; k++) {
    const n = v.shape[k]!, s = v.strides[k]!
    if (n <= 1n || s === 0n) continue
    if (s === INT64_MIN) return 'overflow' // |INT64_MIN| does not fit in int64
    terms.push({ a: s < 0n ? -s : s, ub: n - 1n })
  }
  return undefined
}

/**
 * NumPy's extent as unsigned 64-bit addresses: per-axis offsets and their sums wrap like int64
 * (offset_bounds_from_strides), and are added to the (nominal) data pointer modulo 2^64. Only
 * views spanning ≥ 2^63 bytes or reaching below address 0 are affected by the wrapping.
 */
function numpyAddressExtent(v: ExactView): [bigint, bigint] {
  let lower = 0n
  let upper = 0n
  const ptr = BigInt.asUintN(64, NOMINAL_BUFFER_ADDRESS + v.offset)
  for (let k = 0; k < v.shape.length; k++) {
    const n = v.shape[k]!
    if (n === 0n) return [ptr, ptr]
    const d = BigInt.asIntN(64, v.strides[k]! * (n - 1n))
    if (d > 0n) upper = BigInt.asIntN(64, upper + d)
    else lower = BigInt.asIntN(64, lower + d)
  }
  upper = BigInt.asIntN(64, upper + v.itemsize)
  return [BigInt.asUintN(64, ptr + lower), BigInt.asUintN(64, ptr + upper)]
}

/** The exact, general path on validated BigInt views. */
export function solveOverlapExact(a: ExactView, b: ExactView, maxWork: number): OverlapOutcome {
  const [startA, endA] = numpyAddressExtent(a)
  const [startB, endB] = numpyAddressExtent(b)
  if (!(startA < endB && startB < endA && startA < endA && startB < endB)) return 'no'
  if (maxWork === 0) return 'too-hard'
  const r1 = endB - 1n - startA
  const r2 = endA - 1n - startB
  const rhs = r1 < r2 ? r1 : r2
  if (rhs > INT64_MAX) return 'overflow'
  const terms: BigTerm[] = []
  if (pushTermsBig(terms, a) === 'overflow' || pushTermsBig(terms, b) === 'overflow') return 'overflow'
  if (a.itemsize > 1n) terms.push({ a: 1n, ub: a.itemsize - 1n })
  if (b.itemsize > 1n) terms.push({ a: 1n, ub: b.itemsize - 1n })
  const simple = simplifyTermsBig(terms, rhs)
  if (simple === 'overflow') return 'overflow'
  return solveBig(simple.map((t) => t.a), simple.map((t) => t.ub), rhs, maxWork, false)
}

/**
 * Overlap outcome of two byte-level views of the same buffer (NumPy semantics for this max_work).
 * Throws ValueError only for an invalid maxWork or malformed view; never TooHard/Overflow.
 */
export function solveOverlap(a: BigByteView, b: BigByteView, maxWork: number): OverlapOutcome {
  if (maxWork !== -1) checkMaxWork(maxWork)
  const fast = fastOutcome(a.itemsize, a.shape, a.byteStrides, 1, a.byteOffset, b.itemsize, b.shape, b.byteStrides, 1, b.byteOffset, maxWork)
  if (fast !== undefined) return fast
  return solveOverlapExact(toExactView(a, 'a'), toExactView(b, 'b'), maxWork)
}

/**
 * Overlap outcome of two element-level views (ArrayDescriptors, NDArrays). Views of different
 * buffers never overlap ('no' in O(1)). Non-throwing for valid views: the budget and overflow
 * cases come back as 'too-hard' / 'overflow'. maxWork: −1 exact (default), 0 extents only
 * ('too-hard' when they intersect), k > 0 a budget of k failed search nodes.
 */
export function overlapOutcome(a: DescriptorLike, b: DescriptorLike, maxWork = -1): OverlapOutcome {
  if (!sameMemory(a.buffer, b.buffer)) return 'no'
  if (maxWork !== -1) checkMaxWork(maxWork)
  const ia = itemsizeOf(a.dtype)
  const ib = itemsizeOf(b.dtype)
  const fast = fastOutcome(ia, a.shape, a.strides, ia, a.offset * ia, ib, b.shape, b.strides, ib, b.offset * ib, maxWork)
  if (fast !== undefined) return fast
  return solveOverlapExact(toExactView(toByteView(a), 'a'), toExactView(toByteView(b), 'b'), maxWork)
}

/** Turns a solver outcome into NumPy's shares_memory answer (raising for too-hard / overflow). */
function decide(outcome: OverlapOutcome, maxWork: number, what: string, views: () => string): boolean {
  switch (outcome) {
    case 'no': return false
    case 'yes': return true
    case 'too-hard':
      throw new TooHardError(`Exceeded max_work (max_work=${maxWork}) deciding ${what} of ${views()}`)
    case 'overflow':
      throw new OverflowError(`Integer overflow in computing overlap (${what} of ${views()})`)
  }
}

/**
 * Exactly whether two views share at least one byte (np.shares_memory). Default is exact
 * (maxWork −1). Throws TooHardError when the budget runs out (maxWork 0: whenever the extents
 * intersect), OverflowError when NumPy's int64 arithmetic would overflow, ValueError for a
 * maxWork that is not an integer ≥ −2.
 */
export function sharesMemory(a: DescriptorLike, b: DescriptorLike, opts?: { maxWork?: number }): boolean {
  checkOptions('sharesMemory', opts, ['maxWork'])
  const maxWork = opts?.maxWork ?? -1
  checkMaxWork(maxWork)
  const outcome = overlapOutcome(a, b, maxWork)
  return decide(outcome, maxWork, 'shares_memory', () => `${describeView(toByteView(a))} and ${describeView(toByteView(b))}`)
}

/**
 * np.may_share_memory: by default only the extent test (true when the byte extents intersect).
 * With opts.maxWork it runs the solver, and "don't know" (too-hard, overflow) counts as true.
 */
export function mayShareMemory(a: DescriptorLike, b: DescriptorLike, opts?: { maxWork?: number }): boolean {
  checkOptions('mayShareMemory', opts, ['maxWork'])
  const maxWork = opts?.maxWork ?? 0
  checkMaxWork(maxWork)
  return overlapOutcome(a, b, maxWork) !== 'no'
}

/** sharesMemory on byte-level views of one buffer. */
export function sharesMemoryBytes(a: BigByteView, b: BigByteView, opts?: { maxWork?: number }): boolean {
  const maxWork = opts?.maxWork ?? -1
  checkMaxWork(maxWork)
  return decide(solveOverlap(a, b, maxWork), maxWork, 'shares_memory', () => `${describeView(a)} and ${describeView(b)}`)
}

/** The outcome → boolean mapping, shared with internal overlap. */
export { decide as decideOutcome }
