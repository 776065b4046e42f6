/**
 * partition, argpartition, median, quantile, percentile and the nan- forms on the worker pool: the same bits as the
 * inline calls, on 2 threads (jobs split when large) and on 2 threads + the main thread with inlineThreshold 0
 * (every job split, small arrays too). Covers the lane jobs (many lanes, several units) and the parallel radix
 * select of long lanes (histogram / gather / scatter jobs), incl. a lane that must be copied first.
 */
import { afterAll, describe, expect, it } from 'vitest'
import * as core from '@strided/core'
import { NDArray, random, type Scalar } from '@strided/core'
import { DRIVEN_OPS } from '@strided/core/internal'
import { Runtime } from '@strided/workers'
import { partitionProblems, takeLanes, laneProblems, lanes } from './support/partition-check.js'

const pools = [new Runtime({ threads: 2 }), new Runtime({ threads: 2, mainThreadShare: true, inlineThreshold: 0 })]
afterAll(async () => { await Promise.all(pools.map((p) => p.close())) })

function bits(x: NDArray | Scalar): string {
  if (!(x instanceof NDArray)) return `${typeof x}:${Object.is(x, -0) ? '-0' : String(x)}`
  const b = x.toFlatArray().map((v) => (Object.is(v, -0) ? '-0' : String(v))).join(',')
  return `${x.dtype}(${x.shape.join(',')}):${b}`
}

type AnyFn = (...args: unknown[]) => unknown
const inline = (op: string): AnyFn => (core as unknown as Record<string, AnyFn>)[op]!
const pooled = (rt: Runtime, op: string): ((...args: unknown[]) => Promise<unknown>) => (rt as unknown as Record<string, (...a: unknown[]) => Promise<unknown>>)[op]!.bind(rt)

/** n float64 values with a few NaNs (every `nanEvery`-th) and ties. */
function data(n: number, seed: number, nanEvery = 0): NDArray {
  const a = core.floor(core.multiply(random.uniform([n], { seed }), 5000))
  if (nanEvery > 0) for (let i = 3; i < n; i += nanEvery) a.set(i, NaN)
  return a
}

async function same(op: string, ...args: unknown[]): Promise<void> {
  const want = bits(inline(op)(...args) as NDArray | Scalar)
  for (const rt of pools) expect(bits((await pooled(rt, op)(...args)) as NDArray | Scalar), `${op} on ${JSON.stringify(rt.options)}`).toBe(want)
}

describe('Runtime: selection and order statistics', () => {
  it('every driven op (partition, median, quantile, ...) is a Runtime method', () => {
    for (const name of ['partition', 'argpartition', 'median', 'nanmedian', 'quantile', 'percentile', 'nanquantile', 'nanpercentile']) {
      expect(DRIVEN_OPS.has(name), name).toBe(true)
      expect(typeof (pools[0] as unknown as Record<string, unknown>)[name], name).toBe('function')
    }
  })

  it('one long lane (radix path): median, percentiles, quantile methods, nan- forms', async () => {
    const a = data(270_000, 1)
    const withNan = data(270_000, 2, 97)
    await same('median', a)
    await same('median', withNan)
    await same('nanmedian', withNan)
    await same('percentile', a, [1, 50, 99])
    await same('nanpercentile', withNan, [0, 12.5, 100], { method: 'hazen' })
    await same('quantile', a.astype('float32'), 0.37)
    await same('quantile', a.astype('int64'), [0.1, 0.9], { method: 'nearest' })
    await same('quantile', a.astype('int32'), [0.25, 0.75], { method: 'median_unbiased' })
  })

  it('a long lane that is not one stride is copied first (radix path), and a strided lane', async () => {
    const m = core.reshape(data(270_400, 3), [520, 520]).T
    await same('median', m)
    await same('quantile', m, [0.5, 0.99], { axis: [0, 1], keepdims: true })
    await same('median', data(810_000, 4).slice('::3'))
  })

  it('many lanes (lane jobs): along an axis, several axes, keepdims, out', async () => {
    const m = core.reshape(data(120_000, 5, 31), [300, 400])
    await same('median', m, { axis: 1 })
    await same('nanmedian', m, { axis: 0 })
    await same('quantile', m, [0.1, 0.5], { axis: 1, method: 'weibull' })
    await same('nanpercentile', m.T, 90, { axis: 0, keepdims: true })
    const t3 = core.reshape(data(60_000, 6), [30, 40, 50])
    await same('quantile', t3, 0.3, { axis: [0, 2], method: 'closest_observation' })
    for (const rt of pools) {
      const out = core.zeros([300])
      const r = await rt.median(m, { axis: 1, out })
      expect(r).toBe(out)
      expect(bits(out)).toBe(bits(core.median(m, { axis: 1 }) as NDArray))
    }
  })

  it('small arrays forced onto the pool (inlineThreshold 0)', async () => {
    const s = core.array([[3, 1, 2, NaN], [9, 7, 8, 7]])
    await same('median', s, { axis: 1 })
    await same('nanquantile', s, [0, 0.5, 1], { axis: 1, method: 'midpoint' })
    await same('partition', s, 1)
    await same('argpartition', s, [0, 2], { axis: 1 })
  })

  it('partition: lanes split across threads, and one long lane (radix + scatter); the guarantee holds', async () => {
    const m = core.reshape(data(200_000, 7, 13), [400, 500])
    await same('partition', m, [0, 250, -1])
    await same('partition', m, 10, { axis: 0 })
    await same('argpartition', m, 100)
    const long = data(270_000, 8, 101)
    const kth = [0, 1234, 135_000, 269_999]
    await same('partition', long, kth)
    await same('partition', long.astype('int64'), 135_000)
    const p = (await pools[0]!.partition(long, kth)) as NDArray
    expect(partitionProblems(long, p, kth, -1)).toEqual([])
    const pi = core.partition(long.astype('int64'), [7, 135_000])
    expect(partitionProblems(long.astype('int64'), pi, [7, 135_000], -1)).toEqual([])
    const idx = (await pools[1]!.argpartition(m, 3, { axis: 0 })) as NDArray
    const { values, problems } = takeLanes(m, idx, 0)
    expect(problems).toEqual([])
    expect(laneProblems(lanes(m, 0), values, [3])).toEqual([])
  })

  it('float16 (a float32 shadow, NumPy\'s half arithmetic): lanes, one long lane (radix path), partition', async () => {
    const long = core.multiply(data(270_000, 3, 89), 3.3).astype('float16')
    const m = core.multiply(core.reshape(data(60_000, 4, 17), [300, 200]), 3.3).astype('float16')
    await same('median', long)
    await same('nanmedian', long)
    await same('nanquantile', long, 0.37)
    await same('quantile', long.slice('::-1'), [0.1, 0.9], { method: 'hazen' })
    await same('median', m, { axis: 0 })
    await same('nanmedian', m, { axis: 1 })
    await same('nanmedian', m.T, { axis: 1, keepdims: true })
    await same('quantile', m, 0.3, { axis: 1 })
    await same('nanpercentile', m, 40, { axis: 0 })
    await same('nanquantile', m, [0.2, 0.5], { axis: 1, method: 'weibull' })
    await same('partition', m, [0, 100])
    await same('argpartition', m, 5, { axis: 0 })
    const p = (await pools[1]!.partition(long, [0, 135_000])) as NDArray
    expect(p.dtype).toBe('float16')
    expect(partitionProblems(long, p, [0, 135_000], -1)).toEqual([])
  })

  it('rejects bad arguments before running anything', async () => {
    const a = data(1000, 9)
    await expect(pools[0]!.quantile(a, 1.5)).rejects.toThrow(core.ValueError)
    await expect(pools[0]!.partition(a, 1000)).rejects.toThrow(/kth\(=1000\) out of bounds \(1000\)/)
    await expect(pools[1]!.median(a, { axis: 1 })).rejects.toThrow(core.AxisError)
  })
})
