/**
 * Property tests (fast-check) of the NaN-aware reductions against simple oracles, and a live NumPy fuzz: fresh
 * random cases from scripts/gen_nan_fixtures.py --fresh (random seed, printed on failure; STRIDED_NAN_FUZZ sets how
 * many), replayed bit for bit (cov/corrcoef to a tolerance). Without NumPy >= 2 the fuzz is skipped with a notice.
 */
import { spawnSync } from 'node:child_process'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import * as S from '@strided/core'
import { array } from '@strided/core'
import { PYTHON, liveNumpyFor } from './support/numpy.js'
import { check, type Fixture } from './support/nan-cases.js'

const val = fc.oneof(
  { weight: 6, arbitrary: fc.double({ min: -1e3, max: 1e3, noNaN: true }) },
  { weight: 3, arbitrary: fc.constant(NaN) },
  { weight: 1, arbitrary: fc.constantFrom(Infinity, -Infinity, -0, 0) },
)
const vec = fc.array(val, { minLength: 0, maxLength: 60 })
const same = (a: unknown, b: unknown): boolean => Object.is(a, b) || (typeof a === 'number' && typeof b === 'number' && Number.isNaN(a) && Number.isNaN(b))

describe('nan reductions: properties', () => {
  it('nansum / nanmean equal sum / mean of the NaN-replaced array, bit for bit', () => {
    fc.assert(fc.property(vec, (xs) => {
      const a = array(xs)
      const r = S.where(S.isnan(a), 0, a)
      expect(same(S.nansum(a), S.sum(r))).toBe(true)
      const n = xs.filter((x) => !Number.isNaN(x)).length
      expect(same(S.nanmean(a), n === 0 ? NaN : (S.sum(r) as number) / n)).toBe(true)
    }))
  })
  it('nanmin / nanmax are the min / max of the non-NaN values (NaN when none); nanargmin points at it', () => {
    fc.assert(fc.property(vec, (xs) => {
      const a = array(xs)
      const ok = xs.filter((x) => !Number.isNaN(x))
      if (xs.length === 0) { expect(() => S.nanmin(a)).toThrow(S.ValueError); return }
      const lo = ok.length === 0 ? NaN : ok.reduce((p, q) => (q < p ? q : p))
      const hi = ok.length === 0 ? NaN : ok.reduce((p, q) => (q > p ? q : p))
      expect(S.nanmin(a) === lo || same(S.nanmin(a), lo)).toBe(true)
      expect(S.nanmax(a) === hi || same(S.nanmax(a), hi)).toBe(true)
      if (ok.length === 0) expect(() => S.nanargmin(a)).toThrow(/All-NaN/)
      else {
        // as NumPy: NaN is replaced by +inf, so with +inf the minimum a NaN before it may be picked
        const at = xs[S.nanargmin(a)]!
        expect(at === lo || (lo === Infinity && Number.isNaN(at))).toBe(true)
      }
    }))
  })
  it('nanvar >= 0 and nanstd = sqrt(nanvar); countNonzero counts; ptp = max - min', () => {
    fc.assert(fc.property(fc.array(fc.double({ min: -1e3, max: 1e3, noNaN: true }), { minLength: 1, maxLength: 40 }), (xs) => {
      const a = array(xs)
      const v = S.nanvar(a)
      expect(v).toBeGreaterThanOrEqual(0)
      expect(S.nanstd(a)).toBe(Math.sqrt(v))
      expect(S.countNonzero(a)).toBe(xs.filter((x) => x !== 0).length)
      expect(S.ptp(a)).toBe((S.max(a) as number) - (S.min(a) as number))
    }))
  })
  it('average with unit weights equals the weighted formula; cov is symmetric with var on the diagonal', () => {
    fc.assert(fc.property(fc.array(fc.integer({ min: -100, max: 100 }), { minLength: 6, maxLength: 30 }), (xs) => {
      const n = xs.length - (xs.length % 2)
      const m = array(xs.slice(0, n)).reshape([2, n / 2])
      const c = S.cov(m)
      expect(c.get(0, 1)).toBe(c.get(1, 0))
      const v0 = S.var(m.slice('0'), { ddof: 1 }) as number
      expect(Math.abs((c.get(0, 0) as number) - v0)).toBeLessThanOrEqual(1e-9 * Math.max(1, Math.abs(v0)))
      const w = S.onesLike(m)
      expect(S.average(m, { weights: w })).toBe(S.mean(m))
    }))
  })
})

const live = liveNumpyFor('the live NumPy nan-reduction fuzz')
describe(`nan live NumPy fuzz${live.ok ? ` (numpy ${live.version})` : ` (skipped: ${live.reason})`}`, () => {
  const count = Number(process.env['STRIDED_NAN_FUZZ'] ?? 150)
  it.skipIf(!live.ok)(`${count} fresh random cases agree with NumPy`, () => {
    const seed = Math.floor(Math.random() * 2 ** 31)
    const script = join(dirname(fileURLToPath(import.meta.url)), '..', 'scripts', 'gen_nan_fixtures.py')
    const r = spawnSync(PYTHON, [script, '--fresh', String(count), '--seed', String(seed)], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 })
    expect(r.status, r.stderr).toBe(0)
    const fx = JSON.parse(r.stdout) as Fixture
    const bad: string[] = []
    for (const c of fx.cases) {
      const why = check(c, fx.arrays)
      if (why !== null) bad.push(`${c.fn}(${c.a}, ${JSON.stringify(c.opts)}): ${why}`)
    }
    expect(bad.slice(0, 10), `seed ${seed}: ${bad.length} of ${fx.cases.length} differ`).toEqual([])
  })
})

