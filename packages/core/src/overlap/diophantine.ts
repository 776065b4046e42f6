/**
 * Bounded linear Diophantine solver (spec §1.4): is there an integer x with
 *   Σ a_i·x_i = b,   0 ≤ x_i ≤ ub_i,   a_0 ≥ a_1 ≥ … > 0 ?
 *
 * Variables are merged left to right: level v decides x_v in A·Y + a_v·x_v = b, where Y stands for
 * x_0..x_{v−1} with A = gcd(a_0..a_{v−1}) and Y ≤ U_{v−1}. The feasible x_v form one residue class
 * modulo m = A/g (g = gcd(A, a_v)) inside an interval; a depth-first search tries them from the
 * largest down, which is the order NumPy's t-loop visits them, so the work count (one unit per
 * node that finishes with NO, budget checked on entry) and hence TOO_HARD match NumPy exactly.
 *
 * Two implementations of the same search:
 * - a number one on preallocated Float64Arrays, used only when every intermediate provably stays
 *   below 2^53 (checked up front), so the common case allocates nothing and touches no BigInt;
 * - a BigInt one for everything else, which also reports NumPy's int64 overflows of the bounds U_j.
 */
import type { OverlapOutcome } from './byte-view.js'
import { INT64_MAX } from './byte-view.js'

/** Integers up to 2^53 in magnitude are exact doubles. */
const SAFE = 2 ** 53
/** floor(sqrt(2^53)): with m ≤ this, (c mod m)·inv < m² < 2^53 stays exact. */
const MAX_MODULUS = 94906265

// ---------------------------------------------------------------------------------------------
// Number solver state. Callers write terms into `numTerms` (sorted, a > 0, ub ≥ 0) and call
// solveNumber. Module-level arrays keep the hot path free of allocations.

export const numTerms: { a: Float64Array; ub: Float64Array } = { a: new Float64Array(16), ub: new Float64Array(16) }
let G: Float64Array = new Float64Array(16) // G[j] = gcd(a_0..a_j)
let PRE: Float64Array = new Float64Array(16) // PRE[j] = Σ_{i≤j} a_i·ub_i  (= A·U_j, the largest value Y·A can take)
let MOD: Float64Array = new Float64Array(16) // MOD[v] = G[v−1]/G[v], the step between feasible x_v
let INV: Float64Array = new Float64Array(16) // INV[v] = (a_v/G[v])⁻¹ mod MOD[v]
let X: Float64Array = new Float64Array(16) // current partial solution (needed for the midpoint test)
let count = 0
let budget = -1
let nontrivial = false

/** Makes room for n terms in numTerms (and the per-level arrays). */
export function reserveTerms(n: number): void {
  if (numTerms.a.length >= n) return
  const size = Math.max(n, 2 * numTerms.a.length)
  const grow = (old: Float64Array): Float64Array => { const f = new Float64Array(size); f.set(old); return f }
  numTerms.a = grow(numTerms.a)
  numTerms.ub = grow(numTerms.ub)
  G = new Float64Array(size); PRE = new Float64Array(size); MOD = new Float64Array(size)
  INV = new Float64Array(size); X = new Float64Array(size)
}

/**
 * x mod y (floored, so the result is in [0, y) for y > 0) for exact integers below 2^53.
 * JS `%` on doubles calls fmod (~30 ns); floor(x/y) is exact here because a quotient that is not
 * an integer stays at least 1/y away from one, more than the division's rounding error.
 */
function modNum(x: number, y: number): number {
  return x - Math.floor(x / y) * y
}

function gcdNum(x: number, y: number): number {
  while (y !== 0) { const r = modNum(x, y); x = y; y = r }
  return x
}

/** Inverse of p modulo m (gcd(p, m) = 1, 0 ≤ p < m ≤ MAX_MODULUS); 0 when m = 1. */
function invNum(p: number, m: number): number {
  if (m === 1) return 0
  let r0 = m, r1 = p, t0 = 0, t1 = 1
  while (r1 !== 0) {
    const q = Math.floor(r0 / r1)
    const r2 = r0 - q * r1; r0 = r1; r1 = r2
    const t2 = t0 - q * t1; t0 = t1; t1 = t2
  }
  return t0 < 0 ? t0 + m : t0
}

/**
 * Solves the problem held in numTerms[0..n) with right-hand side b, or returns undefined when
 * number arithmetic could be inexact (the caller then redoes the problem on the BigInt path).
 * requireNontrivial: reject the solution x_i = ub_i/2 for all i (internal-overlap midpoint trick).
 */
export function solveNumber(n: number, b: number, maxWork: number, requireNontrivial: boolean): OverlapOutcome | undefined {
  const a = numTerms.a, ub = numTerms.ub
  if (b < 0) return 'no'
  if (!(b < SAFE)) return undefined
  if (n === 0) return !requireNontrivial && b === 0 ? 'yes' : 'no'
  if (n === 1) {
    if (requireNontrivial) return 'no'
    return modNum(b, a[0]!) === 0 && b / a[0]! <= ub[0]! ? 'yes' : 'no'
  }
  // Precompute gcd chain, prefix sums and modular inverses; bail out if anything could be inexact.
  let pre = a[0]! * ub[0]!
  if (!(pre < SAFE)) return undefined
  G[0] = a[0]!
  PRE[0] = pre
  for (let j = 1; j < n; j++) {
    const aj = a[j]!
    const g = gcdNum(G[j - 1]!, aj)
    const m = G[j - 1]! / g
    if (m > MAX_MODULUS) return undefined
    pre += aj * ub[j]!
    // A product or sum whose true value reaches 2^53 rounds to ≥ 2^53, so this catches all inexactness.
    if (!(pre < SAFE)) return undefined
    G[j] = g
    PRE[j] = pre
    MOD[j] = m
    INV[j] = invNum(modNum(aj / g, m), m)
  }
  count = 0
  budget = maxWork
  nontrivial = requireNontrivial
  return dfsNumber(n - 1, b, n)
}

function dfsNumber(v: number, b: number, n: number): OverlapOutcome {
  if (budget >= 0 && count >= budget) return 'too-hard'
  const g = G[v]!
  const c = Math.floor(b / g)
  if (c * g !== b) { count++; return 'no' }
  const av = numTerms.a[v]!
  const m = MOD[v]!
  const r = modNum(modNum(c, m) * INV[v]!, m) // x_v ≡ r (mod m) makes Y an integer
  // x_v ≤ ub_v and a_v·x_v ≤ b (Y ≥ 0)
  let hi = Math.floor(b / av)
  const ubv = numTerms.ub[v]!
  if (ubv < hi) hi = ubv
  // a_v·x_v ≥ b − A·U_{v−1} (Y ≤ U_{v−1})
  const rest = b - PRE[v - 1]!
  const lo = rest > 0 ? Math.ceil(rest / av) : 0
  if (hi < lo) { count++; return 'no' }
  let x = hi - modNum(hi - r, m) // largest feasible x_v in the residue class
  if (x < lo) { count++; return 'no' }
  if (v === 1) {
    if (nontrivial) {
      X[1] = x
      X[0] = (b - av * x) / numTerms.a[0]!
      if (isMidpoint(n)) { count++; return 'no' }
    }
    return 'yes'
  }
  for (; x >= lo; x -= m) {
    X[v] = x
    const res = dfsNumber(v - 1, b - av * x, n)
    if (res !== 'no') return res
  }
  count++
  return 'no'
}

function isMidpoint(n: number): boolean {
  const ub = numTerms.ub
  for (let j = 0; j < n; j++) if (X[j] !== ub[j]! / 2) return false
  return true
}

// ---------------------------------------------------------------------------------------------
// BigInt solver: same search, exact at any size, with NumPy's int64 overflow checks.

interface BigState {
  readonly a: readonly bigint[]
  readonly ub: readonly bigint[]
  readonly g: bigint[]
  readonly pre: bigint[]
  readonly mod: bigint[]
  readonly inv: bigint[]
  readonly x: bigint[]
  readonly budget: number
  readonly nontrivial: boolean
  count: number
}

function gcdBig(x: bigint, y: bigint): bigint {
  while (y !== 0n) { const r = x % y; x = y; y = r }
  return x
}

function invBig(p: bigint, m: bigint): bigint {
  if (m === 1n) return 0n
  let r0 = m, r1 = p, t0 = 0n, t1 = 1n
  while (r1 !== 0n) {
    const q = r0 / r1
    const r2 = r0 - q * r1; r0 = r1; r1 = r2
    const t2 = t0 - q * t1; t0 = t1; t1 = t2
  }
  return t0 < 0n ? t0 + m : t0
}

/**
 * Exact solver over BigInt terms (a sorted descending, all > 0). Reports 'overflow' where NumPy's
 * int64 precomputation of the merged bounds U_1..U_{n−2} would overflow.
 */
export function solveBig(a: readonly bigint[], ub: readonly bigint[], b: bigint, maxWork: number, requireNontrivial: boolean): OverlapOutcome {
  const n = a.length
  for (let j = 0; j < n; j++) {
    if (a[j]! <= 0n) throw new Error(`overlap solver: coefficient ${a[j]} must be positive`)
    if (ub[j]! < 0n) return 'no'
  }
  if (b < 0n) return 'no'
  if (n === 0) return !requireNontrivial && b === 0n ? 'yes' : 'no'
  if (n === 1) {
    if (requireNontrivial) return 'no'
    return b % a[0]! === 0n && b / a[0]! <= ub[0]! ? 'yes' : 'no'
  }
  const g: bigint[] = [a[0]!]
  const pre: bigint[] = [a[0]! * ub[0]!]
  const mod: bigint[] = [1n]
  const inv: bigint[] = [0n]
  let u = ub[0]! // U_j, kept only to mirror NumPy's int64 overflow check
  for (let j = 1; j < n; j++) {
    const gj = gcdBig(g[j - 1]!, a[j]!)
    const m = g[j - 1]! / gj
    if (j <= n - 2) {
      u = m * u + (a[j]! / gj) * ub[j]!
      if (u > INT64_MAX) return 'overflow'
    }
    g.push(gj)
    pre.push(pre[j - 1]! + a[j]! * ub[j]!)
    mod.push(m)
    inv.push(invBig((a[j]! / gj) % m, m))
  }
  const st: BigState = { a, ub, g, pre, mod, inv, x: new Array<bigint>(n).fill(0n), budget: maxWork, nontrivial: requireNontrivial, count: 0 }
  return dfsBig(st, n - 1, b)
}

function dfsBig(st: BigState, v: number, b: bigint): OverlapOutcome {
  if (st.budget >= 0 && st.count >= st.budget) return 'too-hard'
  const g = st.g[v]!
  if (b % g !== 0n) { st.count++; return 'no' }
  const av = st.a[v]!
  const m = st.mod[v]!
  const r = ((b / g) % m) * st.inv[v]! % m
  let hi = b / av
  if (st.ub[v]! < hi) hi = st.ub[v]!
  const rest = b - st.pre[v - 1]!
  let lo = 0n
  if (rest > 0n) lo = (rest + av - 1n) / av
  if (hi < lo) { st.count++; return 'no' }
  let x = hi - ((((hi - r) % m) + m) % m)
  if (x < lo) { st.count++; return 'no' }
  if (v === 1) {
    if (st.nontrivial) {
      st.x[1] = x
      st.x[0] = (b - av * x) / st.a[0]!
      if (st.x.every((xi, j) => xi * 2n === st.ub[j]!)) { st.count++; return 'no' }
    }
    return 'yes'
  }
  for (; x >= lo; x -= m) {
    st.x[v] = x
    const res = dfsBig(st, v - 1, b - av * x)
    if (res !== 'no') return res
  }
  st.count++
  return 'no'
}
