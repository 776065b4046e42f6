/**
 * Property tests of the selection functions: partition/argpartition keep NumPy's guarantee (kth in sorted
 * position, smaller before, larger after, NaNs last, a permutation of the lane) for random arrays, dtypes, axes and
 * kth lists; the discrete quantile methods and median agree with a sort-based oracle; quantiles are monotone in q.
 * Then a live NumPy fuzz: fresh random quantile/percentile/median cases over every method, dtype and layout from
 * scripts/gen_quantile_fixtures.py --fresh (random seed, printed on failure; STRIDED_QUANTILE_FUZZ sets how many),
 * skipped with a notice when no NumPy >= 2 is available.
 */
import { spawnSync } from 'node:child_process'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { NDArray, argpartition, array, median, quantile, type DTypeName } from '@strided/core'
import { PYTHON, liveNumpyFor } from './support/numpy.js'
import { cmpNumpy, laneProblems, lanes, partitionProblems, takeLanes } from './support/partition-check.js'
import { checkStat, runStat, type QFixture } from './support/quantile-replay.js'
import * as S from '@strided/core'

const DTS: DTypeName[] = ['float64', 'float32', 'int32', 'int8', 'uint16', 'int64', 'bool']

const arb = fc.record({
  dtype: fc.constantFrom(...DTS),
  rows: fc.integer({ min: 1, max: 5 }),
  cols: fc.integer({ min: 1, max: 40 }),
  seed: fc.integer({ min: 0, max: 1 << 30 }),
  nan: fc.boolean(),
  axis: fc.constantFrom<number | null>(0, 1, -1, null),
  kth: fc.array(fc.integer({ min: -200, max: 200 }), { minLength: 1, maxLength: 4 }),
  transpose: fc.boolean(),
})

function makeArray(p: { dtype: DTypeName; rows: number; cols: number; seed: number; nan: boolean; transpose: boolean }): NDArray {
  let s = p.seed
  const rnd = (): number => { s = (s * 1103515245 + 12345) % 2147483648; return s / 2147483648 }
  const isFloat = p.dtype === 'float64' || p.dtype === 'float32'
  const v = Array.from({ length: p.rows * p.cols }, () => (isFloat && p.nan && rnd() < 0.2 ? NaN : Math.floor(rnd() * 12) - 4))
  let a = array(v).reshape([p.rows, p.cols])
  if (p.dtype !== 'float64') a = a.astype(p.dtype)
  return p.transpose ? a.T : a
}

describe('partition guarantee (fast-check)', () => {
  it('partition and argpartition', () => {
    fc.assert(fc.property(arb, (p) => {
      const a = makeArray(p)
      const n = p.axis === null ? a.size : a.shape[p.axis < 0 ? p.axis + 2 : p.axis]!
      const kth = p.kth.map((k) => ((k % n) + n) % n)
      const r = S.partition(a, kth, { axis: p.axis })
      const sorted = [...new Set(kth)].sort((x, y) => x - y)
      expect(partitionProblems(a, r, sorted, p.axis)).toEqual([])
      const idx = argpartition(a, kth, { axis: p.axis })
      const { values, problems } = takeLanes(a, idx, p.axis)
      expect(problems).toEqual([])
      expect(laneProblems(lanes(a, p.axis), values, sorted)).toEqual([])
    }), { numRuns: 150 })
  })
})

describe('order statistics against a sort oracle (fast-check)', () => {
  it('lower / higher / nearest / median of a float64 lane', () => {
    fc.assert(fc.property(fc.array(fc.integer({ min: -50, max: 50 }), { minLength: 1, maxLength: 60 }), fc.double({ min: 0, max: 1, noNaN: true }), (xs, q) => {
      const a = array(xs)
      const srt = [...xs].sort((x, y) => x - y)
      const n = xs.length
      expect(quantile(a, q, { method: 'lower' })).toBe(srt[Math.floor((n - 1) * q)])
      expect(quantile(a, q, { method: 'higher' })).toBe(srt[Math.ceil((n - 1) * q)])
      const m = n % 2 === 1 ? srt[(n - 1) / 2]! : (srt[n / 2 - 1]! + srt[n / 2]!) / 2
      expect(median(a)).toBe(m)
    }), { numRuns: 200 })
  })
  it('quantiles are monotone in q for the continuous methods', () => {
    fc.assert(fc.property(fc.array(fc.integer({ min: -1000, max: 1000 }), { minLength: 1, maxLength: 50 }), fc.constantFrom(...S.QUANTILE_METHODS), (xs, method) => {
      const qs = [0, 0.05, 0.2, 0.5, 0.51, 0.8, 0.99, 1]
      const r = (quantile(array(xs), qs, { method }) as NDArray).toFlatArray() as number[]
      for (let i = 1; i < r.length; i++) expect(cmpNumpy(r[i - 1]!, r[i]!)).toBeLessThanOrEqual(0)
    }), { numRuns: 100 })
  })
})

describe('live NumPy fuzz of quantile / percentile / median over every method', () => {
  const np = liveNumpyFor('the quantile live fuzz', '2.0')
  it.skipIf(!np.ok)('fresh random cases match NumPy bit for bit', () => {
    const seed = Math.floor(Math.random() * 1e9)
    const n = Number(process.env['STRIDED_QUANTILE_FUZZ'] ?? 150)
    const script = join(dirname(fileURLToPath(import.meta.url)), '..', 'scripts', 'gen_quantile_fixtures.py')
    const r = spawnSync(PYTHON, [script, '--fresh', String(n), '--seed', String(seed)], { encoding: 'utf8', maxBuffer: 64 << 20 })
    expect(r.status, r.stderr).toBe(0)
    const fx = JSON.parse(r.stdout) as QFixture
    for (const c of fx.cases) {
      try {
        if (c.error !== undefined) {
          let err: unknown
          try { runStat(c) } catch (e) { err = e }
          expect(err, c.error.message).toBeInstanceOf((S as unknown as Record<string, new () => Error>)[c.error.ts])
        } else checkStat(c, runStat(c))
      } catch (e) {
        throw new Error(`seed ${seed}: ${JSON.stringify(c).slice(0, 600)}\n${(e as Error).message}`)
      }
    }
  })
})
