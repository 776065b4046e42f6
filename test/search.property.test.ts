/**
 * Property tests (fast-check) of the searching, counting and set functions against simple oracles:
 * searchsorted vs a linear scan, unique vs a Set, histogram counts vs the in-range count, bincount vs a loop.
 */
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { NDArray, array, bincount, histogram, searchsorted, sum, unique, type DTypeName } from '@strided/core'

const RUNS = { numRuns: 150 }

/** NumPy's order: NaN after every number. */
const lt = (x: number, y: number): boolean => x < y || (Number.isNaN(y) && !Number.isNaN(x))
const sortNp = (xs: number[]): number[] => [...xs].sort((x, y) => (lt(x, y) ? -1 : lt(y, x) ? 1 : 0))

const floatVal = fc.oneof(
  fc.integer({ min: -20, max: 20 }).map((i) => i / 4),
  fc.constantFrom(NaN, Infinity, -Infinity, -0, 0),
)

describe('search properties', () => {
  it('searchsorted equals a linear scan (both sides, floats with NaN and ±inf)', () => {
    fc.assert(fc.property(fc.array(floatVal, { maxLength: 30 }), fc.array(floatVal, { minLength: 1, maxLength: 10 }), (xs, vs) => {
      const sorted = sortNp(xs)
      const a = array(sorted)
      for (const side of ['left', 'right'] as const) {
        const got = searchsorted(a, array(vs), { side }).toFlatArray().map(Number)
        const want = vs.map((v) => {
          let i = 0
          while (i < sorted.length && (side === 'left' ? lt(sorted[i]!, v) : !lt(v, sorted[i]!))) i++
          return i
        })
        expect(got).toEqual(want)
      }
    }), RUNS)
  })

  it('searchsorted with a sorter equals searchsorted of the sorted array', () => {
    fc.assert(fc.property(fc.array(fc.integer({ min: -50, max: 50 }), { maxLength: 25 }), fc.integer({ min: -60, max: 60 }), (xs, v) => {
      const order = xs.map((_, i) => i).sort((i, j) => xs[i]! - xs[j]! || i - j)
      const viaSorter = searchsorted(array(xs, { dtype: 'int32' }), v, { sorter: array(order, { dtype: 'int64' }) })
      const direct = searchsorted(array(order.map((i) => xs[i]!), { dtype: 'int32' }), v)
      expect(viaSorter).toBe(direct)
    }), RUNS)
  })

  it('unique equals a Set oracle, with consistent indices, inverse and counts', () => {
    const dts: DTypeName[] = ['int8', 'uint16', 'int64', 'float32', 'float64']
    fc.assert(fc.property(fc.constantFrom(...dts), fc.array(fc.integer({ min: -5, max: 5 }), { maxLength: 40 }), (dt, raw) => {
      const xs = dt.startsWith('u') ? raw.map(Math.abs) : raw
      const a = array(xs, { dtype: dt })
      const r = unique(a, { returnIndex: true, returnInverse: true, returnCounts: true }) as {
        values: NDArray; indices: NDArray; inverse: NDArray; counts: NDArray
      }
      const want = [...new Set(xs)].sort((p, q) => p - q)
      expect(r.values.toFlatArray().map(Number)).toEqual(want)
      const idx = r.indices.toFlatArray().map(Number)
      expect(idx).toEqual(want.map((w) => xs.indexOf(w)))
      const inv = r.inverse.toFlatArray().map(Number)
      expect(inv.map((k) => want[k])).toEqual(xs)
      expect(r.counts.toFlatArray().map(Number)).toEqual(want.map((w) => xs.filter((x) => x === w).length))
    }), RUNS)
  })

  it('unique of floats: one NaN (equalNan) or all of them, -0 equal to +0', () => {
    fc.assert(fc.property(fc.array(floatVal, { maxLength: 30 }), (xs) => {
      const vals = (unique(array(xs)) as NDArray).toFlatArray() as number[]
      const nonNan = [...new Set(xs.filter((x) => !Number.isNaN(x)).map((x) => (x === 0 ? 0 : x)))].sort((p, q) => p - q)
      const nans = xs.some(Number.isNaN) ? [NaN] : []
      expect(vals.map((x) => (x === 0 ? 0 : x))).toEqual([...nonNan, ...nans])
      const all = (unique(array(xs), { equalNan: false, returnCounts: true }) as { values: NDArray }).values.toFlatArray()
      expect(all.filter((x) => Number.isNaN(x)).length).toBe(xs.filter(Number.isNaN).length)
    }), RUNS)
  })

  it('histogram counts sum to the number of values in range', () => {
    fc.assert(fc.property(
      fc.array(fc.double({ min: -1e3, max: 1e3, noNaN: true }), { minLength: 1, maxLength: 60 }),
      fc.integer({ min: 1, max: 20 }), fc.double({ min: -500, max: 0, noNaN: true }), fc.double({ min: 1, max: 500, noNaN: true }),
      (xs, bins, lo, hi) => {
        const [h] = histogram(array(xs), { bins, range: [lo, hi] })
        const inRange = xs.filter((x) => x >= lo && x <= hi).length
        expect(Number(sum(h))).toBe(inRange)
        // NumPy refuses bins narrower than the float spacing of the data's range (e.g. [0, -5e-324] in 2 bins)
        let all: ReturnType<typeof histogram>
        try { all = histogram(array(xs), { bins }) } catch (err) {
          expect((err as Error).message).toMatch(/Too many bins for data range/)
          return
        }
        const [hAll, e] = all
        expect(Number(sum(hAll))).toBe(xs.length)
        // each value lies in [e_k, e_k+1) of its bin (the last bin closed)
        const edges = e.toFlatArray() as number[]
        const counts = new Array<number>(bins).fill(0)
        for (const x of xs) {
          let k = edges.findIndex((_, j) => j < bins && x >= edges[j]! && (x < edges[j + 1]! || j === bins - 1))
          if (k < 0) k = bins - 1
          counts[k]!++
        }
        expect(hAll.toFlatArray().map(Number)).toEqual(counts)
      }), RUNS)
  })

  it('bincount equals a counting loop, and weighted sums a summing loop', () => {
    fc.assert(fc.property(fc.array(fc.integer({ min: 0, max: 30 }), { maxLength: 50 }), fc.integer({ min: 0, max: 40 }), (xs, minlength) => {
      const n = Math.max(minlength, xs.length ? Math.max(...xs) + 1 : 0)
      const want = new Array<number>(n).fill(0)
      const wsum = new Array<number>(n).fill(0)
      xs.forEach((x, i) => { want[x]!++; wsum[x]! += i * 0.5 })
      expect(bincount(array(xs, { dtype: 'int32' }), { minlength }).toFlatArray().map(Number)).toEqual(want)
      if (xs.length > 0) {
        const got = bincount(array(xs, { dtype: 'uint8' }), { minlength, weights: array(xs.map((_, i) => i * 0.5)) })
        expect(got.toFlatArray()).toEqual(wsum)
      }
    }), RUNS)
  })
})
