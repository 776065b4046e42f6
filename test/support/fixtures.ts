/**
 * The value encoding of the NumPy golden fixtures written with scripts/fixture_common.py (shape-ops, search,
 * views): bool -> JSON bool, 64-bit ints -> decimal strings, other numbers -> JSON numbers, NaN and the
 * infinities -> "nan" / "inf" / "-inf". Shared by the golden tests that replay them.
 */
import { NDArray, array, zeros, type DTypeName, type Scalar } from '@strided/core'

export type Encoded = number | string | boolean

/** A base array's spec: an owner in the given memory order holding `values` (C order). */
export interface BaseSpec { dtype: DTypeName; shape: number[]; order: 'C' | 'F'; values: Encoded[] }

/** A fixture value as the scalar strided reads back (bigint for 64-bit ints, boolean for bool). */
export function decode(v: Encoded, dt: DTypeName): Scalar {
  if (v === 'nan') return NaN
  if (v === 'inf') return Infinity
  if (v === '-inf') return -Infinity
  if (typeof v === 'string') return BigInt(v)
  if ((dt === 'int64' || dt === 'uint64') && typeof v === 'number') return BigInt(v)
  return v
}

/** A strided scalar in the fixtures' encoding. */
export function encode(v: Scalar): Encoded {
  if (typeof v === 'bigint') return v.toString()
  if (typeof v === 'boolean') return v
  if (Number.isNaN(v)) return 'nan'
  if (v === Infinity) return 'inf'
  if (v === -Infinity) return '-inf'
  return v
}

/** An array's elements (C order) in the fixtures' encoding. */
export function valuesOf(a: NDArray): Encoded[] { return a.toFlatArray().map(encode) }

/** The base array: a fresh owner in the spec's memory order (default C) holding its values. */
export function makeBase(spec: Omit<BaseSpec, 'order'> & { order?: 'C' | 'F' | undefined }): NDArray {
  const a = zeros(spec.shape, { dtype: spec.dtype, order: spec.order ?? 'C' })
  if (spec.values.length > 0) a.assign(array(spec.values.map((v) => decode(v, spec.dtype)), { dtype: spec.dtype }).reshape(spec.shape))
  return a
}
