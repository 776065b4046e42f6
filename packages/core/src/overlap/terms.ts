/**
 * Term simplification for the two-view problem (spec §1.3): sort by coefficient (largest first),
 * merge equal coefficients, trim each bound to b div a, and drop terms whose bound becomes 0.
 * The order of these steps matters for NumPy parity: a merged bound that overflows int64 is
 * OVERFLOW even when trimming would have shrunk it.
 */
import { INT64_MAX } from './byte-view.js'
import { numTerms } from './diophantine.js'

/** Stable insertion sort of numTerms[0..n) by coefficient, descending (n is at most a few dozen). */
export function sortTermsNumber(n: number): void {
  const a = numTerms.a, ub = numTerms.ub
  for (let i = 1; i < n; i++) {
    const ai = a[i]!, ui = ub[i]!
    let j = i - 1
    while (j >= 0 && a[j]! < ai) { a[j + 1] = a[j]!; ub[j + 1] = ub[j]!; j-- }
    a[j + 1] = ai
    ub[j + 1] = ui
  }
}

/**
 * Sorts, merges and trims numTerms[0..n) in place for right-hand side b (b ≥ 0, all values exact
 * numbers). Returns the new term count, or −1 when a merged bound is too large to stay exact.
 */
export function simplifyTermsNumber(n: number, b: number): number {
  sortTermsNumber(n)
  const a = numTerms.a, ub = numTerms.ub
  let m = 0
  for (let j = 0; j < n; j++) {
    if (m > 0 && a[m - 1] === a[j]) {
      ub[m - 1] = ub[m - 1]! + ub[j]!
      if (!(ub[m - 1]! < 2 ** 53)) return -1
    } else {
      a[m] = a[j]!
      ub[m] = ub[j]!
      m++
    }
  }
  let k = 0
  for (let j = 0; j < m; j++) {
    const aj = a[j]!
    const cap = Math.floor(b / aj) // exact: b < 2^53 (see modNum in diophantine.ts)
    const u = ub[j]! < cap ? ub[j]! : cap
    if (u === 0) continue // the variable must be 0
    a[k] = aj
    ub[k] = u
    k++
  }
  return k
}

/** A term of the BigInt path: coefficient a > 0, variable in [0, ub]. */
export interface BigTerm { a: bigint; ub: bigint }

/** Stable sort of BigInt terms by coefficient, descending. */
export function sortTermsBig(terms: BigTerm[]): BigTerm[] {
  return terms.sort((x, y) => (x.a > y.a ? -1 : x.a < y.a ? 1 : 0))
}

/** simplifyTermsNumber for BigInt terms; 'overflow' when a merged bound passes int64. */
export function simplifyTermsBig(terms: BigTerm[], b: bigint): BigTerm[] | 'overflow' {
  // Infeasible problems are left alone; the solver answers NO for them.
  if (b < 0n || terms.some((t) => t.ub < 0n)) return terms
  sortTermsBig(terms)
  const merged: BigTerm[] = []
  let overflow = false
  for (const t of terms) {
    const last = merged[merged.length - 1]
    if (last !== undefined && last.a === t.a) {
      last.ub += t.ub
      if (last.ub > INT64_MAX) overflow = true
    } else {
      merged.push({ a: t.a, ub: t.ub })
    }
  }
  if (overflow) return 'overflow'
  const out: BigTerm[] = []
  for (const t of merged) {
    const cap = b / t.a
    const ub = t.ub < cap ? t.ub : cap
    if (ub !== 0n) out.push({ a: t.a, ub })
  }
  return out
}
