/**
 * Everyday-NumPy micro-benchmark against NumPy, single thread, in ONE run (ratios are only meaningful within a run):
 *
 *   REPS=5 npx tsx --conditions=strided-source packages/bench/src/micro/everyday.ts
 *
 * float64: concatenate two 4000×4000 arrays along axis 0 and axis 1 (inline, and into out= on a 2-thread Runtime,
 * against NumPy's single-threaded concatenate); on n = 1e7, a boolean-mask read `a[mask]` and
 * write `a[mask] = 0` (mask = a > 0.5, half the elements), `unique` of 1e7 values drawn from 1e5 distinct ones,
 * `histogram(a, bins=100)` and `searchsorted` of 1e6 random keys into arange(1e7) / 1e7. NumPy runs in a python3
 * subprocess on the same sizes; strided runs its public sync API on this thread after a warm-up. A fresh 256 MB
 * result is mostly page faults here (first touch of 128 MB: ~0.35 s for NumPy and strided alike): NumPy's allocator
 * hands the previous iteration's pages back at once, strided's arena only after a garbage collection, so the out=
 * rows show the copy itself. Reported: medians
 * of REPS runs, and NumPy_ms / strided_ms (≥ 1: strided is faster). An op strided lacks is reported as missing.
 */
import * as core from '@strided/core'
import type { NDArray } from '@strided/core'
import { Runtime } from '@strided/workers'
import { median, pythonPrelude, runNumpy, REPS } from './harness.js'

const N = 1e7
const M = 4000

const PY = `${pythonPrelude(1)}rng = np.random.default_rng(1)
x = rng.random((${M}, ${M})); y = rng.random((${M}, ${M}))
a = rng.random(${N}); mask = a > 0.5
ints = np.floor(a * 1e5)
keys = rng.random(1_000_000); s = np.arange(${N}) / ${N}
r = {}
r['concat0'] = med(lambda: np.concatenate([x, y], axis=0))
r['concat1'] = med(lambda: np.concatenate([x, y], axis=1))
o0 = np.empty((${2 * M}, ${M})); o1 = np.empty((${M}, ${2 * M}))
r['concat0out'] = med(lambda: np.concatenate([x, y], axis=0, out=o0))
r['concat1out'] = med(lambda: np.concatenate([x, y], axis=1, out=o1))
r['concat0pool'] = r['concat0out']  # NumPy's concatenate is single-threaded
r['concat1pool'] = r['concat1out']
r['maskRead'] = med(lambda: a[mask])
def mask_write():
    b = a.copy(); t = time.perf_counter(); b[mask] = 0; return time.perf_counter() - t
def med_inner(f):
    f(); ts = sorted(f() * 1e3 for _ in range(REPS)); return ts[len(ts) // 2]
r['maskWrite'] = med_inner(mask_write)
r['unique'] = med(lambda: np.unique(ints))
r['histogram'] = med(lambda: np.histogram(a, bins=100))
r['searchsorted'] = med(lambda: np.searchsorted(s, keys))
print(json.dumps({ 'numpy': np.__version__, 'ms': r }))
`

type Fn = (...args: never[]) => unknown
const fn = (name: string): Fn | undefined => (core as unknown as Record<string, Fn | undefined>)[name]

/** Median in ms of REPS awaited calls after `warm` untimed ones (the pool rows). */
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

async function ours(): Promise<Record<string, number | string>> {
  const r: Record<string, number | string> = {}
  const x = core.random.uniform([M, M], { seed: 1 })
  const y = core.random.uniform([M, M], { seed: 2 })
  const a = core.random.uniform([N], { seed: 3 })
  const mask = core.greater(a, 0.5)
  const ints = core.floor(core.multiply(a, 1e5))
  const keys = core.random.uniform([1_000_000], { seed: 4 })
  const run = (name: string, needs: string, body: () => number | void): void => {
    if (fn(needs) === undefined) { r[name] = `@strided/core has no ${needs}`; return }
    try { r[name] = median(body) } catch (e) { r[name] = `${(e as Error).name}: ${(e as Error).message.slice(0, 80)}` }
  }
  run('concat0', 'concatenate', () => { core.concatenate([x, y], { axis: 0 }) })
  run('concat1', 'concatenate', () => { core.concatenate([x, y], { axis: 1 }) })
  const o0 = core.zeros([2 * M, M])
  const o1 = core.zeros([M, 2 * M])
  run('concat0out', 'concatenate', () => { core.concatenate([x, y], { axis: 0, out: o0 }) })
  run('concat1out', 'concatenate', () => { core.concatenate([x, y], { axis: 1, out: o1 }) })
  const rt = new Runtime({ threads: 2 })
  try {
    r['concat0pool'] = await medianAsync(() => rt.concatenate([x, y], { axis: 0, out: o0 }))
    r['concat1pool'] = await medianAsync(() => rt.concatenate([x, y], { axis: 1, out: o1 }))
  } finally {
    await rt.close()
  }
  const at = (a as unknown as { at?: (...i: unknown[]) => { set(v: unknown): unknown } }).at
  if (at === undefined) {
    r['maskRead'] = r['maskWrite'] = 'NDArray has no advanced indexing (at)'
  } else {
    run('maskRead', 'add', () => { a.slice(mask as never) })
    run('maskWrite', 'add', () => {
      const b = a.copy() as unknown as { at: (...i: unknown[]) => { set(v: unknown): unknown } }
      const t = performance.now()
      b.at(mask).set(0)
      return performance.now() - t
    })
  }
  run('unique', 'unique', () => { (fn('unique') as unknown as (v: NDArray) => unknown)(ints) })
  run('histogram', 'histogram', () => { (fn('histogram') as unknown as (v: NDArray, o: object) => unknown)(a, { bins: 100 }) })
  const sorted = core.divide(core.arange(N), N)
  run('searchsorted', 'searchsorted', () => { (fn('searchsorted') as unknown as (s: NDArray, k: NDArray) => unknown)(sorted, keys) })
  return r
}

const LABELS: Record<string, string> = {
  concat0: 'concatenate axis 0    2×4000² f8',
  concat1: 'concatenate axis 1    2×4000² f8',
  concat0out: '  the same, out= axis 0',
  concat1out: '  the same, out= axis 1',
  concat0pool: '  out= axis 0, pool 2 threads',
  concat1pool: '  out= axis 1, pool 2 threads',
  maskRead: 'a[mask]               n=1e7 f8',
  maskWrite: 'a[mask] = 0           n=1e7 f8',
  unique: 'unique (1e5 distinct) n=1e7 f8',
  histogram: 'histogram bins=100    n=1e7 f8',
  searchsorted: 'searchsorted 1e6 keys in 1e7',
}

const np = runNumpy<{ numpy: string; ms: Record<string, number> }>(PY)
const js = await ours()
console.log(`strided everyday-NumPy micro-benchmark, single thread, medians of ${REPS} (node ${process.version}, numpy ${np?.numpy ?? 'absent'})`)
console.log('op'.padEnd(32), 'numpy ms'.padStart(10), 'strided ms'.padStart(11), 'speed vs numpy'.padStart(15))
for (const k of Object.keys(LABELS)) {
  const n = np?.ms[k]
  const s = js[k]
  if (typeof s === 'string') { console.log(LABELS[k]!.padEnd(32), (n === undefined ? '-' : n.toFixed(2)).padStart(10), `  ${s}`); continue }
  console.log(LABELS[k]!.padEnd(32), (n === undefined ? '-' : n.toFixed(2)).padStart(10), s!.toFixed(2).padStart(11), (n === undefined ? '-' : `${(n / s!).toFixed(2)}x`).padStart(15))
}
