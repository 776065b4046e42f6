/**
 * Linear-memory kernels of the NaN-aware reductions for *dense* float inputs (the elements fill one block of
 * memory: no broadcast, no gaps), as units jobs over fixed chunks of that block:
 *
 *  - 'nanReplace': NumPy's _replace_nan copy for an input whose strides are all positive (its 'K' copy then has
 *    the same strides, so element i of the block maps to element i of the copy): writes the copy with NaN replaced
 *    by `val`, optionally the isnan mask, and returns each chunk's NaN count;
 *  - 'nanExtreme': the minimum / maximum of the non-NaN elements of each chunk (NaN when the chunk has none),
 *    combined by the driver in chunk order. The order does not change min/max values (only, among equal zeros,
 *    which sign is kept; that is fixed by the chunking, and need not be NumPy's).
 *
 * Chunks have a fixed size, so results do not depend on how many threads run them.
 */
import type { DTypeName } from '../../dtype.js'
import { typedView } from '../../dtype.js'
import { defineUnitKernel } from '../units.js'

/** Elements per unit. */
export const NAN_CHUNK = 1 << 16

/** A dense block: buffer, dtype, first element, element count. */
export interface DenseBlock {
  readonly buffer: SharedArrayBuffer | ArrayBuffer
  readonly dtype: DTypeName
  readonly start: number
  readonly n: number
}

/** The plan of a 'nanReplace' job. */
export interface NanReplacePlan {
  readonly src: DenseBlock
  readonly dst: DenseBlock
  /** bool mask block, or null. */
  readonly mask: DenseBlock | null
  readonly val: number
}

/** The plan of a 'nanExtreme' job. */
export interface NanExtremePlan {
  readonly src: DenseBlock
  readonly max: boolean
}

type F = Float64Array | Float32Array

// One copy of each loop per element type, so every typed-array access site stays monomorphic.

function replace64(S: Float64Array, so: number, D: Float64Array, dso: number, M: Uint8Array | null, mo: number, i0: number, i1: number, val: number): number {
  let nans = 0
  if (M === null) {
    for (let i = i0; i < i1; i++) {
      const v = S[so + i]!
      const bad = v !== v
      D[dso + i] = bad ? val : v
      nans += bad ? 1 : 0
    }
  } else {
    for (let i = i0; i < i1; i++) {
      const v = S[so + i]!
      const bad = v !== v
      D[dso + i] = bad ? val : v
      M[mo + i] = bad ? 1 : 0
      nans += bad ? 1 : 0
    }
  }
  return nans
}

function replace32(S: Float32Array, so: number, D: Float32Array, dso: number, M: Uint8Array | null, mo: number, i0: number, i1: number, val: number): number {
  let nans = 0
  if (M === null) {
    for (let i = i0; i < i1; i++) {
      const v = S[so + i]!
      const bad = v !== v
      D[dso + i] = bad ? val : v
      nans += bad ? 1 : 0
    }
  } else {
    for (let i = i0; i < i1; i++) {
      const v = S[so + i]!
      const bad = v !== v
      D[dso + i] = bad ? val : v
      M[mo + i] = bad ? 1 : 0
      nans += bad ? 1 : 0
    }
  }
  return nans
}

defineUnitKernel<NanReplacePlan>('nanReplace', (p, start, end) => {
  const S = typedView(p.src.buffer, p.src.dtype) as F
  const D = typedView(p.dst.buffer, p.dst.dtype) as F
  const M = p.mask === null ? null : (typedView(p.mask.buffer, p.mask.dtype) as Uint8Array)
  const mo = p.mask === null ? 0 : p.mask.start
  const out: number[] = []
  for (let u = start; u < end; u++) {
    const i0 = u * NAN_CHUNK
    const i1 = Math.min(p.src.n, i0 + NAN_CHUNK)
    out.push(S instanceof Float64Array
      ? replace64(S, p.src.start, D as Float64Array, p.dst.start, M, mo, i0, i1, p.val)
      : replace32(S, p.src.start, D as Float32Array, p.dst.start, M, mo, i0, i1, p.val))
  }
  return out
})

function max64(S: Float64Array, i0: number, i1: number): number {
  let m0 = -Infinity, m1 = -Infinity, m2 = -Infinity, m3 = -Infinity
  let i = i0
  for (; i + 3 < i1; i += 4) {
    const a = S[i]!, b = S[i + 1]!, c = S[i + 2]!, d = S[i + 3]!
    m0 = a > m0 ? a : m0
    m1 = b > m1 ? b : m1
    m2 = c > m2 ? c : m2
    m3 = d > m3 ? d : m3
  }
  for (; i < i1; i++) { const a = S[i]!; m0 = a > m0 ? a : m0 }
  if (m1 > m0) m0 = m1
  if (m3 > m2) m2 = m3
  return m2 > m0 ? m2 : m0
}

function min64(S: Float64Array, i0: number, i1: number): number {
  let m0 = Infinity, m1 = Infinity, m2 = Infinity, m3 = Infinity
  let i = i0
  for (; i + 3 < i1; i += 4) {
    const a = S[i]!, b = S[i + 1]!, c = S[i + 2]!, d = S[i + 3]!
    m0 = a < m0 ? a : m0
    m1 = b < m1 ? b : m1
    m2 = c < m2 ? c : m2
    m3 = d < m3 ? d : m3
  }
  for (; i < i1; i++) { const a = S[i]!; m0 = a < m0 ? a : m0 }
  if (m1 < m0) m0 = m1
  if (m3 < m2) m2 = m3
  return m2 < m0 ? m2 : m0
}

function max32(S: Float32Array, i0: number, i1: number): number {
  let m0 = -Infinity, m1 = -Infinity, m2 = -Infinity, m3 = -Infinity
  let i = i0
  for (; i + 3 < i1; i += 4) {
    const a = S[i]!, b = S[i + 1]!, c = S[i + 2]!, d = S[i + 3]!
    m0 = a > m0 ? a : m0
    m1 = b > m1 ? b : m1
    m2 = c > m2 ? c : m2
    m3 = d > m3 ? d : m3
  }
  for (; i < i1; i++) { const a = S[i]!; m0 = a > m0 ? a : m0 }
  if (m1 > m0) m0 = m1
  if (m3 > m2) m2 = m3
  return m2 > m0 ? m2 : m0
}

function min32(S: Float32Array, i0: number, i1: number): number {
  let m0 = Infinity, m1 = Infinity, m2 = Infinity, m3 = Infinity
  let i = i0
  for (; i + 3 < i1; i += 4) {
    const a = S[i]!, b = S[i + 1]!, c = S[i + 2]!, d = S[i + 3]!
    m0 = a < m0 ? a : m0
    m1 = b < m1 ? b : m1
    m2 = c < m2 ? c : m2
    m3 = d < m3 ? d : m3
  }
  for (; i < i1; i++) { const a = S[i]!; m0 = a < m0 ? a : m0 }
  if (m1 < m0) m0 = m1
  if (m3 < m2) m2 = m3
  return m2 < m0 ? m2 : m0
}

defineUnitKernel<NanExtremePlan>('nanExtreme', (p, start, end) => {
  const S = typedView(p.src.buffer, p.src.dtype) as F
  const out: number[] = []
  const so = p.src.start
  const edge = p.max ? -Infinity : Infinity
  for (let u = start; u < end; u++) {
    const i0 = so + u * NAN_CHUNK
    const i1 = so + Math.min(p.src.n, u * NAN_CHUNK + NAN_CHUNK)
    let m: number
    if (S instanceof Float64Array) m = p.max ? max64(S, i0, i1) : min64(S, i0, i1)
    else m = p.max ? max32(S as Float32Array, i0, i1) : min32(S as Float32Array, i0, i1)
    if (m === edge) {
      // all NaN, or the identity itself occurs
      let seen = false
      for (let j = i0; j < i1; j++) if (S[j] === edge) { seen = true; break }
      if (!seen) m = NaN
    }
    out.push(m)
  }
  return out
})
