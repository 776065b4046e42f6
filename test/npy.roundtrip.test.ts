/**
 * TS → TS round trips of random arrays and views (fast-check), and the file API (save/load, async).
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync, existsSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { afterAll, describe, expect, it } from 'vitest'
import fc from 'fast-check'
import {
  DTYPE_NAMES, NDArray, NpyFormatError, ValueError, arange, array, fromNpy, load, loadAsync, readNpyHeader, save, saveAsync, toNpy, type DTypeName,
} from '@strided/core'
import { DTYPES } from '@strided/core/internal'

/** The elements in C order as hex, byte by byte (bit-exact: NaN payloads and raw bool bytes included). */
function cOrderHex(a: NDArray): string {
  const isz = a.itemsize
  const src = new Uint8Array(a.buffer)
  const bs = a.byteStrides
  const out: string[] = []
  const idx = new Array<number>(a.ndim).fill(0)
  for (let i = 0; i < a.size; i++) {
    let off = a.byteOffset
    for (let k = 0; k < a.ndim; k++) off += idx[k]! * bs[k]!
    out.push(Buffer.from(src.subarray(off, off + isz)).toString('hex'))
    for (let k = a.ndim - 1; k >= 0; k--) {
      if (++idx[k]! < a.shape[k]!) break
      idx[k] = 0
    }
  }
  return out.join('')
}

interface Case { dtype: DTypeName; shape: number[]; order: 'C' | 'F'; bytes: Uint8Array; slices: { start: number; stop: number; step: number }[]; perm: number[] }

const caseArb: fc.Arbitrary<Case> = fc
  .record({
    dtype: fc.constantFrom(...DTYPE_NAMES),
    shape: fc.array(fc.integer({ min: 0, max: 5 }), { maxLength: 4 }),
    order: fc.constantFrom<'C' | 'F'>('C', 'F'),
    seed: fc.integer(),
  })
  .chain(({ dtype, shape, order }) => {
    const n = shape.reduce((x, y) => x * y, 1)
    const slice = (len: number) => fc.record({
      start: fc.integer({ min: -len - 1, max: len + 1 }),
      stop: fc.integer({ min: -len - 1, max: len + 1 }),
      step: fc.constantFrom(1, 1, 2, 3, -1, -2),
    })
    return fc.record({
      dtype: fc.constant(dtype),
      shape: fc.constant(shape),
      order: fc.constant(order),
      bytes: fc.uint8Array({ minLength: n * DTYPES[dtype].itemsize, maxLength: n * DTYPES[dtype].itemsize }),
      slices: fc.tuple(...shape.map((len) => slice(len))) as fc.Arbitrary<{ start: number; stop: number; step: number }[]>,
      perm: fc.shuffledSubarray([...shape.keys()], { minLength: shape.length, maxLength: shape.length }),
    })
  })

/** A random array filled with random bytes (any bit pattern: NaNs with payloads, bool bytes > 1), then a view. */
function build(c: Case, view: boolean): NDArray {
  const a = NDArray.alloc(c.shape, c.dtype, c.order)
  new Uint8Array(a.buffer).set(c.bytes)
  if (!view) return a
  const sl = c.slices.map(({ start, stop, step }) => ({ start, stop, step }))
  return a.slice(...sl).transpose(c.perm)
}

describe('round trip TS → TS (fast-check)', () => {
  for (const view of [false, true]) {
    it(view ? 'random strided, negative-stride and transposed views' : 'random contiguous arrays in C and F order', () => {
      fc.assert(fc.property(caseArb, (c) => {
        const a = build(c, view)
        const bytes = toNpy(a)
        const h = readNpyHeader(bytes)
        const { cContiguous, fContiguous } = a.flags
        expect(h.fortranOrder).toBe(fContiguous && !cContiguous)
        expect(h.dataOffset % 64).toBe(0)
        expect(h.version).toEqual([1, 0])
        expect(h.descr).toBe(DTYPES[a.dtype].descr)
        expect(bytes.length).toBe(h.dataOffset + a.nbytes)
        const b = fromNpy(bytes)
        expect(b.dtype).toBe(a.dtype)
        expect(b.shape).toEqual(a.shape)
        expect(b.buffer).toBeInstanceOf(SharedArrayBuffer)
        expect(b.flags.fContiguous && !b.flags.cContiguous).toBe(h.fortranOrder)
        expect(cOrderHex(b)).toBe(cOrderHex(a))
        // writing the result again gives the same file
        expect(Buffer.compare(toNpy(b), bytes)).toBe(0)
      }), { numRuns: 300 })
    })
  }

  it('every explicit version round-trips', () => {
    fc.assert(fc.property(caseArb, fc.constantFrom<1 | 2 | 3>(1, 2, 3), (c, version) => {
      const a = build(c, true)
      const bytes = toNpy(a, { version })
      expect(bytes[6]).toBe(version)
      expect(readNpyHeader(bytes).dataOffset % 64).toBe(0)
      expect(cOrderHex(fromNpy(bytes))).toBe(cOrderHex(a))
    }), { numRuns: 100 })
  })

  it('values survive, including bigint extremes and special floats', () => {
    const i8 = array([-(2n ** 63n), 2n ** 63n - 1n, 0n, -1n], { dtype: 'int64' })
    expect(fromNpy(toNpy(i8)).toArray()).toEqual([-(2n ** 63n), 2n ** 63n - 1n, 0n, -1n])
    const u8 = array([0n, 2n ** 64n - 1n, 2n ** 63n], { dtype: 'uint64' })
    expect(fromNpy(toNpy(u8)).toArray()).toEqual([0n, 2n ** 64n - 1n, 2n ** 63n])
    const special = [NaN, Infinity, -Infinity, -0, 5e-324, 1.7976931348623157e308]
    for (const dt of ['float64', 'float32'] as const) {
      const back = fromNpy(toNpy(array(special, { dtype: dt }))).toFlatArray()
      back.forEach((v, i) => expect(Object.is(v, dt === 'float32' ? Math.fround(special[i]!) : special[i]), `${dt} ${i}`).toBe(true))
    }
    const b = array([[true, false], [false, true]], { order: 'F' })
    expect(fromNpy(toNpy(b)).toArray()).toEqual([[true, false], [false, true]])
  })

  it('the result is independent of the input bytes', () => {
    const bytes = toNpy(arange(4))
    const a = fromNpy(bytes)
    bytes.fill(0, readNpyHeader(bytes).dataOffset)
    expect(a.toArray()).toEqual([0, 1, 2, 3])
  })
})

describe('save / load', () => {
  const dir = mkdtempSync(join(tmpdir(), 'strided-npy-'))
  afterAll(() => rmSync(dir, { recursive: true, force: true }))

  it('save writes toNpy bytes and load reads them back', () => {
    const a = arange(12, { dtype: 'int16' }).reshape([3, 4]).transpose()
    const p = save(join(dir, 'a.npy'), a)
    expect(p).toBe(join(dir, 'a.npy'))
    expect(Buffer.compare(readFileSync(p), toNpy(a))).toBe(0)
    const b = load(p)
    expect(b.toArray()).toEqual(a.toArray())
    expect(b.flags.fContiguous).toBe(true)
  })

  it("appends '.npy' like np.save, and accepts file: URLs", () => {
    const p = save(join(dir, 'noext'), arange(3))
    expect(p).toBe(join(dir, 'noext.npy'))
    expect(existsSync(join(dir, 'noext'))).toBe(false)
    expect(load(p).toArray()).toEqual([0, 1, 2])
    const q = save(pathToFileURL(join(dir, 'url.npy')), arange(2))
    expect(load(pathToFileURL(q)).toArray()).toEqual([0, 1])
    expect(save(join(dir, 'x.npy.bak'), arange(1))).toBe(join(dir, 'x.npy.bak.npy'))
  })

  it('async variants', async () => {
    const a = arange(6, { dtype: 'float32' }).reshape([2, 3])
    const p = await saveAsync(join(dir, 'async'), a, { version: 2 })
    expect(p).toBe(join(dir, 'async.npy'))
    expect(readFileSync(p)[6]).toBe(2)
    const b = await loadAsync(p)
    expect(b.dtype).toBe('float32')
    expect(b.toArray()).toEqual([[0, 1, 2], [3, 4, 5]])
  })

  it('errors: missing files, bad paths, bad content', async () => {
    expect(() => load(join(dir, 'missing.npy'))).toThrow(/ENOENT/)
    await expect(loadAsync(join(dir, 'missing.npy'))).rejects.toThrow(/ENOENT/)
    expect(() => save('', arange(1))).toThrow(ValueError)
    writeFileSync(join(dir, 'junk.npy'), 'not an npy file')
    expect(() => load(join(dir, 'junk.npy'))).toThrow(NpyFormatError)
    await expect(loadAsync(join(dir, 'junk.npy'))).rejects.toThrow(/magic string is not correct; expected b'\\x93NUMPY', got b'not an'/)
  })
})
