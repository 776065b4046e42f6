/**
 * Single-thread elementwise micro-benchmark against NumPy, in ONE run (ratios are only meaningful within a run):
 *
 *   pnpm exec tsx packages/bench/src/micro/elementwise.ts        (or: npx tsx packages/bench/src/micro/elementwise.ts)
 *
 * Measures, float64: np.add(a, b, out=c) n=1e7; a *= 2 in place (multiply(a, 2, {out: a})); np.sqrt(a, out=c);
 * 4000×4000 transpose copy (a.T.copy(), which includes allocating and first-touching 128 MB — NumPy's allocator
 * maps huge pages, a fresh SharedArrayBuffer faults in 4 KiB pages — and copyto into an existing array, which
 * isolates the blocked-transpose kernel). NumPy runs in a python3 subprocess with the same sizes; strided runs its
 * public sync API on this thread after a warm-up (odd lengths too). Reported: medians of REPS runs, and the speed
 * ratio NumPy_ms / strided_ms (≥ 1 means strided is faster).
 */
import { add, arange, multiply, sqrt, zeros, type NDArray } from '@strided/core'
import { copyInto } from '@strided/core/internal'
import { median, pythonPrelude, runNumpy, REPS } from './harness.js'

const N = 1e7
const M = 4000

const PY = `${pythonPrelude(2)}a = np.arange(${N}, dtype=np.float64) * 0.5 + 1; b = a * 3; c = np.empty_like(a)
r = {}
r['add'] = med(lambda: np.add(a, b, out=c))
d = a.copy()
def scale():
    np.multiply(d, 2, out=d); np.multiply(d, 0.5, out=d)
r['scale'] = med(scale) / 2
r['sqrt'] = med(lambda: np.sqrt(a, out=c))
m = np.arange(${M * M}, dtype=np.float64).reshape(${M}, ${M})
r['transpose'] = med(lambda: m.T.copy(), 1)
t = np.empty_like(m)
r['transposeInto'] = med(lambda: np.copyto(t, m.T), 1)
print(json.dumps(r))
`

function warmUp(): void {
  // small and odd lengths first, so the loops are optimised for every tail length before the big runs
  for (const n of [1, 7, 13, 1000, 1003, 65537]) {
    const a = arange(n)
    const b = arange(n)
    const c = zeros(n)
    for (let i = 0; i < 20; i++) {
      add(a, b, { out: c })
      multiply(a, 2, { out: a })
      multiply(a, 0.5, { out: a })
      sqrt(a, { out: c })
    }
  }
  const m = arange(300 * 257).reshape([300, 257])
  for (let i = 0; i < 5; i++) m.T.copy()
}

function ours(): Record<string, number> {
  warmUp()
  const a = arange(N)
  multiply(a, 0.5, { out: a })
  add(a, 1, { out: a })
  const b = multiply(a, 3)
  const c = zeros(N)
  const r: Record<string, number> = {}
  r['add'] = median(() => { add(a, b, { out: c }) })
  const d = a.copy()
  r['scale'] = median(() => { multiply(d, 2, { out: d }); multiply(d, 0.5, { out: d }) }) / 2
  r['sqrt'] = median(() => { sqrt(a, { out: c }) })
  const m: NDArray = arange(M * M).reshape([M, M])
  r['transpose'] = median(() => { m.T.copy() }, 1)
  const t = zeros([M, M])
  r['transposeInto'] = median(() => { copyInto(t, m.T) }, 1)
  return r
}

const LABELS: Record<string, string> = {
  add: 'add(a, b, out=c)       n=1e7 f8',
  scale: 'a *= 2 in place        n=1e7 f8',
  sqrt: 'sqrt(a, out=c)         n=1e7 f8',
  transpose: 'a.T.copy()        4000x4000 f8',
  transposeInto: 'copyto(t, a.T)    4000x4000 f8',
}

const np = runNumpy<Record<string, number>>(PY)
const js = ours()
console.log(`strided elementwise micro-benchmark, single thread, medians of ${REPS} (node ${process.version})`)
console.log('op'.padEnd(32), 'numpy ms'.padStart(10), 'strided ms'.padStart(11), 'speed vs numpy'.padStart(15))
for (const k of Object.keys(LABELS)) {
  const n = np?.[k]
  const s = js[k]!
  console.log(LABELS[k]!.padEnd(32), (n === undefined ? '-' : n.toFixed(2)).padStart(10), s.toFixed(2).padStart(11), (n === undefined ? '-' : `${(n / s).toFixed(2)}x`).padStart(15))
}
