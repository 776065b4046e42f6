/**
 * NaN-aware reductions and statistics against NumPy, in ONE run (ratios are only meaningful within a run):
 *
 *   REPS=5 npx tsx --conditions=strided-source packages/bench/src/micro/nan.ts
 *
 * float64 inputs: nanmean, nansum and nanmax of n = 1e7 with 10 % NaN, average of 1e7 with weights, and cov of a
 * 100×100000 matrix. strided runs inline (its sync API on this thread) and on `new Runtime({ threads: 2 })`; NumPy
 * runs in a python3 subprocess on the same sizes (its nan-functions are single-threaded; cov uses BLAS, which may
 * use several threads). Reported: medians of REPS runs, and NumPy_ms / strided_ms (≥ 1: strided is faster).
 */
import * as core from '@strided/core'
import { Runtime } from '@strided/workers'
import { median, pythonPrelude, runNumpy, REPS } from './harness.js'

const N = 1e7
const K = 100
const P = 100000

const PY = `${pythonPrelude(1)}rng = np.random.default_rng(1)
a = rng.random(${N}); a[rng.random(${N}) < 0.1] = np.nan
b = rng.random(${N}); w = rng.random(${N})
m = rng.random((${K}, ${P}))
r = {}
r['nanmean'] = med(lambda: np.nanmean(a))
r['nansum'] = med(lambda: np.nansum(a))
r['nanmax'] = med(lambda: np.nanmax(a))
r['average'] = med(lambda: np.average(b, weights=w))
r['cov'] = med(lambda: np.cov(m))
print(json.dumps({ 'numpy': np.__version__, 'ms': r }))
`

async function medianAsync(f: () => Promise<unknown>, warm = 2): Promise<number> {
  for (let i = 0; i < warm; i++) await f()
  const ts: number[] = []
  for (let i = 0; i < REPS; i++) {
    const t = performance.now()
    await f()
    ts.push(performance.now() - t)
  }
  ts.sort((p, q) => p - q)
  return ts[ts.length >> 1]!
}

const LABELS: Record<string, string> = {
  nanmean: 'nanmean 10% NaN       n=1e7 f8',
  nansum: 'nansum 10% NaN        n=1e7 f8',
  nanmax: 'nanmax 10% NaN        n=1e7 f8',
  average: 'average weights       n=1e7 f8',
  cov: 'cov                   100×1e5 f8',
}

async function main(): Promise<void> {
  const a0 = core.random.uniform([N], { seed: 3 })
  const a = core.where(core.less(core.random.uniform([N], { seed: 4 }), 0.1), NaN, a0)
  const b = core.random.uniform([N], { seed: 5 })
  const w = core.random.uniform([N], { seed: 6 })
  const m = core.random.uniform([K, P], { seed: 7 })
  const inline: Record<string, number> = {
    nanmean: median(() => { core.nanmean(a) }),
    nansum: median(() => { core.nansum(a) }),
    nanmax: median(() => { core.nanmax(a) }),
    average: median(() => { core.average(b, { weights: w }) }),
    cov: median(() => { core.cov(m) }, 1),
  }
  const rt = new Runtime({ threads: 2 })
  const pool: Record<string, number> = {
    nanmean: await medianAsync(() => rt.nanmean(a)),
    nansum: await medianAsync(() => rt.nansum(a)),
    nanmax: await medianAsync(() => rt.nanmax(a)),
    average: await medianAsync(() => rt.average(b, { weights: w })),
    cov: await medianAsync(() => rt.cov(m), 1),
  }
  await rt.close()
  const np = runNumpy<{ numpy: string; ms: Record<string, number> }>(PY)
  console.log(`strided nan-reductions / statistics vs NumPy, medians of ${REPS} (node ${process.version}, numpy ${np?.numpy ?? 'absent'})`)
  console.log('op'.padEnd(32), 'numpy ms'.padStart(9), 'inline ms'.padStart(10), '×numpy'.padStart(7), '2 thr ms'.padStart(9), '×numpy'.padStart(7))
  const ratio = (n: number | undefined, s: number): string => (n === undefined ? '-' : `${(n / s).toFixed(2)}x`)
  for (const k of Object.keys(LABELS)) {
    const n = np?.ms[k]
    console.log(LABELS[k]!.padEnd(32), (n === undefined ? '-' : n.toFixed(1)).padStart(9), inline[k]!.toFixed(1).padStart(10), ratio(n, inline[k]!).padStart(7),
      pool[k]!.toFixed(1).padStart(9), ratio(n, pool[k]!).padStart(7))
  }
}

await main()
