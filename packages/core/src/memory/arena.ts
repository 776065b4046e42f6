/**
 * The arena: one shared WebAssembly.Memory per process that holds the elements of larger arrays, so the WASM
 * SIMD kernels (kernels/wasm/) can loop over them in place. Its buffer is a SharedArrayBuffer like any other, so
 * arrays in it are ordinary views that travel to workers by reference.
 *
 * Why this shape:
 *  - A WASM instance sees exactly one memory (multi-memory is not in Node 20's V8), so every operand of a SIMD
 *    loop must live in the same memory: one arena, one allocator, one owner thread.
 *  - Memory addresses never move: growing a shared memory maps more of a reservation made at creation, and
 *    older `memory.buffer` objects (generations) stay valid over the bytes they cover.
 *  - Blocks are freed when their owner NDArray is garbage-collected (FinalizationRegistry, see allocate.ts).
 *    Another thread that keeps a view (comlink) takes a count in the block's header, in shared memory, with
 *    Atomics; the block is reused only when the owner is gone and every count is returned.
 *
 * Layout: bytes [0, 64) are reserved (address 0 is never a block). Each block is a 64-byte header (Int32
 * reference count first) and then the data, 64-byte aligned, so two arrays never share a cache line and every
 * dtype's elements are aligned. The allocator state (free list, top) lives in the owner thread's JS heap.
 */
import { requireWasm, type WasmMemory } from '../kernels/wasm/wasm-api.js'

/** Alignment of block data and granularity of sizes, in bytes. */
export const ARENA_ALIGN = 64
/** Bytes before each block's data: the shared reference count lives in the first 4. */
export const BLOCK_HEADER = 64
const PAGE = 65536
/** WASM32 limit: 65536 pages. */
export const ARENA_HARD_MAX = 65536 * PAGE

export interface ArenaAllocation {
  /** The memory generation that covers this block (any later generation covers it too). */
  readonly buffer: SharedArrayBuffer
  /** Byte address of the data (the buffer starts at address 0). */
  readonly byteOffset: number
  /** Byte address of the block header: the handle for retain/release. */
  readonly block: number
  /** Usable bytes in the block (≥ the request, a multiple of ARENA_ALIGN). */
  readonly bytes: number
  /** The arena's id. */
  readonly arenaId: number
}

/** Usage counters of an arena, as returned by {@link arenaStats}. */
export interface ArenaStats {
  /** The arena's random id (arrays and workers use it to recognise their arena). */
  readonly id: number
  /** Bytes mapped so far (the memory's current size). */
  readonly committedBytes: number
  /** The configured upper bound on the arena's size in bytes. */
  readonly maxBytes: number
  /** Bytes in live blocks, headers included. */
  readonly liveBytes: number
  /** Number of blocks in use (by a live owner array or, cross-thread, a held count). */
  readonly liveBlocks: number
  /** Blocks whose owner is gone but another thread still holds a count. */
  readonly orphanBlocks: number
  /** Bytes in freed blocks waiting for reuse, headers included (memory never handed out is not counted). */
  readonly freeBytes: number
  /** Number of memory buffers (generations) seen so far: 1 at first, one more each time the arena's memory grows. */
  readonly generations: number
}

const roundUp = (n: number, a: number): number => Math.ceil(n / a) * a

/** Every arena memory generation this thread knows of (its own, adopted or standalone arenas) → the arena's id. */
const bufferArena = new WeakMap<SharedArrayBuffer, number>()

export class Arena {
  readonly memory: WasmMemory
  /** Random id that travels with cross-thread references, so a thread recognises its own arena. */
  readonly id: number
  readonly maxBytes: number
  /** Whether this thread allocates here (false: an adopted arena, used only to run kernels). */
  readonly owned: boolean
  readonly #generations: SharedArrayBuffer[] = []
  #i32: Int32Array
  /** Free blocks [start, size] sorted by start, never adjacent (coalesced). */
  readonly #free: { start: number; size: number }[] = []
  /** Block start → block size (header included), live blocks only. */
  readonly #live = new Map<number, number>()
  readonly #orphans = new Set<number>()
  /** First byte never handed out; everything above is fresh zero memory. */
  #top = BLOCK_HEADER
  /** Highest byte ever handed out: memory at or above it is still zero. */
  #dirtyTop = BLOCK_HEADER
  #liveBytes = 0

  constructor(opts: { maxBytes: number } | { memory: WasmMemory; id: number; maxBytes: number }) {
    if ('memory' in opts) {
      this.memory = opts.memory
      this.id = opts.id
      this.owned = false
    } else {
      const maxPages = Math.max(1, Math.min(65536, Math.floor(opts.maxBytes / PAGE)))
      this.memory = new (requireWasm().Memory)({ initial: 1, maximum: maxPages, shared: true })
      this.id = 1 + Math.floor(Math.random() * 0x7ffffffe)
      this.owned = true
    }
    this.maxBytes = opts.maxBytes
    this.#i32 = new Int32Array(this.#refresh())
  }

  /** The memory's current buffer, remembered as an arena generation. */
  #refresh(): SharedArrayBuffer {
    const buf = this.memory.buffer as unknown as SharedArrayBuffer
    if (!bufferArena.has(buf)) {
      bufferArena.set(buf, this.id)
      this.#generations.push(buf)
    }
    return buf
  }

  /** All generations of the memory seen so far (posted with jobs so workers recognise arena operands). */
  get generations(): readonly SharedArrayBuffer[] {
    this.#refresh()
    return this.#generations
  }

  get committedBytes(): number { return this.memory.buffer.byteLength }

  /**
   * A block of at least `bytes` data bytes, or null when the arena cannot hold it (the caller then uses a plain
   * SharedArrayBuffer). `zero`: the data must read as zeros (fresh memory already does; reused blocks are cleared).
   */
  allocate(bytes: number, zero: boolean): ArenaAllocation | null {
    if (!this.owned) return null
    if (this.#orphans.size > 0) this.#sweepOrphans()
    const dataBytes = roundUp(Math.max(bytes, 1), ARENA_ALIGN)
    const need = BLOCK_HEADER + dataBytes
    let start = this.#takeFree(need)
    if (start < 0) {
      if (this.#top + need > this.maxBytes) return null
      if (this.#top + need > this.committedBytes && !this.#grow(this.#top + need)) return null
      start = this.#top
      this.#top += need
    }
    const end = start + need
    const buffer = this.#refresh()
    if (zero && start + BLOCK_HEADER < this.#dirtyTop) new Uint8Array(buffer).fill(0, start + BLOCK_HEADER, Math.min(end, this.#dirtyTop))
    if (end > this.#dirtyTop) this.#dirtyTop = end
    this.#live.set(start, need)
    this.#liveBytes += need
    Atomics.store(this.#i32, start >>> 2, 1)
    return { buffer, byteOffset: start + BLOCK_HEADER, block: start, bytes: dataBytes, arenaId: this.id }
  }

  /** The owner array of `block` is gone: drop its count, and free the block if no other thread holds one. */
  release(block: number): void {
    if (!this.#live.has(block)) return
    if (Atomics.sub(this.#i32, block >>> 2, 1) === 1) this.#free_(block)
    else this.#orphans.add(block)
  }

  /** Usable data bytes of a live block (its extent, for bounds checks). */
  blockBytes(block: number): number {
    const size = this.#live.get(block)
    return size === undefined ? 0 : size - BLOCK_HEADER
  }

  stats(): ArenaStats {
    let freeBytes = 0
    for (const f of this.#free) freeBytes += f.size
    return {
      id: this.id, committedBytes: this.committedBytes, maxBytes: this.maxBytes, liveBytes: this.#liveBytes,
      liveBlocks: this.#live.size, orphanBlocks: this.#orphans.size, freeBytes, generations: this.#generations.length,
    }
  }

  #sweepOrphans(): void {
    for (const block of this.#orphans) {
      if (Atomics.load(this.#i32, block >>> 2) === 0) {
        this.#orphans.delete(block)
        this.#free_(block)
      }
    }
  }

  /** Best fit from the free list (splitting the rest off), or -1. */
  #takeFree(need: number): number {
    const free = this.#free
    let best = -1
    for (let i = 0; i < free.length; i++) {
      const f = free[i]!
      if (f.size >= need && (best < 0 || f.size < free[best]!.size)) {
        best = i
        if (f.size === need) break
      }
    }
    if (best < 0) return -1
    const f = free[best]!
    const start = f.start
    if (f.size === need) free.splice(best, 1)
    else { f.start += need; f.size -= need }
    return start
  }

  #free_(block: number): void {
    const size = this.#live.get(block)
    if (size === undefined) return
    this.#live.delete(block)
    this.#liveBytes -= size
    const free = this.#free
    // binary search for the insertion point (sorted by start)
    let lo = 0, hi = free.length
    while (lo < hi) {
      const mid = (lo + hi) >> 1
      if (free[mid]!.start < block) lo = mid + 1
      else hi = mid
    }
    let start = block, end = block + size
    const prev = free[lo - 1]
    const next = free[lo]
    let at = lo
    let remove = 0
    if (prev !== undefined && prev.start + prev.size === start) { start = prev.start; at = lo - 1; remove++ }
    if (next !== undefined && next.start === end) { end = next.start + next.size; remove++ }
    if (end === this.#top) {
      // the block touches the unallocated top: give it back to the bump region
      free.splice(at, remove)
      this.#top = start
      return
    }
    free.splice(at, remove, { start, size: end - start })
  }

  /** Map enough pages for `end` bytes: doubling (bounded) so the number of generations stays small. */
  #grow(end: number): boolean {
    const cur = this.committedBytes
    const cap = Math.min(this.maxBytes, ARENA_HARD_MAX)
    if (end > cap) return false
    const target = Math.min(cap, Math.max(end, cur * 2, 16 * 1024 * 1024))
    try {
      this.memory.grow(Math.ceil((target - cur) / PAGE))
    } catch {
      try { this.memory.grow(Math.ceil((end - cur) / PAGE)) } catch { return false }
    }
    this.#i32 = new Int32Array(this.#refresh())
    return true
  }
}

/** True when `buffer` is a generation of an arena known to this thread (owned, adopted or standalone). */
export function isArenaBuffer(buffer: ArrayBufferLike): boolean {
  return bufferArena.has(buffer as SharedArrayBuffer)
}

/** The id of the arena `buffer` is a generation of, or undefined. */
export function arenaIdOf(buffer: ArrayBufferLike): number | undefined {
  return bufferArena.get(buffer as SharedArrayBuffer)
}

/** Mark buffers received from another thread as generations of arena `id` (one this thread adopted). */
export function noteArenaBuffers(buffers: readonly SharedArrayBuffer[], id: number): void {
  for (const b of buffers) if (!bufferArena.has(b)) bufferArena.set(b, id)
}

/** Take a count on `block` from any thread (a view of it is about to travel to another thread). */
export function retainBlock(buffer: SharedArrayBuffer, block: number): void {
  Atomics.add(new Int32Array(buffer, block, 1), 0, 1)
}

/** Return a count taken with retainBlock (from any thread); the owner thread frees the block later. */
export function releaseBlock(buffer: SharedArrayBuffer, block: number): void {
  Atomics.sub(new Int32Array(buffer, block, 1), 0, 1)
}

/**
 * Whether two buffers may be the same memory: the same object, or two generations of one arena (addresses are
 * absolute in an arena, so byte offsets compare directly).
 */
export function sameMemory(a: ArrayBufferLike, b: ArrayBufferLike): boolean {
  if (a === b) return true
  const id = bufferArena.get(a as SharedArrayBuffer)
  return id !== undefined && id === bufferArena.get(b as SharedArrayBuffer)
}
