/**
 * Selection and order statistics against NumPy, in ONE run (ratios are only meaningful within a run):
 *
 *   REPS=5 npx tsx --conditions=strided-source packages/bench/src/micro/quantile.ts
 *
 * float64 uniform random inputs: median of n = 1e7, percentile([1, 50, 99]) of 1e7, partition of 1e7 at kth = n/2,
 * and median along axis 1 of 4000×4000. strided runs inline (its sync API on this thread) and on
 * `new Runtime({ threads: 2 })`; NumPy runs in a python3 subprocess on the same sizes (single-threaded, as NumPy's
 * selection is). Reported: medians of REPS runs, and NumPy_ms / strided_ms (≥ 1: strided is faster).
 */
import * as core from '@strided/core'
import { Runtime } from '@strided/workers'
import { median, pythonPrelude, runNumpy, REPS } from './harness.js'

const N = 1e7
const M = 4000

const PY = `${pythonPrelude(1)}rng = np.random.default_rng(1)
a = rng.random(${N}); x = rng.random((${M}, ${M}))
r = {}
r['median'] = med(lambda: np.median(a))
r['pct'] = med(lambda: np.percentile(a, [1, 50, 99]))
r['partition'] = med(lambda: np.partition(a, ${N / 2}))
r['median2d'] = med(lambda: np.median(x, axis=1))
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
  median: 'median                n=1e7 f8',
  pct: 'percentile [1,50,99]  n=1e7 f8',
  partition: 'partition kth=n/2     n=1e7 f8',
  median2d: 'median axis=1         4000² f8',
}

async function main(): Promise<void> {
  const a = core.random.uniform([N], { seed: 3 })
  const x = core.random.uniform([M, M], { seed: 4 })
  const inline: Record<string, number> = {
    median: median(() => { core.median(a) }),
    pct: median(() => { core.percentile(a, [1, 50, 99]) }),
    partition: median(() => { core.partition(a, N / 2) }),
    median2d: median(() => { core.median(x, { axis: 1 }) }),
  }
  const rt = new Runtime({ threads: 2 })
  const pool: Record<string, number> = {
    median: await medianAsync(() => rt.median(a)),
    pct: await medianAsync(() => rt.percentile(a, [1, 50, 99])),
    partition: await medianAsync(() => rt.partition(a, N / 2)),
    median2d: await medianAsync(() => rt.median(x, { axis: 1 })),
  }
  await rt.close()
  const np = runNumpy<{ numpy: string; ms: Record<string, number> }>(PY)
  console.log(`strided selection / order statistics vs NumPy, medians of ${REPS} (node ${process.version}, numpy ${np?.numpy ?? 'absent'})`)
  console.log('op'.padEnd(32), 'numpy ms'.padStart(9), 'inline ms'.padStart(10), '×numpy'.padStart(7), '2 thr ms'.padStart(9), '×numpy'.padStart(7))
  const ratio = (n: number | undefined, s: number): string => (n === undefined ? '-' : `${(n / s).toFixed(2)}x`)
  for (const k of Object.keys(LABELS)) {
    const n = np?.ms[k]
    console.log(LABELS[k]!.padEnd(32), (n === undefined ? '-' : n.toFixed(1)).padStart(9), inline[k]!.toFixed(1).padStart(10), ratio(n, inline[k]!).padStart(7),
      pool[k]!.toFixed(1).padStart(9), ratio(n, pool[k]!).padStart(7))
  }
}

await main()
