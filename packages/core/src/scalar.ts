/**
 * Converting JavaScript values to and from dtype elements, with NumPy's rules for Python scalars:
 * integer values must fit the target integer dtype (OverflowError otherwise), floats are truncated
 * into integer dtypes, bigint and number are never confused silently.
 */
import { DTYPES, type DTypeName, type Scalar } from './dtype.js'
import { DTypeError, OverflowError, ValueError } from './errors.js'
import { fromHalfBits, toHalfBits } from './float16.js'

/**
 * The stored representation of `value` in a typed array of `dt`:
 * number for bool/small ints/floats (bool → 0|1; float16 → its 16 bits, the value rounded to the nearest half),
 * bigint for int64/uint64.
 * `what` names the operand in error messages.
 */
export function toStored(value: Scalar, dt: DTypeName, what = 'value'): number | bigint {
  const d = DTYPES[dt]
  if (dt === 'float16') {
    if (typeof value === 'boolean') return toHalfBits(value ? 1 : 0)
    if (typeof value === 'bigint' || typeof value === 'number') return toHalfBits(Number(value))
    throw new DTypeError(`${what} must be a number, bigint or boolean for dtype ${dt}, got ${typeof value}`)
  }
  if (typeof value === 'boolean') return d.bigint ? BigInt(value ? 1 : 0) : value ? 1 : 0
  if (typeof value === 'bigint') {
    if (d.kind === 'f') return Number(value)
    if (d.kind === 'b') return value !== 0n ? 1 : 0
    checkIntRange(value, dt, what)
    return d.bigint ? value : Number(value)
  }
  if (typeof value !== 'number') {
    throw new DTypeError(`${what} must be a number, bigint or boolean for dtype ${dt}, got ${typeof value}`)
  }
  if (d.kind === 'f') return value
  if (d.kind === 'b') return value !== 0 ? 1 : 0
  if (Number.isNaN(value)) throw new ValueError(`cannot convert float NaN to integer (${what}, dtype ${dt})`)
  if (!Number.isFinite(value)) throw new OverflowError(`cannot convert float ${value} to integer (${what}, dtype ${dt})`)
  const t = Math.trunc(value)
  if (d.bigint) {
    const b = BigInt(t)
    checkIntRange(b, dt, what)
    return b
  }
  checkIntRange(t, dt, what)
  return t
}

function checkIntRange(v: number | bigint, dt: DTypeName, what: string): void {
  const d = DTYPES[dt]
  const lo = d.min!
  const hi = d.max!
  const ok = typeof v === 'bigint' ? v >= BigInt(lo) && v <= BigInt(hi) : v >= Number(lo) && v <= Number(hi)
  if (!ok) throw new OverflowError(`${what} ${String(v)} is out of bounds for ${dt} (range ${String(lo)} to ${String(hi)})`)
}

/** Read a stored element back as the JavaScript scalar users see (boolean for bool). */
export function fromStored(stored: number | bigint, dt: DTypeName): Scalar {
  return dt === 'bool' ? stored !== 0 : dt === 'float16' ? fromHalfBits(stored as number) : stored
}

/**
 * C-style cast of a stored element between dtypes (astype / copy with cast): floats truncate towards zero
 * into integers and integers wrap modulo 2^bits, as NumPy does on x86-64 for in-range values.
 */
export function castStored(v: number | bigint, from: DTypeName, to: DTypeName): number | bigint {
  if (from === 'float16') v = fromHalfBits(v as number)
  // to float16: one rounding from the exact value (NumPy's npy_double_to_half; int64 goes through double first)
  if (to === 'float16') return toHalfBits(Number(v))
  const t = DTYPES[to]
  if (to === 'bool') return typeof v === 'bigint' ? (v !== 0n ? 1 : 0) : v !== 0 ? 1 : 0
  if (t.bigint) {
    if (typeof v === 'bigint') return t.kind === 'i' ? BigInt.asIntN(64, v) : BigInt.asUintN(64, v)
    if (!Number.isFinite(v)) return t.kind === 'i' ? -(2n ** 63n) : 2n ** 63n
    const b = BigInt(Math.trunc(v))
    return t.kind === 'i' ? BigInt.asIntN(64, b) : BigInt.asUintN(64, b)
  }
  if (typeof v === 'bigint') {
    // small int targets wrap; typed-array stores do ToInt8/ToUint16/... on the number
    if (t.kind === 'f') return Number(v)
    return Number(t.kind === 'i' ? BigInt.asIntN(t.itemsize * 8, v) : BigInt.asUintN(t.itemsize * 8, v))
  }
  void from
  return t.kind === 'f' ? v : Math.trunc(v)
}
