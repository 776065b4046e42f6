/**
 * min / max kernels (order-free; NaN propagates as in np.maximum.reduce).
 * Float rows use 4 accumulators with branch-free selects and detect NaN through a running sum of the values
 * (NaN in the sum ⇒ rescan for an actual NaN; infinities alone only cost the rescan). Integer rows need no
 * NaN check. int64/uint64 compare as bigints. Accumulators start at the identity of the comparison
 * (−∞/+∞ or the dtype's extreme); every output sees at least one element, so that start value never shows.
 */
import type { TypedArray } from '../../dtype.js'
import { inKernelArena, wasmReduce } from '../wasm/backend.js'
import { makeWalker, type Acc, type Walker } from './walk.js'

/** Contiguous float runs at least this long over arena memory go to the WASM SIMD kernel (same result bits). */
const WASM_MIN = 64

/** The WASM max/min of a contiguous float run in the arena, or undefined when the JS loop must run. */
function wasmRow(op: 'max' | 'min', x: NumArray, off: number, n: number, s: number): number | undefined {
  if (s !== 1 || n < WASM_MIN || !inKernelArena(x.buffer)) return undefined
  const t = x instanceof Float64Array ? 'f64' : x instanceof Float32Array ? 'f32' : undefined
  if (t === undefined) return undefined
  const k = wasmReduce(op, t)
  return k === undefined ? undefined : k(x.byteOffset + off * x.BYTES_PER_ELEMENT, n)
}

type NumArray = Float64Array | Float32Array | Int8Array | Uint8Array | Int16Array | Uint16Array | Int32Array | Uint32Array

function hasNaN(x: NumArray, off: number, n: number, s: number): boolean {
  let p = off
  for (let i = 0; i < n; i++) { const v = x[p]!; if (v !== v) return true; p += s }
  return false
}

/** Max of a row of floats, NaN if any element is NaN. */
export function maxRowF(x: NumArray, off: number, n: number, s: number): number {
  const w = wasmRow('max', x, off, n, s)
  if (w !== undefined) return w
  let m0 = -Infinity, m1 = -Infinity, m2 = -Infinity, m3 = -Infinity, t0 = 0, t1 = 0
  let i = 0
  let p = off
  if (s === 1) {
    const end = off + (n - (n & 7))
    for (; p < end; p += 8) {
      const a = x[p]!, b = x[p + 1]!, c = x[p + 2]!, d = x[p + 3]!, e = x[p + 4]!, f = x[p + 5]!, g = x[p + 6]!, h = x[p + 7]!
      m0 = a > m0 ? a : m0; m1 = b > m1 ? b : m1; m2 = c > m2 ? c : m2; m3 = d > m3 ? d : m3
      m0 = e > m0 ? e : m0; m1 = f > m1 ? f : m1; m2 = g > m2 ? g : m2; m3 = h > m3 ? h : m3
      t0 += (a + b) + (c + d); t1 += (e + f) + (g + h)
    }
    i = n - (n & 7)
  } else {
    const s2 = 2 * s, s3 = 3 * s, s4 = 4 * s
    for (; i + 4 <= n; i += 4) {
      const a = x[p]!, b = x[p + s]!, c = x[p + s2]!, d = x[p + s3]!
      m0 = a > m0 ? a : m0; m1 = b > m1 ? b : m1; m2 = c > m2 ? c : m2; m3 = d > m3 ? d : m3
      t0 += a + b; t1 += c + d
      p += s4
    }
  }
  for (; i < n; i++) { const a = x[p]!; m0 = a > m0 ? a : m0; t0 += a; p += s }
  const t = t0 + t1
  if (t !== t && hasNaN(x, off, n, s)) return NaN
  const u = m0 > m1 ? m0 : m1, v = m2 > m3 ? m2 : m3
  return u > v ? u : v
}

/** Min of a row of floats, NaN if any element is NaN. */
export function minRowF(x: NumArray, off: number, n: number, s: number): number {
  const w = wasmRow('min', x, off, n, s)
  if (w !== undefined) return w
  let m0 = Infinity, m1 = Infinity, m2 = Infinity, m3 = Infinity, t0 = 0, t1 = 0
  let i = 0
  let p = off
  if (s === 1) {
    const end = off + (n - (n & 7))
    for (; p < end; p += 8) {
      const a = x[p]!, b = x[p + 1]!, c = x[p + 2]!, d = x[p + 3]!, e = x[p + 4]!, f = x[p + 5]!, g = x[p + 6]!, h = x[p + 7]!
      m0 = a < m0 ? a : m0; m1 = b < m1 ? b : m1; m2 = c < m2 ? c : m2; m3 = d < m3 ? d : m3
      m0 = e < m0 ? e : m0; m1 = f < m1 ? f : m1; m2 = g < m2 ? g : m2; m3 = h < m3 ? h : m3
      t0 += (a + b) + (c + d); t1 += (e + f) + (g + h)
    }
    i = n - (n & 7)
  } else {
    const s2 = 2 * s, s3 = 3 * s, s4 = 4 * s
    for (; i + 4 <= n; i += 4) {
      const a = x[p]!, b = x[p + s]!, c = x[p + s2]!, d = x[p + s3]!
      m0 = a < m0 ? a : m0; m1 = b < m1 ? b : m1; m2 = c < m2 ? c : m2; m3 = d < m3 ? d : m3
      t0 += a + b; t1 += c + d
      p += s4
    }
  }
  for (; i < n; i++) { const a = x[p]!; m0 = a < m0 ? a : m0; t0 += a; p += s }
  const t = t0 + t1
  if (t !== t && hasNaN(x, off, n, s)) return NaN
  const u = m0 < m1 ? m0 : m1, v = m2 < m3 ? m2 : m3
  return u < v ? u : v
}

/** Max / min of a row of integers (as numbers). */
export function maxRowI(x: NumArray, off: number, n: number, s: number): number {
  let m0 = -Infinity, m1 = -Infinity, m2 = -Infinity, m3 = -Infinity
  let i = 0, p = off
  const s2 = 2 * s, s3 = 3 * s, s4 = 4 * s
  for (; i + 4 <= n; i += 4) {
    const a = x[p]!, b = x[p + s]!, c = x[p + s2]!, d = x[p + s3]!
    m0 = a > m0 ? a : m0; m1 = b > m1 ? b : m1; m2 = c > m2 ? c : m2; m3 = d > m3 ? d : m3
    p += s4
  }
  for (; i < n; i++) { const a = x[p]!; m0 = a > m0 ? a : m0; p += s }
  const u = m0 > m1 ? m0 : m1, v = m2 > m3 ? m2 : m3
  return u > v ? u : v
}

export function minRowI(x: NumArray, off: number, n: number, s: number): number {
  let m0 = Infinity, m1 = Infinity, m2 = Infinity, m3 = Infinity
  let i = 0, p = off
  const s2 = 2 * s, s3 = 3 * s, s4 = 4 * s
  for (; i + 4 <= n; i += 4) {
    const a = x[p]!, b = x[p + s]!, c = x[p + s2]!, d = x[p + s3]!
    m0 = a < m0 ? a : m0; m1 = b < m1 ? b : m1; m2 = c < m2 ? c : m2; m3 = d < m3 ? d : m3
    p += s4
  }
  for (; i < n; i++) { const a = x[p]!; m0 = a < m0 ? a : m0; p += s }
  const u = m0 < m1 ? m0 : m1, v = m2 < m3 ? m2 : m3
  return u < v ? u : v
}

/** Combine two partial maxima/minima (NaN sticky). */
export function maxF(a: number, b: number): number { return b > a || b !== b ? b : a }
export function minF(a: number, b: number): number { return b < a || b !== b ? b : a }

/** Walker for min/max over a number source (floats propagate NaN). */
export function makeMinMaxWalker(isMax: boolean, isFloat: boolean): Walker<TypedArray> {
  const rowFn = isMax ? (isFloat ? maxRowF : maxRowI) : (isFloat ? minRowF : minRowI)
  const comb = isMax ? maxF : minF
  return makeWalker<TypedArray>(
    (x, off, n, s, acc, o) => {
      const v = x as NumArray
      if (n < 16) {
        // short rows: one pass, no setup
        let t = acc.f[o]!
        let p = off
        if (isMax) for (let i = 0; i < n; i++) { const e = v[p]!; if (e > t || e !== e) t = e; p += s }
        else for (let i = 0; i < n; i++) { const e = v[p]!; if (e < t || e !== e) t = e; p += s }
        acc.f[o] = t
        return
      }
      acc.f[o] = comb(acc.f[o]!, rowFn(v, off, n, s))
    },
    (x, off, n, s, R, rs, acc, o, os) => {
      const a = acc.f
      const v = x as NumArray
      if (isMax) {
        for (let r = 0; r < R; r++) {
          const b = off + r * rs
          for (let j = 0; j < n; j++) {
            const e = v[b + j * s]!, t = a[o + j * os]!
            if (e > t || e !== e) a[o + j * os] = e
          }
        }
      } else {
        for (let r = 0; r < R; r++) {
          const b = off + r * rs
          for (let j = 0; j < n; j++) {
            const e = v[b + j * s]!, t = a[o + j * os]!
            if (e < t || e !== e) a[o + j * os] = e
          }
        }
      }
    },
  )
}

/** Walker for min/max over int64/uint64 (bigint elements, acc.big). */
export function makeMinMaxWalkerBig(isMax: boolean): Walker<TypedArray> {
  return makeWalker<TypedArray>(
    (x, off, n, s, acc, o) => {
      const v = x as BigInt64Array
      let m = acc.big![o]!
      let p = off
      if (isMax) for (let i = 0; i < n; i++) { const e = v[p]!; if (e > m) m = e; p += s }
      else for (let i = 0; i < n; i++) { const e = v[p]!; if (e < m) m = e; p += s }
      acc.big![o] = m
    },
    (x, off, n, s, R, rs, acc, o, os) => {
      const v = x as BigInt64Array
      const a = acc.big!
      for (let r = 0; r < R; r++) {
        const b = off + r * rs
        for (let j = 0; j < n; j++) {
          const e = v[b + j * s]!
          const k = o + j * os
          if (isMax ? e > a[k]! : e < a[k]!) a[k] = e
        }
      }
    },
  )
}
