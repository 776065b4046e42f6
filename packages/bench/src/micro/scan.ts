/**
 * Scan and masked-reduction micro-benchmark against NumPy, in ONE run (ratios are only meaningful within a run):
 *
 *   REPS=5 npx tsx --conditions=strided-source packages/bench/src/micro/scan.ts
 *
 * cumsum of 1e7 float64 and of 1e7 int32 (→ int64), cumsum of a 4000×4000 float64 along axis 0 and axis 1, and
 * sum(a, where=mask) of 1e7 float64 (mask = half the elements): inline on this thread, then on a 2-thread
 * Runtime, against NumPy (single-threaded). Fresh results are mostly page faults here (NumPy's allocator reuses
 * the previous iteration's pages at once, strided's arena only after a garbage collection), so the 1e7 and
 * 4000² rows are also given with out= (the scan itself). Reported: medians of REPS runs, and
 * NumPy_ms / strided_ms (≥ 1: strided is faster).
 */
import * as core from '@strided/core'
import { Runtime } from '@strided/workers'
import { median, pythonPrelude, runNumpy, REPS } from './harness.js'

const N = 1e7
const M = 4000

const PY = `${pythonPrelude(1)}rng = np.random.default_rng(1)
a = rng.random(${N}); i32 = (rng.random(${N}) * 2**31).astype(np.int32)
x = rng.random((${M}, ${M})); mask = rng.random(${N}) > 0.5
o = np.empty(${N}); oi = np.empty(${N}, np.int64); ox = np.empty((${M}, ${M}))
r = {}
r['f64'] = med(lambda: np.cumsum(a))
r['f64out'] = med(lambda: np.cumsum(a, out=o))
r['i32'] = med(lambda: np.cumsum(i32))
r['i32out'] = med(lambda: np.cumsum(i32, out=oi))
r['ax0'] = med(lambda: np.cumsum(x, axis=0))
r['ax0out'] = med(lambda: np.cumsum(x, axis=0, out=ox))
r['ax1'] = med(lambda: np.cumsum(x, axis=1))
r['ax1out'] = med(lambda: np.cumsum(x, axis=1, out=ox))
r['where'] = med(lambda: np.sum(a, where=mask))
for k in ['f64out', 'i32out', 'ax0out', 'ax1out', 'where']: r[k + 'Pool'] = r[k]  # NumPy is single-threaded
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

async function ours(): Promise<Record<string, number>> {
  const r: Record<string, number> = {}
  const a = core.random.uniform([N], { seed: 1 })
  const i32 = core.trunc(core.multiply(core.random.uniform([N], { seed: 2 }), 2 ** 31)).astype('int32')
  const x = core.random.uniform([M, M], { seed: 3 })
  const mask = core.greater(core.random.uniform([N], { seed: 4 }), 0.5)
  const o = core.zeros([N]), oi = core.zeros([N], { dtype: 'int64' }), ox = core.zeros([M, M])
  r['f64'] = median(() => { core.cumsum(a) })
  r['f64out'] = median(() => { core.cumsum(a, { out: o }) })
  r['i32'] = median(() => { core.cumsum(i32) })
  r['i32out'] = median(() => { core.cumsum(i32, { out: oi }) })
  r['ax0'] = median(() => { core.cumsum(x, { axis: 0 }) })
  r['ax0out'] = median(() => { core.cumsum(x, { axis: 0, out: ox }) })
  r['ax1'] = median(() => { core.cumsum(x, { axis: 1 }) })
  r['ax1out'] = median(() => { core.cumsum(x, { axis: 1, out: ox }) })
  r['where'] = median(() => { core.sum(a, { where: mask }) })
  const rt = new Runtime({ threads: 2 })
  try {
    r['f64outPool'] = await medianAsync(() => rt.cumsum(a, { out: o }))
    r['i32outPool'] = await medianAsync(() => rt.cumsum(i32, { out: oi }))
    r['ax0outPool'] = await medianAsync(() => rt.cumsum(x, { axis: 0, out: ox }))
    r['ax1outPool'] = await medianAsync(() => rt.cumsum(x, { axis: 1, out: ox }))
    r['wherePool'] = await medianAsync(() => rt.sum(a, { where: mask }))
  } finally {
    await rt.close()
  }
  return r
}

const LABELS: Record<string, string> = {
  f64: 'cumsum n=1e7 f8',
  f64out: '  out=',
  f64outPool: '  out=, pool 2 threads',
  i32: 'cumsum n=1e7 i4 (→ i8)',
  i32out: '  out=',
  i32outPool: '  out=, pool 2 threads',
  ax0: 'cumsum axis 0 4000² f8',
  ax0out: '  out=',
  ax0outPool: '  out=, pool 2 threads',
  ax1: 'cumsum axis 1 4000² f8',
  ax1out: '  out=',
  ax1outPool: '  out=, pool 2 threads',
  where: 'sum where=mask n=1e7 f8',
  wherePool: '  pool 2 threads',
}

const np = runNumpy<{ numpy: string; ms: Record<string, number> }>(PY)
const js = await ours()
console.log(`strided scan micro-benchmark, medians of ${REPS} (node ${process.version}, numpy ${np?.numpy ?? 'absent'})`)
console.log('op'.padEnd(28), 'numpy ms'.padStart(10), 'strided ms'.padStart(11), 'speed vs numpy'.padStart(15))
for (const k of Object.keys(LABELS)) {
  const n = np?.ms[k]
  const s = js[k]!
  console.log(LABELS[k]!.padEnd(28), (n === undefined ? '-' : n.toFixed(2)).padStart(10), s.toFixed(2).padStart(11), (n === undefined ? '-' : `${(n / s).toFixed(2)}x`).padStart(15))
}
