/**
 * The matrix product of np.cov (`dot(X, W.T)`, X and W both k×n, C-contiguous), scaled by `factor` as
 * `c *= true_divide(1, fact)`: a units job over the output rows. Unit u computes whole output rows and writes only
 * its own entries, so any split of the units gives the same bits.
 *
 *  - symmetric (W is X, NumPy's syrk case): row i computes c[i][j] for j >= i, mirroring each into c[j][i];
 *    with rows = 0, unit u owns rows u and k-1-u (balanced work);
 *  - otherwise unit u owns rows [u*rows, (u+1)*rows).
 *
 * Sums run in float64 over blocks of BLOCK samples, four columns at a time; a float32 result is rounded once at
 * the end (then scaled in float64 and rounded again, as NumPy's in-place multiply by a float64 scalar does).
 * BLAS groups its sums differently, so the last bits can differ from NumPy's.
 */
import type { ArrayDescriptor } from '../../descriptor.js'
import { typedView } from '../../dtype.js'
import { defineUnitKernel } from '../units.js'

/** The plan of a 'covDot' units job (plain data). */
export interface CovDotPlan {
  readonly x: ArrayDescriptor
  readonly w: ArrayDescriptor
  /** The k×k C-contiguous result. */
  readonly c: ArrayDescriptor
  readonly k: number
  readonly n: number
  readonly symmetric: boolean
  /** Rows per unit; 0: unit u owns rows u and k-1-u (symmetric only). */
  readonly rows: number
  /** The multiplier 1/fact (float64). */
  readonly factor: number
}

const BLOCK = 1024

type F = Float64Array | Float32Array

/** Accumulate dot(X[i], W[j..j+3]) over [l0, l1) into acc[j..j+3]. */
function rowBlock(X: F, xo: number, W: F, wBase: number, n: number, j0: number, j1: number, l0: number, l1: number, acc: Float64Array): void {
  let j = j0
  for (; j + 3 < j1; j += 4) {
    const w0 = wBase + j * n, w1 = w0 + n, w2 = w1 + n, w3 = w2 + n
    let s0 = 0, s1 = 0, s2 = 0, s3 = 0
    for (let l = l0; l < l1; l++) {
      const xv = X[xo + l]!
      s0 += xv * W[w0 + l]!
      s1 += xv * W[w1 + l]!
      s2 += xv * W[w2 + l]!
      s3 += xv * W[w3 + l]!
    }
    acc[j] += s0; acc[j + 1] += s1; acc[j + 2] += s2; acc[j + 3] += s3
  }
  for (; j < j1; j++) {
    const w0 = wBase + j * n
    let s0 = 0
    for (let l = l0; l < l1; l++) s0 += X[xo + l]! * W[w0 + l]!
    acc[j] += s0
  }
}

function computeRow(p: CovDotPlan, X: F, W: F, C: F, i: number, acc: Float64Array, f32: boolean): void {
  const { k, n } = p
  const j0 = p.symmetric ? i : 0
  acc.fill(0)
  const xo = p.x.offset + i * n
  for (let l0 = 0; l0 < n; l0 += BLOCK) rowBlock(X, xo, W, p.w.offset, n, j0, k, l0, Math.min(n, l0 + BLOCK), acc)
  const co = p.c.offset
  for (let j = j0; j < k; j++) {
    let v = acc[j]!
    if (f32) v = Math.fround(Math.fround(v) * p.factor)
    else v *= p.factor
    C[co + i * k + j] = v
    if (p.symmetric) C[co + j * k + i] = v
  }
}

defineUnitKernel<CovDotPlan>('covDot', (p, start, end) => {
  const X = typedView(p.x.buffer, p.x.dtype) as F
  const W = typedView(p.w.buffer, p.w.dtype) as F
  const C = typedView(p.c.buffer, p.c.dtype) as F
  const f32 = p.c.dtype === 'float32'
  const acc = new Float64Array(p.k)
  for (let u = start; u < end; u++) {
    if (p.rows === 0) {
      computeRow(p, X, W, C, u, acc, f32)
      const other = p.k - 1 - u
      if (other !== u) computeRow(p, X, W, C, other, acc, f32)
    } else {
      const r1 = Math.min(p.k, (u + 1) * p.rows)
      for (let i = u * p.rows; i < r1; i++) computeRow(p, X, W, C, i, acc, f32)
    }
  }
})
