/**
 * The arena allocator (packages/core/src/memory/arena.ts) on standalone Arena instances: a fast-check model test
 * (random allocate / release / orphan / return-count sequences against a brute-force model of the address space:
 * no overlap, 64-byte alignment, exact best-fit placement, zeroing of dirtied reused blocks, stats, full
 * coalescing), the maxBytes limit, orphans (a count held by "another thread") and the generations of a growing
 * memory (isArenaBuffer, sameMemory).
 */
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import {
  ARENA_ALIGN, Arena, BLOCK_HEADER, isArenaBuffer, releaseBlock, retainBlock, sameMemory, type ArenaAllocation,
} from '@strided/core/internal'

const MiB = 1 << 20
const roundUp = (n: number, a: number): number => Math.ceil(n / a) * a
/** Bytes a request of `size` data bytes takes in the arena, header included. */
const needOf = (size: number): number => BLOCK_HEADER + roundUp(Math.max(size, 1), ARENA_ALIGN)

const buf = (arena: Arena): SharedArrayBuffer => arena.memory.buffer as unknown as SharedArrayBuffer
const header = (arena: Arena, block: number): number => Atomics.load(new Int32Array(buf(arena), block, 1), 0)
const words = (arena: Arena, byteOffset: number, bytes: number): Uint32Array => new Uint32Array(buf(arena), byteOffset, bytes / 4)

/** Index of the first 32-bit word of the block's data that is not `byte` repeated, or -1. */
function firstNot(arena: Arena, byteOffset: number, bytes: number, byte: number): number {
  const w = words(arena, byteOffset, bytes)
  const want = (byte * 0x01010101) >>> 0
  for (let i = 0; i < w.length; i++) if (w[i] !== want) return i
  return -1
}

// ------------------------------------------------------------------------------------------------ the model

type Op =
  | { kind: 'alloc'; size: number; zero: boolean }
  | { kind: 'release'; pick: number }
  /** Another thread takes a count (retainBlock), then the owner goes away (release): the block is an orphan. */
  | { kind: 'orphan'; pick: number }
  /** The other thread returns its count (releaseBlock): the orphan is freed by the next allocate. */
  | { kind: 'return'; pick: number }

interface Block { block: number; need: number; bytes: number; byteOffset: number; tag: number; state: 'live' | 'orphan' | 'returned' }

const opArb: fc.Arbitrary<Op> = fc.oneof(
  { weight: 5, arbitrary: fc.record({ kind: fc.constant('alloc' as const), size: fc.oneof({ weight: 3, arbitrary: fc.integer({ min: 1, max: 200_000 }) }, { weight: 1, arbitrary: fc.integer({ min: 1, max: 300 }) }), zero: fc.boolean() }) },
  { weight: 3, arbitrary: fc.record({ kind: fc.constant('release' as const), pick: fc.nat() }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('orphan' as const), pick: fc.nat() }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('return' as const), pick: fc.nat() }) },
)

/** Where a best-fit allocator over the model's address space must put a block of `need` bytes (-1: nowhere). */
function expectedStart(blocks: readonly Block[], need: number, maxBytes: number): number {
  const sorted = [...blocks].sort((x, y) => x.block - y.block)
  let cursor = BLOCK_HEADER // bytes [0, 64) are reserved
  let best = -1
  let bestSize = Infinity
  for (const b of sorted) {
    const gap = b.block - cursor
    if (gap >= need && gap < bestSize) { best = cursor; bestSize = gap }
    cursor = b.block + b.need
  }
  if (best >= 0) return best
  // nothing free below the top of the highest live block: the bump region, if it still fits
  return cursor + need <= maxBytes ? cursor : -1
}

function checkNoOverlap(blocks: readonly Block[]): void {
  const sorted = [...blocks].sort((x, y) => x.block - y.block)
  for (let i = 1; i < sorted.length; i++) {
    const p = sorted[i - 1]!, q = sorted[i]!
    expect(p.block + p.need, `block ${p.block}+${p.need} overlaps block ${q.block}`).toBeLessThanOrEqual(q.block)
  }
}

/** What the model runs went through (so a degenerate generator cannot pass unnoticed). */
const seen = { nulls: 0, reusedGap: 0, zeroedReuse: 0, sweptOrphans: 0 }

function runModel(ops: readonly Op[], maxBytes: number): void {
  const arena = new Arena({ maxBytes })
  const blocks: Block[] = []
  let tagCounter = 0
  let peakTop = BLOCK_HEADER
  const inState = (s: Block['state']): Block[] => blocks.filter((b) => b.state === s)
  const checkStats = (): void => {
    const st = arena.stats()
    expect(st.liveBlocks).toBe(blocks.length)
    expect(st.liveBytes).toBe(blocks.reduce((t, b) => t + b.need, 0))
    expect(st.orphanBlocks).toBe(blocks.length - inState('live').length)
    expect(st.committedBytes).toBeLessThanOrEqual(maxBytes)
  }

  for (const op of ops) {
    if (op.kind === 'alloc') {
      // allocate first sweeps orphans whose counts were all returned
      const before = blocks.filter((b) => b.state !== 'returned')
      seen.sweptOrphans += blocks.length - before.length
      const need = needOf(op.size)
      const want = expectedStart(before, need, maxBytes)
      const got: ArenaAllocation | null = arena.allocate(op.size, op.zero)
      blocks.splice(0, blocks.length, ...before)
      if (want < 0) {
        expect(got, `allocate(${op.size}) should not fit: no gap of ${need} bytes below maxBytes`).toBeNull()
        seen.nulls++
        checkStats()
        continue
      }
      expect(got, `allocate(${op.size}) returned null although a gap of ${need} bytes exists`).not.toBeNull()
      const a = got!
      expect(a.block).toBe(want) // best fit (smallest gap, lowest address on ties), else the bump region
      if (a.block < peakTop) { seen.reusedGap++; if (op.zero) seen.zeroedReuse++ }
      expect(a.byteOffset).toBe(a.block + BLOCK_HEADER)
      expect(a.byteOffset % 64).toBe(0)
      expect(a.bytes).toBe(need - BLOCK_HEADER)
      expect(a.bytes).toBeGreaterThanOrEqual(op.size)
      expect(arena.blockBytes(a.block)).toBe(a.bytes)
      expect(a.arenaId).toBe(arena.id)
      expect(isArenaBuffer(a.buffer)).toBe(true)
      expect(a.buffer.byteLength).toBeGreaterThanOrEqual(a.byteOffset + a.bytes)
      expect(header(arena, a.block)).toBe(1)
      if (op.zero) expect(firstNot(arena, a.byteOffset, a.bytes, 0), `zeroed block at ${a.block} has a non-zero word`).toBe(-1)
      const tag = (tagCounter++ % 250) + 1
      words(arena, a.byteOffset, a.bytes).fill((tag * 0x01010101) >>> 0)
      blocks.push({ block: a.block, need, bytes: a.bytes, byteOffset: a.byteOffset, tag, state: 'live' })
      peakTop = Math.max(peakTop, a.block + need)
      checkNoOverlap(blocks)
    } else {
      const pool = inState(op.kind === 'return' ? 'orphan' : 'live')
      if (pool.length === 0) continue
      const b = pool[op.pick % pool.length]!
      // nobody else wrote into this block while it was ours (or held by the other thread)
      expect(firstNot(arena, b.byteOffset, b.bytes, b.tag), `block ${b.block} was overwritten`).toBe(-1)
      expect(header(arena, b.block)).toBe(1)
      if (op.kind === 'release') {
        words(arena, b.byteOffset, b.bytes).fill(0xffffffff) // dirty it: a zeroing reuse must clear this
        arena.release(b.block)
        blocks.splice(blocks.indexOf(b), 1)
        expect(arena.blockBytes(b.block)).toBe(0)
      } else if (op.kind === 'orphan') {
        retainBlock(buf(arena), b.block)
        arena.release(b.block)
        b.state = 'orphan'
        expect(header(arena, b.block)).toBe(1) // the other thread's count
        expect(arena.blockBytes(b.block)).toBe(b.bytes) // still live: not reusable
      } else {
        words(arena, b.byteOffset, b.bytes).fill(0xffffffff)
        releaseBlock(buf(arena), b.block)
        b.state = 'returned'
        expect(header(arena, b.block)).toBe(0)
      }
    }
    checkStats()
  }

  // free everything: owners go away, other threads return their counts
  for (const b of [...blocks]) {
    if (b.state === 'live') { arena.release(b.block); blocks.splice(blocks.indexOf(b), 1) }
    else if (b.state === 'orphan') { releaseBlock(buf(arena), b.block); b.state = 'returned' }
  }
  checkStats()
  const committed = arena.committedBytes
  if (peakTop > BLOCK_HEADER) {
    // one block spanning the whole address range used so far: only possible if every freed byte coalesced into
    // one region at the bottom (the returned orphans are swept first)
    const span = arena.allocate(peakTop - 2 * BLOCK_HEADER, true)
    expect(span).not.toBeNull()
    expect(span!.block).toBe(BLOCK_HEADER)
    expect(firstNot(arena, span!.byteOffset, span!.bytes, 0)).toBe(-1)
    expect(arena.stats().orphanBlocks).toBe(0)
    arena.release(span!.block)
  } else {
    const one = arena.allocate(1, false)!
    expect(one.block).toBe(BLOCK_HEADER)
    arena.release(one.block)
  }
  const st = arena.stats()
  expect(st.liveBytes).toBe(0)
  expect(st.liveBlocks).toBe(0)
  expect(st.orphanBlocks).toBe(0)
  expect(st.freeBytes).toBe(0) // everything went back to the bump region
  expect(arena.committedBytes).toBe(committed)
}

describe('Arena allocator: model test', () => {
  it('random allocate / release / orphan / return sequences agree with a brute-force model', () => {
    fc.assert(
      fc.property(fc.array(opArb, { minLength: 1, maxLength: 200, size: 'max' }), (ops) => runModel(ops, 2 * MiB)),
      { seed: 0x5eed, numRuns: 60 },
    )
    expect(seen.nulls).toBeGreaterThan(20)
    expect(seen.reusedGap).toBeGreaterThan(500)
    expect(seen.zeroedReuse).toBeGreaterThan(200)
    expect(seen.sweptOrphans).toBeGreaterThan(50)
  })

  it('a full arena: allocations that fill every gap exactly, then refuse', () => {
    // many small blocks, free every other one, then requests that fit the holes exactly
    const ops: Op[] = []
    for (let i = 0; i < 200; i++) ops.push({ kind: 'alloc', size: 30_000 + 64 * (i % 7), zero: i % 2 === 0 })
    for (let i = 0; i < 100; i++) ops.push({ kind: 'release', pick: i })
    for (let i = 0; i < 150; i++) ops.push({ kind: 'alloc', size: 30_000 + 64 * (i % 9), zero: true })
    const nulls = seen.nulls
    runModel(ops, 4 * MiB)
    expect(seen.nulls - nulls).toBeGreaterThan(50)
  })
})

describe('Arena allocator: limits and orphans', () => {
  it('allocate returns null past maxBytes, and the arena keeps working', () => {
    const arena = new Arena({ maxBytes: 8 * MiB })
    const got: ArenaAllocation[] = []
    for (;;) {
      const a = arena.allocate(MiB, true)
      if (a === null) break
      got.push(a)
    }
    // 8 MiB hold 7 blocks of 1 MiB + 64 bytes of header (and address 0..64 is reserved)
    expect(got.length).toBe(7)
    expect(arena.committedBytes).toBeLessThanOrEqual(8 * MiB)
    expect(arena.allocate(8 * MiB, false)).toBeNull()
    expect(arena.allocate(2 * MiB, false)).toBeNull()
    // what is left still serves smaller requests
    const small = arena.allocate(1000, true)
    expect(small).not.toBeNull()
    expect(small!.block).toBe(got[6]!.block + BLOCK_HEADER + MiB)
    // freeing one block makes room again, in that very place
    arena.release(got[3]!.block)
    const again = arena.allocate(MiB, true)
    expect(again?.block).toBe(got[3]!.block)
    expect(arena.stats().liveBlocks).toBe(8)
  })

  it('an orphan (count held elsewhere) is not reused until releaseBlock, then a later allocate reuses it', () => {
    const arena = new Arena({ maxBytes: 8 * MiB })
    const a = arena.allocate(100_000, true)!
    const b = arena.allocate(100_000, true)! // keeps a's block from merging into the bump region
    words(arena, a.byteOffset, a.bytes).fill(0x01020304)
    retainBlock(a.buffer, a.block)
    expect(header(arena, a.block)).toBe(2)
    arena.release(a.block) // the owner is gone, the other thread is not
    expect(arena.stats().orphanBlocks).toBe(1)
    expect(arena.blockBytes(a.block)).toBe(a.bytes)
    for (let i = 0; i < 5; i++) {
      const c = arena.allocate(100_000, true)!
      expect(c.block).not.toBe(a.block)
      expect(c.block + needOf(100_000) <= a.block || c.block >= a.block + needOf(100_000)).toBe(true)
    }
    expect(words(arena, a.byteOffset, a.bytes).every((w) => w === 0x01020304)).toBe(true)
    expect(arena.stats().orphanBlocks).toBe(1)
    releaseBlock(a.buffer, a.block)
    expect(header(arena, a.block)).toBe(0)
    expect(arena.stats().orphanBlocks).toBe(1) // swept lazily, by the next allocate
    const d = arena.allocate(100_000, true)!
    expect(arena.stats().orphanBlocks).toBe(0)
    expect(d.block).toBe(a.block) // the only gap that fits
    expect(firstNot(arena, d.byteOffset, d.bytes, 0)).toBe(-1)
    expect(header(arena, d.block)).toBe(1)
    expect(b.block).toBeGreaterThan(a.block)
  })

  it('release of an unknown or already released block is ignored', () => {
    const arena = new Arena({ maxBytes: 8 * MiB })
    const a = arena.allocate(5000, false)!
    const b = arena.allocate(5000, false)!
    arena.release(a.block)
    arena.release(a.block)
    arena.release(12345)
    expect(arena.stats().liveBlocks).toBe(1)
    expect(header(arena, b.block)).toBe(1)
    expect(arena.allocate(5000, false)!.block).toBe(a.block)
  })

  it('freeing everything (any order) coalesces: a block as large as all of them reuses the space, committedBytes does not grow', () => {
    const arena = new Arena({ maxBytes: 256 * MiB })
    const sizes = Array.from({ length: 60 }, (_, i) => 300_000 + ((i * 7919) % 50) * 4096)
    const got = sizes.map((s) => arena.allocate(s, false)!)
    const top = Math.max(...got.map((g) => g.byteOffset + g.bytes))
    const committed = arena.committedBytes
    expect(committed).toBeGreaterThan(16 * MiB) // it grew past its first 16 MiB step
    // free in a scrambled order, so coalescing has to merge with both neighbours
    const order = got.map((_, i) => (i * 17) % got.length)
    expect(new Set(order).size).toBe(got.length)
    for (const i of order) arena.release(got[i]!.block)
    expect(arena.stats()).toMatchObject({ liveBytes: 0, liveBlocks: 0, freeBytes: 0 })
    const all = arena.allocate(top - 2 * BLOCK_HEADER, true)!
    expect(all.block).toBe(BLOCK_HEADER)
    expect(arena.committedBytes).toBe(committed)
  })
})

describe('Arena generations: isArenaBuffer and sameMemory', () => {
  it('a grown memory has several buffer generations, all recognised, all the same memory at the same addresses', () => {
    const arena = new Arena({ maxBytes: 64 * MiB })
    const first = arena.allocate(1000, true)!
    const gen0 = first.buffer
    expect(arena.generations.length).toBe(1)
    const big = arena.allocate(20 * MiB, false)! // past the 16 MiB first step: two grows
    expect(arena.generations.length).toBeGreaterThan(1)
    const gens = arena.generations
    expect(gens[0]).toBe(gen0)
    expect(big.buffer).toBe(gens[gens.length - 1])
    expect(big.buffer).not.toBe(gen0)
    expect(arena.stats().generations).toBe(gens.length)
    for (const g of gens) {
      expect(isArenaBuffer(g)).toBe(true)
      for (const h of gens) expect(sameMemory(g, h)).toBe(true)
    }
    // the generations alias: a write through the old one is seen through the new one (absolute addresses)
    new Float64Array(gen0, first.byteOffset, 1)[0] = 42.5
    expect(new Float64Array(big.buffer, first.byteOffset, 1)[0]).toBe(42.5)
    expect(gen0.byteLength).toBeLessThan(big.buffer.byteLength)
    // plain buffers are not arena memory, and not the same memory as anything else
    const plain = new SharedArrayBuffer(1024)
    expect(isArenaBuffer(plain)).toBe(false)
    expect(isArenaBuffer(new ArrayBuffer(64))).toBe(false)
    expect(sameMemory(plain, plain)).toBe(true)
    expect(sameMemory(plain, gen0)).toBe(false)
    expect(sameMemory(gen0, new SharedArrayBuffer(1024))).toBe(false)
  })
})
