/**
 * Golden replay of NumPy's selection and order statistics (test/fixtures/quantile.json, written by
 * scripts/gen_quantile_fixtures.py with NumPy 2.4): quantile/percentile over all 13 methods × every dtype × q
 * arrays and scalars (0 and 1 included), median and the nan- forms over the layout matrix (contiguous, negative
 * strides, steps, F order, transposes, broadcast, empty, 0-d, sorted, reversed) and axis choices (incl. several
 * axes, keepdims), NaN-heavy / all-NaN / infinite / tied inputs, large generated inputs (the parallel radix path),
 * partition/argpartition by their guarantee, and NumPy's errors (by class).
 * Values are compared bit for bit (Object.is: NaN equals NaN, -0 differs from +0) with the result dtype.
 */
import { readFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import * as S from '@strided/core'
import { build, checkStat, runStat, type QCase, type QFixture } from './support/quantile-replay.js'
import { cmpNumpy } from './support/partition-check.js'
import { replayPartition } from './support/partition-replay.js'

const FILE = join(dirname(fileURLToPath(import.meta.url)), 'fixtures', 'quantile.json')

const fixture = JSON.parse(readFileSync(FILE, 'utf8')) as QFixture

describe(`quantile golden (NumPy ${fixture.numpy})`, () => {
  const groups = new Map<string, QCase[]>()
  for (const c of fixture.cases) {
    const key = `${c.fn}${c.error ? ' errors' : ''}`
    if (!groups.has(key)) groups.set(key, [])
    groups.get(key)!.push(c)
  }
  for (const [key, cases] of groups) {
    it(`${key} (${cases.length} cases)`, () => {
      for (const c of cases) {
        const label = JSON.stringify({ fn: c.fn, a: c.a.gen ? c.a : { dtype: c.a.dtype, shape: c.a.shape, view: c.a.view, bcast: c.a.bcast }, q: c.q, kth: c.kth, opts: c.opts })
        try {
          if (c.error !== undefined) {
            const run = (): unknown => (c.fn.endsWith('partition') ? (c.fn === 'partition' ? S.partition : S.argpartition)(build(c.a), c.kth!, (c.opts ?? {}) as S.PartitionOptions) : runStat(c))
            let err: unknown
            try { run() } catch (x) { err = x }
            expect(err, `expected ${c.error.ts}: ${c.error.message}`).toBeInstanceOf((S as unknown as Record<string, new () => Error>)[c.error.ts])
          } else if (c.fn.endsWith('partition')) replayPartition(c)
          else checkStat(c, runStat(c))
        } catch (x) {
          throw new Error(`${label}\n${(x as Error).message}`)
        }
      }
    })
  }
  it('the comparator orders NaN last', () => {
    expect([NaN, 1, -Infinity].sort(cmpNumpy)).toEqual([-Infinity, 1, NaN])
  })
})
