/**
 * Property tests (fast-check) of sort, argsort, ndarray.sort and lexsort against simple oracles: the sorted
 * output is an ordered permutation of the input, argsort gathers to sort, a stable sort keeps the input order of
 * ties (the zeros' signs included), lexsort equals a comparator sort over its keys; plus a live NumPy fuzz that
 * replays fresh random cases from scripts/gen_sort_fixtures.py (skipped, with a notice, without NumPy >= 2).
 */
import { spawnSync } from 'node:child_process'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { argsort, array, lexsort, sort, takeAlongAxis, type DTypeName } from '@strided/core'
import { PYTHON, liveNumpyFor } from './support/numpy.js'
import { check, type Fixture } from './support/sort-cases.js'

const RUNS = { numRuns: 120 }

/** NumPy's order: NaN after every number; -0 equal to +0. */
const cmp = (x: number, y: number): number => {
  const xn = x !== x
  const yn = y !== y
  if (xn || yn) return xn === yn ? 0 : xn ? 1 : -1
  return x < y ? -1 : x > y ? 1 : 0
}
const key = (v: unknown): string => (Object.is(v, -0) ? '-0' : String(v))

const floatVal = fc.oneof(
  fc.integer({ min: -12, max: 12 }).map((i) => i / 4),
  fc.constantFrom(NaN, Infinity, -Infinity, -0, 0),
)
const DTS: DTypeName[] = ['bool', 'int8', 'uint8', 'int16', 'uint16', 'int32', 'uint32', 'int64', 'uint64', 'float32', 'float64']

/** A random 1-d input of a random dtype: floats with specials, ints with ties. */
const input = fc.tuple(fc.constantFrom(...DTS), fc.array(floatVal, { maxLength: 60 })).map(([dt, xs]) => {
  const kind = dt === 'float32' || dt === 'float64' ? 'f' : dt
  const vals = kind === 'f' ? xs : xs.map((x) => (x !== x || !Number.isFinite(x) ? 3 : Math.abs(Math.trunc(x * 2))))
  return dt === 'bool' ? array(vals.map((v) => v !== 0)) : array(vals, { dtype: dt })
})

describe('sort properties', () => {
  it('sort is an ordered permutation of the input; argsort gathers to it; ties keep input order', () => {
    fc.assert(fc.property(input, (a) => {
      const v = a.toFlatArray().map((x) => (typeof x === 'boolean' ? Number(x) : Number(x)))
      const s = sort(a).toFlatArray()
      const sn = s.map((x) => Number(x))
      for (let i = 1; i < sn.length; i++) expect(cmp(sn[i - 1]!, sn[i]!)).toBeLessThanOrEqual(0)
      // a permutation: the same multiset (signs of zeros included)
      expect([...s].map(key).sort()).toEqual(a.toFlatArray().map(key).sort())
      const idx = argsort(a).toFlatArray().map(Number)
      expect(idx.map((i) => key(a.toFlatArray()[i]))).toEqual(s.map(key))
      // stable: equal keys appear in increasing index order
      for (let i = 1; i < idx.length; i++) {
        if (cmp(v[idx[i - 1]!]!, v[idx[i]!]!) === 0) expect(idx[i - 1]!).toBeLessThan(idx[i]!)
      }
    }), RUNS)
  })

  it('2-d: each lane along the axis is sorted and the in-place sort equals sort', () => {
    fc.assert(fc.property(fc.array(floatVal, { minLength: 1, maxLength: 48 }), fc.integer({ min: 1, max: 6 }), fc.constantFrom(0, 1, -1), (xs, cols, axis) => {
      const rows = Math.floor(xs.length / cols)
      if (rows === 0) return
      const a = array(xs.slice(0, rows * cols)).reshape([rows, cols])
      const s = sort(a, { axis })
      const idx = argsort(a, { axis })
      expect(takeAlongAxis(a, idx, { axis }).toFlatArray().map(key)).toEqual(s.toFlatArray().map(key))
      const lanes = axis === 0 ? s.T : s
      for (const lane of lanes.toArray() as number[][]) for (let i = 1; i < lane.length; i++) expect(cmp(lane[i - 1]!, lane[i]!)).toBeLessThanOrEqual(0)
      const c = a.copy()
      c.sort({ axis })
      expect(c.toFlatArray().map(key)).toEqual(s.toFlatArray().map(key))
    }), RUNS)
  })

  it('lexsort equals a stable comparator sort over its keys, the last key primary', () => {
    const keyArb = fc.array(fc.integer({ min: 0, max: 3 }), { minLength: 12, maxLength: 12 })
    fc.assert(fc.property(fc.array(keyArb, { minLength: 1, maxLength: 4 }), fc.integer({ min: 1, max: 12 }), (keys, n) => {
      const ks = keys.map((k) => k.slice(0, n))
      const want = [...Array(n).keys()].sort((i, j) => {
        for (let q = ks.length - 1; q >= 0; q--) { const d = ks[q]![i]! - ks[q]![j]!; if (d !== 0) return d }
        return i - j
      })
      expect(lexsort(ks.map((k, q) => array(k, { dtype: q % 2 === 0 ? 'int16' : 'float64' }))).toFlatArray().map(Number)).toEqual(want)
      expect(lexsort(array(ks, { dtype: 'uint8' })).toFlatArray().map(Number)).toEqual(want)
    }), RUNS)
  })
})

const live = liveNumpyFor('the live NumPy sort fuzz')
describe(`sort live NumPy fuzz${live.ok ? ` (numpy ${live.version})` : ` (skipped: ${live.reason})`}`, () => {
  const count = Number(process.env['STRIDED_SORT_FUZZ'] ?? 60)
  it.skipIf(!live.ok)(`${count} fresh random sort / argsort / ndarray.sort / lexsort cases agree bit for bit`, () => {
    const seed = Math.floor(Math.random() * 2 ** 31)
    const script = join(dirname(fileURLToPath(import.meta.url)), '..', 'scripts', 'gen_sort_fixtures.py')
    const r = spawnSync(PYTHON, [script, '--fresh', String(count), '--seed', String(seed)], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 })
    expect(r.status, r.stderr).toBe(0)
    const fx = JSON.parse(r.stdout) as Fixture
    for (const c of fx.cases) {
      try { check(c) } catch (e) { throw new Error(`seed ${seed}: ${(e as Error).message}`) }
    }
  })
})
