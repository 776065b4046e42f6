/**
 * Golden NumPy 2.4.6 data (scripts/gen_overlap_fixtures.py) against the overlap checker.
 * Fixture outcomes: 'no' | 'yes' | 'too-hard' | 'overflow' | 'error' (internal_overlap's
 * "Error in computing overlap" for an int64 bound-sum overflow, which strided reports as 'overflow').
 */
import { readFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { OverflowError, TooHardError } from '../packages/core/src/errors.js'
import {
  type BigByteView, type DescriptorLike, type OverlapOutcome,
  byteBounds, hasInternalOverlap, internalOverlapOutcome, mayShareMemory, overlapOutcome, sharesMemory,
  sharesMemoryBytes, solveInternalOverlap, solveOverlap, toByteView,
} from '../packages/core/src/overlap/index.js'
import type { DTypeName } from '../packages/core/src/dtype.js'

const here = dirname(fileURLToPath(import.meta.url))
const load = (name: string): any => JSON.parse(readFileSync(join(here, 'fixtures', 'overlap', name), 'utf8'))

type JInt = number | string
interface JView { itemsize: number; shape: JInt[]; strides: JInt[]; offset: JInt }
const int = (x: JInt): number | bigint => (typeof x === 'string' ? BigInt(x) : x)
const bv = (d: JView): BigByteView => ({ itemsize: d.itemsize, shape: d.shape.map(int), byteStrides: d.strides.map(int), byteOffset: int(d.offset) })
const expected = (o: string): OverlapOutcome => (o === 'error' ? 'overflow' : (o as OverlapOutcome))

/** Runs every (case, budget) and returns the disagreements, so a failure lists them all. */
function mismatches<C>(cases: C[], check: (c: C) => string[]): string[] {
  return cases.flatMap(check)
}

describe('spec §1.5 worked examples (all 24)', () => {
  const { cases } = load('worked-examples.json')
  it('has 24 examples', () => expect(cases.length).toBe(24))
  for (const c of cases) {
    it(`#${c.id} ${c.name}`, () => {
      if (!c.sameBuffer) {
        // x vs x.copy(): different buffers never overlap, at any budget
        const a: DescriptorLike = { buffer: new ArrayBuffer(80), dtype: 'int64', shape: [10], strides: [1], offset: 0 }
        const b: DescriptorLike = { ...a, buffer: new ArrayBuffer(80) }
        for (const k of [-1, 0, 1]) expect(overlapOutcome(a, b, k)).toBe('no')
        expect(mayShareMemory(a, b)).toBe(false)
        expect(sharesMemory(a, b)).toBe(false)
        return
      }
      const a = bv(c.a), b = bv(c.b)
      expect(solveOverlap(a, b, 0) !== 'no').toBe(c.may)
      for (const [k, o] of Object.entries(c.shares)) {
        expect(solveOverlap(a, b, Number(k)), `max_work=${k}`).toBe(expected(o as string))
      }
    })
  }
  it('#23 needs max_work 6; 1..5 raise TooHardError', () => {
    const c = cases.find((x: any) => x.id === 23)
    for (const k of [1, 2, 3, 4, 5]) expect(() => sharesMemoryBytes(bv(c.a), bv(c.b), { maxWork: k })).toThrow(TooHardError)
    expect(sharesMemoryBytes(bv(c.a), bv(c.b), { maxWork: 6 })).toBe(false)
  })
  it('#24 raises OverflowError', () => {
    const c = cases.find((x: any) => x.id === 24)
    expect(() => sharesMemoryBytes(bv(c.a), bv(c.b))).toThrow(OverflowError)
    expect(() => sharesMemoryBytes(bv(c.a), bv(c.b))).toThrow(/Integer overflow in computing overlap/)
  })
})

describe('random as_strided pairs (itemsize 1/2/4/8, negative/zero strides, ndim 1–4, empties)', () => {
  const { cases } = load('random-pairs.json')
  it(`${cases.length} pairs × max_work {-1,0,1,2,5} and may_share_memory`, () => {
    expect(cases.length).toBeGreaterThanOrEqual(3000)
    const bad = mismatches(cases, (c: any) => {
      const a = bv(c.a), b = bv(c.b)
      const out: string[] = []
      for (const [k, o] of Object.entries(c.shares)) {
        const got = solveOverlap(a, b, Number(k))
        if (got !== expected(o as string)) out.push(`max_work=${k}: numpy ${o}, got ${got}: ${JSON.stringify(c)}`)
      }
      if ((solveOverlap(a, b, 0) !== 'no') !== c.may) out.push(`may_share_memory: numpy ${c.may}: ${JSON.stringify(c)}`)
      return out
    })
    expect(bad.slice(0, 10)).toEqual([])
  })
  it('the budgets really exercise TOO_HARD', () => {
    const counts = { 1: 0, 2: 0, 5: 0 } as Record<string, number>
    for (const c of cases) for (const k of ['1', '2', '5']) if (c.shares[k] === 'too-hard') counts[k]!++
    expect(counts['1']).toBeGreaterThan(100)
    expect(counts['5']).toBeGreaterThan(100)
  })
})

describe('internal overlap (numpy._core._multiarray_tests.internal_overlap)', () => {
  const { cases } = load('internal.json')
  it(`${cases.length} views × max_work {-1,0,1,2,5}`, () => {
    const bad = mismatches(cases, (c: any) => Object.entries(c.internal).flatMap(([k, o]) => {
      const got = solveInternalOverlap(bv(c.v), Number(k))
      return got === expected(o as string) ? [] : [`max_work=${k}: numpy ${o}, got ${got}: ${JSON.stringify(c.v)}`]
    }))
    expect(bad.slice(0, 10)).toEqual([])
  })
})

describe('overflow and giant-stride cases', () => {
  const { pairs, internal } = load('overflow.json')
  for (const c of pairs) {
    it(`pair: ${c.name}`, () => {
      const a = bv(c.a), b = bv(c.b)
      expect(solveOverlap(a, b, 0) !== 'no').toBe(c.may)
      for (const [k, o] of Object.entries(c.shares)) expect(solveOverlap(a, b, Number(k)), `max_work=${k}`).toBe(expected(o as string))
    })
  }
  for (const c of internal) {
    it(`internal: ${c.name}`, () => {
      for (const [k, o] of Object.entries(c.internal)) expect(solveInternalOverlap(bv(c.v), Number(k)), `max_work=${k}`).toBe(expected(o as string))
    })
  }
})

describe('element-level descriptors (real NumPy slices, transposes, broadcasts, windows; mixed dtypes)', () => {
  const { cases } = load('descriptors.json')
  const buffer = new SharedArrayBuffer(256)
  interface JDesc { dtype: DTypeName; shape: number[]; strides: number[]; offset: number; byteBounds: [number, number] }
  const desc = (d: JDesc): DescriptorLike => ({ buffer, dtype: d.dtype, shape: d.shape, strides: d.strides, offset: d.offset })
  it(`${cases.length} pairs: overlapOutcome, sharesMemory, mayShareMemory, hasInternalOverlap, byteBounds`, () => {
    const bad: string[] = []
    for (const c of cases) {
      const a = desc(c.a), b = desc(c.b)
      const tag = JSON.stringify(c)
      for (const [k, o] of Object.entries(c.shares)) {
        const got = overlapOutcome(a, b, Number(k))
        if (got !== o) bad.push(`overlapOutcome max_work=${k}: numpy ${o}, got ${got}: ${tag}`)
        if (solveOverlap(toByteView(a), toByteView(b), Number(k)) !== got) bad.push(`byte-level disagrees: ${tag}`)
        if (o === 'too-hard') {
          if (!(() => { try { sharesMemory(a, b, { maxWork: Number(k) }); return false } catch (e) { return e instanceof TooHardError } })()) bad.push(`no TooHardError: ${tag}`)
        } else if (sharesMemory(a, b, { maxWork: Number(k) }) !== (o === 'yes')) bad.push(`sharesMemory: ${tag}`)
      }
      if (mayShareMemory(a, b) !== c.may) bad.push(`mayShareMemory: numpy ${c.may}: ${tag}`)
      if (internalOverlapOutcome(a) !== c.internalA || hasInternalOverlap(a) !== (c.internalA === 'yes')) bad.push(`internal: numpy ${c.internalA}: ${tag}`)
      const [lo, hi] = byteBounds(a)
      if (lo !== c.a.byteBounds[0] || hi !== c.a.byteBounds[1]) bad.push(`byteBounds a: numpy ${c.a.byteBounds}, got ${[lo, hi]}: ${tag}`)
      const [lo2, hi2] = byteBounds(b)
      if (lo2 !== c.b.byteBounds[0] || hi2 !== c.b.byteBounds[1]) bad.push(`byteBounds b: numpy ${c.b.byteBounds}, got ${[lo2, hi2]}: ${tag}`)
    }
    expect(bad.slice(0, 10)).toEqual([])
    expect(cases.filter((c: any) => c.shares['-1'] === 'yes').length).toBeGreaterThan(50)
  })
})
