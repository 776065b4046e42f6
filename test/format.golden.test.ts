/**
 * repr/str against NumPy: committed golden fixtures (scripts/gen_format_fixtures.py) and a live fuzz
 * against the local numpy when it is NumPy >= 2.2 (test/support/numpy.ts).
 */
import { spawnSync } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { NDArray, repr, str, withPrintOptions, type DTypeName, type PrintOptions } from '@strided/core'
import { PYTHON, liveNumpyFor } from './support/numpy.js'

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..')

interface Case {
  name: string
  dtype: DTypeName
  shape: number[]
  values: string[]
  tile: boolean
  transpose: number[] | null
  index: string | null
  options: Partial<PrintOptions> | null
  repr: string
  str: string
  view_shape: number[]
}

function parseValue(s: string, dt: DTypeName): number | bigint {
  if (dt === 'bool') return s === '1' ? 1 : 0
  if (dt === 'int64' || dt === 'uint64') return BigInt(s)
  if (dt === 'float32' || dt === 'float64') {
    if (s === 'nan') return NaN
    if (s === 'inf') return Infinity
    if (s === '-inf') return -Infinity
  }
  const v = Number(s)
  if (Number.isNaN(v)) throw new Error(`bad fixture value ${s} for ${dt}`)
  return v
}

/** Rebuild a case's array exactly: C-contiguous base, then transpose, then basic index. */
function build(c: Case): NDArray {
  const base = NDArray.alloc(c.shape, c.dtype)
  const d = base.data.subarray(base.offset) as unknown as Record<number, number | bigint>
  const parsed = c.values.map((s) => parseValue(s, c.dtype))
  for (let i = 0; i < base.size; i++) d[i] = parsed[c.tile ? i % parsed.length : i]!
  let v = base
  if (c.transpose !== null) v = v.transpose(c.transpose)
  if (c.index !== null) v = v.slice(c.index)
  return v
}

interface Mismatch { name: string; what: 'repr' | 'str' | 'shape'; expected: string; actual: string }

function check(cases: Case[]): Mismatch[] {
  const bad: Mismatch[] = []
  for (const c of cases) {
    const a = build(c)
    if (a.shape.join(',') !== c.view_shape.join(',')) {
      bad.push({ name: c.name, what: 'shape', expected: c.view_shape.join(','), actual: a.shape.join(',') })
      continue
    }
    const [r, s] = withPrintOptions(c.options ?? {}, () => [repr(a), str(a)])
    if (r !== c.repr) bad.push({ name: c.name, what: 'repr', expected: c.repr, actual: r! })
    if (s !== c.str) bad.push({ name: c.name, what: 'str', expected: c.str, actual: s! })
  }
  return bad
}

function report(bad: Mismatch[], extra = ''): string {
  return bad.slice(0, 5).map((m) => `${m.name} ${m.what}${extra}\n--- numpy\n${m.expected}\n--- strided\n${m.actual}`).join('\n\n')
}

function loadFixture(file: string): Case[] {
  return (JSON.parse(readFileSync(join(ROOT, 'test/fixtures/format', file), 'utf8')) as { cases: Case[] }).cases
}

describe('repr/str golden fixtures (numpy 2.4.6)', () => {
  for (const file of ['handpicked.json', 'random.json']) {
    it(file, () => {
      const cases = loadFixture(file)
      expect(cases.length).toBeGreaterThan(50)
      const bad = check(cases)
      expect(bad.length, report(bad)).toBe(0)
    })
  }

  it('covers every dtype, ndim 0–4, summarised, empty, views and non-default options', () => {
    const cases = [...loadFixture('handpicked.json'), ...loadFixture('random.json')]
    expect(cases.length).toBeGreaterThanOrEqual(300)
    const dtypes = new Set(cases.map((c) => c.dtype))
    expect([...dtypes].sort()).toEqual(['bool', 'float32', 'float64', 'int16', 'int32', 'int64', 'int8', 'uint16', 'uint32', 'uint64', 'uint8'])
    expect(new Set(cases.map((c) => c.view_shape.length))).toEqual(new Set([0, 1, 2, 3, 4]))
    expect(cases.filter((c) => c.repr.includes('...')).length).toBeGreaterThan(20)
    expect(cases.filter((c) => c.view_shape.includes(0)).length).toBeGreaterThan(5)
    expect(cases.filter((c) => /e[+-]\d/.test(c.repr)).length).toBeGreaterThan(50)
    expect(cases.filter((c) => c.repr.includes('nan') || c.repr.includes('inf')).length).toBeGreaterThan(20)
    expect(cases.filter((c) => c.index !== null || c.transpose !== null).length).toBeGreaterThan(30)
    expect(cases.filter((c) => c.options !== null).length).toBeGreaterThan(20)
  })
})

const py = liveNumpyFor('the repr/str live fuzz', '2.2', '2.2 printing (shape= extras)')

describe('repr/str live fuzz against numpy', () => {
  it.skipIf(!py.ok)(`150 fresh random arrays${py.ok ? '' : ` — skipped: ${py.reason}`}`, () => {
    const seed = Number(process.env.FORMAT_FUZZ_SEED ?? Math.floor(Math.random() * 2 ** 31))
    const r = spawnSync(PYTHON, [join(ROOT, 'scripts/gen_format_fixtures.py'), '--live', '--seed', String(seed), '--count', '150'], {
      encoding: 'utf8',
      maxBuffer: 256 * 1024 * 1024,
    })
    expect(r.status, r.stderr).toBe(0)
    const { cases } = JSON.parse(r.stdout) as { cases: Case[] }
    expect(cases.length).toBe(150)
    const bad = check(cases)
    expect(bad.length, report(bad, ` (FORMAT_FUZZ_SEED=${seed})`)).toBe(0)
  })
})
