/**
 * NumPy's element formatters (BoolFormat, IntegerFormat, FloatingFormat with floatmode 'maxprec' and
 * sign '-'), built once per array from the elements that will be shown, then applied to each of them.
 */
import type { DTypeName } from '../dtype.js'
import { cutDigits, decimalExponentOf, digitsAt, positionalParts, shortestDigits, type Decimal, type FloatKind } from './float-digits.js'
import type { PrintOptions } from './options.js'
import { fromHalfBits, roundToHalf } from '../float16.js'

export type Stored = number | bigint

/** Format `values` (stored elements of dtype `dt`, the shown ones) as NumPy would inside an array. */
export function formatElements(dt: DTypeName, values: readonly Stored[], is0d: boolean, opts: PrintOptions): string[] {
  if (dt === 'bool') return formatBool(values, is0d)
  if (dt === 'float16') return formatFloats((values as readonly number[]).map(fromHalfBits), dt, opts)
  if (dt === 'float32' || dt === 'float64') return formatFloats(values as readonly number[], dt, opts)
  return formatInts(values)
}

function formatBool(values: readonly Stored[], is0d: boolean): string[] {
  const t = is0d ? 'True' : ' True'
  return values.map((v) => (v ? t : 'False'))
}

function formatInts(values: readonly Stored[]): string[] {
  const strs = values.map((v) => String(v))
  let width = 0
  for (const s of strs) if (s.length > width) width = s.length
  return strs.map((s) => s.padStart(width))
}

/** Decimal exponent text of at least `digits` digits, with its sign. */
function expText(exp: number, digits: number): string {
  return (exp < 0 ? '-' : '+') + String(Math.abs(exp)).padStart(digits, '0')
}

/** How NumPy's FloatingFormat decides between positional and exponent mode. */
export function useExponent(finite: readonly number[], kind: FloatKind, suppress: boolean): boolean {
  let max = -Infinity
  let min = Infinity
  for (const v of finite) {
    if (v === 0) continue
    const a = Math.abs(v)
    if (a > max) max = a
    if (a < min) min = a
  }
  if (max === -Infinity) return false
  if (kind === 'float16') {
    // in float16 (NEP 50): 0.0001 is float16(0.0001), the ratio a float16 division, the cutoff 10**min(8, 3)
    return max >= 1000 || (!suppress && (min < roundToHalf(1e-4) || roundToHalf(Math.fround(max / min)) > 1000))
  }
  if (kind === 'float32') {
    // numpy compares float32 scalars with Python floats in float32 (NEP 50): 0.0001 is float32(0.0001),
    // the ratio is a float32 division, the cutoff 10**min(8, 6) = 1e6
    return max >= 1e6 || (!suppress && (min < Math.fround(1e-4) || Math.fround(max / min) > 1000))
  }
  return max >= 1e8 || (!suppress && (min < 1e-4 || max / min > 1000))
}

function formatFloats(values: readonly number[], kind: FloatKind, opts: PrintOptions): string[] {
  const { precision, nanstr, infstr } = opts
  const finite: number[] = []
  let anyNonFinite = false
  let negInf = false
  for (const v of values) {
    if (Number.isFinite(v)) finite.push(v)
    else {
      anyNonFinite = true
      if (v === -Infinity) negInf = true
    }
  }
  const exp = useExponent(finite, kind, opts.suppress)
  const mode = exp ? 'scientific' : 'positional'
  // first pass over the finite values: digits and field sizes
  const decs = new Map<number, Decimal>()
  let padLeft = 0
  let padRight = 0
  let mantDigits = 0 // exponent mode: fraction digits of every mantissa
  let expDigits = 2 // exponent mode: digits of every exponent
  if (finite.length > 0) {
    for (const v of finite) {
      let d = decs.get(v)
      if (d === undefined || (v === 0 && Object.is(v, -0) !== d.neg)) {
        d = cutDigits(v, mode, precision, kind)
        if (v !== 0) decs.set(v, d)
      }
      const signLen = d.neg ? 1 : 0
      if (exp) {
        padLeft = Math.max(padLeft, signLen + 1)
        mantDigits = Math.max(mantDigits, d.digits.length - 1)
        expDigits = Math.max(expDigits, String(Math.abs(d.exp)).length)
      } else {
        const p = positionalParts(d)
        padLeft = Math.max(padLeft, signLen + p.int.length)
        padRight = Math.max(padRight, p.frac.length)
      }
    }
    if (exp) padRight = expDigits + 2 + mantDigits
  }
  if (anyNonFinite) {
    const offset = padRight + 1
    padLeft = Math.max(padLeft, nanstr.length - offset, infstr.length + (negInf ? 1 : 0) - offset)
  }
  const width = padLeft + padRight + 1
  return values.map((v) => {
    if (!Number.isFinite(v)) {
      const s = Number.isNaN(v) ? nanstr : v < 0 ? '-' + infstr : infstr
      return s.padStart(width)
    }
    let d = v === 0 ? undefined : decs.get(v)
    if (d === undefined) d = cutDigits(v, mode, precision, kind)
    const sign = d.neg ? '-' : ''
    if (exp) {
      if (d.digits.length - 1 < mantDigits && v !== 0 && (kind !== 'float64' || mantDigits > 14 || Math.abs(v) < 2.2250738585072014e-308)) {
        // NumPy prints every mantissa with min_digits = P: Dragon4 keeps generating the exact value's digits
        // (for normal float64 values with P <= 14 those are the zero padding of the shortest digits)
        d = digitsAt(v, decimalExponentOf(v, kind) - mantDigits, kind)
      }
      const frac = d.digits.slice(1).padEnd(mantDigits, '0')
      return (sign + d.digits[0]!).padStart(padLeft) + '.' + frac + 'e' + expText(d.exp, expDigits)
    }
    const p = positionalParts(d)
    return (sign + p.int).padStart(padLeft) + '.' + p.frac.padEnd(padRight)
  })
}

/**
 * NumPy's str() of a float scalar (np.float64 / np.float32 / np.float16 __str__): shortest digits of the type,
 * positional between 1e-4 and 1e16 (float64), 1e6 (float32) or 1e3 (float16), otherwise scientific.
 */
export function floatScalarStr(v: number, kind: FloatKind): string {
  if (Number.isNaN(v)) return 'nan'
  if (!Number.isFinite(v)) return v < 0 ? '-inf' : 'inf'
  const a = Math.abs(v)
  const maxPositional = kind === 'float64' ? 1e16 : kind === 'float32' ? 1e6 : 1e3
  const d = shortestDigits(v, kind)
  const sign = d.neg ? '-' : ''
  if (a === 0 || (a >= 1e-4 && a < maxPositional)) {
    const p = positionalParts(d)
    return sign + p.int + '.' + (p.frac === '' ? '0' : p.frac)
  }
  const frac = d.digits.length > 1 ? '.' + d.digits.slice(1) : ''
  return sign + d.digits[0]! + frac + 'e' + expText(d.exp, 2)
}
