/**
 * Unit tests of advanced indexing: reads (NDArray.slice with index arrays and masks), writes (NDArray.at().set),
 * and the function forms (put, putmask, place, takeAlongAxis, putAlongAxis): NumPy's result shapes, copies vs
 * views, typed errors with their messages, nothing written on error, read-only targets, and copy-first overlap.
 */
import { describe, expect, it } from 'vitest'
import {
  DTypeError, IndexError, Indexer, NDArray, OverflowError, ReadOnlyError, ShapeError, ValueError, arange, array,
  broadcastTo, fromBuffer, getItem, place, put, putAlongAxis, putmask, setItem, sharesMemory, takeAlongAxis, zeros, random, greater,
} from '@strided/core'

const grid = (): NDArray => arange(24, { dtype: 'int32' }).reshape(2, 3, 4)

function thrown(f: () => unknown): Error {
  try { f() } catch (e) { return e as Error }
  throw new Error('expected a throw')
}

describe('reads: NumPy result shapes', () => {
  it('a single integer array on one axis gathers (a copy)', () => {
    const a = arange(6, { dtype: 'int32' }).reshape(2, 3)
    const r = a.slice([1, 0, 1])
    expect(r.toArray()).toEqual([[3, 4, 5], [0, 1, 2], [3, 4, 5]])
    expect(r.flags.ownData).toBe(true)
    expect(sharesMemory(r, a)).toBe(false)
    expect(a.slice(':', [2, -1, 0]).toArray()).toEqual([[2, 2, 0], [5, 5, 3]])
  })
  it('adjacent advanced indices are replaced in place, separated ones go first', () => {
    const b = grid()
    expect(b.slice(':', [0, 1], [1, 2]).shape).toEqual([2, 2])
    expect(b.slice([0, 1], ':', [1, 2]).shape).toEqual([2, 3])
    expect(b.slice(0, ':', [0, 1]).shape).toEqual([2, 3]) // an integer counts as an advanced index
    expect(b.slice(':', [0], '...', [0]).shape).toEqual([1, 2]) // even a 0-length ellipsis separates
    expect(b.slice(':', [0], null, [0]).shape).toEqual([1, 2, 1])
    expect(b.slice(':', [[0], [2]], [1, 2, 3]).shape).toEqual([2, 2, 3])
  })
  it('index arrays broadcast together; negative indices wrap', () => {
    const b = grid()
    expect(b.slice([[0], [1]], [-1, 0], 3).toArray()).toEqual([[11, 3], [23, 15]])
  })
  it('boolean masks: nested JS booleans and bool NDArrays, over one or several axes', () => {
    const a = arange(6, { dtype: 'float64' }).reshape(2, 3)
    expect(a.slice([[true, false, true], [false, true, true]]).toArray()).toEqual([0, 2, 4, 5])
    const m = array([true, false, true], { dtype: 'bool' })
    expect(a.slice(':', m).toArray()).toEqual([[0, 2], [3, 5]])
    expect(a.slice([false, true]).toArray()).toEqual([[3, 4, 5]])
    expect(a.slice([false, true], '...').shape).toEqual([1, 3])
  })
  it('0-d booleans add an axis of length 1 or 0', () => {
    const a = arange(3)
    expect(a.slice(true).shape).toEqual([1, 3])
    expect(a.slice(false).shape).toEqual([0, 3])
    expect(grid().slice('...', true).shape).toEqual([2, 3, 4, 1])
    expect(a.slice(array(true, { dtype: 'bool' })).shape).toEqual([1, 3])
  })
  it('integer NDArrays of every integer dtype, int64/uint64 (bigint) included; a 0-d one acts as an integer but copies', () => {
    const a = arange(5, { dtype: 'int16' })
    for (const dt of ['int8', 'uint8', 'int16', 'uint16', 'int32', 'uint32', 'int64', 'uint64'] as const) {
      expect(a.slice(array([4, 0], { dtype: dt })).toArray()).toEqual([4, 0])
    }
    expect(a.slice([4n, -1n]).toArray()).toEqual([4, 4])
    const r = a.slice(array(2, { dtype: 'int64' }))
    expect(r.shape).toEqual([])
    expect(r.flags.ownData).toBe(true)
  })
  it('basic items alone still give views (the string grammar too)', () => {
    const b = grid()
    const v = b.slice('1, ::-1')
    expect(v.flags.ownData).toBe(false)
    expect(sharesMemory(v, b)).toBe(true)
  })
  it('getItem and at().get() are the same read', () => {
    const b = grid()
    expect(getItem(b, [[1], ':', 0]).toArray()).toEqual(b.slice([1], ':', 0).toArray())
    expect(b.at([1], ':', 0).get().toArray()).toEqual([[12, 16, 20]])
  })
  it('empty index arrays and empty arrays', () => {
    expect(arange(3).slice([]).shape).toEqual([0])
    expect(zeros([0, 3]).slice(':', [1, 2]).shape).toEqual([0, 2])
  })
})

describe('reads: errors with NumPy messages', () => {
  const a = arange(6).reshape(2, 3)
  it('out of range', () => {
    const e = thrown(() => a.slice(':', [5]))
    expect(e).toBeInstanceOf(IndexError)
    expect(e.message).toBe('index 5 is out of bounds for axis 1 with size 3')
    expect(thrown(() => arange(3).slice([0, -4])).message).toBe('index -4 is out of bounds for axis 0 with size 3')
    // checked even when another axis is empty
    expect(thrown(() => zeros([0, 3]).slice(':', [5])).message).toBe('index 5 is out of bounds for axis 1 with size 3')
  })
  it('index arrays that do not broadcast', () => {
    const e = thrown(() => a.slice([0, 1], [0, 1, 2]))
    expect(e).toBeInstanceOf(IndexError)
    expect(e.message).toBe('shape mismatch: indexing arrays could not be broadcast together with shapes (2,) (3,) ')
  })
  it('a mask of the wrong shape', () => {
    expect(thrown(() => a.slice([true, false, true])).message).toBe(
      'boolean index did not match indexed array along axis 0; size of axis is 2 but size of corresponding boolean axis is 3',
    )
  })
  it('non-integer index arrays, too many indices, bad items', () => {
    expect(thrown(() => a.slice(array([0.5])))).toBeInstanceOf(IndexError)
    expect(thrown(() => a.slice(array([0.5]))).message).toMatch(/arrays used as indices must be of integer \(or boolean\) type/)
    expect(thrown(() => a.slice([1.5]))).toBeInstanceOf(IndexError)
    expect(thrown(() => a.slice([0], [0], [0])).message).toMatch(/too many indices for array: array is 2-dimensional, but 3 were indexed/)
    expect(thrown(() => a.slice([0], new Map() as never))).toBeInstanceOf(IndexError)
    expect(thrown(() => a.slice([[0], [0, 1]] as never)).message).toMatch(/inhomogeneous/)
    expect(thrown(() => a.slice(array([2 ** 63], { dtype: 'uint64' }))).message).toBe('index -9223372036854775808 is out of bounds for axis 0 with size 2')
  })
})

describe('writes: a.at(...).set(value)', () => {
  it('a.at(mask).set(0) is a[mask] = 0 and returns a', () => {
    const a = arange(6, { dtype: 'int32' })
    const mask = array([true, false, true, false, true, false], { dtype: 'bool' })
    expect(a.at(mask).set(0)).toBe(a)
    expect(a.toArray()).toEqual([0, 1, 0, 3, 0, 5])
    expect(a.at(a.slice(':3')).set(9).toArray()).toEqual([9, 9, 0, 3, 0, 5]) // a[a[:3]] = 9: the indices [0, 1, 0] are read first
  })
  it('broadcast values, nested JS values, NDArray values; the separated-advanced shape rule', () => {
    const b = zeros([2, 3, 4], { dtype: 'int32' })
    b.at(0, ':', [1, 3]).set([[1, 2, 3], [4, 5, 6]]) // indexed shape (2, 3)
    expect(b.slice(0).toArray()).toEqual([[0, 1, 0, 4], [0, 2, 0, 5], [0, 3, 0, 6]])
    b.at([1], '...').set(array([7, 8, 9, 10], { dtype: 'int32' }))
    expect(b.slice(1, 2).toArray()).toEqual([7, 8, 9, 10])
  })
  it('repeated indices: the last assignment wins', () => {
    const a = zeros([3], { dtype: 'int32' })
    a.at([0, 0, 1, 0]).set([7, 8, 9, 10])
    expect(a.toArray()).toEqual([10, 9, 0])
  })
  it('scalars follow the Python-scalar rules (NEP 50), arrays cast unsafely', () => {
    const a = zeros([3], { dtype: 'uint8' })
    expect(thrown(() => a.at([0]).set(300))).toBeInstanceOf(OverflowError)
    expect(thrown(() => a.at([0]).set(-1))).toBeInstanceOf(OverflowError)
    expect(thrown(() => a.at([0]).set(NaN))).toBeInstanceOf(ValueError)
    expect(thrown(() => a.at([0, 1]).set([1, 300]))).toBeInstanceOf(OverflowError)
    a.at([0, 1]).set(array([300, -1], { dtype: 'int32' }))
    expect(a.toArray()).toEqual([44, 255, 0])
    a.at([2]).set(2.75)
    expect(a.toArray()).toEqual([44, 255, 2])
    const big = zeros([2], { dtype: 'uint64' })
    big.at([1]).set(2n ** 64n - 1n)
    expect(big.toArray()).toEqual([0n, 2n ** 64n - 1n])
  })
  it('basic indices through at() write into the view', () => {
    const a = zeros([2, 3])
    a.at('1, ::2').set([5, 6])
    expect(a.toArray()).toEqual([[0, 0, 0], [5, 0, 6]])
    expect(setItem(a, [0, 0], 1)).toBe(a)
    expect(a.get(0, 0)).toBe(1)
  })
  it('a value that shares memory with the target is read completely first (NumPy copy-first)', () => {
    const a = arange(6, { dtype: 'int32' })
    a.at([1, 2, 3, 4, 5]).set(a.slice(':5'))
    expect(a.toArray()).toEqual([0, 0, 1, 2, 3, 4])
    const b = arange(6, { dtype: 'int32' })
    b.at([5, 4, 3, 2, 1, 0]).set(b)
    expect(b.toArray()).toEqual([5, 4, 3, 2, 1, 0])
    const c = arange(6, { dtype: 'int32' })
    c.at(array([true, true, true, true, true, false], { dtype: 'bool' })).set(c.slice('1:'))
    expect(c.toArray()).toEqual([1, 2, 3, 4, 5, 5])
    // a mask over every axis copies first too (NumPy's boolean-assignment loop reads the value as it writes, so
    // NumPy gives [[11, 9, 10, 11], [9, 5, 6, 7], [0, 1, 2, 11]] here: a documented difference)
    const d = arange(12, { dtype: 'uint8' }).reshape(3, 4).slice('::-1')
    d.at([[true, false, true, false], [true, false, false, false], [false, false, false, true]]).set(d.slice('0, ::-1'))
    expect(d.toArray()).toEqual([[11, 9, 10, 11], [9, 5, 6, 7], [0, 1, 2, 8]])
  })
  it('index NDArrays may be any view (strided, reversed, broadcast)', () => {
    const a = arange(10, { dtype: 'int32' })
    expect(a.slice(arange(6, { dtype: 'int64' }).slice('::-2')).toArray()).toEqual([5, 3, 1])
    expect(a.slice(broadcastTo(array([2], { dtype: 'uint8' }), [2, 2])).toArray()).toEqual([[2, 2], [2, 2]])
    const m = array([true, false, false, false, false, false, false, false, false, false], { dtype: 'bool' }).slice('::-1')
    expect(a.slice(m, '...').toArray()).toEqual([9])
  })
})

describe('writes: errors, nothing written', () => {
  const unchanged = (a: NDArray, f: () => unknown, cls: new (...args: never[]) => Error, msg?: RegExp | string): void => {
    const before = a.toArray()
    const e = thrown(f)
    expect(e).toBeInstanceOf(cls)
    if (typeof msg === 'string') expect(e.message).toBe(msg)
    else if (msg) expect(e.message).toMatch(msg)
    expect(a.toArray()).toEqual(before)
  }
  it('read-only targets throw ReadOnlyError', () => {
    const r = broadcastTo(arange(3), [2, 3])
    unchanged(r, () => r.at([0]).set(1), ReadOnlyError, /assignment destination is read-only/)
    const v = arange(4)
    v.flags.writeable = false
    unchanged(v, () => v.at([true, true, false, false]).set(1), ReadOnlyError)
    unchanged(v, () => put(v, [0], 1), ReadOnlyError)
  })
  it('bad indices throw before anything is written (the good indices before them included)', () => {
    const a = arange(5, { dtype: 'int32' })
    unchanged(a, () => a.at([0, 1, 7]).set(9), IndexError, 'index 7 is out of bounds for axis 0 with size 5')
    unchanged(a, () => a.at([0, 1, 7]).set([1, 2, 3]), IndexError)
    unchanged(a, () => put(a, [0, 1, 9], [5]), IndexError, 'index 9 is out of bounds for axis 0 with size 5')
  })
  it('values that do not broadcast', () => {
    const a = zeros([3], { dtype: 'uint8' })
    unchanged(a, () => a.at([0, 1]).set([1, 2, 3]), ShapeError, 'shape mismatch: value array of shape (3,) could not be broadcast to indexing result of shape (2,)')
    unchanged(a, () => a.at('0:2').set([1, 2, 3]), ShapeError, 'could not broadcast input array from shape (3,) into shape (2,)')
    unchanged(a, () => a.at([true, false, true]).set([[1, 2]]), DTypeError, /requires a 0 or 1-dimensional input, input has 2 dimensions/)
    unchanged(a, () => a.at([true, true, true]).set([1, 2]), ValueError, /cannot assign 2 input values to the 3 output values/)
    unchanged(a, () => a.at(0).set(array([1, 2])), ValueError, 'setting an array element with a sequence.')
  })
  it('the indexer type is exported and holds its items', () => {
    const a = arange(3)
    const ix = a.at([0], null)
    expect(ix).toBeInstanceOf(Indexer)
    expect(ix.target).toBe(a)
    expect(ix.items).toEqual([[0], null])
  })
})

describe('function forms', () => {
  it('put: flat C-order indices on any layout, cyclic values, modes', () => {
    const a = arange(6, { dtype: 'int32' }).reshape(2, 3).T // not contiguous
    put(a, [0, 1, 5], [9, 8])
    expect(a.toArray()).toEqual([[9, 8], [1, 4], [2, 9]])
    const w = zeros([4], { dtype: 'int32' })
    put(w, [5, -1], [1, 2], { mode: 'wrap' })
    expect(w.toArray()).toEqual([0, 1, 0, 2])
    put(w, [-9, 99], [3, 4], { mode: 'clip' })
    expect(w.toArray()).toEqual([3, 1, 0, 4])
    expect(thrown(() => put(zeros([0]), [0], 1)).message).toBe('cannot replace elements of an empty array')
    expect(thrown(() => put(w, [0], 1, { mode: 'bad' as never }))).toBeInstanceOf(ValueError)
    expect(put(w, [0], [])).toBe(w)
  })
  it('putmask and place: cyclic values, size checks, safe casting of arrays', () => {
    const a = arange(5, { dtype: 'uint8' })
    putmask(a, [true, false, true, false, true], [9, 8])
    expect(a.toArray()).toEqual([9, 1, 9, 3, 9])
    const b = arange(5, { dtype: 'uint8' })
    place(b, [true, false, true, false, true], [9, 8])
    expect(b.toArray()).toEqual([9, 1, 8, 3, 9])
    expect(thrown(() => putmask(b, [true], [1])).message).toBe('putmask: mask and data must be the same size')
    expect(thrown(() => place(b, [true, true, true, true, true], [])).message).toBe('Cannot insert from an empty array!')
    expect(thrown(() => place(b, [true, true, true, true, true], array([1.5])))).toBeInstanceOf(DTypeError)
    expect(thrown(() => putmask(b, [true, true, true, true, true], [300]))).toBeInstanceOf(OverflowError)
  })
  it('takeAlongAxis / putAlongAxis', () => {
    const a = array([[10, 30, 20], [60, 40, 50]], { dtype: 'int32' })
    const idx = array([[0, 2], [1, 0]], { dtype: 'int64' })
    expect(takeAlongAxis(a, idx, { axis: 1 }).toArray()).toEqual([[10, 20], [40, 60]])
    expect(takeAlongAxis(a, array([[1, 0, 1]], { dtype: 'int32' }), { axis: 0 }).toArray()).toEqual([[60, 30, 50]])
    expect(takeAlongAxis(a, array([5, 0], { dtype: 'int8' }), { axis: null }).toArray()).toEqual([50, 10])
    expect(takeAlongAxis(a, [[2], [0]]).toArray()).toEqual([[20], [60]]) // default axis -1
    putAlongAxis(a, idx, 0, { axis: 1 })
    expect(a.toArray()).toEqual([[0, 30, 0], [0, 0, 50]])
    expect(thrown(() => takeAlongAxis(a, array([0.5]), { axis: null }))).toBeInstanceOf(IndexError)
    expect(thrown(() => takeAlongAxis(a, array([0], { dtype: 'int32' }), { axis: 1 })).message).toBe('`indices` and `arr` must have the same number of dimensions')
    expect(thrown(() => putAlongAxis(a.T, array([0], { dtype: 'int32' }), 1, { axis: null }))).toBeInstanceOf(ReadOnlyError)
  })
})

describe('the dense-mask fast path (a mask over every axis of a C-ordered array)', () => {
  it('reads and writes what the general path does on a strided copy of the same array', () => {
    const a = random.uniform([37, 29], { seed: 7 })
    const mask = greater(a, 0.5)
    const strided = a.T.copy().T // same values, F-ordered: the general path
    expect(a.flags.cContiguous && !strided.flags.cContiguous).toBe(true)
    expect(a.slice(mask).toArray()).toEqual(strided.slice(mask).toArray())
    const v = random.uniform([mask.toFlatArray().filter(Boolean).length], { seed: 8 })
    const b = a.copy(), c = strided.copy('F')
    b.at(mask).set(v); c.at(mask).set(v)
    expect(b.toArray()).toEqual(c.toArray())
    b.at(mask).set(-1); c.at(mask).set(-1)
    expect(b.toArray()).toEqual(c.toArray())
    // a view with an offset (a C-contiguous block inside a larger array)
    const big = random.uniform([10, 37, 29], { seed: 9 })
    const inner = big.slice(3)
    expect(inner.offset).toBeGreaterThan(0)
    expect(inner.slice(mask).toArray()).toEqual(inner.T.copy().T.slice(mask).toArray())
  })
})

describe('the dense-mask loops move raw bits of every element width', () => {
  const dtypes = ['bool', 'int8', 'uint8', 'int16', 'uint16', 'float16', 'int32', 'uint32', 'float32', 'int64', 'uint64', 'float64'] as const
  it('a[mask] and a[mask] = v equal an element loop for every dtype, with blocks longer than one gather block', () => {
    const n = 9000
    const m = greater(random.uniform([n], { seed: 21 }), 0.4)
    const mv = m.toFlatArray() as boolean[]
    for (const dt of dtypes) {
      const a = random.uniform([n], { seed: 22, low: 0, high: 100 }).astype(dt)
      const av = a.toFlatArray()
      expect(a.slice(m).toFlatArray()).toEqual(av.filter((_, i) => mv[i]))
      const b = a.copy()
      const v = dt === 'bool' ? true : dt.endsWith('64') && dt.includes('int') ? 7n : 7
      b.at(m).set(v as never)
      expect(b.toFlatArray()).toEqual(av.map((x, i) => (mv[i] ? v : x)))
    }
  })
  it('values whose bits look like NaN (int64 -1, uint32 max) and NaN payloads survive the float64 / int32 moves', () => {
    const m = array([true, false, true, true, false])
    const i = array([-1n, 2n, -3n, -1n, 5n], { dtype: 'int64' })
    expect(i.slice(m).toFlatArray()).toEqual([-1n, -3n, -1n])
    const j = zeros([5], { dtype: 'int64' })
    j.at(m).set(-1n)
    expect(j.toFlatArray()).toEqual([-1n, 0n, -1n, -1n, 0n])
    const u = zeros([5], { dtype: 'uint32' })
    u.at(m).set(4294967295)
    expect(u.toFlatArray()).toEqual([4294967295, 0, 4294967295, 4294967295, 0])
    const f = zeros([5])
    const w = new Uint32Array(f.buffer, f.byteOffset, 10)
    w[1] = 0x7ff80000; w[0] = 5 // a NaN with payload 5 at index 0
    const g = f.slice(array([true, true, false, false, false]))
    const gw = new Uint32Array(g.buffer, g.byteOffset, 4)
    expect([gw[0], gw[1]]).toEqual([5, 0x7ff80000])
  })
  it('a bool mask whose bytes are not 0/1 (a raw view) counts every nonzero byte as true', () => {
    const bytes = new SharedArrayBuffer(4)
    new Uint8Array(bytes).set([0, 2, 255, 1])
    const raw = fromBuffer(bytes, { dtype: 'bool' })
    const a = array([10, 20, 30, 40])
    expect(a.slice(raw).toFlatArray()).toEqual([20, 30, 40])
    a.at(raw).set(0)
    expect(a.toFlatArray()).toEqual([10, 0, 0, 0])
  })
})
