/**
 * argmin / argmax kernels. Ties go to the smallest index and the first NaN wins (np.argmax semantics). The
 * index of an element is its plan "index" (flat C index for axis=None, position along the axis otherwise), so
 * partial results from different units combine by (value, then smaller index) in any order.
 * acc.f (or acc.big for int64/uint64) holds the best value, acc.g its index (−1: nothing seen yet).
 */
import type { TypedArray } from '../../dtype.js'
import { maxRowF, maxRowI, minRowF, minRowI } from './minmax.js'
import { makeWalker, type Acc, type Walker } from './walk.js'

type NumArray = Float64Array | Float32Array | Int8Array | Uint8Array | Int16Array | Uint16Array | Int32Array | Uint32Array

/** Should candidate (nv, ni) replace the current best (cv, ci)? */
export function argTake(isMax: boolean, cv: number, ci: number, nv: number, ni: number): boolean {
  if (ci < 0) return true
  if (cv !== cv) return nv !== nv && ni < ci
  if (nv !== nv) return true
  if (isMax ? nv > cv : nv < cv) return true
  return nv === cv && ni < ci
}

export function argTakeBig(isMax: boolean, cv: bigint, ci: number, nv: bigint, ni: number): boolean {
  if (ci < 0) return true
  if (isMax ? nv > cv : nv < cv) return true
  return nv === cv && ni < ci
}

/** First position j < n with x[off + j·s] === v (or NaN when v is NaN). */
function firstIndex(x: NumArray, off: number, n: number, s: number, v: number): number {
  let p = off
  if (v !== v) {
    for (let j = 0; j < n; j++) { const e = x[p]!; if (e !== e) return j; p += s }
  } else {
    for (let j = 0; j < n; j++) { if (x[p] === v) return j; p += s }
  }
  return -1
}

/** Elements per block of the two-pass scan. */
const BLOCK = 2048

/**
 * Position of the first best element of a row (first NaN wins). Blocks of BLOCK elements are reduced with the
 * fast multi-accumulator min/max (NaN-aware); only a block that beats the best so far is scanned again (in
 * cache) for the first position of its extreme, so ties keep the first index.
 */
function scanRow(isMax: boolean, isFloat: boolean, x: NumArray, off: number, n: number, s: number): number {
  if (n <= 64) {
    // short rows: a single pass
    let bv = x[off]!
    if (bv !== bv) return 0
    let bj = 0
    let p = off + s
    for (let j = 1; j < n; j++) {
      const v = x[p]!
      if (isMax ? v > bv : v < bv) { bv = v; bj = j } else if (v !== v) return j
      p += s
    }
    return bj
  }
  const red = isMax ? (isFloat ? maxRowF : maxRowI) : (isFloat ? minRowF : minRowI)
  let best = 0, bj = -1
  for (let b0 = 0; b0 < n; b0 += BLOCK) {
    const len = Math.min(BLOCK, n - b0)
    const boff = off + b0 * s
    const v = red(x, boff, len, s)
    if (v !== v) return b0 + firstIndex(x, boff, len, s, v)
    if (bj < 0 || (isMax ? v > best : v < best)) { best = v; bj = b0 + firstIndex(x, boff, len, s, v) }
  }
  return bj
}

export function makeArgWalker(isMax: boolean, isFloat: boolean): Walker<TypedArray> {
  return makeWalker<TypedArray>(
    (x, off, n, s, acc, o, idx, idxStep) => {
      const v = x as NumArray
      const j = scanRow(isMax, isFloat, v, off, n, s)
      const nv = v[off + j * s]!, ni = idx + j * idxStep
      if (argTake(isMax, acc.f[o]!, acc.g![o]!, nv, ni)) { acc.f[o] = nv; acc.g![o] = ni }
    },
    (x, off, n, s, R, rs, acc, o, os, idx, idxRowStep) => {
      const v = x as NumArray
      const af = acc.f, ag = acc.g!
      for (let r = 0; r < R; r++) {
        const b = off + r * rs
        const ni = idx + r * idxRowStep
        for (let j = 0; j < n; j++) {
          const k = o + j * os
          const nv = v[b + j * s]!
          if (argTake(isMax, af[k]!, ag[k]!, nv, ni)) { af[k] = nv; ag[k] = ni }
        }
      }
    },
  )
}

export function makeArgWalkerBig(isMax: boolean): Walker<TypedArray> {
  const step = (acc: Acc, k: number, nv: bigint, ni: number): void => {
    if (argTakeBig(isMax, acc.big![k]!, acc.g![k]!, nv, ni)) { acc.big![k] = nv; acc.g![k] = ni }
  }
  return makeWalker<TypedArray>(
    (x, off, n, s, acc, o, idx, idxStep) => {
      const v = x as BigInt64Array
      for (let j = 0; j < n; j++) step(acc, o, v[off + j * s]!, idx + j * idxStep)
    },
    (x, off, n, s, R, rs, acc, o, os, idx, idxRowStep) => {
      const v = x as BigInt64Array
      for (let r = 0; r < R; r++) {
        for (let j = 0; j < n; j++) step(acc, o + j * os, v[off + r * rs + j * s]!, idx + r * idxRowStep)
      }
    },
  )
}
