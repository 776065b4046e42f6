/**
 * Scan (accumulate) unit kernels: NumPy's `ufunc.accumulate` along one axis, `out[i] = op(out[i-1], x[i])`,
 * strictly in order along each lane, so float results round exactly as NumPy's sequential loop does.
 *
 * Units (ops/scan/plan.ts builds the plan; the unit layout never depends on the thread count):
 *  - 'scanLanes': unit u scans lane-chunks [u·lanesPerUnit, …) completely. A lane-chunk is one outer position
 *    and a range of the inner lane dim; in rows mode (the inner lane dim is closer in memory than the scanned
 *    axis) a chunk is advanced row by row over the axis, otherwise each lane is scanned on its own. Lanes are
 *    independent, so any split gives the same bits.
 *  - 'scanBlocks' (integer loops only, where wrapping arithmetic is associative): a long lane is cut into
 *    fixed blocks; pass 1 scans each block from its own start and returns the block's last value; the driver
 *    folds the totals into per-block offsets; pass 2 ('scanOffsets') combines every element of a block with
 *    its offset. Exact for any split because integer add/multiply (mod 2^bits), and/or/xor, min/max are
 *    associative and commutative.
 *
 * Element values are in the loop dtype. The one mixed case: add into an int64/uint64 loop from a source of a
 * narrower integer or bool dtype, read as numbers and accumulated in two 32-bit halves (no bigint per element).
 */
import { DTYPES, typedView, type DTypeName, type TypedArray } from '../../dtype.js'
import { DTypeError } from '../../errors.js'
import type { ReductionPartial } from '../job.js'
import { defineUnitKernel } from '../units.js'
import { HALF_VALUES, toHalfBits } from '../../float16.js'

/** The binary ufuncs an accumulate runs, by strided name. */
export type ScanOp =
  | 'add' | 'multiply' | 'maximum' | 'minimum' | 'logicalAnd' | 'logicalOr' | 'bitwiseAnd' | 'bitwiseOr' | 'bitwiseXor'

/** Memory of one operand: buffer, dtype, first element (elements). */
export interface ScanMem {
  readonly buffer: SharedArrayBuffer | ArrayBuffer
  readonly dtype: DTypeName
  readonly offset: number
}

/** Everything a scan kernel needs, plain data; strides in elements. */
export interface ScanPlan {
  readonly op: ScanOp
  /** The loop dtype (dst's dtype). */
  readonly loop: DTypeName
  readonly src: ScanMem
  readonly dst: ScanMem
  /** The scanned axis: length and strides. */
  readonly n: number
  readonly sSrc: number
  readonly sDst: number
  /** Outer lane dims (C order, last fastest): lengths and strides. */
  readonly outerShape: readonly number[]
  readonly outerSrc: readonly number[]
  readonly outerDst: readonly number[]
  /** The inner lane dim (length 1 when there is none). */
  readonly innerN: number
  readonly innerSrc: number
  readonly innerDst: number
  /** Advance a chunk of the inner dim row by row (the inner dim is closer in memory than the axis). */
  readonly rows: boolean
  /** Inner elements per lane-chunk, and lane-chunks per outer position. */
  readonly chunk: number
  readonly chunksPerOuter: number
  /** Lane-chunks per unit (scanLanes). */
  readonly lanesPerUnit: number
  /** scanBlocks / scanOffsets: block length along the axis and blocks per lane (lane = one (outer, inner) position). */
  readonly blockLen: number
  readonly blocks: number
  /** scanOffsets: the offset of each unit (block), in the loop dtype's JS form; null for a lane's first block. */
  readonly offsets?: readonly (number | bigint | null)[]
}

const TWO32 = 4294967296

// ------------------------------------------------------------------------------------------------ element ops

/** Writes d[pd] = x[ps] converted to the loop dtype (the first element of a lane). */
type First = (ps: number, pd: number) => void
/** Writes d[pd] = op(d[pq], x[ps]). */
type Step = (ps: number, pq: number, pd: number) => void

interface Ops { first: First; step: Step }

function opsOf(p: ScanPlan): Ops {
  const loop = p.loop
  const lk = DTYPES[loop]
  const sdt = p.src.dtype
  const x = typedView(p.src.buffer, sdt) as unknown as { [i: number]: number }
  const op = p.op
  if (loop === 'float16') return halfOps(p)
  if (lk.kind === 'f') {
    if (loop !== 'float64' && loop !== 'float32') throw new DTypeError(`accumulate: dtype ${loop} is not supported yet`)
    const d = typedView(p.dst.buffer, loop) as Float64Array
    const first: First = (ps, pd) => { d[pd] = x[ps]! }
    switch (op) {
      case 'add': return { first, step: (ps, pq, pd) => { d[pd] = d[pq]! + x[ps]! } }
      case 'multiply': return { first, step: (ps, pq, pd) => { d[pd] = d[pq]! * x[ps]! } }
      case 'maximum': return { first, step: (ps, pq, pd) => { const a = d[pq]!, b = x[ps]!; d[pd] = a > b || a !== a ? a : b } }
      case 'minimum': return { first, step: (ps, pq, pd) => { const a = d[pq]!, b = x[ps]!; d[pd] = a < b || a !== a ? a : b } }
      default: throw new DTypeError(`accumulate: ${op} has no ${loop} loop`)
    }
  }
  if (lk.kind === 'b') {
    const d = typedView(p.dst.buffer, 'bool') as Uint8Array
    const first: First = (ps, pd) => { d[pd] = x[ps]! !== 0 ? 1 : 0 }
    switch (op) {
      case 'add': case 'maximum': case 'logicalOr': case 'bitwiseOr': return { first, step: (ps, pq, pd) => { d[pd] = d[pq]! | x[ps]! } }
      case 'multiply': case 'minimum': case 'logicalAnd': case 'bitwiseAnd': return { first, step: (ps, pq, pd) => { d[pd] = d[pq]! & x[ps]! } }
      case 'bitwiseXor': return { first, step: (ps, pq, pd) => { d[pd] = d[pq]! ^ x[ps]! } }
      default: throw new DTypeError(`accumulate: ${op as string} has no bool loop`)
    }
  }
  if (lk.bigint) {
    if (op === 'add') {
      // two 32-bit halves: lo unsigned, hi wraps at 2^32 when stored
      const dl = new Uint32Array(p.dst.buffer, 0, Math.floor(p.dst.buffer.byteLength / 4))
      const dh = new Int32Array(p.dst.buffer, 0, dl.length)
      if (DTYPES[sdt].bigint) {
        const xl = new Uint32Array(p.src.buffer, 0, Math.floor(p.src.buffer.byteLength / 4))
        const xh = new Int32Array(p.src.buffer, 0, xl.length)
        return {
          first: (ps, pd) => { dl[2 * pd] = xl[2 * ps]!; dh[2 * pd + 1] = xh[2 * ps + 1]! },
          step: (ps, pq, pd) => {
            let lo = dl[2 * pq]! + xl[2 * ps]!
            let c = 0
            if (lo >= TWO32) { lo -= TWO32; c = 1 }
            dl[2 * pd] = lo
            dh[2 * pd + 1] = dh[2 * pq + 1]! + xh[2 * ps + 1]! + c
          },
        }
      }
      return {
        first: (ps, pd) => { const v = x[ps]!; dl[2 * pd] = v; dh[2 * pd + 1] = v < 0 ? -1 : 0 },
        step: (ps, pq, pd) => {
          let lo = dl[2 * pq]! + x[ps]!
          let c = 0
          if (lo >= TWO32) { lo -= TWO32; c = 1 } else if (lo < 0) { lo += TWO32; c = -1 }
          dl[2 * pd] = lo
          dh[2 * pd + 1] = dh[2 * pq + 1]! + c
        },
      }
    }
    if (sdt !== loop) throw new DTypeError(`accumulate: internal: ${op} reads ${sdt} into a ${loop} loop`)
    const d = typedView(p.dst.buffer, loop) as BigInt64Array
    const xb = typedView(p.src.buffer, sdt) as BigInt64Array
    const first: First = (ps, pd) => { d[pd] = xb[ps]! }
    const f = bigOp(op, loop)
    return { first, step: (ps, pq, pd) => { d[pd] = f(d[pq]!, xb[ps]!) } }
  }
  // 8/16/32-bit integers: typed-array stores wrap; products of two 32-bit values go through Math.imul
  if (sdt !== loop) throw new DTypeError(`accumulate: internal: ${op} reads ${sdt} into a ${loop} loop`)
  const d = typedView(p.dst.buffer, loop) as Int32Array
  const first: First = (ps, pd) => { d[pd] = x[ps]! }
  const wide = lk.itemsize === 4
  switch (op) {
    case 'add': return { first, step: (ps, pq, pd) => { d[pd] = d[pq]! + x[ps]! } }
    case 'multiply': return { first, step: wide ? (ps, pq, pd) => { d[pd] = Math.imul(d[pq]!, x[ps]!) } : (ps, pq, pd) => { d[pd] = d[pq]! * x[ps]! } }
    case 'maximum': return { first, step: (ps, pq, pd) => { const a = d[pq]!, b = x[ps]!; d[pd] = a > b ? a : b } }
    case 'minimum': return { first, step: (ps, pq, pd) => { const a = d[pq]!, b = x[ps]!; d[pd] = a < b ? a : b } }
    case 'bitwiseAnd': return { first, step: (ps, pq, pd) => { d[pd] = d[pq]! & x[ps]! } }
    case 'bitwiseOr': return { first, step: (ps, pq, pd) => { d[pd] = d[pq]! | x[ps]! } }
    case 'bitwiseXor': return { first, step: (ps, pq, pd) => { d[pd] = d[pq]! ^ x[ps]! } }
    default: throw new DTypeError(`accumulate: ${op} has no ${loop} loop`)
  }
}

/**
 * float16 loops (src and dst hold half bits): NumPy's half loops compute each step in float32 and round it to half,
 * so every partial is a half; maximum/minimum keep the first operand on ties (npy_half_ge / npy_half_le).
 */
function halfOps(p: ScanPlan): Ops {
  const x = typedView(p.src.buffer, 'float16') as Uint16Array
  const d = typedView(p.dst.buffer, 'float16') as Uint16Array
  const hv = HALF_VALUES
  const fr = Math.fround
  const first: First = (ps, pd) => { d[pd] = x[ps]! }
  switch (p.op) {
    case 'add': return { first, step: (ps, pq, pd) => { d[pd] = toHalfBits(fr(hv[d[pq]!]! + hv[x[ps]!]!)) } }
    case 'multiply': return { first, step: (ps, pq, pd) => { d[pd] = toHalfBits(fr(hv[d[pq]!]! * hv[x[ps]!]!)) } }
    case 'maximum': return { first, step: (ps, pq, pd) => { const a = hv[d[pq]!]!; d[pd] = a >= hv[x[ps]!]! || a !== a ? d[pq]! : x[ps]! } }
    case 'minimum': return { first, step: (ps, pq, pd) => { const a = hv[d[pq]!]!; d[pd] = a <= hv[x[ps]!]! || a !== a ? d[pq]! : x[ps]! } }
    default: throw new DTypeError(`accumulate: ${p.op} has no float16 loop`)
  }
}

/** The op on two 64-bit values (the store into the typed array wraps the result). */
function bigOp(op: ScanOp, loop: DTypeName): (a: bigint, b: bigint) => bigint {
  switch (op) {
    case 'add': return (a, b) => a + b
    case 'multiply': return loop === 'uint64' ? (a, b) => BigInt.asUintN(64, a * b) : (a, b) => BigInt.asIntN(64, a * b)
    case 'maximum': return (a, b) => (a > b ? a : b)
    case 'minimum': return (a, b) => (a < b ? a : b)
    case 'bitwiseAnd': return (a, b) => a & b
    case 'bitwiseOr': return (a, b) => a | b
    case 'bitwiseXor': return (a, b) => a ^ b
    default: throw new DTypeError(`accumulate: ${op} has no ${loop} loop`)
  }
}

// ------------------------------------------------------------------------------------------------ lanes

/** Scan `len` elements of one lane from (ps, pd), strides ss / sd. Hot float64/float32 add loops inline. */
function scanLane(p: ScanPlan, ops: Ops, ps: number, pd: number, len: number): void {
  if (len <= 0) return
  const ss = p.sSrc, sd = p.sDst
  if (p.op === 'add' && (p.loop === 'float64' || p.loop === 'float32') && p.src.dtype === p.loop) {
    if (p.loop === 'float64') {
      const x = typedView(p.src.buffer, 'float64') as Float64Array
      const d = typedView(p.dst.buffer, 'float64') as Float64Array
      let acc = x[ps]!
      d[pd] = acc
      for (let i = 1; i < len; i++) { ps += ss; pd += sd; acc += x[ps]!; d[pd] = acc }
    } else {
      const x = typedView(p.src.buffer, 'float32') as Float32Array
      const d = typedView(p.dst.buffer, 'float32') as Float32Array
      const fr = Math.fround
      let acc = x[ps]!
      d[pd] = acc
      for (let i = 1; i < len; i++) { ps += ss; pd += sd; acc = fr(acc + x[ps]!); d[pd] = acc }
    }
    return
  }
  if (p.op === 'add' && DTYPES[p.loop].bigint && !DTYPES[p.src.dtype].bigint) {
    // int64/uint64 sum of narrow integers: lo/hi halves in registers
    const x = typedView(p.src.buffer, p.src.dtype) as Int32Array
    const dl = new Uint32Array(p.dst.buffer, 0, Math.floor(p.dst.buffer.byteLength / 4))
    const dh = new Int32Array(p.dst.buffer, 0, dl.length)
    // acc is exact (|acc| < 2^52 for 2^20 elements of |x| < 2^32); whole multiples of 2^32 move to hiBase
    // between chunks, so the loop has no data-dependent branch
    let acc = 0, hiBase = 0
    for (let i0 = 0; i0 < len; i0 += 1048576) {
      const i1 = Math.min(len, i0 + 1048576)
      for (let i = i0; i < i1; i++) {
        acc += x[ps]!
        const h = Math.floor(acc / TWO32)
        dl[2 * pd] = acc - h * TWO32
        dh[2 * pd + 1] = h + hiBase
        ps += ss; pd += sd
      }
      const f = Math.floor(acc / TWO32)
      hiBase = (hiBase + f) | 0
      acc -= f * TWO32
    }
    return
  }
  ops.first(ps, pd)
  for (let i = 1; i < len; i++) { ops.step(ps + ss, pd, pd + sd); ps += ss; pd += sd }
}

/** Advance inner elements [j0, j1) row by row along the axis, from row 0 at (ps, pd). */
function scanRows(p: ScanPlan, ops: Ops, ps: number, pd: number, len: number, j0: number, j1: number): void {
  const is = p.innerSrc, id = p.innerDst, ss = p.sSrc, sd = p.sDst
  ps += j0 * is; pd += j0 * id
  const w = j1 - j0
  if (len <= 0 || w <= 0) return
  if (p.op === 'add' && (p.loop === 'float64' || p.loop === 'float32') && p.src.dtype === p.loop) {
    const f32 = p.loop === 'float32'
    const x = typedView(p.src.buffer, p.loop) as Float64Array
    const d = typedView(p.dst.buffer, p.loop) as Float64Array
    for (let j = 0; j < w; j++) d[pd + j * id] = x[ps + j * is]!
    for (let i = 1; i < len; i++) {
      const qs = ps + i * ss, qd = pd + i * sd, qp = qd - sd
      if (f32) {
        const fr = Math.fround
        for (let j = 0; j < w; j++) d[qd + j * id] = fr(d[qp + j * id]! + x[qs + j * is]!)
      } else if (id === 1 && is === 1) {
        for (let j = 0; j < w; j++) d[qd + j] = d[qp + j]! + x[qs + j]!
      } else {
        for (let j = 0; j < w; j++) d[qd + j * id] = d[qp + j * id]! + x[qs + j * is]!
      }
    }
    return
  }
  const { first, step } = ops
  for (let j = 0; j < w; j++) first(ps + j * is, pd + j * id)
  for (let i = 1; i < len; i++) {
    const qs = ps + i * ss, qd = pd + i * sd, qp = qd - sd
    for (let j = 0; j < w; j++) step(qs + j * is, qp + j * id, qd + j * id)
  }
}

/** Start (src, dst) of outer position `o` (flat, C order over outerShape). */
function outerBase(p: ScanPlan, o: number): [number, number] {
  let ps = p.src.offset, pd = p.dst.offset
  for (let k = p.outerShape.length - 1; k >= 0; k--) {
    const n = p.outerShape[k]!
    const i = o % n
    o = (o - i) / n
    ps += i * p.outerSrc[k]!
    pd += i * p.outerDst[k]!
  }
  return [ps, pd]
}

function runLanes(p: ScanPlan, start: number, end: number): void {
  const ops = opsOf(p)
  const t0 = start * p.lanesPerUnit
  let total = p.chunksPerOuter
  for (const n of p.outerShape) total *= n
  const t1 = Math.min(total, end * p.lanesPerUnit)
  for (let t = t0; t < t1; t++) {
    const o = Math.floor(t / p.chunksPerOuter)
    const c = t - o * p.chunksPerOuter
    const [ps, pd] = outerBase(p, o)
    const j0 = c * p.chunk, j1 = Math.min(p.innerN, j0 + p.chunk)
    if (p.rows) scanRows(p, ops, ps, pd, p.n, j0, j1)
    else for (let j = j0; j < j1; j++) scanLane(p, ops, ps + j * p.innerSrc, pd + j * p.innerDst, p.n)
  }
}

// ------------------------------------------------------------------------------------------------ blocks

/** (src, dst, length) of block unit u: lane = (outer position, inner index), then the block along the axis. */
function blockOf(p: ScanPlan, u: number): { ps: number; pd: number; len: number; b: number } {
  const lane = Math.floor(u / p.blocks)
  const b = u - lane * p.blocks
  const o = Math.floor(lane / p.innerN)
  const j = lane - o * p.innerN
  const [ps0, pd0] = outerBase(p, o)
  const lo = b * p.blockLen
  const len = Math.min(p.n, lo + p.blockLen) - lo
  return { ps: ps0 + j * p.innerSrc + lo * p.sSrc, pd: pd0 + j * p.innerDst + lo * p.sDst, len, b }
}

/** The stored value at dst position pd, as a JS number or bigint. */
function readDst(p: ScanPlan, pd: number): number | bigint {
  return (typedView(p.dst.buffer, p.loop) as unknown as { [i: number]: number | bigint })[pd]!
}

function runBlocks(p: ScanPlan, start: number, end: number): ReductionPartial[] {
  const ops = opsOf(p)
  const parts: ReductionPartial[] = []
  for (let u = start; u < end; u++) {
    const { ps, pd, len } = blockOf(p, u)
    scanLane(p, ops, ps, pd, len)
    parts.push(len > 0 ? readDst(p, pd + (len - 1) * p.sDst) : null)
  }
  return parts
}

function runOffsets(p: ScanPlan, start: number, end: number): void {
  const offsets = p.offsets!
  const loop = p.loop
  const big = DTYPES[loop].bigint
  for (let u = start; u < end; u++) {
    const off = offsets[u]
    if (off === null || off === undefined) continue
    const { pd, len } = blockOf(p, u)
    const sd = p.sDst
    if (big && p.op === 'add') {
      const dl = new Uint32Array(p.dst.buffer, 0, Math.floor(p.dst.buffer.byteLength / 4))
      const dh = new Int32Array(p.dst.buffer, 0, dl.length)
      const ob = BigInt.asUintN(64, off as bigint)
      const oLo = Number(ob & 0xffffffffn), oHi = Number(ob >> 32n) | 0
      let q = pd
      for (let i = 0; i < len; i++) {
        let lo = dl[2 * q]! + oLo
        let c = 0
        if (lo >= TWO32) { lo -= TWO32; c = 1 }
        dl[2 * q] = lo
        dh[2 * q + 1] = dh[2 * q + 1]! + oHi + c
        q += sd
      }
      continue
    }
    if (big) {
      const d = typedView(p.dst.buffer, loop) as BigInt64Array
      const f = bigOp(p.op, loop)
      const ov = off as bigint
      let q = pd
      for (let i = 0; i < len; i++) { d[q] = f(ov, d[q]!); q += sd }
      continue
    }
    const d = typedView(p.dst.buffer, loop) as TypedArray as Int32Array
    const ov = off as number
    const wide = DTYPES[loop].itemsize === 4
    let q = pd
    switch (p.op) {
      case 'add': for (let i = 0; i < len; i++) { d[q] = ov + d[q]!; q += sd } break
      case 'multiply':
        if (wide) for (let i = 0; i < len; i++) { d[q] = Math.imul(ov, d[q]!); q += sd }
        else for (let i = 0; i < len; i++) { d[q] = ov * d[q]!; q += sd }
        break
      case 'maximum': for (let i = 0; i < len; i++) { const v = d[q]!; d[q] = ov > v ? ov : v; q += sd } break
      case 'minimum': for (let i = 0; i < len; i++) { const v = d[q]!; d[q] = ov < v ? ov : v; q += sd } break
      case 'bitwiseAnd': for (let i = 0; i < len; i++) { d[q] = ov & d[q]!; q += sd } break
      case 'bitwiseOr': for (let i = 0; i < len; i++) { d[q] = ov | d[q]!; q += sd } break
      case 'bitwiseXor': for (let i = 0; i < len; i++) { d[q] = ov ^ d[q]!; q += sd } break
      default: throw new DTypeError(`accumulate: ${p.op} cannot be split into blocks`)
    }
  }
}

/**
 * Fold block totals (unit order) into per-block offsets: the value every element of block b is combined with
 * (null for a lane's first block), wrapping in the loop dtype.
 */
export function blockOffsets(p: ScanPlan, totals: readonly ReductionPartial[]): (number | bigint | null)[] {
  const loop = p.loop
  const cell = new DTYPES[loop].TypedArray(new ArrayBuffer(8), 0, 1) as unknown as { [i: number]: number | bigint }
  const big = DTYPES[loop].bigint
  const f = big ? bigOp(p.op, loop) : null
  const out: (number | bigint | null)[] = []
  let acc: number | bigint | null = null
  for (let u = 0; u < totals.length; u++) {
    if (u % p.blocks === 0) acc = null
    out.push(acc)
    const t = totals[u] as number | bigint | null
    if (t === null) continue
    if (acc === null) { acc = t; continue }
    if (f !== null) cell[0] = f(acc as bigint, t as bigint)
    else {
      const a = acc as number, b = t as number
      switch (p.op) {
        case 'add': cell[0] = a + b; break
        case 'multiply': cell[0] = DTYPES[loop].itemsize === 4 ? Math.imul(a, b) : a * b; break
        case 'maximum': cell[0] = a > b ? a : b; break
        case 'minimum': cell[0] = a < b ? a : b; break
        case 'bitwiseAnd': cell[0] = a & b; break
        case 'bitwiseOr': cell[0] = a | b; break
        case 'bitwiseXor': cell[0] = a ^ b; break
        default: throw new DTypeError(`accumulate: ${p.op} cannot be split into blocks`)
      }
    }
    acc = cell[0]!
  }
  return out
}

defineUnitKernel<ScanPlan>('scanLanes', (p, start, end) => { runLanes(p, start, end) })
defineUnitKernel<ScanPlan>('scanBlocks', (p, start, end) => runBlocks(p, start, end))
defineUnitKernel<ScanPlan>('scanOffsets', (p, start, end) => { runOffsets(p, start, end) })
