/**
 * runElementwise(job, start, end): THE elementwise kernel entry point, called by the calling thread (inline) and
 * by the workers on their chunks. It walks iteration elements [start, end) of the job's loop plan (loop-plan.ts)
 * and calls the registered loop (registry.ts) for each run along the innermost loop dimension.
 *
 * Job format (see job.ts for the contract):
 *   op        registry op name ('add', 'sqrt', 'where', 'clip', ...) or the built-ins 'copy' (operands [dst, src]:
 *             cast copy, blocked transposes) and 'fill' (operands [out], params.value)
 *   operands  [out, ...inputs], all with the output's shape (inputs broadcast with stride 0)
 *   params    { dtype: the loop dtype } — inputs either have it, or (number dtypes only) are read exactly as JS
 *             numbers by the 'mixed' loops; the output has it, or bool for comparisons/logical ops
 *   params.where  true: the last operand is a bool mask (the ufunc's where=, broadcast to the output's shape); only
 *             elements where it is non-zero are computed and written (runs of true mask elements go to the
 *             strided loops); the others keep whatever the output holds
 * The result of a job does not depend on how [0, size) is split, because every iteration element writes its own
 * output element and the ufunc layer never builds a job whose output overlaps an input it reads (except the exact
 * same view, element by element).
 */
import type { ArrayDescriptor } from '../descriptor.js'
import { DTYPES, typedView, type DTypeName, type TypedArray } from '../dtype.js'
import { ValueError } from '../errors.js'
import { HALF_VALUES, toHalfBits } from '../float16.js'
import { runCopy } from './copy.js'
import type { ElementwiseJob } from './job.js'
import { Cursor, makeLoopPlan, type LoopPlan } from './loop-plan.js'
import { wasmBinaryRun, wasmUnaryRun } from './wasm/elementwise-wasm.js'
import {
  getKernel, swapPartner, type BinaryContiguous, type BinaryStrided, type Kernel, type LayoutClass, type TernaryContiguous,
  type TernaryStrided, type UnaryContiguous, type UnaryStrided,
} from './registry.js'

let lastJob: ElementwiseJob | null = null
let lastPlan: LoopPlan | null = null

/**
 * The loop plan of a job. The last one is cached when only a chunk ran (chunks of one job usually run back to
 * back); a whole-job run does not keep the job (and its buffers) alive.
 */
export function planOf(job: ElementwiseJob, keep = true): LoopPlan {
  if (job === lastJob) return lastPlan!
  const p = makeLoopPlan(job.operands)
  if (keep) {
    lastJob = job
    lastPlan = p
  }
  return p
}

/** Run iteration elements [start, end) of an elementwise job. */
export function runElementwise(job: ElementwiseJob, start: number, end: number): void {
  if (end > job.size) end = job.size
  if (start < 0) start = 0
  if (start >= end) return
  if (job.op === 'copy') { runCopy(job, start, end); return }
  if (job.op === 'fill') { runFill(job, start, end); return }
  const dt = job.params?.['dtype'] as DTypeName | undefined
  if (dt === undefined || !(dt in DTYPES)) throw new ValueError(`elementwise job '${job.op}' has no loop dtype in params.dtype`)
  const ops = job.operands
  const plan = planOf(job, end - start < job.size)
  const masked = job.params?.['where'] === true
  if (dt === 'float16' || hasHalf(ops)) return runHalfTiles(job.op, dt, ops, plan, start, end, masked)
  if (masked) return runMasked(job.op, dt, ops, plan, start, end)
  switch (ops.length) {
    case 2: return runUnary(job.op, dt, ops, plan, start, end)
    case 3: return runBinary(job.op, dt, ops, plan, start, end)
    case 4: return runTernary(job.op, dt, ops, plan, start, end)
    default: throw new ValueError(`elementwise job '${job.op}' has ${ops.length} operands; expected 2 to 4`)
  }
}

function isMixed(op: string, dt: DTypeName, ops: readonly ArrayDescriptor[]): boolean {
  const T = DTYPES[dt].TypedArray
  for (let k = 1; k < ops.length; k++) {
    if (op === 'where' && k === 1) continue
    if (DTYPES[ops[k]!.dtype].TypedArray !== T) return true
  }
  return false
}

function missing(op: string, dt: DTypeName): never {
  throw new ValueError(`no '${op}' loop for dtype ${dt}`)
}

function pick(op: string, dt: DTypeName, layout: LayoutClass): { fn: Kernel; strided: boolean } {
  const fn = getKernel(op, dt, layout)
  if (fn !== undefined) return { fn, strided: layout === 'strided' || layout === 'mixed' }
  const s = getKernel(op, dt, 'strided') ?? missing(op, dt)
  return { fn: s, strided: true }
}

function runUnary(op: string, dt: DTypeName, ops: readonly ArrayDescriptor[], plan: LoopPlan, start: number, end: number): void {
  const o = typedView(ops[0]!.buffer, ops[0]!.dtype)
  const a = typedView(ops[1]!.buffer, ops[1]!.dtype)
  const so = plan.strides[0]![0]!
  const sa = plan.strides[1]![0]!
  const layout: LayoutClass = isMixed(op, dt, ops) ? 'mixed' : so === 1 && sa === 1 ? 'contiguous' : 'strided'
  if (layout === 'contiguous' && wasmUnaryRun(op, dt, ops, plan, start, end)) return
  const { fn, strided } = pick(op, dt, layout)
  const oneD = plan.shape.length === 1
  if (!strided) {
    const k = fn as unknown as UnaryContiguous
    if (oneD) { k(end - start, o, plan.offsets[0]! + start, a, plan.offsets[1]! + start); return }
    const cur = new Cursor(plan, start, end)
    let c: number
    while ((c = cur.next()) > 0) k(c, o, cur.offs[0]!, a, cur.offs[1]!)
    return
  }
  const k = fn as unknown as UnaryStrided
  if (oneD) { k(end - start, o, plan.offsets[0]! + start * so, so, a, plan.offsets[1]! + start * sa, sa); return }
  const cur = new Cursor(plan, start, end)
  let c: number
  while ((c = cur.next()) > 0) k(c, o, cur.offs[0]!, so, a, cur.offs[1]!, sa)
}

function runBinary(op: string, dt: DTypeName, ops: readonly ArrayDescriptor[], plan: LoopPlan, start: number, end: number): void {
  const o = typedView(ops[0]!.buffer, ops[0]!.dtype)
  let a: TypedArray = typedView(ops[1]!.buffer, ops[1]!.dtype)
  let b: TypedArray = typedView(ops[2]!.buffer, ops[2]!.dtype)
  const so = plan.strides[0]![0]!
  let sa = plan.strides[1]![0]!
  let sb = plan.strides[2]![0]!
  let ia = 1
  let ib = 2
  let layout: LayoutClass
  if (isMixed(op, dt, ops)) layout = 'mixed'
  else if (so === 1 && sa === 1 && sb === 1) layout = 'contiguous'
  else if (so === 1 && sa === 1 && sb === 0) layout = 'scalar-2'
  else if (so === 1 && sa === 0 && sb === 1) layout = 'scalar-1'
  else layout = 'strided'
  if (layout !== 'strided' && layout !== 'mixed' && wasmBinaryRun(op, dt, ops, plan, start, end, layout)) return
  let kop = op
  if (layout === 'scalar-1' && getKernel(op, dt, 'scalar-1') === undefined) {
    const partner = swapPartner(op)
    if (partner !== undefined && getKernel(partner, dt, 'scalar-2') !== undefined) {
      // run partner(b, a) with the scalar second
      kop = partner
      layout = 'scalar-2'
      ;[a, b] = [b, a]
      ;[sa, sb] = [sb, sa]
      ia = 2
      ib = 1
    }
  }
  const { fn, strided } = pick(kop, dt, layout)
  const oneD = plan.shape.length === 1
  if (!strided) {
    const k = fn as unknown as BinaryContiguous
    // scalar layouts have stride 0 on the scalar input: its offset does not move with start
    if (oneD) {
      k(end - start, o, plan.offsets[0]! + start, a, plan.offsets[ia]! + start * sa, b, plan.offsets[ib]! + start * sb)
      return
    }
    const cur = new Cursor(plan, start, end)
    let c: number
    while ((c = cur.next()) > 0) k(c, o, cur.offs[0]!, a, cur.offs[ia]!, b, cur.offs[ib]!)
    return
  }
  const k = fn as unknown as BinaryStrided
  if (oneD) {
    k(end - start, o, plan.offsets[0]! + start * so, so, a, plan.offsets[ia]! + start * sa, sa, b, plan.offsets[ib]! + start * sb, sb)
    return
  }
  const cur = new Cursor(plan, start, end)
  let c: number
  while ((c = cur.next()) > 0) k(c, o, cur.offs[0]!, so, a, cur.offs[ia]!, sa, b, cur.offs[ib]!, sb)
}

function runTernary(op: string, dt: DTypeName, ops: readonly ArrayDescriptor[], plan: LoopPlan, start: number, end: number): void {
  const o = typedView(ops[0]!.buffer, ops[0]!.dtype)
  const a = typedView(ops[1]!.buffer, ops[1]!.dtype)
  const b = typedView(ops[2]!.buffer, ops[2]!.dtype)
  const c3 = typedView(ops[3]!.buffer, ops[3]!.dtype)
  const so = plan.strides[0]![0]!
  const sa = plan.strides[1]![0]!
  const sb = plan.strides[2]![0]!
  const sc = plan.strides[3]![0]!
  let layout: LayoutClass
  if (isMixed(op, dt, ops)) layout = 'mixed'
  else if (so === 1 && sa === 1 && sb === 1 && sc === 1) layout = 'contiguous'
  else if (so === 1 && sa === 1 && sb === 0 && sc === 0) layout = 'scalar-23'
  else layout = 'strided'
  const { fn, strided } = pick(op, dt, layout)
  const oneD = plan.shape.length === 1
  if (!strided) {
    const k = fn as unknown as TernaryContiguous
    if (oneD) {
      k(end - start, o, plan.offsets[0]! + start, a, plan.offsets[1]! + start * sa, b, plan.offsets[2]! + start * sb, c3, plan.offsets[3]! + start * sc)
      return
    }
    const cur = new Cursor(plan, start, end)
    let c: number
    while ((c = cur.next()) > 0) k(c, o, cur.offs[0]!, a, cur.offs[1]!, b, cur.offs[2]!, c3, cur.offs[3]!)
    return
  }
  const k = fn as unknown as TernaryStrided
  if (oneD) {
    k(end - start, o, plan.offsets[0]! + start * so, so, a, plan.offsets[1]! + start * sa, sa, b, plan.offsets[2]! + start * sb, sb, c3, plan.offsets[3]! + start * sc, sc)
    return
  }
  const cur = new Cursor(plan, start, end)
  let c: number
  while ((c = cur.next()) > 0) k(c, o, cur.offs[0]!, so, a, cur.offs[1]!, sa, b, cur.offs[2]!, sb, c3, cur.offs[3]!, sc)
}

function hasHalf(ops: readonly ArrayDescriptor[]): boolean {
  for (let k = 0; k < ops.length; k++) if (ops[k]!.dtype === 'float16') return true
  return false
}

/** Elements per tile of the float16 path: small enough to stay in L1 with every operand. */
const HALF_TILE = 512
const tilePool = new Map<string, TypedArray[]>()

function tiles(cls: string, T: new (n: number) => TypedArray, count: number): TypedArray[] {
  let ts = tilePool.get(cls)
  if (ts === undefined) tilePool.set(cls, (ts = []))
  while (ts.length < count) ts.push(new T(HALF_TILE))
  return ts
}

/**
 * Jobs with a float16 operand, NumPy's way: float16 loops compute in float32 and round each result to half
 * (npy_half_to_float → the float op → npy_float_to_half), and float16 inputs of wider loops are read exactly.
 * Each run of the loop plan is cut into tiles: inputs are gathered into contiguous tiles of the compute dtype
 * (float16 decoded), the compute dtype's contiguous kernel runs on the tiles, and the result tile is stored
 * (encoded to half when the output is float16; only where the mask is set for a masked job).
 * nextafter steps between halves, not floats, so it has its own tile loop.
 */
function runHalfTiles(op: string, dt: DTypeName, all: readonly ArrayDescriptor[], plan: LoopPlan, start: number, end: number, masked: boolean): void {
  const nop = masked ? all.length - 1 : all.length
  const nin = nop - 1
  if (nin < 1 || nin > 3) throw new ValueError(`elementwise job '${op}' has ${nin} inputs; expected 1 to 3`)
  const compute: DTypeName = dt === 'float16' ? 'float32' : dt
  const CT = DTYPES[compute].TypedArray as unknown as new (n: number) => TypedArray
  const halfNext = op === 'nextafter' && dt === 'float16'
  const layout: LayoutClass = 'contiguous'
  const fn = halfNext ? null : (getKernel(op, compute, layout) ?? getKernel(op, compute, 'strided') ?? missing(op, compute))
  const contiguousKernel = !halfNext && getKernel(op, compute, layout) !== undefined
  const views: TypedArray[] = all.map((d) => typedView(d.buffer, d.dtype))
  const half = all.map((d) => d.dtype === 'float16')
  // input tiles: the compute dtype's class (the condition of where keeps its bool bytes); output: float32 for half
  const inT: TypedArray[] = []
  for (let k = 1; k <= nin; k++) {
    const cond = op === 'where' && k === 1
    const cls = cond ? 'Uint8Array' : CT.name
    inT.push(tiles(cls, cond ? Uint8Array : CT, k)[k - 1]!)
  }
  const outDt = all[0]!.dtype
  const OT = (outDt === 'float16' ? Float32Array : DTYPES[outDt].TypedArray) as unknown as new (n: number) => TypedArray
  const outT = tiles('out-' + OT.name, OT, 1)[0]!
  const m = masked ? (views[nop] as Uint8Array) : null
  const st = plan.strides.map((s) => s[0]!)
  const HV = HALF_VALUES
  const cur = new Cursor(plan, start, end)
  let c: number
  while ((c = cur.next()) > 0) {
    for (let i0 = 0; i0 < c; i0 += HALF_TILE) {
      const n = Math.min(HALF_TILE, c - i0)
      // gather
      for (let k = 1; k <= nin; k++) {
        const t = inT[k - 1] as unknown as Record<number, number>
        const v = views[k] as unknown as Record<number, number>
        const s = st[k]!
        const o = cur.offs[k]! + i0 * s
        if (half[k]) for (let i = 0; i < n; i++) t[i] = HV[v[o + i * s]!]!
        else for (let i = 0; i < n; i++) t[i] = v[o + i * s]!
      }
      // compute
      if (halfNext) halfNextafter(n, outT as Float32Array, inT[0] as Float32Array, inT[1] as Float32Array)
      else if (contiguousKernel) {
        const k = fn as unknown as (...a: unknown[]) => void
        if (nin === 1) k(n, outT, 0, inT[0], 0)
        else if (nin === 2) k(n, outT, 0, inT[0], 0, inT[1], 0)
        else k(n, outT, 0, inT[0], 0, inT[1], 0, inT[2], 0)
      } else {
        const k = fn as unknown as (...a: unknown[]) => void
        if (nin === 1) k(n, outT, 0, 1, inT[0], 0, 1)
        else if (nin === 2) k(n, outT, 0, 1, inT[0], 0, 1, inT[1], 0, 1)
        else k(n, outT, 0, 1, inT[0], 0, 1, inT[1], 0, 1, inT[2], 0, 1)
      }
      // store
      const so = st[0]!
      const oo = cur.offs[0]! + i0 * so
      const ov = views[0] as unknown as Record<number, number>
      const ot = outT as unknown as Record<number, number>
      const enc = toHalfBits
      if (m !== null) {
        const ms = st[nop]!
        const mo = cur.offs[nop]! + i0 * ms
        if (half[0]) { for (let i = 0; i < n; i++) if (m[mo + i * ms] !== 0) ov[oo + i * so] = enc(ot[i]!) }
        else for (let i = 0; i < n; i++) if (m[mo + i * ms] !== 0) ov[oo + i * so] = ot[i]!
      } else if (half[0]) for (let i = 0; i < n; i++) ov[oo + i * so] = enc(ot[i]!)
      else for (let i = 0; i < n; i++) ov[oo + i * so] = ot[i]!
    }
  }
}

/** nextafter in float16: the neighbouring half of x towards y (NumPy's npy_half_nextafter), as a value. */
function halfNextafter(n: number, o: Float32Array, a: Float32Array, b: Float32Array): void {
  for (let i = 0; i < n; i++) {
    const x = a[i]!
    const y = b[i]!
    if (x !== x || y !== y) { o[i] = NaN; continue }
    if (x === y) { o[i] = y; continue }
    if (x === 0) { o[i] = y > 0 ? 2 ** -24 : -(2 ** -24); continue }
    const h = toHalfBits(x) // exact: x is a half
    // away from zero when moving outwards, else towards zero
    const up = (x < y) === (x > 0)
    o[i] = HALF_VALUES[up ? h + 1 : h - 1]!
  }
}

/**
 * A masked job (params.where): operands [out, ...inputs, mask]. Each run of the loop plan is cut into stretches of
 * true mask elements, and each stretch goes to the op's strided (or mixed) loop; masked-off elements are untouched.
 */
function runMasked(op: string, dt: DTypeName, all: readonly ArrayDescriptor[], plan: LoopPlan, start: number, end: number): void {
  const nop = all.length - 1
  const ops = all.slice(0, nop)
  if (nop < 2 || nop > 4) throw new ValueError(`elementwise job '${op}' has ${nop} operands besides its mask; expected 2 to 4`)
  const fn = (getKernel(op, dt, isMixed(op, dt, ops) ? 'mixed' : 'strided') ?? getKernel(op, dt, 'strided') ?? missing(op, dt)) as unknown as (...args: unknown[]) => void
  const views: TypedArray[] = ops.map((d) => typedView(d.buffer, d.dtype))
  const m = typedView(all[nop]!.buffer, 'bool') as Uint8Array
  const st = plan.strides.map((s) => s[0]!)
  const ms = st[nop]!
  const args: unknown[] = new Array(1 + 3 * nop)
  for (let q = 0; q < nop; q++) { args[1 + 3 * q] = views[q]; args[3 + 3 * q] = st[q] }
  const cur = new Cursor(plan, start, end)
  let c: number
  while ((c = cur.next()) > 0) {
    const mo = cur.offs[nop]!
    let i = 0
    while (i < c) {
      while (i < c && m[mo + i * ms] === 0) i++
      if (i >= c) break
      let j = i + 1
      while (j < c && m[mo + j * ms] !== 0) j++
      args[0] = j - i
      for (let q = 0; q < nop; q++) args[2 + 3 * q] = cur.offs[q]! + i * st[q]!
      fn(...args)
      i = j
    }
  }
}

/** op 'fill': operands [out], params.value (a stored value: number, or bigint for int64/uint64); params.where: operands [out, mask]. */
function runFill(job: ElementwiseJob, start: number, end: number): void {
  const out = job.operands[0]!
  const o = typedView(out.buffer, out.dtype) as unknown as { fill(v: unknown, s: number, e: number): void; [i: number]: unknown }
  const raw = job.params?.['value']
  const v = typeof raw === 'boolean' ? (DTYPES[out.dtype].bigint ? BigInt(raw) : raw ? 1 : 0) : raw
  const plan = planOf(job, end - start < job.size)
  const s = plan.strides[0]![0]!
  const cur = new Cursor(plan, start, end)
  let c: number
  if (job.params?.['where'] === true) {
    const m = typedView(job.operands[1]!.buffer, 'bool') as Uint8Array
    const ms = plan.strides[1]![0]!
    while ((c = cur.next()) > 0) {
      const off = cur.offs[0]!
      const mo = cur.offs[1]!
      for (let i = 0; i < c; i++) if (m[mo + i * ms] !== 0) o[off + i * s] = v
    }
    return
  }
  while ((c = cur.next()) > 0) {
    const off = cur.offs[0]!
    if (s === 1) o.fill(v, off, off + c)
    else for (let i = 0; i < c; i++) o[off + i * s] = v
  }
}
