/**
 * Sorting micro-benchmark against NumPy, in ONE run (ratios are only meaningful within a run):
 *
 *   REPS=5 npx tsx --conditions=strided-source packages/bench/src/micro/sort.ts
 *
 * np.sort of 1e6 and 1e7 float64 and int32 values, np.argsort of 1e7 float64 values and np.sort along each axis
 * of a 4000×4000 float64 array: NumPy (default kind: its SIMD quicksort, single-threaded) in a python3
 * subprocess, strided inline on this thread and on a 2-thread Runtime (every kind of strided is its stable
 * radix sort). Reported: medians of REPS runs, and NumPy_ms / strided_ms (≥ 1: strided is faster).
 */
import * as core from '@strided/core'
import type { NDArray } from '@strided/core'
import { Runtime } from '@strided/workers'
import { median, pythonPrelude, runNumpy, REPS } from './harness.js'

const M = 4000

const PY = `${pythonPrelude(1)}rng = np.random.default_rng(1)
f6 = rng.random(1_000_000); f7 = rng.random(10_000_000)
i6 = (rng.random(1_000_000) * 2**31).astype(np.int32); i7 = (rng.random(10_000_000) * 2**31).astype(np.int32)
x = rng.random((${M}, ${M}))
r = {}
r['sortF6'] = med(lambda: np.sort(f6))
r['sortF7'] = med(lambda: np.sort(f7))
r['sortI6'] = med(lambda: np.sort(i6))
r['sortI7'] = med(lambda: np.sort(i7))
r['argsortF7'] = med(lambda: np.argsort(f7))
r['sortAx0'] = med(lambda: np.sort(x, axis=0))
r['sortAx1'] = med(lambda: np.sort(x, axis=1))
print(json.dumps({ 'numpy': np.__version__, 'ms': r }))
`

/** Median in ms of REPS awaited calls after `warm` untimed ones (the pool rows). */
async function medianAsync(f: () => Promise<unknown>, warm = 1): Promise<number> {
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

type Case = { key: string; label: string; run: () => NDArray; pool: (rt: Runtime) => Promise<NDArray> }

function cases(): Case[] {
  const f6 = core.random.uniform([1_000_000], { seed: 1 })
  const f7 = core.random.uniform([10_000_000], { seed: 2 })
  const i6 = core.floor(core.random.uniform([1_000_000], { seed: 3, high: 2 ** 31 })).astype('int32')
  const i7 = core.floor(core.random.uniform([10_000_000], { seed: 4, high: 2 ** 31 })).astype('int32')
  const x = core.random.uniform([M, M], { seed: 5 })
  return [
    { key: 'sortF6', label: 'sort        n=1e6 f8', run: () => core.sort(f6), pool: (rt) => rt.sort(f6) },
    { key: 'sortF7', label: 'sort        n=1e7 f8', run: () => core.sort(f7), pool: (rt) => rt.sort(f7) },
    { key: 'sortI6', label: 'sort        n=1e6 i4', run: () => core.sort(i6), pool: (rt) => rt.sort(i6) },
    { key: 'sortI7', label: 'sort        n=1e7 i4', run: () => core.sort(i7), pool: (rt) => rt.sort(i7) },
    { key: 'argsortF7', label: 'argsort     n=1e7 f8', run: () => core.argsort(f7), pool: (rt) => rt.argsort(f7) },
    { key: 'sortAx0', label: 'sort axis 0 4000² f8', run: () => core.sort(x, { axis: 0 }), pool: (rt) => rt.sort(x, { axis: 0 }) },
    { key: 'sortAx1', label: 'sort axis 1 4000² f8', run: () => core.sort(x, { axis: 1 }), pool: (rt) => rt.sort(x, { axis: 1 }) },
  ]
}

const np = runNumpy<{ numpy: string; ms: Record<string, number> }>(PY)
const cs = cases()
const inline: Record<string, number> = {}
for (const c of cs) inline[c.key] = median(() => { c.run() }, 1)
const pool: Record<string, number> = {}
const rt = new Runtime({ threads: 2 })
try {
  for (const c of cs) pool[c.key] = await medianAsync(() => c.pool(rt))
} finally {
  await rt.close()
}
const ratio = (n: number | undefined, s: number): string => (n === undefined ? '-' : `${(n / s).toFixed(2)}x`)
console.log(`strided sorting micro-benchmark, medians of ${REPS} (node ${process.version}, numpy ${np?.numpy ?? 'absent'})`)
console.log('op'.padEnd(22), 'numpy ms'.padStart(9), 'inline ms'.padStart(10), 'vs numpy'.padStart(9), '2 thr ms'.padStart(9), 'vs numpy'.padStart(9))
for (const c of cs) {
  const n = np?.ms[c.key]
  const s = inline[c.key]!
  const p = pool[c.key]!
  console.log(c.label.padEnd(22), (n === undefined ? '-' : n.toFixed(1)).padStart(9), s.toFixed(1).padStart(10), ratio(n, s).padStart(9), p.toFixed(1).padStart(9), ratio(n, p).padStart(9))
}
