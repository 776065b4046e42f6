/**
 * Kernel registry: loops looked up by (op, loop dtype, layout class), so a faster backend (WASM SIMD, a native
 * addon...) can replace entries without touching callers: `setKernel('add', 'float64', 'contiguous', fn)`.
 *
 * Layout classes (decided per call from the innermost loop strides and the operands' typed-array classes):
 *   'contiguous'  every operand has unit stride in the inner loop
 *   'scalar-1'    (binary) input 1 has stride 0, the output and input 2 unit stride
 *   'scalar-2'    (binary) input 2 has stride 0, the output and input 1 unit stride
 *   'scalar-23'   (ternary) inputs 2 and 3 have stride 0 (clip with scalar bounds)
 *   'strided'     anything else
 *   'mixed'       an input's typed-array class differs from the loop dtype's (read exactly as JS numbers, e.g.
 *                 int16 into a float32 loop); any strides
 * When a class is missing the runtime falls back to 'strided' (always present), and a scalar-1 layout of an op in
 * BINARY_SWAP runs the partner's scalar-2 kernel with the inputs exchanged.
 *
 * Calling conventions (o = output typed array, a/b/c = inputs, *o = element offsets, *s = element strides; the
 * typed arrays cover their whole buffer, as typedView gives them):
 *   unary     contiguous: (n, o, oo, a, ao)                 strided/mixed: (n, o, oo, os, a, ao, as)
 *   binary    contiguous/scalar-1/scalar-2: (n, o, oo, a, ao, b, bo)
 *             strided/mixed: (n, o, oo, os, a, ao, as, b, bo, bs)
 *   ternary   contiguous/scalar-23: (n, o, oo, a, ao, b, bo, c, co)
 *             strided/mixed: (n, o, oo, os, a, ao, as, b, bo, bs, c, co, cs)
 * A kernel processes exactly n elements and may not touch anything else.
 */
import type { DTypeName } from '../dtype.js'
import { BINARY_KERNELS, BINARY_SWAP } from './generated/binary.js'
import { TERNARY_KERNELS } from './generated/ternary.js'
import { UNARY_KERNELS } from './generated/unary.js'

export type LayoutClass = 'contiguous' | 'scalar-1' | 'scalar-2' | 'scalar-23' | 'strided' | 'mixed'

/** Any kernel; call sites cast to the convention of the arity and layout. */
export type Kernel = (...args: never[]) => void

export type UnaryContiguous = (n: number, o: unknown, oo: number, a: unknown, ao: number) => void
export type UnaryStrided = (n: number, o: unknown, oo: number, os: number, a: unknown, ao: number, as: number) => void
export type BinaryContiguous = (n: number, o: unknown, oo: number, a: unknown, ao: number, b: unknown, bo: number) => void
export type BinaryStrided = (n: number, o: unknown, oo: number, os: number, a: unknown, ao: number, as: number, b: unknown, bo: number, bs: number) => void
export type TernaryContiguous = (n: number, o: unknown, oo: number, a: unknown, ao: number, b: unknown, bo: number, c: unknown, co: number) => void
export type TernaryStrided = (
  n: number, o: unknown, oo: number, os: number, a: unknown, ao: number, as: number, b: unknown, bo: number, bs: number, c: unknown, co: number, cs: number,
) => void

/** op → dtype → layout → kernel (nested maps: no key strings built per lookup). */
const TABLE = new Map<string, Map<DTypeName, Map<LayoutClass, Kernel>>>()

/** Register (or replace) the kernel for (op, dtype, layout). */
export function setKernel(op: string, dt: DTypeName, layout: LayoutClass, fn: Kernel): void {
  let byDt = TABLE.get(op)
  if (byDt === undefined) TABLE.set(op, (byDt = new Map()))
  let byLayout = byDt.get(dt)
  if (byLayout === undefined) byDt.set(dt, (byLayout = new Map()))
  byLayout.set(layout, fn)
}

for (const src of [UNARY_KERNELS, BINARY_KERNELS, TERNARY_KERNELS]) {
  for (const k of Object.keys(src)) {
    const [op, dt, layout] = k.split('/') as [string, DTypeName, LayoutClass]
    setKernel(op, dt, layout, src[k]!)
  }
}

/** The exact entry, or undefined. */
export function getKernel(op: string, dt: DTypeName, layout: LayoutClass): Kernel | undefined {
  return TABLE.get(op)?.get(dt)?.get(layout)
}

/** True when op has any loop for dtype dt (float16 loops are the float32 kernels run on tiles: kernels/elementwise.ts). */
export function hasLoop(op: string, dt: DTypeName): boolean {
  return TABLE.get(op)?.get(dt === 'float16' ? 'float32' : dt)?.has('strided') ?? false
}

/** Scalar-first partner of a binary op (see module comment), or undefined. */
export function swapPartner(op: string): string | undefined {
  return BINARY_SWAP[op]
}

/** All registered keys 'op/dtype/layout' (for tests and diagnostics). */
export function kernelKeys(): string[] {
  const out: string[] = []
  for (const [op, byDt] of TABLE) for (const [dt, byLayout] of byDt) for (const layout of byLayout.keys()) out.push(`${op}/${dt}/${layout}`)
  return out
}
