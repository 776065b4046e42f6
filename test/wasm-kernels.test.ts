/**
 * WebAssembly SIMD kernels (packages/core/src/kernels/wasm): every export against its JS oracle, bit for bit (any
 * NaN equals any NaN): the registry's contiguous / scalar-1 / scalar-2 loops, pairwiseSum64/32, maxRowF/minRowF,
 * Float64Array.from and Math.fround. Lengths 0..300 and two large ones, addresses that are element-aligned but not
 * 16-aligned, in-place o == a and o == b, guard elements around the output, a fast-check property, and a check
 * that the committed module was built from the current wat.ts.
 */
import { readFileSync } from 'node:fs'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { getKernel, swapPartner, type BinaryContiguous, type UnaryContiguous } from '../packages/core/src/kernels/registry.js'
import { maxRowF, minRowF } from '../packages/core/src/kernels/reduce/minmax.js'
import { pairwiseSum32, pairwiseSum64 } from '../packages/core/src/kernels/reduce/pairwise.js'
import { compileWat, watSha256 } from '../packages/core/src/kernels/wasm/build.js'
import { SIMD_MODULE_BASE64, SIMD_MODULE_WAT_SHA256 } from '../packages/core/src/kernels/wasm/generated/simd-module.js'
import { instantiateSimd, simdModule, type SimdExports } from '../packages/core/src/kernels/wasm/module.js'
import { WASM_EXPORTS, simdModuleWat, type WasmExportInfo } from '../packages/core/src/kernels/wasm/wat.js'
import { rng } from './support/rng.js'

// ------------------------------------------------------------------------------------------------ memory layout

const REGION = 8 * ((1 << 20) + 5) + 4096 // bytes per operand region (the largest f64 case plus slack)
const BASE = { a: 256, b: 256 + REGION, o: 256 + 2 * REGION } as const
const PAGES = Math.ceil((256 + 3 * REGION + 4096) / 65536)
const memory = new WebAssembly.Memory({ initial: PAGES, maximum: PAGES + 16, shared: true })
const wasm: SimdExports = instantiateSimd(memory)
const W = wasm as unknown as Record<string, (...args: number[]) => number | undefined>
const buf = memory.buffer as unknown as SharedArrayBuffer
const F64 = new Float64Array(buf), F32 = new Float32Array(buf), I32 = new Int32Array(buf), U32 = new Uint32Array(buf)
const GUARD = 8 // elements checked on each side of an output
const SENTINEL = 0x5a5a5a5a

type T = 'f64' | 'f32'
const BYTES: Record<T, number> = { f64: 8, f32: 4 }
const viewOf = (t: T): Float64Array | Float32Array => (t === 'f64' ? F64 : F32)

// ------------------------------------------------------------------------------------------------ values


const bitsF64 = (hi: number, lo: number): number => {
  const u = new Uint32Array([lo, hi])
  return new Float64Array(u.buffer)[0]!
}
const SPECIAL64 = [
  NaN, bitsF64(0xfff80000, 0), bitsF64(0x7ff00000, 1), 0, -0, Infinity, -Infinity, 5e-324, -5e-324, 2.225073858507201e-308,
  -2.225073858507201e-308, 2.2250738585072014e-308, Number.MAX_VALUE, -Number.MAX_VALUE, 1, -1, 0.5, -0.5, 1.5, -1.5, 2.5, -2.5,
  -0.4, 0.49999999999999994, -0.49999999999999994, 2 ** 52 - 0.5, -(2 ** 52) + 0.5, 2 ** 52 + 1, 2 ** 53, 1e300, -1e300, 1e-300,
  -1e-310, 3, 7, -0.1, 1.4e-45, 3.4028235677973366e38, 3.4028235677973366e38 * (1 + 2 ** -25), 1.1754942106924411e-38,
]
const SPECIAL32 = SPECIAL64.map(Math.fround)

type Kind = 'mixed' | 'finite' | 'nonpos' | 'nonneg' | 'zeros' | 'ints'

/** One value of a pool kind (float64; float32 pools round it). */
function value(r: () => number, kind: Kind, special: readonly number[]): number {
  const u = r()
  switch (kind) {
    case 'mixed': {
      if (u < 0.25) return special[Math.floor(r() * special.length)]!
      if (u < 0.5) return (Math.floor(r() * 64) - 32) / 4 // halves and quarters: rounding ties
      const e = Math.floor(r() * 2100) - 1075 // any magnitude, subnormals included
      return (r() < 0.5 ? -1 : 1) * (1 + r()) * 2 ** e
    }
    case 'finite': return (r() < 0.02 ? (r() < 0.5 ? 0 : -0) : (r() - 0.5) * 2 ** (Math.floor(r() * 40) - 20))
    case 'nonpos': return u < 0.05 ? 0 : u < 0.1 ? -0 : u < 0.12 ? -Infinity : -r() * 2 ** (Math.floor(r() * 20) - 10)
    case 'nonneg': return u < 0.05 ? 0 : u < 0.1 ? -0 : u < 0.12 ? Infinity : r() * 2 ** (Math.floor(r() * 20) - 10)
    case 'zeros': return u < 0.5 ? 0 : -0
    case 'ints': return Math.floor((r() - 0.5) * 2 ** (Math.floor(r() * 32)))
  }
}

const LARGE = [100003, (1 << 20) + 5]
/** Pool length: prime, so tiled large inputs do not repeat with a period that is a multiple of 8. */
const POOL = 65537
const poolCache = new Map<string, Float64Array>()
function pool(kind: Kind, t: T, seed: number): Float64Array {
  const key = `${kind}/${t}/${seed}`
  let p = poolCache.get(key)
  if (p === undefined) {
    const r = rng(seed * 7919 + kind.length)
    const special = t === 'f64' ? SPECIAL64 : SPECIAL32
    p = new Float64Array(POOL)
    for (let i = 0; i < p.length; i++) p[i] = value(r, kind, special)
    if (t === 'f32') for (let i = 0; i < p.length; i++) p[i] = Math.fround(p[i]!)
    poolCache.set(key, p)
  }
  return p
}

/** Write n values of a pool (from index `from`, tiled) at byte address `addr`, as type t (or int32). */
function put(t: T | 'i32', addr: number, src: Float64Array, from: number, n: number): void {
  const X = t === 'i32' ? I32 : viewOf(t), at = addr / (t === 'f64' ? 8 : 4)
  for (let done = 0; done < n;) {
    const start = (from + done) % POOL, len = Math.min(n - done, POOL - start)
    X.set(src.subarray(start, start + len), at + done)
    done += len
  }
}

// ------------------------------------------------------------------------------------------------ bit comparison

const cmpF64 = new Float64Array(2), cmpU = new Uint32Array(cmpF64.buffer)
/** Same bits, or both NaN (for f32: compared as the float32 values widened). */
function sameNumber(x: number, y: number): boolean {
  if (x !== x) return y !== y
  cmpF64[0] = x; cmpF64[1] = y
  return cmpU[0] === cmpU[2] && cmpU[1] === cmpU[3]
}

/** Index of the first element of memory[o..o+n) (type t) whose bits differ from want[0..n), or -1. */
function firstDiff(t: T, oAddr: number, want: Float64Array | Float32Array, n: number): number {
  const wu = new Uint32Array(want.buffer, want.byteOffset, want.length * (BYTES[t] / 4))
  const got = viewOf(t), gi = oAddr / BYTES[t], ui = oAddr / 4
  if (t === 'f64') {
    for (let i = 0; i < n; i++) {
      if (U32[ui + 2 * i] !== wu[2 * i] || U32[ui + 2 * i + 1] !== wu[2 * i + 1]) {
        if (got[gi + i] !== got[gi + i] && want[i] !== want[i]) continue
        return i
      }
    }
  } else {
    for (let i = 0; i < n; i++) {
      if (U32[ui + i] !== wu[i]) {
        if (got[gi + i] !== got[gi + i] && want[i] !== want[i]) continue
        return i
      }
    }
  }
  return -1
}

function setGuards(oAddr: number, bytes: number): void {
  U32.fill(SENTINEL, (oAddr - GUARD * 8) / 4, oAddr / 4)
  U32.fill(SENTINEL, (oAddr + bytes) / 4, (oAddr + bytes + GUARD * 8) / 4)
}
function guardsIntact(oAddr: number, bytes: number): boolean {
  for (let i = (oAddr - GUARD * 8) / 4; i < oAddr / 4; i++) if (U32[i] !== SENTINEL) return false
  for (let i = (oAddr + bytes) / 4; i < (oAddr + bytes + GUARD * 8) / 4; i++) if (U32[i] !== SENTINEL) return false
  return true
}

function describeFail(name: string, n: number, i: number, extra: string): string {
  return `${name} n=${n} first mismatch at ${i} ${extra}`
}

// ------------------------------------------------------------------------------------------------ oracles

const dtypeOf = (t: T): 'float64' | 'float32' => (t === 'f64' ? 'float64' : 'float32')
const newArr = (t: T, n: number): Float64Array | Float32Array => (t === 'f64' ? new Float64Array(n) : new Float32Array(n))

/** The JS registry's result of a binary export (as the runtime dispatches it). */
function binaryOracle(info: WasmExportInfo, t: T, aAddr: number, bAddr: number, s: number, n: number): Float64Array | Float32Array {
  const dt = dtypeOf(t), op = info.jsOp!, X = viewOf(t), el = BYTES[t]
  const ref = newArr(t, n)
  const S = newArr(t, 1)
  S[0] = s
  if (info.form === 'vv') (getKernel(op, dt, 'contiguous') as BinaryContiguous)(n, ref, 0, X, aAddr / el, X, bAddr / el)
  else if (info.form === 'vs') (getKernel(op, dt, 'scalar-2') as BinaryContiguous)(n, ref, 0, X, aAddr / el, S, 0)
  else {
    const k1 = getKernel(op, dt, 'scalar-1') as BinaryContiguous | undefined
    if (k1 !== undefined) k1(n, ref, 0, S, 0, X, bAddr / el)
    else (getKernel(swapPartner(op)!, dt, 'scalar-2') as BinaryContiguous)(n, ref, 0, X, bAddr / el, S, 0)
  }
  return ref
}

function unaryOracle(info: WasmExportInfo, t: T, aAddr: number, n: number): Float64Array | Float32Array {
  const ref = newArr(t, n)
  ;(getKernel(info.jsOp!, dtypeOf(t), 'contiguous') as UnaryContiguous)(n, ref, 0, viewOf(t), aAddr / BYTES[t])
  return ref
}

function reduceOracle(info: WasmExportInfo, t: T, aAddr: number, n: number): number {
  const X = viewOf(t), i = aAddr / BYTES[t]
  if (info.op === 'sum') return t === 'f64' ? pairwiseSum64(F64, i, n) : pairwiseSum32(F32, i, n)
  return (info.op === 'max' ? maxRowF : minRowF)(X, i, n, 1)
}

// ------------------------------------------------------------------------------------------------ runners

const names = (kind: WasmExportInfo['kind']): string[] => Object.keys(WASM_EXPORTS).filter((k) => WASM_EXPORTS[k]!.kind === kind)
const typeOf = (name: string): T => (name.includes('f32') ? 'f32' : 'f64')

type InPlace = 'none' | 'a' | 'b'

/** Run a binary export on data already in memory at aAddr/bAddr; returns an error text or null. */
function checkBinary(name: string, aAddr: number, bAddr: number, oAddr: number, s: number, n: number, inPlace: InPlace): string | null {
  const info = WASM_EXPORTS[name]!, t = typeOf(name), el = BYTES[t]
  if (inPlace === 'a') oAddr = aAddr
  if (inPlace === 'b') oAddr = bAddr
  const ref = binaryOracle(info, t, aAddr, bAddr, t === 'f32' ? Math.fround(s) : s, n)
  if (inPlace === 'none') setGuards(oAddr, n * el)
  const f = W[name]!
  if (info.form === 'vv') f(oAddr, aAddr, bAddr, n)
  else if (info.form === 'vs') f(oAddr, aAddr, s, n)
  else f(oAddr, s, bAddr, n)
  const d = firstDiff(t, oAddr, ref, n)
  if (d >= 0) {
    const got = viewOf(t)[oAddr / el + d]
    return describeFail(name, n, d, `inPlace=${inPlace} s=${s} got ${got} want ${ref[d]}`)
  }
  if (inPlace === 'none' && !guardsIntact(oAddr, n * el)) return `${name} n=${n} wrote outside the output`
  return null
}

function checkUnary(name: string, aAddr: number, oAddr: number, n: number, inPlace: boolean): string | null {
  const info = WASM_EXPORTS[name]!, t = typeOf(name), el = BYTES[t]
  if (inPlace) oAddr = aAddr
  const ref = unaryOracle(info, t, aAddr, n)
  if (!inPlace) setGuards(oAddr, n * el)
  W[name]!(oAddr, aAddr, n)
  const d = firstDiff(t, oAddr, ref, n)
  if (d >= 0) return describeFail(name, n, d, `inPlace=${inPlace} in ${viewOf(t)[aAddr / el + d]} got ${viewOf(t)[oAddr / el + d]} want ${ref[d]}`)
  if (!inPlace && !guardsIntact(oAddr, n * el)) return `${name} n=${n} wrote outside the output`
  return null
}

function checkReduce(name: string, aAddr: number, n: number): string | null {
  const info = WASM_EXPORTS[name]!, t = typeOf(name)
  const want = reduceOracle(info, t, aAddr, n)
  const got = W[name]!(aAddr, n) as number
  return sameNumber(got, want) ? null : `${name} n=${n} addr=${aAddr} got ${got} (${Object.is(got, -0) ? '-0' : ''}) want ${want} (${Object.is(want, -0) ? '-0' : ''})`
}

/** Conversion oracles: Float64Array.from (exact widening) and Math.fround. */
function checkConvert(name: string, aAddr: number, oAddr: number, n: number, inPlace: boolean): string | null {
  let ref: Float64Array | Float32Array
  let outT: T
  if (name === 'f32_to_f64') { ref = Float64Array.from(F32.subarray(aAddr / 4, aAddr / 4 + n)); outT = 'f64' }
  else if (name === 'i32_to_f64') { ref = Float64Array.from(I32.subarray(aAddr / 4, aAddr / 4 + n)); outT = 'f64' }
  else { ref = Float32Array.from(F64.subarray(aAddr / 8, aAddr / 8 + n), Math.fround); outT = 'f32' }
  if (inPlace) oAddr = aAddr
  const bytes = n * BYTES[outT]
  if (!inPlace) setGuards(oAddr, bytes)
  W[name]!(oAddr, aAddr, n)
  const d = firstDiff(outT, oAddr, ref, n)
  if (d >= 0) return describeFail(name, n, d, `inPlace=${inPlace} got ${viewOf(outT)[oAddr / BYTES[outT] + d]} want ${ref[d]}`)
  if (!inPlace && !guardsIntact(oAddr, bytes)) return `${name} n=${n} wrote outside the output`
  return null
}

/** Byte misalignment (mod 16) for case k: element-aligned, cycling through every residue. */
const mis = (t: T, k: number): number => (k % (16 / BYTES[t])) * BYTES[t]

function fail(errors: string[]): void {
  expect(errors.slice(0, 5)).toEqual([])
}

// ------------------------------------------------------------------------------------------------ tests

describe('WASM SIMD kernel module', () => {
  it('validates, and exports exactly WASM_EXPORTS with their arities', () => {
    expect(simdModule()).not.toBeNull()
    const exp = WebAssembly.Module.exports(simdModule()!)
    expect(exp.map((e) => e.name).sort()).toEqual(Object.keys(WASM_EXPORTS).sort())
    for (const e of exp) expect(e.kind).toBe('function')
    for (const [name, info] of Object.entries(WASM_EXPORTS)) {
      expect(W[name]!.length, name).toBe(info.params.length)
      expect(info.paramTypes.length).toBe(info.params.length)
      if (info.jsOp !== null) expect(getKernel(info.jsOp, info.dtype as 'float64', 'contiguous'), name).toBeTypeOf('function')
    }
    expect(Object.keys(WASM_EXPORTS)).toHaveLength(6 * 2 * 3 + 7 * 2 + 3 * 2 + 3)
  })

  it('links against a shared memory of the full 65536-page maximum', () => {
    const big = new WebAssembly.Memory({ initial: 1, maximum: 65536, shared: true })
    const x = instantiateSimd(big)
    new Float64Array(big.buffer).set([1, 2, 3], 2)
    expect(x.sum_f64(16, 3)).toBe(6)
  })

  it('the committed module is built from the current wat.ts', async () => {
    const wat = simdModuleWat()
    expect(watSha256(wat)).toBe(SIMD_MODULE_WAT_SHA256)
    const watFile = new URL('../packages/core/src/kernels/wasm/generated/simd.wat', import.meta.url)
    expect(readFileSync(watFile, 'utf8') === wat, 'generated/simd.wat is stale: run build.ts').toBe(true)
    const bin = await compileWat(wat)
    expect(Buffer.from(bin).toString('base64') === SIMD_MODULE_BASE64, 'simd-module.ts is stale: run build.ts').toBe(true)
  })

  it('binary ops match the registry kernels, n = 0..300, unaligned, in place', () => {
    const errors: string[] = []
    for (const name of names('binary')) {
      const t = typeOf(name)
      const pa = pool('mixed', t, 1), pb = pool('mixed', t, 2)
      const special = t === 'f64' ? SPECIAL64 : SPECIAL32
      for (let n = 0; n <= 300; n++) {
        const a = BASE.a + mis(t, n), b = BASE.b + mis(t, n + 1), o = BASE.o + mis(t, n + 2)
        const s = n % 3 === 0 ? special[n % special.length]! : pa[n + 7]!
        put(t, a, pa, n, n); put(t, b, pb, 2 * n, n)
        const inPlace: InPlace = n % 3 === 1 ? 'a' : n % 3 === 2 ? 'b' : 'none'
        for (const ip of inPlace === 'none' ? ['none' as const] : (['none', inPlace] as const)) {
          if (ip !== 'none') { put(t, a, pa, n, n); put(t, b, pb, 2 * n, n) }
          if (ip === 'b' && WASM_EXPORTS[name]!.form === 'vs') continue // vs has no b operand
          if (ip === 'a' && WASM_EXPORTS[name]!.form === 'sv') continue // sv has no a operand
          const e = checkBinary(name, a, b, o, s, n, ip)
          if (e) errors.push(e)
        }
      }
    }
    fail(errors)
  })

  it('unary ops match the registry kernels, n = 0..300, unaligned, in place', () => {
    const errors: string[] = []
    for (const name of names('unary')) {
      const t = typeOf(name)
      const pa = pool('mixed', t, 3)
      for (let n = 0; n <= 300; n++) {
        const a = BASE.a + mis(t, n), o = BASE.o + mis(t, n + 1)
        put(t, a, pa, n, n)
        const e = checkUnary(name, a, o, n, false) ?? checkUnary(name, a, o, n, true)
        if (e) errors.push(e)
      }
    }
    fail(errors)
  })

  it('reductions match pairwiseSum64/32 and maxRowF/minRowF, n = 0..300, every pool', () => {
    const errors: string[] = []
    const kinds: Kind[] = ['mixed', 'finite', 'nonpos', 'nonneg', 'zeros']
    for (const name of names('reduce')) {
      const t = typeOf(name)
      for (const kind of kinds) {
        const p = pool(kind, t, 4)
        for (let n = 0; n <= 300; n++) {
          const a = BASE.a + mis(t, n)
          put(t, a, p, n, n)
          const e = checkReduce(name, a, n)
          if (e) errors.push(`${kind}: ${e}`)
          // one NaN somewhere in otherwise NaN-free data
          if (n > 0 && kind !== 'mixed') {
            const X = viewOf(t), i = a / BYTES[t] + ((n * 37) % n), keep = X[i]!
            X[i] = NaN
            const e2 = checkReduce(name, a, n)
            if (e2) errors.push(`${kind}+NaN: ${e2}`)
            X[i] = keep
          }
        }
      }
    }
    fail(errors)
  })

  it('max/min reductions: every placement of a single signed zero among ±0 and negatives', () => {
    // the zero that comes back depends on the JS lane order (m0..m3, leftovers in m0, ties kept first)
    const errors: string[] = []
    for (const t of ['f64', 'f32'] as const) {
      const X = viewOf(t)
      for (const n of [1, 5, 8, 13, 16, 23, 40, 67]) {
        const a = BASE.a + mis(t, n), i0 = a / BYTES[t]
        for (let mask = 0; mask < 64; mask++) {
          for (let i = 0; i < n; i++) X[i0 + i] = -1 - (i % 3)
          // up to 3 zeros with signs and positions from the mask
          for (let z = 0; z < 3; z++) {
            if (((mask >> z) & 1) === 0) continue
            X[i0 + ((mask * (z + 3) * 7 + z * 11) % n)] = (mask >> (z + 3)) & 1 ? -0 : 0
          }
          for (const op of ['max', 'min'] as const) {
            if (op === 'min') for (let i = 0; i < n; i++) X[i0 + i] = -X[i0 + i]! // mirrored: positives and zeros
            const e = checkReduce(`${op}_${t}`, a, n)
            if (e) errors.push(`mask=${mask}: ${e}`)
          }
        }
      }
    }
    fail(errors)
  })

  it('conversions match Float64Array.from / Math.fround, n = 0..300, unaligned, in place', () => {
    const errors: string[] = []
    const p64 = pool('mixed', 'f64', 5), p32 = pool('mixed', 'f32', 6), pi = pool('ints', 'f64', 7)
    for (let n = 0; n <= 300; n++) {
      for (const ip of [false, true]) {
        const a4 = BASE.a + mis('f32', n), a8 = BASE.a + mis('f64', n), o = BASE.o + mis('f32', n + 1), o8 = BASE.o + mis('f64', n + 1)
        put('f32', a4, p32, n, n)
        let e = checkConvert('f32_to_f64', a4, o8, n, ip)
        put('i32', a4, pi, n, n)
        e ??= checkConvert('i32_to_f64', a4, o8, n, ip)
        put('f64', a8, p64, n, n)
        e ??= checkConvert('f64_to_f32', a8, o, n, ip)
        if (e) errors.push(e)
      }
    }
    fail(errors)
  })

  it('large n: every export at 100003; reductions, conversions and a few elementwise ops at 2^20 + 5', () => {
    const errors: string[] = []
    for (const n of LARGE) {
      // elementwise loops have no size-dependent structure beyond the tail; the pairwise recursion does
      const pick = (k: string): boolean => n === LARGE[0] || /^(add_f(64|32)_vv|max_f(64|32)_sv|rint_f(64|32))$/.test(k)
      for (const t of ['f64', 'f32'] as const) {
        const a = BASE.a + BYTES[t], b = BASE.b + 2 * BYTES[t], o = BASE.o + 3 * BYTES[t] // none 16-aligned (f32: 4, 8, 12)
        const pa = pool('mixed', t, 8), pb = pool('mixed', t, 9)
        put(t, a, pa, 1, n); put(t, b, pb, 3, n)
        for (const name of names('binary').filter((k) => typeOf(k) === t && pick(k))) {
          const e = checkBinary(name, a, b, o, pa[5]!, n, 'none')
          if (e) errors.push(e)
        }
        for (const name of names('unary').filter((k) => typeOf(k) === t && pick(k))) {
          const e = checkUnary(name, a, o, n, false)
          if (e) errors.push(e)
        }
        for (const kind of ['finite', 'nonpos', 'mixed'] as const) {
          put(t, a, pool(kind, t, 10), 0, n)
          for (const name of names('reduce').filter((k) => typeOf(k) === t)) {
            const e = checkReduce(name, a, n)
            if (e) errors.push(`${kind}: ${e}`)
          }
        }
      }
      // in place on the large size too (backward widening loops, forward narrowing)
      put('f32', BASE.a + 4, pool('mixed', 'f32', 11), 0, n)
      const e1 = checkConvert('f32_to_f64', BASE.a + 4, 0, n, true)
      put('f64', BASE.a + 8, pool('mixed', 'f64', 12), 0, n)
      const e2 = checkConvert('f64_to_f32', BASE.a + 8, BASE.o + 4, n, false)
      put('i32', BASE.a + 12, pool('ints', 'f64', 13), 0, n)
      const e3 = checkConvert('i32_to_f64', BASE.a + 12, BASE.o + 8, n, false)
      for (const e of [e1, e2, e3]) if (e) errors.push(e)
    }
    fail(errors)
  })

  it('property: random lengths, offsets, values and aliasing (fast-check)', () => {
    const all = Object.keys(WASM_EXPORTS)
    const arb = fc.record({
      name: fc.constantFrom(...all),
      n: fc.nat({ max: 700 }),
      offs: fc.tuple(fc.nat({ max: 7 }), fc.nat({ max: 7 }), fc.nat({ max: 7 })),
      inPlace: fc.constantFrom<InPlace>('none', 'a', 'b'),
      a: fc.array(fc.double(), { minLength: 1, maxLength: 64 }),
      b: fc.array(fc.double(), { minLength: 1, maxLength: 64 }),
      s: fc.double(),
    })
    fc.assert(
      fc.property(arb, ({ name, n, offs, inPlace, a: va, b: vb, s }) => {
        const info = WASM_EXPORTS[name]!
        const t: T = info.dtype === 'float64' ? 'f64' : 'f32'
        const el = info.dtype === 'float64' ? 8 : 4
        const aAddr = BASE.a + offs[0] * el, bAddr = BASE.b + offs[1] * el, oAddr = BASE.o + 8 + offs[2] * el
        // values cycle through the drawn lists (so long runs still see the specials fast-check likes)
        const fillAt = (addr: number, vals: number[]): void => {
          if (info.dtype === 'int32') for (let i = 0; i < n; i++) I32[addr / 4 + i] = vals[i % vals.length]! | 0
          else { const X = viewOf(t); for (let i = 0; i < n; i++) X[addr / el + i] = vals[i % vals.length]! }
        }
        fillAt(aAddr, va); fillAt(bAddr, vb)
        let e: string | null
        switch (info.kind) {
          case 'binary': {
            const ip = (info.form === 'vs' && inPlace === 'b') || (info.form === 'sv' && inPlace === 'a') ? 'none' : inPlace
            e = checkBinary(name, aAddr, bAddr, oAddr, s, n, ip)
            break
          }
          case 'unary': e = checkUnary(name, aAddr, oAddr, n, inPlace === 'a'); break
          case 'reduce': e = checkReduce(name, aAddr, n); break
          case 'convert': e = checkConvert(name, aAddr, oAddr, n, inPlace === 'a'); break
        }
        if (e !== null) throw new Error(e)
      }),
      { numRuns: 400, seed: 20240611 },
    )
  })
})
