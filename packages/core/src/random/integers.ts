/**
 * random.integers: NumPy's Generator.integers(low, high=None, size=None, dtype=int64, endpoint=False) on the
 * seeded xoshiro128** stream. Bounds are exact integers (bigint internally), checked against the dtype in
 * NumPy's order and words; draws are unbiased (bounded.ts). low and high may be scalars or arrays broadcast
 * against each other and against `size`.
 */
import { array, type ArrayData } from '../creation.js'
import { DTYPES, dtype as lookupDType, type DTypeName, type Scalar } from '../dtype.js'
import { DTypeError, OverflowError, ShapeError, ValueError } from '../errors.js'
import { NDArray } from '../ndarray.js'
import { fromStored } from '../scalar.js'
import { shapeSize } from '../shape.js'
import { boolOption, generatorFor, parseSize, splitArgs } from './args.js'
import { below32, below64 } from './bounded.js'
import type { Xoshiro128 } from './xoshiro.js'

/** Options of `random.integers` (NumPy's keyword arguments, plus the required seed). */
export interface IntegersOptions {
  /** Integer seed, required (its low 32 bits are used): the same seed gives the same values on every machine. */
  seed: number
  /** The result's dtype: any integer dtype or `'bool'` (default `'int64'`, bigint elements); floats throw {@link DTypeError}. */
  dtype?: 'bool' | 'int8' | 'uint8' | 'int16' | 'uint16' | 'int32' | 'uint32' | 'int64' | 'uint64'
  /** `true`: draw from [low, high] (high included); default `false`: [low, high). */
  endpoint?: boolean
}

const KEYS = ['seed', 'dtype', 'endpoint']
const TWO32 = 4294967296n
/** Below this magnitude low + a 32-bit draw is exact in a double, so int64 results skip bigint additions. */
const SAFE_LOW = 2 ** 53 - 2 ** 32

/** One bound operand: a scalar, or an array to broadcast. */
type Operand = { scalar: unknown } | { arr: NDArray }

function operand(v: unknown): Operand {
  if (v instanceof NDArray) return v.ndim === 0 ? { scalar: v.get() } : { arr: v }
  if (Array.isArray(v) || ArrayBuffer.isView(v)) return { arr: array(v as ArrayData) }
  return { scalar: v }
}

/** A bound as an exact integer: floats truncate towards zero as NumPy's int(); NaN and infinities throw. */
function toBig(v: unknown, what: string): bigint {
  if (typeof v === 'bigint') return v
  if (typeof v === 'boolean') return v ? 1n : 0n
  if (typeof v === 'number') {
    if (Number.isNaN(v)) throw new ValueError(`integers: cannot convert float NaN to integer (${what} NaN)`)
    if (!Number.isFinite(v)) throw new OverflowError(`integers: cannot convert float infinity to integer (${what} ${v})`)
    return BigInt(Math.trunc(v))
  }
  throw new DTypeError(`integers: ${what} must be an integer (a number, bigint or boolean), an NDArray or nested arrays of them, got ${v === null ? 'null' : typeof v}`)
}

function resultDType(v: unknown): DTypeName {
  if (v === undefined) return 'int64'
  let name: DTypeName
  try {
    name = lookupDType(v as string).name
  } catch (e) {
    throw new DTypeError(`integers: ${(e as Error).message}`)
  }
  if (DTYPES[name].kind === 'f') {
    throw new DTypeError(`integers: Unsupported dtype ${name} for integers (it draws bool, int8, uint8, int16, uint16, int32, uint32, int64 or uint64)`)
  }
  return name
}

const shapeText = (s: readonly number[]): string => `(${s.join(', ')}${s.length === 1 ? ',' : ''})`

/** The output shape: the broadcast of the array bounds, which must then broadcast to `size` when it is given. */
function outputShape(L: Operand, H: Operand, size: number[] | null): number[] | null {
  const shapes = [L, H].filter((o): o is { arr: NDArray } => 'arr' in o).map((o) => o.arr.shape)
  if (shapes.length === 0) return size
  const all = size === null ? shapes : [...shapes, size]
  const nd = Math.max(...all.map((s) => s.length))
  const out = new Array<number>(nd).fill(1)
  for (const s of all) {
    for (let i = 0; i < s.length; i++) {
      const j = nd - s.length + i
      if (s[i] === out[j] || s[i] === 1) continue
      if (out[j] === 1) { out[j] = s[i]!; continue }
      mismatch(L, H, size)
    }
  }
  // size is the result's shape: the bounds may not add axes or stretch it
  if (size !== null && (out.length !== size.length || out.some((d, k) => d !== size[k]))) mismatch(L, H, size)
  return out
}

function mismatch(L: Operand, H: Operand, size: number[] | null): never {
  const part = (o: Operand): string => ('arr' in o ? shapeText(o.arr.shape) : 'a scalar')
  throw new ShapeError(`integers: shape mismatch: objects cannot be broadcast to a single shape (low ${part(L)}, high ${part(H)}${size === null ? '' : `, size ${shapeText(size)}`})`)
}

/** The operand's values broadcast to `shape`, in C order, as exact integers. */
function flatBounds(o: Operand, shape: readonly number[], what: string): bigint[] {
  const n = shapeSize(shape)
  if ('scalar' in o) return new Array<bigint>(n).fill(toBig(o.scalar, what))
  return o.arr.broadcastTo(shape).toFlatArray().map((v) => toBig(v, what))
}

/** NumPy's bounds message when low > high (closed) or low >= high (open); low all zero reads as a bad high. */
function orderError(lowAllZero: boolean, closed: boolean): string {
  if (closed) return lowAllZero ? 'high < 0' : 'low > high'
  return lowAllZero ? 'high <= 0' : 'low >= high'
}

/** Draws one value in [lo, lo + span] and stores it (span >= 0, exact). */
type Writer = (i: number, lo: bigint, span: bigint) => void

function writer(rng: Xoshiro128, out: NDArray): Writer {
  const data = out.data as unknown as Record<number, number | bigint>
  const base = out.offset
  const big = DTYPES[out.dtype].bigint
  return (i, lo, span) => {
    if (span < TWO32) {
      const r = below32(rng, Number(span) + 1)
      if (!big) { data[base + i] = Number(lo) + r; return }
      const l = Number(lo)
      data[base + i] = Math.abs(l) <= SAFE_LOW ? BigInt(l + r) : lo + BigInt(r)
      return
    }
    data[base + i] = lo + below64(rng, span + 1n)
  }
}

/**
 * Random integers in [low, high) (NumPy's `Generator.integers`); see `random.integers`.
 * @param low - the lowest value (or, with high omitted, the exclusive upper bound of [0, low))
 * @param opts - seed (required), dtype, endpoint
 * @returns one value: a number, a bigint (int64/uint64) or a boolean (bool)
 */
export function integers(low: number | bigint | boolean, opts: IntegersOptions): Scalar
/**
 * Random integers in [low, high) (NumPy's `Generator.integers`); see `random.integers`.
 * @param low - the lowest value
 * @param high - one past the highest value (the highest with endpoint); null or undefined: [0, low)
 * @param opts - seed (required), dtype, endpoint
 * @returns one value: a number, a bigint (int64/uint64) or a boolean (bool)
 */
export function integers(low: number | bigint | boolean, high: number | bigint | boolean | null | undefined, opts: IntegersOptions): Scalar
/**
 * Random integers in [low, high) (NumPy's `Generator.integers`); see `random.integers`.
 * @param low - the lowest value
 * @param high - one past the highest value (the highest with endpoint); null or undefined: [0, low)
 * @param size - null or undefined: one value
 * @param opts - seed (required), dtype, endpoint
 * @returns one value: a number, a bigint (int64/uint64) or a boolean (bool)
 */
export function integers(low: number | bigint | boolean, high: number | bigint | boolean | null | undefined, size: null | undefined, opts: IntegersOptions): Scalar
/**
 * Random integers in [low, high) (NumPy's `Generator.integers`) with a `size`: an array; see `random.integers`.
 * @param low - the lowest value(s): a scalar, an NDArray or nested arrays, broadcast against high and size
 * @param high - one past the highest value(s) (the highest with endpoint); null or undefined: [0, low)
 * @param size - the result's shape (an integer for 1-d, `[]` for 0-d)
 * @param opts - seed (required), dtype, endpoint
 * @returns a new C-contiguous array of the dtype
 */
export function integers(low: ArrayData | NDArray, high: ArrayData | NDArray | null | undefined, size: number | readonly number[], opts: IntegersOptions): NDArray
/**
 * Random integers (NumPy's `Generator.integers`), any argument form; see `random.integers`.
 * @param low - the lowest value(s)
 * @param rest - high, size and the options, as the other forms
 * @returns an NDArray when size is given or a bound is an array (of one or more dimensions), else one value
 */
export function integers(low: ArrayData | NDArray, ...rest: (ArrayData | NDArray | readonly number[] | IntegersOptions | null | undefined)[]): NDArray | Scalar
export function integers(low: ArrayData | NDArray, ...rest: unknown[]): NDArray | Scalar {
  const { pos, opts } = splitArgs('integers', [low, ...rest], 3, KEYS)
  const rng = generatorFor('integers', opts)
  const dt = resultDType(opts['dtype'])
  const closed = boolOption('integers', opts, 'endpoint', false)
  let [lo, hi] = pos
  if (hi === undefined || hi === null) { hi = lo; lo = 0 }
  const size = parseSize('integers', pos[2])
  const L = operand(lo)
  const H = operand(hi)
  const shape = outputShape(L, H, size)
  const n = shape === null ? 1 : shapeSize(shape)
  // NumPy returns an empty result before it looks at the bounds
  if (n === 0) return NDArray.alloc(shape!, dt)
  const info = DTYPES[dt]
  const minB = dt === 'bool' ? 0n : BigInt(info.min!)
  const maxB = dt === 'bool' ? 1n : BigInt(info.max!)
  const range = `${dt} holds ${minB} to ${maxB}`
  const out = NDArray.alloc(shape ?? [], dt, 'C', false)
  const put = writer(rng, out)

  if (shape === null || ('scalar' in L && 'scalar' in H)) {
    const l = toBig('scalar' in L ? L.scalar : undefined, 'low')
    const h = toBig('scalar' in H ? H.scalar : undefined, 'high')
    const top = closed ? h : h - 1n
    if (l < minB) throw new ValueError(`integers: low is out of bounds for ${dt} (low ${l}; ${range})`)
    if (top > maxB) throw new ValueError(`integers: high is out of bounds for ${dt} (high ${h}${closed ? '' : ', exclusive'}; ${range})`)
    if (l > top) throw new ValueError(`integers: ${orderError(l === 0n, closed)} (low ${l}, high ${h}${closed ? ', endpoint true' : ''})`)
    const span = top - l
    for (let i = 0; i < n; i++) put(i, l, span)
    return shape === null ? fromStored(out.data[out.offset]!, dt) : out
  }

  const lows = flatBounds(L, shape, 'low')
  const highs = flatBounds(H, shape, 'high')
  const at = (i: number): string => (n === 1 ? '' : ` at flat index ${i} of the result`)
  // NumPy checks every low, then every high, then the order
  for (let i = 0; i < n; i++) if (lows[i]! < minB) throw new ValueError(`integers: low is out of bounds for ${dt} (low ${lows[i]}${at(i)}; ${range})`)
  const tops = highs.map((h) => (closed ? h : h - 1n))
  for (let i = 0; i < n; i++) {
    if (tops[i]! > maxB) throw new ValueError(`integers: high is out of bounds for ${dt} (high ${highs[i]}${closed ? '' : ', exclusive'}${at(i)}; ${range})`)
  }
  const lowAllZero = lows.every((v) => v === 0n)
  for (let i = 0; i < n; i++) {
    if (lows[i]! > tops[i]!) {
      throw new ValueError(`integers: ${orderError(lowAllZero, closed)} (low ${lows[i]}, high ${highs[i]}${closed ? ', endpoint true' : ''}${at(i)})`)
    }
  }
  for (let i = 0; i < n; i++) put(i, lows[i]!, tops[i]! - lows[i]!)
  return out
}
