/**
 * NumPy golden cases of the second ufunc batch (scripts/gen_ufunc2_fixtures.py): every new op × every dtype (and
 * dtype pair) over contiguous, negative-stride, non-contiguous, broadcast, empty and 0-d layouts; special values;
 * weak scalars; dtype= and out= casts; error cases; isclose/allclose/arrayEqual/arrayEquiv; and where= masks of new
 * and existing ufuncs with and without out. Transcendental results within the measured ULP bounds of
 * ufunc2.helpers.ts (float64 ≤ 2 ULP, float32 ≤ 3 ULP, measured on ≥ 1e5 random points per function;
 * logaddexp* ≤ 2 ULP of max(|x1|, |x2|, |result|)), all else bit-exact.
 */
import { describe, expect, it } from 'vitest'
import { loadFixture } from './ufunc.helpers.js'
import { describeCase, runCase2, type Case2 } from './ufunc2.helpers.js'

function check(name: string, cases: Case2[]): void {
  const failures: string[] = []
  cases.forEach((c, i) => {
    const f = runCase2(c)
    if (f !== null) failures.push(`#${i} ${describeCase(c)}: ${f}`)
  })
  expect(failures.slice(0, 25), `${failures.length} of ${cases.length} ${name} cases differ from NumPy`).toEqual([])
}

const cases = loadFixture<Case2[]>('ufunc2.json')
const BINARY = new Set(['leftShift', 'rightShift', 'arctan2', 'hypot', 'fmod', 'remainder', 'copysign', 'nextafter', 'logaddexp', 'logaddexp2', 'heaviside', 'floatPower'])
const HELPERS = new Set(['isclose', 'allclose', 'arrayEqual', 'arrayEquiv'])

describe('second ufunc batch (NumPy 2.4.6 goldens)', () => {
  it('unary ops and round: every op × dtype × layout, special values, scalars, dtype=, out=', () => {
    check('unary', cases.filter((c) => !BINARY.has(c.op) && !HELPERS.has(c.op)))
  })
  it('binary ops: every op × dtype pair, broadcasts, special values, integer edges, weak scalars, dtype=, out=', () => {
    check('binary', cases.filter((c) => BINARY.has(c.op)))
  })
  it('isclose, allclose, arrayEqual, arrayEquiv', () => check('helpers', cases.filter((c) => HELPERS.has(c.op))))
  it('where= masks (new and existing ufuncs; with out, with a fresh zero-filled result, widening, errors)', () => {
    check('where', loadFixture<Case2[]>('where.json'))
  })
})
