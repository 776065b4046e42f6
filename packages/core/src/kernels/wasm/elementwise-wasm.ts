/**
 * Elementwise runs on the WASM SIMD kernels: the same walk as kernels/elementwise.ts (one call per run along the
 * innermost loop dimension, from the job's loop plan), with byte addresses instead of typed arrays. Each function
 * returns false, having done nothing, when the backend does not cover the case; the caller then runs the JS loop.
 */
import type { ArrayDescriptor } from '../../descriptor.js'
import { DTYPES, typedView, type DTypeName } from '../../dtype.js'
import { Cursor, type LoopPlan } from '../loop-plan.js'
import { inKernelArena, wasmBinary, wasmUnary } from './backend.js'
import type { SimdBinaryVS } from './module.js'

/** Below this many elements per run the JS kernel is as fast (no call-boundary cost). */
const MIN_RUN = 16

/** Unary op over contiguous runs; output and input in the arena. */
export function wasmUnaryRun(op: string, dt: DTypeName, ops: readonly ArrayDescriptor[], plan: LoopPlan, start: number, end: number): boolean {
  if (plan.shape[0]! < MIN_RUN || !inKernelArena(ops[0]!.buffer) || !inKernelArena(ops[1]!.buffer)) return false
  const k = wasmUnary(op, dt)
  if (k === undefined) return false
  const isz = DTYPES[dt].itemsize
  if (plan.shape.length === 1) {
    k((plan.offsets[0]! + start) * isz, (plan.offsets[1]! + start) * isz, end - start)
    return true
  }
  const cur = new Cursor(plan, start, end)
  let c: number
  while ((c = cur.next()) > 0) k(cur.offs[0]! * isz, cur.offs[1]! * isz, c)
  return true
}

/**
 * Binary op over contiguous runs, or with one input a scalar along the run (stride 0; 'scalar-1'/'scalar-2').
 * The array operands must be in the arena; the scalar may be anywhere (its value is passed, read per run).
 */
export function wasmBinaryRun(
  op: string, dt: DTypeName, ops: readonly ArrayDescriptor[], plan: LoopPlan, start: number, end: number, layout: 'contiguous' | 'scalar-1' | 'scalar-2',
): boolean {
  if (plan.shape[0]! < MIN_RUN || !inKernelArena(ops[0]!.buffer)) return false
  const isz = DTYPES[dt].itemsize
  const oneD = plan.shape.length === 1
  if (layout === 'contiguous') {
    if (!inKernelArena(ops[1]!.buffer) || !inKernelArena(ops[2]!.buffer)) return false
    const k = wasmBinary(op, dt, 'vv')
    if (k === undefined) return false
    if (oneD) {
      k((plan.offsets[0]! + start) * isz, (plan.offsets[1]! + start) * isz, (plan.offsets[2]! + start) * isz, end - start)
      return true
    }
    const cur = new Cursor(plan, start, end)
    let c: number
    while ((c = cur.next()) > 0) k(cur.offs[0]! * isz, cur.offs[1]! * isz, cur.offs[2]! * isz, c)
    return true
  }
  // the array input is 1 for scalar-2 (a OP s), 2 for scalar-1 (s OP b)
  const iv = layout === 'scalar-2' ? 1 : 2
  const is = 3 - iv
  if (!inKernelArena(ops[iv]!.buffer)) return false
  // vs and sv share a signature: (o, a|s, s|b, n)
  const k = layout === 'scalar-2' ? wasmBinary(op, dt, 'vs') : (wasmBinary(op, dt, 'sv') as unknown as SimdBinaryVS | undefined)
  if (k === undefined) return false
  const sv = typedView(ops[is]!.buffer, ops[is]!.dtype) as Float64Array | Float32Array
  if (oneD) {
    k((plan.offsets[0]! + start) * isz, iv === 1 ? (plan.offsets[1]! + start) * isz : sv[plan.offsets[1]!]!, iv === 1 ? sv[plan.offsets[2]!]! : (plan.offsets[2]! + start) * isz, end - start)
    return true
  }
  const cur = new Cursor(plan, start, end)
  let c: number
  while ((c = cur.next()) > 0) {
    k(cur.offs[0]! * isz, iv === 1 ? cur.offs[1]! * isz : sv[cur.offs[1]!]!, iv === 1 ? sv[cur.offs[2]!]! : cur.offs[2]! * isz, c)
  }
  return true
}
