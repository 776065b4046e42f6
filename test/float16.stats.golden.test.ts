/**
 * Golden replay of NumPy's float16 order statistics, scans, NaN-aware reductions, statistics and histogram
 * (test/fixtures/float16-stats.json, written by scripts/gen_float16_stats_fixtures.py with NumPy 2.4.6): values
 * where float16 rounding at NumPy's points shows (sums near 2048, overflow past 65504, nanmedian's masked mean,
 * the half lerp of quantile with a scalar q), over the layout matrix. Results are compared bit for bit with their
 * dtype (-0 differs from +0; NaN equals NaN), except cov/corrcoef (computed in float64 by NumPy's BLAS: a
 * tolerance) and nanmin/nanmax zero signs; partition/argpartition by their guarantee; errors by class.
 */
import { readFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import * as S from '@strided/core'
import { NDArray, broadcastTo, type DTypeName } from '@strided/core'
import { decode, encode, makeBase, type Encoded } from './support/fixtures.js'
import { check, type Fixture as NanFixture } from './support/nan-cases.js'
import { checkStat, runStat, type Enc, type QCase } from './support/quantile-replay.js'
import { replayPartition } from './support/partition-replay.js'
import { replayScan, type ScanCase } from './scan.helpers.js'

interface HSpec { dtype: DTypeName; shape: number[]; values: Encoded[]; order?: 'C' | 'F'; view?: string; bcast?: number[] }
interface HRef { ref: string }
interface HCase {
  fn: 'histogram'; in: { a: HRef; weights?: HRef }; opts: { bins: number | HSpec; range?: Encoded[]; density?: boolean }
  expect?: Enc[]; error?: { numpy: string; ts: string; message: string }
}
interface Fixture {
  numpy: string
  nan: NanFixture
  quantile: QCase[]
  scan: ScanCase[]
  histogram: { arrays: Record<string, HSpec>; cases: HCase[] }
}

const FX = JSON.parse(readFileSync(join(dirname(fileURLToPath(import.meta.url)), 'fixtures', 'float16-stats.json'), 'utf8')) as Fixture


function buildH(spec: HSpec | HRef): NDArray {
  if ('ref' in spec) return buildH(FX.histogram.arrays[spec.ref]!)
  const base = makeBase({ dtype: spec.dtype, shape: spec.shape, order: spec.order, values: spec.values })
  let a = spec.view !== undefined ? base.slice(spec.view) : base
  if (spec.bcast !== undefined) a = broadcastTo(a, spec.bcast)
  return a
}

function runHistogram(c: HCase): Enc[] {
  const opts: S.HistogramOptions = {}
  opts.bins = typeof c.opts.bins === 'number' ? c.opts.bins : buildH(c.opts.bins)
  if (c.opts.range !== undefined) opts.range = c.opts.range.map((x) => decode(x, 'float64') as number) as [number, number]
  if (c.opts.density !== undefined) opts.density = c.opts.density
  if (c.in.weights !== undefined) opts.weights = buildH(c.in.weights)
  return S.histogram(buildH(c.in.a), opts).map((r) => ({ dtype: r.dtype, shape: [...r.shape], values: r.toFlatArray().map(encode) }))
}

describe(`float16 statistics golden (numpy ${FX.numpy})`, () => {
  const byFn = new Map<string, NanFixture['cases']>()
  for (const c of FX.nan.cases) byFn.set(c.fn, [...(byFn.get(c.fn) ?? []), c])
  for (const [fn, cases] of byFn) {
    it(`${fn}: ${cases.length} cases`, () => {
      const bad: string[] = []
      for (const c of cases) {
        const why = check(c, FX.nan.arrays)
        if (why !== null) bad.push(`${c.fn}(${c.a}${c.w ? `, w=${c.w}` : ''}, ${JSON.stringify(c.opts)}): ${why}`)
      }
      expect(bad.slice(0, 15), `${bad.length} of ${cases.length} differ`).toEqual([])
    })
  }

  const byQ = new Map<string, QCase[]>()
  for (const c of FX.quantile) byQ.set(c.fn, [...(byQ.get(c.fn) ?? []), c])
  for (const [fn, cases] of byQ) {
    it(`${fn}: ${cases.length} cases`, () => {
      for (const c of cases) {
        const label = JSON.stringify({ fn: c.fn, a: c.a.gen ? c.a : { shape: c.a.shape, view: c.a.view, bcast: c.a.bcast, values: c.a.values?.slice(0, 12) }, q: c.q, kth: c.kth, opts: c.opts })
        try {
          if (c.error !== undefined) {
            let err: unknown
            try { runStat(c) } catch (x) { err = x }
            expect(err, `expected ${c.error.ts}: ${c.error.message}`).toBeInstanceOf((S as unknown as Record<string, new () => Error>)[c.error.ts])
          } else if (c.fn.endsWith('partition')) replayPartition(c)
          else checkStat(c, runStat(c))
        } catch (x) {
          throw new Error(`${label}\n${(x as Error).message}`)
        }
      }
    })
  }

  it(`scans: ${FX.scan.length} cases`, () => { replayScan(FX.scan, 'float16-stats.json') })

  it(`histogram: ${FX.histogram.cases.length} cases`, () => {
    FX.histogram.cases.forEach((c, k) => {
      const label = `histogram case ${k}: ${JSON.stringify(c.in)} ${JSON.stringify(c.opts).slice(0, 200)}`
      if (c.error !== undefined) {
        let err: unknown
        try { runHistogram(c) } catch (e) { err = e }
        expect(err, `${label}: expected ${c.error.ts} (${c.error.message})`).toBeInstanceOf(S.StridedError)
        expect((err as Error).name, label).toBe(c.error.ts)
        return
      }
      expect(runHistogram(c), label).toEqual(c.expect)
    })
  })
})
