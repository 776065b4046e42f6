/**
 * The sort kernels' entry points on one lane: a stable sort (or argsort) of n values under NumPy's sort order,
 * read from and written to any strided run of a typed array.
 *
 * Values become order-preserving unsigned keys (keys.ts), which a stable MSD radix sort orders (msd.ts): the
 * result is NumPy's kind='stable' order, which is unique (the same permutation whoever computes it), and the
 * value sorts put back every bit the keys lost (the signs of zeros, NaN payloads) in input order.
 *
 * Scratch memory is per thread (module state), grown on demand: units of one job run one after the other on a
 * thread, and the kernels never keep a reference across units. Where the engine has WebAssembly (and it is not
 * turned off: STRIDED_WASM=0, setWasmEnabled(false)), the scratch lies in the thread's own wasm memory and the
 * WebAssembly radix sort orders it (wasm-sort.ts); else JS arrays and msd.ts. Both give the same bits.
 */
import type { DTypeName, TypedArray } from '../../dtype.js'
import { DTYPES } from '../../dtype.js'
import { collectSpecials, makeKeys, restoreSpecials, twoWords, unKeys } from './keys.js'
import { msd32, msd32i, msd64, msd64i } from './msd.js'
import { keys32Kind, wasmKeys32, wasmKeysF64, wasmScratch, wasmSortKeys, wasmUnkeys32, wasmUnkeysF64, type WasmSortScratch } from './wasm-sort.js'

export { assertSortable } from './keys.js'

/** Ping-pong key buffers (as float64 for 64-bit moves, as words for digits) and permutations. */
export interface SortScratch {
  readonly cap: number
  readonly fa: Float64Array
  readonly wa: Int32Array
  readonly fb: Float64Array
  readonly wb: Int32Array
  readonly ia: Int32Array
  readonly ib: Int32Array
  /** Where the views lie in the thread's WebAssembly sort memory (wasm-sort.ts sorts them), or null (msd.ts). */
  readonly wasm: WasmSortScratch | null
}

/** Scratch for n keys (fresh, not kept), JS arrays. */
export function allocScratch(cap: number): SortScratch {
  const fa = new Float64Array(cap)
  const fb = new Float64Array(cap)
  return { cap, fa, wa: new Int32Array(fa.buffer), fb, wb: new Int32Array(fb.buffer), ia: new Int32Array(cap), ib: new Int32Array(cap), wasm: null }
}

let scratch: SortScratch = allocScratch(0)

/** Runs longer than this get scratch of their own, not kept (a thread keeps at most ~24 MB of sort scratch). */
const KEEP = 1 << 20

/**
 * Scratch for n keys: in the thread's WebAssembly sort memory where it can (wasm-sort.ts), else JS arrays. Take
 * it right before use: the next call may detach its views.
 */
export function scratchFor(n: number): SortScratch {
  const w = wasmScratch(n, KEEP)
  if (w !== null) return w
  if (n > KEEP) return allocScratch(n)
  if (scratch.cap < n) scratch = allocScratch(Math.min(KEEP, Math.max(n, 2 * scratch.cap)))
  return scratch
}

const localValues = new Map<DTypeName, TypedArray>()

/** A per-thread contiguous buffer of `n` elements of `dt` (for gathering a lane before it is sorted). */
export function localBuffer(dt: DTypeName, n: number): TypedArray {
  let b = localValues.get(dt)
  if (b === undefined || b.length < n) {
    b = new (DTYPES[dt].TypedArray as unknown as new (n: number) => TypedArray)(Math.max(n, 16))
    if (n <= KEEP) localValues.set(dt, b)
  }
  return b
}

const specialValues = [new Map<DTypeName, TypedArray>(), new Map<DTypeName, TypedArray>()]

/** Per-thread buffers for the specials of a value sort (slot 0: zeros, 1: NaNs). */
export function specialsBuffer(slot: 0 | 1, dt: DTypeName, n: number): TypedArray {
  const m = specialValues[slot]!
  let b = m.get(dt)
  if (b === undefined || b.length < n) {
    b = new (DTYPES[dt].TypedArray as unknown as new (n: number) => TypedArray)(Math.max(n, 16))
    if (n <= KEEP) m.set(dt, b)
  }
  return b
}

/** Sort the keys of s (in wa/fa) over [lo, hi), carrying ia when withIdx; the result stays in the a buffers. */
export function sortKeys(s: SortScratch, two: boolean, lo: number, hi: number, withIdx: boolean): void {
  if (s.wasm !== null) wasmSortKeys(s.wasm, two, lo, hi, withIdx)
  else if (two) {
    if (withIdx) msd64i(s.fa, s.wa, s.fb, s.wb, s.ia, s.ib, lo, hi, true)
    else msd64(s.fa, s.wa, s.fb, s.wb, lo, hi, true)
  } else if (withIdx) msd32i(s.wa, s.wb, s.ia, s.ib, lo, hi, true)
  else msd32(s.wa, s.wb, lo, hi, true)
}

/**
 * The keys of v[o + i*st] (i < n) into s's a buffer (keys.ts makeKeys); float64 in the thread's WebAssembly
 * memory goes through the module (copied in, keyed in place). Returns the specials met.
 */
export function keysInto(s: SortScratch, v: TypedArray, o: number, st: number, dt: DTypeName, n: number): number {
  if (s.wasm !== null) {
    if (dt === 'float64') {
      const f = s.fa
      const x = v as Float64Array
      if (st === 1) f.set(x.subarray(o, o + n))
      else for (let k = 0; k < n; k++) f[k] = x[o + k * st]!
      return wasmKeysF64(s.wasm, n, null, null)[0]
    }
    const kind = keys32Kind(dt)
    if (kind >= 0) {
      // the values' bits as words, keyed in place
      const x = new Int32Array(v.buffer, v.byteOffset, v.length)
      const w = s.wa
      if (st === 1) w.set(x.subarray(o, o + n))
      else for (let k = 0; k < n; k++) w[k] = x[o + k * st]!
      return wasmKeys32(s.wasm, n, kind, null, null)[0]
    }
  }
  return makeKeys(v, o, st, n, dt, s.wa, 0)
}

/** Write the values of the n sorted keys in s's a buffer to d[dout + k*ds] (keys.ts unKeys; WebAssembly where keysInto used it). */
export function valuesOut(s: SortScratch, dt: DTypeName, n: number, d: TypedArray, dout: number, ds: number): void {
  const kind = keys32Kind(dt)
  if (s.wasm !== null && dt === 'float64') {
    wasmUnkeysF64(s.wasm, n)
    const f = s.fa
    const x = d as Float64Array
    if (ds === 1) x.set(f.subarray(0, n), dout)
    else for (let k = 0; k < n; k++) x[dout + k * ds] = f[k]!
  } else if (s.wasm !== null && kind >= 0) {
    wasmUnkeys32(s.wasm, n, kind)
    const w = s.wa
    const x = new Int32Array(d.buffer, d.byteOffset, d.length)
    if (ds === 1) x.set(w.subarray(0, n), dout)
    else for (let k = 0; k < n; k++) x[dout + k * ds] = w[k]!
  } else unKeys(s.wa, 0, n, dt, d, dout, ds)
}

/**
 * The stable permutation sorting v[o + i*s] (i < n) in NumPy's order: perm[k] is the index (in [0, n)) of the
 * k-th smallest. The returned array is per-thread scratch, valid until the next call.
 */
export function argsortLane(v: TypedArray, o: number, st: number, dt: DTypeName, n: number): Int32Array {
  const s = scratchFor(n)
  keysInto(s, v, o, st, dt, n)
  const ia = s.ia
  for (let i = 0; i < n; i++) ia[i] = i
  sortKeys(s, twoWords(dt), 0, n, true)
  return ia
}

/**
 * Sort the n values v[vo + i*vs] into d[dout + i*ds] (d may be v itself: every value is read before any is
 * written), in NumPy's stable order: zeros and NaNs keep their input order and bits.
 */
export function sortLane(v: TypedArray, vo: number, vs: number, d: TypedArray, dout: number, ds: number, dt: DTypeName, n: number): void {
  if (n === 0) return
  const s = scratchFor(n)
  const specials = keysInto(s, v, vo, vs, dt, n)
  let zeros: TypedArray | null = null
  let nans: TypedArray | null = null
  if (specials > 0) {
    zeros = specialsBuffer(0, dt, n)
    nans = specialsBuffer(1, dt, n)
    collectSpecials(v, vo, vs, n, dt, zeros, 0, nans, 0)
  }
  sortKeys(s, twoWords(dt), 0, n, false)
  valuesOut(s, dt, n, d, dout, ds)
  if (zeros !== null) restoreSpecials(d, dout, ds, n, dt, zeros, 0, nans!, 0)
}

/** argsortLane of a contiguous v[0, n). */
export function argsortRun(v: TypedArray, dt: DTypeName, n: number): Int32Array {
  return argsortLane(v, 0, 1, dt, n)
}

/** Sort a contiguous v[0, n) in place (sortLane). */
export function sortRun(v: TypedArray, dt: DTypeName, n: number): void {
  sortLane(v, 0, 1, v, 0, 1, dt, n)
}

// ------------------------------------------------------------------------------------------ lanes

/** Offset (in elements) of lane `lane` of a view whose lanes run along `axis` (other axes in C order). */
export function laneOffset(shape: readonly number[], strides: readonly number[], offset: number, axis: number, lane: number): number {
  let off = offset
  let l = lane
  for (let d = shape.length - 1; d >= 0 && l > 0; d--) {
    if (d === axis) continue
    const n = shape[d]!
    const i = l % n
    l = (l - i) / n
    off += i * strides[d]!
  }
  return off
}

/** The dtype whose sort order a typed array's elements follow (Uint8Array: uint8, which bool shares), or null. */
export function typedArrayDType(v: unknown): DTypeName | null {
  if (v instanceof Float64Array) return 'float64'
  if (v instanceof Float32Array) return 'float32'
  if (v instanceof Int32Array) return 'int32'
  if (v instanceof Uint32Array) return 'uint32'
  if (v instanceof Int16Array) return 'int16'
  if (v instanceof Uint16Array) return null // float16 shares it: not a sort order here
  if (v instanceof Int8Array) return 'int8'
  if (v instanceof Uint8Array) return 'uint8'
  if (v instanceof BigInt64Array) return 'int64'
  if (v instanceof BigUint64Array) return 'uint64'
  return null
}
