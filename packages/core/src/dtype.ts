/**
 * The dtypes strided supports, by NumPy name, and what each one is in JavaScript memory.
 * int64/uint64 elements are bigint; bool is stored as one byte (0/1) and read as boolean.
 */
import { DTypeError } from './errors.js'

/** The names of every supported dtype: bool, the integers by size (signed before unsigned), then the floats. */
export const DTYPE_NAMES = [
  'bool', 'int8', 'uint8', 'int16', 'uint16', 'int32', 'uint32', 'int64', 'uint64', 'float16', 'float32', 'float64',
] as const

/** A dtype by its NumPy name: `'bool'`, `'int8'` … `'uint64'`, `'float16'`, `'float32'`, `'float64'`. */
export type DTypeName = (typeof DTYPE_NAMES)[number]

/**
 * Any of the typed-array classes that hold an array's elements (`Uint8Array` for bool and uint8; `Uint16Array` of
 * IEEE half bits for float16, see float16.ts).
 */
export type TypedArray =
  | Uint8Array | Int8Array | Int16Array | Uint16Array | Int32Array | Uint32Array
  | BigInt64Array | BigUint64Array | Float32Array | Float64Array

type TypedArrayCtor = {
  new (buffer: ArrayBufferLike, byteOffset?: number, length?: number): TypedArray
  readonly BYTES_PER_ELEMENT: number
}

/** A scalar as JavaScript sees an element of some dtype. */
export type Scalar = number | bigint | boolean

/** A dtype's description, as returned by {@link dtype} (NumPy's `numpy.dtype` object, frozen). */
export interface DType {
  /** The dtype's NumPy name, e.g. `'float64'`. */
  readonly name: DTypeName
  /** 'b' bool, 'i' signed int, 'u' unsigned int, 'f' float — NumPy's dtype.kind. */
  readonly kind: 'b' | 'i' | 'u' | 'f'
  /** Bytes per element (NumPy's `dtype.itemsize`). */
  readonly itemsize: number
  /** NumPy's dtype.alignment on x86-64 (equal to itemsize for every dtype here). */
  readonly alignment: number
  /** Elements are bigint (int64, uint64). */
  readonly bigint: boolean
  /** The typed-array class that holds this dtype's elements (Uint16Array of half bits for float16). */
  readonly TypedArray: TypedArrayCtor
  /** NumPy's little-endian type string, as written in .npy headers: '<f8', '|b1', ... */
  readonly descr: string
  /** Smallest value of an integer dtype (undefined for floats and bool). */
  readonly min?: number | bigint
  /** Largest value of an integer dtype (undefined for floats and bool). */
  readonly max?: number | bigint
}

function make(name: DTypeName, kind: DType['kind'], itemsize: number, T: TypedArrayCtor, min?: number | bigint, max?: number | bigint): DType {
  const order = itemsize === 1 ? '|' : '<'
  const descr = `${order}${kind}${itemsize}`
  return Object.freeze({ name, kind, itemsize, alignment: itemsize, bigint: kind !== 'f' && itemsize === 8, TypedArray: T, descr, min, max })
}

export const DTYPES: Readonly<Record<DTypeName, DType>> = Object.freeze({
  bool: make('bool', 'b', 1, Uint8Array as TypedArrayCtor),
  int8: make('int8', 'i', 1, Int8Array as TypedArrayCtor, -128, 127),
  uint8: make('uint8', 'u', 1, Uint8Array as TypedArrayCtor, 0, 255),
  int16: make('int16', 'i', 2, Int16Array as TypedArrayCtor, -32768, 32767),
  uint16: make('uint16', 'u', 2, Uint16Array as TypedArrayCtor, 0, 65535),
  int32: make('int32', 'i', 4, Int32Array as TypedArrayCtor, -2147483648, 2147483647),
  uint32: make('uint32', 'u', 4, Uint32Array as TypedArrayCtor, 0, 4294967295),
  int64: make('int64', 'i', 8, BigInt64Array as TypedArrayCtor, -(2n ** 63n), 2n ** 63n - 1n),
  uint64: make('uint64', 'u', 8, BigUint64Array as TypedArrayCtor, 0n, 2n ** 64n - 1n),
  float16: make('float16', 'f', 2, Uint16Array as TypedArrayCtor),
  float32: make('float32', 'f', 4, Float32Array as TypedArrayCtor),
  float64: make('float64', 'f', 8, Float64Array as TypedArrayCtor),
})

/** The default dtype, as in NumPy: JavaScript numbers are doubles. */
export const DEFAULT_DTYPE: DTypeName = 'float64'

const ALIASES: Readonly<Record<string, DTypeName>> = {
  '?': 'bool', b1: 'bool', i1: 'int8', u1: 'uint8', i2: 'int16', u2: 'uint16', i4: 'int32', u4: 'uint32',
  i8: 'int64', u8: 'uint64', f2: 'float16', e: 'float16', half: 'float16', f4: 'float32', f8: 'float64', float: 'float64', int: 'int64', double: 'float64',
  single: 'float32', bool_: 'bool',
}

/** Look a dtype up by NumPy name or short code ('f8', 'i4', 'f2', '?'). Throws DTypeError for anything else. */
export function dtype(name: string | DType): DType {
  if (typeof name === 'object' && name !== null && 'name' in name) return DTYPES[name.name]
  if (typeof name === 'string') {
    if (Object.prototype.hasOwnProperty.call(DTYPES, name)) return DTYPES[name as DTypeName]
    const stripped = name.replace(/^[<=|]/, '')
    const alias = ALIASES[stripped]
    if (alias !== undefined) return DTYPES[alias]
  }
  throw new DTypeError(`unknown dtype ${JSON.stringify(name)}; expected one of ${DTYPE_NAMES.join(', ')}`)
}

/** A typed array of this dtype covering the whole buffer from byte 0 (element offsets index into it). */
export function typedView(buffer: ArrayBufferLike, dt: DTypeName): TypedArray {
  const d = DTYPES[dt]
  return new d.TypedArray(buffer, 0, Math.floor(buffer.byteLength / d.itemsize))
}

export function isFloat(dt: DTypeName): boolean { return DTYPES[dt].kind === 'f' }
export function isInteger(dt: DTypeName): boolean { const k = DTYPES[dt].kind; return k === 'i' || k === 'u' }
export function isBigInt(dt: DTypeName): boolean { return DTYPES[dt].bigint }
