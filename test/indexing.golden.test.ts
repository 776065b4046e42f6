/**
 * Golden replay of NumPy's advanced indexing (test/fixtures/indexing/*.json, written by
 * scripts/gen_advanced_index_fixtures.py with NumPy 2.4.6): random index expressions mixing basic and advanced
 * items over the layout matrix (contiguous, negative strides, non-contiguous, F order, broadcast, empty, 0-d) and
 * several dtypes (bool, int8, uint8, int32, int64, uint64, float32, float64). Reads compare dtype, shape, values
 * and copy-ness; writes compare the whole array after `a.at(...).set(value)`; the function forms compare their
 * result; errors compare the class (NumPy's class mapped to strided's) and, for IndexError, the message.
 */
import { readFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import * as S from '@strided/core'
import { NDArray, array, broadcastTo, sharesMemory, zeros, type AnyIndexItem, type DTypeName, type Scalar } from '@strided/core'

import { decode, encode, type Encoded } from './support/fixtures.js'
interface Enc { dtype: DTypeName; shape: number[]; values: Encoded[] }
interface Spec extends Enc { order?: 'C' | 'F'; view?: string; bcast?: number[] }
type Item = { int: number } | { slice: [number | null, number | null, number | null] } | { str: string } | 'none' | '...'
  | { bool: boolean } | { nd: Enc } | { list: unknown }
type Value = { scalar: Encoded; dtype: 'int' | 'float' | 'bool' | 'big' } | { nd: Enc } | { list: unknown } | { self: string }
interface Err { numpy: string; ts: string[]; message: string }
interface Case { a: Spec; index?: Item[]; value?: Value; fn?: string; args?: Record<string, unknown>; expect?: Enc; copy?: boolean | null; error?: Err }

const here = dirname(fileURLToPath(import.meta.url))
// STRIDED_INDEXING_FIXTURES=dir replays another set (scripts/gen_advanced_index_fixtures.py --seed N --out dir)
const dir = process.env.STRIDED_INDEXING_FIXTURES ?? join(here, 'fixtures', 'indexing')
const load = (name: string): Case[] => (JSON.parse(readFileSync(join(dir, name), 'utf8')) as { cases: Case[] }).cases


function fromEnc(e: Enc): NDArray {
  const out = zeros(e.shape, { dtype: e.dtype })
  if (e.values.length > 0) out.assign(array(e.values.map((v) => decode(v, e.dtype)), { dtype: e.dtype }).reshape(e.shape))
  return out
}

function build(spec: Spec): NDArray {
  const base = zeros(spec.shape, { dtype: spec.dtype, order: spec.order ?? 'C' })
  if (spec.values.length > 0) base.assign(array(spec.values.map((v) => decode(v, spec.dtype)), { dtype: spec.dtype }).reshape(spec.shape))
  let a = spec.view !== undefined ? base.slice(spec.view) : base
  if (spec.bcast !== undefined) a = broadcastTo(a, spec.bcast)
  return a
}

function item(it: Item): AnyIndexItem {
  if (it === 'none') return null
  if (it === '...') return '...'
  if ('int' in it) return it.int
  if ('slice' in it) return { start: it.slice[0], stop: it.slice[1], step: it.slice[2] }
  if ('str' in it) return it.str
  if ('bool' in it) return it.bool
  if ('nd' in it) return fromEnc(it.nd)
  return it.list as AnyIndexItem
}

function value(v: Value, dt: DTypeName, target?: NDArray): S.AssignValue {
  if ('self' in v) return target!.slice(v.self)
  if ('scalar' in v) return v.dtype === 'big' ? BigInt(v.scalar as string) : v.dtype === 'float' ? decode(v.scalar, 'float64') : (v.scalar as Scalar)
  if ('nd' in v) return fromEnc(v.nd)
  void dt
  return v.list as S.AssignValue
}

const enc = (a: NDArray): Enc => ({ dtype: a.dtype, shape: [...a.shape], values: a.toFlatArray().map(encode) })

function checkError(run: () => unknown, err: Err, label: string): void {
  let thrown: unknown = null
  try { run() } catch (e) { thrown = e }
  expect(thrown, `${label}: expected ${err.numpy}: ${err.message}`).toBeInstanceOf(S.StridedError)
  const name = (thrown as Error).name
  expect(err.ts, `${label}: got ${name}: ${(thrown as Error).message}; NumPy: ${err.numpy}: ${err.message}`).toContain(name === 'AxisError' && err.ts.includes('IndexError') ? 'IndexError' : name)
  if (err.numpy === 'IndexError' && /out of bounds|did not match|shape mismatch/.test(err.message)) {
    expect((thrown as Error).message, label).toBe(err.message)
  }
}

const label = (c: Case): string => JSON.stringify({ a: c.a, index: c.index, value: c.value, fn: c.fn, args: c.args })

describe('advanced indexing reads (a[index]) against NumPy 2.4.6', () => {
  const cases = load('read.json')
  it(`${cases.length} cases`, () => {
    for (const c of cases) {
      const a = build(c.a)
      const items = c.index!.map(item)
      if (c.error) { checkError(() => a.slice(...items), c.error, label(c)); continue }
      const r = a.slice(...items)
      expect(enc(r), label(c)).toEqual(c.expect)
      if (c.copy !== null && c.copy !== undefined) expect(!sharesMemory(r, a), label(c)).toBe(c.copy)
      if (c.copy === true) expect(r.flags.ownData, label(c)).toBe(true)
    }
  })
})

describe('advanced indexing writes (a[index] = value) against NumPy 2.4.6', () => {
  const cases = load('write.json')
  it(`${cases.length} cases`, () => {
    for (const c of cases) {
      const a = build(c.a)
      const items = c.index!.map(item)
      const v = value(c.value!, a.dtype, a)
      if (c.error) {
        const before = enc(a)
        checkError(() => a.at(...items).set(v), c.error, label(c))
        expect(enc(a), `${label(c)}: nothing written on error`).toEqual(before)
        continue
      }
      let r: NDArray
      try { r = a.at(...items).set(v) } catch (e) { throw new Error(`${label(c)}: unexpected ${String(e)}`) }
      expect(r, label(c)).toBe(a)
      expect(enc(a), label(c)).toEqual(c.expect)
    }
  })
})

describe('put, putmask, place, takeAlongAxis, putAlongAxis against NumPy 2.4.6', () => {
  const cases = load('functions.json')
  const run = (c: Case, a: NDArray): NDArray => {
    const g = c.args!
    switch (c.fn) {
      case 'put': return S.put(a, g.ind as number[], value(g.v as Value, a.dtype), { mode: g.mode as S.PutMode })
      case 'putmask': return S.putmask(a, g.mask as boolean[], value(g.values as Value, a.dtype))
      case 'place': return S.place(a, g.mask as boolean[], value(g.values as Value, a.dtype))
      case 'takeAlongAxis': return S.takeAlongAxis(a, fromEnc((g.indices as { nd: Enc }).nd), { axis: g.axis as number | null })
      case 'putAlongAxis': return S.putAlongAxis(a, fromEnc((g.indices as { nd: Enc }).nd), value(g.values as Value, a.dtype), { axis: g.axis as number | null })
      default: throw new Error(`unknown fn ${c.fn}`)
    }
  }
  for (const fn of ['put', 'putmask', 'place', 'takeAlongAxis', 'putAlongAxis']) {
    const mine = cases.filter((c) => c.fn === fn)
    it(`${fn}: ${mine.length} cases`, () => {
      for (const c of mine) {
        const a = build(c.a)
        if (c.error) { checkError(() => run(c, a), c.error, label(c)); continue }
        let r: NDArray
        try { r = run(c, a) } catch (e) { throw new Error(`${label(c)}: unexpected ${String(e)}`) }
        expect(enc(r), label(c)).toEqual(c.expect)
      }
    })
  }
})
