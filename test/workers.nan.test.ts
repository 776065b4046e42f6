/**
 * The NaN-aware reductions and statistics on the worker pool: a real Runtime with 2 threads (every job split with
 * inlineThreshold 0, and with the calling thread taking a share), arrays large enough to split, results equal to
 * the inline calls bit for bit.
 */
import { afterAll, describe, expect, it } from 'vitest'
import * as core from '@strided/core'
import { NDArray, random, type Scalar } from '@strided/core'
import { Runtime } from '@strided/workers'

const pools = [new Runtime({ threads: 2, inlineThreshold: 0 }), new Runtime({ threads: 2, mainThreadShare: true, inlineThreshold: 0 })]
const dflt = new Runtime({ threads: 2 })
afterAll(async () => { await Promise.all([...pools, dflt].map((p) => p.close())) })

function bits(x: unknown): string {
  if (Array.isArray(x)) return x.map(bits).join(' | ')
  if (!(x instanceof NDArray)) return typeof x === 'number' && Object.is(x, -0) ? '-0' : String(x as Scalar)
  const b = x.toFlatArray().map((v) => (Object.is(v, -0) ? '-0' : String(v))).join(',')
  return `${x.dtype}(${x.shape.join(',')}):${b}`
}

/** 120×100 float64 with ~10 % NaN, an all-NaN row, a float32 copy, and reversed / transposed views. */
function inputs(): NDArray[] {
  const x = core.multiply(random.normal([120, 100], { seed: 5 }), 10)
  const u = random.uniform([120, 100], { seed: 6 })
  const withNan = core.where(core.less(u, 0.1), NaN, x)
  for (let j = 0; j < 100; j++) withNan.set(7, j, NaN)
  const f32 = withNan.astype('float32')
  return [withNan, withNan.slice('::-1, ::2'), withNan.T, f32, core.trunc(x).astype('int32')]
}

type Fn = (...args: unknown[]) => unknown
const inline = (op: string): Fn => (core as unknown as Record<string, Fn>)[op]!
const pooled = (rt: Runtime, op: string): ((...args: unknown[]) => Promise<unknown>) =>
  (rt as unknown as Record<string, (...a: unknown[]) => Promise<unknown>>)[op]!.bind(rt)

describe('Runtime: nan reductions and statistics, bit for bit with inline', () => {
  const xs = inputs()
  it('nansum, nanprod, nanmean, nanvar, nanstd, nanmin, nanmax, countNonzero, ptp over axes and layouts', async () => {
    for (const op of ['nansum', 'nanprod', 'nanmean', 'nanvar', 'nanstd', 'nanmin', 'nanmax', 'countNonzero', 'ptp']) {
      for (const a of [xs[0]!, xs[1]!, xs[3]!, xs[4]!]) {
        for (const opts of a === xs[0] ? [{}, { axis: 0 }, { axis: 1, keepdims: true }] : [{ axis: 0 }]) {
          const want = bits(inline(op)(a, opts))
          for (const rt of a === xs[0] ? [...pools, dflt] : [pools[1]!]) expect(bits(await pooled(rt, op)(a, opts)), `${op} ${JSON.stringify(opts)}`).toBe(want)
        }
      }
    }
  })
  it('the dense linear passes (NaN replacement, min/max chunks) split across threads', async () => {
    const big = core.where(core.less(random.uniform([300_000], { seed: 11 }), 0.1), NaN, random.normal([300_000], { seed: 12 }))
    const f32 = big.astype('float32').reshape([600, 500])
    for (const a of [big, f32, f32.T]) {
      for (const op of ['nansum', 'nanmean', 'nanvar', 'nanmin', 'nanmax', 'nanprod']) {
        const want = bits(inline(op)(a))
        for (const rt of pools) expect(bits(await pooled(rt, op)(a)), op).toBe(want)
      }
      const want = bits(core.nanmean(a, { axis: 0 }))
      expect(bits(await pools[0]!.nanmean(a, { axis: 0 }))).toBe(want)
    }
  })
  it('nanargmin / nanargmax, and the All-NaN rejection on the pool', async () => {
    for (const op of ['nanargmin', 'nanargmax']) {
      for (const a of xs) {
        const want = bits(inline(op)(a))
        for (const rt of pools) expect(bits(await pooled(rt, op)(a)), op).toBe(want)
        if (a.dtype !== 'int32') await expect(pooled(pools[0]!, op)(a, { axis: a === xs[2] ? 0 : 1 })).rejects.toThrow(/All-NaN slice/)
      }
    }
  })
  it('nanvar with ddof and dtype, nanmean with out', async () => {
    const a = xs[3]!
    const want = bits(core.nanvar(a, { axis: 0, ddof: 1, dtype: 'float64' }))
    expect(bits(await pools[0]!.nanvar(a, { axis: 0, ddof: 1, dtype: 'float64' }))).toBe(want)
    const out = core.zeros([120], { dtype: 'float32' })
    const r = await pools[1]!.nanmean(a, { axis: 1, out })
    expect(r).toBe(out)
    expect(bits(out)).toBe(bits(core.nanmean(a, { axis: 1 })))
  })
  it('average with weights', async () => {
    const a = xs[0]!.slice('8:, :')
    const w = random.uniform([100], { seed: 9 })
    for (const opts of [{ axis: 1, weights: w, returned: true }, { weights: core.onesLike(a) }, { axis: 0 }]) {
      const want = bits(core.average(a, opts))
      for (const rt of pools) expect(bits(await rt.average(a, opts)), JSON.stringify(Object.keys(opts))).toBe(want)
    }
  })
  it('float16 inputs (the float16 ufuncs and reductions at NumPy\'s rounding points) give the inline bits', async () => {
    const h = core.multiply(xs[0]!, 300).astype('float16')
    for (const a of [h, h.slice('::-1, ::2')]) {
      for (const op of ['nansum', 'nanprod', 'nanmean', 'nanvar', 'nanstd', 'nanmin', 'nanmax', 'countNonzero', 'ptp']) {
        for (const opts of [{}, { axis: 0 }, { axis: 1, keepdims: true }]) {
          const want = bits(inline(op)(a, opts))
          for (const rt of pools) expect(bits(await pooled(rt, op)(a, opts)), `float16 ${op} ${JSON.stringify(opts)}`).toBe(want)
        }
      }
    }
    const clean = core.where(core.isnan(h), 1, h).slice('8:, :')
    for (const [op, a, opts] of [['nanargmin', clean, { axis: 0 }], ['nanargmax', clean, {}], ['average', clean, { axis: 1, weights: core.onesLike(clean), returned: true }],
      ['average', clean, { axis: 0 }]] as const) {
      const want = bits(inline(op)(a, opts))
      for (const rt of pools) expect(bits(await pooled(rt, op)(a, opts)), `float16 ${op}`).toBe(want)
    }
    const c = clean.slice(':5, :')
    for (const rt of pools) expect(bits(await rt.cov(c, null, {}))).toBe(bits(core.cov(c, null, {})))
  })
  it('cov and corrcoef (the product split by output rows)', async () => {
    const m = random.normal([40, 500], { seed: 3 })
    const y = random.normal([3, 500], { seed: 4 })
    const aw = random.uniform([500], { seed: 8 })
    for (const [mm, yy, opts] of [[m, null, {}], [m, y, {}], [m, null, { aweights: aw }], [m, null, { dtype: 'float32' }], [m.T, null, { rowvar: false }]] as const) {
      const want = bits(core.cov(mm, yy, opts))
      for (const rt of pools) expect(bits(await rt.cov(mm, yy, opts))).toBe(want)
    }
    const want = bits(core.corrcoef(m, y))
    for (const rt of pools) expect(bits(await rt.corrcoef(m, y))).toBe(want)
  })
})
