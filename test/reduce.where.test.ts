/**
 * The reductions' `initial` and `where` options against NumPy: golden replay of test/fixtures/reduce-where.json
 * (scripts/gen_reduce_where_fixtures.py: sum, prod, min, max, mean, var, std, any, all over every dtype and the
 * layout matrix, with masks of every density, broadcast masks, initial alone and with where, out= casts and
 * NumPy's errors), unit checks of the rules, and a live NumPy fuzz when python3 with numpy ≥ 2 is present.
 * Float sums are compared bit for bit: NumPy adds each run of selected elements with its own pairwise sum.
 */
import { spawnSync } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import * as S from '@strided/core'
import { NDArray, array, broadcastTo, zeros, type DTypeName } from '@strided/core'
import { encode, makeBase, type Encoded } from './support/fixtures.js'
import { PYTHON, liveNumpyFor } from './support/numpy.js'

interface Gen { n: number; mul: number; mod: number; scale: number; shift: number; lt: number }
interface Spec { dtype: DTypeName; shape?: number[]; values?: Encoded[]; order?: 'C' | 'F'; view?: string | null; bcast?: number[]; gen?: Gen; shape2?: number[] }
interface Case {
  fn: 'sum' | 'prod' | 'min' | 'max' | 'mean' | 'var' | 'std' | 'any' | 'all'
  in: Spec; where?: Spec | boolean; opts?: Record<string, unknown>; out?: { dtype: DTypeName }
  expect?: { dtype: DTypeName; shape: number[]; values: Encoded[] } | { scalar: Encoded; dtype: DTypeName }
  error?: { numpy: string; ts: string; message: string }
}
interface Fixture { numpy: string; cases: Case[] }

function build(s: Spec): NDArray {
  let a: NDArray
  if (s.gen !== undefined) {
    const g = s.gen
    const v = new Float64Array(g.n)
    for (let i = 0; i < g.n; i++) v[i] = (i * g.mul) % g.mod
    if (s.dtype === 'bool') a = array(Array.from(v, (x) => x < g.lt))
    else a = array(v.map((x) => x / g.scale + g.shift)).astype(s.dtype)
    if (s.shape2 !== undefined) a = a.reshape(s.shape2)
  } else a = makeBase({ dtype: s.dtype, shape: s.shape!, order: s.order, values: s.values! })
  if (s.view !== undefined && s.view !== null) a = a.slice(s.view)
  if (s.bcast !== undefined) a = broadcastTo(a, s.bcast)
  return a
}

function call(c: Case): unknown {
  const a = build(c.in)
  const opts: Record<string, unknown> = { ...(c.opts ?? {}) }
  if (typeof opts.initial === 'string') opts.initial = BigInt(opts.initial)
  if (c.where !== undefined) opts.where = typeof c.where === 'boolean' ? c.where : build(c.where)
  if (c.out !== undefined) {
    const shape = 'shape' in c.expect! ? c.expect.shape : []
    const out = zeros(shape, { dtype: c.out.dtype })
    const r = (S[c.fn] as (a: NDArray, o: S.ReduceOptions) => unknown)(a, { ...opts, out })
    expect(r).toBe(out)
    return { dtype: out.dtype, shape: [...out.shape], values: out.toFlatArray().map(encode) }
  }
  const r = (S[c.fn] as (a: NDArray, o: S.ReduceOptions) => unknown)(a, opts as S.ReduceOptions) as NDArray | S.Scalar
  // NumPy gives a NumPy scalar where strided gives a 0-d array (an axis was given): compare the value and dtype
  if (r instanceof NDArray && r.ndim === 0 && c.expect !== undefined && 'scalar' in c.expect) return { scalar: encode(r.toFlatArray()[0]!), dtype: r.dtype }
  if (r instanceof NDArray) return { dtype: r.dtype, shape: [...r.shape], values: r.toFlatArray().map(encode) }
  return { scalar: encode(r), dtype: (c.expect as { dtype: DTypeName }).dtype }
}

function replay(cases: readonly Case[], tag: string): void {
  cases.forEach((c, k) => {
    const label = `${tag} ${c.fn} case ${k}: ${JSON.stringify(c.in).slice(0, 160)} where ${JSON.stringify(c.where ?? null).slice(0, 100)} opts ${JSON.stringify(c.opts ?? {})}`
    if (c.error !== undefined) {
      let err: unknown
      try { call(c) } catch (e) { err = e }
      expect(err, `${label}: expected ${c.error.ts} (${c.error.message})`).toBeInstanceOf(S.StridedError)
      expect((err as Error).name, `${label}: NumPy ${c.error.numpy}: ${c.error.message}; got ${(err as Error).message}`).toBe(c.error.ts)
      return
    }
    expect(call(c), label).toEqual(c.expect)
  })
}

const fx = JSON.parse(readFileSync(join(dirname(fileURLToPath(import.meta.url)), 'fixtures', 'reduce-where.json'), 'utf8')) as Fixture

describe(`reductions with initial/where: golden (numpy ${fx.numpy})`, () => {
  const byFn = new Map<string, Case[]>()
  for (const c of fx.cases) byFn.set(c.fn, [...(byFn.get(c.fn) ?? []), c])
  for (const [fn, cases] of byFn) it(`${fn}: ${cases.length} cases`, () => { replay(cases, 'reduce-where.json') })
})

describe('reductions with initial/where: rules', () => {
  const a = array([1.5, -2, 4, 8])
  const m = array([true, false, true, false])
  it('where=true is no mask; initial null is no initial', () => {
    expect(S.sum(a, { where: true })).toBe(S.sum(a))
    expect(S.sum(a, { initial: null })).toBe(S.sum(a))
  })
  it('mean/var/std divide by the number of selected elements', () => {
    expect(S.mean(a, { where: m })).toBe(2.75)
    expect(S.var(a, { where: m })).toBe(1.5625)
    expect(S.std(a, { where: m })).toBe(1.25)
  })
  it('min/max need initial with where; an empty selection gives initial', () => {
    expect(() => S.max(a, { where: m })).toThrow(S.ValueError)
    expect(() => S.max(a, { where: m })).toThrow(/maximum.*initial/)
    expect(S.max(a, { where: array([false, false, false, false]), initial: -7 })).toBe(-7)
    expect(S.min(zeros([0]), { initial: 3 })).toBe(3)
    expect(() => S.min(zeros([0]))).toThrow(S.ValueError)
  })
  it('rejects what NumPy rejects, naming the values', () => {
    expect(() => S.sum(a, { where: array([1, 0, 1, 0], { dtype: 'int64' }) })).toThrow(S.DTypeError)
    expect(() => S.sum(a, { where: array([1, 0, 1, 0], { dtype: 'int64' }) })).toThrow(/int64/)
    expect(() => S.sum(a, { where: array([true, false]) })).toThrow(S.ShapeError)
    expect(() => S.sum(a, { where: array([true, false]) })).toThrow(/\(2\)/)
    expect(() => S.max(array([1, 2], { dtype: 'int8' }), { initial: 300 })).toThrow(S.OverflowError)
    expect(() => S.max(array([1, 2], { dtype: 'int8' }), { initial: 300 })).toThrow(/300.*int8/)
    expect(() => S.mean(a, { initial: 1 } as S.ReduceOptions)).toThrow(S.ValueError)
    expect(() => S.argmax(a, { where: m } as S.ReduceOptions)).toThrow(S.ValueError)
    expect(() => S.sum(a, { initial: 'x' as unknown as number })).toThrow(S.DTypeError)
  })
  it('writes nothing to out when it rejects the call', () => {
    const out = zeros([2])
    expect(() => S.sum(array([[1, 2], [3, 4]]), { axis: 0, where: array([true, false, true]), out })).toThrow(S.ShapeError)
    expect(() => S.sum(array([[1, 2], [3, 4]]), { axis: 0, where: m, out: zeros([3]) })).toThrow(S.ShapeError)
    expect(out.toFlatArray()).toEqual([0, 0])
  })
  it('initial starts the accumulation (float sums: acc = initial + PW(block))', () => {
    // PW([1e16, 1, 1]) rounds to 1e16 before initial is added: 0, where a leading element -1e16 would give 2
    expect(S.sum(array([1e16, 1, 1]), { initial: -1e16 })).toBe(0)
    expect(S.sum(array([-1e16, 1e16, 1, 1]))).toBe(2)
    expect(S.prod(array([2, 3], { dtype: 'int8' }), { initial: 5 })).toBe(30n)
  })
})

const live = liveNumpyFor('the live NumPy where/initial fuzz')
describe(`reductions with initial/where: live NumPy fuzz${live.ok ? ` (numpy ${live.version})` : ` (skipped: ${live.reason})`}`, () => {
  it.skipIf(!live.ok)('fresh random cases agree bit for bit', () => {
    const seed = Math.floor(Math.random() * 2 ** 31)
    const script = join(dirname(fileURLToPath(import.meta.url)), '..', 'scripts', 'gen_reduce_where_fixtures.py')
    const r = spawnSync(PYTHON, [script, '--fresh', '60', '--seed', String(seed)], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 })
    expect(r.status, r.stderr).toBe(0)
    replay((JSON.parse(r.stdout) as Fixture).cases, `seed ${seed}:`)
  })
})
