/**
 * sort, argsort, ndarray.sort (sortInPlace) and lexsort: edge cases, NumPy's order (NaNs last, -0 equal to +0,
 * stable), every dtype including 64-bit ints beyond 2**53 and float16, the long-lane steps against a
 * reference stable sort, and every error (typed class, a message naming the values, nothing written).
 */
import { describe, expect, it } from 'vitest'
import {
  AxisError, DTypeError, NDArray, OverlapError, ReadOnlyError, ValueError, arange, argsort, array, asStrided,
  broadcastTo, flip, floor, lexsort, random, sort, sortInPlace, sharesMemory, zeros, type DTypeName,
} from '@strided/core'

const flat = (a: NDArray): unknown[] => a.toFlatArray()
const idx = (a: NDArray): number[] => a.toFlatArray().map(Number)
/** n integers in [lo, hi) (seeded), as `dt`. */
const ints = (lo: number, hi: number, shape: number[], seed: number, dt: DTypeName): NDArray =>
  floor(random.uniform(shape, { seed, low: lo, high: hi })).astype(dt)
const signs = (a: NDArray): string[] => a.toFlatArray().map((v) => (Object.is(v, -0) ? '-0' : String(v)))

/** The first index where two long lists differ (Object.is), or -1 (cheaper than toEqual on 1e5 elements). */
function firstDiff(a: readonly unknown[], b: readonly unknown[]): number {
  if (a.length !== b.length) return Math.min(a.length, b.length)
  for (let i = 0; i < a.length; i++) if (!Object.is(a[i], b[i])) return i
  return -1
}

function thrown(f: () => unknown): Error {
  try { f() } catch (e) { return e as Error }
  throw new Error('expected a throw')
}

/** A reference stable argsort in NumPy's order (NaN last, -0 == +0). */
function refArgsort(v: readonly (number | bigint | boolean)[]): number[] {
  const key = (x: number | bigint | boolean): number | bigint => (typeof x === 'boolean' ? Number(x) : x)
  return v.map((_, i) => i).sort((i, j) => {
    const p = key(v[i]!)
    const q = key(v[j]!)
    const pn = typeof p === 'number' && p !== p
    const qn = typeof q === 'number' && q !== q
    if (pn || qn) return pn === qn ? i - j : pn ? 1 : -1
    return p < q ? -1 : p > q ? 1 : i - j
  })
}

describe('sort / argsort: NumPy order', () => {
  it('NaNs last, -0 and +0 equal and kept in input order, payloads kept', () => {
    const a = array([3, -0, 0, NaN, 1, -0, 2, NaN, -Infinity, Infinity])
    expect(signs(sort(a))).toEqual(['-Infinity', '-0', '0', '-0', '1', '2', '3', 'Infinity', 'NaN', 'NaN'])
    expect(idx(argsort(a))).toEqual([8, 1, 2, 5, 4, 6, 0, 9, 3, 7])
    for (const kind of ['quicksort', 'heapsort', 'mergesort', 'stable', 'q', 'S', 'HEAP']) {
      expect(signs(sort(a, { kind }))).toEqual(signs(sort(a)))
    }
  })
  it('float32 and every integer dtype, with extremes', () => {
    expect(flat(sort(array([2.5, NaN, -0, -1e30, 0], { dtype: 'float32' })))).toEqual([-1.0000000150474662e30, -0, 0, 2.5, NaN])
    for (const dt of ['int8', 'uint8', 'int16', 'uint16', 'int32', 'uint32'] as DTypeName[]) {
      const a = array([5, 0, 3, 127, 1, 3], { dtype: dt })
      expect(flat(sort(a)), dt).toEqual([0, 1, 3, 3, 5, 127])
      expect(idx(argsort(a)), dt).toEqual([1, 4, 2, 5, 0, 3])
    }
    expect(flat(sort(array([-128, 127, -1, 0], { dtype: 'int8' })))).toEqual([-128, -1, 0, 127])
    expect(flat(sort(array([-2147483648, 2147483647, -1], { dtype: 'int32' })))).toEqual([-2147483648, -1, 2147483647])
    expect(flat(sort(array([4294967295, 0, 2147483648], { dtype: 'uint32' })))).toEqual([0, 2147483648, 4294967295])
    expect(flat(sort(array([true, false, true, false])))).toEqual([false, false, true, true])
  })
  it('int64 / uint64 beyond 2**53 as bigints', () => {
    const i = array([2n ** 62n, -(2n ** 63n), 9007199254740993n, 9007199254740992n, -1n], { dtype: 'int64' })
    expect(flat(sort(i))).toEqual([-(2n ** 63n), -1n, 9007199254740992n, 9007199254740993n, 2n ** 62n])
    const u = array([2n ** 64n - 1n, 0n, 2n ** 63n, 9007199254740993n], { dtype: 'uint64' })
    expect(flat(sort(u))).toEqual([0n, 9007199254740993n, 2n ** 63n, 2n ** 64n - 1n])
    expect(idx(argsort(u))).toEqual([1, 3, 2, 0])
  })
  it('axes, flattening, layouts; the result is fresh, C-contiguous and of the input dtype', () => {
    const a = array([[3, 1, 2], [0, 5, 4]], { dtype: 'int16' })
    expect(sort(a).toArray()).toEqual([[1, 2, 3], [0, 4, 5]])
    expect(sort(a, { axis: 0 }).toArray()).toEqual([[0, 1, 2], [3, 5, 4]])
    expect(flat(sort(a, { axis: null }))).toEqual([0, 1, 2, 3, 4, 5])
    expect(idx(argsort(a, { axis: null }))).toEqual([3, 1, 2, 0, 5, 4])
    expect(argsort(a, { axis: 0 }).toArray()).toEqual([[1n, 0n, 0n], [0n, 1n, 1n]])
    const t = a.T
    expect(sort(t).toArray()).toEqual([[0, 3], [1, 5], [2, 4]])
    const r = a.slice('::-1, ::-1')
    expect(sort(r, { axis: -1 }).toArray()).toEqual([[0, 4, 5], [1, 2, 3]])
    const s = sort(a)
    expect(s.dtype).toBe('int16')
    expect(s.flags.cContiguous).toBe(true)
    expect(sharesMemory(s, a)).toBe(false)
    expect(argsort(a).dtype).toBe('int64')
    expect(sort(broadcastTo(array([2, 1]), [3, 2])).toArray()).toEqual([[1, 2], [1, 2], [1, 2]])
  })
  it('empty and 0-d arrays, as NumPy', () => {
    expect(sort(zeros([0, 3])).shape).toEqual([0, 3])
    expect(argsort(zeros([2, 0]), { axis: 0 }).shape).toEqual([2, 0])
    expect(sort(zeros([0, 3]), { axis: null }).shape).toEqual([0])
    const z = array(3.5)
    expect(flat(sort(z, { axis: null }))).toEqual([3.5])
    expect(idx(argsort(z))).toEqual([0])
    expect(argsort(z, { axis: 0 }).shape).toEqual([1])
    const e = thrown(() => sort(z))
    expect(e).toBeInstanceOf(AxisError)
    expect(e.message).toContain('axis -1 is out of bounds for array of dimension 0')
    expect(thrown(() => argsort(z, { axis: 1 }))).toBeInstanceOf(AxisError)
  })
  it('long lanes (bucketed by the top digit, then sorted per bucket) equal a reference stable sort, values and indices', () => {
    const n = 2 * 65536 + 1234
    const x = ints(0, 50, [n], 3, 'float64')
    for (let i = 0; i < n; i += 37) x.set(i, i % 3 === 0 ? -0 : i % 3 === 1 ? NaN : 0)
    const v = x.toFlatArray() as number[]
    const ref = refArgsort(v)
    expect(firstDiff(idx(argsort(x)), ref)).toBe(-1)
    const s = sort(x).toFlatArray() as number[]
    expect(s.every((y, k) => Object.is(y, v[ref[k]!]))).toBe(true)
    // strided long lanes along both axes (several lanes, one after another)
    const m = ints(-5, 5, [3, n], 4, 'int32')
    const mt = m.T.copy() // shape (n, 3), lanes along axis 0 with stride 3
    const want = [0, 1, 2].map((r) => refArgsort(m.slice(`${r}`).toFlatArray() as number[]))
    const got = argsort(mt, { axis: 0 })
    for (let r = 0; r < 3; r++) expect(firstDiff(idx(got.slice(`:, ${r}`)), want[r]!)).toBe(-1)
    const inPlace = mt.copy()
    inPlace.sort({ axis: 0 })
    expect(firstDiff(flat(inPlace), flat(sort(mt, { axis: 0 })))).toBe(-1)
  })
  it('long lanes keep the bits of -0 and of NaN payloads, in input order (float64, float32, float16)', () => {
    const n = 140_000
    const cases: [DTypeName, number[]][] = [
      // float64 words (low, high): a quiet NaN with payload 5, a negative NaN, -0
      ['float64', [5, 0x7ff80000, 0, 0xfff80000, 0, 0x80000000]],
      ['float32', [0x7fc00005, 0xffc00000, 0x80000000]],
      ['float16', [0x7e05, 0xfe00, 0x8000]],
    ]
    for (const [dt, specials] of cases) {
      const x = ints(-20, 20, [n], 11, dt)
      const words = dt === 'float64' ? new Uint32Array(x.buffer, x.byteOffset, 2 * n) : dt === 'float32'
        ? new Uint32Array(x.buffer, x.byteOffset, n) : new Uint16Array(x.buffer, x.byteOffset, n)
      const per = dt === 'float64' ? 2 : 1
      const kinds = specials.length / per
      // every 101st element a special, cycling through them, and some canonical NaNs and +0s too
      for (let i = 0, k = 0; i < n; i += 101, k++) {
        for (let w = 0; w < per; w++) words[per * i + w] = specials[per * (k % kinds) + w]!
      }
      for (let i = 50; i < n; i += 997) x.set(i, i % 2 === 0 ? NaN : 0)
      const bitsOf = (a: NDArray, i: number): string => {
        const b = dt === 'float64' ? new Uint32Array(a.buffer, a.byteOffset, 2 * a.size) : dt === 'float32'
          ? new Uint32Array(a.buffer, a.byteOffset, a.size) : new Uint16Array(a.buffer, a.byteOffset, a.size)
        return per === 2 ? `${b[2 * i + 1]}:${b[2 * i]}` : String(b[i])
      }
      const perm = idx(argsort(x))
      expect(firstDiff(perm, refArgsort(x.toFlatArray() as number[]))).toBe(-1)
      const s = sort(x)
      let bad = -1
      for (let k = 0; k < n && bad < 0; k++) if (bitsOf(s, k) !== bitsOf(x, perm[k]!)) bad = k
      expect(bad).toBe(-1)
      const inPlace = x.copy()
      inPlace.sort()
      for (let k = 0; k < n && bad < 0; k++) if (bitsOf(inPlace, k) !== bitsOf(s, k)) bad = k
      expect(bad).toBe(-1)
    }
  })
  it('long lanes of every width of key: all equal, two values, already sorted, reversed', () => {
    const n = 131_072 + 17
    for (const dt of ['float64', 'int32', 'uint32', 'int16', 'bool', 'float16'] as DTypeName[]) {
      for (const x of [zeros([n], { dtype: dt }), ints(0, 2, [n], 12, dt), sort(ints(0, 100, [n], 13, dt)), flip(sort(ints(0, 100, [n], 14, dt)))]) {
        const v = x.toFlatArray() as number[]
        expect(firstDiff(idx(argsort(x)), refArgsort(v))).toBe(-1)
      }
    }
  })
  it('long lanes whose highest differing bit a sample of the lane misses (the top digit is counted again)', () => {
    const n = 140_000
    for (const [dt, big] of [['float64', -3.5], ['int32', -1_999_999_950], ['uint16', 65500]] as const) {
      const x = ints(0, 100, [n], 15, dt)
      x.set(1, big) // index 1 is not one of the evenly spaced sample positions
      x.set(n - 2, big)
      const v = x.toFlatArray() as number[]
      expect(firstDiff(idx(argsort(x)), refArgsort(v))).toBe(-1)
      const s = flat(sort(x)) as number[]
      const want = refArgsort(v).map((k) => v[k]!)
      expect(firstDiff(s, want)).toBe(-1)
    }
  })
  it('long lanes of skewed keys (normal and integer-valued floats: the top digit widens) equal a reference sort', () => {
    const n = 200_000
    for (const x of [random.normal([n], { seed: 16 }), floor(random.uniform([n], { seed: 17, high: 1000 })), random.normal([n], { seed: 18, dtype: 'float32' })]) {
      const v = x.toFlatArray() as number[]
      const ref = refArgsort(v)
      expect(firstDiff(idx(argsort(x)), ref)).toBe(-1)
      expect(firstDiff(flat(sort(x)), ref.map((k) => v[k]!))).toBe(-1)
    }
  })
  it('long int64 and uint8 lanes', () => {
    const n = 132_000
    const b = ints(-3, 3, [n], 5, 'int64')
    expect(firstDiff(idx(argsort(b)), refArgsort(b.toFlatArray() as bigint[]))).toBe(-1)
    const u = ints(0, 255, [n], 6, 'uint8')
    const su = flat(sort(u)) as number[]
    expect(firstDiff(su, [...(u.toFlatArray() as number[])].sort((p, q) => p - q))).toBe(-1)
  })
})

describe('sort / argsort: errors', () => {
  const a = arange(6).reshape([2, 3])
  it('axis out of range names the axis and the dimension', () => {
    const e = thrown(() => sort(a, { axis: 2 }))
    expect(e).toBeInstanceOf(AxisError)
    expect(e.message).toContain('axis 2 is out of bounds for array of dimension 2')
    expect(thrown(() => argsort(a, { axis: -3 })).message).toContain('axis -3')
    expect(thrown(() => sort(a, { axis: 1.5 }))).toBeInstanceOf(AxisError)
  })
  it('kind: unknown names are a ValueError, non-strings a DTypeError', () => {
    const e = thrown(() => sort(a, { kind: 'bogo' }))
    expect(e).toBeInstanceOf(ValueError)
    expect(e.message).toContain("sort kind must be one of 'quick', 'heap', or 'stable' (got \"bogo\")")
    expect(thrown(() => argsort(a, { kind: '' }))).toBeInstanceOf(ValueError)
    const t = thrown(() => sort(a, { kind: 3 as never }))
    expect(t).toBeInstanceOf(DTypeError)
    expect(t.message).toContain('got 3')
  })
  it('order (structured arrays) is refused; null is accepted', () => {
    const e = thrown(() => sort(a, { order: 'f0' }))
    expect(e).toBeInstanceOf(ValueError)
    expect(e.message).toContain('Cannot specify order')
    expect(e.message).toContain('f0')
    expect(thrown(() => argsort(a, { order: ['x'] }))).toBeInstanceOf(ValueError)
    expect(() => sort(a, { order: null })).not.toThrow()
  })
  it('non-arrays and unknown options', () => {
    expect(thrown(() => sort([3, 1] as never))).toBeInstanceOf(DTypeError)
    const u = thrown(() => argsort(a, { axes: 0 } as never))
    expect(u).toBeInstanceOf(ValueError)
    expect(u.message).toContain('axes')
  })
})

describe('ndarray.sort (in place)', () => {
  it('sorts the view in place and returns it; other elements of the base are untouched', () => {
    const base = array([[9, 8, 7, 6], [5, 4, 3, 2], [1, 0, -1, -2]], { dtype: 'int32' })
    const v = base.slice('::2, 1:')
    expect(v.sort()).toBe(v)
    expect(base.toArray()).toEqual([[9, 6, 7, 8], [5, 4, 3, 2], [1, -2, -1, 0]])
    const f = array([[3, -0, 0], [NaN, 1, -0]])
    f.sort({ axis: 0 })
    expect(signs(f)).toEqual(['3', '-0', '0', 'NaN', '1', '-0'])
    const g = array([3, -0, 0, NaN, -0])
    expect(sortInPlace(g, { kind: 'heapsort' })).toBe(g)
    expect(signs(g)).toEqual(['-0', '0', '-0', '3', 'NaN'])
  })
  it('refuses read-only arrays, internal overlap and axis null, writing nothing', () => {
    const ro = broadcastTo(array([3, 1, 2]), [2, 3])
    const e = thrown(() => ro.sort())
    expect(e).toBeInstanceOf(ReadOnlyError)
    expect(e.message).toContain('sort')
    const base = array([3, 1, 2, 0])
    const ov = asStrided(base, { shape: [2, 3], strides: [1, 1] })
    const o = thrown(() => ov.sort())
    expect(o).toBeInstanceOf(OverlapError)
    expect(o.message).toContain('internal overlap')
    expect(flat(base)).toEqual([3, 1, 2, 0])
    const c = array([3, 1, 2])
    const n = thrown(() => c.sort({ axis: null }))
    expect(n).toBeInstanceOf(DTypeError)
    expect(n.message).toContain('null')
    expect(thrown(() => c.sort({ axis: 1 }))).toBeInstanceOf(AxisError)
    expect(thrown(() => c.sort({ kind: 'x' }))).toBeInstanceOf(ValueError)
    expect(thrown(() => c.sort({ order: 'f' }))).toBeInstanceOf(ValueError)
    expect(thrown(() => array(2).sort())).toBeInstanceOf(AxisError)
    expect(flat(c)).toEqual([3, 1, 2])
  })
})

describe('lexsort', () => {
  it('the last key is primary; ties keep input order', () => {
    expect(idx(lexsort([array([1, 2, 3]), array([1, 1, 0])]))).toEqual([2, 0, 1])
    const surnames = array([3, 1, 2, 1, 3], { dtype: 'int8' })
    const first = array([0.5, -0, 0, 0.5, NaN])
    expect(idx(lexsort([first, surnames]))).toEqual([1, 3, 2, 0, 4])
    // an NDArray of keys: keys[k] is key k
    const k = array([[1, 0, 1, 0], [1, 1, 0, 0]], { dtype: 'uint64' })
    expect(idx(lexsort(k))).toEqual([3, 2, 1, 0])
    expect(idx(lexsort(array([[5, 5, 5]])))).toEqual([0, 1, 2])
  })
  it('axes of multi-dimensional keys, empty and 0-d keys', () => {
    const keys = array([[[1, 0], [0, 0]], [[0, 1], [1, 0]]], { dtype: 'int32' })
    expect(lexsort(keys, { axis: 0 }).toArray()).toEqual([[0n, 1n], [1n, 0n]])
    expect(lexsort(keys).toArray()).toEqual([[0n, 1n], [1n, 0n]])
    expect(lexsort(zeros([2, 0])).shape).toEqual([0])
    const z = lexsort(array([1, 2]))
    expect(z.shape).toEqual([])
    expect(z.toArray()).toBe(0n)
    expect(thrown(() => lexsort(array([1, 2]), { axis: 5 }))).toBeInstanceOf(AxisError)
  })
  it('errors', () => {
    const a = thrown(() => lexsort([]))
    expect(a).toBeInstanceOf(DTypeError)
    expect(a.message).toContain('need sequence of keys')
    expect(thrown(() => lexsort(array(5)))).toBeInstanceOf(DTypeError)
    const s = thrown(() => lexsort([array([1, 2, 3]), array([1, 2])]))
    expect(s).toBeInstanceOf(ValueError)
    expect(s.message).toContain('(3)')
    expect(s.message).toContain('(2)')
    expect(thrown(() => lexsort([array([1]), 3 as never]))).toBeInstanceOf(DTypeError)
    expect(thrown(() => lexsort(array([[1, 2]]), { axis: null as never }))).toBeInstanceOf(DTypeError)
    const ax = thrown(() => lexsort(array([[1, 2]]), { axis: 1 }))
    expect(ax).toBeInstanceOf(AxisError)
    expect(ax.message).toContain('axis 1')
    expect(thrown(() => lexsort(array([[1, 2]]), { kind: 'q' } as never))).toBeInstanceOf(ValueError)
  })
})
