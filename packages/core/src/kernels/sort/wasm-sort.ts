/**
 * The WebAssembly radix sort (wasm-sort-wat.ts) of this thread: its instance, its private memory, and sort
 * scratch whose views lie in that memory, so the key writers and readers of radix.ts / long.ts / index.ts fill
 * and read the same SortScratch views whichever kernel sorts them.
 *
 * Memory: not the shared arena. Each thread (the main one, every worker) instantiates the module once, over a
 * non-shared, growable WebAssembly.Memory of its own, laid out as
 *   [0, BASE)  the per-level counters (SORT_COUNTS_BYTES), keysf64's histogram and diff (rounded up to a page),
 *              then fa | fb (8·cap bytes each) | ia | ib (4·cap each).
 * It grows (doubling, up to `keep` keys) when a request exceeds it; growing detaches the old buffer, so the views
 * are made anew, and it happens only inside wasmScratch: callers take a scratch right before use and never keep
 * one across calls. A request above `keep` gets a fresh instance and memory of its own, dropped after use, so a
 * thread keeps no more than the JS path would (wasm memory never shrinks).
 *
 * It follows the WASM backend's switch (backend.ts wasmEnabled: STRIDED_WASM=0, setWasmEnabled), which also asks
 * for SIMD support; an engine without it sorts with msd.ts.
 */
import { Buffer } from 'node:buffer'
import type { DTypeName } from '../../dtype.js'
import { wasmEnabled } from '../wasm/backend.js'
import { wasmApi, type WasmMemory, type WasmModule } from '../wasm/wasm-api.js'
import { SORT_MODULE_BASE64 } from './generated/sort-module.js'
import type { SortScratch } from './radix.js'
import { SORT_COUNTS_BYTES } from './wasm-sort-wat.js'

/** The module's exports (wasm-sort-wat.ts documents the ABI): byte addresses, [lo, hi), inA 1/0, top -1. */
export interface SortExports {
  msd32(a: number, b: number, lo: number, hi: number, inA: number, top: number, cnt: number): void
  msd32i(a: number, b: number, ia: number, ib: number, lo: number, hi: number, inA: number, top: number, cnt: number): void
  msd64(a: number, b: number, lo: number, hi: number, inA: number, top: number, cnt: number): void
  msd64i(a: number, b: number, ia: number, ib: number, lo: number, hi: number, inA: number, top: number, cnt: number): void
  keysf64(p: number, n: number, hist: number, shift: number, mask: number, out: number): number
  unkeysf64(p: number, n: number): void
  keys32(p: number, n: number, kind: number, hist: number, shift: number, mask: number, out: number): number
  unkeys32(p: number, n: number, kind: number): void
}

/** Where a wasm-backed scratch's buffers are: its instance and their byte addresses. */
export interface WasmSortScratch {
  readonly exports: SortExports
  readonly memory: WasmMemory
  readonly pa: number
  readonly pb: number
  readonly pia: number
  readonly pib: number
}

const PAGE = 65536
/** The msd counters first, then keysf64's histogram (up to 2^16 counters) and its diff; the buffers start on a page. */
const HIST_AT = SORT_COUNTS_BYTES
/** The widest digit keysf64 counts (ops/sort/sort.ts WIDE_BITS). */
export const KEY_HIST_BITS = 16
const DIFF_AT = HIST_AT + 4 * (1 << KEY_HIST_BITS)
const BASE = Math.ceil((DIFF_AT + 8) / PAGE) * PAGE
/** Bytes of memory per key of capacity: two key buffers and two permutations. */
const PER_KEY = 2 * 8 + 2 * 4
/** Largest capacity one memory holds (a 4 GiB memory; its top page left free, see the ABI). */
const MAX_CAP = Math.floor((65535 * PAGE - BASE) / PER_KEY)

let cached: WasmModule | null | undefined

/**
 * The compiled sort module, or null where this engine has no WebAssembly (or rejects it).
 * @returns the module, compiled once per thread.
 */
export function sortModule(): WasmModule | null {
  if (cached === undefined) {
    const bytes = Buffer.from(SORT_MODULE_BASE64, 'base64')
    cached = wasmApi !== undefined && wasmApi.validate(bytes) ? new wasmApi.Module(bytes) : null
  }
  return cached
}

/**
 * Instantiate the sort module over `memory` (non-shared; the caller lays out counters and buffers).
 * @param memory - the memory the exports address.
 * @returns the instance's exports.
 * @throws Error where the engine has no WebAssembly.
 */
export function instantiateSort(memory: WasmMemory): SortExports {
  const m = sortModule()
  if (m === null || wasmApi === undefined) throw new Error('the WebAssembly sort module is not supported by this engine')
  return new wasmApi.Instance(m, { env: { memory } }).exports as unknown as SortExports
}

/** An instance, its memory and the capacity (keys) laid out in it. */
interface Space { memory: WasmMemory; exports: SortExports; cap: number; scratch: SortScratch | null }

let space: Space | null = null

function views(sp: Space): SortScratch {
  const { cap } = sp
  const buf = sp.memory.buffer as ArrayBuffer
  const pa = BASE
  const pb = pa + 8 * cap
  const pia = pb + 8 * cap
  const pib = pia + 4 * cap
  return {
    cap,
    fa: new Float64Array(buf, pa, cap), wa: new Int32Array(buf, pa, 2 * cap),
    fb: new Float64Array(buf, pb, cap), wb: new Int32Array(buf, pb, 2 * cap),
    ia: new Int32Array(buf, pia, cap), ib: new Int32Array(buf, pib, cap),
    wasm: { exports: sp.exports, memory: sp.memory, pa, pb, pia, pib },
  }
}

/** Pages of memory for `cap` keys. */
const pagesFor = (cap: number): number => Math.ceil((BASE + PER_KEY * cap) / PAGE)

/** Grow sp's memory to hold `cap` keys (false when the engine refuses the memory). */
function fit(sp: Space, cap: number): boolean {
  const have = sp.memory.buffer.byteLength / PAGE
  try {
    if (pagesFor(cap) > have) sp.memory.grow(pagesFor(cap) - have)
  } catch {
    return false
  }
  sp.cap = cap
  sp.scratch = null
  return true
}

/** A new instance over a new memory of `cap` keys (null where the engine refuses). */
function newSpace(cap: number): Space | null {
  if (wasmApi === undefined || sortModule() === null) return null
  try {
    const memory = new wasmApi.Memory({ initial: pagesFor(cap) })
    return { memory, exports: instantiateSort(memory), cap, scratch: null }
  } catch {
    return null
  }
}

/**
 * Sort scratch for n keys in this thread's WebAssembly memory, or null: WebAssembly off (STRIDED_WASM=0,
 * setWasmEnabled(false)) or unavailable, or n beyond what a memory holds or the engine grants. Up to `keep`
 * keys the thread's memory serves (grown to max(n, twice its capacity), at most keep); above, a fresh one.
 * Any earlier scratch's views may be detached by this call.
 * @param n - keys the caller will sort.
 * @param keep - the largest capacity this thread keeps.
 * @returns the scratch (cap ≥ n), or null for the JS path.
 */
export function wasmScratch(n: number, keep: number): SortScratch | null {
  if (!wasmEnabled() || n > MAX_CAP) return null
  if (n > keep) {
    const sp = newSpace(n)
    return sp === null ? null : views(sp)
  }
  if (space === null) {
    space = newSpace(Math.min(keep, Math.max(n, 1024)))
    if (space === null) return null
  }
  if (space.cap < n && !fit(space, Math.min(keep, Math.max(n, 2 * space.cap)))) return null
  // views are made anew after a grow detached the buffer (or the engine moved it)
  if (space.scratch === null || space.scratch.fa.buffer !== space.memory.buffer) space.scratch = views(space)
  return space.scratch
}

/**
 * Sort the keys of a wasm-backed scratch over [lo, hi) stably, carrying the permutation when withIdx; the result
 * ends in the a buffers (as radix.ts's sortKeys).
 * @param w - where the scratch's buffers are.
 * @param two - 64-bit keys (two words each), else 32-bit.
 * @param lo - first key.
 * @param hi - end of the keys.
 * @param withIdx - whether ia moves with the keys.
 */
export function wasmSortKeys(w: WasmSortScratch, two: boolean, lo: number, hi: number, withIdx: boolean): void {
  const x = w.exports
  if (two) {
    if (withIdx) x.msd64i(w.pa, w.pb, w.pia, w.pib, lo, hi, 1, -1, 0)
    else x.msd64(w.pa, w.pb, lo, hi, 1, -1, 0)
  } else if (withIdx) x.msd32i(w.pa, w.pb, w.pia, w.pib, lo, hi, 1, -1, 0)
  else x.msd32(w.pa, w.pb, lo, hi, 1, -1, 0)
}

/**
 * float64 keys (keys.ts makeKeys) of the n values already copied into the scratch's a buffer, in place; with a
 * digit (shift: its lowest bit in the 64-bit key, bits ≤ KEY_HIST_BITS), also its histogram, into `counts`.
 * @param w - the scratch's buffers.
 * @param n - values at the start of the a buffer.
 * @param digit - the digit to count, or null.
 * @param counts - receives the 2^bits counts (when digit is given).
 * @returns specials (-0, non-canonical NaNs) met, and the OR of every key XOR the first as [high, low] words.
 */
export function wasmKeysF64(w: WasmSortScratch, n: number, digit: { shift: number; bits: number } | null, counts: Int32Array | null): [number, number, number] {
  const B = digit === null ? 0 : 1 << digit.bits
  const mem = w.memory.buffer as ArrayBuffer
  if (digit !== null) new Int32Array(mem, HIST_AT, B).fill(0)
  const specials = w.exports.keysf64(w.pa, n, digit === null ? 0 : HIST_AT, digit?.shift ?? 0, B - 1, DIFF_AT)
  const d = new Int32Array(mem, DIFF_AT, 2)
  if (digit !== null && counts !== null) counts.set(new Int32Array(mem, HIST_AT, B))
  return [specials, d[1]!, d[0]!]
}

/**
 * float64 values of the n sorted keys at the start of the scratch's a buffer, in place (keys.ts unKeys).
 * @param w - the scratch's buffers.
 * @param n - keys.
 */
export function wasmUnkeysF64(w: WasmSortScratch, n: number): void {
  w.exports.unkeysf64(w.pa, n)
}

/** The 32-bit dtypes whose keys the module makes (keys32's kind), or -1. */
export function keys32Kind(dt: DTypeName): number {
  return dt === 'float32' ? 0 : dt === 'int32' ? 1 : dt === 'uint32' ? 2 : -1
}

/**
 * 32-bit keys (keys.ts makeKeys) of the n values (float32, int32 or uint32: keys32Kind) already copied as words
 * into the start of the scratch's a buffer (wa), in place; with a digit, also its histogram, into `counts`.
 * @param w - the scratch's buffers.
 * @param n - values at the start of the a buffer.
 * @param kind - keys32Kind of their dtype.
 * @param digit - the digit to count (shift: its lowest bit), or null.
 * @param counts - receives the 2^bits counts (when digit is given).
 * @returns specials (-0, non-canonical NaNs) met, and the OR of every key XOR the first.
 */
export function wasmKeys32(w: WasmSortScratch, n: number, kind: number, digit: { shift: number; bits: number } | null, counts: Int32Array | null): [number, number] {
  const B = digit === null ? 0 : 1 << digit.bits
  const mem = w.memory.buffer as ArrayBuffer
  if (digit !== null) new Int32Array(mem, HIST_AT, B).fill(0)
  const specials = w.exports.keys32(w.pa, n, kind, digit === null ? 0 : HIST_AT, digit?.shift ?? 0, B - 1, DIFF_AT)
  if (digit !== null && counts !== null) counts.set(new Int32Array(mem, HIST_AT, B))
  return [specials, new Int32Array(mem, DIFF_AT, 1)[0]!]
}

/**
 * 32-bit values of the n sorted keys at the start of the scratch's a buffer, in place (keys.ts unKeys).
 * @param w - the scratch's buffers.
 * @param n - keys.
 * @param kind - keys32Kind of their dtype.
 */
export function wasmUnkeys32(w: WasmSortScratch, n: number, kind: number): void {
  w.exports.unkeys32(w.pa, n, kind)
}
