/**
 * Replaying the quantile fixtures (scripts/gen_quantile_fixtures.py): building an input as the fixture describes
 * it, running a median/quantile case and comparing it with NumPy's answer bit for bit. Shared by
 * test/quantile.golden.test.ts and the live NumPy fuzz of test/quantile.property.test.ts.
 */
import { expect } from 'vitest'
import * as S from '@strided/core'
import { NDArray, array, broadcastTo, type DTypeName, type Scalar } from '@strided/core'
import { decode, encode, makeBase, type Encoded } from './fixtures.js'

export interface Spec { dtype: DTypeName; shape?: number[]; values?: Encoded[]; order?: 'C' | 'F'; view?: string; bcast?: number[]; gen?: Gen }
export interface Gen { n: number; mul: number; mod: number; scale: number; shift: number }
export interface Enc { dtype: DTypeName; shape: number[]; values: Encoded[] }
export interface QCase {
  fn: string; a: Spec; q?: { scalar: number } | { array: Enc }; kth?: number | number[]
  opts?: Record<string, unknown>
  expect?: { scalar: Encoded; dtype: DTypeName } | Enc | { sorted?: Enc; kthValues?: Enc; kth: number[] }
  error?: { numpy: string; ts: string; message: string }
}
export interface QFixture { numpy: string; cases: QCase[] }

/** An input view as the fixture describes it. */
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

function qOf(c: QCase): S.QuantileInput {
  const q = c.q!
  if ('scalar' in q) return q.scalar
  const e = q.array
  return array(e.values.map((v) => decode(v, 'float64') as number)).reshape(e.shape)
}

/** Run a stat case; the result as an encoded array or scalar. */
export function runStat(c: QCase): unknown {
  const a = build(c.a)
  const o: Record<string, unknown> = { ...(c.opts ?? {}) }
  const fns: Record<string, (...args: never[]) => unknown> = {
    quantile: S.quantile, percentile: S.percentile, nanquantile: S.nanquantile, nanpercentile: S.nanpercentile,
    median: S.median, nanmedian: S.nanmedian,
  }
  const f = fns[c.fn] as (...args: unknown[]) => NDArray | Scalar
  return c.q === undefined ? f(a, o) : f(a, qOf(c), o)
}

/** Compare a stat result with its fixture expectation. */
export function checkStat(c: QCase, r: unknown): void {
  const e = c.expect as { scalar: Encoded; dtype: DTypeName } | Enc
  if ('scalar' in e) {
    let v: Scalar
    if (r instanceof NDArray) {
      expect(r.ndim).toBe(0)
      expect(r.dtype).toBe(e.dtype)
      v = r.toFlatArray()[0]!
    } else v = r as Scalar
    const want = decode(e.scalar, e.dtype)
    expect(encode(v)).toEqual(encode(want))
    expect(Object.is(v, want) || (typeof v === 'boolean' && v === want)).toBe(true)
    return
  }
  expect(r).toBeInstanceOf(NDArray)
  const got = r as NDArray
  expect(got.dtype).toBe(e.dtype)
  expect([...got.shape]).toEqual(e.shape)
  const gv = got.toFlatArray()
  const wv = e.values.map((v) => decode(v, e.dtype))
  const bad = gv.findIndex((v, i) => !Object.is(v, wv[i]))
  if (bad >= 0) expect({ at: bad, got: encode(gv[bad]!) }).toEqual({ at: bad, got: encode(wv[bad]!) })
}

