/**
 * Case replay for the NaN-reduction fixtures (scripts/gen_nan_fixtures.py): builds the inputs, calls strided's
 * function and compares with NumPy's encoded result. Shared by test/nan.golden.test.ts (the committed fixture) and
 * test/nan.property.test.ts (fresh cases from a live NumPy).
 */
import * as S from '@strided/core'
import { expect } from 'vitest'
import { NDArray, broadcastTo, zeros, type DTypeName, type Scalar } from '@strided/core'
import { decode, encode, makeBase, type Encoded } from './fixtures.js'

export interface Spec { dtype: DTypeName; shape: number[]; values: Encoded[]; order?: 'C' | 'F'; view?: string; bcast?: number[] }
export interface Enc { dtype: DTypeName; shape: number[]; values: Encoded[] }
export interface Case {
  fn: string; a: string; w?: string; y?: string; opts?: Record<string, unknown>
  expect?: Enc | Enc[]; error?: { numpy: string; ts: string; message: string }; zero_sign?: boolean; tol?: [number, number]
}
export interface Fixture { numpy: string; arrays: Record<string, Spec>; cases: Case[] }

export function build(spec: Spec): NDArray {
  const base = makeBase({ dtype: spec.dtype, shape: spec.shape, order: spec.order, values: spec.values })
  let a = spec.view !== undefined ? base.slice(spec.view) : base
  if (spec.bcast !== undefined) a = broadcastTo(a, spec.bcast)
  return a
}

/** strided's result in the fixture encoding; a JS scalar gets the expected dtype and shape (). */
function enc(r: unknown, like: Enc): Enc {
  if (r instanceof NDArray) return { dtype: r.dtype, shape: [...r.shape], values: r.toFlatArray().map(encode) }
  return { dtype: like.dtype, shape: [], values: [encode(r as Scalar)] }
}

export function call(c: Case, arrays: Record<string, Spec>): unknown {
  const a = build(arrays[c.a]!)
  const o: Record<string, unknown> = { ...(c.opts ?? {}) }
  if (o.out !== undefined) {
    const spec = o.out as { dtype: DTypeName; shape: number[] }
    const out = zeros(spec.shape, { dtype: spec.dtype })
    o.out = out
    const r = callWith(c, a, o, arrays)
    expect(r).toBe(out)
    return r
  }
  return callWith(c, a, o, arrays)
}

function callWith(c: Case, a: NDArray, o: Record<string, unknown>, arrays: Record<string, Spec>): unknown {
  switch (c.fn) {
    case 'nansum': return S.nansum(a, o)
    case 'nanprod': return S.nanprod(a, o)
    case 'nanmean': return S.nanmean(a, o)
    case 'nanvar': return S.nanvar(a, o)
    case 'nanstd': return S.nanstd(a, o)
    case 'nanmin': return S.nanmin(a, o)
    case 'nanmax': return S.nanmax(a, o)
    case 'nanargmin': return S.nanargmin(a, o)
    case 'nanargmax': return S.nanargmax(a, o)
    case 'countNonzero': return S.countNonzero(a, o)
    case 'ptp': return S.ptp(a, o)
    case 'average': return S.average(a, { ...o, ...(c.w !== undefined ? { weights: build(arrays[c.w]!) } : {}) })
    case 'cov': return S.cov(a, c.y !== undefined ? build(arrays[c.y]!) : null, o)
    case 'corrcoef': return S.corrcoef(a, c.y !== undefined ? build(arrays[c.y]!) : null, o)
  }
  throw new Error(`unknown fn ${c.fn}`)
}

function close(got: Encoded, want: Encoded, dt: DTypeName, tol: [number, number]): boolean {
  const g = decode(got, dt) as number
  const w = decode(want, dt) as number
  if (Number.isNaN(w)) return Number.isNaN(g)
  if (!Number.isFinite(w)) return g === w
  return Math.abs(g - w) <= tol[1] + tol[0] * Math.abs(w)
}

/** Compare one result with the fixture's; returns a description of the first difference, or null. */
export function compare(c: Case, got: unknown): string | null {
  const wants = Array.isArray(c.expect) ? c.expect : [c.expect!]
  const gots = Array.isArray(c.expect) ? (got as unknown[]) : [got]
  if (gots.length !== wants.length) return `expected ${wants.length} results, got ${gots.length}`
  for (let i = 0; i < wants.length; i++) {
    const want = wants[i]!
    const g = enc(gots[i], want)
    if (gots[i] instanceof NDArray && g.dtype !== want.dtype) return `dtype ${g.dtype} != ${want.dtype}`
    // a JS scalar stands for NumPy's scalar (or, with an axis, strided's 0-d result does): shapes () only
    if (g.shape.join() !== want.shape.join()) return `shape (${g.shape.join(',')}) != (${want.shape.join(',')})`
    for (let j = 0; j < want.values.length; j++) {
      const gv = g.values[j]!, wv = want.values[j]!
      if (c.tol !== undefined) {
        if (!close(gv, wv, want.dtype, c.tol)) return `value ${j}: ${String(gv)} not within ${c.tol.join('/')} of ${String(wv)}`
      } else if (c.zero_sign === false && gv === 0 && wv === 0) continue
      else if (!Object.is(decode(gv, want.dtype), decode(wv, want.dtype)) && !(typeof gv === 'string' && gv === wv)) {
        return `value ${j}: ${String(gv)} != ${String(wv)}`
      }
    }
  }
  return null
}

/** Run one case: null when it matches, else what differs. */
export function check(c: Case, arrays: Record<string, Spec>): string | null {
  let got: unknown
  try {
    got = call(c, arrays)
  } catch (e) {
    if (c.error === undefined) return `threw ${String(e)}`
    const cls = (S as unknown as Record<string, new (...a: never[]) => Error>)[c.error.ts]
    if (cls === undefined || !(e instanceof cls)) return `threw ${String(e)}, expected ${c.error.ts} (${c.error.message})`
    return null
  }
  if (c.error !== undefined) return `expected ${c.error.ts}: ${c.error.message}, got a result`
  return compare(c, got)
}

