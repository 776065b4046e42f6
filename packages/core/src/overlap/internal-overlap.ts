/**
 * Internal overlap: do two different index tuples of one view touch a common byte? (spec §1.6,
 * NumPy's solve_may_have_internal_overlap.)
 *
 * With mirrored (non-negative) coefficients, two index tuples x, x' hit the same byte iff
 * Σ a_i·(x_i + x'_i) = Σ a_i·ub_i. Writing z = x + x' (0 ≤ z_i ≤ 2·ub_i), the view overlaps itself
 * iff that equation has a solution other than the midpoint z_i = ub_i. The solver rejects the
 * midpoint at the leaf; solutions are symmetric about it, so this stays exact. Terms are sorted
 * but never merged (merging would change the question).
 */
import {
  type BigByteView, type DescriptorLike, type ExactView, type OverlapOutcome,
  INT64_MAX, INT64_MIN, describeView, itemsizeOf, toByteView, toExactView,
} from './byte-view.js'
import { numTerms, reserveTerms, solveBig, solveNumber } from './diophantine.js'
import { checkMaxWork } from './max-work.js'
import { checkOptions } from '../check-options.js'
import { decideOutcome } from './shares-memory.js'
import { type BigTerm, sortTermsBig, sortTermsNumber } from './terms.js'

const SAFE = 2 ** 53

/** Number-only attempt; undefined means "redo exactly with BigInt". */
function fastInternal(itemsize: number, shape: readonly (number | bigint)[], strides: readonly (number | bigint)[], scale: number, maxWork: number): OverlapOutcome | undefined {
  const nd = shape.length
  if (strides.length !== nd || !(itemsize >= 1) || !Number.isInteger(itemsize)) return undefined
  // NumPy's C-contiguity flag: size-1 axes are ignored, any size-0 axis makes the view contiguous.
  let expected = itemsize
  let contiguous = true
  for (let k = nd - 1; k >= 0; k--) {
    const n = shape[k], s = strides[k]
    if (typeof n !== 'number' || typeof s !== 'number' || !Number.isInteger(n) || !Number.isInteger(s) || n < 0) return undefined
    if (n === 0) return 'no'
    // Huge strides (|INT64_MIN| included) must reach the exact path's overflow check first.
    if (!(Math.abs(s * scale) < SAFE)) return undefined
    if (n !== 1) {
      if (s * scale !== expected) contiguous = false
      expected *= n
      if (!(expected < SAFE)) return undefined
    }
  }
  if (contiguous) return 'no'
  reserveTerms(nd + 1)
  const a = numTerms.a, ub = numTerms.ub
  let m = 0
  let sum = 0 // Σ a_i·ub_i, the right-hand side
  for (let k = 0; k <= nd; k++) {
    let ak: number, uk: number
    if (k < nd) {
      const s = (strides[k] as number) * scale
      ak = s < 0 ? -s : s
      uk = (shape[k] as number) - 1
    } else {
      if (itemsize <= 1) break
      ak = 1
      uk = itemsize - 1
    }
    if (uk === 0) continue
    if (ak === 0) return 'yes' // a stride-0 axis of length > 1
    a[m] = ak
    ub[m] = 2 * uk
    sum += ak * uk
    m++
  }
  // 2·sum bounds every value the solver forms; it must stay exact.
  if (!(2 * sum < SAFE)) return undefined
  sortTermsNumber(m)
  return solveNumber(m, sum, maxWork, true)
}

/** The exact, general path on a validated BigInt view. */
export function solveInternalOverlapExact(v: ExactView, maxWork: number): OverlapOutcome {
  const nd = v.shape.length
  let expected = v.itemsize
  let contiguous = true
  for (let k = nd - 1; k >= 0; k--) {
    const n = v.shape[k]!
    if (n === 0n) return 'no'
    if (n !== 1n) {
      if (v.strides[k] !== expected) contiguous = false
      expected *= n
    }
  }
  if (contiguous) return 'no'
  const raw: BigTerm[] = []
  for (let k = 0; k < nd; k++) {
    const s = v.strides[k]!
    if (s === INT64_MIN) return 'overflow' // |INT64_MIN| does not fit in int64
    raw.push({ a: s < 0n ? -s : s, ub: v.shape[k]! - 1n })
  }
  if (v.itemsize > 1n) raw.push({ a: 1n, ub: v.itemsize - 1n })
  const terms: BigTerm[] = []
  for (const t of raw) {
    if (t.ub === 0n) continue
    if (t.ub < 0n) return 'no'
    if (t.a === 0n) return 'yes'
    terms.push(t)
  }
  let sum = 0n
  for (const t of terms) {
    // NumPy doubles the bounds and sums a·ub in int64; past that range it cannot answer
    // (it raises an overflow/"Error in computing overlap"), which we report as 'overflow'.
    sum += t.a * t.ub
    t.ub *= 2n
    if (t.ub > INT64_MAX || sum > INT64_MAX) return 'overflow'
  }
  sortTermsBig(terms)
  return solveBig(terms.map((t) => t.a), terms.map((t) => t.ub), sum, maxWork, true)
}

/** Internal-overlap outcome of a byte-level view (NumPy semantics for this max_work). */
export function solveInternalOverlap(v: BigByteView, maxWork: number): OverlapOutcome {
  if (maxWork !== -1) checkMaxWork(maxWork)
  const fast = fastInternal(v.itemsize, v.shape, v.byteStrides, 1, maxWork)
  if (fast !== undefined) return fast
  return solveInternalOverlapExact(toExactView(v, 'view'), maxWork)
}

/** Internal-overlap outcome of an element-level view; non-throwing except for an invalid maxWork. */
export function internalOverlapOutcome(a: DescriptorLike, maxWork = -1): OverlapOutcome {
  if (maxWork !== -1) checkMaxWork(maxWork)
  const itemsize = itemsizeOf(a.dtype)
  const fast = fastInternal(itemsize, a.shape, a.strides, itemsize, maxWork)
  if (fast !== undefined) return fast
  return solveInternalOverlapExact(toExactView(toByteView(a), 'view'), maxWork)
}

/**
 * Whether two different elements of the view share a byte (broadcast stride-0 axes, sliding
 * windows, odd byte strides). Exact by default; C-contiguous views answer false at once.
 * Throws TooHardError / OverflowError / ValueError like sharesMemory.
 */
export function hasInternalOverlap(a: DescriptorLike, opts?: { maxWork?: number }): boolean {
  checkOptions('hasInternalOverlap', opts, ['maxWork'])
  const maxWork = opts?.maxWork ?? -1
  checkMaxWork(maxWork)
  return decideOutcome(internalOverlapOutcome(a, maxWork), maxWork, 'internal overlap', () => describeView(toByteView(a)))
}

/** hasInternalOverlap on a byte-level view. */
export function hasInternalOverlapBytes(v: BigByteView, opts?: { maxWork?: number }): boolean {
  const maxWork = opts?.maxWork ?? -1
  checkMaxWork(maxWork)
  return decideOutcome(solveInternalOverlap(v, maxWork), maxWork, 'internal overlap', () => describeView(v))
}
