/**
 * Byte-level view descriptions for the overlap checker, and the conversion from element-level
 * ArrayDescriptors. The solver reasons in bytes (like NumPy, whose strides are bytes), so views of
 * one buffer with different dtypes, or NumPy as_strided views with odd byte strides, compare exactly.
 */
import type { ArrayDescriptor } from '../descriptor.js'
import { DTYPES, type DTypeName } from '../dtype.js'
import { DTypeError, ValueError } from '../errors.js'

/**
 * A view as a set of byte ranges: element i covers bytes
 * [byteOffset + Σ i_k·byteStrides[k], … + itemsize). Offsets are relative to the buffer start.
 */
export interface ByteView {
  readonly itemsize: number
  readonly shape: readonly number[]
  readonly byteStrides: readonly number[]
  readonly byteOffset: number
}

/**
 * Same as ByteView, but dimensions, strides and the offset may also be bigints. Needed only for
 * views whose byte numbers pass 2^53 (NumPy allows any int64 stride via as_strided, e.g. the
 * overflow example 2^62−1); every ByteView is a BigByteView.
 */
export interface BigByteView {
  readonly itemsize: number
  readonly shape: readonly (number | bigint)[]
  readonly byteStrides: readonly (number | bigint)[]
  readonly byteOffset: number | bigint
}

/** Result of an overlap problem, as NumPy's solver reports it. */
export type OverlapOutcome = 'no' | 'yes' | 'too-hard' | 'overflow'

/** What the descriptor-level functions accept: an ArrayDescriptor, an NDArray, or anything shaped alike. */
export type DescriptorLike = Pick<ArrayDescriptor, 'buffer' | 'shape' | 'strides' | 'offset'> & {
  readonly dtype: DTypeName | { readonly itemsize: number }
}

export const INT64_MAX = (1n << 63n) - 1n
export const INT64_MIN = -(1n << 63n)

/** Bytes per element of a descriptor's dtype (a dtype name, or a DType-like object). */
export function itemsizeOf(dtype: DescriptorLike['dtype']): number {
  if (typeof dtype === 'string') {
    const d = (DTYPES as Record<string, { itemsize: number } | undefined>)[dtype]
    if (d !== undefined) return d.itemsize
  } else if (typeof dtype === 'object' && dtype !== null && Number.isInteger(dtype.itemsize) && dtype.itemsize > 0) {
    return dtype.itemsize
  }
  throw new DTypeError(`overlap: unknown dtype ${JSON.stringify(dtype)}`)
}

/** The byte-level view of an element-level descriptor (strides and offset scaled by the itemsize). */
export function toByteView(desc: DescriptorLike): ByteView {
  const itemsize = itemsizeOf(desc.dtype)
  return {
    itemsize,
    shape: [...desc.shape],
    byteStrides: desc.strides.map((s) => s * itemsize),
    byteOffset: desc.offset * itemsize,
  }
}

/** A validated view in exact integers; what the BigInt (slow, general) paths work on. */
export interface ExactView {
  readonly itemsize: bigint
  readonly shape: readonly bigint[]
  readonly strides: readonly bigint[]
  readonly offset: bigint
}

function exactInt(x: number | bigint, what: string): bigint {
  if (typeof x === 'bigint') return x
  // Any integer-valued double is an exact integer (also above 2^53), so the conversion is lossless.
  if (typeof x !== 'number' || !Number.isInteger(x)) throw new ValueError(`overlap: ${what} must be an integer, got ${String(x)}`)
  return BigInt(x)
}

/**
 * Checks a view and converts it to exact integers. Dimensions must be ≥ 0 and strides must be
 * int64 values (NumPy's npy_intp), since the overflow rules are stated for that range.
 */
export function toExactView(v: BigByteView, name = 'view'): ExactView {
  if (!Number.isInteger(v.itemsize) || v.itemsize < 1) {
    throw new ValueError(`overlap: ${name}.itemsize must be a positive integer, got ${String(v.itemsize)}`)
  }
  if (v.shape.length !== v.byteStrides.length) {
    throw new ValueError(`overlap: ${name} has ${v.shape.length} dimensions but ${v.byteStrides.length} strides`)
  }
  const shape = v.shape.map((n, k) => {
    const d = exactInt(n, `${name}.shape[${k}]`)
    if (d < 0n || d > INT64_MAX) throw new ValueError(`overlap: ${name}.shape[${k}] = ${d} is out of range [0, 2^63)`)
    return d
  })
  const strides = v.byteStrides.map((s, k) => {
    const d = exactInt(s, `${name}.byteStrides[${k}]`)
    if (d < INT64_MIN || d > INT64_MAX) throw new ValueError(`overlap: ${name}.byteStrides[${k}] = ${d} does not fit in int64`)
    return d
  })
  return { itemsize: BigInt(v.itemsize), shape, strides, offset: exactInt(v.byteOffset, `${name}.byteOffset`) }
}

/** Short human description of a view for error messages. */
export function describeView(v: BigByteView): string {
  const list = (xs: readonly (number | bigint)[]): string => `[${xs.map(String).join(', ')}]`
  return `(itemsize ${v.itemsize}, shape ${list(v.shape)}, byte strides ${list(v.byteStrides)}, byte offset ${String(v.byteOffset)})`
}
