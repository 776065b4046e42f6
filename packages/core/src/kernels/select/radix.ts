/**
 * Parallel selection in one long lane (the 1-d median of 1e7): a radix select on the order-preserving 16-bit
 * prefix of each element's bits (floats: sign flipped / bits complemented; ints: sign bit flipped).
 *
 *  1. 'radixHist': unit u counts the prefixes of its fixed chunk of the lane into its own row of 65536 bins
 *     (+1 for NaNs). The driver sums the rows and finds the bin holding each wanted rank.
 *  2. 'radixGather': unit u copies the elements of its chunk that fall in a wanted bin to fixed offsets (known from
 *     the rows of step 1), so the candidates of each bin are contiguous, in chunk order.
 *  3. The driver selects the ranks inside each bin's candidates (kernels/select/select.ts).
 *
 * The bin order is NumPy's value order (NaNs counted apart, last), except that -0 sorts before +0 (equal values,
 * either is a valid kth). Every unit count depends only on the lane length, so results are exact and the same
 * for any thread count.
 */
import type { DTypeName } from '../../dtype.js'
import { typedView } from '../../dtype.js'
import { DTypeError } from '../../errors.js'
import { defineUnitKernel } from '../units.js'
import type { Mem } from './lanes.js'

/** Bins of the prefix histogram (one more per row counts NaNs). */
export const RADIX_BINS = 65536

/** Dtypes the radix path handles. */
export const RADIX_DTYPES: readonly DTypeName[] = ['float64', 'float32', 'int8', 'uint8', 'int16', 'uint16', 'int32', 'uint32', 'int64', 'uint64']

/** A flat lane: element j at offset + j·stride of src. */
export interface FlatLane {
  readonly src: Mem
  readonly offset: number
  readonly stride: number
  readonly n: number
  /** Elements per unit (the last unit may have fewer). */
  readonly chunk: number
}

/** Plan of 'radixHist'. */
export interface RadixHistPlan extends FlatLane {
  /** int32 rows of RADIX_BINS + 1 counts, one row per unit, from element histOffset (zeroed). */
  readonly hist: Mem
  readonly histOffset: number
}

/** Plan of 'radixGather'. */
export interface RadixGatherPlan extends FlatLane {
  /** The wanted bins, ascending. */
  readonly bins: readonly number[]
  /** offsets[u·bins.length + t]: where unit u writes its first element of bins[t] in dst. */
  readonly offsets: readonly number[]
  /** Candidates, the input's dtype, from element dstOffset. */
  readonly dst: Mem
  readonly dstOffset: number
}

/** Plan of 'radixScatter' (partition): every element not in a wanted bin to its region, NaNs last. */
export interface RadixScatterPlan extends FlatLane {
  /** The wanted bins, ascending (their elements are skipped: the driver writes their selected candidates). */
  readonly bins: readonly number[]
  /** offsets[u·(bins.length+2) + r]: unit u's first position in region r (r = bins.length + 1: NaNs). */
  readonly offsets: readonly number[]
  /** The result lane: position i at outOffset + i·outStride. */
  readonly out: Mem
  readonly outOffset: number
  readonly outStride: number
}

/** The 16-bit order-preserving prefix of element e (NaN: -1); `w` is a Uint32Array view, `v` the typed view. */
type KeyFn = (e: number) => number

function keyFn(dt: DTypeName, buffer: ArrayBufferLike): KeyFn {
  const w = new Uint32Array(buffer, 0, buffer.byteLength >>> 2)
  switch (dt) {
    case 'float64': {
      const v = typedView(buffer, dt) as Float64Array
      return (e) => {
        const x = v[e]!
        if (x !== x) return -1
        const hi = w[2 * e + 1]!
        return hi >= 0x80000000 ? (~hi >>> 16) & 0xffff : (hi >>> 16) | 0x8000
      }
    }
    case 'float32': {
      const v = typedView(buffer, dt) as Float32Array
      return (e) => {
        const x = v[e]!
        if (x !== x) return -1
        const hi = w[e]!
        return hi >= 0x80000000 ? (~hi >>> 16) & 0xffff : (hi >>> 16) | 0x8000
      }
    }
    case 'int64': return (e) => (w[2 * e + 1]! >>> 16) ^ 0x8000
    case 'uint64': return (e) => w[2 * e + 1]! >>> 16
    case 'int32': { const v = typedView(buffer, dt) as Int32Array; return (e) => (v[e]! >>> 16) ^ 0x8000 }
    case 'uint32': { const v = typedView(buffer, dt) as Uint32Array; return (e) => v[e]! >>> 16 }
    case 'int16': { const v = typedView(buffer, dt) as Int16Array; return (e) => v[e]! + 32768 }
    case 'uint16': { const v = typedView(buffer, dt) as Uint16Array; return (e) => v[e]! }
    case 'int8': { const v = typedView(buffer, dt) as Int8Array; return (e) => v[e]! + 128 }
    case 'uint8': { const v = typedView(buffer, dt) as Uint8Array; return (e) => v[e]! }
    default: throw new DTypeError(`radix select: unsupported dtype ${dt}`)
  }
}

/**
 * The hot float64 histogram loop: one load of the high word per element; only the prefixes that can hold an
 * infinity or a NaN (0x0000-0x000F, 0xFFF0-0xFFFF) look at the value.
 */
function histF64(buffer: ArrayBufferLike, offset: number, stride: number, j0: number, j1: number, h: Int32Array, row: number): void {
  const v = typedView(buffer, 'float64') as Float64Array
  const w = new Int32Array(buffer, 0, buffer.byteLength >>> 2)
  const nanBin = row + RADIX_BINS
  let e = 2 * (offset + j0 * stride) + 1
  const step = 2 * stride
  for (let j = j0; j < j1; j++, e += step) {
    const hi = w[e]!
    const k = hi < 0 ? (~hi >>> 16) : (hi >>> 16) | 0x8000
    if (k <= 0xf || k >= 0xfff0) {
      const x = v[(e - 1) >> 1]!
      if (x !== x) { h[nanBin]!++; continue }
    }
    h[row + k]!++
  }
}

/** The float64 gather loop (as histF64). */
function gatherF64(buffer: ArrayBufferLike, offset: number, stride: number, j0: number, j1: number, slot: Int32Array, pos: number[], dv: Float64Array, dstOffset: number): void {
  const v = typedView(buffer, 'float64') as Float64Array
  const w = new Int32Array(buffer, 0, buffer.byteLength >>> 2)
  let e = offset + j0 * stride
  for (let j = j0; j < j1; j++, e += stride) {
    const hi = w[2 * e + 1]!
    const k = hi < 0 ? (~hi >>> 16) : (hi >>> 16) | 0x8000
    const t = slot[k]!
    if (t < 0) continue
    const x = v[e]!
    if (x !== x) continue
    dv[dstOffset + pos[t]!++] = x
  }
}

defineUnitKernel<RadixHistPlan>('radixHist', (plan, start, end) => {
  const h = typedView(plan.hist.buffer, 'int32') as Int32Array
  const key = plan.src.dtype === 'float64' ? null : keyFn(plan.src.dtype, plan.src.buffer)
  for (let u = start; u < end; u++) {
    const j0 = u * plan.chunk
    const j1 = Math.min(plan.n, j0 + plan.chunk)
    const row = plan.histOffset + u * (RADIX_BINS + 1)
    if (key === null) { histF64(plan.src.buffer, plan.offset, plan.stride, j0, j1, h, row); continue }
    let e = plan.offset + j0 * plan.stride
    for (let j = j0; j < j1; j++, e += plan.stride) {
      const k = key(e)
      h[row + (k < 0 ? RADIX_BINS : k)]!++
    }
  }
})

defineUnitKernel<RadixGatherPlan>('radixGather', (plan, start, end) => {
  const key = keyFn(plan.src.dtype, plan.src.buffer)
  const T = plan.bins.length
  // bin -> target slot
  const slot = new Int32Array(RADIX_BINS).fill(-1)
  plan.bins.forEach((b, t) => { slot[b] = t })
  const wide = plan.src.dtype === 'int64' || plan.src.dtype === 'uint64'
  const sw = new Uint32Array(plan.src.buffer, 0, plan.src.buffer.byteLength >>> 2)
  const dw = new Uint32Array(plan.dst.buffer, 0, plan.dst.buffer.byteLength >>> 2)
  const sv = typedView(plan.src.buffer, plan.src.dtype) as Float64Array
  const dv = typedView(plan.dst.buffer, plan.dst.dtype) as Float64Array
  const pos = new Array<number>(T)
  for (let u = start; u < end; u++) {
    for (let t = 0; t < T; t++) pos[t] = plan.offsets[u * T + t]!
    const j0 = u * plan.chunk
    const j1 = Math.min(plan.n, j0 + plan.chunk)
    if (plan.src.dtype === 'float64') { gatherF64(plan.src.buffer, plan.offset, plan.stride, j0, j1, slot, pos, dv, plan.dstOffset); continue }
    let e = plan.offset + j0 * plan.stride
    for (let j = j0; j < j1; j++, e += plan.stride) {
      const k = key(e)
      if (k < 0) continue
      const t = slot[k]!
      if (t < 0) continue
      const p = plan.dstOffset + pos[t]!++
      if (wide) { dw[2 * p] = sw[2 * e]!; dw[2 * p + 1] = sw[2 * e + 1]! } else dv[p] = sv[e]!
    }
  }
})

defineUnitKernel<RadixScatterPlan>('radixScatter', (plan, start, end) => {
  const key = keyFn(plan.src.dtype, plan.src.buffer)
  const T = plan.bins.length
  const R = T + 2
  // bin -> region (-1: a wanted bin)
  const region = new Int32Array(RADIX_BINS)
  let r = 0
  for (let b = 0, t = 0; b < RADIX_BINS; b++) {
    if (t < T && plan.bins[t] === b) { region[b] = -1; t++; r++ } else region[b] = r
  }
  const wide = plan.src.dtype === 'int64' || plan.src.dtype === 'uint64'
  const sw = new Uint32Array(plan.src.buffer, 0, plan.src.buffer.byteLength >>> 2)
  const ow = new Uint32Array(plan.out.buffer, 0, plan.out.buffer.byteLength >>> 2)
  const sv = typedView(plan.src.buffer, plan.src.dtype) as Float64Array
  const ov = typedView(plan.out.buffer, plan.out.dtype) as Float64Array
  const pos = new Array<number>(R)
  const os = plan.outStride
  for (let u = start; u < end; u++) {
    for (let q = 0; q < R; q++) pos[q] = plan.offsets[u * R + q]!
    const j0 = u * plan.chunk
    const j1 = Math.min(plan.n, j0 + plan.chunk)
    let e = plan.offset + j0 * plan.stride
    for (let j = j0; j < j1; j++, e += plan.stride) {
      const k = key(e)
      const q = k < 0 ? T + 1 : region[k]!
      if (q < 0) continue
      const p = plan.outOffset + pos[q]!++ * os
      if (wide) { ow[2 * p] = sw[2 * e]!; ow[2 * p + 1] = sw[2 * e + 1]! } else ov[p] = sv[e]!
    }
  }
})
