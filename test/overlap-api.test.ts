/**
 * Unit tests of the overlap API: every error path (class and message), the max_work semantics,
 * the descriptor helpers, internal-overlap examples from spec §1.6 and sharedByteCount.
 */
import { describe, expect, it } from 'vitest'
import { DTypeError, OverflowError, TooHardError, ValueError } from '../packages/core/src/errors.js'
import {
  type ByteView, type DescriptorLike, SHARED_BYTES_RUN_CAP,
  byteBounds, byteExtent, byteExtentExact, checkMaxWork, hasInternalOverlap, hasInternalOverlapBytes,
  internalOverlapOutcome, mayShareMemory, overlapOutcome, sharedByteCount, sharedByteCountBytes, sharesMemory,
  sharesMemoryBytes, solveInternalOverlap, solveOverlap, toByteView,
} from '../packages/core/src/overlap/index.js'

const buffer = new SharedArrayBuffer(1024)
const f8 = (shape: number[], strides: number[], offset = 0): DescriptorLike => ({ buffer, dtype: 'float64', shape, strides, offset })
/** x = arange(10) as int64, y = arange(24).reshape(4, 6). */
const x = (shape: number[], strides: number[], offset = 0): DescriptorLike => ({ buffer, dtype: 'int64', shape, strides, offset })

function thrown(fn: () => unknown): Error {
  try { fn() } catch (e) { return e as Error }
  throw new Error('expected a throw')
}

describe('max_work validation', () => {
  const a = x([5], [2]), b = x([5], [2], 1)
  it.each([-3, -100, Number.MIN_SAFE_INTEGER])('max_work %d < -2 → ValueError naming it', (k) => {
    for (const fn of [
      () => sharesMemory(a, b, { maxWork: k }), () => mayShareMemory(a, b, { maxWork: k }), () => overlapOutcome(a, b, k),
      () => hasInternalOverlap(a, { maxWork: k }), () => internalOverlapOutcome(a, k), () => solveOverlap(toByteView(a), toByteView(b), k),
      () => solveInternalOverlap(toByteView(a), k), () => checkMaxWork(k),
    ]) {
      const e = thrown(fn)
      expect(e).toBeInstanceOf(ValueError)
      expect(e.message).toContain('Invalid value for max_work')
      expect(e.message).toContain(String(k))
    }
  })
  it.each([1.5, Number.NaN, Infinity, -0.5])('non-integer max_work %s → ValueError naming it', (k) => {
    const e = thrown(() => sharesMemory(a, b, { maxWork: k }))
    expect(e).toBeInstanceOf(ValueError)
    expect(e.message).toContain('max_work must be an integer')
    expect(e.message).toContain(String(k))
    expect(thrown(() => overlapOutcome(a, b, k))).toBeInstanceOf(ValueError)
  })
  // NumPy 2.4.6: 2**63 and 10**100 → OverflowError ("Python int too large to convert to C ssize_t"); -2**63 →
  // ValueError (Invalid value); 2**63-1 accepted. In JS 2**63 - 1 rounds to 2**63, so 2**63 - 1024 is the largest.
  it.each([2 ** 63, 2 ** 64, 1e100, -(2 ** 63) - 2048, -1e100, Number.MAX_VALUE])('max_work %d beyond int64 → OverflowError naming it', (k) => {
    for (const fn of [
      () => sharesMemory(a, b, { maxWork: k }), () => mayShareMemory(a, b, { maxWork: k }), () => overlapOutcome(a, b, k),
      () => hasInternalOverlap(a, { maxWork: k }), () => internalOverlapOutcome(a, k), () => checkMaxWork(k),
    ]) {
      const e = thrown(fn)
      expect(e).toBeInstanceOf(OverflowError)
      expect(e.message).toContain(`max_work ${String(k)}`)
      expect(e.message).toContain('ssize_t')
    }
  })
  it('the int64 edges: 2**63 - 1024 is accepted, -2**63 is an invalid value (ValueError), as NumPy', () => {
    expect(sharesMemory(a, a, { maxWork: 2 ** 63 - 1024 })).toBe(true)
    expect(sharesMemory(a, b, { maxWork: 2 ** 63 - 1024 })).toBe(false)
    expect(hasInternalOverlap(a, { maxWork: 2 ** 63 - 1024 })).toBe(false)
    const e = thrown(() => sharesMemory(a, b, { maxWork: -(2 ** 63) }))
    expect(e).toBeInstanceOf(ValueError)
    expect(e.message).toContain('Invalid value for max_work')
  })
  it('-1 and -2 both mean unlimited', () => {
    expect(sharesMemory(a, b, { maxWork: -1 })).toBe(false)
    expect(sharesMemory(a, b, { maxWork: -2 })).toBe(false)
    expect(overlapOutcome(a, b, -2)).toBe('no')
  })
})

describe('max_work = 0 gotcha and TooHardError', () => {
  it('x[::2] vs x[1::2] with max_work 0 raises TooHardError (extents intersect)', () => {
    const e = thrown(() => sharesMemory(x([5], [2]), x([5], [2], 1), { maxWork: 0 }))
    expect(e).toBeInstanceOf(TooHardError)
    expect(e.message).toContain('Exceeded max_work')
    expect(e.message).toContain('max_work=0')
    expect(e.message).toContain('shape [5]')
    expect(e.message).toContain('byte strides [16]')
  })
  it('disjoint extents return false even with max_work 0', () => {
    expect(sharesMemory(x([5], [1]), x([5], [1], 5), { maxWork: 0 })).toBe(false)
  })
  it('max_work 1 decides every problem with ≤ 2 terms', () => {
    expect(sharesMemory(x([5], [2]), x([5], [2], 1), { maxWork: 1 })).toBe(false)
    expect(sharesMemory(x([6], [1]), x([5], [1], 5), { maxWork: 1 })).toBe(true)
  })
  it('spec #23: TooHardError up to max_work 5, false at 6; message names the budget', () => {
    const X = (shape: number[], strides: number[], offset: number): DescriptorLike => ({ buffer, dtype: 'int8', shape, strides, offset })
    const a = X([4, 3], [20, 7], 0), b = X([4, 6], [20, 3], 3)
    for (let k = 1; k <= 5; k++) {
      const e = thrown(() => sharesMemory(a, b, { maxWork: k }))
      expect(e).toBeInstanceOf(TooHardError)
      expect(e.message).toContain(`max_work=${k}`)
      expect(overlapOutcome(a, b, k)).toBe('too-hard')
      expect(mayShareMemory(a, b, { maxWork: k })).toBe(true) // don't know counts as yes
    }
    expect(sharesMemory(a, b, { maxWork: 6 })).toBe(false)
    expect(sharesMemory(a, b)).toBe(false)
    expect(mayShareMemory(a, b)).toBe(true)
  })
  it('internal overlap: TooHardError for max_work 0 unless C-contiguous (NumPy fast path)', () => {
    const c = f8([2, 3, 4], [12, 4, 1])
    expect(hasInternalOverlap(c, { maxWork: 0 })).toBe(false)
    const t = f8([4, 3, 2], [1, 4, 12]) // the transpose: F-contiguous only
    const e = thrown(() => hasInternalOverlap(t, { maxWork: 0 }))
    expect(e).toBeInstanceOf(TooHardError)
    expect(e.message).toContain('internal overlap')
    expect(hasInternalOverlap(t, { maxWork: 1 })).toBe(false)
  })
})

describe('OverflowError', () => {
  const P = 2n ** 62n
  it('spec #24 raises OverflowError naming the strides', () => {
    const a = { itemsize: 1, shape: [2, 2], byteStrides: [P, P - 1n], byteOffset: 0 }
    const b = { itemsize: 1, shape: [2, 2], byteStrides: [P - 3n, 3], byteOffset: 1 }
    const e = thrown(() => sharesMemoryBytes(a, b))
    expect(e).toBeInstanceOf(OverflowError)
    expect(e.message).toContain('Integer overflow in computing overlap')
    expect(e.message).toContain(String(P - 1n))
    expect(solveOverlap(a, b, -1)).toBe('overflow')
    expect(solveOverlap(a, b, 0)).toBe('too-hard') // max_work 0 gives up before overflowing
  })
  it('RHS above int64 (a view spanning more than 2^63 bytes)', () => {
    const a = { itemsize: 1, shape: [2, 2], byteStrides: [2n ** 63n - 2n, -1000], byteOffset: 5000 }
    expect(solveOverlap(a, a, -1)).toBe('overflow')
  })
  it('|stride| = INT64_MIN', () => {
    const a = { itemsize: 1, shape: [3], byteStrides: [-(2n ** 63n)], byteOffset: 0 }
    const b = { itemsize: 1, shape: [4], byteStrides: [1], byteOffset: 0 }
    expect(solveOverlap(a, b, -1)).toBe('overflow')
  })
  it('internal overlap: int64 bound sum overflow', () => {
    const v = { itemsize: 1, shape: [3], byteStrides: [P], byteOffset: 0 }
    expect(solveInternalOverlap(v, -1)).toBe('overflow')
    const e = thrown(() => hasInternalOverlapBytes(v))
    expect(e).toBeInstanceOf(OverflowError)
    expect(e.message).toContain(String(P))
  })
})

describe('malformed views', () => {
  it('ValueError for bad shapes and strides, DTypeError for unknown dtypes', () => {
    const bad = [
      { itemsize: 8, shape: [-1], byteStrides: [8], byteOffset: 0 },
      { itemsize: 8, shape: [2, 2], byteStrides: [8], byteOffset: 0 },
      { itemsize: 8, shape: [2], byteStrides: [1.5], byteOffset: 0 },
      { itemsize: 0, shape: [2], byteStrides: [8], byteOffset: 0 },
      { itemsize: 8, shape: [2], byteStrides: [2n ** 64n], byteOffset: 0 },
    ]
    const ok: ByteView = { itemsize: 8, shape: [4], byteStrides: [8], byteOffset: 0 }
    for (const v of bad) {
      const e = thrown(() => solveOverlap(v, ok, -1))
      expect(e, JSON.stringify(v, (_, y) => (typeof y === 'bigint' ? String(y) : y))).toBeInstanceOf(ValueError)
    }
    expect(thrown(() => solveOverlap(bad[0]!, ok, -1)).message).toContain('-1')
    expect(thrown(() => overlapOutcome({ ...x([2], [1]), dtype: 'complex64' as never }, x([2], [1])))).toBeInstanceOf(DTypeError)
  })
})

describe('descriptor-level helpers', () => {
  it('different buffers → no, in O(1), whatever the views', () => {
    const a = x([10], [1]), b = { ...x([10], [1]), buffer: new SharedArrayBuffer(80) }
    expect(overlapOutcome(a, b)).toBe('no')
    expect(overlapOutcome(a, b, 0)).toBe('no')
    expect(sharesMemory(a, b, { maxWork: 0 })).toBe(false)
    expect(mayShareMemory(a, b)).toBe(false)
    expect(sharedByteCount(a, b)).toBe(0)
  })
  it('mayShareMemory is the extent test', () => {
    expect(mayShareMemory(x([5], [2]), x([5], [2], 1))).toBe(true)
    expect(mayShareMemory(x([5], [1]), x([5], [1], 5))).toBe(false)
    expect(mayShareMemory(x([0], [1]), x([10], [1]))).toBe(false) // empty
  })
  it('byteBounds / byteExtent, like numpy byte_bounds', () => {
    expect(byteBounds(x([10], [1]))).toEqual([0, 80])
    expect(byteBounds(x([10], [-1], 9))).toEqual([0, 80])
    expect(byteBounds(x([4, 3], [6, 2], 1))).toEqual([8, 8 + 8 * (18 + 4) + 8])
    expect(byteBounds(x([0, 3], [6, 2], 5))).toEqual([40, 40]) // empty: low == high
    expect(byteBounds(x([], [], 3))).toEqual([24, 32]) // 0-d
    expect(byteExtent({ itemsize: 2, shape: [3, 0], byteStrides: [4, 1], byteOffset: 7 })).toEqual([7, 7])
    expect(byteExtentExact({ itemsize: 1, shape: [2, 2], byteStrides: [2n ** 62n, 2n ** 62n - 1n], byteOffset: 0 })).toEqual([0n, 2n ** 63n])
  })
  it('toByteView scales strides and offset by the itemsize; accepts DType-like objects', () => {
    expect(toByteView({ buffer, dtype: 'int16', shape: [3, 2], strides: [-4, 1], offset: 9 })).toEqual({ itemsize: 2, shape: [3, 2], byteStrides: [-8, 2], byteOffset: 18 })
    expect(overlapOutcome({ buffer, dtype: { itemsize: 4 }, shape: [2], strides: [1], offset: 0 }, { buffer, dtype: 'int8', shape: [1], strides: [1], offset: 7 })).toBe('yes')
  })
  it('views with different itemsizes on one buffer (spec #14–#17)', () => {
    const u8 = (shape: number[], strides: number[], offset: number): DescriptorLike => ({ buffer, dtype: 'uint8', shape, strides, offset })
    const u32 = { buffer, dtype: 'uint32', shape: [1], strides: [1], offset: 0 } as const
    const u16 = { buffer, dtype: 'uint16', shape: [4], strides: [2], offset: 0 } as const
    expect(sharesMemory(u32, u8([1], [1], 3))).toBe(true)
    expect(sharesMemory(u32, u8([1], [1], 4))).toBe(false)
    expect(sharesMemory(u16, u8([4], [4], 2))).toBe(false)
    expect(sharesMemory(u16, u8([4], [4], 1))).toBe(true)
  })
})

describe('internal overlap examples (spec §1.6, x int64)', () => {
  const S = (shape: number[], byteStrides: number[]): ByteView => ({ itemsize: 8, shape, byteStrides, byteOffset: 0 })
  it.each([
    [[3], [0], true], [[1], [0], false], [[8, 3], [8, 8], true], [[2], [4], true], [[3, 2], [16, 8], false],
    [[3, 2], [8, 16], true], [[3, 4], [0, 8], true], [[0, 5], [0, 0], false],
  ] as [number[], number[], boolean][])('as_strided(x, %j, %j) → %s', (shape, strides, want) => {
    expect(hasInternalOverlapBytes(S(shape, strides))).toBe(want)
  })
  it('C-contiguous, broadcast and window descriptors', () => {
    expect(hasInternalOverlap(f8([4, 6], [6, 1]))).toBe(false)
    expect(hasInternalOverlap(f8([3, 4], [0, 1]))).toBe(true) // broadcast_to
    expect(hasInternalOverlap(f8([8, 3], [1, 1]))).toBe(true) // sliding windows
    expect(hasInternalOverlap(f8([4, 3], [6, 2]))).toBe(false)
  })
})

describe('sharedByteCount', () => {
  it('hand-checked values', () => {
    expect(sharedByteCount(x([6], [1]), x([5], [1], 5))).toBe(8) // x[:6] vs x[5:]
    expect(sharedByteCount(x([5], [2]), x([5], [2], 1))).toBe(0) // interleaved
    expect(sharedByteCount(x([10], [1]), x([10], [-1], 9))).toBe(80)
    expect(sharedByteCount(x([4, 4], [6, 1]), x([4, 3], [6, 1], 3))).toBe(32) // y[:, :4] vs y[:, 3:]
    expect(sharedByteCount(x([3], [0]), x([1], [1]))).toBe(8) // broadcast counts each byte once
    const u16 = { buffer, dtype: 'uint16', shape: [4], strides: [2], offset: 0 } as const
    expect(sharedByteCount(u16, { buffer, dtype: 'uint8', shape: [4], strides: [4], offset: 1 })).toBe(4)
    expect(sharedByteCount(x([0], [1]), x([10], [1]))).toBe(0)
  })
  it('large 2-D blocks are exact and fast (runs, not bytes)', () => {
    // two 1000×600 windows of a 1000×1000 float64 matrix, overlapping in 1000×200 columns
    const a = f8([1000, 600], [1000, 1], 0), b = f8([1000, 600], [1000, 1], 400)
    const t0 = performance.now()
    expect(sharedByteCount(a, b)).toBe(1000 * 200 * 8)
    // a strided column set vs a transposed block
    expect(sharedByteCount(f8([1000, 500], [1000, 2], 0), f8([1000, 500], [1000, 2], 1))).toBe(0)
    expect(performance.now() - t0).toBeLessThan(2000)
  })
  it('a size above the cap throws ValueError naming the cap', () => {
    const n = 5_000_000
    const e = thrown(() => sharedByteCount(f8([n], [2], 0), f8([n], [2], 1)))
    expect(e).toBeInstanceOf(ValueError)
    expect(e.message).toContain(String(SHARED_BYTES_RUN_CAP))
    expect(e.message).toContain('byte runs')
    // contiguous views of the same size are a single run each: fine
    expect(sharedByteCount(f8([n], [1], 0), f8([n], [1], 1))).toBe((n - 1) * 8)
  })
  it('values beyond 2^53 are rejected with ValueError', () => {
    const v = { itemsize: 1, shape: [2], byteStrides: [2n ** 62n], byteOffset: 0 }
    const e = thrown(() => sharedByteCountBytes(v, v))
    expect(e).toBeInstanceOf(ValueError)
    expect(e.message).toContain(String(2n ** 62n))
  })
})
