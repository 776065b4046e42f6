/**
 * Golden replay of NumPy's NaN-aware reductions and statistics (test/fixtures/nan.json, written by
 * scripts/gen_nan_fixtures.py with NumPy 2.4.6): nansum, nanprod, nanmean, nanvar, nanstd, nanmin, nanmax,
 * nanargmin, nanargmax, countNonzero, ptp over every dtype and the layout matrix (contiguous, negative strides,
 * F-order steps, broadcast, empty, 0-d), NaN-heavy, all-NaN, ±inf, ties, sorted and reversed inputs, axis tuples
 * and keepdims; average with weights; cov and corrcoef. Results are compared on dtype, shape and values with
 * Object.is (so -0 and +0 differ), except where the fixture says "zero_sign": false (nanmin/nanmax: NumPy's SIMD
 * fmin picks the sign of equal zeros) or gives a tolerance (cov/corrcoef: NumPy's BLAS sums in its own order).
 * Errors are compared on class (and the NumPy message's key words).
 */
import { readFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { check, type Case, type Fixture } from './support/nan-cases.js'

const FIX = JSON.parse(readFileSync(join(dirname(fileURLToPath(import.meta.url)), 'fixtures', 'nan.json'), 'utf8')) as Fixture

describe(`nan golden (numpy ${FIX.numpy})`, () => {
  const byFn = new Map<string, Case[]>()
  for (const c of FIX.cases) byFn.set(c.fn, [...(byFn.get(c.fn) ?? []), c])
  for (const [fn, cases] of byFn) {
    it(`${fn}: ${cases.length} cases`, () => {
      const bad: string[] = []
      for (const c of cases) {
        const why = check(c, FIX.arrays)
        if (why !== null) bad.push(`${c.fn}(${c.a}${c.w ? `, w=${c.w}` : ''}${c.y ? `, y=${c.y}` : ''}, ${JSON.stringify(c.opts)}): ${why}`)
      }
      expect(bad.slice(0, 15), `${bad.length} of ${cases.length} differ`).toEqual([])
    })
  }
})
