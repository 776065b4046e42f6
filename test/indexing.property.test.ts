/**
 * Property tests (fast-check) of advanced indexing against element-by-element loop oracles: per-axis index items
 * (slices and broadcasting integer arrays, adjacent or separated) for reads and writes, and boolean masks over
 * the whole array. The oracles walk the result's multi-index in C order and map it back to the source element
 * with NumPy's rules, reading and writing one element at a time with get()/set().
 */
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { NDArray, arange, array, type AnyIndexItem, type SliceSpec } from '@strided/core'

type AxisItem = { kind: 'slice'; spec: SliceSpec } | { kind: 'arr'; idx: number[]; shape: number[] }

const shapeArb = fc.array(fc.integer({ min: 1, max: 4 }), { minLength: 1, maxLength: 3 })

/** One item per axis: a slice, or an integer array of shape (L,) or (1,) (all arrays broadcast to (L,)). */
function itemsArb(shape: number[]): fc.Arbitrary<AxisItem[]> {
  return fc.integer({ min: 0, max: 3 }).chain((L) =>
    fc.tuple(...shape.map((n) => fc.oneof(
      fc.record({ start: fc.option(fc.integer({ min: -n, max: n }), { nil: null }), stop: fc.option(fc.integer({ min: -n, max: n }), { nil: null }), step: fc.constantFrom(1, 2, -1) })
        .map((spec): AxisItem => ({ kind: 'slice', spec })),
      fc.boolean().chain((one) => fc.array(fc.integer({ min: -n, max: n - 1 }), { minLength: one ? 1 : L, maxLength: one ? 1 : L })
        .map((idx): AxisItem => ({ kind: 'arr', idx, shape: [idx.length] }))),
    ))).map((xs) => xs as AxisItem[]),
  )
}

function sliceIdx(spec: SliceSpec, n: number): number[] {
  const step = spec.step ?? 1
  const norm = (v: number | null | undefined, dflt: number, lo: number, hi: number): number => {
    if (v == null) return dflt
    const w = v < 0 ? v + n : v
    return Math.min(Math.max(w, lo), hi)
  }
  const out: number[] = []
  if (step > 0) { for (let i = norm(spec.start, 0, 0, n); i < norm(spec.stop, n, 0, n); i += step) out.push(i) }
  else { for (let i = norm(spec.start, n - 1, -1, n - 1); i > norm(spec.stop, -1, -1, n - 1); i += step) out.push(i) }
  return out
}

/** The oracle's selection: the result shape and, in C order, the source multi-index of every result element. */
function oracle(shape: number[], items: AxisItem[]): { shape: number[]; sources: number[][] } {
  const advAxes = items.flatMap((it, k) => (it.kind === 'arr' ? [k] : []))
  const B = advAxes.length === 0 ? [] : [Math.max(...advAxes.map((k) => (items[k] as { idx: number[] }).idx.length))]
  if (advAxes.some((k) => (items[k] as { idx: number[] }).idx.length === 0)) B[0] = 0
  const adjacent = advAxes.every((k, i) => i === 0 || k === advAxes[i - 1]! + 1)
  const basic = items.map((it, k) => (it.kind === 'slice' ? sliceIdx(it.spec, shape[k]!) : []))
  // result dims: ['b', axis] for a basic axis, ['adv'] for the broadcast block
  const dims: (['b', number] | ['adv'])[] = []
  items.forEach((it, k) => {
    if (it.kind === 'slice') dims.push(['b', k])
    else if (k === advAxes[0] && adjacent) dims.push(['adv'])
  })
  if (advAxes.length > 0 && !adjacent) dims.unshift(['adv'])
  const rshape = dims.map((d) => (d[0] === 'adv' ? B[0]! : basic[d[1]]!.length))
  const sources: number[][] = []
  const rec = (pos: number, acc: number[]): void => {
    if (pos === dims.length) {
      const j = dims.findIndex((d) => d[0] === 'adv')
      const src = items.map((it, k) => {
        if (it.kind === 'slice') return basic[k]![acc[dims.findIndex((d) => d[0] === 'b' && d[1] === k)]!]!
        const v = it.idx.length === 1 ? it.idx[0]! : it.idx[acc[j]!]!
        return v < 0 ? v + shape[k]! : v
      })
      sources.push(src)
      return
    }
    for (let i = 0; i < rshape[pos]!; i++) rec(pos + 1, [...acc, i])
  }
  rec(0, [])
  return { shape: rshape, sources }
}

const toItems = (items: AxisItem[]): AnyIndexItem[] => items.map((it) => (it.kind === 'slice' ? it.spec : it.idx))
const base = (shape: number[]): NDArray => arange(shape.reduce((x, y) => x * y, 1), { dtype: 'int32' }).reshape(shape)

describe('advanced indexing vs an element-by-element oracle', () => {
  it('reads: per-axis slices and broadcasting integer arrays', () => {
    fc.assert(fc.property(shapeArb.chain((s) => fc.tuple(fc.constant(s), itemsArb(s), fc.boolean())), ([shape, items, flip]) => {
      let a = base(shape)
      if (flip) a = a.slice(...shape.map(() => ({ step: -1 })))
      const want = oracle(shape, items)
      const r = a.slice(...toItems(items))
      expect(r.shape).toEqual(want.shape)
      expect(r.toFlatArray()).toEqual(want.sources.map((src) => a.get(...src)))
    }), { numRuns: 300 })
  })
  it('writes: the same selections, values broadcast, repeated indices: the last wins', () => {
    fc.assert(fc.property(shapeArb.chain((s) => fc.tuple(fc.constant(s), itemsArb(s))), ([shape, items]) => {
      const want = oracle(shape, items)
      const size = want.sources.length
      const values = Array.from({ length: size }, (_, i) => 100 + i)
      const a = base(shape)
      const expected = base(shape)
      want.sources.forEach((src, i) => expected.set(...src, values[i]!))
      a.at(...toItems(items)).set(array(values, { dtype: 'int32' }).reshape(want.shape))
      expect(a.toArray()).toEqual(expected.toArray())
      // a scalar broadcasts to every selected element
      const b = base(shape)
      const e2 = base(shape)
      want.sources.forEach((src) => e2.set(...src, -7))
      b.at(...toItems(items)).set(-7)
      expect(b.toArray()).toEqual(e2.toArray())
    }), { numRuns: 300 })
  })
  it('boolean masks over the whole array: read and write in flat C order', () => {
    fc.assert(fc.property(shapeArb.chain((s) => fc.tuple(fc.constant(s), fc.array(fc.boolean(), { minLength: s.reduce((x, y) => x * y, 1), maxLength: s.reduce((x, y) => x * y, 1) }))), ([shape, bits]) => {
      const a = base(shape).slice(...shape.map(() => ({ step: -1 })))
      const mask = array(bits, { dtype: 'bool' }).reshape(shape)
      const flat = a.toFlatArray()
      expect(a.slice(mask).toFlatArray()).toEqual(flat.filter((_, i) => bits[i]))
      const n = bits.filter(Boolean).length
      a.at(mask).set(array(Array.from({ length: n }, (_, i) => 50 + i), { dtype: 'int32' }))
      let k = 0
      expect(a.toFlatArray()).toEqual(flat.map((v, i) => (bits[i] ? 50 + k++ : v)))
    }), { numRuns: 200 })
  })
})
