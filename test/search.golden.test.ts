/**
 * Golden replay of NumPy's searching, counting and set functions (test/fixtures/search/*.json, written by
 * scripts/gen_search_fixtures.py with NumPy 2.4.6): every function over every dtype and the layout matrix
 * (contiguous, negative strides, non-contiguous, broadcast, empty, 0-d), special values and NumPy's errors.
 * Results are compared on dtype, shape and values (Object.is, so -0 and +0 differ) and errors on class.
 * With a local NumPy >= 2 it also replays fresh random histogram / unique / searchsorted cases (random seed,
 * printed on failure; STRIDED_SEARCH_FUZZ sets how many); without one that test is skipped with a notice.
 */
import { spawnSync } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import * as S from '@strided/core'
import { NDArray, array, broadcastTo, zeros, type DTypeName } from '@strided/core'
import { decode, encode, makeBase, type Encoded } from './support/fixtures.js'
import { PYTHON, liveNumpyFor } from './support/numpy.js'

export { decode }

interface Spec { dtype: DTypeName; shape?: number[]; values?: Encoded[]; order?: 'C' | 'F'; view?: string; bcast?: number[]; ref?: string; gen?: Gen }
interface Gen { n: number; mul: number; mod: number; scale: number; shift: number }
interface Enc { dtype: DTypeName; shape: number[]; values: Encoded[] }
interface Case {
  fn: string; in: Record<string, unknown>; opts?: Record<string, unknown>
  expect?: unknown; error?: { numpy: string; ts: string; message: string }; zero_sign?: boolean
}
interface Fixture { numpy: string; arrays: Record<string, Spec>; cases: Case[] }

const DIR = join(dirname(fileURLToPath(import.meta.url)), 'fixtures', 'search')
const FILES = ['nonzero', 'choose', 'searchsorted', 'unique', 'isin', 'bincount', 'histogram']

/** An input view as the fixture describes it (base array, optional basic index, optional broadcast). */
function build(spec: Spec, arrays: Record<string, Spec>): NDArray {
  if (spec.ref !== undefined) return build(arrays[spec.ref]!, arrays)
  if (spec.gen !== undefined) {
    const g = spec.gen
    const v = new Float64Array(g.n)
    for (let i = 0; i < g.n; i++) v[i] = ((i * g.mul) % g.mod) / g.scale + g.shift
    return array(v).astype(spec.dtype)
  }
  const base = makeBase({ dtype: spec.dtype, shape: spec.shape!, order: spec.order, values: spec.values! })
  let a = spec.view !== undefined ? base.slice(spec.view) : base
  if (spec.bcast !== undefined) a = broadcastTo(a, spec.bcast)
  return a
}

function encArray(a: NDArray): Enc {
  return { dtype: a.dtype, shape: [...a.shape], values: a.toFlatArray().map(encode) }
}

/** Zero signs folded together (for unique without returnIndex: NumPy's unstable sort picks the sign). */
function foldZero(e: Enc): Enc {
  return { ...e, values: e.values.map((v) => (v === 0 ? 0 : v)) }
}

function call(c: Case, arrays: Record<string, Spec>): unknown {
  const b = (x: unknown): NDArray => build(x as Spec, arrays)
  const o = c.opts ?? {}
  const i = c.in
  switch (c.fn) {
    case 'nonzero': return S.nonzero(b(i.a)).map(encArray)
    case 'flatnonzero': return encArray(S.flatnonzero(b(i.a)))
    case 'argwhere': return encArray(S.argwhere(b(i.a)))
    case 'extract': return encArray(S.extract(b(i.condition), b(i.arr)))
    case 'choose': {
      const opts: S.ChooseOptions = {}
      if (o.mode !== undefined) opts.mode = o.mode as S.ChooseMode
      let out: NDArray | undefined
      if (o.out !== undefined) {
        const spec = o.out as { dtype: DTypeName; shape: number[] }
        out = zeros(spec.shape, { dtype: spec.dtype })
        opts.out = out
      }
      const r = S.choose(b(i.a), (i.choices as Spec[]).map(b), opts)
      if (out !== undefined) expect(r).toBe(out)
      return encArray(r)
    }
    case 'select': {
      const opts: S.SelectOptions = {}
      if (o.default !== undefined) {
        const d = o.default as { scalar: Encoded; dtype: DTypeName }
        const v = decode(d.scalar, d.dtype)
        opts.default = typeof v === 'bigint' && v >= -(2n ** 53n) && v <= 2n ** 53n ? Number(v) : v
      }
      return encArray(S.select((i.condlist as Spec[]).map(b), (i.choicelist as Spec[]).map(b), opts))
    }
    case 'searchsorted': {
      const opts: S.SearchSortedOptions = {}
      if (o.side !== undefined) opts.side = o.side as S.SearchSide
      if (i.sorter !== undefined) opts.sorter = b(i.sorter)
      const v = i.v as Spec & { scalar?: Encoded; bigint?: boolean }
      if (v.scalar !== undefined) {
        const s = v.bigint ? BigInt(v.scalar as string) : decode(v.scalar, 'float64')
        return { scalar: S.searchsorted(b(i.a), s, opts) }
      }
      return encArray(S.searchsorted(b(i.a), b(v), opts))
    }
    case 'unique': {
      const r = S.unique(b(i.a), o as S.UniqueOptions)
      if (r instanceof NDArray) return encArray(r)
      const out: Record<string, Enc> = { values: encArray(r.values) }
      if (r.indices !== undefined) out.indices = encArray(r.indices)
      if (r.inverse !== undefined) out.inverse = encArray(r.inverse)
      if (r.counts !== undefined) out.counts = encArray(r.counts)
      return out
    }
    case 'isin': return encArray(S.isin(b(i.element), b(i.test), o as S.IsinOptions))
    case 'bincount': {
      const opts: S.BincountOptions = {}
      if (o.minlength !== undefined) opts.minlength = o.minlength as number
      if (i.weights !== undefined) opts.weights = b(i.weights)
      return encArray(S.bincount(b(i.x), opts))
    }
    case 'histogram': {
      const opts: S.HistogramOptions = {}
      if (typeof o.bins === 'number') opts.bins = o.bins
      else if (o.bins !== undefined) opts.bins = b(o.bins)
      if (o.range !== undefined) opts.range = (o.range as Encoded[]).map((x) => decode(x, 'float64') as number) as [number, number]
      if (o.density !== undefined) opts.density = o.density as boolean
      if (i.weights !== undefined) opts.weights = b(i.weights)
      return S.histogram(b(i.a), opts).map(encArray)
    }
    default:
      throw new Error(`unknown fixture function ${c.fn}`)
  }
}

/** Replay cases of a fixture: each result must equal NumPy's, each error must be the mapped class. */
function replay(fx: Fixture, cases: Case[], tag: string): void {
  cases.forEach((c, k) => {
    const label = `${tag} ${c.fn} case ${k}: ${JSON.stringify(c.in).slice(0, 300)} ${JSON.stringify(c.opts ?? {})}`
    if (c.error !== undefined) {
      let err: unknown
      try { call(c, fx.arrays) } catch (e) { err = e }
      expect(err, `${label}: expected ${c.error.ts} (${c.error.message})`).toBeInstanceOf(S.StridedError)
      expect((err as Error).name, `${label}: NumPy ${c.error.numpy}: ${c.error.message}; got ${(err as Error).message}`).toBe(c.error.ts)
      return
    }
    let got = call(c, fx.arrays)
    let want = c.expect
    if (c.zero_sign === false) {
      const fold = (x: unknown): unknown => {
        if (x === null || typeof x !== 'object') return x
        if ('values' in (x as object) && 'dtype' in (x as object)) return foldZero(x as Enc)
        const r = x as Record<string, unknown>
        return { ...r, values: foldZero(r.values as Enc) }
      }
      got = fold(got)
      want = fold(want)
    }
    expect(got, label).toEqual(want)
  })
}

const live = liveNumpyFor('the live NumPy search fuzz')
describe(`search live NumPy fuzz${live.ok ? ` (numpy ${live.version})` : ` (skipped: ${live.reason})`}`, () => {
  const count = Number(process.env['STRIDED_SEARCH_FUZZ'] ?? 60)
  it.skipIf(!live.ok)(`${count} fresh random histogram / unique / searchsorted cases agree bit for bit`, () => {
    const seed = Math.floor(Math.random() * 2 ** 31)
    const script = join(dirname(fileURLToPath(import.meta.url)), '..', 'scripts', 'gen_search_fixtures.py')
    const r = spawnSync(PYTHON, [script, '--fresh', String(count), '--seed', String(seed)], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 })
    expect(r.status, r.stderr).toBe(0)
    const fx = JSON.parse(r.stdout) as Fixture
    replay(fx, fx.cases, `seed ${seed}:`)
  })
})

for (const name of FILES) {
  const fx = JSON.parse(readFileSync(join(DIR, `${name}.json`), 'utf8')) as Fixture
  describe(`search golden: ${name}.json (numpy ${fx.numpy})`, () => {
    const byFn = new Map<string, Case[]>()
    for (const c of fx.cases) byFn.set(c.fn, [...(byFn.get(c.fn) ?? []), c])
    for (const [fn, cases] of byFn) {
      it(`${fn}: ${cases.length} cases`, () => { replay(fx, cases, name) })
    }
  })
}
