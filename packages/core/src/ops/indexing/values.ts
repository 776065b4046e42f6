/**
 * Shared helpers of the function forms (put, putmask, place): flat C-order element offsets of an array, flat
 * integer indices, and values converted to an array's dtype with NumPy's rules.
 */
import { array } from '../../creation.js'
import type { DTypeName, Scalar } from '../../dtype.js'
import { DTypeError, OverflowError } from '../../errors.js'
import { forEachOffset } from '../../iterate.js'
import { NDArray, type NestedArray } from '../../ndarray.js'
import { canCast } from '../promotion.js'

/** Values of the function forms: a JS scalar, nested JS arrays of scalars, or an NDArray. */
export type FillValues = Scalar | NestedArray | NDArray

/** The element offsets of `a` in C order of its logical index. */
export function flatOffsets(a: NDArray): Float64Array {
  const out = new Float64Array(a.size)
  forEachOffset(a.shape, a.strides, a.offset, (o, i) => { out[i] = o })
  return out
}

/**
 * `v` as stored values of dtype `dt`, flat in C order (always a copy, so reading it first is NumPy's copy-first).
 * JS scalars and nested arrays convert with the Python-scalar rules (an integer must fit: OverflowError); an
 * NDArray casts unsafely, or must be castable under 'safe' when `safe` is set (DTypeError otherwise, NumPy's
 * TypeError).
 */
export function storedValues(v: FillValues, dt: DTypeName, safe: boolean, what: string): ArrayLike<number | bigint> {
  let src: NDArray
  if (v instanceof NDArray) {
    if (safe && !canCast(v.dtype, dt, 'safe')) {
      throw new DTypeError(`${what}: Cannot cast array data from dtype('${v.dtype}') to dtype('${dt}') according to the rule 'safe'`)
    }
    src = v.astype(dt, { order: 'C' })
  } else {
    src = array(v as NestedArray, { dtype: dt })
  }
  return (src.data as unknown as { subarray(a: number, b: number): ArrayLike<number | bigint> }).subarray(src.offset, src.offset + src.size)
}

/** Flat integer indices (an NDArray of an integer or bool dtype, nested JS integers, or one integer) as numbers. */
export function flatIndexValues(ind: NDArray | NestedArray, what: string): { values: number[]; shape: number[] } {
  let src: NDArray
  if (ind instanceof NDArray) {
    const k = ind.dtypeInfo.kind
    if (k !== 'i' && k !== 'u' && k !== 'b') {
      throw new DTypeError(`${what}: Cannot cast array data from dtype('${ind.dtype}') to dtype('int64') according to the rule 'safe'`)
    }
    src = ind
  } else {
    src = array(ind, {})
    if (src.dtypeInfo.kind === 'f') {
      const bad = src.toFlatArray().find((x) => !Number.isInteger(x))
      if (bad !== undefined) throw new DTypeError(`${what}: indices must be integers, got ${String(bad)}`)
    }
  }
  const values = src.toFlatArray().map((x) => {
    if (typeof x === 'boolean') return x ? 1 : 0
    const b = typeof x === 'bigint' ? (src.dtype === 'uint64' ? BigInt.asIntN(64, x) : x) : x
    const n = Number(b)
    if (typeof b === 'bigint' ? b < -(2n ** 63n) || b >= 2n ** 63n : n >= 2 ** 63 || n < -(2 ** 63)) {
      throw new OverflowError(`${what}: index ${String(b)} is too large to convert to int64 (C long)`)
    }
    return n
  })
  return { values, shape: [...src.shape] }
}

/** Flat boolean mask values (any dtype: non-zero is true, NaN too), C order. */
export function maskValues(mask: NDArray | NestedArray): Uint8Array {
  const m = mask instanceof NDArray ? mask : array(mask, {})
  const out = new Uint8Array(m.size)
  const d = m.data
  forEachOffset(m.shape, m.strides, m.offset, (o, i) => {
    const x = d[o]!
    out[i] = typeof x === 'bigint' ? (x !== 0n ? 1 : 0) : x !== 0 ? 1 : 0
  })
  return out
}
