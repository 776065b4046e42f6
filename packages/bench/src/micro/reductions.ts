/**
 * Single-thread reduction micro-benchmark against NumPy, in ONE run (ratios are only meaningful within a run):
 *
 *   pnpm exec tsx packages/bench/src/micro/reductions.ts        (or: npx tsx packages/bench/src/micro/reductions.ts)
 *
 * Measures, float64: a.sum() n=1e7; a.max() n=1e7; 4000×4000 sum(axis=0) and sum(axis=1); a[:, ::2].sum() on the
 * 4000×4000 array (NumPy's buffered 8000-element chunks); plus a few secondary ones (float32 sum, mean, var, int32
 * sum, argmax). NumPy runs in a python3 subprocess with the same data; strided runs its public sync API (prepare →
 * all units inline → finish) on this thread after a warm-up over small and odd sizes. Reported: medians of REPS
 * runs and the speed ratio NumPy_ms / strided_ms (≥ 1 means strided is faster). The results are also checked to
 * be bit-identical to NumPy's (the data is the same deterministic sequence on both sides).
 */
import { argmax, max, mean, NDArray, sum, var as variance, type Scalar } from '@strided/core'
import { median, pythonPrelude, runNumpy, REPS } from './harness.js'

const N = 1e7
const M = 4000

// x_i = ((i·7919) mod 1000003) / 1000003 − 0.5, computed the same (exactly) on both sides
const PY = `${pythonPrelude(2)}a = ((np.arange(${N}, dtype=np.int64) * 7919) % 1000003) / 1000003.0 - 0.5
m = a[:${M * M}].reshape(${M}, ${M}) if ${N} >= ${M * M} else (((np.arange(${M * M}, dtype=np.int64) * 7919) % 1000003) / 1000003.0 - 0.5).reshape(${M}, ${M})
f = a.astype(np.float32)
i = ((np.arange(${N}, dtype=np.int64) * 7919) % 1000003).astype(np.int32)
r = {}; v = {}
r['sum'] = med(lambda: a.sum()); v['sum'] = float(a.sum()).hex()
r['max'] = med(lambda: a.max()); v['max'] = float(a.max()).hex()
r['sum0'] = med(lambda: m.sum(axis=0)); v['sum0'] = float(m.sum(axis=0)[123]).hex()
r['sum1'] = med(lambda: m.sum(axis=1)); v['sum1'] = float(m.sum(axis=1)[123]).hex()
s = m[:, ::2]
r['strided'] = med(lambda: s.sum()); v['strided'] = float(s.sum()).hex()
r['sum32'] = med(lambda: f.sum()); v['sum32'] = float(f.sum()).hex()
r['mean'] = med(lambda: a.mean()); v['mean'] = float(a.mean()).hex()
r['var'] = med(lambda: a.var()); v['var'] = float(a.var()).hex()
r['isum'] = med(lambda: i.sum()); v['isum'] = str(int(i.sum()))
r['argmax'] = med(lambda: a.argmax()); v['argmax'] = str(int(a.argmax()))
print(json.dumps({'t': r, 'v': v}))
`

function data(n: number): NDArray {
  const a = NDArray.alloc([n], 'float64')
  const d = (a.data as Float64Array).subarray(a.offset, a.offset + n)
  for (let i = 0; i < n; i++) d[i] = ((i * 7919) % 1000003) / 1000003 - 0.5
  return a
}

function hex(x: Scalar | NDArray): string {
  if (typeof x !== 'number') return String(x)
  if (Number.isNaN(x)) return 'nan'
  if (x === 0) return Object.is(x, -0) ? '-0x0.0p+0' : '0x0.0p+0'
  const b = new DataView(new ArrayBuffer(8))
  b.setFloat64(0, x)
  const bits = b.getBigUint64(0)
  const sign = bits >> 63n ? '-' : ''
  const e = Number((bits >> 52n) & 0x7ffn)
  // Python's float.hex(): always 13 hex digits
  const frac = (bits & ((1n << 52n) - 1n)).toString(16).padStart(13, '0')
  return e === 0 ? `${sign}0x0.${frac}p-1022` : `${sign}0x1.${frac}p${e - 1023 >= 0 ? '+' : ''}${e - 1023}`
}

function warmUp(): void {
  // small and odd sizes first, so every kernel is optimised for every tail length before the big runs
  for (const n of [1, 7, 13, 129, 1000, 1003, 4097, 65537, 300007]) {
    const a = data(n)
    for (let i = 0; i < 10; i++) { sum(a); max(a); mean(a); argmax(a); sum(a.slice('::2')) }
  }
  for (const [r, c] of [[3, 7], [31, 33], [300, 257], [1000, 130]] as const) {
    const a = data(r * c).reshape([r, c])
    for (let i = 0; i < 10; i++) { sum(a, { axis: 0 }); sum(a, { axis: 1 }); sum(a.slice(':, ::2')); variance(a) }
  }
}

function ours(): { t: Record<string, number>; v: Record<string, string> } {
  warmUp()
  const a = data(N)
  const m = data(M * M).reshape([M, M])
  const f = a.astype('float32')
  const i = NDArray.alloc([N], 'int32')
  const id = (i.data as Int32Array).subarray(i.offset, i.offset + N)
  for (let k = 0; k < N; k++) id[k] = (k * 7919) % 1000003
  const s = m.slice(':, ::2')
  const t: Record<string, number> = {}
  const v: Record<string, string> = {}
  t['sum'] = median(() => { sum(a) }); v['sum'] = hex(sum(a))
  t['max'] = median(() => { max(a) }); v['max'] = hex(max(a))
  t['sum0'] = median(() => { sum(m, { axis: 0 }) }); v['sum0'] = hex((sum(m, { axis: 0 }) as NDArray).get(123))
  t['sum1'] = median(() => { sum(m, { axis: 1 }) }); v['sum1'] = hex((sum(m, { axis: 1 }) as NDArray).get(123))
  t['strided'] = median(() => { sum(s) }); v['strided'] = hex(sum(s))
  t['sum32'] = median(() => { sum(f) }); v['sum32'] = hex(sum(f))
  t['mean'] = median(() => { mean(a) }); v['mean'] = hex(mean(a))
  t['var'] = median(() => { variance(a) }); v['var'] = hex(variance(a))
  t['isum'] = median(() => { sum(i) }); v['isum'] = String(sum(i))
  t['argmax'] = median(() => { argmax(a) }); v['argmax'] = String(argmax(a))
  return { t, v }
}

const LABELS: Record<string, string> = {
  sum: 'a.sum()              n=1e7 f8',
  max: 'a.max()              n=1e7 f8',
  sum0: 'sum(axis=0)    4000x4000 f8',
  sum1: 'sum(axis=1)    4000x4000 f8',
  strided: 'a[:, ::2].sum() 4000x4000 f8',
  sum32: 'a.sum()              n=1e7 f4',
  mean: 'a.mean()             n=1e7 f8',
  var: 'a.var()              n=1e7 f8',
  isum: 'a.sum()             n=1e7 i4',
  argmax: 'a.argmax()           n=1e7 f8',
}

const np = runNumpy<{ t: Record<string, number>; v: Record<string, string> }>(PY)
const js = ours()
console.log(`strided reductions micro-benchmark, single thread, medians of ${REPS} (node ${process.version})`)
console.log('op'.padEnd(30), 'numpy ms'.padStart(10), 'strided ms'.padStart(11), 'speed vs numpy'.padStart(15), '  same result')
for (const k of Object.keys(LABELS)) {
  const n = np?.t[k]
  const s = js.t[k]!
  const same = np === null ? '-' : np.v[k] === js.v[k] ? 'yes' : `NO (${np.v[k]} vs ${js.v[k]})`
  console.log(LABELS[k]!.padEnd(30), (n === undefined ? '-' : n.toFixed(2)).padStart(10), s.toFixed(2).padStart(11), (n === undefined ? '-' : `${(n / s).toFixed(2)}x`).padStart(15), ` ${same}`)
}
