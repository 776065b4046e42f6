/**
 * random.integers, random.choice, random.permutation and random.shuffle: reproducibility, shapes, dtypes and
 * bounds (int8/int64/uint64 extremes, endpoint), empty results, broadcasting; statistics on fixed seeds (so they
 * cannot flake): chi-square tests of uniformity and of p, and bias tests that a modulo reduction would fail;
 * fast-check properties (shuffle and permutation reorder whole subarrays of any layout and dtype and touch
 * nothing else, choice without replacement is distinct, choice draws from a); NumPy's errors replayed from
 * test/fixtures/random-errors.json (scripts/gen_random_fixtures.py), checked live against NumPy when present.
 */
import { spawnSync } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import * as S from '@strided/core'
import {
  AxisError, DTypeError, NDArray, OverlapError, ReadOnlyError, ValueError, arange, array, asStrided, moveaxis, random, zeros,
  type DTypeName,
} from '@strided/core'
import { makeBase, type Encoded } from './support/fixtures.js'
import { PYTHON, liveNumpyFor } from './support/numpy.js'

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..')
const FILE = join(ROOT, 'test', 'fixtures', 'random-errors.json')
const RUNS = { numRuns: 80 }

/** Pearson's chi-square statistic of observed counts against expected counts. */
function chi2(observed: readonly number[], expected: readonly number[]): number {
  let s = 0
  for (let i = 0; i < observed.length; i++) s += (observed[i]! - expected[i]!) ** 2 / expected[i]!
  return s
}
/** A generous bound for chi-square with df degrees of freedom: far in the tail (p well below 1e-4), yet a real bias exceeds it. */
const chi2Bound = (df: number): number => df + 6 * Math.sqrt(2 * df)

const flat = (a: NDArray): unknown[] => a.toFlatArray()
/** The subarrays along `axis`, as comparable strings (bigint-safe). */
const lanesOf = (a: NDArray, axis: number): string[] =>
  (moveaxis(a, axis, 0).toArray() as unknown[]).map((l) => JSON.stringify(l, (_k, v) => (typeof v === 'bigint' ? `${v}n` : v)))
const sorted = (xs: readonly string[]): string[] => [...xs].sort()
const errorOf = (f: () => unknown): Error => {
  try { f() } catch (e) { return e as Error }
  throw new Error('expected an error')
}

describe('random.integers', () => {
  it('is reproducible: the same seed gives the same values, different seeds differ', () => {
    const a = random.integers(0, 1000, [200], { seed: 7 })
    expect(flat(random.integers(0, 1000, [200], { seed: 7 }))).toEqual(flat(a))
    expect(flat(random.integers(0, 1000, [200], { seed: 8 }))).not.toEqual(flat(a))
    expect(random.integers(0, 2n ** 64n, 5, { seed: 3, dtype: 'uint64' }).toArray())
      .toEqual(random.integers(0, 2n ** 64n, 5, { seed: 3, dtype: 'uint64' }).toArray())
  })

  it('returns a JS scalar without size (as sum does), an NDArray with one; int64 by default', () => {
    expect(typeof random.integers(10, { seed: 1 })).toBe('bigint')
    expect(typeof random.integers(0, 10, { seed: 1, dtype: 'int32' })).toBe('number')
    expect(typeof random.integers(0, 2, null, { seed: 1, dtype: 'bool' })).toBe('boolean')
    const a = random.integers(0, 10, [2, 3], { seed: 1 })
    expect(a).toBeInstanceOf(NDArray)
    expect([a.dtype, ...a.shape]).toEqual(['int64', 2, 3])
    expect(a.flags.cContiguous).toBe(true)
    const z = random.integers(0, 10, [], { seed: 1 })
    expect([z.ndim, z.dtype]).toEqual([0, 'int64'])
    expect(random.integers(0, 10, 4, { seed: 1 }).shape).toEqual([4])
    // a 0-d NDArray bound counts as a scalar, as NumPy
    expect(typeof random.integers(array(0, { dtype: 'int64' }), array(5, { dtype: 'int64' }), { seed: 1 })).toBe('bigint')
  })

  it('draws [0, low) when high is omitted or null, and honours endpoint', () => {
    const v = flat(random.integers(3, undefined, 3000, { seed: 2, dtype: 'int16' })) as number[]
    expect(new Set(v)).toEqual(new Set([0, 1, 2]))
    const w = flat(random.integers(3, null, 3000, { seed: 2, dtype: 'int16', endpoint: true })) as number[]
    expect(new Set(w)).toEqual(new Set([0, 1, 2, 3]))
    const x = flat(random.integers(-2, 2, 3000, { seed: 5, dtype: 'int8' })) as number[]
    expect(new Set(x)).toEqual(new Set([-2, -1, 0, 1]))
    const y = flat(random.integers(-2, 2, 3000, { seed: 5, dtype: 'int8', endpoint: true })) as number[]
    expect(new Set(y)).toEqual(new Set([-2, -1, 0, 1, 2]))
    expect(random.integers(5, 5, 3, { seed: 1, endpoint: true }).toArray()).toEqual([5n, 5n, 5n])
    expect(random.integers(7, 8, 3, { seed: 1, dtype: 'uint8' }).toArray()).toEqual([7, 7, 7])
  })

  it('every integer dtype and bool, each within its range', () => {
    const dts: DTypeName[] = ['int8', 'uint8', 'int16', 'uint16', 'int32', 'uint32', 'int64', 'uint64']
    for (const dt of dts) {
      const info = S.dtype(dt)
      const a = random.integers(info.min!, info.max!, 400, { seed: 11, dtype: dt as 'int8', endpoint: true })
      expect(a.dtype).toBe(dt)
      for (const v of flat(a)) {
        expect(typeof v).toBe(info.bigint ? 'bigint' : 'number')
        expect((v as number) >= (info.min as number) && (v as number) <= (info.max as number)).toBe(true)
      }
      // a full range spreads out: both halves are hit
      const mid = info.bigint ? (BigInt(info.min!) + BigInt(info.max!)) / 2n : (Number(info.min) + Number(info.max)) / 2
      expect(flat(a).some((v) => (v as number) < (mid as number))).toBe(true)
      expect(flat(a).some((v) => (v as number) > (mid as number))).toBe(true)
    }
    const b = random.integers(0, 2, 200, { seed: 1, dtype: 'bool' })
    expect(b.dtype).toBe('bool')
    expect(new Set(flat(b))).toEqual(new Set([true, false]))
    expect(random.integers(0, 1, 5, { seed: 1, dtype: 'bool', endpoint: true }).dtype).toBe('bool')
    // NumPy's dtype spellings
    expect(random.integers(0, 5, 3, { seed: 1, dtype: 'i1' as 'int8' }).dtype).toBe('int8')
  })

  it('reaches the int8, int64 and uint64 extremes exactly', () => {
    const i8 = new Set(flat(random.integers(-128, 127, 4000, { seed: 4, dtype: 'int8', endpoint: true })))
    expect(i8.has(-128) && i8.has(127)).toBe(true)
    const i8x = new Set(flat(random.integers(-128, 128, 4000, { seed: 4, dtype: 'int8' })))
    expect(i8x.has(-128) && i8x.has(127)).toBe(true)
    const MIN = -(2n ** 63n)
    const MAX = 2n ** 63n - 1n
    const lo = flat(random.integers(MIN, MIN + 2n, 60, { seed: 1 }))
    expect(new Set(lo)).toEqual(new Set([MIN, MIN + 1n]))
    const hi = flat(random.integers(MAX - 1n, MAX, 60, { seed: 1, endpoint: true }))
    expect(new Set(hi)).toEqual(new Set([MAX - 1n, MAX]))
    expect(random.integers(MAX, MAX, { seed: 1, endpoint: true })).toBe(MAX)
    expect(random.integers(MIN, MIN + 1n, { seed: 1 })).toBe(MIN)
    const U = 2n ** 64n - 1n
    const u = flat(random.integers(U - 1n, 2n ** 64n, 60, { seed: 1, dtype: 'uint64' }))
    expect(new Set(u)).toEqual(new Set([U - 1n, U]))
    expect(random.integers(U, U, { seed: 1, dtype: 'uint64', endpoint: true })).toBe(U)
    // the full 64-bit ranges draw without error and stay in range
    for (const v of flat(random.integers(MIN, MAX, 100, { seed: 9, endpoint: true }))) expect((v as bigint) >= MIN && (v as bigint) <= MAX).toBe(true)
    for (const v of flat(random.integers(0, 2n ** 64n, 100, { seed: 9, dtype: 'uint64' }))) expect((v as bigint) >= 0n && (v as bigint) <= U).toBe(true)
    // number bounds beyond 2**53 are exact doubles: 2**63 is int64's exclusive top
    expect(flat(random.integers(2 ** 62, 2 ** 63, 20, { seed: 2 })).every((v) => (v as bigint) >= 2n ** 62n)).toBe(true)
  })

  it('truncates float bounds towards zero, as NumPy int()', () => {
    expect(new Set(flat(random.integers(1.9, 3.5, 200, { seed: 1, dtype: 'int32' })))).toEqual(new Set([1, 2]))
    expect(new Set(flat(random.integers(-0.5, 1, 50, { seed: 1, dtype: 'uint8' })))).toEqual(new Set([0]))
    expect(random.integers(true, { seed: 1, dtype: 'int32' })).toBe(0)
  })

  it('0-size outputs are empty arrays of the shape and dtype, even with bounds NumPy would refuse', () => {
    const e = random.integers(0, 10, [0, 3], { seed: 1, dtype: 'int16' })
    expect([...e.shape, e.dtype]).toEqual([0, 3, 'int16'])
    expect(random.integers(5, 3, 0, { seed: 1 }).shape).toEqual([0])
    expect(random.integers(-1, 300, [2, 0], { seed: 1, dtype: 'uint8' }).shape).toEqual([2, 0])
    expect((random.integers(0, [], { seed: 1 }) as NDArray).shape).toEqual([0])
  })

  it('broadcasts array bounds against each other and against size', () => {
    const los = [0, 5, 9]
    const his = [10, 20]
    const a = random.integers(los, his.map((h) => [h]), { seed: 3, dtype: 'int32', endpoint: true }) as NDArray
    expect([...a.shape, a.dtype]).toEqual([2, 3, 'int32'])
    const v = a.toArray() as number[][]
    for (let i = 0; i < 2; i++) for (let j = 0; j < 3; j++) expect(v[i]![j]! >= los[j]! && v[i]![j]! <= his[i]!).toBe(true)
    const b = random.integers(los, 20, [4, 3], { seed: 3 })
    expect(b.shape).toEqual([4, 3])
  })

  it('broadcast bounds per element: each column keeps its own range', () => {
    const lo = array([0, 1000, -50], { dtype: 'int64' })
    const hi = array([10, 1010, -40], { dtype: 'int64' })
    const a = random.integers(lo, hi, [500, 3], { seed: 6 })
    const cols = a.T.toArray() as bigint[][]
    expect(cols[0]!.every((x) => x >= 0n && x < 10n)).toBe(true)
    expect(cols[1]!.every((x) => x >= 1000n && x < 1010n)).toBe(true)
    expect(cols[2]!.every((x) => x >= -50n && x < -40n)).toBe(true)
    expect((random.integers(0, [5, 6], { seed: 1 }) as NDArray).shape).toEqual([2])
  })

  it('refuses bad options: unknown keys, a missing seed, a non-boolean endpoint', () => {
    expect(() => random.integers(0, 5, { seed: 1, endpoints: true } as never)).toThrow(ValueError)
    expect(errorOf(() => random.integers(0, 5, {} as never)).message).toMatch(/integers: the seed option/)
    expect(errorOf(() => random.integers(0, 5, { seed: 1.5 })).message).toMatch(/1\.5/)
    expect(() => random.integers(0, 5, { seed: 1, endpoint: 1 as never })).toThrow(DTypeError)
    expect(() => random.integers(0, 5, { seed: 1, dtype: 'nope' as never })).toThrow(DTypeError)
    expect(() => random.integers('3' as never, { seed: 1 })).toThrow(DTypeError)
  })
})

describe('random statistics (fixed seeds)', () => {
  it('integers over a small range pass a chi-square test', () => {
    for (const seed of [1, 2, 3]) {
      const k = 10
      const n = 50_000
      const counts = new Array<number>(k).fill(0)
      for (const v of flat(random.integers(0, k, n, { seed, dtype: 'int32' }))) counts[v as number]!++
      expect(chi2(counts, new Array(k).fill(n / k))).toBeLessThan(chi2Bound(k - 1))
    }
  })

  it('ranges that are not powers of two are unbiased (a modulo reduction would fail both)', () => {
    // [0, 3·2^30): x mod n would hit the lowest third twice as often
    const n32 = 3 * 2 ** 30
    const c32 = [0, 0, 0]
    for (const v of flat(random.integers(0, n32, 30_000, { seed: 5, dtype: 'uint32' }))) c32[Math.floor((v as number) / 2 ** 30)]!++
    expect(chi2(c32, [10_000, 10_000, 10_000])).toBeLessThan(chi2Bound(2))
    // the 64-bit path: [0, 3·2^62)
    const n64 = 3n * 2n ** 62n
    const c64 = [0, 0, 0]
    for (const v of flat(random.integers(0n, n64, 30_000, { seed: 5, dtype: 'uint64' }))) c64[Number((v as bigint) >> 62n)]!++
    expect(chi2(c64, [10_000, 10_000, 10_000])).toBeLessThan(chi2Bound(2))
    // and a range just above 2^32, whose draws need two words
    const c33 = [0, 0]
    for (const v of flat(random.integers(0n, 2n ** 33n, 20_000, { seed: 8 }))) c33[Number((v as bigint) >> 32n)]!++
    expect(chi2(c33, [10_000, 10_000])).toBeLessThan(chi2Bound(1))
  })

  it('choice with p draws in proportion to p; zero-probability entries never come up', () => {
    const p = [0.1, 0.2, 0, 0.3, 0.4]
    const n = 50_000
    const counts = new Array<number>(p.length).fill(0)
    for (const v of flat(random.choice(5, n, { seed: 12, p }) as NDArray)) counts[Number(v)]!++
    expect(counts[2]).toBe(0)
    const nz = [0, 1, 3, 4]
    expect(chi2(nz.map((i) => counts[i]!), nz.map((i) => p[i]! * n))).toBeLessThan(chi2Bound(3))
  })

  it('choice without replacement but with p: first picks follow p, second picks the successive-sampling law', () => {
    const p = [0.5, 0.3, 0.2]
    const trials = 20_000
    const first = [0, 0, 0]
    const second = [0, 0, 0]
    for (let t = 0; t < trials; t++) {
      const s = (random.choice(3, 2, { seed: 1000 + t, p, replace: false }) as NDArray).toArray() as bigint[]
      expect(s[0]).not.toBe(s[1])
      first[Number(s[0])]!++
      second[Number(s[1])]!++
    }
    expect(chi2(first, p.map((x) => x * trials))).toBeLessThan(chi2Bound(2))
    // P(second = j) = Σ_{i≠j} p_i p_j / (1 − p_i)
    const law = p.map((pj, j) => p.reduce((s, pi, i) => (i === j ? s : s + (pi * pj) / (1 - pi)), 0))
    expect(chi2(second, law.map((x) => x * trials))).toBeLessThan(chi2Bound(2))
  })

  it('choice without replacement is uniform over positions; permutation(3) over the 6 orders', () => {
    const pos = new Array<number>(10).fill(0)
    for (let t = 0; t < 5000; t++) for (const v of (random.choice(10, 3, { seed: t, replace: false }) as NDArray).toArray() as bigint[]) pos[Number(v)]!++
    expect(chi2(pos, new Array(10).fill(1500))).toBeLessThan(chi2Bound(9))
    const orders = new Map<string, number>()
    for (let t = 0; t < 12_000; t++) {
      const k = (random.permutation(3, { seed: t }).toArray() as bigint[]).join(',')
      orders.set(k, (orders.get(k) ?? 0) + 1)
    }
    expect(orders.size).toBe(6)
    expect(chi2([...orders.values()], new Array(6).fill(2000))).toBeLessThan(chi2Bound(5))
  })

  it('shuffle of a JS array and of an NDArray: each position uniform', () => {
    const at0 = new Array<number>(5).fill(0)
    for (let t = 0; t < 10_000; t++) {
      const a = arange(5, { dtype: 'int32' })
      random.shuffle(a, { seed: t })
      at0[a.get(0) as number]!++
    }
    expect(chi2(at0, new Array(5).fill(2000))).toBeLessThan(chi2Bound(4))
  })
})

describe('random.choice', () => {
  it('an integer population gives int64 indices; no size gives one bigint', () => {
    const s = random.choice(5, { seed: 1 })
    expect(typeof s).toBe('bigint')
    expect(s as bigint >= 0n && (s as bigint) < 5n).toBe(true)
    const a = random.choice(5, [3, 4], { seed: 1 }) as NDArray
    expect([a.dtype, ...a.shape]).toEqual(['int64', 3, 4])
    expect(flat(a).every((v) => (v as bigint) >= 0n && (v as bigint) < 5n)).toBe(true)
    expect(flat(random.choice(5, 6, { seed: 2 }) as NDArray)).toEqual(flat(random.choice(5, 6, { seed: 2 }) as NDArray))
    expect((random.choice(5, [], { seed: 1 }) as NDArray).ndim).toBe(0)
    expect(typeof random.choice(array(5, { dtype: 'int32' }), { seed: 1 })).toBe('bigint')
    // axis is ignored for an integer a, as NumPy
    expect(typeof random.choice(5, { seed: 1, axis: 3 })).toBe('bigint')
  })

  it('samples along an axis of an array: that axis becomes size', () => {
    const x = arange(24, { dtype: 'int16' }).reshape([2, 3, 4])
    const r = random.choice(x, [5], { seed: 3, axis: 1 }) as NDArray
    expect([...r.shape, r.dtype]).toEqual([2, 5, 4, 'int16'])
    // each picked row along axis 1 is a whole row of x
    const rows = new Set(lanesOf(x, 1))
    for (const l of lanesOf(r, 1)) expect(rows.has(l)).toBe(true)
    const r2 = random.choice(x, [2, 2], { seed: 3, axis: -1 }) as NDArray
    expect(r2.shape).toEqual([2, 3, 2, 2])
    // no size: the axis is removed
    expect((random.choice(x, { seed: 3 }) as NDArray).shape).toEqual([3, 4])
    expect((random.choice(x, null, { seed: 3, axis: 2 }) as NDArray).shape).toEqual([2, 3])
    // a 1-d array with no size gives its element
    expect([10, 20, 30]).toContain(random.choice([10, 20, 30], { seed: 4 }))
    expect(['bigint']).toContain(typeof random.choice(array([1n, 2n]), { seed: 4 }))
  })

  it('0 samples are fine from an empty population; p of zeros except one', () => {
    expect((random.choice(0, 0, { seed: 1 }) as NDArray).shape).toEqual([0])
    expect((random.choice(0, [2, 0], { seed: 1, replace: false }) as NDArray).shape).toEqual([2, 0])
    expect((random.choice(-3, [2, 0], { seed: 1 }) as NDArray).shape).toEqual([2, 0])
    expect((random.choice([], 0, { seed: 1 }) as NDArray).shape).toEqual([0])
    expect((random.choice(zeros([0, 3]), 2, { seed: 1, axis: 1 }) as NDArray).shape).toEqual([0, 2])
    expect(new Set(flat(random.choice(4, 50, { seed: 1, p: [0, 0, 1, 0] }) as NDArray))).toEqual(new Set([2n]))
    expect(flat(random.choice(4, 1, { seed: 1, p: [0, 0, 1, 0], replace: false }) as NDArray)).toEqual([2n])
    // a full sample without replacement is a permutation of the population, with or without p
    expect(flat(random.choice(6, 6, { seed: 2, replace: false }) as NDArray).map(Number).sort()).toEqual([0, 1, 2, 3, 4, 5])
    expect(flat(random.choice(4, 4, { seed: 2, replace: false, p: array([0.1, 0.2, 0.3, 0.4]) }) as NDArray).map(Number).sort()).toEqual([0, 1, 2, 3])
  })

  it("p's tolerance follows its float dtype, as NumPy", () => {
    // 1e-4 off: too much for float64 (sqrt(eps) ≈ 1.5e-8), within float32's sqrt(eps) ≈ 3.5e-4
    expect(() => random.choice(2, { seed: 1, p: [0.5, 0.5001] })).toThrow(ValueError)
    expect(() => random.choice(2, { seed: 1, p: array([0.5, 0.5001], { dtype: 'float32' }) })).not.toThrow()
    expect(() => random.choice(2, { seed: 1, p: [0.5, 0.5 + 1e-9] })).not.toThrow()
  })

  it('a large population with a small sample without replacement', () => {
    const s = flat(random.choice(2 ** 40, 1000, { seed: 1, replace: false }) as NDArray) as bigint[]
    expect(new Set(s).size).toBe(1000)
    expect(s.every((v) => v >= 0n && v < 2n ** 40n)).toBe(true)
  })

  it('properties: without replacement the positions are distinct; every element comes from a', () => {
    fc.assert(fc.property(fc.integer({ min: 1, max: 40 }), fc.integer({ min: 0, max: 40 }), fc.boolean(), fc.integer(), (n, k0, weighted, seed) => {
      const k = Math.min(k0, n)
      const p = weighted ? Array.from({ length: n }, (_, i) => (i + 1) / ((n * (n + 1)) / 2)) : undefined
      const idx = flat(random.choice(n, k, { seed, replace: false, p }) as NDArray).map(Number)
      expect(new Set(idx).size).toBe(k)
      expect(idx.every((i) => Number.isInteger(i) && i >= 0 && i < n)).toBe(true)
      const pool = Array.from({ length: n }, (_, i) => i * 3 - 7)
      const s = flat(random.choice(pool, k0, { seed, p }) as NDArray) as number[]
      expect(s.length).toBe(k0)
      expect(s.every((v) => pool.includes(v))).toBe(true)
    }), RUNS)
  })
})

/** A random owner of dtype dt, shape up to 3-d, holding distinct-ish values, and a strided view of it. */
const layout = fc.record({
  dt: fc.constantFrom<DTypeName>('bool', 'int8', 'uint16', 'int32', 'int64', 'uint64', 'float16', 'float32', 'float64'),
  shape: fc.array(fc.integer({ min: 1, max: 5 }), { minLength: 1, maxLength: 3 }),
  slices: fc.array(fc.record({ start: fc.integer({ min: 0, max: 4 }), step: fc.constantFrom(1, 2, -1, -2) }), { minLength: 3, maxLength: 3 }),
  transpose: fc.boolean(),
  axisPick: fc.nat(),
  seed: fc.integer(),
})

function build(l: { dt: DTypeName; shape: number[]; slices: { start: number; step: number }[]; transpose: boolean; axisPick: number }): { base: NDArray; view: NDArray; axis: number } {
  const size = l.shape.reduce((a, b) => a * b, 1)
  const vals = Array.from({ length: size }, (_, i) => (l.dt === 'bool' ? i % 3 === 0 : l.dt === 'int8' ? (i % 250) - 125 : i * 3 + 1))
  const base = array(vals as number[], { dtype: l.dt }).reshape(l.shape)
  const spec = l.shape.map((n, k) => {
    const { start, step } = l.slices[k]!
    const s = Math.min(start, n - 1)
    return `${s}::${step}`
  }).join(',')
  let view = base.slice(spec)
  if (l.transpose) view = view.T
  const axis = l.axisPick % view.ndim
  return { base, view, axis }
}

describe('random.shuffle and random.permutation', () => {
  it('shuffle reorders whole subarrays along the axis of any layout and dtype, and touches nothing else', () => {
    fc.assert(fc.property(layout, (l) => {
      const { base, view, axis } = build(l)
      const before = flat(base)
      const lanes = lanesOf(view, axis)
      // the base positions the view covers
      const covered = new Set<number>()
      const walk = (k: number, off: number): void => {
        if (k === view.ndim) { covered.add(off - base.offset); return }
        for (let i = 0; i < view.shape[k]!; i++) walk(k + 1, off + i * view.strides[k]!)
      }
      walk(0, view.offset)
      random.shuffle(view, { seed: l.seed, axis })
      expect(sorted(lanesOf(view, axis))).toEqual(sorted(lanes))
      const after = flat(base)
      for (let i = 0; i < before.length; i++) if (!covered.has(i)) expect(after[i]).toEqual(before[i])
    }), RUNS)
  })

  it('permutation is a shuffled copy (same lanes, input untouched); an integer gives a shuffled arange', () => {
    fc.assert(fc.property(layout, (l) => {
      const { view, axis } = build(l)
      const before = lanesOf(view, axis)
      const p = random.permutation(view, { seed: l.seed, axis })
      expect([...p.shape, p.dtype]).toEqual([...view.shape, view.dtype])
      expect(p.flags.cContiguous).toBe(true)
      expect(sorted(lanesOf(p, axis))).toEqual(sorted(before))
      expect(lanesOf(view, axis)).toEqual(before)
      expect(lanesOf(random.permutation(view, { seed: l.seed, axis }), axis)).toEqual(lanesOf(p, axis))
    }), RUNS)
    fc.assert(fc.property(fc.integer({ min: -3, max: 60 }), fc.integer(), (n, seed) => {
      const p = random.permutation(n, { seed })
      expect(p.dtype).toBe('int64')
      expect(flat(p).map(Number).sort((a, b) => a - b)).toEqual(Array.from({ length: Math.max(n, 0) }, (_, i) => i))
    }), RUNS)
  })

  it('shuffle along axis 1 of a 2-d array moves whole columns; the same seed gives the same order', () => {
    const a = arange(12, { dtype: 'int64' }).reshape([3, 4])
    const b = a.copy()
    random.shuffle(a, { seed: 5, axis: 1 })
    random.shuffle(b, { seed: 5, axis: -1 })
    expect(a.toArray()).toEqual(b.toArray())
    const rows = a.toArray() as bigint[][]
    // column j holds j', j'+4, j'+8 for some j'
    for (let j = 0; j < 4; j++) expect([rows[1]![j]! - rows[0]![j]!, rows[2]![j]! - rows[0]![j]!]).toEqual([4n, 8n])
    expect(rows[0]!.map(Number).sort()).toEqual([0, 1, 2, 3])
  })

  it('float16 is shuffled by its bits (NaN payloads and -0 kept); a JS array in place', () => {
    const h = array([NaN, -0, 1.5, Infinity, 65504], { dtype: 'float16' })
    const bits = [...(h.view('uint16').toFlatArray() as number[])].sort()
    random.shuffle(h, { seed: 3 })
    expect([...(h.view('uint16').toFlatArray() as number[])].sort()).toEqual(bits)
    const js = ['a', 'b', 'c', 'd', 'e', 'f']
    random.shuffle(js, { seed: 1 })
    expect([...js].sort()).toEqual(['a', 'b', 'c', 'd', 'e', 'f'])
    const js2 = ['a', 'b', 'c', 'd', 'e', 'f']
    random.shuffle(js2, { seed: 1 })
    expect(js2).toEqual(js)
  })

  it('a read-only or self-overlapping array is refused before anything is written', () => {
    const a = arange(6)
    a.flags.writeable = false
    const e = errorOf(() => random.shuffle(a, { seed: 1 }))
    expect(e).toBeInstanceOf(ReadOnlyError)
    expect(e.message).toMatch(/shuffle/)
    expect(a.toArray()).toEqual([0, 1, 2, 3, 4, 5])
    const b = arange(8)
    const o = asStrided(b, { shape: [4, 3], strides: [1, 1], writeable: true })
    const e2 = errorOf(() => random.shuffle(o, { seed: 1 }))
    expect(e2).toBeInstanceOf(OverlapError)
    expect(e2.message).toMatch(/shuffle.*shape \(4, 3\), strides \(1, 1\)/)
    expect(b.toArray()).toEqual([0, 1, 2, 3, 4, 5, 6, 7])
    // a broadcast view is read-only
    expect(() => random.shuffle(arange(3).broadcastTo([3, 3]), { seed: 1 })).toThrow(ReadOnlyError)
    const c = arange(4)
    expect(() => random.shuffle(c, { seed: 1, axis: 1 })).toThrow(AxisError)
    expect(() => random.shuffle(c, { seed: 1, bogus: 1 } as never)).toThrow(ValueError)
    expect(() => random.shuffle(c, {} as never)).toThrow(ValueError)
    expect(() => random.shuffle(5 as never, { seed: 1 })).toThrow(DTypeError)
    expect(c.toArray()).toEqual([0, 1, 2, 3])
  })
})

// ---------------------------------------------------------------- NumPy's errors

type Value = null | boolean | number | string | Value[] | { big: string } | { float: number | string } | { array: Enc } | { readonly: Enc }
interface Enc { dtype: DTypeName; shape: number[]; values: Encoded[] }
interface ErrorCase {
  fn: 'integers' | 'choice' | 'permutation' | 'shuffle'
  args: Value[]
  opts: Record<string, Value>
  numpy: { type: string; message: string }
  ts: string
  phrase: string
  mentions: string[]
}

function dec(v: Value): unknown {
  if (v === null || typeof v !== 'object') return v
  if (Array.isArray(v)) return v.map(dec)
  if ('big' in v) return BigInt(v.big)
  if ('float' in v) return v.float === 'nan' ? NaN : v.float === 'inf' ? Infinity : v.float === '-inf' ? -Infinity : v.float
  const spec = 'array' in v ? v.array : v.readonly
  const a = makeBase(spec)
  if ('readonly' in v) a.flags.writeable = false
  return a
}

const fixture = JSON.parse(readFileSync(FILE, 'utf8')) as { numpy: string; cases: ErrorCase[] }
const errorClass = (name: string): new (...a: never[]) => Error => (S as unknown as Record<string, new (...a: never[]) => Error>)[name]!

describe(`random errors (NumPy ${fixture.numpy} fixtures)`, () => {
  for (const c of fixture.cases) {
    it(`${c.fn}(${JSON.stringify(c.args)}, ${JSON.stringify(c.opts)}) → ${c.ts}: ${c.numpy.message}`, () => {
      const args = c.args.map(dec)
      const opts = Object.fromEntries(Object.entries(c.opts).map(([k, v]) => [k, dec(v)]))
      const before = args.map((a) => (a instanceof NDArray ? a.toArray() : undefined))
      const f = random[c.fn] as (...xs: unknown[]) => unknown
      const e = errorOf(() => f(...args, { seed: 1, ...opts }))
      expect(e, e.message).toBeInstanceOf(errorClass(c.ts))
      expect(e.message.toLowerCase()).toContain(c.phrase.toLowerCase())
      expect(e.message.startsWith(`${c.fn}: `) || e.message.includes(c.fn)).toBe(true)
      for (const m of c.mentions) expect(e.message).toContain(m)
      // nothing written into array arguments
      args.forEach((a, i) => { if (a instanceof NDArray) expect(a.toArray()).toEqual(before[i]) })
    })
  }

  const np = liveNumpyFor('random error fixtures against live NumPy', '2.4', 'the fixtures record NumPy 2.4 messages')
  it.skipIf(!np.ok)('the committed fixture is what the generator writes with the live NumPy', () => {
    const r = spawnSync(PYTHON, [join(ROOT, 'scripts', 'gen_random_fixtures.py'), '--stdout'], { encoding: 'utf8', timeout: 60_000 })
    expect(r.status, r.stderr).toBe(0)
    expect((JSON.parse(r.stdout) as { cases: ErrorCase[] }).cases).toEqual(fixture.cases)
  })
})
