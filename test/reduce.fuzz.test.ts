/**
 * Live fuzz against NumPy: ~150 fresh random reductions (random dtype, shape, slicing, reversal, transposition,
 * axes, keepdims, op) generated and evaluated by python3 + numpy in a subprocess, then recomputed here.
 * Checked: result dtype and shape always; values exactly for integer/bool results and for float sums/means of
 * contiguous data; within 1e-12 relative otherwise (the deterministic fixtures check exactness for every layout).
 * Skipped, with the reason in its name, without NumPy >= 2 (test/support/numpy.ts).
 */
import { spawnSync } from 'node:child_process'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { NDArray, type Scalar } from '../packages/core/src/index.js'
import { FIXTURES, describeCase, parseHex, runCase, type Case } from './reduce.helpers.js'
import { PYTHON, liveNumpyFor } from './support/numpy.js'

const live = liveNumpyFor('the live reduction fuzz')
const hasNumpy = live.ok
const SEED = Number(process.env['REDUCE_FUZZ_SEED'] ?? (Date.now() % 1_000_000))
const COUNT = 150
/** REDUCE_FUZZ_EXACT=1: require bit-exact floats for every layout and op (the implementation aims for that). */
const ALL_EXACT = process.env['REDUCE_FUZZ_EXACT'] === '1'

const PY = `
import sys, json, random
sys.path.insert(0, ${JSON.stringify(join(FIXTURES, '..', '..', '..', 'scripts'))})
import numpy as np
import gen_reduce_fixtures as g
rng = random.Random(${SEED})
out = []
seed = 0
while len(out) < ${COUNT}:
    seed += 1
    nd = rng.randint(0, 4)
    while True:
        shp = [rng.choice([1, 2, 3, 4, 5, 7, 9, 16, 31, 64, 129, 300, 1000, 4100, 9000]) for _ in range(nd)]
        if int(np.prod(shp)) <= 40000: break
    dt = rng.choice(['float64', 'float64', 'float32', 'float32', 'int8', 'uint8', 'int16', 'uint16', 'int32', 'uint32', 'int64', 'uint64', 'bool'])
    order = rng.choice(['C', 'C', 'F'])
    sl = []
    for n in shp:
        r = rng.random()
        sl.append(slice(None) if r < 0.5 else slice(None, None, -1) if r < 0.65 else slice(0, max(1, n - 1)) if r < 0.8 else slice(None, None, 2) if r < 0.9 else slice(1, None, 3))
    perm = list(range(nd))
    if rng.random() < 0.3: rng.shuffle(perm)
    op = rng.choice(['sum', 'sum', 'sum', 'prod', 'min', 'max', 'mean', 'mean', 'var', 'std', 'argmin', 'argmax', 'any', 'all'])
    r = rng.random()
    if r < 0.3 or nd == 0: ax = None
    elif r < 0.7 or op.startswith('arg'): ax = rng.randrange(nd)
    else: ax = tuple(sorted(rng.sample(range(nd), rng.randint(0, nd))))
    kw = {'axis': ax}
    if rng.random() < 0.2: kw['keepdims'] = True
    if op in ('var', 'std') and rng.random() < 0.5: kw['ddof'] = rng.randint(0, 2)
    base = g.B(dt, int(np.prod(shp)), 5000 + seed, kind=rng.choice(['normal', 'normal', 'small']))
    fn = (lambda s, o, sl, p: lambda b: b.reshape(s, order=o)[tuple(sl)].transpose(p))(shp, order, sl, perm) if nd > 0 else (lambda b: b.reshape(()))
    g.CASES.clear()
    g.add('fuzz', base, fn, op, **kw)
    c = g.CASES[0]
    if 'result' in c and len(c['result']['values']) > 5000: continue
    out.append(c)
print(json.dumps(out))
`

function contiguous(c: Case): boolean {
  let expected = 1
  for (let k = c.view.shape.length - 1; k >= 0; k--) {
    if (c.view.shape[k] === 1) continue
    if (c.view.strides[k] !== expected) return false
    expected *= c.view.shape[k]!
  }
  return true
}

function close(got: Scalar, want: string | number, dtype: string, exact: boolean): boolean {
  if (dtype === 'float64' || dtype === 'float32') {
    const w = parseHex(want as string)
    const g = got as number
    if (exact || !Number.isFinite(w)) return Object.is(g, w) || (Number.isNaN(g) && Number.isNaN(w))
    return Math.abs(g - w) <= 1e-12 * Math.max(Math.abs(w), Number.MIN_VALUE) || g === w
  }
  if (dtype === 'bool') return (got === true || got === 1) === (want === 1)
  return BigInt(got as number | bigint) === BigInt(want as string)
}

describe.skipIf(!hasNumpy)(`live fuzz against numpy${live.ok ? '' : ` (skipped: ${live.reason})`}`, () => {
  it(`${COUNT} random reductions (seed ${SEED}; rerun with REDUCE_FUZZ_SEED=${SEED})`, () => {
    const r = spawnSync(PYTHON, ['-c', PY], { encoding: 'utf8', maxBuffer: 64 << 20 })
    expect(r.status, r.stderr).toBe(0)
    const cases = JSON.parse(r.stdout) as Case[]
    expect(cases.length).toBe(COUNT)
    const failures: string[] = []
    for (const c of cases) {
      const what = describeCase(c)
      let got: NDArray | Scalar
      try {
        got = runCase(c)
      } catch (e) {
        if (c.error === undefined) failures.push(`${what}: threw ${(e as Error).message}`)
        else if (!(e as Error).message.startsWith(c.error.message)) failures.push(`${what}: message ${(e as Error).message} vs ${c.error.message}`)
        continue
      }
      if (c.error !== undefined) { failures.push(`${what}: expected ${c.error.type}: ${c.error.message}`); continue }
      const e = c.result!
      const exact = ALL_EXACT || !(e.dtype === 'float64' || e.dtype === 'float32') || ((c.op === 'sum' || c.op === 'mean') && contiguous(c))
      const vals: Scalar[] = got instanceof NDArray ? got.toFlatArray() : [got]
      if (got instanceof NDArray && (got.dtype !== e.dtype || got.shape.join() !== e.shape.join())) {
        failures.push(`${what}: ${got.dtype} (${got.shape.join(',')}) vs ${e.dtype} (${e.shape.join(',')})`)
        continue
      }
      if (!(got instanceof NDArray) && !e.scalar) { failures.push(`${what}: scalar instead of an array`); continue }
      const bad = vals.findIndex((v, i) => !close(v, e.values[i]!, e.dtype, exact))
      if (bad >= 0) failures.push(`${what}: element ${bad}: ${String(vals[bad])} vs ${e.values[bad]}`)
    }
    expect(failures).toEqual([])
  })
})
