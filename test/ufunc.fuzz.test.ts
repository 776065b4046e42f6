/**
 * Live fuzz against NumPy: ~200 fresh random elementwise ops (new seed each run, printed on failure), generated and
 * evaluated by scripts/gen_ufunc_fixtures.py --live. Skipped when python3 with numpy is not available.
 * Checks: dtype always; ints exact; floats exact for + - * / sqrt (and everything else but transcendentals);
 * 1e-12 relative for transcendental float64 (a few ulps for float32).
 */
import { spawnSync } from 'node:child_process'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { runCase, type Case } from './ufunc.helpers.js'

const root = join(dirname(fileURLToPath(import.meta.url)), '..')
const hasNumpy = spawnSync('python3', ['-c', 'import numpy'], { encoding: 'utf8' }).status === 0

describe.skipIf(!hasNumpy)('live fuzz against NumPy', () => {
  it('200 fresh random ops', () => {
    const seed = Math.floor(Math.random() * 2 ** 31)
    const r = spawnSync('python3', [join(root, 'scripts', 'gen_ufunc_fixtures.py'), '--live', '200', '--seed', String(seed)], {
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
