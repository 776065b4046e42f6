/**
 * Array creation. Every new array owns a fresh SharedArrayBuffer unless it wraps caller memory (fromBuffer).
 * The default dtype is float64: JavaScript numbers are doubles (so arange(5) is float64, unlike NumPy's int64).
 */
import { DTYPES, dtype as lookupDType, type DTypeName, type Scalar, type TypedArray } from './dtype.js'
import { BoundsError, DTypeError, ShapeError, ValueError } from './errors.js'
import { NDArray, type NestedArray } from './ndarray.js'
import { toStored } from './scalar.js'
import { checkShape, contiguousStrides, elementExtent, shapeSize, type Order } from './shape.js'

export interface CreateOptions { dtype?: DTypeName | string; order?: Order }

function dt(opts: { dtype?: DTypeName | string } | undefined, fallback: DTypeName = 'float64'): DTypeName {
  return opts?.dtype === undefined ? fallback : lookupDType(opts.dtype).name
}

function asShape(shape: number | readonly number[]): number[] {
  return checkShape(typeof shape === 'number' ? [shape] : shape)
}

/** Uninitialised (in practice zero-filled: SharedArrayBuffers start zeroed) array. */
export function empty(shape: number | readonly number[], opts: CreateOptions = {}): NDArray {
  return NDArray.alloc(asShape(shape), dt(opts), opts.order ?? 'C')
}

export function zeros(shape: number | readonly number[], opts: CreateOptions = {}): NDArray {
  return NDArray.alloc(asShape(shape), dt(opts), opts.order ?? 'C')
}

export function ones(shape: number | readonly number[], opts: CreateOptions = {}): NDArray {
  return NDArray.alloc(asShape(shape), dt(opts), opts.order ?? 'C').fill(1)
}

/** Default dtype from the fill value: bigint → int64, boolean → bool, number → float64. */
export function full(shape: number | readonly number[], value: Scalar, opts: CreateOptions = {}): NDArray {
  const fallback: DTypeName = typeof value === 'bigint' ? 'int64' : typeof value === 'boolean' ? 'bool' : 'float64'
  return NDArray.alloc(asShape(shape), dt(opts, fallback), opts.order ?? 'C').fill(value)
}

/** Like NumPy's *_like (default order 'K'): the new array keeps the prototype's memory order of axes. */
export function emptyLike(a: NDArray, opts: CreateOptions = {}): NDArray { return NDArray.allocLike(a, dt(opts, a.dtype), opts.order ?? 'K') }
export function zerosLike(a: NDArray, opts: CreateOptions = {}): NDArray { return emptyLike(a, opts) }
export function onesLike(a: NDArray, opts: CreateOptions = {}): NDArray { return emptyLike(a, opts).fill(1) }
export function fullLike(a: NDArray, value: Scalar, opts: CreateOptions = {}): NDArray { return emptyLike(a, opts).fill(value) }

/**
 * Evenly spaced values in [start, stop): arange(stop), arange(start, stop), arange(start, stop, step).
 * As NumPy: element 0 is start and element 1 is start + step (each converted to the dtype), and the rest are
 * first + i·(second − first) computed in the dtype (so an integer dtype with a fractional step repeats values,
 * and float32 steps are rounded to float32). bigint arguments give int64.
 */
export function arange(a: number | bigint, b?: number | bigint | CreateOptions, c?: number | bigint | CreateOptions, d?: CreateOptions): NDArray {
  const args: (number | bigint)[] = []
  let opts: CreateOptions = {}
  for (const x of [a, b, c, d]) {
    if (x === undefined) continue
    if (typeof x === 'object') opts = x
    else args.push(x)
  }
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
export function linspace(start: number, stop: number, num = 50, opts: CreateOptions & { endpoint?: boolean } = {}): NDArray {
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

/** Identity-like matrix with ones on diagonal k (np.eye). */
export function eye(n: number, m?: number | null, opts: CreateOptions & { k?: number } = {}): NDArray {
  const cols = m ?? n
  const out = NDArray.alloc(checkShape([n, cols], 'eye shape'), dt(opts), opts.order ?? 'C')
  const k = opts.k ?? 0
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

function nestedShape(x: NestedArray | TypedArray, path: string): number[] {
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
export function array(data: NestedArray | TypedArray | NDArray, opts: CreateOptions = {}): NDArray {
  if (data instanceof NDArray) return opts.dtype === undefined ? data.copy(opts.order ?? 'K') : data.astype(dt(opts), { order: opts.order ?? 'K' })
  if (ArrayBuffer.isView(data) && !(data instanceof DataView)) {
    const ta = data as TypedArray
    const from = TYPED_DTYPE.get(ta.constructor)
    if (from === undefined) throw new DTypeError(`array: unsupported typed array ${ta.constructor.name}`)
    const src = new NDArray({ buffer: new (ta.constructor as new (x: TypedArray) => TypedArray)(ta).buffer, dtype: from, shape: [ta.length], strides: [1], offset: 0 })
    return src.astype(dt(opts, from))
  }
  const shape = nestedShape(data as NestedArray, 'data')
  const flat: Scalar[] = shape.length === 0 ? [data as Scalar] : (data as NestedArray[]).flat(Infinity as 1) as Scalar[]
  let inferred: DTypeName = 'float64'
  if (flat.length > 0 && flat.every((v) => typeof v === 'boolean')) inferred = 'bool'
  else if (flat.some((v) => typeof v === 'bigint')) {
    if (flat.some((v) => typeof v === 'number' && !Number.isInteger(v))) {
      throw new DTypeError('array: cannot mix bigint and fractional numbers in one array; convert explicitly')
    }
    inferred = 'int64'
  }
  const out = NDArray.alloc(shape, dt(opts, inferred), opts.order ?? 'C')
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

export interface FromBufferOptions { dtype?: DTypeName | string; shape?: readonly number[]; strides?: readonly number[]; offset?: number; writeable?: boolean }

/**
 * Zero-copy view of existing memory. `strides` and `offset` are in elements of dtype; the whole view must lie
 * inside the buffer (BoundsError otherwise). A typed array argument contributes its byteOffset and length.
 */
export function fromBuffer(buffer: SharedArrayBuffer | ArrayBuffer | ArrayBufferView, opts: FromBufferOptions = {}): NDArray {
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
  const offset = opts.offset ?? 0
  if (!Number.isSafeInteger(offset) || offset < 0) throw new BoundsError(`fromBuffer: offset ${String(offset)} must be a non-negative integer (elements)`)
  const shape = opts.shape === undefined ? [available - offset] : checkShape(opts.shape)
  if (shape[0]! < 0) throw new BoundsError(`fromBuffer: offset ${offset} is past the end of the buffer (${available} elements of ${d.name})`)
  const strides = opts.strides === undefined ? contiguousStrides(shape) : [...opts.strides]
  checkInBounds(shape, strides, baseOffset + offset, baseOffset, baseOffset + available, 'fromBuffer')
  return new NDArray({ buffer: buf, dtype: d.name, shape, strides, offset: baseOffset + offset }, { writeable: opts.writeable ?? true, external: true })
}

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
