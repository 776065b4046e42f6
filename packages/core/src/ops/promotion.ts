/**
 * NumPy 2 type promotion (NEP 50) for the elementwise operations.
 *
 *  - resultType(a, b): np.result_type for two dtypes (spec §6.1 table, symmetric).
 *  - trueDivideType(a, b): the dtype of `a / b` (spec §6.2: int/int → float64; float32 stays float32 with ≤16-bit
 *    ints and bool).
 *  - canCast(from, to, casting): np.can_cast for 'no' | 'equiv' | 'safe' | 'same_kind' | 'unsafe'.
 *  - JS scalars are NumPy's *weak* Python scalars (NEP 50):
 *      • a boolean is a Python bool (it behaves as a bool array: bool is the lowest type anyway);
 *      • a bigint is a Python int;
 *      • an integral number (Number.isInteger, but not -0) is a Python int: with an int array the result keeps the
 *        array's dtype and the value must fit ("Python integer 300 out of bounds for int8", or "Python int too large
 *        to convert to C long" outside [-2^63, 2^64) or ≥ 2^63 for targets other than uint32/uint64, as NumPy
 *        words them);
 *        with a bool array it gives int64; with a float array it keeps the float dtype. Integral numbers beyond
 *        ±(2^53 − 1) are not exact integers, so they count as Python floats: pass a bigint for a huge Python int;
 *      • any other number (fractional, NaN, ±Infinity, -0) is a Python float: with an int/bool array → float64,
 *        with float32 it stays float32.
 *    When *no* array takes part, scalars take their default dtypes: number → float64 (strided's convention, like
 *    arange/full: JavaScript numbers are doubles — NumPy would give int64 for an integral Python int), bigint →
 *    int64, boolean → bool.
 */
import { DTYPE_NAMES, DTYPES, type DTypeName, type Scalar } from '../dtype.js'
import { DTypeError, OverflowError } from '../errors.js'
import { toHalfBits } from '../float16.js'

const CODES = ['b', 'i1', 'u1', 'i2', 'u2', 'i4', 'u4', 'i8', 'u8', 'f2', 'f4', 'f8'] as const
const CODE_TO_NAME: Record<string, DTypeName> = Object.fromEntries(CODES.map((c, i) => [c, DTYPE_NAMES[i]!]))

// np.result_type (numpy 2.4.6), rows/columns in DTYPE_NAMES order (b i1 u1 i2 u2 i4 u4 i8 u8 f2 f4 f8).
const TABLE_ROWS = [
  'b  i1 u1 i2 u2 i4 u4 i8 u8 f2 f4 f8',
  'i1 i1 i2 i2 i4 i4 i8 i8 f8 f2 f4 f8',
  'u1 i2 u1 i2 u2 i4 u4 i8 u8 f2 f4 f8',
  'i2 i2 i2 i2 i4 i4 i8 i8 f8 f4 f4 f8',
  'u2 i4 u2 i4 u2 i4 u4 i8 u8 f4 f4 f8',
  'i4 i4 i4 i4 i4 i4 i8 i8 f8 f8 f8 f8',
  'u4 i8 u4 i8 u4 i8 u4 i8 u8 f8 f8 f8',
  'i8 i8 i8 i8 i8 i8 i8 i8 f8 f8 f8 f8',
  'u8 f8 u8 f8 u8 f8 u8 f8 u8 f8 f8 f8',
  'f2 f2 f2 f4 f4 f8 f8 f8 f8 f2 f4 f8',
  'f4 f4 f4 f4 f4 f8 f8 f8 f8 f4 f4 f8',
  'f8 f8 f8 f8 f8 f8 f8 f8 f8 f8 f8 f8',
]

const INDEX: Record<DTypeName, number> = Object.fromEntries(DTYPE_NAMES.map((n, i) => [n, i])) as Record<DTypeName, number>

const TABLE: DTypeName[][] = TABLE_ROWS.map((row) => row.trim().split(/\s+/).map((c) => CODE_TO_NAME[c]!))

// np.can_cast(row, col, 'safe') and 'same_kind', rows/columns in DTYPE_NAMES order (generated with numpy 2.4.6).
const SAFE_ROWS = [
  '111111111111', '010101010111', '001111111111', '000101010011', '000011111011', '000001010001',
  '000000111001', '000000010001', '000000001001', '000000000111', '000000000011', '000000000001',
]
const SAME_KIND_ROWS = [
  '111111111111', '010101010111', '011111111111', '010101010111', '011111111111', '010101010111',
  '011111111111', '010101010111', '011111111111', '000000000111', '000000000111', '000000000111',
]

/** The full 12×12 promotion table (np.result_type), by dtype name. */
export const PROMOTION_TABLE: Readonly<Record<DTypeName, Readonly<Record<DTypeName, DTypeName>>>> = Object.freeze(
  Object.fromEntries(DTYPE_NAMES.map((a, i) => [a, Object.freeze(Object.fromEntries(DTYPE_NAMES.map((b, j) => [b, TABLE[i]![j]!])))])),
) as Readonly<Record<DTypeName, Readonly<Record<DTypeName, DTypeName>>>>

/** np.result_type of two dtypes. */
export function resultType(a: DTypeName, b: DTypeName): DTypeName {
  return TABLE[INDEX[a]]![INDEX[b]]!
}

/** np.result_type of one or more dtypes. */
export function resultTypeOf(dtypes: readonly DTypeName[]): DTypeName {
  if (dtypes.length === 0) throw new DTypeError('resultType needs at least one dtype')
  let r = dtypes[0]!
  for (let i = 1; i < dtypes.length; i++) r = resultType(r, dtypes[i]!)
  return r
}

/** The result dtype of true division `a / b` (spec §6.2). */
export function trueDivideType(a: DTypeName, b: DTypeName): DTypeName {
  return toFloat(resultType(a, b))
}

/** The float dtype a true division / float-only unary op computes in for a given promoted dtype. */
function toFloat(r: DTypeName): DTypeName {
  if (r === 'float16' || r === 'float32' || r === 'float64') return r
  return 'float64'
}

/**
 * NumPy's casting rules, strictest first: `'no'` and `'equiv'` (the same dtype; every dtype here is native-endian),
 * `'safe'` (every value preserved), `'same_kind'` (safe, or within a kind such as float64 → float32), `'unsafe'` (any).
 */
export type Casting = 'no' | 'equiv' | 'safe' | 'same_kind' | 'unsafe'

/** np.can_cast(from, to, casting). */
export function canCast(from: DTypeName, to: DTypeName, casting: Casting = 'safe'): boolean {
  switch (casting) {
    case 'no':
    case 'equiv':
      return from === to
    case 'safe':
      return SAFE_ROWS[INDEX[from]]![INDEX[to]] === '1'
    case 'same_kind':
      return SAME_KIND_ROWS[INDEX[from]]![INDEX[to]] === '1'
    case 'unsafe':
      return true
  }
}

// ---------------------------------------------------------------------------------------------- weak scalars

/** How a JavaScript scalar takes part in promotion. */
export type ScalarKind = 'bool' | 'int' | 'float'

/** Python-scalar kind of a JS scalar: boolean → bool, bigint or safe-integer number (not -0) → int, else float. */
export function scalarKind(v: Scalar): ScalarKind {
  if (typeof v === 'boolean') return 'bool'
  if (typeof v === 'bigint') return 'int'
  if (typeof v !== 'number') throw new DTypeError(`expected a number, bigint or boolean, got ${typeof v}`)
  return Number.isSafeInteger(v) && !Object.is(v, -0) ? 'int' : 'float'
}

/** Default dtype of a scalar when no array takes part (see the module comment). */
export function defaultScalarDType(v: Scalar): DTypeName {
  if (typeof v === 'boolean') return 'bool'
  if (typeof v === 'bigint') return 'int64'
  return 'float64'
}

/** An operand for promotion: a dtype (array, strong) or a JS scalar (weak). */
export type PromotionOperand = { readonly dtype: DTypeName } | Scalar

function isScalar(x: PromotionOperand): x is Scalar {
  return typeof x === 'number' || typeof x === 'bigint' || typeof x === 'boolean'
}

/**
 * NEP 50 result dtype of arrays (strong) and JS scalars (weak): np.result_type as NumPy 2 applies it to ufunc
 * operands. Booleans count as bool arrays (identical result). Value range is checked separately (weakScalarValue).
 */
export function promoteOperands(operands: readonly PromotionOperand[]): DTypeName {
  const strong: DTypeName[] = []
  const weak: ScalarKind[] = []
  for (const o of operands) {
    if (isScalar(o)) {
      const k = scalarKind(o)
      if (k === 'bool') strong.push('bool')
      else weak.push(k)
    } else strong.push(o.dtype)
  }
  if (strong.length === 0) return resultTypeOf(operands.map((o) => defaultScalarDType(o as Scalar)))
  let r = resultTypeOf(strong)
  for (const k of weak) {
    const kind = DTYPES[r].kind
    if (k === 'int' && kind === 'b') r = 'int64'
    else if (k === 'float' && kind !== 'f') r = 'float64'
  }
  return r
}

const TWO63 = 2n ** 63n
const TWO64 = 2n ** 64n

/** The exact integer value of an int-kind scalar as a bigint. */
export function scalarBigInt(v: Scalar): bigint {
  if (typeof v === 'bigint') return v
  if (typeof v === 'boolean') return v ? 1n : 0n
  return BigInt(v)
}

/**
 * Check that a Python-int-like scalar fits integer dtype `dt`, with NumPy's OverflowError messages:
 * "Python int too large to convert to C long" outside [-2^63, 2^64) or ≥ 2^63 for anything but uint64,
 * "Python integer V out of bounds for DT" otherwise. Returns the exact value.
 */
export function checkPythonInt(v: Scalar, dt: DTypeName): bigint {
  const b = scalarBigInt(v)
  // NumPy converts through C long, or unsigned long long for uint32/uint64 targets
  if (b < -TWO63 || b >= TWO64 || (b >= TWO63 && dt !== 'uint64' && dt !== 'uint32')) throw new OverflowError('Python int too large to convert to C long')
  const d = DTYPES[dt]
  if (d.kind === 'i' || d.kind === 'u') {
    if (b < BigInt(d.min!) || b > BigInt(d.max!)) throw new OverflowError(`Python integer ${b} out of bounds for ${dt}`)
  }
  return b
}

/** True when an int-kind scalar lies outside the range of integer dtype dt (used by comparisons, which never raise). */
export function pythonIntOutOfRange(v: Scalar, dt: DTypeName): 'below' | 'above' | null {
  const d = DTYPES[dt]
  if (d.kind !== 'i' && d.kind !== 'u') return null
  const b = scalarBigInt(v)
  if (b < BigInt(d.min!)) return 'below'
  if (b > BigInt(d.max!)) return 'above'
  return null
}

/**
 * The stored value (number, or bigint for int64/uint64) of a weak JS scalar converted to loop dtype `dt` the way a
 * NumPy ufunc converts a Python scalar: ints are range-checked (OverflowError), floats into float32 round, bigints
 * into floats convert (OverflowError "int too large to convert to float" if infinite). `unsafe` (np.where's scalar
 * path) wraps integers C-style instead of checking.
 */
export function weakScalarValue(v: Scalar, dt: DTypeName, unsafe = false): number | bigint {
  const d = DTYPES[dt]
  if (typeof v === 'boolean') return d.bigint ? (v ? 1n : 0n) : dt === 'float16' ? (v ? 0x3c00 : 0) : v ? 1 : 0
  const kind = scalarKind(v)
  if (d.kind === 'b') {
    if (typeof v === 'bigint') return v !== 0n ? 1 : 0
    return v !== 0 ? 1 : 0
  }
  if (d.kind === 'f') {
    if (typeof v === 'bigint') {
      const x = Number(v)
      if (!Number.isFinite(x)) throw new OverflowError('int too large to convert to float')
      return dt === 'float32' ? Math.fround(x) : dt === 'float16' ? toHalfBits(x) : x
    }
    // float16 stores bits: the scalar rounded once to the nearest half (overflow to inf, as NumPy)
    return dt === 'float32' ? Math.fround(v) : dt === 'float16' ? toHalfBits(v) : v
  }
  // integer loop dtype: only int-kind scalars reach here through promotion (or via the dtype= option)
  if (kind === 'float') throw new DTypeError(`cannot use the float scalar ${String(v)} in an ${dt} computation`)
  let b: bigint
  if (unsafe) {
    const raw = scalarBigInt(v)
    b = d.kind === 'i' ? BigInt.asIntN(d.itemsize * 8, raw) : BigInt.asUintN(d.itemsize * 8, raw)
  } else b = checkPythonInt(v, dt)
  return d.bigint ? b : Number(b)
}
