/**
 * Live fuzz against the local NumPy: fresh random as_strided pairs every run (random seed, printed
 * on failure), exact and budgeted (max_work −1, 0, 1, 2, 5), plus internal overlap. Skipped when
 * there is no NumPy >= 2 (test/support/numpy.ts); the committed fixtures cover the same ground offline.
 */
import { spawnSync } from 'node:child_process'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { type BigByteView, type OverlapOutcome, solveInternalOverlap, solveOverlap } from '../packages/core/src/overlap/index.js'
import { PYTHON, liveNumpyFor } from './support/numpy.js'

const here = dirname(fileURLToPath(import.meta.url))
const live = liveNumpyFor('the live NumPy overlap fuzz')
const numpyVersion = live.ok ? live.version : undefined
const reason = live.ok ? ` (numpy ${live.version})` : ` (skipped: ${live.reason})`

type JInt = number | string
interface JView { itemsize: number; shape: JInt[]; strides: JInt[]; offset: JInt }
const int = (x: JInt): number | bigint => (typeof x === 'string' ? BigInt(x) : x)
const bv = (d: JView): BigByteView => ({ itemsize: d.itemsize, shape: d.shape.map(int), byteStrides: d.strides.map(int), byteOffset: int(d.offset) })
const expected = (o: string): OverlapOutcome => (o === 'error' ? 'overflow' : (o as OverlapOutcome))

describe(`live NumPy fuzz${reason}`, () => {
  it.skipIf(numpyVersion === undefined)('300 fresh random pairs and 100 views agree 100% (exact and budgeted)', () => {
    const seed = Math.floor(Math.random() * 2 ** 31)
    const run = spawnSync(PYTHON, [join(here, '..', 'scripts', 'gen_overlap_fixtures.py'), '--fresh', '300', '--seed', String(seed)], {
      encoding: 'utf8', maxBuffer: 64 * 1024 * 1024,
    })
    expect(run.status, run.stderr).toBe(0)
    const data = JSON.parse(run.stdout)
    expect(data.pairs.length).toBe(300)
    const bad: string[] = []
    for (const c of data.pairs) {
      const a = bv(c.a), b = bv(c.b)
      for (const [k, o] of Object.entries(c.shares)) {
        const got = solveOverlap(a, b, Number(k))
        if (got !== expected(o as string)) bad.push(`seed ${seed} max_work=${k}: numpy ${o}, got ${got}: ${JSON.stringify(c)}`)
      }
      if ((solveOverlap(a, b, 0) !== 'no') !== c.may) bad.push(`seed ${seed} may_share_memory: numpy ${c.may}: ${JSON.stringify(c)}`)
    }
    for (const c of data.internal) {
      for (const [k, o] of Object.entries(c.internal)) {
        const got = solveInternalOverlap(bv(c.v), Number(k))
        if (got !== expected(o as string)) bad.push(`seed ${seed} internal max_work=${k}: numpy ${o}, got ${got}: ${JSON.stringify(c.v)}`)
      }
    }
    expect(bad.slice(0, 10)).toEqual([])
  })
})
