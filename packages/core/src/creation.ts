/**
 * Array creation. Every new array owns a fresh SharedArrayBuffer unless it wraps caller memory (fromBuffer).
 * The default dtype is float64: JavaScript numbers are doubles (so arange(5) is float64, unlike NumPy's int64).
 */
import { fromHalfBits, toHalfBits } from './float16.js'
import { DTYPES, dtype as lookupDType, type DTypeName, type Scalar, type TypedArray } from './dtype.js'
import { BoundsError, DTypeError, ShapeError, ValueError } from './errors.js'
import { NDArray, type CopyOrder, type NestedArray } from './ndarray.js'
import { toStored } from './scalar.js'
import { checkShape, contiguousStrides, elementExtent, shapeSize, type Order } from './shape.js'
import { checkOptions } from './check-options.js'

/** Options of the creation functions. */
export interface CreateOptions {
  /** Element type, by name or NumPy code (`'int32'`, `'f4'`); default float64, or as the function says. */
  dtype?: DTypeName | string
  /** Memory layout of the new array: `'C'` (default) or `'F'`; the *Like functions default to the prototype's order. */
  order?: Order
}

/** Options of the creation functions that lay out a 1-D result (arange): only the dtype. */
export type DTypeOptions = Omit<CreateOptions, 'order'>

/** Options of {@link linspace}. */
export interface LinspaceOptions extends DTypeOptions {
  /** Whether `stop` is the last sample (default true). */
  endpoint?: boolean
}

/** Options of the *Like functions and array(): the order may also be `'A'` or `'K'` (default `'K'`, keep the source's). */
export interface LikeOptions {
  /** Element type, by name or NumPy code; default the source's (array(): inferred from the data). */
  dtype?: DTypeName | string
  /** NumPy's order: `'C'`, `'F'`, `'A'` (F if the source is F-contiguous and not C-contiguous) or `'K'` (default: keep the source's memory order of axes). */
  order?: CopyOrder
}

const CREATE_KEYS = ['dtype', 'order'] as const

const NEW_ORDERS: readonly CopyOrder[] = ['C', 'F']
const COPY_ORDERS: readonly CopyOrder[] = ['C', 'F', 'A', 'K']

/** NumPy's order argument, case-insensitive as NumPy's; anything else is a ValueError naming the function. */
function orderOf(order: unknown, fallback: CopyOrder, allowed: readonly CopyOrder[], fn: string): CopyOrder {
  if (order === undefined || order === null) return fallback
  const o = typeof order === 'string' ? order.toUpperCase() : ''
  if (!allowed.includes(o as CopyOrder)) {
    throw new ValueError(`${fn}: order must be one of ${allowed.map((x) => `'${x}'`).join(', ')}, got ${typeof order === 'string' ? `'${order}'` : String(order)}`)
  }
  return o as CopyOrder
}

function dt(opts: { dtype?: DTypeName | string } | undefined, fallback: DTypeName = 'float64'): DTypeName {
  return opts?.dtype === undefined ? fallback : lookupDType(opts.dtype).name
}

function asShape(shape: number | readonly number[]): number[] {
  return checkShape(typeof shape === 'number' ? [shape] : shape)
}

/** Uninitialised (in practice zero-filled: SharedArrayBuffers start zeroed) array. */
export function empty(shape: number | readonly number[], opts: CreateOptions = {}): NDArray {
  checkOptions('empty', opts, CREATE_KEYS)
  return NDArray.alloc(asShape(shape), dt(opts), orderOf(opts.order, 'C', NEW_ORDERS, 'empty') as Order)
}

/**
 * A new array filled with zeros (NumPy's `zeros`).
 * @param shape - the shape, or one integer for a 1-D array.
 * @param opts - dtype (default float64) and order (default 'C').
 * @returns a new array that owns its memory.
 * @throws {@link ShapeError} when a dimension is negative or not an integer.
 * @throws {@link DTypeError} for an unknown dtype.
 */
export function zeros(shape: number | readonly number[], opts: CreateOptions = {}): NDArray {
  checkOptions('zeros', opts, CREATE_KEYS)
  return NDArray.alloc(asShape(shape), dt(opts), orderOf(opts.order, 'C', NEW_ORDERS, 'zeros') as Order)
}

/**
 * A new array filled with ones (NumPy's `ones`; `true` for bool, `1n` for int64/uint64).
 * @param shape - the shape, or one integer for a 1-D array.
 * @param opts - dtype (default float64) and order (default 'C').
 * @returns a new array that owns its memory.
 * @throws {@link ShapeError} when a dimension is negative or not an integer.
 * @throws {@link DTypeError} for an unknown dtype.
 */
export function ones(shape: number | readonly number[], opts: CreateOptions = {}): NDArray {
  checkOptions('ones', opts, CREATE_KEYS)
  return NDArray.alloc(asShape(shape), dt(opts), orderOf(opts.order, 'C', NEW_ORDERS, 'ones') as Order).fill(1)
}

/** Default dtype from the fill value: bigint → int64, boolean → bool, number → float64. */
export function full(shape: number | readonly number[], value: Scalar, opts: CreateOptions = {}): NDArray {
  checkOptions('full', opts, CREATE_KEYS)
  const fallback: DTypeName = typeof value === 'bigint' ? 'int64' : typeof value === 'boolean' ? 'bool' : 'float64'
  return NDArray.alloc(asShape(shape), dt(opts, fallback), orderOf(opts.order, 'C', NEW_ORDERS, 'full') as Order).fill(value)
}

/** Like NumPy's *_like (default order 'K'): the new array keeps the prototype's memory order of axes. */
export function emptyLike(a: NDArray, opts: LikeOptions = {}): NDArray {
  checkOptions('emptyLike', opts, CREATE_KEYS)
  return NDArray.allocLike(a, dt(opts, a.dtype), orderOf(opts.order, 'K', COPY_ORDERS, 'emptyLike'))
}
/**
 * A new array of zeros with the shape of `a` (NumPy's `zeros_like`).
 * @param a - the prototype array.
 * @param opts - dtype (default `a`'s) and order (default: keep `a`'s memory order of axes, NumPy's 'K').
 * @returns a new array that owns its memory.
 */
export function zerosLike(a: NDArray, opts: LikeOptions = {}): NDArray { checkOptions('zerosLike', opts, CREATE_KEYS); return emptyLike(a, opts) }
/**
 * A new array of ones with the shape of `a` (NumPy's `ones_like`).
 * @param a - the prototype array.
 * @param opts - dtype (default `a`'s) and order (default: keep `a`'s memory order of axes, NumPy's 'K').
 * @returns a new array that owns its memory.
 */
export function onesLike(a: NDArray, opts: LikeOptions = {}): NDArray { checkOptions('onesLike', opts, CREATE_KEYS); return emptyLike(a, opts).fill(1) }
/**
 * A new array with the shape of `a`, every element `value` (NumPy's `full_like`).
 * @param a - the prototype array.
 * @param value - the fill value, converted to the dtype.
 * @param opts - dtype (default `a`'s, not inferred from `value`) and order (default: keep `a`'s memory order of axes).
 * @returns a new array that owns its memory.
 * @throws {@link OverflowError} when an integer value does not fit the dtype.
 */
export function fullLike(a: NDArray, value: Scalar, opts: LikeOptions = {}): NDArray { checkOptions('fullLike', opts, CREATE_KEYS); return emptyLike(a, opts).fill(value) }

/**
 * Evenly spaced values in [start, stop): arange(stop), arange(start, stop), arange(start, stop, step).
 * As NumPy: element 0 is start and element 1 is start + step (each converted to the dtype), and the rest are
 * first + i·(second − first) computed in the dtype (so an integer dtype with a fractional step repeats values,
 * and float32 steps are rounded to float32). bigint arguments give int64.
 */
export function arange(a: number | bigint, b?: number | bigint | DTypeOptions, c?: number | bigint | DTypeOptions, d?: DTypeOptions): NDArray {
  const args: (number | bigint)[] = []
  let opts: CreateOptions = {}
  for (const x of [a, b, c, d]) {
    if (x === undefined) continue
    if (typeof x === 'object') opts = x
    else args.push(x)
  }
  // CreateOptions' order is not read: the result is 1-D
  checkOptions('arange', opts, ['dtype'])
  const big = args.some((x) => typeof x === 'bigint')
  const nums = args.map(Number)
  const [start, stop, step] = nums.length === 1 ? [0, nums[0]!, 1] : nums.length === 2 ? [nums[0]!, nums[1]!, 1] : [nums[0]!, nums[1]!, nums[2]!]
  if (step === 0) throw new ValueError('arange: step cannot be zero (Maximum allowed size exceeded)')
  if (![start, stop, step].every(Number.isFinite)) throw new ValueError(`arange: arguments must be finite, got (${nums.join(', ')})`)
  const n = Math.max(0, Math.ceil((stop - start) / step))
  const out = NDArray.alloc([n], dt(opts, big ? 'int64' : 'float64'))
  if (n === 0) return out
  const dtn = out.dtype
  if (dtn === 'bool' && n > 2) throw new DTypeError(`arange() is only supported for booleans when the result has at most length 2 (got length ${n})`)
  const data = out.data.subarray(out.offset, out.offset + n) as unknown as Record<number, number | bigint>
  // bigint arguments are added exactly (NumPy adds Python ints); otherwise in doubles like Python floats
  const exact = big && args.every((x) => typeof x === 'bigint' || Number.isInteger(x))
  const startV: number | bigint = args.length === 1 ? (exact ? 0n : 0) : exact ? BigInt(args[0]!) : start
  const stepV: number | bigint = args.length === 3 ? (exact ? BigInt(args[2]!) : step) : exact ? 1n : 1
  const first = toStored(startV, dtn, 'arange start')
  data[0] = first
  if (n === 1) return out
  const nextV = exact ? (startV as bigint) + (stepV as bigint) : (startV as number) + (stepV as number)
  const second = toStored(nextV, dtn, 'arange start + step')
  data[1] = second
  // NumPy's dtype fill function: the rest is first + i·delta with delta = second − first, in the dtype
  if (typeof first === 'bigint') {
    const delta = (second as bigint) - first
    const signed = out.dtypeInfo.kind === 'i'
    for (let i = 2; i < n; i++) {
      const v = first + BigInt(i) * delta
      data[i] = signed ? BigInt.asIntN(64, v) : BigInt.asUintN(64, v)
    }
  } else if (dtn === 'float16') {
    // NumPy's HALF_fill: the two halves as floats, delta and each value in float32, rounded to half
    const f0 = fromHalfBits(first)
    const delta = Math.fround(fromHalfBits(second as number) - f0)
    for (let i = 2; i < n; i++) data[i] = toHalfBits(Math.fround(f0 + Math.fround(i * delta)))
  } else if (dtn === 'float32') {
    const f0 = Math.fround(first)
    const delta = Math.fround(Math.fround(second as number) - f0)
    for (let i = 2; i < n; i++) data[i] = Math.fround(f0 + Math.fround(i * delta))
  } else {
    // float64 in doubles; small integer dtypes wrap on the typed-array store, as C does
    const delta = (second as number) - first
    for (let i = 2; i < n; i++) data[i] = first + i * delta
  }
  return out
}

/**
 * `num` evenly spaced samples over [start, stop] (np.linspace): i·step + start, last one exactly stop, computed
 * in float64; integer dtypes take the floor (as NumPy does), not truncation.
 */
export function linspace(start: number, stop: number, num = 50, opts: LinspaceOptions = {}): NDArray {
  checkOptions('linspace', opts, ['dtype', 'endpoint'])
  if (!Number.isInteger(num) || num < 0) throw new ValueError(`linspace: number of samples, ${num}, must be a non-negative integer`)
  const endpoint = opts.endpoint ?? true
  const div = endpoint ? num - 1 : num
  const delta = stop - start
  const step = div > 0 ? delta / div : NaN
  const out = NDArray.alloc([num], dt(opts))
  const data = out.data.subarray(out.offset, out.offset + num) as unknown as Record<number, number | bigint>
  const kind = out.dtypeInfo.kind
  const round = kind === 'i' || kind === 'u' ? Math.floor : (v: number) => v
  for (let i = 0; i < num; i++) {
    let v: number
    if (div > 0) v = step === 0 ? (i / div) * delta + start : i * step + start
    else v = i * delta + start
    data[i] = toStored(round(v), out.dtype, 'linspace value')
  }
  if (endpoint && num > 1) data[num - 1] = toStored(round(stop), out.dtype, 'linspace stop')
  return out
}

/** Options of eye: dtype, order, and the diagonal `k` (also accepted positionally, as in NumPy). */
export type EyeOptions = CreateOptions & {
  /** Index of the diagonal: 0 (default) the main one, positive above it, negative below. */
  k?: number
}

const isOpts = (x: unknown): x is EyeOptions => typeof x === 'object' && x !== null

/**
 * NumPy's np.eye(N, M=None, k=0): an N×M array with ones on diagonal k (k > 0 above the main diagonal, k < 0
 * below) and zeros elsewhere. The options object may come after any of the positional arguments:
 * eye(N), eye(N, M), eye(N, M, k), eye(N, opts), eye(N, M, opts), eye(N, M, k, opts); M null/undefined means N.
 * @param n number of rows.
 * @param m number of columns (default n), or the options.
 * @param k index of the diagonal (default 0), or the options.
 * @param opts dtype (default float64), order ('C' | 'F', default 'C'); `k` may also be given here.
 * @returns a new array of shape [n, m].
 * @throws ShapeError for a negative or non-integer n or m; ValueError for a non-integer k, k given both
 *   positionally and in the options, or arguments after the options object.
 */
export function eye(n: number, m?: number | null | EyeOptions, k?: number | EyeOptions, opts?: EyeOptions): NDArray {
  const rest = [m, k, opts]
  const at = rest.findIndex(isOpts)
  if (at >= 0 && rest.slice(at + 1).some((x) => x !== undefined)) {
    throw new ValueError(`eye: the options object must be the last argument, got (${[n, ...rest].map((x) => (isOpts(x) ? '{...}' : String(x))).join(', ')})`)
  }
  const o: EyeOptions = at >= 0 ? (rest[at] as EyeOptions) : {}
  checkOptions('eye', o, ['dtype', 'order', 'k'])
  const cols = at === 0 || m === undefined || m === null ? n : (m as number)
  const kPos = at >= 0 && at <= 1 ? undefined : (k as number | undefined)
  if (kPos !== undefined && o.k !== undefined) throw new ValueError(`eye: k given twice (positional ${kPos}, options ${o.k})`)
  const diag = kPos ?? o.k ?? 0
  if (!Number.isSafeInteger(diag)) throw new ValueError(`eye: k must be an integer, got ${String(diag)}`)
  return eyeOf(n, cols, diag, o)
}

/**
 * NumPy's np.identity(n): the n×n identity matrix.
 * @param n number of rows and columns.
 * @param opts dtype (default float64) and order ('C' | 'F', default 'C').
 * @returns a new array of shape [n, n].
 * @throws ShapeError for a negative or non-integer n.
 */
export function identity(n: number, opts: CreateOptions = {}): NDArray {
  if (!isOpts(opts) && opts !== undefined) throw new ValueError(`identity: the second argument must be an options object, got ${String(opts)}`)
  checkOptions('identity', opts, CREATE_KEYS)
  return eyeOf(n, n, 0, opts ?? {})
}

function eyeOf(n: number, cols: number, k: number, opts: CreateOptions): NDArray {
  const out = NDArray.alloc(checkShape([n, cols], 'eye shape'), dt(opts), orderOf(opts.order, 'C', NEW_ORDERS, 'eye') as Order)
  const one = toStored(1, out.dtype)
  const data = out.data.subarray(out.offset, out.offset + out.size) as unknown as Record<number, number | bigint>
  for (let i = 0; i < n; i++) {
    const j = i + k
    if (j >= 0 && j < cols) data[i * out.strides[0]! + j * out.strides[1]!] = one
  }
  return out
}

const TYPED_DTYPE = new Map<unknown, DTypeName>([
  [Float64Array, 'float64'], [Float32Array, 'float32'], [Int8Array, 'int8'], [Uint8Array, 'uint8'], [Uint8ClampedArray, 'uint8'],
  [Int16Array, 'int16'], [Uint16Array, 'uint16'], [Int32Array, 'int32'], [Uint32Array, 'uint32'],
  [BigInt64Array, 'int64'], [BigUint64Array, 'uint64'],
])

/** What array() reads: a scalar, a typed array, or nested JS arrays of these (typed arrays count as their elements). */
export type ArrayData = Scalar | TypedArray | readonly ArrayData[]

/** The leaves of nested data in C order; typed arrays inside JS arrays count as their elements. */
function flattenNested(x: ArrayData, out: Scalar[]): void {
  if (Array.isArray(x)) for (const e of x) flattenNested(e, out)
  else if (ArrayBuffer.isView(x)) { const t = x as ArrayLike<number | bigint>; for (let i = 0; i < t.length; i++) out.push(t[i]!) }
  else out.push(x as Scalar)
}

function nestedShape(x: ArrayData, path: string): number[] {
  if (Array.isArray(x)) {
    if (x.length === 0) return [0]
    const first = nestedShape(x[0]!, `${path}[0]`)
    for (let i = 1; i < x.length; i++) {
      const s = nestedShape(x[i]!, `${path}[${i}]`)
      if (s.length !== first.length || s.some((n, k) => n !== first[k])) {
        throw new ShapeError(`array: inhomogeneous nested input: ${path}[0] has shape (${first.join(', ')}) but ${path}[${i}] has shape (${s.join(', ')})`)
      }
    }
    return [x.length, ...first]
  }
  if (ArrayBuffer.isView(x)) return [(x as TypedArray).length]
  return []
}

/**
 * A new array from nested JavaScript arrays, a typed array or a scalar (always a copy).
 * Inferred dtype: the typed array's, else bool if all booleans, int64 if any bigint, else float64.
 */
export function array(data: ArrayData | NDArray, opts: LikeOptions = {}): NDArray {
  checkOptions('array', opts, CREATE_KEYS)
  const order = orderOf(opts.order, 'K', COPY_ORDERS, 'array')
  if (data instanceof NDArray) return opts.dtype === undefined ? data.copy(order) : data.astype(dt(opts), { order })
  if (ArrayBuffer.isView(data) && !(data instanceof DataView)) {
    const ta = data as TypedArray
    const from = TYPED_DTYPE.get(ta.constructor)
    if (from === undefined) throw new DTypeError(`array: unsupported typed array ${ta.constructor.name}`)
    const src = new NDArray({ buffer: new (ta.constructor as new (x: TypedArray) => TypedArray)(ta).buffer, dtype: from, shape: [ta.length], strides: [1], offset: 0 })
    return src.astype(dt(opts, from))
  }
  const shape = nestedShape(data, 'data')
  const flat: Scalar[] = []
  flattenNested(data, flat)
  let inferred: DTypeName = 'float64'
  if (flat.length > 0 && flat.every((v) => typeof v === 'boolean')) inferred = 'bool'
  else if (flat.some((v) => typeof v === 'bigint')) {
    if (flat.some((v) => typeof v === 'number' && !Number.isInteger(v))) {
      throw new DTypeError('array: cannot mix bigint and fractional numbers in one array; convert explicitly')
    }
    inferred = 'int64'
  }
  // nested data has no memory order of its own: 'A' and 'K' mean C
  const newOrder: Order = order === 'F' ? 'F' : 'C'
  const out = NDArray.alloc(shape, dt(opts, inferred), newOrder)
  const d = out.data.subarray(out.offset, out.offset + out.size) as unknown as Record<number, number | bigint>
  const strides = out.strides
  // write in C order of the logical index, so F-ordered outputs get the right layout
  let i = 0
  const rec = (axis: number, off: number): void => {
    if (axis === shape.length) { d[off] = toStored(flat[i]!, out.dtype, `data element ${i}`); i++; return }
    for (let j = 0; j < shape[axis]!; j++) rec(axis + 1, off + j * strides[axis]!)
  }
  rec(0, 0)
  return out
}

/** Options of {@link fromBuffer}. */
export interface FromBufferOptions {
  /** Element type of the memory; default float64. */
  dtype?: DTypeName | string
  /** Shape of the view; default 1-D, from `offset` to the end of the memory. */
  shape?: readonly number[]
  /** Strides in elements (not bytes), one per axis; default C-contiguous for `shape`. */
  strides?: readonly number[]
  /** Index of the first element, in elements from the start of the memory (a typed array's own byteOffset is added); default 0. */
  offset?: number
  /** Whether the view may be written; default true. */
  writeable?: boolean
}

/**
 * Zero-copy view of existing memory. `strides` and `offset` are in elements of dtype; the whole view must lie
 * inside the buffer (BoundsError otherwise). A typed array argument contributes its byteOffset and length.
 */
export function fromBuffer(buffer: SharedArrayBuffer | ArrayBuffer | ArrayBufferView, opts: FromBufferOptions = {}): NDArray {
  checkOptions('fromBuffer', opts, VIEW_KEYS)
  const d = DTYPES[dt(opts)]
  let buf: SharedArrayBuffer | ArrayBuffer
  let baseOffset = 0
  let available: number
  if (ArrayBuffer.isView(buffer)) {
    buf = buffer.buffer as SharedArrayBuffer | ArrayBuffer
    if (buffer.byteOffset % d.itemsize !== 0) throw new BoundsError(`fromBuffer: typed array byteOffset ${buffer.byteOffset} is not a multiple of ${d.name} itemsize ${d.itemsize}`)
    baseOffset = buffer.byteOffset / d.itemsize
    available = Math.floor(buffer.byteLength / d.itemsize)
  } else if (buffer instanceof ArrayBuffer || (typeof SharedArrayBuffer !== 'undefined' && buffer instanceof SharedArrayBuffer)) {
    buf = buffer
    available = Math.floor(buffer.byteLength / d.itemsize)
  } else {
    throw new DTypeError(`fromBuffer: expected a SharedArrayBuffer, ArrayBuffer or typed array, got ${Object.prototype.toString.call(buffer)}`)
  }
  const bytes = ArrayBuffer.isView(buffer) ? buffer.byteLength : (buf as ArrayBuffer).byteLength
  if (opts.shape === undefined && bytes % d.itemsize !== 0) {
    // NumPy's frombuffer refuses a length that is not whole elements rather than drop the tail
    throw new ValueError(`fromBuffer: buffer size ${bytes} bytes must be a multiple of the ${d.name} itemsize ${d.itemsize} (or give a shape)`)
  }
  const offset = opts.offset ?? 0
  if (!Number.isSafeInteger(offset) || offset < 0) throw new BoundsError(`fromBuffer: offset ${String(offset)} must be a non-negative integer (elements)`)
  const shape = opts.shape === undefined ? [available - offset] : checkShape(opts.shape)
  if (shape[0]! < 0) throw new BoundsError(`fromBuffer: offset ${offset} is past the end of the buffer (${available} elements of ${d.name})`)
  const strides = opts.strides === undefined ? contiguousStrides(shape) : [...opts.strides]
  checkInBounds(shape, strides, baseOffset + offset, baseOffset, baseOffset + available, 'fromBuffer')
  return new NDArray({ buffer: buf, dtype: d.name, shape, strides, offset: baseOffset + offset }, { writeable: opts.writeable ?? true, external: true })
}

const VIEW_KEYS = ['dtype', 'shape', 'strides', 'offset', 'writeable'] as const

function checkInBounds(shape: readonly number[], strides: readonly number[], offset: number, lo: number, hi: number, what: string): void {
  if (strides.length !== shape.length) throw new ShapeError(`${what}: strides (${strides.join(', ')}) must have one entry per axis of shape (${shape.join(', ')})`)
  for (const s of strides) if (!Number.isSafeInteger(s)) throw new BoundsError(`${what}: strides must be integers (elements), got (${strides.join(', ')})`)
  if (shapeSize(shape) === 0) return
  const [first, last] = elementExtent(shape, strides, offset)
  if (first < lo || last >= hi) {
    throw new BoundsError(`${what}: shape (${shape.join(', ')}) with strides (${strides.join(', ')}) and offset ${offset} addresses elements ${first}..${last}, outside the buffer's elements ${lo}..${hi - 1}`)
  }
}

/**
 * A view with arbitrary shape and strides over a's memory (np.lib.stride_tricks.as_strided), validated
 * against the buffer. Strides and offset are in elements; offset is relative to a's first element.
 */
export function asStrided(a: NDArray, opts: { shape?: readonly number[]; strides?: readonly number[]; offset?: number; writeable?: boolean }): NDArray {
  checkOptions('asStrided', opts, VIEW_KEYS.slice(1))
  const shape = opts.shape === undefined ? [...a.shape] : checkShape(opts.shape)
  const strides = opts.strides === undefined ? [...a.strides] : [...opts.strides]
  const offset = a.offset + (opts.offset ?? 0)
  // bounded by the owner's allocation: in the arena, the rest of the buffer belongs to other arrays
  const ext = a.memoryExtent
  const isz = DTYPES[a.dtype].itemsize
  checkInBounds(shape, strides, offset, Math.ceil(ext.start / isz), Math.floor(ext.end / isz), 'asStrided')
  // as np.lib.stride_tricks.as_strided: writeable=true cannot make a view of read-only memory writeable
  const v = new NDArray({ buffer: a.buffer, dtype: a.dtype, shape, strides, offset }, { base: a.base ?? a, writeable: (opts.writeable ?? true) && a.flags.writeable })
  return v
}
