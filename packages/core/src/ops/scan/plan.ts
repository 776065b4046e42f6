/**
 * The shared half of every scan (cumsum, cumprod, nancumsum, nancumprod, accumulate): NumPy's dtype resolution
 * for ufunc.accumulate, validation of `out`, the source conversion, the unit layout and the driver that yields
 * the scan jobs (kernels/scan/scan.ts).
 */
import { DTYPES, type DTypeName } from '../../dtype.js'
import { DTypeError, ValueError } from '../../errors.js'
import type { ReductionPartial, UnitsJob } from '../../kernels/job.js'
import { copyInto } from '../../kernels/copy.js'
import { blockOffsets, type ScanOp, type ScanPlan } from '../../kernels/scan/scan.js'
import { NDArray } from '../../ndarray.js'
import { mayShareMemory } from '../../overlap/index.js'
import { resultType } from '../promotion.js'
import type { OpDriver } from '../driver.js'

export type { ScanOp }

/** Elements a unit scans, roughly (~0.05–0.1 ms of work on one core). */
export const SCAN_UNIT = 65536
/** Block length when an integer lane is cut along the axis. */
export const SCAN_BLOCK = 262144
/** Below this many lanes a long integer lane is cut into blocks (so 16 threads get work). */
const FEW_LANES = 32

/** NumPy's name of a scan op (messages). */
export const NUMPY_NAME: Record<ScanOp, string> = {
  add: 'add', multiply: 'multiply', maximum: 'maximum', minimum: 'minimum', logicalAnd: 'logical_and',
  logicalOr: 'logical_or', bitwiseAnd: 'bitwise_and', bitwiseOr: 'bitwise_or', bitwiseXor: 'bitwise_xor',
}

/** add/multiply accumulate bool and integers narrower than int64 in int64 (uint64 for unsigned), as NumPy. */
function defaultAccDtype(dt: DTypeName): DTypeName {
  switch (dt) {
    case 'bool': case 'int8': case 'int16': case 'int32': case 'int64': return 'int64'
    case 'uint8': case 'uint16': case 'uint32': case 'uint64': return 'uint64'
    default: return dt
  }
}

/**
 * The loop dtype of `op.accumulate(a, dtype=, out=)` (NumPy 2.4): an explicit dtype; else with `out` the
 * promotion of a's and out's dtypes; else add/multiply widen bool and small integers, the others keep a's dtype.
 * Logical ops always loop in bool.
 */
export function scanLoopDtype(fn: string, op: ScanOp, inDt: DTypeName, userDtype: DTypeName | undefined, out: NDArray | undefined): DTypeName {
  const noLoop = (dt: DTypeName): DTypeError =>
    new DTypeError(`${fn}: no loop matching the specified signature and casting was found for ufunc ${NUMPY_NAME[op]} (dtype ${dt}, input ${inDt})`)
  if (op === 'logicalAnd' || op === 'logicalOr') {
    if (userDtype !== undefined && userDtype !== 'bool') throw noLoop(userDtype)
    return 'bool'
  }
  let loop: DTypeName
  if (userDtype !== undefined) loop = userDtype
  else if (out !== undefined) loop = resultType(inDt, out.dtype)
  else loop = op === 'add' || op === 'multiply' ? defaultAccDtype(inDt) : inDt
  if ((op === 'bitwiseAnd' || op === 'bitwiseOr' || op === 'bitwiseXor') && DTYPES[loop].kind === 'f') throw noLoop(loop)
  return loop
}

/** A resolved scan: its input (laid out as given), axis, loop dtype and destination. */
export interface ScanSetup {
  readonly fn: string
  readonly op: ScanOp
  /** The input, already flattened when the axis was null. */
  readonly x: NDArray
  readonly axis: number
  readonly loop: DTypeName
  readonly out: NDArray | undefined
}

/** Check `out` against the result's shape (NumPy's message) and that it is writeable. */
export function checkOut(fn: string, out: unknown, shape: readonly number[]): NDArray | undefined {
  if (out === undefined || out === null) return undefined
  if (!(out instanceof NDArray)) throw new DTypeError(`${fn}: out must be an NDArray, got ${typeof out}`)
  if (out.ndim !== shape.length || out.shape.some((n, i) => n !== shape[i])) {
    throw new ValueError(`${fn}: provided out is the wrong size for the accumulation: out has shape (${out.shape.join(', ')}), the result has shape (${shape.join(', ')})`)
  }
  out.assertWriteable('out')
  return out
}

/**
 * The scan's driver: converts the source to what the kernel reads, picks the destination (out itself when it
 * has the loop dtype and does not share memory with the input, else a temporary cast into out at the end),
 * yields the jobs and returns the result.
 */
export function* runScan(s: ScanSetup, src: NDArray): OpDriver<NDArray> {
  const { x, loop, out } = s
  // the kernel reads the loop dtype, or narrow integers/bool as numbers into an int64/uint64 sum
  const narrowIntoBig = s.op === 'add' && DTYPES[loop].bigint && !DTYPES[src.dtype].bigint && DTYPES[src.dtype].kind !== 'f'
  if (src.dtype !== loop && !narrowIntoBig) src = src.astype(loop)
  const direct = out !== undefined && out.dtype === loop && !mayShareMemory(out, x)
  const dst = direct ? out : NDArray.alloc(x.shape, loop, 'C', false)
  const size = x.size
  if (size > 0) {
    const plan = planOf(s, src, dst)
    if (plan.blocks > 0) {
      const units = (plan.n > 0 ? plan.blocks : 0) * laneCount(plan)
      const totals: ReductionPartial[] = yield job('scanBlocks', plan, units, costOf(plan))
      const offsets = blockOffsets(plan, totals)
      yield job('scanOffsets', { ...plan, offsets }, units, costOf(plan) * 0.5)
    } else {
      yield job('scanLanes', plan, unitsOf(plan), costOf(plan))
    }
  }
  if (out !== undefined && dst !== out) copyInto(out, dst)
  return out ?? dst
}

function laneCount(p: ScanPlan): number {
  let l = p.innerN
  for (const n of p.outerShape) l *= n
  return l
}

function unitsOf(p: ScanPlan): number {
  let t = p.chunksPerOuter
  for (const n of p.outerShape) t *= n
  return Math.ceil(t / p.lanesPerUnit)
}

function costOf(p: ScanPlan): number {
  const big = DTYPES[p.loop].bigint && !(p.op === 'add')
  return big ? 6 : p.op === 'multiply' && DTYPES[p.loop].bigint ? 6 : 0.7
}

function job(op: string, plan: ScanPlan, units: number, cost: number): UnitsJob {
  let size = plan.n
  for (const n of plan.outerShape) size *= n
  size *= plan.innerN
  return { kind: 'units', op, plan, units, elementsPerUnit: units > 0 ? size / units : 0, cost }
}

/** The unit layout of a scan of src into dst along s.axis (both of x's shape). */
function planOf(s: ScanSetup, src: NDArray, dst: NDArray): ScanPlan {
  const k = s.axis
  const shape = s.x.shape
  const n = shape[k]!
  const lanes: number[] = []
  for (let d = 0; d < shape.length; d++) if (d !== k && shape[d]! > 1) lanes.push(d)
  // the inner lane dim: the one closest in dst's memory (ties: the later one)
  let inner = -1
  for (const d of lanes) if (inner < 0 || Math.abs(dst.strides[d]!) <= Math.abs(dst.strides[inner]!)) inner = d
  const outer = lanes.filter((d) => d !== inner)
  const innerN = inner < 0 ? 1 : shape[inner]!
  const sSrc = n > 1 ? src.strides[k]! : 0
  const sDst = n > 1 ? dst.strides[k]! : 0
  const innerSrc = inner < 0 ? 0 : src.strides[inner]!
  const innerDst = inner < 0 ? 0 : dst.strides[inner]!
  let laneTotal = innerN
  for (const d of outer) laneTotal *= shape[d]!
  const intLoop = DTYPES[s.loop].kind === 'i' || DTYPES[s.loop].kind === 'u'
  const base = {
    op: s.op, loop: s.loop,
    src: { buffer: src.buffer, dtype: src.dtype, offset: src.offset },
    dst: { buffer: dst.buffer, dtype: dst.dtype, offset: dst.offset },
    n, sSrc, sDst,
    outerShape: outer.map((d) => shape[d]!), outerSrc: outer.map((d) => src.strides[d]!), outerDst: outer.map((d) => dst.strides[d]!),
    innerN, innerSrc, innerDst,
  }
  if (intLoop && laneTotal < FEW_LANES && n >= 2 * SCAN_BLOCK) {
    return { ...base, rows: false, chunk: 1, chunksPerOuter: innerN, lanesPerUnit: 1, blockLen: SCAN_BLOCK, blocks: Math.ceil(n / SCAN_BLOCK) }
  }
  const rows = innerN > 1 && n > 1 && Math.abs(innerDst) < Math.abs(sDst)
  if (rows) {
    let chunk = Math.min(innerN, Math.max(64, Math.floor(SCAN_UNIT / Math.max(n, 1))))
    if (chunk < innerN) chunk = Math.max(8, chunk - (chunk % 8))
    const chunksPerOuter = Math.ceil(innerN / chunk)
    return { ...base, rows, chunk, chunksPerOuter, lanesPerUnit: Math.max(1, Math.floor(SCAN_UNIT / (n * chunk))), blockLen: 0, blocks: 0 }
  }
  return { ...base, rows: false, chunk: 1, chunksPerOuter: innerN, lanesPerUnit: Math.max(1, Math.floor(SCAN_UNIT / Math.max(n, 1))), blockLen: 0, blocks: 0 }
}
