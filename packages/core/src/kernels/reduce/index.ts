/**
 * The reduction driver shared by the inline path and the worker pool (contract: kernels/job.ts).
 *
 *   runReductionUnits(job, start, end) → one ReductionPartial per unit in [start, end), always end − start entries
 *   finishReduction(job, partials)     → combines all partials (concatenated in unit order) and writes the result
 *
 * A job (built by prepareReduction in ops/reductions.ts) is plain data: job.plan is a ReducePlan (reduce-plan.ts)
 * holding the input's buffer (a SharedArrayBuffer is shared, not copied, when posted), the result's descriptor,
 * the iteration dims and the unit layout. Units are a function of the plan only, never of the thread count;
 * `elementsPerUnit` (N / units) and `cost` (per element, relative to a float64 add = 1; a float64 sum is 0.25) size the work for inline-vs-parallel
 * decisions. Units of one job may run on any threads, in any order, any number of ranges per thread.
 *
 * Partials by mode (plan.mode; job.unitsWriteOutput is true for output/empty):
 *  - output:   null for every unit (units wrote their outputs into the result buffer).
 *  - partials: the first unit of a call returns the merged partial of the whole range [start, end), the others
 *              null (order-free ops: merging is exact). Per output: isum/iprod a bigint (exact total / uint64
 *              bits), minmax a number or bigint, logic 0/1, arg [value, index] flattened: [v0, i0, v1, i1, …].
 *  - pwGroups: the first unit of a call returns the PW values of all blocks of [start, end) in block order,
 *              the others null; finish walks the block grid consuming values in order.
 *  - pwLeaves: one number per unit: the PW value of that leaf; finish recombines leaves along PW's tree.
 *  - empty:    no units; finish writes the identity (sum 0, prod 1, any false, all true; mean → NaN).
 * Running all units on one thread and finishing gives exactly what any split across threads gives.
 */
import type { ReductionJob, ReductionPartial } from '../job.js'
import { DTYPES, typedView, type DTypeName, type TypedArray } from '../../dtype.js'
import { roundToHalf } from '../../float16.js'
import { argTake, argTakeBig } from './arg.js'
import { maxF, minF } from './minmax.js'
import { pwCombine, pwLeaves } from './pairwise.js'
import { mulU64, prodBits } from './prod.js'
import { PW_LEAF, type ReducePlan } from './reduce-plan.js'
import { rowWalker } from './registry.js'
import { intTotal, pwBlock, pwSource, walkPwBlocks, outerPosition, type PwGrid } from './sum.js'
import { denseAccStrides, devState, forEachOutput, halves, newAcc, type Acc, type Box } from './walk.js'
import { runWhereWalk, type WhereWalkPlan } from './where-walk.js'

export { pairwiseSum32, pairwiseSum32Strided, pairwiseSum64, pairwiseSum64Strided, pwLeaves, pwCombine, pwSplit } from './pairwise.js'
export * from './reduce-plan.js'

type Value = number | bigint

function planOf(job: ReductionJob): ReducePlan {
  return job.plan as ReducePlan
}

// ------------------------------------------------------------------------------------------------ boxes

/** The plan's dims as a box, with dim `d` restricted to [lo, hi) (d = -1: everything). */
function boxOf(p: ReducePlan, d: number, lo: number, hi: number): { box: Box; resOff: number; m: number } {
  const n = [...p.n]
  let inOff = p.inOffset, idxOff = p.idxOffset, resOff = p.resOffset
  if (d >= 0) {
    n[d] = hi - lo
    inOff += lo * p.sIn[d]!
    idxOff += lo * p.sIdx[d]!
    resOff += lo * p.sRes[d]!
  }
  const { sAcc, m } = denseAccStrides(n, p.red)
  return { box: { n, sIn: [...p.sIn], sAcc, sIdx: [...p.sIdx], red: [...p.red], inOff, idxOff }, resOff, m }
}

function blockCount(box: Box, q: number, B: number): number {
  let slab = 1
  for (let k = 0; k < q; k++) slab *= box.n[k]!
  let outer = 1
  for (let k = q; k < box.n.length; k++) outer *= box.n[k]!
  return slab === 0 ? 0 : outer * Math.ceil(slab / B)
}

// ------------------------------------------------------------------------------------------------ accumulators

function isBigDtype(dt: DTypeName): boolean { return dt === 'int64' || dt === 'uint64' }

function makeAcc(p: ReducePlan, m: number): Acc {
  const big = isBigDtype(p.input.dtype)
  switch (p.cls) {
    case 'pw': return newAcc(m, false, false)
    case 'fseq': { const a = newAcc(m, false, false); a.f.fill(1); return a }
    case 'isum': return newAcc(m, false, false)
    case 'iprod': { const a = newAcc(m, true, false); a.f.fill(1); return a }
    case 'logic': { const a = newAcc(m, false, false); if (p.op === 'all') a.f.fill(1); return a }
    case 'minmax': {
      const a = newAcc(m, false, big)
      if (big) {
        const d = DTYPES[p.input.dtype]
        a.big!.fill((p.op === 'max' ? d.min : d.max) as bigint)
      } else a.f.fill(p.op === 'max' ? -Infinity : Infinity)
      return a
    }
    case 'arg': { const a = newAcc(m, true, big); a.g!.fill(-1); return a }
  }
}

/** Compute the accumulators of a box (all its elements). */
function gridOf(p: ReducePlan): PwGrid {
  const dev = p.dev === null ? null : { m: typedView(p.dev.buffer, p.dev.dtype) as Float64Array | Float32Array, x32: p.dev.x32 }
  return { src: pwSource(typedView(p.input.buffer, p.input.dtype), p.input.dtype), loop32: p.loopDtype === 'float32', half: p.halfAcc === true, q: p.q, B: p.B, dev }
}

function computeBox(p: ReducePlan, box: Box, acc: Acc): void {
  const x = typedView(p.input.buffer, p.input.dtype)
  const dt = p.input.dtype
  if (p.cls === 'pw' && p.q > 0) {
    walkPwBlocks(gridOf(p), box, 0, blockCount(box, p.q, p.B), acc, null)
    return
  }
  if (p.dev !== null) devState.m = typedView(p.dev.buffer, p.dev.dtype) as Float64Array | Float32Array
  const walk = rowWalker(p.cls, p.op, dt, p.loopDtype, p.dev, p.halfAcc === true)
  if (isBigDtype(dt)) {
    if (p.cls === 'isum') {
      // sum of int64 = Σ low words + 2^32 · Σ high words (mod 2^64): two 32-bit passes
      const lo = new Uint32Array(p.input.buffer, 0, Math.floor(p.input.buffer.byteLength / 4))
      const hiv = new Int32Array(p.input.buffer, 0, lo.length)
      const box2 = { ...box, sIn: box.sIn.map((s) => 2 * s), inOff: 2 * box.inOff }
      const accHi = newAcc(acc.f.length, false, false)
      walk(lo, box2, acc)
      rowWalker('isum', p.op, 'int32', p.loopDtype)(hiv, { ...box2, inOff: box2.inOff + 1 }, accHi)
      // fold the high totals into acc.big as exact totals
      if (acc.big === null) acc.big = new Array<bigint>(acc.f.length).fill(0n)
      for (let o = 0; o < acc.f.length; o++) {
        acc.big[o] = intTotal(acc, o) + (intTotal(accHi, o) << 32n)
        acc.f[o] = 0
      }
      return
    }
    if (p.cls === 'pw' || p.cls === 'fseq' || p.cls === 'iprod') {
      // halves kernels: x is the low-word view, high words from halves.hi
      const words = Math.floor(p.input.buffer.byteLength / 4)
      halves.hi = dt === 'int64' ? new Int32Array(p.input.buffer, 0, words) : new Uint32Array(p.input.buffer, 0, words)
      walk(new Uint32Array(p.input.buffer, 0, words), box, acc)
      return
    }
  }
  walk(x, box, acc)
}

/** The value of output slot o before post-processing. */
function valueOf(p: ReducePlan, acc: Acc, o: number): Value {
  switch (p.cls) {
    case 'pw': case 'fseq': case 'logic': return acc.f[o]!
    case 'isum': return intTotal(acc, o)
    case 'iprod': return prodBits(acc, o)
    case 'minmax': return acc.big !== null ? acc.big[o]! : acc.f[o]!
    case 'arg': return acc.g![o]!
  }
}

// ------------------------------------------------------------------------------------------------ results

const INT_BITS: Partial<Record<DTypeName, number>> = { int8: 8, uint8: 8, int16: 16, uint16: 16, int32: 32, uint32: 32, int64: 64, uint64: 64 }

function wrapInt(v: bigint, dt: DTypeName): bigint {
  const bits = INT_BITS[dt]!
  return DTYPES[dt].kind === 'u' ? BigInt.asUintN(bits, v) : BigInt.asIntN(bits, v)
}

/** Store one output value (after NumPy's mean/var/std post-processing) into the result. */
function store(res: TypedArray, rdt: DTypeName, r: number, v: Value, p: ReducePlan): void {
  const post = p.post
  const out = res as unknown as { [i: number]: number | bigint }
  const rk = DTYPES[rdt].kind
  if (post.divide !== null) {
    let x = typeof v === 'bigint' ? Number(wrapInt(v, p.loopDtype)) : v
    x = x / post.divide
    if (rdt === 'float32') x = Math.fround(x)
    if (post.sqrt) x = Math.sqrt(x)
    if (rk === 'f') { out[r] = x; return }
    if (rk === 'b') { out[r] = x !== 0 ? 1 : 0; return }
    const t = Number.isFinite(x) ? BigInt(Math.trunc(x)) : 0n
    out[r] = DTYPES[rdt].bigint ? wrapInt(t, rdt) : Number(wrapInt(t, rdt))
    return
  }
  if (rk === 'b') { out[r] = (typeof v === 'bigint' ? v !== 0n : v !== 0) ? 1 : 0; return }
  if (typeof v === 'bigint') {
    if (rk === 'f') { out[r] = Number(v); return }
    out[r] = DTYPES[rdt].bigint ? wrapInt(v, rdt) : Number(wrapInt(v, rdt))
    return
  }
  if (DTYPES[rdt].bigint) { out[r] = BigInt(v); return }
  out[r] = v
}

function writeBox(p: ReducePlan, box: Box, resOff: number, get: (o: number) => Value): void {
  const res = typedView(p.result.buffer, p.result.dtype)
  const rdt = p.result.dtype
  forEachOutput(box.n, box.red, box.sAcc, p.sRes, resOff, (o, r) => store(res, rdt, r, get(o), p))
}

/**
 * Copy per-output numbers (dense over the box's kept dims) into the result. `int64`: the values are integers
 * with |v| < 2^53 and the result is int64/uint64: written as two 32-bit words (no bigint per element).
 */
function copyOut(vals: Float64Array, p: ReducePlan, box: Box, resOff: number, int64: boolean): void {
  const n = box.n, red = box.red, sAcc = box.sAcc, sRes = p.sRes
  const kept: number[] = []
  for (let k = 0; k < n.length; k++) if (!red[k]) kept.push(k)
  let total = 1
  for (const k of kept) total *= n[k]!
  if (total === 0) return
  const k0 = kept.length > 0 ? kept[0]! : -1
  const n0 = k0 >= 0 ? n[k0]! : 1, a0 = k0 >= 0 ? sAcc[k0]! : 0, r0 = k0 >= 0 ? sRes[k0]! : 0
  const rows = total / n0
  const cnt = new Array<number>(kept.length).fill(0)
  const words = int64 ? new Int32Array(p.result.buffer, 0, Math.floor(p.result.buffer.byteLength / 4)) : null
  const dst = int64 ? null : (typedView(p.result.buffer, p.result.dtype) as Float64Array)
  let o = 0, r = resOff
  for (let t = 0; t < rows; t++) {
    if (words !== null) {
      for (let j = 0; j < n0; j++) {
        const v = vals[o + j * a0]!
        const hi = Math.floor(v / 4294967296)
        const q = 2 * (r + j * r0)
        words[q] = v - hi * 4294967296
        words[q + 1] = hi
      }
    } else {
      const d = dst!
      for (let j = 0; j < n0; j++) d[r + j * r0] = vals[o + j * a0]!
    }
    for (let i = 1; i < kept.length; i++) {
      const k = kept[i]!
      cnt[i]!++
      o += sAcc[k]!; r += sRes[k]!
      if (cnt[i]! < n[k]!) break
      o -= sAcc[k]! * n[k]!; r -= sRes[k]! * n[k]!
      cnt[i] = 0
    }
  }
}

/** A float64 result whose strides over the box equal the dense accumulator strides can be the accumulator. */
function aliasable(p: ReducePlan, box: Box): boolean {
  if (p.result.dtype !== 'float64') return false
  if (!(p.cls === 'pw' || p.cls === 'fseq' || (p.cls === 'minmax' && (p.input.dtype === 'float64' || p.input.dtype === 'float32')))) return false
  for (let k = 0; k < box.n.length; k++) if (!box.red[k] && box.n[k]! > 1 && box.sAcc[k] !== p.sRes[k]) return false
  return true
}

/** NumPy's mean/var/std post-processing of float values, in place. */
function applyPost(p: ReducePlan, f: Float64Array, m: number): void {
  const post = p.post
  if (post.divide === null) return
  const dv = post.divide, f32 = p.result.dtype === 'float32', sq = post.sqrt
  for (let o = 0; o < m; o++) {
    let v = f[o]! / dv
    if (f32) v = Math.fround(v)
    if (sq) v = Math.sqrt(v)
    f[o] = v
  }
}

/** Write the outputs of a box from its accumulators: typed fast paths, the general store() otherwise. */
function writeAcc(p: ReducePlan, box: Box, resOff: number, acc: Acc, m: number): void {
  const rdt = p.result.dtype
  const rk = DTYPES[rdt].kind
  const bigRes = DTYPES[rdt].bigint
  const post = p.post
  // float sums/products, logic and small-dtype min/max: numbers into a non-bigint result
  const numeric = p.cls === 'pw' || p.cls === 'fseq' || p.cls === 'logic' || (p.cls === 'minmax' && acc.big === null)
  if (numeric && !bigRes) {
    const f = acc.f
    applyPost(p, f, m)
    if (rk === 'b') for (let o = 0; o < m; o++) f[o] = f[o] !== 0 ? 1 : 0
    copyOut(f, p, box, resOff, false)
    return
  }
  if (p.cls === 'arg' && bigRes) { copyOut(acc.g!, p, box, resOff, true); return }
  if (p.cls === 'isum' && acc.big === null && post.divide === null && rk !== 'f' && rk !== 'b') {
    if (bigRes) { copyOut(acc.f, p, box, resOff, true); return }
    copyOut(acc.f, p, box, resOff, false) // typed-array stores wrap integers modulo 2^bits
    return
  }
  writeBox(p, box, resOff, (o) => valueOf(p, acc, o))
}

// ------------------------------------------------------------------------------------------------ partial values

function serialize(p: ReducePlan, acc: Acc, m: number): ReductionPartial {
  const out: (number | bigint)[] = []
  if (p.cls === 'arg') {
    for (let o = 0; o < m; o++) { out.push(acc.big !== null ? acc.big[o]! : acc.f[o]!); out.push(acc.g![o]!) }
    return out
  }
  for (let o = 0; o < m; o++) out.push(valueOf(p, acc, o))
  return out
}

function combineInto(p: ReducePlan, dst: Value[], src: readonly Value[]): void {
  const m = p.cls === 'arg' ? dst.length / 2 : dst.length
  for (let o = 0; o < m; o++) {
    switch (p.cls) {
      case 'isum': dst[o] = (dst[o] as bigint) + (src[o] as bigint); break
      case 'iprod': dst[o] = mulU64(dst[o] as bigint, src[o] as bigint); break
      case 'logic': dst[o] = p.op === 'any' ? ((dst[o] as number) || (src[o] as number)) : ((dst[o] as number) && (src[o] as number)); break
      case 'minmax':
        if (typeof dst[o] === 'bigint') {
          const a = dst[o] as bigint, b = src[o] as bigint
          dst[o] = p.op === 'max' ? (b > a ? b : a) : (b < a ? b : a)
        } else dst[o] = p.op === 'max' ? maxF(dst[o] as number, src[o] as number) : minF(dst[o] as number, src[o] as number)
        break
      case 'arg': {
        const cv = dst[2 * o]!, ci = dst[2 * o + 1] as number, nv = src[2 * o]!, ni = src[2 * o + 1] as number
        if (ni < 0) break
        const take = typeof cv === 'bigint' ? argTakeBig(p.op === 'argmax', cv, ci, nv as bigint, ni) : argTake(p.op === 'argmax', cv, ci, nv as number, ni)
        if (take) { dst[2 * o] = nv; dst[2 * o + 1] = ni }
        break
      }
      default: throw new Error(`internal: class ${p.cls} has no partials`)
    }
  }
}

// ------------------------------------------------------------------------------------------------ pwLeaves

const leafCache = new Map<number, { off: number[]; len: number[] }>()
function leavesOf(len: number): { off: number[]; len: number[] } {
  let c = leafCache.get(len)
  if (c === undefined) {
    const lens = pwLeaves(len, PW_LEAF)
    const offs: number[] = []
    let t = 0
    for (const l of lens) { offs.push(t); t += l }
    c = { off: offs, len: lens }
    if (leafCache.size > 64) leafCache.clear()
    leafCache.set(len, c)
  }
  return c
}

/** (outer position, chunk, leaf) of pwLeaves unit u. */
function leafUnit(p: ReducePlan, u: number): { pos: number; chunk: number; leaf: number; blockLen: number } {
  const perSlab = (p.chunks - 1) * p.leavesFull + p.leavesLast
  const pos = Math.floor(u / perSlab)
  const r = u - pos * perSlab
  const fullPart = (p.chunks - 1) * p.leavesFull
  if (r < fullPart) {
    const chunk = Math.floor(r / p.leavesFull)
    return { pos, chunk, leaf: r - chunk * p.leavesFull, blockLen: p.B }
  }
  return { pos, chunk: p.chunks - 1, leaf: r - fullPart, blockLen: p.slab - (p.chunks - 1) * p.B }
}

// ------------------------------------------------------------------------------------------------ the contract

/**
 * Run units [startUnit, endUnit) of a reduction job; returns one partial per unit (see the header for the
 * format). Units of mode 'output' write their outputs into the result buffer directly.
 */
export function runReductionUnits(job: ReductionJob, startUnit: number, endUnit: number): ReductionPartial[] {
  if ((job.plan as { mode: string }).mode === 'whereWalk') {
    // float sums/products with where/initial: one unit that writes the result (where-walk.ts)
    if (startUnit <= 0 && endUnit >= 1 && job.units === 1) runWhereWalk(job.plan as WhereWalkPlan)
    return job.units === 1 && startUnit <= 0 && endUnit >= 1 ? [null] : []
  }
  const p = planOf(job)
  const start = Math.max(0, startUnit), end = Math.min(job.units, endUnit)
  const count = Math.max(0, end - start)
  const parts: ReductionPartial[] = new Array<ReductionPartial>(count).fill(null)
  if (count === 0) return parts
  switch (p.mode) {
    case 'empty':
      return parts
    case 'output': {
      const d = p.splitDim
      const lo = d >= 0 ? start * p.splitBlock : 0
      const hi = d >= 0 ? Math.min(p.n[d]!, end * p.splitBlock) : 0
      const { box, resOff, m } = boxOf(p, d, lo, hi)
      if (aliasable(p, box)) {
        // float64 results laid out like the accumulators: accumulate in place (no scratch, no copy)
        const acc: Acc = { f: new Float64Array(p.result.buffer, resOff * 8, m), g: null, big: null }
        acc.f.fill(p.cls === 'fseq' ? 1 : p.cls === 'minmax' ? (p.op === 'max' ? -Infinity : Infinity) : 0)
        computeBox(p, box, acc)
        applyPost(p, acc.f, m)
        return parts
      }
      const acc = makeAcc(p, m)
      computeBox(p, box, acc)
      writeAcc(p, box, resOff, acc, m)
      return parts
    }
    case 'partials': {
      const d = p.splitDim
      const { box } = boxOf(p, d, start * p.splitBlock, Math.min(p.n[d]!, end * p.splitBlock))
      const acc = makeAcc(p, p.M)
      computeBox(p, box, acc)
      parts[0] = serialize(p, acc, p.M)
      return parts
    }
    case 'pwGroups': {
      const { box } = boxOf(p, -1, 0, 0)
      const grid = gridOf(p)
      const total = p.outer * p.chunks
      const values: number[] = []
      walkPwBlocks(grid, box, start * p.group, Math.min(total, end * p.group), null, values)
      parts[0] = values
      return parts
    }
    case 'pwLeaves': {
      const { box } = boxOf(p, -1, 0, 0)
      const grid = gridOf(p)
      for (let u = start; u < end; u++) {
        const L = leafUnit(p, u)
        const { base, mo } = outerPosition(box, p.q, L.pos)
        const lv = leavesOf(L.blockLen)
        parts[u - start] = pwBlock(grid, box, base, L.chunk * p.B + lv.off[L.leaf]!, lv.len[L.leaf]!, mo)
      }
      return parts
    }
  }
}

/** Combine the partials of all units (in unit order) and write the result. */
export function finishReduction(job: ReductionJob, partials: readonly ReductionPartial[]): void {
  const p = planOf(job)
  switch (p.mode) {
    case 'output':
      return
    case 'empty': {
      if (p.M === 0) return
      const { box, resOff } = boxOf(p, -1, 0, 0)
      const identity: Value = p.cls === 'isum' ? 0n : p.cls === 'iprod' ? 1n : p.cls === 'fseq' ? 1 : p.cls === 'logic' ? (p.op === 'all' ? 1 : 0) : 0
      writeBox(p, box, resOff, () => identity)
      return
    }
    case 'partials': {
      let acc: Value[] | null = null
      for (const part of partials) {
        if (part === null) continue
        const arr = part as readonly Value[]
        if (acc === null) acc = [...arr]
        else combineInto(p, acc, arr)
      }
      if (acc === null) throw new Error('internal: reduction finished without partials')
      const { box, resOff } = boxOf(p, -1, 0, 0)
      const vals = acc
      writeBox(p, box, resOff, p.cls === 'arg' ? (o) => vals[2 * o + 1]! : (o) => vals[o]!)
      return
    }
    case 'pwGroups': case 'pwLeaves': {
      const { box, resOff, m } = boxOf(p, -1, 0, 0)
      const acc = new Float64Array(Math.max(m, 1))
      const loop32 = p.loopDtype === 'float32'
      // float16 sums round their accumulators to half (reduce-plan.ts halfAcc)
      const f32 = p.halfAcc === true ? (x: number): number => roundToHalf(Math.fround(x)) : Math.fround
      if (p.mode === 'pwGroups') {
        const values: number[] = []
        for (const part of partials) if (part !== null) for (const v of part as readonly number[]) values.push(v)
        let k = 0
        for (let pos = 0; pos < p.outer; pos++) {
          const { o } = outerPosition(box, p.q, pos)
          for (let c = 0; c < p.chunks; c++) {
            const v = values[k++]!
            acc[o] = loop32 ? f32(acc[o]! + v) : acc[o]! + v
          }
        }
      } else {
        const values = partials as readonly number[]
        const cursor = { next: 0 }
        const lastLen = p.slab - (p.chunks - 1) * p.B
        for (let pos = 0; pos < p.outer; pos++) {
          const { o } = outerPosition(box, p.q, pos)
          for (let c = 0; c < p.chunks; c++) {
            const v = pwCombine(c === p.chunks - 1 ? lastLen : p.B, PW_LEAF, values, cursor, loop32)
            acc[o] = loop32 ? f32(acc[o]! + v) : acc[o]! + v
          }
        }
      }
      const f = newAcc(m, false, false)
      f.f.set(acc)
      writeAcc(p, box, resOff, f, m)
      return
    }
  }
}
