/**
 * Arrays in the thread's arena (packages/core/src/memory/allocate.ts, ndarray.ts): which arrays live there,
 * zero-filling of reused blocks, copies and relayouts whose memoryExtent covers their elements, asStrided bounded
 * by the owner's allocation (never into a neighbouring array), overlap checks between arena arrays (one buffer,
 * several generations), and blocks returning to the arena when their owner is garbage-collected (child process
 * with --expose-gc).
 */
import { spawnSync } from 'node:child_process'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import {
  BoundsError, NDArray, arange, arenaStats, asStrided, fromBuffer, mayShareMemory, ones, sharesMemory, zeros, zerosLike, type DTypeName, add, sum,
} from '@strided/core'
import { BLOCK_HEADER, isArenaBuffer, threadArena, Arena, sameMemory, warmUpReductions } from '@strided/core/internal'
import { SOURCE_NODE_FLAGS } from './support/source-node.js'

const ROOT = fileURLToPath(new URL('..', import.meta.url))

/** Every element's byte range lies inside the array's memoryExtent. */
function extentCovers(a: NDArray): string | null {
  const { start, end } = a.memoryExtent
  const isz = a.itemsize
  let bad: string | null = null
  const walk = (axis: number, off: number): void => {
    if (bad !== null) return
    if (axis === a.ndim) {
      if (off * isz < start || (off + 1) * isz > end) bad = `element at byte ${off * isz} outside [${start}, ${end})`
      return
    }
    for (let i = 0; i < a.shape[axis]!; i++) walk(axis + 1, off + i * a.strides[axis]!)
  }
  if (a.size > 0) walk(0, a.offset)
  return bad
}

/** A fresh owner in the arena: its extent is its block's data, starting right after the block header. */
function expectArenaOwner(a: NDArray, bytes: number): void {
  expect(isArenaBuffer(a.buffer)).toBe(true)
  expect(a.arenaBlock).toBeGreaterThanOrEqual(BLOCK_HEADER)
  expect(a.arenaId).toBe(arenaStats()!.id)
  const ext = a.memoryExtent
  expect(ext.start).toBe(a.arenaBlock + BLOCK_HEADER)
  expect(ext.start % 64).toBe(0)
  expect(ext.end - ext.start).toBe(threadArena()!.blockBytes(a.arenaBlock))
  expect(ext.end - ext.start).toBeGreaterThanOrEqual(bytes)
  expect(extentCovers(a)).toBeNull()
}

describe('which arrays live in the arena', () => {
  it('arrays of at least 4096 bytes are arena blocks; smaller ones get their own SharedArrayBuffer', () => {
    const cases: [DTypeName, number][] = [['float64', 512], ['float32', 1024], ['int8', 4096], ['int16', 2048], ['int64', 512], ['bool', 4096]]
    for (const [dt, n] of cases) {
      const a = zeros([n], { dtype: dt })
      expectArenaOwner(a, 4096)
      expect(a.offset * a.itemsize).toBe(a.memoryExtent.start)
      const small = zeros([n - 1], { dtype: dt })
      expect(isArenaBuffer(small.buffer), `${dt}[${n - 1}]`).toBe(false)
      expect(small.arenaBlock).toBe(-1)
      expect(small.arenaId).toBe(0)
      expect(small.offset).toBe(0)
      expect(small.memoryExtent).toMatchObject({ start: 0, end: small.buffer.byteLength })
    }
    // two fresh arrays never share a cache line and are laid out one after the other
    const a = zeros([1000]), b = zeros([1000])
    expect(a.buffer).toBe(b.buffer)
    expect(Math.abs(b.memoryExtent.start - a.memoryExtent.start)).toBeGreaterThanOrEqual(8000 + BLOCK_HEADER)
    const s = arenaStats()!
    expect(s.liveBlocks).toBeGreaterThanOrEqual(2)
    expect(s.orphanBlocks).toBe(0)
  })

  it('views, 2-D and F-ordered arrays keep the owner\'s extent', () => {
    const a = zeros([40, 30], { order: 'F' })
    expectArenaOwner(a, 9600)
    for (const v of [a.T, a.slice('::3, 5:'), a.slice('::-1'), a.reshape([1200], { order: 'F' })]) {
      expect(v.memoryExtent).toMatchObject({ start: a.memoryExtent.start, end: a.memoryExtent.end })
      expect(v.arenaBlock).toBe(a.arenaBlock)
      expect(extentCovers(v)).toBeNull()
    }
  })

  it('zeros(), zerosLike() and alloc() read zero even in a reused, dirtied block', () => {
    const arena = threadArena()!
    for (const n of [1000, 20_000, 100_003]) {
      const bytes = n * 8
      // take a block by hand, dirty it, give it back: the next array of that size gets this very block
      const raw = arena.allocate(bytes, false)!
      new Uint8Array(raw.buffer, raw.byteOffset, raw.bytes).fill(0xff)
      arena.release(raw.block)
      const z = zeros([n])
      expect(z.arenaBlock, 'the freed block was reused').toBe(raw.block)
      expect((z.toFlatArray() as number[]).every((v) => Object.is(v, 0))).toBe(true)

      const proto = ones([n])
      const raw2 = arena.allocate(bytes, false)!
      new Uint8Array(raw2.buffer, raw2.byteOffset, raw2.bytes).fill(0xab)
      arena.release(raw2.block)
      const zl = zerosLike(proto)
      expect(zl.arenaBlock).toBe(raw2.block)
      expect((zl.toFlatArray() as number[]).every((v) => Object.is(v, 0))).toBe(true)
      expect((proto.toFlatArray() as number[]).every((v) => v === 1)).toBe(true)

      const raw3 = arena.allocate(bytes, false)!
      new Uint8Array(raw3.buffer, raw3.byteOffset, raw3.bytes).fill(0x7f)
      arena.release(raw3.block)
      const al = NDArray.alloc([2 * n], 'int32')
      expect(al.arenaBlock).toBe(raw3.block)
      expect((al.toFlatArray() as number[]).every((v) => v === 0)).toBe(true)
    }
  })
})

describe('copies and relayouts in the arena', () => {
  const x = arange(6000).reshape([60, 100]) // float64, 48000 bytes
  const x3 = arange(24_000).reshape([20, 30, 40]).transpose([1, 0, 2]) // neither C nor F contiguous

  it('copy, astype, flatten, reshape (copying) and transpose: right values, elements inside memoryExtent', () => {
    expectArenaOwner(x.base!, 48_000)
    // [name, result, source, how values compare, a view of x?]
    type Check = 'same' | 'flat' | 'multiset'
    const cases: [string, NDArray, NDArray, Check, boolean][] = [
      ['copy C', x.copy(), x, 'same', false],
      ['copy F', x.copy('F'), x, 'same', false],
      ['copy of a reversed slice', x.slice('::-1, ::-2').copy(), x.slice('::-1, ::-2'), 'same', false],
      ['copy K (relayout)', x3.copy('K'), x3, 'same', false],
      ['astype float32', x.astype('float32'), x, 'same', false],
      ['astype int32 F', x.astype('int32', { order: 'F' }), x, 'same', false],
      ['astype K (relayout)', x3.astype('int16'), x3, 'same', false],
      ['flatten', x.T.flatten(), x.T, 'flat', false],
      ['flatten K (relayout)', x3.flatten('K'), x3, 'multiset', false],
      ['reshape (a copy)', x.T.reshape([50, 120]), x.T, 'flat', false],
      ['reshape (a view)', x.reshape([120, 50]), x, 'flat', true],
      ['transpose', x.transpose(), x.transpose(), 'same', true],
    ]
    for (const [name, r, src, check, view] of cases) {
      expect(isArenaBuffer(r.buffer), name).toBe(true)
      expect(r.arenaBlock, name).toBeGreaterThanOrEqual(BLOCK_HEADER)
      expect(extentCovers(r), name).toBeNull()
      const got = r.toFlatArray().map(Number), want = src.toFlatArray().map(Number)
      if (check === 'multiset') {
        expect(got.sort((p, q) => p - q), name).toEqual(want.sort((p, q) => p - q))
      } else {
        if (check === 'same') expect(r.shape, name).toEqual(src.shape)
        expect(got, name).toEqual(want)
      }
      expect(sharesMemory(r, x) || sharesMemory(r, x3), name).toBe(view)
      if (!view) expect(r.arenaBlock, name).not.toBe(x.arenaBlock)
    }
  })

  it('a relayout result (copy K) owns the block of its hidden allocation', () => {
    const c = x3.copy('K')
    expect(c.flags.ownData).toBe(true)
    expect(c.flags.cContiguous || c.flags.fContiguous).toBe(false)
    expect(c.strides).toEqual([40, 1200, 1])
    expect(c.memoryExtent.end - c.memoryExtent.start).toBeGreaterThanOrEqual(24_000 * 8)
    expect(extentCovers(c)).toBeNull()
    // and asStrided over it may address the whole block, but not one element more
    const n = (c.memoryExtent.end - c.memoryExtent.start) / 8
    expect(asStrided(c, { shape: [n], strides: [1], offset: c.memoryExtent.start / 8 - c.offset }).size).toBe(n)
    expect(() => asStrided(c, { shape: [n + 1], strides: [1], offset: c.memoryExtent.start / 8 - c.offset })).toThrow(BoundsError)
  })
})

describe('asStrided is bounded by the owner\'s allocation', () => {
  it('refuses views that reach the block header or a neighbouring array, allows any view inside', () => {
    const a = arange(1000)
    const b = arange(1000).fill(7)
    const ext = a.memoryExtent
    const n = (ext.end - ext.start) / 8 // 1000: 8000 bytes are a whole number of 64-byte lines
    expect(n).toBe(1000)
    // allowed: the whole array, strided, reversed, 2-D, through a view with a negative offset back to the start
    expect(asStrided(a, { shape: [1000] }).toFlatArray()).toEqual(a.toFlatArray())
    expect(asStrided(a, { shape: [2], strides: [999] }).toFlatArray()).toEqual([0, 999])
    expect(asStrided(a, { shape: [1000], strides: [-1], offset: 999 }).get(0)).toBe(999)
    expect(asStrided(a, { shape: [10, 100], strides: [100, 1] }).get(9, 99)).toBe(999)
    expect(asStrided(a, { shape: [991, 10], strides: [1, 1] }).get(990, 9)).toBe(999) // rolling window
    const v = a.slice('500:')
    expect(asStrided(v, { shape: [1000], offset: -500 }).get(0)).toBe(0)
    // refused: one element past the end, into the next array, before the start (the block header)
    expect(() => asStrided(a, { shape: [1001] })).toThrow(BoundsError)
    expect(() => asStrided(a, { shape: [2], strides: [1000] })).toThrow(BoundsError)
    expect(() => asStrided(a, { shape: [11, 100], strides: [100, 1] })).toThrow(BoundsError)
    expect(() => asStrided(a, { shape: [992, 10], strides: [1, 1] })).toThrow(BoundsError)
    expect(() => asStrided(a, { shape: [1], offset: -1 })).toThrow(BoundsError)
    expect(() => asStrided(v, { shape: [1000], offset: -501 })).toThrow(BoundsError)
    expect(() => asStrided(v, { shape: [501] })).toThrow(BoundsError)
    expect(() => asStrided(a, { shape: [1000], strides: [-1], offset: 1000 })).toThrow(BoundsError)
    // b's first element, addressed from a, is refused wherever b sits
    const toB = b.offset - a.offset
    expect(Math.abs(toB)).toBeGreaterThanOrEqual(1000)
    expect(() => asStrided(a, { shape: [1], offset: toB })).toThrow(BoundsError)
    expect(() => asStrided(a, { shape: [2], strides: [toB], offset: 0 })).toThrow(BoundsError)
    // writing through the allowed views never touches b
    asStrided(a, { shape: [1000], strides: [-1], offset: 999 }).fill(-1)
    expect((b.toFlatArray() as number[]).every((e) => e === 7)).toBe(true)
  })

  it('the bound is the whole block (padding to 64 bytes included), not the whole arena buffer', () => {
    const a = zeros([513]) // 4104 bytes → a 4160-byte block
    const n = (a.memoryExtent.end - a.memoryExtent.start) / 8
    expect(n).toBe(520)
    expect(asStrided(a, { shape: [n] }).size).toBe(n)
    expect(() => asStrided(a, { shape: [n + 1] })).toThrow(BoundsError)
    expect(a.buffer.byteLength).toBeGreaterThan(a.memoryExtent.end) // the buffer itself goes on
  })

  it('a small (non-arena) array is bounded by its own buffer', () => {
    const s = arange(10)
    expect(asStrided(s, { shape: [10] }).size).toBe(10)
    expect(() => asStrided(s, { shape: [11] })).toThrow(BoundsError)
  })
})

describe('overlap of arena arrays (one buffer for all of them)', () => {
  it('two different arrays do not share memory; a view and its base do; fromBuffer over the same bytes does', () => {
    const a = arange(1000), b = arange(1000)
    expect(a.buffer).toBe(b.buffer)
    expect(sharesMemory(a, b)).toBe(false)
    expect(mayShareMemory(a, b)).toBe(false)
    expect(sharesMemory(a.slice('::2'), a)).toBe(true)
    expect(mayShareMemory(a.T, a)).toBe(true)
    expect(sharesMemory(a.slice('::2'), a.slice('1::2'))).toBe(false)
    const same = fromBuffer(a.buffer, { offset: a.offset, shape: [10, 100] })
    expect(same.get(3, 7)).toBe(307)
    expect(sharesMemory(same, a)).toBe(true)
    expect(sharesMemory(same, b)).toBe(false)
    // the same bytes through a later generation of the arena's memory: still the same memory
    const big = zeros([2_700_000]) // 21.6 MB: the arena grows past its first 16 MiB
    expect(arenaStats()!.generations).toBeGreaterThan(1)
    expect(big.buffer).not.toBe(a.buffer)
    expect(isArenaBuffer(big.buffer)).toBe(true)
    const later = fromBuffer(big.buffer, { offset: a.offset, shape: [1000] })
    expect(later.buffer).not.toBe(a.buffer)
    expect(later.get(999)).toBe(999)
    expect(sharesMemory(later, a)).toBe(true)
    expect(mayShareMemory(later, a.slice('990:'))).toBe(true)
    expect(sharesMemory(later, b)).toBe(false)
    expect(sharesMemory(big, a)).toBe(false)
    expect(mayShareMemory(big, b)).toBe(false)
    // and a write through the new generation is seen through the old one
    later.set(5, -5)
    expect(a.get(5)).toBe(-5)
  })
})

describe('blocks come back when their owner is collected', () => {
  it('a child process allocating 320 × 1 MiB arrays with gc() between batches keeps the arena bounded', () => {
    const child = fileURLToPath(new URL('./fixtures/arena/gc-child.ts', import.meta.url))
    const r = spawnSync(process.execPath, ['--expose-gc', ...SOURCE_NODE_FLAGS, child], { cwd: ROOT, encoding: 'utf8', timeout: 30_000 })
    expect(r.error).toBeUndefined()
    expect(r.stderr).toBe('')
    const out = JSON.parse(r.stdout.trim()) as { allocatedBytes: number; maxCommitted: number; distinctBlocks: number; liveBlocks: number; orphanBlocks: number }
    expect(r.status, r.stdout).toBe(0)
    expect(out.allocatedBytes).toBe(320 * 2 ** 20)
    expect(out.maxCommitted).toBeLessThanOrEqual(32 * 2 ** 20)
    expect(out.distinctBlocks).toBeLessThanOrEqual(24) // the same few blocks over and over
    expect(out.orphanBlocks).toBe(0)
  })
})

describe('regressions', () => {
  it('warmUpReductions writes only its own arrays (it once wrote from byte 0 of the arena)', () => {
    const y = zeros([2000])
    y.fill(42)
    const before = y.toFlatArray()
    warmUpReductions()
    expect(y.toFlatArray()).toEqual(before)
    expect(Atomics.load(new Int32Array(y.buffer as SharedArrayBuffer, y.arenaBlock, 1), 0)).toBe(1)
  })

  it('a standalone Arena is not the kernels\' memory: WASM never reads the thread arena at its addresses', () => {
    const a = zeros([1000])
    a.fill(5)
    // a standalone arena big enough that a view of it can sit at a's very address, so reading the wrong memory shows
    const s = new Arena({ maxBytes: a.byteOffset + (1 << 20) })
    const al = s.allocate(a.byteOffset + 8000, true)!
    const x = fromBuffer(al.buffer, { offset: a.offset, shape: [1000] })
    x.fill(1)
    expect(add(x, x).get(0)).toBe(2)
    expect(sum(x)).toBe(1000)
    expect(sharesMemory(a, x)).toBe(false)
    expect(sameMemory(a.buffer, x.buffer)).toBe(false)
  })
})
