/**
 * Iteration over a "box" of a reduction plan (the whole plan, or a unit's slice of it) for the row-oriented
 * kernels (everything except the pairwise float sums, which walk blocks, see sum.ts).
 *
 * Two shapes of inner loop, chosen by whether the innermost iteration dim is reduced:
 *  - row:  the innermost dim is reduced: fold a row of n elements (stride s) into accumulator slot o;
 *  - rows: the innermost dim is kept (an outer-axis reduction): add R consecutive rows (R > 1 when the next dim
 *          is reduced, rows rs apart) element by element into slots o + j·os. Kernels walk rows, never columns,
 *          and process several rows per load/store of the accumulator row where order allows.
 * Both get the flat "index" of their first element for argmin/argmax (idx + j·idxStep within a row,
 * idx + r·idxRowStep across rows); the fused variance kernels use the same slots for offsets into the mean.
 */
import type { TypedArray } from '../../dtype.js'

/** Accumulators for M outputs. Meaning of the fields depends on the kernel class. */
export interface Acc {
  /** Main value per output. */
  f: Float64Array
  /** Second value per output (argmin/argmax index, the high half of an int64 product), or null. */
  g: Float64Array | null
  /** bigint per output (int64 min/max/arg values, flushed integer-sum totals), or null. */
  big: bigint[] | null
}

/** The high-word view for int64/uint64 "halves" kernels (x is then the Uint32Array low view; element p at
 *  x[2p] and hi[2p+1]). Set by the driver before a walk; module state, one per thread. */
export const halves: { hi: Int32Array | Uint32Array } = { hi: new Int32Array(0) }

/** The mean array for fused variance kernels (set by the driver before a walk; module state, one per thread).
 *  Its offsets travel in the walker's "index" slots (plan.sIdx holds the mean's strides). */
export const devState: { m: Float64Array | Float32Array } = { m: new Float64Array(0) }

export function newAcc(m: number, withG: boolean, withBig: boolean): Acc {
  return { f: new Float64Array(Math.max(m, 1)), g: withG ? new Float64Array(Math.max(m, 1)) : null, big: withBig ? new Array<bigint>(Math.max(m, 1)).fill(0n) : null }
}

/** A region of the iteration space: dims innermost first, accumulator strides dense over its kept dims. */
export interface Box {
  n: number[]
  sIn: number[]
  sAcc: number[]
  sIdx: number[]
  red: boolean[]
  inOff: number
  idxOff: number
}

export type RowFn<X> = (x: X, off: number, n: number, s: number, acc: Acc, o: number, idx: number, idxStep: number) => void
export type RowsFn<X> = (x: X, off: number, n: number, s: number, R: number, rs: number, acc: Acc, o: number, os: number, idx: number, idxRowStep: number, idxStep: number) => void
export type Walker<X> = (x: X, box: Box, acc: Acc) => void

/**
 * A walker bound to one kernel's row functions. Every registry entry makes its own walker, so each call site
 * stays monomorphic in V8.
 */
export function makeWalker<X extends TypedArray>(row: RowFn<X>, rows: RowsFn<X>): Walker<X> {
  return function walk(x: X, box: Box, acc: Acc): void {
    const n = box.n, sIn = box.sIn, sAcc = box.sAcc, sIdx = box.sIdx
    const nd = n.length
    const n0 = n[0]!, s0 = sIn[0]!, a0 = sAcc[0]!, x0 = sIdx[0]!
    const elementwise = !box.red[0]
    const plane = elementwise && nd >= 2 && box.red[1]!
    const first = plane ? 2 : 1
    let total = 1
    for (let k = first; k < nd; k++) total *= n[k]!
    if (n0 === 0 || total === 0 || (plane && n[1] === 0)) return
    const R = plane ? n[1]! : 1
    const rs = plane ? sIn[1]! : 0
    const ri = plane ? sIdx[1]! : 0
    const cnt = new Array<number>(nd).fill(0)
    let inOff = box.inOff, accOff = 0, idx = box.idxOff
    for (let t = 0; t < total; t++) {
      if (elementwise) rows(x, inOff, n0, s0, R, rs, acc, accOff, a0, idx, ri, x0)
      else row(x, inOff, n0, s0, acc, accOff, idx, x0)
      for (let k = first; k < nd; k++) {
        cnt[k]!++
        inOff += sIn[k]!; accOff += sAcc[k]!; idx += sIdx[k]!
        if (cnt[k]! < n[k]!) break
        const nk = n[k]!
        inOff -= sIn[k]! * nk; accOff -= sAcc[k]! * nk; idx -= sIdx[k]! * nk
        cnt[k] = 0
      }
    }
  }
}

/** Dense accumulator strides (innermost first) over the kept dims of a box; reduced dims get 0. */
export function denseAccStrides(n: readonly number[], red: readonly boolean[]): { sAcc: number[]; m: number } {
  const sAcc = new Array<number>(n.length).fill(0)
  let m = 1
  for (let k = 0; k < n.length; k++) {
    if (red[k]) continue
    sAcc[k] = m
    m *= n[k]!
  }
  return { sAcc, m }
}

/** Visit every kept position of a box: fn(accSlot, resultOffset). */
export function forEachOutput(n: readonly number[], red: readonly boolean[], sAcc: readonly number[], sRes: readonly number[], resOff: number, fn: (o: number, r: number) => void): void {
  const kept: number[] = []
  for (let k = 0; k < n.length; k++) if (!red[k]) kept.push(k)
  let total = 1
  for (const k of kept) total *= n[k]!
  if (total === 0) return
  const cnt = new Array<number>(kept.length).fill(0)
  let o = 0, r = resOff
  for (let t = 0; t < total; t++) {
    fn(o, r)
    for (let j = 0; j < kept.length; j++) {
      const k = kept[j]!
      cnt[j]!++
      o += sAcc[k]!; r += sRes[k]!
      if (cnt[j]! < n[k]!) break
      o -= sAcc[k]! * n[k]!; r -= sRes[k]! * n[k]!
      cnt[j] = 0
    }
  }
}
