/** NumPy golden cases (scripts/gen_ufunc_fixtures.py): every binary op × dtype pair, every unary op × dtype. */
import { describe, expect, it } from 'vitest'
import { loadFixture, runCase, type Case } from './ufunc.helpers.js'

function check(name: string, cases: Case[], preferBigInt = false): void {
  const failures: string[] = []
  cases.forEach((c, i) => {
    const f = runCase(c, preferBigInt)
    if (f !== null) failures.push(`#${i} ${c.op}(${c.inputs.map((s) => (s === null ? 'null' : 'scalar' in s ? `${s.scalar} ${s.value}` : s.dtype)).join(', ')}): ${f}`)
  })
  expect(failures.slice(0, 25), `${failures.length} of ${cases.length} ${name} cases differ from NumPy`).toEqual([])
}

describe('ufunc fixtures (NumPy 2.4.6 goldens)', () => {
  it('binary ops: every op × dtype pair, random layouts and broadcasts', () => check('binary', loadFixture<Case[]>('binary.json')))
  it('unary ops: every op × dtype', () => check('unary', loadFixture<Case[]>('unary.json')))
  it('NEP 50 weak scalars (numbers)', () => check('scalar', loadFixture<Case[]>('scalars.json').filter((c) => !c.bigint)))
  it('NEP 50 weak scalars (bigint Python ints)', () => check('scalar', loadFixture<Case[]>('scalars.json'), true))
  it('where, clip, out= casts, dtype=', () => check('misc', loadFixture<Case[]>('misc.json')))
  it("output layout 'K' (F+F → F, F+C → C, transposes, negative strides, broadcasts)", () => check('layout', loadFixture<Case[]>('layout.json')))
})
