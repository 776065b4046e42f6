/**
 * Property tests of the scans (fast-check) against oracles written here: integer cumsum's last element is the
 * sum, consecutive differences give the input back, narrow dtype= results are the int64 scan wrapped, float
 * scans equal a sequential JS loop in the loop dtype (float32: Math.fround after every step), lanes along an
 * axis equal the 1-d scans of the lanes, and long integer lanes cut into blocks equal one sequential pass.
 * Plus a live NumPy fuzz (fresh random cases from scripts/gen_scan_fixtures.py, float32 bit-exactness
 * included) when python3 with numpy ≥ 2 is present; otherwise it is skipped with a printed reason.
 */
import { spawnSync } from 'node:child_process'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import * as S from '@strided/core'
import { array } from '@strided/core'
import { PYTHON, liveNumpyFor } from './support/numpy.js'
import { replayScan, type ScanFixture } from './scan.helpers.js'

const i32 = fc.integer({ min: -(2 ** 31), max: 2 ** 31 - 1 })

describe('scan properties', () => {
  it('int32: the last element of cumsum is sum; differences give the input back', () => {
    fc.assert(fc.property(fc.array(i32, { minLength: 1, maxLength: 200 }), (xs) => {
      const a = array(xs, { dtype: 'int32' })
      const c = S.cumsum(a).toFlatArray() as bigint[]
      expect(c[c.length - 1]).toBe(S.sum(a))
      for (let i = 0; i < xs.length; i++) expect(c[i]! - (i > 0 ? c[i - 1]! : 0n)).toBe(BigInt(xs[i]!))
    }), { numRuns: 60 })
  })
  it('dtype=int8/uint16 is the int64 scan wrapped', () => {
    fc.assert(fc.property(fc.array(fc.integer({ min: -128, max: 127 }), { minLength: 1, maxLength: 100 }), (xs) => {
      const a = array(xs, { dtype: 'int8' })
      const wide = S.cumsum(a).toFlatArray() as bigint[]
      expect(S.cumsum(a, { dtype: 'int8' }).toFlatArray()).toEqual(wide.map((v) => Number(BigInt.asIntN(8, v))))
      expect(S.cumprod(a, { dtype: 'uint16' }).toFlatArray()).toEqual((S.cumprod(a).toFlatArray() as bigint[]).map((v) => Number(BigInt.asUintN(16, v))))
    }), { numRuns: 60 })
  })
  it('float64 / float32 scans equal a sequential loop in the loop dtype', () => {
    fc.assert(fc.property(fc.array(fc.double({ noNaN: false, min: -1e6, max: 1e6 }), { minLength: 1, maxLength: 200 }), (xs) => {
      let acc = 0, acc32 = 0, p = 1
      const want: number[] = [], want32: number[] = [], wantP: number[] = []
      const f32 = xs.map(Math.fround)
      xs.forEach((x, i) => {
        acc = i === 0 ? x : acc + x; want.push(acc)
        acc32 = i === 0 ? f32[i]! : Math.fround(acc32 + f32[i]!); want32.push(acc32)
        p = i === 0 ? x : p * x; wantP.push(p)
      })
      expect(S.cumsum(array(xs)).toFlatArray()).toEqual(want)
      expect(S.cumsum(array(xs, { dtype: 'float32' })).toFlatArray()).toEqual(want32)
      expect(S.cumprod(array(xs)).toFlatArray()).toEqual(wantP)
    }), { numRuns: 60 })
  })
  it('lanes along an axis are the 1-d scans of the lanes', () => {
    fc.assert(fc.property(fc.integer({ min: 1, max: 6 }), fc.integer({ min: 1, max: 40 }), fc.integer({ min: 0, max: 1 }), (r, c, axis) => {
      const a = S.multiply(S.random.normal([r, c], { seed: r * 100 + c }), 10)
      const full = S.cumsum(a, { axis })
      const n = axis === 0 ? c : r
      for (let j = 0; j < n; j++) {
        const lane = axis === 0 ? a.slice(`:, ${j}`) : a.slice(`${j}, :`)
        const got = axis === 0 ? full.slice(`:, ${j}`) : full.slice(`${j}, :`)
        expect(got.toFlatArray()).toEqual(S.cumsum(lane).toFlatArray())
      }
    }), { numRuns: 40 })
  })
  it('long integer lanes (blocks, then offsets) equal one sequential pass', () => {
    const n = 600_000
    const xs = new Int32Array(n)
    for (let i = 0; i < n; i++) xs[i] = ((i * 2654435761) | 0) >> 3
    const a = array(xs)
    const got = S.cumsum(a, { dtype: 'int32' }).toFlatArray() as number[]
    const wide = S.cumsum(a)
    let acc = 0, accW = 0n, ok = true, okW = true
    const w = wide.toFlatArray() as bigint[]
    for (let i = 0; i < n; i++) {
      acc = (acc + xs[i]!) | 0
      accW += BigInt(xs[i]!)
      if (got[i] !== acc) ok = false
      if (w[i] !== accW) okW = false
    }
    expect(ok).toBe(true)
    expect(okW).toBe(true)
    const mx = S.accumulate('maximum', a).toFlatArray() as number[]
    let m = -Infinity
    expect(mx.every((v, i) => v === (m = Math.max(m, xs[i]!)))).toBe(true)
  })
})

const live = liveNumpyFor('the live NumPy scan fuzz')
describe(`scan live NumPy fuzz${live.ok ? ` (numpy ${live.version})` : ` (skipped: ${live.reason})`}`, () => {
  it.skipIf(!live.ok)('fresh random cases (every dtype, layout, axis, dtype=/out=) agree bit for bit', () => {
    const seed = Math.floor(Math.random() * 2 ** 31)
    const script = join(dirname(fileURLToPath(import.meta.url)), '..', 'scripts', 'gen_scan_fixtures.py')
    const r = spawnSync(PYTHON, [script, '--fresh', '120', '--seed', String(seed)], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 })
    expect(r.status, r.stderr).toBe(0)
    replayScan((JSON.parse(r.stdout) as ScanFixture).cases, `seed ${seed}:`)
  })
  it.skipIf(!live.ok)('float32 cumsum of a long random lane matches NumPy bit for bit', () => {
    const py = 'import numpy as np,sys; r=np.random.default_rng(int(sys.argv[1])); a=(r.standard_normal(20000)*100).astype(np.float32); c=np.cumsum(a); sys.stdout.write(a.tobytes().hex()+" "+c.tobytes().hex())'
    const seed = Math.floor(Math.random() * 2 ** 31)
    const r = spawnSync(PYTHON, ['-c', py, String(seed)], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 })
    expect(r.status, r.stderr).toBe(0)
    const [ah, ch] = r.stdout.split(' ')
    const a = new Float32Array(new Uint8Array(Buffer.from(ah!, 'hex')).buffer)
    const want = new Float32Array(new Uint8Array(Buffer.from(ch!, 'hex')).buffer)
    const got = S.cumsum(array(a, { dtype: 'float32' })).toFlatArray() as number[]
    let bad = -1
    for (let i = 0; i < want.length; i++) if (!Object.is(got[i], want[i])) { bad = i; break }
    expect(bad, `seed ${seed}: first difference at ${bad}`).toBe(-1)
  })
})
