/**
 * Live fuzzing against NumPy plus NumPy-free properties.
 *
 * 1. With NumPy >= 2 (test/support/numpy.ts), scripts/gen_view_fixtures.py generates ~200 FRESH random view
 *    chains (random seed, printed on failure; set STRIDED_FUZZ_SEED to replay one, STRIDED_FUZZ_COUNT for a
 *    longer run) and every step must agree
 *    with NumPy: shapes, byte strides, offsets, base ownership, flags, values and error classes.
 * 2. fast-check properties of the view algebra that need no NumPy.
 */
import { execFileSync } from 'node:child_process'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { NDArray, arange, type IndexItem, type SliceSpec } from '@strided/core'
import { normalizeSlice, reshapeStrides } from '@strided/core/internal'
import { PYTHON, liveNumpyFor } from './support/numpy.js'

;(globalThis as { __STRIDED_GOLDEN_LIB__?: boolean }).__STRIDED_GOLDEN_LIB__ = true
const { replayChain } = await import('./views.golden.test.js')
type Chain = Parameters<typeof replayChain>[0]

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..')
const GENERATOR = join(ROOT, 'scripts', 'gen_view_fixtures.py')
const live = liveNumpyFor('the live NumPy view-chain fuzz')
const hasNumpy = live.ok

describe('live NumPy fuzz (fresh random chains)', () => {
  const title = live.ok ? 'agrees with NumPy on 200 fresh chains' : `agrees with NumPy on 200 fresh chains — SKIPPED: ${live.reason}`
  it.skipIf(!hasNumpy)(title, () => {
    const seed = process.env.STRIDED_FUZZ_SEED !== undefined ? Number(process.env.STRIDED_FUZZ_SEED) : Math.floor(Math.random() * 2 ** 31)
    const count = Number(process.env.STRIDED_FUZZ_COUNT ?? 200)
    const out = execFileSync(PYTHON, [GENERATOR, '--fresh', '--seed', String(seed), '--count', String(count), '--stdout'], { encoding: 'utf8', maxBuffer: 256 << 20 })
    const { chains } = JSON.parse(out) as { chains: Chain[] }
    expect(chains.length).toBe(count)
    const problems = chains.flatMap((c) => replayChain(c, c.id % 2 === 1).problems)
    expect(problems, `seed ${seed} (replay with STRIDED_FUZZ_SEED=${seed})`).toEqual([])
  })
})

// ------------------------------------------------------------------------------------------ properties

const shapeArb = fc.array(fc.integer({ min: 1, max: 4 }), { minLength: 1, maxLength: 4 })
const sliceArb = (n: number): fc.Arbitrary<SliceSpec> =>
  fc.record({
    start: fc.option(fc.integer({ min: -n - 2, max: n + 2 }), { nil: null }),
    stop: fc.option(fc.integer({ min: -n - 2, max: n + 2 }), { nil: null }),
    step: fc.option(fc.integer({ min: -3, max: 3 }).filter((s) => s !== 0), { nil: null }),
  })

/** A base array 0..size-1 of a shape, plus a random view of it (slices on every axis, maybe transposed). */
const viewArb = shapeArb.chain((shape) =>
  fc.record({
    shape: fc.constant(shape),
    slices: fc.tuple(...shape.map((n) => sliceArb(n))),
    perm: fc.shuffledSubarray([...shape.keys()], { minLength: shape.length, maxLength: shape.length }),
  }),
)

function build(v: { shape: number[]; slices: SliceSpec[]; perm: number[] }): NDArray {
  const size = v.shape.reduce((a, b) => a * b, 1)
  return arange(size).reshape(v.shape).slice(...v.slices).transpose(v.perm)
}

/** Python's list slicing, the reference for composed slices. */
function pySlice<T>(xs: readonly T[], s: SliceSpec): T[] {
  const { start, step, length } = normalizeSlice(s, xs.length)
  return Array.from({ length }, (_, i) => xs[start + i * step]!)
}

describe('view algebra properties (no NumPy needed)', () => {
  it('a reshape that is a view reads the same C-order elements as a copy', () => {
    fc.assert(fc.property(viewArb, fc.integer({ min: 0, max: 3 }), fc.constantFrom<'C' | 'F'>('C', 'F'), (v, nd, order) => {
      const a = build(v)
      const size = a.size
      // target: size split into nd factors
      const target: number[] = []
      let rest = size
      for (let i = 0; i < nd; i++) {
        const d = [2, 3, 1].find((f) => rest % f === 0 && f <= rest) ?? 1
        target.push(d)
        rest /= d
      }
      target.push(rest)
      const r = a.reshape(target, { order })
      const viaCopy = a.copy(order).reshape(target, { order })
      expect(r.toFlatArray()).toEqual(viaCopy.toFlatArray())
      const strides = reshapeStrides(a.shape, a.strides, target, order)
      if (strides !== null) {
        // a view: same buffer, element [i...] equals the copy's element [i...]
        expect(r.buffer).toBe(a.buffer)
      }
    }), { numRuns: 300 })
  })

  it('transpose twice (with the inverse permutation) is the identity view', () => {
    fc.assert(fc.property(viewArb, (v) => {
      const a = build(v)
      const perm = [...a.shape.keys()].reverse()
      const inv = perm.map((_, i) => perm.indexOf(i))
      const b = a.transpose(perm).transpose(inv)
      expect(b.shape).toEqual(a.shape)
      expect(b.strides).toEqual(a.strides)
      expect(b.offset).toBe(a.offset)
      expect(a.T.T.toArray()).toEqual(a.toArray())
    }), { numRuns: 200 })
  })

  it('flip twice is the identity (same layout when no axis is empty)', () => {
    fc.assert(fc.property(viewArb, (v) => {
      const a = build(v)
      const b = a.flip().flip()
      expect(b.toArray()).toEqual(a.toArray())
      if (a.size > 0) {
        expect(b.strides).toEqual(a.strides)
        expect(b.offset).toBe(a.offset)
      }
      expect(b.base).toBe(a.base ?? a)
    }), { numRuns: 200 })
  })

  it('slice of a slice equals the composed Python slice (values)', () => {
    fc.assert(fc.property(fc.integer({ min: 0, max: 12 }), sliceArb(12), sliceArb(12), (n, s1, s2) => {
      const xs = Array.from({ length: n }, (_, i) => i)
      const a = arange(n)
      const got = a.slice(s1).slice(s2).toFlatArray()
      expect(got).toEqual(pySlice(pySlice(xs, s1), s2))
      // one-step normalisation agrees with the length formula
      expect(a.slice(s1).size).toBe(normalizeSlice(s1, n).length)
    }), { numRuns: 500 })
  })

  it('every view stays inside the memory of its owner and shares the owner', () => {
    fc.assert(fc.property(viewArb, (v) => {
      const a = build(v)
      if (a.size === 0) return
      let lo = a.offset
      let hi = a.offset
      a.shape.forEach((n, k) => { const span = (n - 1) * a.strides[k]!; if (span < 0) lo += span; else hi += span })
      // inside the owner's allocation (in the arena, the rest of the buffer belongs to other arrays)
      const { start, end } = a.memoryExtent
      expect(lo * a.itemsize).toBeGreaterThanOrEqual(start)
      expect((hi + 1) * a.itemsize).toBeLessThanOrEqual(end)
      expect(a.base?.base ?? null).toBe(null)
    }), { numRuns: 200 })
  })

  it('an index expression string and the equivalent items give the same view', () => {
    fc.assert(fc.property(viewArb, (v) => {
      const a = arange(v.shape.reduce((x, y) => x * y, 1)).reshape(v.shape)
      const items: IndexItem[] = v.slices
      const text = v.slices.map((s) => `${s.start ?? ''}:${s.stop ?? ''}:${s.step ?? ''}`).join(', ')
      const x = a.slice(...items)
      const y = a.slice(text)
      expect([y.shape, y.strides, y.offset]).toEqual([x.shape, x.strides, x.offset])
    }), { numRuns: 200 })
  })

  it('ravel is a view exactly when the array is contiguous in the order, and always reads that order', () => {
    fc.assert(fc.property(viewArb, fc.constantFrom<'C' | 'F'>('C', 'F'), (v, order) => {
      const a = build(v)
      const r = a.ravel(order)
      const contiguous = order === 'C' ? a.flags.cContiguous : a.flags.fContiguous
      expect(r.flags.ownData).toBe(!contiguous)
      const want = order === 'C' ? a.toFlatArray() : a.T.toFlatArray()
      expect(r.toFlatArray()).toEqual(want)
    }), { numRuns: 200 })
  })
})
