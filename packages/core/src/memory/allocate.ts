/**
 * Where new arrays get their bytes: the thread's arena (arena.ts) for arrays of at least `minBytes`, a fresh
 * SharedArrayBuffer otherwise, or when the arena is full, disabled or adopted (a worker runs kernels on the
 * owner's arena but does not allocate in it).
 *
 * Freeing: the owner NDArray of an arena block is registered with a FinalizationRegistry; when it is collected
 * the block is released. The garbage collector cannot see arena bytes (they are not an ArrayBuffer of their own),
 * so each owner also carries a "ballast" ArrayBuffer in proportion to what it took from the arena: V8 counts
 * ArrayBuffer sizes as external memory and collects sooner as they grow, and a large ballast is mapped lazily by
 * the C library (calloc over mmap), so it costs address space, not resident memory.
 *
 * Configuration (before the first allocation): configureArena(), or the environment variables
 * STRIDED_ARENA=0 (off), STRIDED_ARENA_MAX_BYTES, STRIDED_ARENA_MIN_BYTES.
 */
import { totalmem } from 'node:os'
import { ValueError } from '../errors.js'
import { checkOptions } from '../check-options.js'
import { Arena, ARENA_HARD_MAX, type ArenaStats } from './arena.js'
import type { WasmMemory } from '../kernels/wasm/wasm-api.js'

/**
 * Settings of this thread's arena, the shared WebAssembly memory that holds larger arrays so the WASM SIMD kernels
 * can reach them (see {@link configureArena}).
 */
export interface ArenaOptions {
  /** Use an arena at all (default true, or STRIDED_ARENA=0 to turn off). */
  enabled?: boolean
  /** Upper bound on the arena's size in bytes (default a quarter of the machine's memory, at most 4 GiB, the WASM32 limit; STRIDED_ARENA_MAX_BYTES). */
  maxBytes?: number
  /** Arrays smaller than this many bytes get their own SharedArrayBuffer (default 4096; STRIDED_ARENA_MIN_BYTES). */
  minBytes?: number
}

/** What an adopting thread needs to run kernels on another thread's arena (postable). */
export interface ArenaHandle {
  readonly memory: WasmMemory
  readonly id: number
  readonly maxBytes: number
}

export interface Allocation {
  readonly buffer: SharedArrayBuffer
  readonly byteOffset: number
  /** Arena block handle, or -1 for a plain SharedArrayBuffer. */
  readonly block: number
  /** Bytes this allocation may address from byteOffset (its extent, for bounds checks). */
  readonly bytes: number
  /** Id of the arena holding the block (0 for a plain SharedArrayBuffer). */
  readonly arenaId: number
}

const env = (typeof process !== 'undefined' ? process.env : {}) as Record<string, string | undefined>

function envNumber(name: string, fallback: number): number {
  const raw = env[name]
  if (raw === undefined || raw === '') return fallback
  const v = Number(raw)
  if (!Number.isFinite(v) || v < 0) throw new ValueError(`${name}=${raw} is not a non-negative number of bytes`)
  return v
}

const settings = {
  enabled: env['STRIDED_ARENA'] !== '0',
  // a quarter of the machine's memory, at most the WASM32 limit: garbage waits for a collection before its
  // blocks are reused, so the arena's high-water mark can exceed what is live
  maxBytes: Math.min(envNumber('STRIDED_ARENA_MAX_BYTES', Math.floor(totalmem() / 4)), ARENA_HARD_MAX),
  minBytes: envNumber('STRIDED_ARENA_MIN_BYTES', 4096),
}

/** undefined: not created yet; null: none in this thread. */
let arena: Arena | null | undefined
let registry: FinalizationRegistry<number> | null = null

/** Change the arena settings; only before this thread's arena exists. */
export function configureArena(opts: ArenaOptions): void {
  checkOptions('configureArena', opts, ['enabled', 'maxBytes', 'minBytes'])
  if (arena) throw new ValueError('configureArena: the arena already exists; configure it before allocating arrays')
  if (opts.maxBytes !== undefined && !(opts.maxBytes >= 0)) throw new ValueError(`configureArena: maxBytes ${opts.maxBytes} must be ≥ 0`)
  if (opts.minBytes !== undefined && !(opts.minBytes >= 0)) throw new ValueError(`configureArena: minBytes ${opts.minBytes} must be ≥ 0`)
  if (opts.enabled !== undefined) settings.enabled = opts.enabled
  if (opts.maxBytes !== undefined) settings.maxBytes = Math.min(opts.maxBytes, ARENA_HARD_MAX)
  if (opts.minBytes !== undefined) settings.minBytes = opts.minBytes
  arena = undefined
}

/** This thread's arena if it exists already (never creates one). */
export function currentArena(): Arena | null {
  return arena ?? null
}

/** This thread's arena (created on first use when enabled), or null. */
export function threadArena(): Arena | null {
  if (arena === undefined) {
    arena = settings.enabled && settings.maxBytes > 0 ? new Arena({ maxBytes: settings.maxBytes }) : null
    if (arena !== null) {
      const a = arena
      registry = new FinalizationRegistry((block) => a.release(block))
    }
  }
  return arena
}

/** The arena as something to post to a worker (which then adopts it), or null when there is none. */
export function arenaHandle(): ArenaHandle | null {
  const a = threadArena()
  return a === null ? null : { memory: a.memory, id: a.id, maxBytes: a.maxBytes }
}

/** Run kernels on another thread's arena (worker start-up). This thread then allocates plain buffers only. */
export function adoptArena(h: ArenaHandle): Arena {
  if (arena && arena.id !== h.id) throw new ValueError(`adoptArena: this thread already has arena ${arena.id}`)
  if (!arena) arena = new Arena(h)
  return arena
}

/**
 * A snapshot of this thread's arena usage, for diagnostics (never creates the arena).
 * @returns the arena's {@link ArenaStats}, or null when the arena has not been created (no large array allocated yet) or is disabled.
 */
export function arenaStats(): ArenaStats | null {
  return arena ? arena.stats() : null
}

const BALLAST_STEP = 64 * 1024 * 1024
let ballastDebt = 0

/**
 * Bytes for a new owner array. Arena blocks must be handed to `adopt` with their owner object, which ties the
 * block's lifetime to it.
 */
export function allocateBytes(bytes: number, zero = true): Allocation {
  if (bytes >= settings.minBytes) {
    const a = threadArena()
    const got = a?.allocate(bytes, zero)
    if (got) return got
  }
  const n = Math.max(bytes, 1)
  return { buffer: new SharedArrayBuffer(n), byteOffset: 0, block: -1, bytes: n, arenaId: 0 }
}

/** Tie an arena block to its owner: freed when `owner` is collected. Returns the ballast to keep on the owner. */
export function adoptBlock(owner: object, alloc: Allocation): ArrayBuffer | null {
  if (alloc.block < 0 || registry === null) return null
  registry.register(owner, alloc.block)
  ballastDebt += alloc.bytes
  if (ballastDebt < BALLAST_STEP) return null
  const size = Math.max(BALLAST_STEP, Math.floor(ballastDebt / BALLAST_STEP) * BALLAST_STEP)
  ballastDebt = 0
  return new ArrayBuffer(size)
}
