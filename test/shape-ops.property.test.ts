/**
 * fast-check properties of the joining, splitting and tiling functions over random shapes (empty axes included),
 * dtypes and layouts (contiguous, Fortran, negative strides, stepped, transposed, broadcast):
 * split then concatenate is the identity; tile and repeat have the shapes and elements of their definitions;
 * roll by k then by -k is the identity; pad then slicing the centre back is the identity, in every mode.
 */
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import {
  NDArray, arraySplit, concatenate, pad, repeat, roll, sharesMemory, split, tile, zeros, type DTypeName, type Scalar,
} from '@strided/core'

const DTYPES: DTypeName[] = ['bool', 'int8', 'uint8', 'int16', 'int32', 'uint32', 'int64', 'uint64', 'float32', 'float64']
const LAYOUTS = ['c', 'f', 'neg', 'step', 'T', 'bcast'] as const
type Layout = (typeof LAYOUTS)[number]

/** An array of exactly `shape` and `dtype` with distinct-ish values, in the given layout. */
function build(shape: number[], dtype: DTypeName, layout: Layout, seed: number): NDArray {
  const fill = (s: number[], order: 'C' | 'F' = 'C'): NDArray => {
    const n = s.reduce((x, y) => x * y, 1)
    const out = zeros(s, { dtype, order })
    if (n === 0) return out
    // a seed-dependent affine map, kept below 100 so every dtype holds it exactly
    const src = zeros([n])
    for (let i = 0; i < n; i++) src.set(i, (i * 7 + seed) % 100)
    return out.assign(src.reshape(s).astype(dtype))
  }
  switch (layout) {
    case 'c': return fill(shape)
    case 'f': return fill(shape, 'F')
    case 'neg': return fill(shape).slice(shape.map(() => '::-1').join(', '))
    case 'step': return fill(shape.map((n) => 2 * n + 1)).slice(shape.map(() => '1::2').join(', '))
    case 'T': return fill([...shape].reverse()).transpose()
    case 'bcast': return fill(shape.map((n, k) => (k === 0 ? 1 : n))).broadcastTo(shape)
  }
}

const arbArray = (minNd = 1, maxNd = 3) =>
  fc.record({
    shape: fc.array(fc.integer({ min: 0, max: 4 }), { minLength: minNd, maxLength: maxNd }),
    dtype: fc.constantFrom(...DTYPES),
    layout: fc.constantFrom(...LAYOUTS),
    seed: fc.integer({ min: 0, max: 99 }),
  }).map(({ shape, dtype, layout, seed }) => build(shape, dtype, layout, seed))

const same = (a: NDArray, b: NDArray): void => {
  expect(b.shape).toEqual(a.shape)
  expect(b.dtype).toBe(a.dtype)
  expect(b.toFlatArray()).toEqual(a.toFlatArray())
}

/** Every multi-index of a shape, in C order. */
function indices(shape: readonly number[]): number[][] {
  let out: number[][] = [[]]
  for (const n of shape) out = out.flatMap((p) => Array.from({ length: n }, (_, i) => [...p, i]))
  return shape.includes(0) ? [] : out
}

const get = (a: NDArray, idx: number[]): Scalar => a.get(...idx)
const RUNS = { numRuns: 120 }

describe('shape-op properties (fast-check)', () => {
  it('split / arraySplit then concatenate is the identity, and every piece is a view', () => {
    fc.assert(fc.property(arbArray(), fc.nat(), fc.integer({ min: 1, max: 6 }), fc.array(fc.nat({ max: 6 }), { maxLength: 4 }), (a, ax, k, cuts) => {
      const axis = ax % a.ndim
      const n = a.shape[axis]!
      const pieces = cuts.length > 0 ? split(a, cuts.map((c) => c % (n + 1)).sort((x, y) => x - y), { axis }) : arraySplit(a, k, { axis })
      for (const p of pieces) if (p.size > 0) expect(sharesMemory(p, a)).toBe(true)
      same(a, concatenate(pieces, { axis }))
    }), RUNS)
  })

  it('split into equal sections: as many pieces, all of the same shape', () => {
    fc.assert(fc.property(arbArray(), fc.integer({ min: 1, max: 4 }), (a, k) => {
      const n = a.shape[0]!
      if (n % k !== 0) return
      const pieces = split(a, k)
      expect(pieces.length).toBe(k)
      for (const p of pieces) expect(p.shape).toEqual([n / k, ...a.shape.slice(1)])
    }), RUNS)
  })

  it('tile: shape max(d, ndim) with the products, element [i] = a[i mod shape]', () => {
    fc.assert(fc.property(arbArray(0, 3), fc.array(fc.integer({ min: 0, max: 3 }), { maxLength: 4 }), (a, reps) => {
      const t = tile(a, reps)
      const nd = Math.max(a.ndim, reps.length)
      const s = [...Array(nd - a.ndim).fill(1), ...a.shape]
      const r = [...Array(nd - reps.length).fill(1), ...reps]
      expect(t.shape).toEqual(s.map((n, i) => n * r[i]!))
      expect(t.dtype).toBe(a.dtype)
      if (t.size > 0) expect(sharesMemory(t, a)).toBe(false)
      for (const idx of indices(t.shape)) expect(get(t, idx)).toEqual(get(a, idx.slice(nd - a.ndim).map((i, k) => i % a.shape[k]!)))
    }), RUNS)
  })

  it('repeat: the axis grows to the sum of the counts, and each element is repeated in place', () => {
    fc.assert(fc.property(arbArray(), fc.nat(), fc.array(fc.integer({ min: 0, max: 3 }), { minLength: 1, maxLength: 5 }), fc.boolean(), (a, ax, cs, flat) => {
      const axis = ax % a.ndim
      const src = flat ? a.ravel() : a
      const useAxis = flat ? 0 : axis
      const n = src.shape[useAxis]!
      const counts = cs.length === 1 ? cs : Array.from({ length: n }, (_, i) => cs[i % cs.length]!)
      const r = repeat(a, counts, flat ? {} : { axis })
      const total = cs.length === 1 ? cs[0]! * n : counts.reduce((x, y) => x + y, 0)
      const shape = [...src.shape]
      shape[useAxis] = total
      expect(r.shape).toEqual(shape)
      const from: number[] = []
      for (let i = 0; i < n; i++) for (let j = 0; j < (cs.length === 1 ? cs[0]! : counts[i]!); j++) from.push(i)
      for (const idx of indices(r.shape)) {
        const s = [...idx]
        s[useAxis] = from[idx[useAxis]!]!
        expect(get(r, idx)).toEqual(get(src, s))
      }
    }), RUNS)
  })

  it('roll by k then by -k is the identity (flattened, one axis, several axes)', () => {
    fc.assert(fc.property(arbArray(0, 3), fc.integer({ min: -20, max: 20 }), fc.nat(), fc.constantFrom('flat', 'one', 'all'), (a, k, ax, how) => {
      if (a.ndim === 0 && how !== 'flat') return
      const opts = how === 'flat' ? {} : how === 'one' ? { axis: ax % a.ndim } : { axis: [...a.shape.keys()] }
      const r = roll(a, k, opts)
      if (r.size > 0) expect(sharesMemory(r, a)).toBe(false)
      same(a, roll(r, -k, opts))
    }), RUNS)
  })

  it('pad then slicing the centre back is the identity, in every mode', () => {
    fc.assert(fc.property(
      arbArray(0, 3), fc.constantFrom('constant', 'edge', 'reflect', 'symmetric', 'wrap', 'empty'),
      fc.array(fc.tuple(fc.nat({ max: 7 }), fc.nat({ max: 7 })), { minLength: 3, maxLength: 3 }),
      (a, mode, ws) => {
        const widths = ws.slice(0, a.ndim).map(([b, c]) => [b, c] as [number, number])
        // only 'constant' and 'empty' may extend an empty axis
        const pw = mode === 'constant' || mode === 'empty' ? widths : widths.map((w, k) => (a.shape[k] === 0 ? [0, 0] as [number, number] : w))
        const p = pad(a, a.ndim === 0 ? 0 : pw, { mode })
        expect(p.shape).toEqual(a.shape.map((n, k) => n + pw[k]![0] + pw[k]![1]))
        const centre = p.slice(...pw.map(([b], k) => ({ start: b, stop: b + a.shape[k]! })))
        same(a, centre)
      },
    ), RUNS)
  })
})
