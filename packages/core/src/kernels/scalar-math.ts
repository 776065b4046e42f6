/**
 * Scalar helpers used inside the generated loops (kernels/generated/*). Each is small and monomorphic in its
 * argument types (number or bigint), so TurboFan inlines it into the loop that calls it.
 * Semantics follow NumPy's C loops (numpy/_core/src/umath/loops*.c.src, npy_math) bit for bit.
 */

const f32 = Math.fround

/** Python-style float floor division (npy_floor_divide / npy_divmod), float64. */
export function floorDivF64(a: number, b: number): number {
  if (b === 0) return a / b
  const mod = a % b
  let div = (a - mod) / b
  if (mod !== 0) {
    if ((b < 0) !== (mod < 0)) div -= 1
  }
  if (div !== 0) {
    let fl = Math.floor(div)
    if (div - fl > 0.5) fl += 1
    return fl
  }
  // a zero quotient takes the sign of a/b
  return a / b < 0 || Object.is(a / b, -0) ? -0 : 0
}

/** Python-style float remainder (npy_remainder), float64: the result has the sign of b. */
export function modF64(a: number, b: number): number {
  if (b === 0) return a % b // NaN, as fmod
  let mod = a % b
  if (mod !== 0) {
    if ((b < 0) !== (mod < 0)) mod += b
  } else mod = b < 0 ? -0 : 0
  return mod
}

/** floorDivF64 with every intermediate rounded to float32 (NumPy's float loop runs in float). */
export function floorDivF32(a: number, b: number): number {
  if (b === 0) return f32(a / b)
  const mod = a % b // fmod is exact, so this is already a float32 value
  let div = f32(f32(a - mod) / b)
  if (mod !== 0) {
    if ((b < 0) !== (mod < 0)) div = f32(div - 1)
  }
  if (div !== 0) {
    let fl = Math.floor(div)
    if (f32(div - fl) > 0.5) fl = f32(fl + 1)
    return fl
  }
  const q = a / b
  return q < 0 || Object.is(q, -0) ? -0 : 0
}

/** modF64 in float32 arithmetic. */
export function modF32(a: number, b: number): number {
  if (b === 0) return a % b
  let mod = a % b
  if (mod !== 0) {
    if ((b < 0) !== (mod < 0)) mod = f32(mod + b)
  } else mod = b < 0 ? -0 : 0
  return mod
}

/** Integer floor division of two exact integers below 2^32 in magnitude; x // 0 = 0 (NumPy, with a warning). */
export function floorDivInt(a: number, b: number): number {
  if (b === 0) return 0
  return Math.floor(a / b)
}

/** Integer Python-style remainder; x % 0 = 0. */
export function modInt(a: number, b: number): number {
  if (b === 0) return 0
  const r = a % b
  return r !== 0 && (r < 0) !== (b < 0) ? r + b : r + 0
}

export function floorDivBig(a: bigint, b: bigint): bigint {
  if (b === 0n) return 0n
  const q = a / b
  return (a % b !== 0n) && ((a < 0n) !== (b < 0n)) ? q - 1n : q
}

export function modBig(a: bigint, b: bigint): bigint {
  if (b === 0n) return 0n
  const r = a % b
  return r !== 0n && (r < 0n) !== (b < 0n) ? r + b : r
}

/** C pow() special cases that differ from JS Math.pow: pow(1, y) = 1 and pow(-1, ±inf) = 1. */
export function powF64(a: number, b: number): number {
  if (a === 1) return 1
  if (a === -1 && (b === Infinity || b === -Infinity)) return 1
  return Math.pow(a, b)
}

/**
 * Integer power by repeated squaring, wrapping like C arithmetic: the low 32 bits are exact (Math.imul), which is
 * all an 8/16/32-bit store keeps. Negative exponents are rejected before the loop runs (ValueError as NumPy).
 */
export function powInt(a: number, b: number): number {
  let result = 1
  let base = a | 0
  let e = b
  while (e > 0) {
    if (e & 1) result = Math.imul(result, base)
    base = Math.imul(base, base)
    e = Math.floor(e / 2)
  }
  return result
}

/** 64-bit integer power, wrapping modulo 2^64 (low 64 bits; the BigInt64Array/BigUint64Array store wraps). */
export function powBig(a: bigint, b: bigint): bigint {
  let result = 1n
  let base = BigInt.asUintN(64, a)
  let e = b
  while (e > 0n) {
    if (e & 1n) result = BigInt.asUintN(64, result * base)
    base = BigInt.asUintN(64, base * base)
    e >>= 1n
  }
  return result
}

/** np.rint: round half to even. */
export function rint(x: number): number {
  const r = Math.round(x)
  return r - x === 0.5 && r % 2 !== 0 ? r - 1 : r
}

/** NumPy clip for floats: minimum(maximum(x, lo), hi) with NaN in any operand propagating. */
export function clipF(x: number, lo: number, hi: number): number {
  const t = x !== x || x > lo ? x : lo
  return t !== t || t < hi ? t : hi
}

/** clip for integers: minimum(maximum(x, lo), hi). */
export function clipI(x: number, lo: number, hi: number): number {
  const t = x > lo ? x : lo
  return t < hi ? t : hi
}

export function clipBig(x: bigint, lo: bigint, hi: bigint): bigint {
  const t = x > lo ? x : lo
  return t < hi ? t : hi
}
