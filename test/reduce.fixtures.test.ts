/**
 * NumPy-golden reduction fixtures (scripts/gen_reduce_fixtures.py): bit-exact float sums (pairwise blocks,
 * strided/reversed views, NumPy's buffered chunking, axis reductions in C/F/transposed layouts), result dtypes
 * and exact integer values for every dtype and op, mean/var/std, NaN and ties, empties and error messages.
 */
import { describe, expect, it } from 'vitest'
import { AxisError, ValueError } from '../packages/core/src/index.js'
import { compare, describeCase, loadCases, runCase, type Case } from './reduce.helpers.js'

const GROUPS = ['pairwise', 'chunking', 'axes', 'dtypes', 'stats', 'nan', 'empty', 'random'] as const

function check(c: Case): string | null {
  if (c.error) {
    let err: unknown
    try {
      runCase(c)
    } catch (e) {
      err = e
    }
    if (err === undefined) return `expected ${c.error.type}: ${c.error.message}, got a result`
    const e = err as Error
    const want = c.error.type === 'AxisError' ? AxisError : ValueError
    if (!(e instanceof want)) return `expected ${c.error.type}, got ${e.name}: ${e.message}`
    if (!e.message.startsWith(c.error.message)) return `message ${JSON.stringify(e.message)} does not start with ${JSON.stringify(c.error.message)}`
    return null
  }
  return compare(c, runCase(c))
}

describe.each(GROUPS)('reduce fixtures: %s', (group) => {
  const cases = loadCases(group)
  it(`${cases.length} cases match NumPy exactly`, () => {
    const failures: string[] = []
    for (const c of cases) {
      let msg: string | null
      try {
        msg = check(c)
      } catch (e) {
        msg = `threw ${(e as Error).name}: ${(e as Error).message}`
      }
      if (msg !== null) failures.push(`${describeCase(c)}: ${msg}`)
    }
    expect(failures.slice(0, 15)).toEqual([])
  })
})
