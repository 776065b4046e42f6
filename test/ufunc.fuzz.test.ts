/**
 * Live fuzz against NumPy: ~200 fresh random elementwise ops (new seed each run, printed on failure), generated and
 * evaluated by scripts/gen_ufunc_fixtures.py --live. Skipped, with the reason in its name, without NumPy >= 2 (test/support/numpy.ts).
 * Checks: dtype always; ints exact; floats exact for + - * / sqrt (and everything else but transcendentals);
 * 1e-12 relative for transcendental float64 (a few ulps for float32).
 */
import { spawnSync } from 'node:child_process'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { PYTHON, liveNumpyFor } from './support/numpy.js'
import { runCase, type Case } from './ufunc.helpers.js'

const root = join(dirname(fileURLToPath(import.meta.url)), '..')
const live = liveNumpyFor('the live ufunc fuzz')

describe.skipIf(!live.ok)(`live fuzz against NumPy${live.ok ? '' : ` (skipped: ${live.reason})`}`, () => {
  it('200 fresh random ops', () => {
    const seed = Math.floor(Math.random() * 2 ** 31)
    const r = spawnSync(PYTHON, [join(root, 'scripts', 'gen_ufunc_fixtures.py'), '--live', '200', '--seed', String(seed)], {
      encoding: 'utf8', maxBuffer: 64 << 20,
    })
    expect(r.status, r.stderr).toBe(0)
    const cases = JSON.parse(r.stdout) as Case[]
    expect(cases.length).toBe(200)
    const failures: string[] = []
    cases.forEach((c, i) => {
      const f = runCase(c)
      if (f !== null) failures.push(`#${i} ${c.op}: ${f}`)
    })
    expect(failures, `seed ${seed}: rerun with python3 scripts/gen_ufunc_fixtures.py --live 200 --seed ${seed}`).toEqual([])
  })
})
