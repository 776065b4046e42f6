/**
 * Live ULP check against NumPy (skipped without NumPy >= 2): 1e5 random points per transcendental function and float
 * dtype (scripts/gen_ufunc2_fixtures.py --ulp, fixed seed), each result within the bound measured for it
 * (ULP_BOUND in ufunc2.helpers.ts: float64 ≤ 2 ULP, float32 ≤ 3 ULP; logaddexp* ≤ 2 ULP of max(|x1|, |x2|, |result|)).
 */
import { spawnSync } from 'node:child_process'
import { existsSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { afterAll, describe, expect, it } from 'vitest'
import * as core from '@strided/core'
import type { NDArray } from '@strided/core'
import { PYTHON, liveNumpyFor } from './support/numpy.js'
import { SCALED_OPS, ULP_BOUND, ulpDistance } from './ufunc2.helpers.js'

const root = join(dirname(fileURLToPath(import.meta.url)), '..')
const live = liveNumpyFor('the live ULP check')
const dir = mkdtempSync(join(tmpdir(), 'strided-ulp-'))
afterAll(() => rmSync(dir, { recursive: true, force: true }))
const N = 100_000
const OPS = ['sinh', 'cosh', 'arcsin', 'arccos', 'arctan', 'arcsinh', 'arccosh', 'arctanh', 'exp2', 'log2', 'log10', 'cbrt', 'arctan2', 'logaddexp', 'logaddexp2', 'floatPower']

describe.skipIf(!live.ok)(`ULP distance from NumPy on ${N} random points per function${live.ok ? '' : ` (skipped: ${live.reason})`}`, () => {
  it('every transcendental function, float64 and float32, within its measured bound', () => {
    // fixed seed (STRIDED_ULP_SEED picks another sweep)
    const seed = process.env['STRIDED_ULP_SEED'] ?? '11'
    const r = spawnSync(PYTHON, [join(root, 'scripts', 'gen_ufunc2_fixtures.py'), '--ulp', dir, String(N), '--seed', seed], { encoding: 'utf8' })
    expect(r.status, r.stderr).toBe(0)
    const report: string[] = []
    for (const dt of ['float64', 'float32'] as const) {
      for (const op of OPS) {
        const x = core.load(join(dir, `${op}_${dt}_x.npy`))
        const yPath = join(dir, `${op}_${dt}_y.npy`)
        const f = (core as unknown as Record<string, (...a: unknown[]) => NDArray>)[op]!
        const got = (existsSync(yPath) ? f(x, core.load(yPath)) : f(x)).toFlatArray() as number[]
        const want = core.load(join(dir, `${op}_${dt}_r.npy`)).toFlatArray() as number[]
        const rdt = op === 'floatPower' ? 'float64' : dt
        // logaddexp*: ULPs of max(|x1|, |x2|, |result|) (SCALED_OPS)
        const scale = SCALED_OPS.has(op) ? (core.maximum(core.abs(x), core.abs(core.load(yPath))).toFlatArray() as number[]) : null
        let max = 0
        for (let i = 0; i < got.length; i++) max = Math.max(max, ulpDistance(got[i]!, want[i]!, rdt, scale?.[i] ?? 0))
        const bound = ULP_BOUND[rdt][op] ?? 0
        if (max > bound) report.push(`${op} ${dt}: ${max} ULP > ${bound}`)
      }
    }
    expect(report).toEqual([])
  })
})
