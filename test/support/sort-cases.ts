/**
 * The sorting fixtures' cases (scripts/gen_sort_fixtures.py): building their inputs, running them in strided and
 * checking the result against NumPy's. Shared by the golden replay and the live NumPy fuzz.
 */
import { expect } from 'vitest'
import * as S from '@strided/core'
import { NDArray, array, broadcastTo, takeAlongAxis, type DTypeName } from '@strided/core'
import { encode, makeBase, type Encoded } from './fixtures.js'

export interface Spec { dtype: DTypeName; shape?: number[]; values?: Encoded[]; order?: 'C' | 'F'; view?: string; bcast?: number[]; gen?: Gen }
interface Gen { n: number; mul: number; mod: number; scale: number; shift: number }
interface Enc { dtype: DTypeName; shape: number[]; values: Encoded[] }
/** One fixture case (see the generator's docstring). */
export interface Case {
  fn: 'sort' | 'argsort' | 'ndsort' | 'lexsort'
  in: { a?: Spec; keys?: Spec | Spec[] }
  opts: Record<string, unknown>
  expect?: Enc
  sample?: { step: number; dtype: DTypeName; shape: number[]; values: Encoded[] }
  by_value?: boolean
  gather?: boolean
  index_shape?: number[]
  error?: { numpy: string; ts: string; message: string }
}
/** A fixture file. */
export interface Fixture { numpy: string; cases: Case[] }

/** An input view as the fixture describes it (base array, optional basic index, optional broadcast). */
export function build(spec: Spec): NDArray {
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

const fold = (e: Enc): Enc => ({ ...e, values: e.values.map((v) => (v === 0 ? 0 : v)) })

/** Run a case in strided; the result array (the gathered values for `gather` cases). */
export function runArray(c: Case): NDArray {
  const o = c.opts
  if (c.fn === 'lexsort') {
    const k = c.in.keys!
    return S.lexsort(Array.isArray(k) ? k.map(build) : build(k), o as S.LexsortOptions)
  }
  const a = build(c.in.a!)
  if (c.fn === 'ndsort') {
    a.sort(o as S.SortOptions)
    return a
  }
  if (c.fn === 'sort') return S.sort(a, o as S.SortOptions)
  const idx = S.argsort(a, o as S.SortOptions)
  if (!c.gather) return idx
  expect(idx.dtype).toBe('int64')
  expect([...idx.shape]).toEqual(c.index_shape)
  if (o.axis === null || a.ndim === 0) return takeAlongAxis(a.reshape([a.size]), idx, { axis: 0 })
  return takeAlongAxis(a, idx, { axis: (o.axis as number | undefined) ?? -1 })
}

/** Run a case in strided; the result as the fixtures encode it. */
export function run(c: Case): Enc { return encArray(runArray(c)) }

/** Check one case: the exact (or by-value) result, the sample of a large one, or NumPy's error class. */
export function check(c: Case): void {
  const label = `${c.fn} ${JSON.stringify(c.in).slice(0, 120)} ${JSON.stringify(c.opts)}`
  if (c.error !== undefined) {
    let err: unknown
    try { run(c) } catch (e) { err = e }
    expect(err, label).toBeInstanceOf((S as unknown as Record<string, new () => Error>)[c.error.ts])
    return
  }
  if (c.sample !== undefined) {
    const r = runArray(c)
    const s = c.sample
    expect(r.dtype, label).toBe(s.dtype)
    expect([...r.shape], label).toEqual(s.shape)
    const flat = r.ravel()
    const n = flat.size
    const picked: Encoded[] = []
    for (let i = 0; i < n; i += s.step) picked.push(encode(flat.get(i)))
    picked.push(encode(flat.get(n - 1)))
    expect(picked, label).toEqual(s.values)
    return
  }
  const got = run(c)
  const want = c.expect!
  if (c.by_value) expect(fold(got), label).toEqual(fold(want))
  else {
    expect(got.dtype, label).toBe(want.dtype)
    expect(got.shape, label).toEqual(want.shape)
    // Object.is: -0 and +0 differ
    got.values.forEach((v, i) => { if (!Object.is(v, want.values[i])) expect(got.values, label).toEqual(want.values) })
    expect(got.values.length, label).toBe(want.values.length)
  }
}

