/**
 * Property tests of the overlap checker against brute force: enumerate every byte of small views.
 * Exact mode must equal brute force; budgeted modes may only say 'too-hard' instead, and the
 * number fast path must agree with the BigInt path for every budget (same work counting).
 */
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import {
  type BigByteView, type ByteView, type DescriptorLike,
  hasInternalOverlap, overlapOutcome, sharedByteCount, sharedByteCountBytes, solveInternalOverlap, solveOverlap,
} from '../packages/core/src/overlap/index.js'

/** Every byte address the view touches (with repeats), and per byte the flat element index. */
function enumerate(v: ByteView, each: (byte: number, flat: number) => void): void {
  const nd = v.shape.length
  if (v.shape.some((n) => n === 0)) return
  const idx = new Array<number>(nd).fill(0)
  let flat = 0
  for (;;) {
    let p = v.byteOffset
    for (let k = 0; k < nd; k++) p += idx[k]! * v.byteStrides[k]!
    for (let j = 0; j < v.itemsize; j++) each(p + j, flat)
    flat++
    let k = nd - 1
    while (k >= 0 && ++idx[k]! === v.shape[k]!) { idx[k] = 0; k-- }
    if (k < 0) return
  }
}

function byteSet(v: ByteView): Set<number> {
  const s = new Set<number>()
  enumerate(v, (b) => s.add(b))
  return s
}

function bruteShares(a: ByteView, b: ByteView): boolean {
  const s = byteSet(a)
  let hit = false
  enumerate(b, (x) => { if (s.has(x)) hit = true })
  return hit
}

function bruteShared(a: ByteView, b: ByteView): number {
  const s = byteSet(a)
  let n = 0
  for (const x of byteSet(b)) if (s.has(x)) n++
  return n
}

function bruteInternal(v: ByteView): boolean {
  const owner = new Map<number, number>()
  let hit = false
  enumerate(v, (byte, flat) => {
    const o = owner.get(byte)
    if (o === undefined) owner.set(byte, flat)
    else if (o !== flat) hit = true
  })
  return hit
}

/** The same view with a bigint offset, which forces the BigInt solver path. */
const big = (v: ByteView): BigByteView => ({ ...v, byteOffset: BigInt(v.byteOffset) })

const dimArb = fc.oneof({ weight: 1, arbitrary: fc.constant(0) }, { weight: 3, arbitrary: fc.constant(1) }, { weight: 20, arbitrary: fc.integer({ min: 2, max: 4 }) })

function viewArb(maxStride: number): fc.Arbitrary<ByteView> {
  return fc.record({
    itemsize: fc.constantFrom(1, 2, 4, 8),
    axes: fc.array(fc.record({
      n: dimArb,
      s: fc.oneof({ weight: 1, arbitrary: fc.constant(0) }, { weight: 10, arbitrary: fc.integer({ min: -maxStride, max: maxStride }) }),
      scaled: fc.boolean(),
    }), { minLength: 1, maxLength: 4 }),
    offset: fc.integer({ min: 0, max: 96 }),
  }).map(({ itemsize, axes, offset }) => ({
    itemsize,
    shape: axes.map((x) => x.n),
    // half the axes use whole-item strides (like real dtype views), half arbitrary byte strides
    byteStrides: axes.map((x) => (x.scaled ? Math.trunc(x.s / 3) * itemsize : x.s)),
    byteOffset: offset,
  }))
}

const small = viewArb(24)

describe('solveOverlap vs brute force', () => {
  it('exact mode, 10,000 random pairs (both argument orders, number and BigInt paths)', () => {
    fc.assert(fc.property(small, small, (a, b) => {
      const want = bruteShares(a, b) ? 'yes' : 'no'
      expect(solveOverlap(a, b, -1)).toBe(want)
      expect(solveOverlap(b, a, -2)).toBe(want)
      expect(solveOverlap(big(a), big(b), -1)).toBe(want)
    }), { numRuns: 10_000 })
  })

  it('budgets: only "too-hard" may replace the exact answer; more budget never hurts; paths agree', () => {
    fc.assert(fc.property(small, small, (a, b) => {
      const exact = solveOverlap(a, b, -1)
      let decided = false
      for (const k of [0, 1, 2, 3, 5, 8]) {
        const got = solveOverlap(a, b, k)
        expect(got === exact || got === 'too-hard').toBe(true)
        if (decided) expect(got).toBe(exact)
        if (got !== 'too-hard') decided = true
        expect(solveOverlap(big(a), big(b), k)).toBe(got)
      }
    }), { numRuns: 3000 })
  })

  it('large strides (BigInt fallback for big moduli) still match brute force', () => {
    const huge = fc.record({
      itemsize: fc.constantFrom(1, 2, 8),
      strides: fc.array(fc.integer({ min: -(2 ** 40), max: 2 ** 40 }), { minLength: 1, maxLength: 3 }),
      shape: fc.array(fc.integer({ min: 1, max: 3 }), { minLength: 3, maxLength: 3 }),
      pick: fc.array(fc.integer({ min: 0, max: 2 }), { minLength: 3, maxLength: 3 }),
      delta: fc.integer({ min: -9, max: 9 }),
    })
    fc.assert(fc.property(huge, ({ itemsize, strides, shape, pick, delta }) => {
      const nd = strides.length
      const a: ByteView = { itemsize, shape: shape.slice(0, nd), byteStrides: strides, byteOffset: 2 ** 43 }
      // b starts at some element of a (plus a small shift) and reuses a's strides in another order
      let off = a.byteOffset + delta
      for (let k = 0; k < nd; k++) off += Math.min(pick[k]!, a.shape[k]! - 1) * strides[k]!
      const b: ByteView = { itemsize, shape: shape.slice(0, nd).reverse(), byteStrides: [...strides].reverse().map((s, i) => (i === 0 ? s + delta : s)), byteOffset: off }
      const want = bruteShares(a, b) ? 'yes' : 'no'
      expect(solveOverlap(a, b, -1)).toBe(want)
      expect(solveOverlap(big(a), big(b), -1)).toBe(want)
    }), { numRuns: 3000 })
  })
})

describe('solveInternalOverlap vs brute force', () => {
  it('exact mode, 10,000 random views', () => {
    fc.assert(fc.property(small, (v) => {
      expect(solveInternalOverlap(v, -1)).toBe(bruteInternal(v) ? 'yes' : 'no')
      expect(solveInternalOverlap(big(v), -1)).toBe(bruteInternal(v) ? 'yes' : 'no')
    }), { numRuns: 10_000 })
  })
  it('budgets: number and BigInt paths agree, only "too-hard" replaces the answer', () => {
    fc.assert(fc.property(small, (v) => {
      const exact = solveInternalOverlap(v, -1)
      for (const k of [0, 1, 2, 4]) {
        const got = solveInternalOverlap(v, k)
        expect(got === exact || got === 'too-hard').toBe(true)
        expect(solveInternalOverlap(big(v), k)).toBe(got)
      }
    }), { numRuns: 3000 })
  })
})

describe('sharedByteCount vs brute force', () => {
  it('byte level, 5,000 random pairs', () => {
    fc.assert(fc.property(small, small, (a, b) => {
      expect(sharedByteCountBytes(a, b)).toBe(bruteShared(a, b))
    }), { numRuns: 5000 })
  })
  it('element level (descriptors of one buffer, different dtypes)', () => {
    const buffer = new SharedArrayBuffer(1024)
    const dtypes = ['int8', 'int16', 'float32', 'float64'] as const
    const desc = fc.record({
      dt: fc.integer({ min: 0, max: 3 }),
      axes: fc.array(fc.record({ n: dimArb, s: fc.integer({ min: -6, max: 6 }) }), { minLength: 1, maxLength: 3 }),
      offset: fc.integer({ min: 30, max: 60 }),
    }).map(({ dt, axes, offset }): DescriptorLike => ({ buffer, dtype: dtypes[dt]!, shape: axes.map((x) => x.n), strides: axes.map((x) => x.s), offset }))
    const bytes = (d: DescriptorLike): ByteView => {
      const it = ({ int8: 1, int16: 2, float32: 4, float64: 8 } as Record<string, number>)[d.dtype as string]!
      return { itemsize: it, shape: d.shape, byteStrides: d.strides.map((s) => s * it), byteOffset: d.offset * it }
    }
    fc.assert(fc.property(desc, desc, (a, b) => {
      expect(sharedByteCount(a, b)).toBe(bruteShared(bytes(a), bytes(b)))
      expect(overlapOutcome(a, b)).toBe(bruteShares(bytes(a), bytes(b)) ? 'yes' : 'no')
      expect(hasInternalOverlap(a)).toBe(bruteInternal(bytes(a)))
    }), { numRuns: 2000 })
  })
})
