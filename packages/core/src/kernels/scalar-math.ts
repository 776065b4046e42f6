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

// ------------------------------------------------------------------------------------------------ second ufunc batch

const bitsF64 = new Float64Array(1)
const bitsF64U = new Uint32Array(bitsF64.buffer)
const bitsF32 = new Float32Array(1)
const bitsF32U = new Uint32Array(bitsF32.buffer)

/** The sign bit of a float (also of -0 and of a NaN), as 1 or 0 (np.signbit). */
export function signbit(x: number): number {
  if (x < 0) return 1
  if (x > 0) return 0
  if (x === 0) return 1 / x < 0 ? 1 : 0
  bitsF64[0] = x
  return bitsF64U[1]! >>> 31
}

/** C copysign: |x| with the sign bit of y (a NaN's sign bit counts). */
export function copysign(x: number, y: number): number {
  const ax = Math.abs(x)
  return signbit(y) === 1 ? -ax : ax
}

/** np.exp2 (glibc exp2): 2 ** x. */
export function exp2(x: number): number {
  return Math.pow(2, x)
}

/** C nextafter for float64: the next representable double after x toward y. */
export function nextafterF64(x: number, y: number): number {
  if (x !== x || y !== y) return x + y
  if (x === y) return y
  if (x === 0) return y > 0 ? 5e-324 : -5e-324
  bitsF64[0] = x
  let lo = bitsF64U[0]!
  let hi = bitsF64U[1]!
  if ((y > x) === (x > 0)) {
    lo = (lo + 1) >>> 0
    if (lo === 0) hi = (hi + 1) >>> 0
  } else {
    if (lo === 0) hi = (hi - 1) >>> 0
    lo = (lo - 1) >>> 0
  }
  bitsF64U[0] = lo
  bitsF64U[1] = hi
  return bitsF64[0]!
}

/** C nextafterf: the next representable float32 after x toward y (x, y already float32 values). */
export function nextafterF32(x: number, y: number): number {
  if (x !== x || y !== y) return x + y
  if (x === y) return y
  if (x === 0) return y > 0 ? 1.401298464324817e-45 : -1.401298464324817e-45
  bitsF32[0] = x
  bitsF32U[0] = (y > x) === (x > 0) ? bitsF32U[0]! + 1 : bitsF32U[0]! - 1
  return bitsF32[0]!
}

const HYPOT_SCALE = 2 ** -600
const HYPOT_LARGE = 2 ** 511
const HYPOT_TINY = 2 ** -511
const HYPOT_EPS = 2 ** -54

/** glibc's hypot kernel (Borges' correction, the non-FMA variant): ax >= ay >= 0, no over/underflow when squared. */
function hypotKernel(ax: number, ay: number): number {
  let h = Math.sqrt(ax * ax + ay * ay)
  let t1: number
  let t2: number
  if (h <= 2 * ay) {
    const delta = h - ay
    t1 = ax * (2 * delta - ax)
    t2 = (delta - 2 * (ax - ay)) * delta
  } else {
    const delta = h - ax
    t1 = 2 * delta * (ax - 2 * ay)
    t2 = (4 * delta - ay) * ay + delta * delta
  }
  h -= (t1 + t2) / (2 * h)
  return h
}

/** np.hypot for float64: glibc 2.35+'s correctly-scaled algorithm, step for step. */
export function hypotF64(x: number, y: number): number {
  if (!Number.isFinite(x) || !Number.isFinite(y)) {
    if (x === Infinity || x === -Infinity || y === Infinity || y === -Infinity) return Infinity
    return x + y
  }
  x = Math.abs(x)
  y = Math.abs(y)
  const ax = x < y ? y : x
  const ay = x < y ? x : y
  if (ax > HYPOT_LARGE) {
    if (ay <= ax * HYPOT_EPS) return ax + ay
    return hypotKernel(ax * HYPOT_SCALE, ay * HYPOT_SCALE) / HYPOT_SCALE
  }
  if (ay < HYPOT_TINY) {
    if (ax >= ay / HYPOT_EPS) return ax + ay
    return hypotKernel(ax / HYPOT_SCALE, ay / HYPOT_SCALE) * HYPOT_SCALE
  }
  if (ay <= ax * HYPOT_EPS) return ax + ay
  return hypotKernel(ax, ay)
}

/** np.hypot for float32 (glibc hypotf): the double sqrt of the double sum of squares, rounded once. */
export function hypotF32(x: number, y: number): number {
  if (!Number.isFinite(x) || !Number.isFinite(y)) {
    if (x === Infinity || x === -Infinity || y === Infinity || y === -Infinity) return Infinity
    return x + y
  }
  return Math.sqrt(x * x + y * y)
}

const LN2 = Math.LN2
const LOG2E = Math.LOG2E
const LN2_F32 = f32(Math.LN2)
const LOG2E_F32 = f32(Math.LOG2E)

/** npy_logaddexp: log(exp(x) + exp(y)) without overflow. */
export function logaddexpF64(x: number, y: number): number {
  if (x === y) return x + LN2
  const t = x - y
  if (t > 0) return x + Math.log1p(Math.exp(-t))
  if (t <= 0) return y + Math.log1p(Math.exp(t))
  return t
}

/** npy_logaddexpf: logaddexpF64's steps, each rounded to float32. */
export function logaddexpF32(x: number, y: number): number {
  if (x === y) return f32(x + LN2_F32)
  const t = f32(x - y)
  if (t > 0) return f32(x + f32(Math.log1p(f32(Math.exp(-t)))))
  if (t <= 0) return f32(y + f32(Math.log1p(f32(Math.exp(t)))))
  return t
}

/** npy_logaddexp2: log2(2**x + 2**y) without overflow. */
export function logaddexp2F64(x: number, y: number): number {
  if (x === y) return x + 1
  const t = x - y
  if (t > 0) return x + LOG2E * Math.log1p(exp2(-t))
  if (t <= 0) return y + LOG2E * Math.log1p(exp2(t))
  return t
}

/** npy_logaddexp2f: logaddexp2F64's steps, each rounded to float32. */
export function logaddexp2F32(x: number, y: number): number {
  if (x === y) return f32(x + 1)
  const t = f32(x - y)
  if (t > 0) return f32(x + f32(LOG2E_F32 * f32(Math.log1p(f32(exp2(-t))))))
  if (t <= 0) return f32(y + f32(LOG2E_F32 * f32(Math.log1p(f32(exp2(t))))))
  return t
}

/** npy_deg2rad / npy_rad2deg factors: (pi / 180) and (180 / pi) in the loop's precision. */
export const DEG2RAD_F64 = Math.PI / 180
export const RAD2DEG_F64 = 180 / Math.PI
export const DEG2RAD_F32 = f32(f32(Math.PI) / 180)
export const RAD2DEG_F32 = f32(180 / f32(Math.PI))

/** np.round with decimals > 0 (f = 10**decimals): multiply, rint, divide, as NumPy's PyArray_Round does. */
export function roundMulF64(x: number, f: number): number {
  return rint(x * f) / f
}

/** roundMulF64 in float32 arithmetic (f is already a float32 value). */
export function roundMulF32(x: number, f: number): number {
  return f32(rint(f32(x * f)) / f)
}

/** np.round with decimals < 0 (f = 10**-decimals): divide, rint, multiply. */
export function roundDivF64(x: number, f: number): number {
  return rint(x / f) * f
}

/** roundDivF64 in float32 arithmetic. */
export function roundDivF32(x: number, f: number): number {
  return f32(rint(f32(x / f)) * f)
}

/** np.round of a float32 input into a float64 out (decimals > 0): multiply in float32, rint and divide in float64. */
export function roundMulX64(x: number, f: number): number {
  return rint(f32(x * f32(f))) / f
}

/** np.round of a float64 (or integer) input into a float32 out (decimals > 0): multiply in float64, then float32. */
export function roundMulX32(x: number, f: number): number {
  return f32(rint(f32(x * f)) / f32(f))
}

/** roundMulX64 with decimals < 0: divide in float32, rint and multiply in float64. */
export function roundDivX64(x: number, f: number): number {
  return rint(f32(x / f32(f))) * f
}

/** roundMulX32 with decimals < 0: divide in float64, rint and multiply in float32. */
export function roundDivX32(x: number, f: number): number {
  return f32(rint(f32(x / f)) * f32(f))
}

/** NumPy's power_of_ten(n) (multiarray/calculation.c): a table up to 1e8, then repeated multiplication by 10. */
export function powerOfTen(n: number): number {
  const p10 = [1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8]
  if (n < 9) return p10[n]!
  let r = 1e9
  while (n-- > 9) r *= 10
  return r
}
