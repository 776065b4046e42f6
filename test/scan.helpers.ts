/**
 * Shared by the scan tests: builds the fixture inputs of scripts/gen_scan_fixtures.py (base spec, basic index,
 * broadcast, transpose), calls strided's cumsum / cumprod / nancumsum / nancumprod / accumulate as the case
 * says and replays cases against NumPy's results (dtype, shape, values; -0 and +0 differ, NaN equals NaN).
 */
import { expect } from 'vitest'
import * as S from '@strided/core'
import { NDArray, broadcastTo, zeros, type DTypeName } from '@strided/core'
import { encode, makeBase, type Encoded } from './support/fixtures.js'

export interface ScanSpec { dtype: DTypeName; shape: number[]; values: Encoded[]; order?: 'C' | 'F'; view?: string; bcast?: number[]; transpose?: boolean }
export interface ScanCase {
  fn: 'cumsum' | 'cumprod' | 'nancumsum' | 'nancumprod' | 'accumulate'
  ufunc?: S.AccumulateUfunc
  in: ScanSpec
  opts?: { axis?: number | null; dtype?: DTypeName | null }
  out?: { dtype: DTypeName }
  expect?: { dtype: DTypeName; shape: number[]; values: Encoded[] }
  error?: { numpy: string; ts: string; message: string }
}
export interface ScanFixture { numpy: string; cases: ScanCase[] }

/** The input view a case describes. */
export function buildInput(spec: ScanSpec): NDArray {
  const base = makeBase({ dtype: spec.dtype, shape: spec.shape, order: spec.order, values: spec.values })
  let a = spec.view !== undefined ? base.slice(spec.view) : base
  if (spec.bcast !== undefined && spec.bcast !== null) a = broadcastTo(a, spec.bcast)
  if (spec.transpose === true) a = a.transpose([2, 0, 1])
  return a
}

/** Run a case's call; returns the result array. */
export function callCase(c: ScanCase): NDArray {
  const a = buildInput(c.in)
  const o = c.opts ?? {}
  const opts: { axis?: number | null; dtype?: DTypeName; out?: NDArray } = {}
  if ('axis' in o) opts.axis = o.axis
  if (o.dtype !== undefined && o.dtype !== null) opts.dtype = o.dtype
  let out: NDArray | undefined
  if (c.out !== undefined) {
    const shape = c.fn !== 'accumulate' && (o.axis === undefined || o.axis === null) ? [a.size] : a.ndim === 0 ? [1] : [...a.shape]
    out = zeros(shape, { dtype: c.out.dtype })
    opts.out = out
  }
  let r: NDArray
  if (c.fn === 'accumulate') r = S.accumulate(c.ufunc!, a, { ...(opts.axis !== undefined && opts.axis !== null ? { axis: opts.axis } : {}), ...(opts.dtype ? { dtype: opts.dtype } : {}), ...(out ? { out } : {}) })
  else r = S[c.fn](a, opts)
  if (out !== undefined) expect(r).toBe(out)
  return r
}

function enc(a: NDArray): { dtype: DTypeName; shape: number[]; values: Encoded[] } {
  return { dtype: a.dtype, shape: [...a.shape], values: a.toFlatArray().map(encode) }
}

/** Replay cases: results equal NumPy's, errors are the mapped class. */
export function replayScan(cases: readonly ScanCase[], tag: string): void {
  cases.forEach((c, k) => {
    const label = `${tag} ${c.fn}${c.ufunc ? `(${c.ufunc})` : ''} case ${k}: ${JSON.stringify(c.in).slice(0, 200)} opts ${JSON.stringify(c.opts ?? {})} out ${JSON.stringify(c.out ?? null)}`
    if (c.error !== undefined) {
      let err: unknown
      try { callCase(c) } catch (e) { err = e }
      expect(err, `${label}: expected ${c.error.ts} (${c.error.message})`).toBeInstanceOf(S.StridedError)
      expect((err as Error).name, `${label}: NumPy ${c.error.numpy}: ${c.error.message}; got ${(err as Error).message}`).toBe(c.error.ts)
      return
    }
    expect(enc(callCase(c)), label).toEqual(c.expect)
  })
}
