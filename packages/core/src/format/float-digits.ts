/**
 * Decimal digits of binary floats, as NumPy's Dragon4 produces them:
 *  - shortest round-trip digits for float64, float32 and float16 (the shortest decimal that reads back as the
 *    same value of *that* type; a decimal exactly on a rounding boundary counts when the significand is
 *    even, i.e. IEEE round-half-even parsing), the closest one when several have the same length;
 *  - the same digits cut to a number of significant or fraction digits, where the cut rounds the
 *    **exact binary value** half-to-even (0.001953125 → 0.00195312; toFixed would give …13).
 *
 * A `Decimal` is sign + digit string + decimal exponent of the first digit:
 * value = (neg ? -1 : 1) × d0.d1d2… × 10^exp. Zero is { digits: '0', exp: 0 }. Digit strings carry no
 * trailing zeros (except the single '0' of zero).
 */
import { toHalfBits } from '../float16.js'

export type FloatKind = 'float16' | 'float32' | 'float64'

export interface Decimal {
  /** Sign bit set (negative values and -0). */
  readonly neg: boolean
  /** Significant digits without trailing zeros; '0' for zero. */
  readonly digits: string
  /** Decimal exponent of the first digit. */
  readonly exp: number
}

const f64 = new Float64Array(1)
const u64 = new BigUint64Array(f64.buffer)
const f32 = new Float32Array(1)
const u32 = new Uint32Array(f32.buffer)

/** Exact binary decomposition |x| = m · 2^e of a finite value of the given kind, with its margin shape. */
interface Parts { m: bigint; e: number; lowerTight: boolean }

function parts(x: number, kind: FloatKind): Parts {
  if (kind === 'float64') {
    f64[0] = x
    const bits = u64[0]!
    const expField = Number((bits >> 52n) & 0x7ffn)
    const frac = bits & 0xfffffffffffffn
    if (expField === 0) return { m: frac, e: -1074, lowerTight: false }
    return { m: frac | (1n << 52n), e: expField - 1075, lowerTight: frac === 0n && expField > 1 }
  }
  if (kind === 'float16') {
    const h = toHalfBits(x) // exact: x is a half
    const hExp = (h >> 10) & 0x1f
    const hFrac = h & 0x3ff
    if (hExp === 0) return { m: BigInt(hFrac), e: -24, lowerTight: false }
    return { m: BigInt(hFrac | 0x400), e: hExp - 25, lowerTight: hFrac === 0 && hExp > 1 }
  }
  f32[0] = x
  const bits = u32[0]!
  const expField = (bits >>> 23) & 0xff
  const frac = bits & 0x7fffff
  if (expField === 0) return { m: BigInt(frac), e: -149, lowerTight: false }
  return { m: BigInt(frac | 0x800000), e: expField - 150, lowerTight: frac === 0 && expField > 1 }
}

const POW10: bigint[] = [1n]
function pow10(n: number): bigint {
  while (POW10.length <= n) POW10.push(POW10[POW10.length - 1]! * 10n)
  return POW10[n]!
}

function isNeg(x: number): boolean { return x < 0 || Object.is(x, -0) }

/** Build a Decimal from an integer significand F (value F·10^q). */
function fromScaled(neg: boolean, F: bigint, q: number): Decimal {
  if (F === 0n) return { neg, digits: '0', exp: 0 }
  let s = F.toString()
  const exp = q + s.length - 1
  let end = s.length
  while (end > 1 && s.charCodeAt(end - 1) === 48) end--
  if (end !== s.length) s = s.slice(0, end)
  return { neg, digits: s, exp }
}

/**
 * |x| as an exact rational scaled for digit unit 10^q: A / B, where A = m·2^max(e,0)·10^max(-q,0) and
 * B = 2^max(-e,0)·10^max(q,0). Also returns the factor by which units of 2^e were multiplied (for margins).
 */
function scaled(p: Parts, q: number, eShift: number): { A: bigint; B: bigint; unit: bigint } {
  // value = m·2^e ; margins are expressed in units of 2^(e - eShift)
  const e = p.e - eShift
  let A = p.m << BigInt(eShift)
  let B = 1n
  let unit = 1n
  if (e >= 0) { A <<= BigInt(e); unit <<= BigInt(e) } else B <<= BigInt(-e)
  if (q >= 0) B *= pow10(q)
  else { const t = pow10(-q); A *= t; unit *= t }
  return { A, B, unit }
}

/** floor(log10(|x|)) exactly, for finite non-zero x. */
function decimalExponent(x: number, p: Parts): number {
  let E = Math.floor(Math.log10(Math.abs(x)))
  // correct a possible off-by-one of the floating-point estimate with an exact comparison
  for (;;) {
    const { A, B } = scaled(p, E, 0) // A/B = |x| / 10^E
    if (A < B) { E--; continue }
    if (A >= B * 10n) { E++; continue }
    return E
  }
}

/** Exact half-to-even rounding of |x| to a multiple of 10^q: the integer multiple. */
function roundAt(p: Parts, q: number): bigint {
  const { A, B } = scaled(p, q, 0)
  let F = A / B
  const twoR = (A - F * B) * 2n
  if (twoR > B || (twoR === B && (F & 1n) === 1n)) F++
  return F
}

/**
 * One step of Dragon4 at digit unit 10^q: the truncation F = floor(|x| / 10^q) and whether F·10^q (low) or
 * (F+1)·10^q (high) lies inside the rounding interval of x (boundaries count when the significand is even).
 */
function dragonStep(p: Parts, q: number): { F: bigint; R: bigint; B: bigint; low: boolean; high: boolean } {
  // units of 2^(e-2) make both margins integers: mH = 2, mL = 2 (or 1 below a power of two)
  const { A, B, unit } = scaled(p, q, 2)
  const F = A / B
  const R = A - F * B
  const mL = (p.lowerTight ? 1n : 2n) * unit
  const mH = 2n * unit
  const inclusive = (p.m & 1n) === 0n
  const low = inclusive ? R <= mL : R < mL
  const high = inclusive ? B - R <= mH : B - R < mH
  return { F, R, B, low, high }
}

/** Dragon4's final rounding: the candidate inside the interval, else (or if both are) the closer, ties to even. */
function dragonRound(st: { F: bigint; R: bigint; B: bigint; low: boolean; high: boolean }): bigint {
  if (st.low !== st.high) return st.high ? st.F + 1n : st.F
  const c = 2n * st.R
  return c > st.B || (c === st.B && (st.F & 1n) === 1n) ? st.F + 1n : st.F
}

/** Shortest round-trip digits through exact arithmetic (Steele–White/Dragon4 termination, IEEE-even boundaries). */
function shortestExact(x: number, kind: FloatKind): Decimal {
  const neg = isNeg(x)
  if (x === 0) return { neg, digits: '0', exp: 0 }
  const p = parts(x, kind)
  const E = decimalExponent(x, p)
  const maxDigits = kind === 'float64' ? 17 : kind === 'float32' ? 9 : 5
  for (let n = 1; ; n++) {
    const q = E - n + 1
    const st = dragonStep(p, q)
    if (st.low || st.high || n >= maxDigits) return fromScaled(neg, dragonRound(st), q)
  }
}

/**
 * Dragon4 stopped at digit unit 10^q, at or past the point where the digits became unique (NumPy's
 * `min_digits`): the digits continue with the exact value's own, and the last one is rounded with
 * Dragon4's rule. float32 6.4 to 7 mantissa digits is 6.4000001, not 6.4000000.
 */
export function digitsAt(x: number, q: number, kind: FloatKind = 'float64'): Decimal {
  const neg = isNeg(x)
  if (x === 0) return { neg, digits: '0', exp: 0 }
  return fromScaled(neg, dragonRound(dragonStep(parts(x, kind), q)), q)
}

/** floor(log10(|x|)) exactly (0 for zero). */
export function decimalExponentOf(x: number, kind: FloatKind = 'float64'): number {
  return x === 0 ? 0 : decimalExponent(x, parts(x, kind))
}

/** Shortest float64 digits from the engine (V8 uses the same shortest-closest rule, boundaries included when even). */
function shortestEngine64(x: number): Decimal {
  const neg = isNeg(x)
  if (x === 0) return { neg, digits: '0', exp: 0 }
  const s = Math.abs(x).toExponential()
  const eAt = s.indexOf('e')
  const mant = s.slice(0, eAt)
  const exp = Number(s.slice(eAt + 1))
  const digits = mant.length > 1 ? mant[0]! + mant.slice(2) : mant
  return { neg, digits, exp }
}

/**
 * Shortest round-trip digits of a finite value: float64 digits are the engine's (identical to Dragon4's
 * in unique mode); float32 and float16 digits come from an exact search over 1..9 (1..5) significant digits.
 */
export function shortestDigits(x: number, kind: FloatKind = 'float64'): Decimal {
  if (!Number.isFinite(x)) throw new RangeError(`shortestDigits needs a finite value, got ${x}`)
  return kind === 'float64' ? shortestEngine64(x) : shortestExact(x, kind)
}

/** Shortest digits by exact arithmetic for either kind (reference implementation, used in tests). */
export function shortestDigitsExact(x: number, kind: FloatKind = 'float64'): Decimal {
  if (!Number.isFinite(x)) throw new RangeError(`shortestDigitsExact needs a finite value, got ${x}`)
  return shortestExact(x, kind)
}

/** |x| rounded half-to-even (on its exact binary value) to `fracDigits` digits after the point. */
export function roundFraction(x: number, fracDigits: number, kind: FloatKind = 'float64'): Decimal {
  const neg = isNeg(x)
  if (x === 0) return { neg, digits: '0', exp: 0 }
  return fromScaled(neg, roundAt(parts(x, kind), -fracDigits), -fracDigits)
}

/** |x| rounded half-to-even (on its exact binary value) to `sigDigits` significant digits. */
export function roundSignificant(x: number, sigDigits: number, kind: FloatKind = 'float64'): Decimal {
  const neg = isNeg(x)
  if (x === 0) return { neg, digits: '0', exp: 0 }
  const p = parts(x, kind)
  const q = decimalExponent(x, p) - sigDigits + 1
  return fromScaled(neg, roundAt(p, q), q)
}

/**
 * Dragon4 in unique mode with a cutoff (NumPy's floatmode='maxprec'): the shortest digits when they fit in
 * `precision` fraction digits (positional) or `precision` mantissa fraction digits (scientific), otherwise
 * the exact value rounded half-to-even at the cutoff.
 */
export function cutDigits(x: number, mode: 'positional' | 'scientific', precision: number, kind: FloatKind = 'float64'): Decimal {
  const d = shortestDigits(x, kind)
  if (d.digits === '0') return d
  if (mode === 'positional') {
    if (d.digits.length - 1 - d.exp <= precision) return d
    return fromScaled(d.neg, roundAt(parts(x, kind), -precision), -precision)
  }
  if (d.digits.length - 1 <= precision) return d
  // the shortest digits have more than one digit here, so their exponent is floor(log10|x|)
  const q = d.exp - precision
  return fromScaled(d.neg, roundAt(parts(x, kind), q), q)
}

/** Integer and fraction digit strings of a positional rendering (no sign). */
export function positionalParts(d: Decimal): { int: string; frac: string } {
  if (d.digits === '0') return { int: '0', frac: '' }
  const n = d.digits.length
  if (d.exp < 0) return { int: '0', frac: '0'.repeat(-d.exp - 1) + d.digits }
  if (d.exp + 1 >= n) return { int: d.digits + '0'.repeat(d.exp + 1 - n), frac: '' }
  return { int: d.digits.slice(0, d.exp + 1), frac: d.digits.slice(d.exp + 1) }
}
