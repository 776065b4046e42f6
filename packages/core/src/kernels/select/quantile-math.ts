/**
 * NumPy 2's quantile arithmetic (numpy/lib/_function_base_impl.py: `_QuantileMethods`, `_compute_virtual_index`,
 * `_get_indexes`, `_get_gamma`, `_lerp`), evaluated in the same order with the same roundings so results are the
 * same bits: the virtual index in float64, NumPy's index clamping (an index past the end becomes -1, the last
 * element, and gamma is taken against that -1), the method's gamma fix, then NumPy's two-sided lerp.
 * Shared by the lane kernels and the drivers (ops/quantile), which must compute identically.
 */
import { DTypeError } from '../../errors.js'
import type { DTypeName } from '../../dtype.js'
import { roundToHalf } from '../../float16.js'

/** NumPy 2's quantile methods (the `method` argument). */
export type QuantileMethod =
  | 'inverted_cdf' | 'averaged_inverted_cdf' | 'closest_observation' | 'interpolated_inverted_cdf' | 'hazen' | 'weibull'
  | 'linear' | 'median_unbiased' | 'normal_unbiased' | 'lower' | 'higher' | 'midpoint' | 'nearest'

/** Every method, in NumPy's order (its error message lists them so). */
export const QUANTILE_METHODS: readonly QuantileMethod[] = [
  'inverted_cdf', 'averaged_inverted_cdf', 'closest_observation', 'interpolated_inverted_cdf', 'hazen', 'weibull',
  'linear', 'median_unbiased', 'normal_unbiased', 'lower', 'higher', 'midpoint', 'nearest',
]

/** Methods that take one order statistic (no interpolation): the result keeps the input's dtype. */
export function isDiscrete(m: QuantileMethod): boolean {
  return m === 'inverted_cdf' || m === 'closest_observation' || m === 'lower' || m === 'higher' || m === 'nearest'
}

/** Where one quantile of n sorted values is: take rank i, or lerp between ranks i and j with weight g. */
export interface QPoint {
  take: boolean
  i: number
  j: number
  g: number
}

const ALPHA_BETA: Partial<Record<QuantileMethod, [number, number]>> = {
  interpolated_inverted_cdf: [0, 1], hazen: [0.5, 0.5], weibull: [0, 0],
  median_unbiased: [1 / 3.0, 1 / 3.0], normal_unbiased: [3 / 8.0, 3 / 8.0],
}

/** numpy.around: half to even. */
function roundHalfEven(x: number): number {
  const f = Math.floor(x)
  const d = x - f
  if (d > 0.5) return f + 1
  if (d < 0.5) return f
  return f % 2 === 0 ? f : f + 1
}

/** NumPy's _discrete_interpolation_to_boundaries: prev where cond(gamma, index), else prev + 1, clipped at 0. */
function boundary(index: number, oddRule: boolean): number {
  const prev = Math.floor(index)
  const gamma = index - prev
  const cond = oddRule ? gamma === 0 && ((prev % 2) + 2) % 2 === 1 : gamma === 0
  const r = cond ? prev : prev + 1
  return r < 0 ? 0 : r
}

/** The point of quantile q (in [0, 1], float64) of n ≥ 1 sorted values under `method`. */
export function quantilePoint(method: QuantileMethod, n: number, q: number): QPoint {
  switch (method) {
    case 'lower': return { take: true, i: Math.floor((n - 1) * q), j: 0, g: 0 }
    case 'higher': return { take: true, i: Math.ceil((n - 1) * q), j: 0, g: 0 }
    case 'nearest': return { take: true, i: roundHalfEven((n - 1) * q), j: 0, g: 0 }
    case 'inverted_cdf': return { take: true, i: boundary(n * q - 1, false), j: 0, g: 0 }
    case 'closest_observation': return { take: true, i: boundary(n * q - 1 - 0.5, true), j: 0, g: 0 }
    default: break
  }
  let vi: number
  if (method === 'linear') vi = (n - 1) * q
  else if (method === 'midpoint') vi = 0.5 * (Math.floor((n - 1) * q) + Math.ceil((n - 1) * q))
  else if (method === 'averaged_inverted_cdf') vi = n * q - 1
  else {
    const ab = ALPHA_BETA[method]
    if (ab === undefined) throw new DTypeError(`unknown quantile method ${String(method)}`)
    const [alpha, beta] = ab
    vi = n * q + (alpha + q * (1 - alpha - beta)) - 1
  }
  // _get_indexes
  let prev = Math.floor(vi)
  let next = prev + 1
  if (vi >= n - 1) { prev = -1; next = -1 }
  if (vi < 0) { prev = 0; next = 0 }
  let g = vi - prev
  if (method === 'averaged_inverted_cdf') g = g === 0 ? 0.5 : 1
  else if (method === 'midpoint') g = vi % 1 === 0 ? 0 : 0.5
  return { take: false, i: prev < 0 ? n + prev : prev, j: next < 0 ? n + next : next, g }
}

/**
 * How the lerp rounds: 'f64' in doubles (float64 result); 'f32' / 'f16' in float32 / float16 with a weak (scalar)
 * q (a float32 / float16 result: NumPy's ufuncs in that dtype, the weak gamma cast to it).
 */
export type LerpMode = 'f64' | 'f32' | 'f16'

/** NumPy's float16 ufunc step: the float32 result rounded to half. */
function h(x: number): number {
  return roundToHalf(Math.fround(x))
}

/** b - a in the input dtype (NumPy subtracts the two order statistics before the float multiply), as a number. */
export function diffIn(dt: DTypeName, a: number | bigint, b: number | bigint): number {
  switch (dt) {
    case 'float64': return (b as number) - (a as number)
    case 'float32': return Math.fround((b as number) - (a as number))
    case 'float16': return h((b as number) - (a as number))
    case 'int8': return (((b as number) - (a as number)) << 24) >> 24
    case 'uint8': return ((b as number) - (a as number)) & 0xff
    case 'int16': return (((b as number) - (a as number)) << 16) >> 16
    case 'uint16': return ((b as number) - (a as number)) & 0xffff
    case 'int32': return ((b as number) - (a as number)) | 0
    case 'uint32': return ((b as number) - (a as number)) >>> 0
    case 'int64': return Number(BigInt.asIntN(64, (b as bigint) - (a as bigint)))
    case 'uint64': return Number(BigInt.asUintN(64, (b as bigint) - (a as bigint)))
    default: throw new DTypeError(`quantile: interpolation of dtype ${dt} is not supported`)
  }
}

/** NumPy's _lerp(a, b, t): a + (b-a)·t, or b - (b-a)·(1-t) where t ≥ 0.5, in the mode's arithmetic. */
export function lerp(dt: DTypeName, mode: LerpMode, a: number | bigint, b: number | bigint, t: number): number {
  const d = diffIn(dt, a, b)
  const x = Number(a)
  const y = Number(b)
  if (mode === 'f16') {
    // 1 - t is Python float arithmetic; the weak result is cast to half before the half multiply
    if (t >= 0.5) return h(y - h(d * roundToHalf(1 - t)))
    return h(x + h(d * roundToHalf(t)))
  }
  if (mode === 'f32') {
    const f = Math.fround
    if (t >= 0.5) return f(y - f(d * f(1 - t)))
    return f(x + f(d * f(t)))
  }
  if (t >= 0.5) return y - d * (1 - t)
  return x + d * t
}

/**
 * np.ma.median's float16 mean of the low and high middle values (nanmedian along axes that keep at least one axis,
 * lanes under 600: NumPy's _nanmedian_small): a float16 sum of the two (the middle one twice for an odd count, so
 * it overflows past 32752; NumPy's sum starts from +0), then a float16 divide by 2.
 */
export function maMedianHalf(lo: number, hi: number): number {
  return roundToHalf(roundToHalf(Math.fround(0 + lo + hi)) / 2)
}

/** NumPy's median of one lane from its middle order statistic(s): mean of 1 or 2 values in the result dtype. */
export function medianOf(dt: DTypeName, lo: number | bigint, hi: number | bigint, even: boolean): number {
  // float16 mean: a float32 sum (from NumPy's +0 identity, so -0 sums to +0), divided in float32, rounded to half
  if (dt === 'float16') return even ? roundToHalf(Math.fround(0 + (lo as number) + (hi as number)) / 2) : 0 + (lo as number)
  if (dt === 'float32') return even ? Math.fround(Math.fround((lo as number) + (hi as number)) / 2) : (lo as number)
  if (dt === 'float64') return even ? ((lo as number) + (hi as number)) / 2 : (lo as number)
  // ints and bool: mean in float64 (each element cast, then summed)
  const x = Number(lo)
  return even ? (x + Number(hi)) / 2 : x / 1
}
