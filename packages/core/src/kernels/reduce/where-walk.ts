/**
 * The kernel of float sums and products with NumPy's `initial`/`where` (ops/reduce-where.ts prepares it): walk
 * every element in NumPy's iteration order, per pairwise block `acc = acc + PW(run)` for each run of selected
 * elements (products: `acc = acc * x` element by element), then divide means/var/std by their counts. The fold is
 * sequential in each output, so a job is one unit, run on a worker by the Runtime (the event loop stays free).
 */
import type { ArrayDescriptor } from '../../descriptor.js'
import type { DTypeName } from '../../dtype.js'
import { typedView } from '../../dtype.js'
import { pairwiseSum32, pairwiseSum32Strided, pairwiseSum64, pairwiseSum64Strided } from './pairwise.js'
import type { Dims } from './reduce-plan.js'

/** The input: its memory, dtype and first element. */
export interface WalkInput { readonly buffer: SharedArrayBuffer | ArrayBuffer; readonly dtype: DTypeName; readonly offset: number }
/** The bool mask: its memory and first element. */
export interface WalkMask { readonly buffer: SharedArrayBuffer | ArrayBuffer; readonly offset: number }

/** Plan of a 'whereWalk' reduction job. */
export interface WhereWalkPlan {
  readonly mode: 'whereWalk'
  readonly cls: 'pw' | 'fseq'
  readonly loop: DTypeName
  readonly a: WalkInput
  readonly size: number
  readonly mask: WalkMask | null
  readonly dims: Dims
  readonly q: number
  readonly B: number
  /** Outputs, and the result (loop dtype, laid out densely in the walk's output order). */
  readonly M: number
  readonly result: WalkMask
  readonly init: number
  /** mean/var/std: divide by the selected count minus ddof, then sqrt for std. */
  readonly post: { readonly ddof: number; readonly sqrt: boolean } | null
  /** The result as an array (its shape and strides: var/std read it as their mean). */
  readonly resultArray: ArrayDescriptor
  /**
   * var/std: first the masked mean (its own walk, keepdims), then x = (a − mean)² into x (dtype xd, laid out like
   * a), NumPy's _var; this plan then walks x.
   */
  readonly deviations: { readonly mean: WhereWalkPlan; readonly a: ArrayDescriptor; readonly m: ArrayDescriptor; readonly x: ArrayDescriptor; readonly xd: DTypeName } | null
}

/** Run a 'whereWalk' plan: the outputs are written to the result. */
export function runWhereWalk(p: WhereWalkPlan): void {
  if (p.deviations !== null) {
    runWhereWalk(p.deviations.mean)
    squaredDeviations(p.deviations.a, p.deviations.m, p.deviations.x, p.deviations.xd)
  }
  const M = p.M
  const acc = new Float64Array(Math.max(M, 1))
  const cnt = p.post !== null ? new Float64Array(Math.max(M, 1)) : null
  acc.fill(p.init)
  if (p.size > 0) walk(p, p.a, p.mask, p.dims, p.q, p.B, acc, cnt)
  // post-processing in float64, then the result dtype's rounding
  const rd = typedView(p.result.buffer, p.loop) as Float64Array
  const f32 = p.loop === 'float32'
  for (let o = 0; o < M; o++) {
    let v = acc[o]!
    if (p.post !== null) {
      v = v / Math.max(cnt![o]! - p.post.ddof, 0)
      if (f32) v = Math.fround(v)
      if (p.post.sqrt) v = Math.sqrt(v)
    }
    rd[p.result.offset + o] = v
  }
}

/** x = (a − m)² in dtype xd (NumPy's arr - arrmean, then x*x in place); m broadcasts over a's reduced axes. */
function squaredDeviations(a: ArrayDescriptor, m: ArrayDescriptor, x: ArrayDescriptor, xd: DTypeName): void {
  const nd = a.shape.length
  const shape = a.shape
  let size = 1
  for (const n of shape) size *= n
  const xa = typedView(a.buffer, a.dtype) as unknown as { [i: number]: number | bigint }
  const xm = typedView(m.buffer, m.dtype) as Float64Array
  const xo = typedView(x.buffer, xd) as Float64Array
  const f32 = xd === 'float32'
  const idx = new Array<number>(nd).fill(0)
  const ms = m.strides.map((s, k) => (m.shape[k] === 1 ? 0 : s))
  for (let t = 0; t < size; t++) {
    let pa = a.offset, pm = m.offset, px = x.offset
    for (let k = 0; k < nd; k++) { pa += idx[k]! * a.strides[k]!; pm += idx[k]! * ms[k]!; px += idx[k]! * x.strides[k]! }
    const av = a.dtype === 'bool' ? Number(xa[pa]) : Number(xa[pa]!)
    let mv = xm[pm]!
    let d: number
    if (f32) { mv = Math.fround(mv); d = Math.fround(Math.fround(av) - mv); d = Math.fround(d * d) } else { d = av - mv; d = d * d }
    xo[px] = d
    for (let k = nd - 1; k >= 0; k--) { if (++idx[k]! < shape[k]!) break; idx[k] = 0 }
  }
}

let scratch64 = new Float64Array(8192)
let scratch32 = new Float32Array(8192)
let scratchM = new Uint8Array(8192)

/** Walk every element in NumPy's iteration order (dims innermost first), folding selected ones into acc. */
function walk(c: { cls: 'pw' | 'fseq'; loop: DTypeName }, a: WalkInput, mask: WalkMask | null, dims: Dims, q: number, B: number, acc: Float64Array, cnt: Float64Array | null): void {
  const n = dims.n, sIn = dims.sIn, sRes = dims.sRes, sM = dims.sIdx
  const nd = n.length
  const f32 = c.loop === 'float32'
  const fr = Math.fround
  const src = typedView(a.buffer, a.dtype) as unknown as { [i: number]: number | bigint }
  const numeric = a.dtype !== 'int64' && a.dtype !== 'uint64'
  const md = mask === null ? null : (typedView(mask.buffer, 'bool') as Uint8Array)
  const conv = (v: number | bigint): number => { const x = numeric ? (v as number) : Number(v); return f32 ? fr(x) : x }
  let slab = 1
  for (let k = 0; k < q; k++) slab *= n[k]!
  let outer = 1
  for (let k = q; k < nd; k++) outer *= n[k]!
  const chunks = q === 0 ? 1 : Math.ceil(slab / B)
  const idx = new Array<number>(nd).fill(0)
  let pin = a.offset, pm = mask === null ? 0 : mask.offset, pr = 0
  for (let p = 0; p < outer; p++) {
    if (q === 0) {
      // one element per step, in iteration order
      if (md === null || md[pm] !== 0) {
        const x = conv(src[pin]!)
        if (c.cls === 'fseq') acc[pr] = f32 ? fr(acc[pr]! * x) : acc[pr]! * x
        else acc[pr] = f32 ? fr(acc[pr]! + x) : acc[pr]! + x
        if (cnt !== null) cnt[pr]!++
      }
    } else if (q === 1 && a.dtype === c.loop) {
      // one strided run per block, read in place: the runs of the mask go straight to PW
      const x = src as unknown as Float64Array
      const s0 = sIn[0]!, m0 = sM[0]!
      for (let ch = 0; ch < chunks; ch++) {
        const c0 = ch * B
        const len = Math.min(slab, c0 + B) - c0
        const e0 = pin + c0 * s0
        if (md === null) {
          const v = f32 ? pairwiseSum32Strided(x as unknown as Float32Array, e0, len, s0) : pairwiseSum64Strided(x, e0, len, s0)
          acc[pr] = f32 ? fr(acc[pr]! + v) : acc[pr]! + v
          if (cnt !== null) cnt[pr]! += len
          continue
        }
        const mm0 = pm + c0 * m0
        let t = 0
        while (t < len) {
          if (md[mm0 + t * m0] === 0) { t++; continue }
          let u = t + 1
          while (u < len && md[mm0 + u * m0] !== 0) u++
          const k = u - t
          let v: number
          if (k < 8) {
            // PW of fewer than 8 elements: in order from -0.0
            v = -0.0
            if (f32) for (let j = t; j < u; j++) v = fr(v + x[e0 + j * s0]!)
            else for (let j = t; j < u; j++) v += x[e0 + j * s0]!
          } else v = f32 ? pairwiseSum32Strided(x as unknown as Float32Array, e0 + t * s0, k, s0) : pairwiseSum64Strided(x, e0 + t * s0, k, s0)
          acc[pr] = f32 ? fr(acc[pr]! + v) : acc[pr]! + v
          if (cnt !== null) cnt[pr]! += k
          t = u
        }
      }
    } else {
      for (let ch = 0; ch < chunks; ch++) {
        const c0 = ch * B
        const len = Math.min(slab, c0 + B) - c0
        if (scratch64.length < len) { scratch64 = new Float64Array(len); scratch32 = new Float32Array(len); scratchM = new Uint8Array(len) }
        // gather the block (values in the loop dtype) and its mask, innermost first
        const sc = f32 ? scratch32 : scratch64
        const sub = new Array<number>(q).fill(0)
        let rem = c0
        for (let k = 0; k < q; k++) { sub[k] = rem % n[k]!; rem = Math.floor(rem / n[k]!) }
        let e = pin, em = pm
        for (let k = 0; k < q; k++) { e += sub[k]! * sIn[k]!; em += sub[k]! * sM[k]! }
        for (let t = 0; t < len; t++) {
          sc[t] = conv(src[e]!)
          scratchM[t] = md === null ? 1 : md[em]!
          // advance the sub-index
          for (let k = 0; k < q; k++) {
            e += sIn[k]!; em += sM[k]!
            if (++sub[k]! < n[k]!) break
            e -= sIn[k]! * n[k]!; em -= sM[k]! * n[k]!
            sub[k] = 0
          }
        }
        // runs of selected elements: acc = acc + PW(run)
        let t = 0
        while (t < len) {
          if (scratchM[t] === 0) { t++; continue }
          let u = t + 1
          while (u < len && scratchM[u] !== 0) u++
          const v = f32 ? pairwiseSum32(scratch32, t, u - t) : pairwiseSum64(scratch64, t, u - t)
          acc[pr] = f32 ? fr(acc[pr]! + v) : acc[pr]! + v
          if (cnt !== null) cnt[pr]! += u - t
          t = u
        }
      }
    }
    // next outer position (dims q.. innermost first)
    for (let k = q; k < nd; k++) {
      pin += sIn[k]!; pm += sM[k]!; pr += sRes[k]!
      if (++idx[k]! < n[k]!) break
      pin -= sIn[k]! * n[k]!; pm -= sM[k]! * n[k]!; pr -= sRes[k]! * n[k]!
      idx[k] = 0
    }
  }
}
