/**
 * Product kernels.
 *  - Float multiply-reduce (class fseq): NumPy's multiply reduce loop is strictly sequential (no pairwise
 *    scheme), so each output is ((1·x0)·x1)·… in iteration order; float32 rounds after every multiply.
 *  - Integer multiply-reduce (class iprod): wrapping 64-bit products are order-free; kept as two uint32 halves
 *    (acc.g = high word, acc.f = low word) and multiplied with 16-bit partial products, two accumulators per row.
 */
import type { TypedArray } from '../../dtype.js'
import { roundToHalf } from '../../float16.js'
import { halvesToF32 } from './sum.js'
import { halves, makeWalker, type Acc, type Walker } from './walk.js'

const fr = Math.fround
const TWO32 = 4294967296

type NumArray = Float64Array | Float32Array | Int8Array | Uint8Array | Int16Array | Uint16Array | Int32Array | Uint32Array

// ------------------------------------------------------------------------------------------------ float

function prodRow64(x: NumArray, off: number, n: number, s: number, acc: Acc, o: number): void {
  let t = acc.f[o]!
  let p = off
  for (let i = 0; i < n; i++) { t *= x[p]!; p += s }
  acc.f[o] = t
}

function prodRow32(x: NumArray, off: number, n: number, s: number, acc: Acc, o: number): void {
  let t = acc.f[o]!
  let p = off
  for (let i = 0; i < n; i++) { t = fr(t * fr(x[p]!)); p += s }
  acc.f[o] = t
}

function prodRows64(x: NumArray, off: number, n: number, s: number, R: number, rs: number, acc: Acc, o: number, os: number): void {
  const a = acc.f
  let r = 0
  for (; r + 4 <= R; r += 4) {
    const b0 = off + r * rs, b1 = b0 + rs, b2 = b1 + rs, b3 = b2 + rs
    for (let j = 0; j < n; j++) {
      const js = j * s
      let t = a[o + j * os]!
      t *= x[b0 + js]!; t *= x[b1 + js]!; t *= x[b2 + js]!; t *= x[b3 + js]!
      a[o + j * os] = t
    }
  }
  for (; r < R; r++) {
    const b0 = off + r * rs
    for (let j = 0; j < n; j++) a[o + j * os] = a[o + j * os]! * x[b0 + j * s]!
  }
}

function prodRows32(x: NumArray, off: number, n: number, s: number, R: number, rs: number, acc: Acc, o: number, os: number): void {
  const a = acc.f
  for (let r = 0; r < R; r++) {
    const b0 = off + r * rs
    for (let j = 0; j < n; j++) a[o + j * os] = fr(a[o + j * os]! * fr(x[b0 + j * s]!))
  }
}

/** float16 loop over a float32 shadow (reduce-plan.ts halfAcc): a row is one inner-loop call, rounded to half at its end. */
function prodRow16(x: NumArray, off: number, n: number, s: number, acc: Acc, o: number): void {
  let t = acc.f[o]!
  let p = off
  for (let i = 0; i < n; i++) { t = fr(t * x[p]!); p += s }
  acc.f[o] = roundToHalf(t)
}

/** float16 loop, outer-axis steps: each step is NumPy's half multiply (float32 product rounded to half). */
function prodRows16(x: NumArray, off: number, n: number, s: number, R: number, rs: number, acc: Acc, o: number, os: number): void {
  const a = acc.f
  for (let r = 0; r < R; r++) {
    const b0 = off + r * rs
    for (let j = 0; j < n; j++) a[o + j * os] = roundToHalf(fr(a[o + j * os]! * x[b0 + j * s]!))
  }
}

/** Sequential float product over a number source (any non-64-bit-integer dtype). */
export function makeFloatProdWalker(loop32: boolean, half = false): Walker<TypedArray> {
  const row = half ? prodRow16 : loop32 ? prodRow32 : prodRow64
  const rows = half ? prodRows16 : loop32 ? prodRows32 : prodRows64
  return makeWalker<TypedArray>(
    (x, off, n, s, acc, o) => row(x as NumArray, off, n, s, acc, o),
    (x, off, n, s, R, rs, acc, o, os) => rows(x as NumArray, off, n, s, R, rs, acc, o, os),
  )
}

/** Sequential float product over int64/uint64 data read as halves (x = low view, hi = high view). */
export function makeFloatProdWalkerHalves(loop32: boolean): Walker<TypedArray> {
  const val = (lo: Uint32Array, p: number): number => {
    const hi = halves.hi
    return loop32 ? halvesToF32(hi[2 * p + 1]!, lo[2 * p]!) : hi[2 * p + 1]! * TWO32 + lo[2 * p]!
  }
  const mul = (a: number, b: number): number => (loop32 ? fr(a * b) : a * b)
  return makeWalker<TypedArray>(
    (x, off, n, s, acc, o) => {
      let t = acc.f[o]!
      for (let i = 0; i < n; i++) t = mul(t, val(x as Uint32Array, off + i * s))
      acc.f[o] = t
    },
    (x, off, n, s, R, rs, acc, o, os) => {
      const a = acc.f
      for (let r = 0; r < R; r++) {
        for (let j = 0; j < n; j++) a[o + j * os] = mul(a[o + j * os]!, val(x as Uint32Array, off + r * rs + j * s))
      }
    },
  )
}

// ------------------------------------------------------------------------------------------------ integer

/** High 32 bits of the 64-bit product of two uint32 values. */
function mulhi(a: number, b: number): number {
  const a0 = a & 0xffff, a1 = a >>> 16, b0 = b & 0xffff, b1 = b >>> 16
  const p00 = a0 * b0, p01 = a0 * b1, p10 = a1 * b0, p11 = a1 * b1
  const mid = (p00 >>> 16) + (p01 & 0xffff) + (p10 & 0xffff)
  return (p11 + (p01 >>> 16) + (p10 >>> 16) + (mid >>> 16)) >>> 0
}

// multiply (ah, al) by (bh, bl) modulo 2^64; result in rh/rl (module scratch, one thread each)
let rh = 0, rl = 0
function mul64(ah: number, al: number, bh: number, bl: number): void {
  rl = Math.imul(al, bl) >>> 0
  rh = (mulhi(al, bl) + Math.imul(ah, bl) + Math.imul(al, bh)) >>> 0
}

/** acc[o] ← acc[o] · ∏ row, modulo 2^64. `hi` non-null: int64 halves (x is the low view). */
function iprodRow(x: TypedArray, hi: Int32Array | Uint32Array | null, off: number, n: number, s: number, acc: Acc, o: number): void {
  let ah = acc.g![o]!, al = acc.f[o]!
  let bh2 = 0, bl2 = 1
  let i = 0
  let p = off
  if (hi === null) {
    const v = x as NumArray
    for (; i + 2 <= n; i += 2) {
      const u = v[p]!, w = v[p + s]!
      mul64(ah, al, u < 0 ? 0xffffffff : 0, u >>> 0); ah = rh; al = rl
      mul64(bh2, bl2, w < 0 ? 0xffffffff : 0, w >>> 0); bh2 = rh; bl2 = rl
      p += 2 * s
    }
    for (; i < n; i++) { const u = v[p]!; mul64(ah, al, u < 0 ? 0xffffffff : 0, u >>> 0); ah = rh; al = rl; p += s }
  } else {
    const lo = x as Uint32Array
    for (; i < n; i++) { mul64(ah, al, hi[2 * p + 1]! >>> 0, lo[2 * p]!); ah = rh; al = rl; p += s }
  }
  mul64(ah, al, bh2, bl2)
  acc.g![o] = rh
  acc.f[o] = rl
}

function iprodRows(x: TypedArray, hi: Int32Array | Uint32Array | null, off: number, n: number, s: number, R: number, rs: number, acc: Acc, o: number, os: number): void {
  const af = acc.f, ag = acc.g!
  for (let r = 0; r < R; r++) {
    const b = off + r * rs
    for (let j = 0; j < n; j++) {
      const k = o + j * os
      const p = b + j * s
      if (hi === null) {
        const u = (x as NumArray)[p]!
        mul64(ag[k]!, af[k]!, u < 0 ? 0xffffffff : 0, u >>> 0)
      } else {
        mul64(ag[k]!, af[k]!, hi[2 * p + 1]! >>> 0, (x as Uint32Array)[2 * p]!)
      }
      ag[k] = rh
      af[k] = rl
    }
  }
}

/** Integer product walker; `useHalves`: int64/uint64 data (x = low view, high words from halves.hi). */
export function makeIntProdWalker(useHalves: boolean): Walker<TypedArray> {
  return makeWalker<TypedArray>(
    (x, off, n, s, acc, o) => iprodRow(x, useHalves ? halves.hi : null, off, n, s, acc, o),
    (x, off, n, s, R, rs, acc, o, os) => iprodRows(x, useHalves ? halves.hi : null, off, n, s, R, rs, acc, o, os),
  )
}

/** Multiply two 64-bit values given as bigint bit patterns, modulo 2^64. */
export function mulU64(a: bigint, b: bigint): bigint {
  return BigInt.asUintN(64, a * b)
}

/** The uint64 bit pattern of slot o of an integer-product accumulator. */
export function prodBits(acc: Acc, o: number): bigint {
  return (BigInt(acc.g![o]!) << 32n) | BigInt(acc.f[o]!)
}

/** Store a uint64 bit pattern into slot o. */
export function setProdBits(acc: Acc, o: number, v: bigint): void {
  acc.g![o] = Number(v >> 32n)
  acc.f[o] = Number(v & 0xffffffffn)
}
