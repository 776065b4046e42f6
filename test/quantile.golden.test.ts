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
import { array } from '@strided/core'
import { decode, encode } from './support/fixtures.js'
import { build, checkStat, runStat, type Enc, type QCase, type QFixture } from './support/quantile-replay.js'
import { cmpNumpy, lanes, laneProblems, partitionProblems, takeLanes } from './support/partition-check.js'

const FILE = join(dirname(fileURLToPath(import.meta.url)), 'fixtures', 'quantile.json')

function runPartition(c: QCase): void {
  const a = build(c.a)
  const axis = (c.opts?.axis === undefined ? -1 : c.opts.axis) as number | null
  const opts = c.opts?.axis === undefined ? {} : { axis }
  const e = c.expect as { sorted?: Enc; kthValues?: Enc; kth: number[] }
  const ref = e.sorted === undefined ? undefined : lanes(array(e.sorted.values.map((v) => decode(v, e.sorted!.dtype)) as number[], { dtype: e.sorted.dtype }).reshape(e.sorted.shape), axis)
  if (c.fn === 'partition') {
    const r = S.partition(a, c.kth!, opts)
    expect(r.dtype).toBe(a.dtype)
    expect([...r.shape]).toEqual(axis === null ? [a.size] : [...a.shape])
    expect(partitionProblems(a, r, e.kth, axis, ref)).toEqual([])
    if (e.kthValues !== undefined) {
      const flat = r.toFlatArray()
      expect(e.kth.map((k) => encode(flat[k]!))).toEqual(e.kthValues.values)
    }
  } else {
    const idx = S.argpartition(a, c.kth!, opts)
    expect(idx.dtype).toBe('int64')
    expect([...idx.shape]).toEqual(axis === null ? [a.size] : [...a.shape])
    const { values, problems } = takeLanes(a, idx, axis)
    expect(problems).toEqual([])
    expect(laneProblems(lanes(a, axis), values, e.kth, ref)).toEqual([])
  }
}

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
          } else if (c.fn.endsWith('partition')) runPartition(c)
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
