/** { overlap: 'copy' }: NumPy's semantics (spec §1.7) — inputs read before any output is written. */
import { describe, expect, it } from 'vitest'
import { NDArray, OverlapError, add, arange, asStrided, multiply, negative, subtract, zeros } from '@strided/core'
import { applyView, buildBase, compareValues, flat, loadFixture, type ArraySpec, type Enc, type ViewStep } from './ufunc.helpers.js'

const copy = { overlap: 'copy' } as const

describe('spec §1.7 examples', () => {
  it('a[1:] += a[:-1] is not a running sum', () => {
    const a = arange(8)
    add(a.slice('1:'), a.slice(':-1'), { out: a.slice('1:'), ...copy })
    expect(a.toArray()).toEqual([0, 1, 3, 5, 7, 9, 11, 13])
  })
  it('a += a[::-1] gives all 7', () => {
    const a = arange(8)
    add(a, a.slice('::-1'), { out: a, ...copy })
    expect(a.toArray()).toEqual([7, 7, 7, 7, 7, 7, 7, 7])
  })
  it('m += m.T is symmetric', () => {
    const m = arange(25).reshape([5, 5])
    add(m, m.T, { out: m, ...copy })
    const v = m.toArray() as number[][]
    for (let i = 0; i < 5; i++) for (let j = 0; j < 5; j++) expect(v[i]![j]).toBe(v[j]![i]!)
    expect(v[1]![2]).toBe(7 + 11)
  })
  it('negative(a[::2], out=a[1::2]) interleaves correctly', () => {
    const a = arange(8)
    negative(a.slice('::2'), { out: a.slice('1::2'), ...copy })
    expect(a.toArray()).toEqual([0, -0, 2, -2, 4, -4, 6, -6])
  })
  it('stride-0 output: b += 1 → x[0] == 1, add(b, [1,2,3], out=b) → x[0] == 3', () => {
    const x = zeros(3)
    const b = asStrided(x, { shape: [3], strides: [0], writeable: true })
    add(b, 1, { out: b, ...copy })
    expect(x.toArray()).toEqual([1, 0, 0])
    const y = zeros(3)
    const c = asStrided(y, { shape: [3], strides: [0], writeable: true })
    add(c, arange(1, 4), { out: c, ...copy })
    expect(y.toArray()).toEqual([3, 0, 0])
  })
  it('sliding windows w += 1 add exactly 1 to each underlying element', () => {
    const x = arange(6)
    const w = asStrided(x, { shape: [4, 3], strides: [1, 1], writeable: true })
    add(w, 1, { out: w, ...copy })
    expect(x.toArray()).toEqual([1, 2, 3, 4, 5, 6])
  })
  it('a cast temporary plus write-back: out of another dtype aliasing an input', () => {
    const a = arange(6, { dtype: 'float32' })
    add(a.slice('1:'), a.slice(':-1'), { out: a.slice('1:'), ...copy })
    expect(a.toArray()).toEqual([0, 1, 3, 5, 7, 9])
  })
})

interface OverlapCase { op: string; base: ArraySpec; out: ViewStep; inputs: ViewStep[]; expectBase: Enc[] }

describe('random aliasing cases (NumPy goldens)', () => {
  const cases = loadFixture<OverlapCase[]>('overlap.json')
  const ops = { add, subtract, multiply, negative } as unknown as Record<string, (...a: unknown[]) => NDArray>
  it(`${cases.length} cases: copy mode matches NumPy; error mode throws and writes nothing unless provably safe`, () => {
    let rejected = 0
    for (const [i, c] of cases.entries()) {
      for (const mode of ['copy', 'error'] as const) {
        const base = buildBase(c.base)
        const out = applyView(base, [c.out])
        const inputs = c.inputs.map((v) => applyView(base, [v]))
        const before = flat(base)
        try {
          ops[c.op]!(...inputs, { out, overlap: mode })
        } catch (e) {
          expect(mode, `case ${i}: copy mode threw ${String(e)}`).toBe('error')
          expect(e).toBeInstanceOf(OverlapError)
          expect(flat(base), `case ${i}: rejected call wrote`).toEqual(before)
          rejected++
          continue
        }
        const diff = compareValues('add', 'float64', flat(base), c.expectBase)
        expect(diff, `case ${i} (${c.op}, ${mode})`).toBeNull()
      }
    }
    expect(rejected).toBeGreaterThan(cases.length / 2)
  })
})
