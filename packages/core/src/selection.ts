/**
 * Fancy and boolean selection (np.take, np.compress). Both always return copies that own their data.
 */
import { typedView, type Scalar } from './dtype.js'
import { DTypeError, IndexError, OverflowError, ShapeError, ValueError } from './errors.js'
import { forEachOffset } from './iterate.js'
import { NDArray } from './ndarray.js'
import { normalizeAxis } from './shape.js'
import { checkOptions } from './check-options.js'

/** Nested JS arrays of integers (any depth; booleans count as 0/1, as NumPy converts them). */
export type NestedIndices = number | bigint | boolean | readonly NestedIndices[]
/** take's indices: an integer (or bool) NDArray of any ndim, nested JS arrays of integers, or one integer. */
export type IndexInput = NestedIndices | NDArray
/** NumPy's take `mode`: out-of-range indices raise IndexError, wrap around, or clip to the axis. */
export type TakeMode = 'raise' | 'wrap' | 'clip'

/** Options of {@link take}. */
export interface TakeOptions {
  /** The axis to take along; undefined or null takes from the flattened array (C order), as NumPy's axis=None. */
  axis?: number | null
  /** 'raise' (default): negative indices count from the end, others throw IndexError; 'wrap'; 'clip'. */
  mode?: TakeMode
}

const INT64_MIN = -(2n ** 63n)
const INT64_MAX = 2n ** 63n - 1n

/** One index as NumPy's intp: a number when safe, else a bigint (always out of range for any real axis). */
function intp(v: Scalar, what: string): number | bigint {
  if (typeof v === 'boolean') return v ? 1 : 0
  if (typeof v === 'bigint') {
    if (v < INT64_MIN || v > INT64_MAX) throw new OverflowError(`${what}: index ${v} is too large to convert to int64 (C long)`)
    return Number.isSafeInteger(Number(v)) ? Number(v) : v
  }
  if (typeof v !== 'number' || !Number.isInteger(v)) {
    throw new DTypeError(`${what}: indices must be integers, got ${typeof v === 'number' ? String(v) : typeof v}`)
  }
  if (Number.isSafeInteger(v)) return v
  if (v >= 2 ** 63 || v < -(2 ** 63)) throw new OverflowError(`${what}: index ${v} is too large to convert to int64 (C long)`)
  return BigInt(v)
}

/** The indices as a flat C-order list and their shape (nested arrays must be rectangular, as NumPy requires). */
function indexList(indices: IndexInput, what: string): { values: (number | bigint)[]; shape: number[] } {
  if (indices instanceof NDArray) {
    const kind = indices.dtypeInfo.kind
    if (kind !== 'i' && kind !== 'u' && kind !== 'b') {
      throw new DTypeError(`${what}: Cannot cast array data from dtype('${indices.dtype}') to dtype('int64') according to the rule 'same_kind' (indices must be an integer array)`)
    }
    // uint64 goes through intp as NumPy's cast does: values ≥ 2**63 wrap to negative
    const wrap = indices.dtype === 'uint64'
    return { values: indices.toFlatArray().map((v) => intp(wrap ? BigInt.asIntN(64, v as bigint) : v, what)), shape: [...indices.shape] }
  }
  // the shape is read down the first elements; every other element must then match it
  const shape: number[] = []
  for (let x: unknown = indices; Array.isArray(x); x = (x as unknown[])[0]) {
    shape.push(x.length)
    if (x.length === 0) break
  }
  const values: (number | bigint)[] = []
  const ragged = (path: string, why: string): never => {
    throw new ShapeError(`${what}: indices are an inhomogeneous nested array of shape (${shape.join(', ')}): ${path} ${why}`)
  }
  const walk = (x: NestedIndices, depth: number, path: string): void => {
    if (depth < shape.length) {
      if (!Array.isArray(x)) ragged(path, `is a scalar, expected an array of length ${shape[depth]}`)
      const xs = x as readonly NestedIndices[]
      if (xs.length !== shape[depth]) ragged(path, `has length ${xs.length}, expected ${shape[depth]}`)
      for (let k = 0; k < xs.length; k++) walk(xs[k]!, depth + 1, `${path}[${k}]`)
      return
    }
    if (Array.isArray(x)) ragged(path, 'is an array, expected a scalar')
    values.push(intp(x as Scalar, what))
  }
  walk(indices, 0, 'indices')
  return { values, shape }
}

/**
 * NumPy's np.take: the elements of `a` at `indices` along `axis`, a new C-contiguous array that owns its data.
 * The result's shape is a.shape[:axis] + indices.shape + a.shape[axis+1:]; with axis undefined/null `a` is
 * flattened first. A scalar index (or a 0-d index array) removes the axis; with no axis it gives a 0-d array
 * (NumPy: a scalar).
 * @param a the array to take from.
 * @param indices integer indices: an integer or bool NDArray of any ndim, nested JS arrays of integers
 *   (numbers, bigints; booleans count as 0/1 as in NumPy), or one integer.
 * @param opts `axis` (undefined/null: flattened) and `mode` ('raise' | 'wrap' | 'clip', default 'raise').
 * @returns a new array with a's dtype.
 * @throws IndexError for an out-of-range index in 'raise' mode, or any index into an empty axis.
 * @throws AxisError for an axis out of range; ValueError for an unknown mode; ShapeError for ragged nested
 *   indices; DTypeError for non-integer indices; OverflowError for an index outside int64.
 */
export function take(a: NDArray, indices: IndexInput, opts: TakeOptions = {}): NDArray {
  checkOptions('take', opts, ['axis', 'mode'])
  const mode = opts.mode ?? 'raise'
  if (mode !== 'raise' && mode !== 'wrap' && mode !== 'clip') {
    throw new ValueError(`take: clipmode must be one of 'clip', 'raise', or 'wrap' (got ${JSON.stringify(mode)})`)
  }
  const flat = opts.axis === undefined || opts.axis === null
  const src = flat ? a.ravel() : a
  const axis = flat ? 0 : normalizeAxis(opts.axis as number, a.ndim)
  const { values, shape: ishape } = indexList(indices, 'take')
  const n = src.shape[axis]!
  const outShape = [...src.shape.slice(0, axis), ...ishape, ...src.shape.slice(axis + 1)]
  if (n === 0 && outShape.every((d) => d > 0)) throw new IndexError(`take: cannot do a non-empty take from an empty axis (axis ${axis} has size 0)`)
  // as NumPy, indices are only checked when there is something to take them from (no outer element: no checks)
  const checked = src.shape.slice(0, axis).every((d) => d > 0) ? values : []
  if (n === 0 && mode !== 'raise' && checked.length > 0) throw new IndexError(`take: cannot do a non-empty take from an empty axis (axis ${axis} has size 0)`)
  const N = BigInt(n)
  const norm = checked.map((i): number => {
    if (mode === 'wrap') return typeof i === 'bigint' ? Number(((i % N) + N) % N) : ((i % n) + n) % n
    if (mode === 'clip') return i < 0 ? 0 : i >= n ? n - 1 : Number(i)
    const j = typeof i === 'bigint' ? -1 : i < 0 ? i + n : i
    if (j < 0 || j >= n) throw new IndexError(`take: index ${i} is out of bounds for axis ${axis} with size ${n}`)
    return j
  })
  const out = NDArray.alloc(outShape, a.dtype)
  gather(src, axis, norm, out, ishape.length)
  return out
}

/**
 * NumPy's np.compress: the slices of `a` along `axis` where `condition` is true (non-zero; NaN counts as true),
 * a new C-contiguous array that owns its data. With axis undefined/null `a` is flattened first. A condition
 * shorter than the axis selects from its first entries; a longer one may only have false entries beyond it.
 * @param condition a 1-d array of booleans or numbers (a JS array or an NDArray).
 * @param a the array to select from.
 * @param opts `axis` (undefined/null: flattened).
 * @returns a new array with a's dtype.
 * @throws ValueError when condition is not 1-d; IndexError for a true entry beyond the axis; AxisError.
 */
export function compress(condition: readonly (boolean | number | bigint)[] | NDArray, a: NDArray, opts: { axis?: number | null } = {}): NDArray {
  checkOptions('compress', opts, ['axis'])
  const flat = opts.axis === undefined || opts.axis === null
  const src = flat ? a.ravel() : a
  const axis = flat ? 0 : normalizeAxis(opts.axis as number, a.ndim)
  const oneD = condition instanceof NDArray ? condition.ndim === 1 : Array.isArray(condition) && !condition.some((c) => Array.isArray(c))
  if (!oneD) {
    const got = condition instanceof NDArray ? `an array of shape (${condition.shape.join(', ')})` : Array.isArray(condition) ? 'a nested array' : String(condition)
    throw new ValueError(`compress: condition must be a 1-d array, got ${got}`)
  }
  const cond: Scalar[] = condition instanceof NDArray ? condition.toFlatArray() : [...condition]
  const n = src.shape[axis]!
  const picked: number[] = []
  cond.forEach((c, i) => {
    if (c === true || (typeof c === 'number' && c !== 0) || (typeof c === 'bigint' && c !== 0n)) {
      if (i >= n) throw new IndexError(`compress: condition has a true value at index ${i}, out of bounds for axis ${axis} with size ${n}`)
      picked.push(i)
    }
  })
  const outShape = [...src.shape]
  outShape[axis] = picked.length
  const out = NDArray.alloc(outShape, a.dtype)
  gather(src, axis, picked, out, 1)
  return out
}

/** out[..., j..., ...] = src[..., idx[j], ...] where the index block occupies `idxDims` axes of out. */
function gather(src: NDArray, axis: number, idx: readonly number[], out: NDArray, idxDims: number): void {
  const s = src.data as unknown as Record<number, number | bigint>
  const d = typedView(out.buffer, out.dtype).subarray(out.offset, out.offset + out.size) as unknown as Record<number, number | bigint>
  const outer = src.shape.slice(0, axis)
  const inner = src.shape.slice(axis + 1)
  const innerStrides = src.strides.slice(axis + 1)
  let o = 0
  forEachOffset(outer, src.strides.slice(0, axis), src.offset, (base) => {
    for (let j = 0; j < idx.length; j++) {
      forEachOffset(inner, innerStrides, base + idx[j]! * src.strides[axis]!, (off) => { d[o++] = s[off]! })
    }
  })
  void idxDims
}
