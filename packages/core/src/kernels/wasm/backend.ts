/**
 * The WASM SIMD backend: which ops it covers, and the thread's instance over the thread's arena.
 *
 * It takes over contiguous float64/float32 loops (and a scalar operand) when every array operand lives in the
 * arena this thread owns or adopted: those are plain byte addresses for the SIMD kernels. Everything else (other
 * dtypes, strided inner loops, memory outside the arena) stays on the JS kernels of the registry. Results are
 * bit-identical either way (test/wasm-kernels.test.ts checks every export against the JS kernels), so the choice
 * is about speed only.
 *
 * Turn it off with STRIDED_WASM=0 or setWasmEnabled(false) (the benchmark does, to measure the JS kernels).
 */
import { currentArena } from '../../memory/allocate.js'
import { arenaIdOf } from '../../memory/arena.js'
import { instantiateSimd, simdModule, type SimdBinarySV, type SimdBinaryVS, type SimdBinaryVV, type SimdExports, type SimdReduce, type SimdUnary } from './module.js'

let enabled = (typeof process !== 'undefined' ? process.env['STRIDED_WASM'] : undefined) !== '0'
let instance: SimdExports | null = null
let instanceArena = 0

/** Use (true) or bypass (false) the WASM kernels in this thread. */
export function setWasmEnabled(on: boolean): void {
  enabled = on
}

/**
 * Whether this thread may use the WASM SIMD kernels: not turned off (STRIDED_WASM=0 or {@link setWasmEnabled}) and
 * supported by the engine. Only arrays in the arena use them; results are bit-identical either way.
 * @returns true when the WASM kernels are enabled and available.
 */
export function wasmEnabled(): boolean {
  return enabled && simdModule() !== null
}

/** The SIMD kernels over this thread's arena, or null (no arena yet, disabled, or no SIMD in this engine). */
export function wasmKernels(): SimdExports | null {
  if (!enabled) return null
  const arena = currentArena()
  if (arena === null) return null
  if (instanceArena !== arena.id) {
    instance = simdModule() === null ? null : instantiateSimd(arena.memory)
    instanceArena = arena.id
  }
  return instance
}

/** Whether `buffer` is memory the kernels address: a generation of this thread's arena (not just any arena). */
export function inKernelArena(buffer: ArrayBufferLike): boolean {
  const arena = currentArena()
  return arena !== null && arenaIdOf(buffer) === arena.id
}

/** Registry op → kernel name stem. */
const BINARY: Readonly<Record<string, string>> = { add: 'add', subtract: 'sub', multiply: 'mul', divide: 'div', maximum: 'max', minimum: 'min' }
const UNARY: Readonly<Record<string, string>> = { negative: 'neg', abs: 'abs', sqrt: 'sqrt', square: 'square', floor: 'floor', ceil: 'ceil', rint: 'rint' }
const SUFFIX: Readonly<Record<string, string>> = { float64: 'f64', float32: 'f32' }

/** The binary kernel for (op, dtype, form), or undefined. form: vv both arrays, vs scalar second, sv scalar first. */
export function wasmBinary(op: string, dt: string, form: 'vv'): SimdBinaryVV | undefined
export function wasmBinary(op: string, dt: string, form: 'vs'): SimdBinaryVS | undefined
export function wasmBinary(op: string, dt: string, form: 'sv'): SimdBinarySV | undefined
export function wasmBinary(op: string, dt: string, form: 'vv' | 'vs' | 'sv'): SimdBinaryVV | undefined {
  const w = wasmKernels()
  const stem = BINARY[op]
  const t = SUFFIX[dt]
  if (w === null || stem === undefined || t === undefined) return undefined
  return (w as unknown as Record<string, SimdBinaryVV>)[`${stem}_${t}_${form}`]
}

export function wasmUnary(op: string, dt: string): SimdUnary | undefined {
  const w = wasmKernels()
  const stem = UNARY[op]
  const t = SUFFIX[dt]
  if (w === null || stem === undefined || t === undefined) return undefined
  return (w as unknown as Record<string, SimdUnary>)[`${stem}_${t}`]
}

/** Whole-run reductions sum/max/min of float64/float32, or undefined. */
export function wasmReduce(op: 'sum' | 'max' | 'min', dt: 'f64' | 'f32'): SimdReduce | undefined {
  const w = wasmKernels()
  return w === null ? undefined : w[`${op}_${dt}`]
}
