/**
 * Shared helpers of the searching, counting and set functions: reading any view's elements in C order,
 * NumPy's sort order (NaNs last, -0 equal to +0) and a stable merge argsort over typed arrays.
 * Internal: nothing here is exported from the package root.
 */
import { DTYPES, type DTypeName, type Scalar, type TypedArray } from '../../dtype.js'
import { DTypeError } from '../../errors.js'
import { array } from '../../creation.js'
import { NDArray } from '../../ndarray.js'
import { castStored } from '../../scalar.js'
import { argsortRun, sortRun, typedArrayDType } from '../../kernels/sort/radix.js'

/** A stored element: number (bool as 0/1, ints up to 32 bits, floats) or bigint (int64/uint64). */
export type Stored = number | bigint

/** Array-like inputs the search functions accept: an NDArray, nested JS arrays, a typed array or a scalar. */
export type SearchInput = NDArray | Scalar | readonly SearchInput[]

/** `x` as an NDArray (NDArrays pass through; anything else goes through {@link array}). */
export function asArray(x: SearchInput, what: string): NDArray {
  if (x instanceof NDArray) return x
  if (typeof x === 'number' || typeof x === 'bigint' || typeof x === 'boolean' || Array.isArray(x) || ArrayBuffer.isView(x)) {
    return array(x as Parameters<typeof array>[0])
  }
  throw new DTypeError(`${what} must be an NDArray, nested arrays or a scalar, got ${x === null ? 'null' : typeof x}`)
}

/** The elements of any view (strided, negative strides, broadcast) in C order, as a contiguous typed array. */
export function flatStored(a: NDArray): TypedArray {
  const r = a.ravel()
  return r.data.subarray(r.offset, r.offset + r.size)
}

/** The elements of `a` in C order, cast (NumPy's C casts) to dtype `to`. */
export function flatAs(a: NDArray, to: DTypeName): TypedArray {
  if (a.dtype === to) return flatStored(a)
  return flatStored(a.astype(to))
}

/** A fresh 1-d int64 array holding `idx` (the index convention of the package: int64 elements are bigint). */
export function int64Array(idx: ArrayLike<number>, shape: readonly number[] = [idx.length]): NDArray {
  const out = NDArray.alloc(shape, 'int64', 'C', false)
  writeIndices(out, idx)
  return out
}

/**
 * Write non-negative safe-integer indices into a fresh C-contiguous int64 array as two 32-bit halves (little
 * endian, as the typed arrays here), which avoids allocating a bigint per element.
 */
export function writeIndices(out: NDArray, idx: ArrayLike<number>): void {
  const words = new Uint32Array(out.buffer, out.byteOffset, idx.length * 2)
  for (let i = 0; i < idx.length; i++) {
    const v = idx[i]!
    words[2 * i] = v >>> 0
    words[2 * i + 1] = (v / 4294967296) >>> 0
  }
}

/** A fresh C-contiguous array of dtype `dt` and `shape` whose storage the caller fills (`d[off + i]`). */
export function fresh(shape: readonly number[], dt: DTypeName, zero = false): { out: NDArray; d: Record<number, Stored>; off: number } {
  const out = NDArray.alloc(shape, dt, 'C', zero)
  return { out, d: out.data as unknown as Record<number, Stored>, off: out.offset }
}

/** True for a non-zero element (NaN is true, ±0 false), as NumPy's truth test. */
export function truthy(v: Stored): boolean {
  return typeof v === 'bigint' ? v !== 0n : v !== 0
}

/** NumPy's sort order: -1, 0 or 1, NaNs after everything (and equal to each other), -0 equal to +0. */
export function compare(x: Stored, y: Stored): number {
  if (x < y) return -1
  if (x > y) return 1
  if (x === y) return 0
  // at least one NaN (numbers only)
  const xn = x !== x
  const yn = y !== y
  return xn === yn ? 0 : xn ? 1 : -1
}

/** NumPy's `a < b` of its sort order (NaN is the largest value). */
export function lessThan(x: Stored, y: Stored): boolean {
  return x < y || (y !== y && x === x)
}

/**
 * A stable argsort of `n` keys under `cmp` (a bottom-up merge sort over an index buffer): equal keys keep
 * their original order, so the first occurrence of a value comes first, as NumPy's kind='stable'.
 */
export function argsortBy(n: number, cmp: (i: number, j: number) => number): Int32Array {
  let src = new Int32Array(n)
  for (let i = 0; i < n; i++) src[i] = i
  if (n < 2) return src
  // insertion-sort runs of 16, then merge
  const RUN = 16
  for (let lo = 0; lo < n; lo += RUN) {
    const hi = Math.min(lo + RUN, n)
    for (let i = lo + 1; i < hi; i++) {
      const v = src[i]!
      let j = i - 1
      while (j >= lo && cmp(src[j]!, v) > 0) { src[j + 1] = src[j]!; j-- }
      src[j + 1] = v
    }
  }
  let dst = new Int32Array(n)
  for (let w = RUN; w < n; w *= 2) {
    for (let lo = 0; lo < n; lo += 2 * w) {
      const mid = Math.min(lo + w, n)
      const hi = Math.min(lo + 2 * w, n)
      let i = lo
      let j = mid
      let k = lo
      if (mid >= hi || cmp(src[mid - 1]!, src[mid]!) <= 0) {
        // already in order
        while (i < hi) dst[k++] = src[i++]!
        continue
      }
      while (i < mid && j < hi) dst[k++] = cmp(src[j]!, src[i]!) < 0 ? src[j++]! : src[i++]!
      while (i < mid) dst[k++] = src[i++]!
      while (j < hi) dst[k++] = src[j++]!
    }
    const t = src
    src = dst
    dst = t
  }
  return src
}

/**
 * Stable argsort of stored values in NumPy's order (NaNs last; -0 and +0 keep their input order). Typed arrays
 * take the radix sort of np.sort (kernels/sort/radix.ts); other array-likes the merge sort above.
 */
export function argsortStored(v: ArrayLike<Stored>): Int32Array {
  const n = v.length
  const dt = typedArrayDType(v)
  if (dt !== null) return argsortRun(v as TypedArray, dt, n).slice(0, n)
  if (n > 0 && typeof v[0] === 'bigint') {
    const b = v as ArrayLike<bigint>
    return argsortBy(n, (i, j) => (b[i]! < b[j]! ? -1 : b[i]! > b[j]! ? 1 : 0))
  }
  const x = v as ArrayLike<number>
  return argsortBy(n, (i, j) => {
    const p = x[i]!
    const q = x[j]!
    return p < q ? -1 : p > q ? 1 : p === q ? 0 : compare(p, q)
  })
}

/**
 * A sorted copy of a typed array in NumPy's order (NaNs last, -0/+0 in input order), by the radix sort of
 * np.sort; typed arrays it has no dtype for (Uint16Array) use the native sort.
 */
export function sortedCopy(v: TypedArray): TypedArray {
  const c = v.slice() as TypedArray
  const dt = typedArrayDType(c)
  if (dt === null) return c.sort()
  sortRun(c, dt, c.length)
  return c
}

/** Cast stored values from one dtype to another (NumPy's C casts), as a plain array. */
export function castAll(v: ArrayLike<Stored>, from: DTypeName, to: DTypeName): Stored[] {
  const out = new Array<Stored>(v.length)
  for (let i = 0; i < v.length; i++) out[i] = castStored(v[i]!, from, to)
  return out
}

/** `n` values of `dt` as a fresh 1-d array. */
export function storedArray(v: ArrayLike<Stored>, dt: DTypeName, shape: readonly number[] = [v.length]): NDArray {
  const { out, d, off } = fresh(shape, dt)
  for (let i = 0; i < v.length; i++) d[off + i] = v[i]!
  return out
}

/** Is `dt` an integer or bool dtype. */
export function isIntLike(dt: DTypeName): boolean {
  return DTYPES[dt].kind !== 'f'
}

/** Shape as NumPy prints it in messages: (2, 3), (5,), (). */
export function shapeStr(shape: readonly number[]): string {
  return shape.length === 1 ? `(${shape[0]},)` : `(${shape.join(', ')})`
}

/** NumPy's message when an index-like operand cannot be cast safely to intp. */
export function safeIntpError(what: string, dt: DTypeName): DTypeError {
  return new DTypeError(`${what}: Cannot cast array data from dtype('${dt}') to dtype('int64') according to the rule 'safe'`)
}

/** Whether `dt` casts safely to int64 (bool, all signed ints, uint8..uint32). */
export function safeToIntp(dt: DTypeName): boolean {
  return dt !== 'uint64' && dt !== 'float32' && dt !== 'float64'
}
