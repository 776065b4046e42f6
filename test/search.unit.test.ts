/**
 * Unit tests of the searching, counting and set functions: options, result conventions (int64 indices as
 * bigint, NumPy 2's unique outputs), layouts, and errors (typed class and message content).
 */
import { describe, expect, it } from 'vitest'
import {
  AxisError, DTypeError, IndexError, NDArray, ReadOnlyError, ShapeError, ValueError, arange, argwhere, array, bincount,
  broadcastTo, choose, extract, flatnonzero, histogram, isin, nonzero, searchsorted, select, unique, zeros,
} from '@strided/core'
import * as S from '@strided/core'

const list = (a: NDArray): unknown => a.tolist()

function throwsWith(fn: () => unknown, cls: new (...args: never[]) => Error, ...parts: (string | RegExp)[]): void {
  let err: unknown
  try { fn() } catch (e) { err = e }
  expect(err).toBeInstanceOf(cls)
  for (const p of parts) expect((err as Error).message).toMatch(p)
}

describe('nonzero family', () => {
  it('nonzero gives one int64 array per axis; NaN is non-zero, -0 is zero', () => {
    const r = nonzero(array([[0, NaN, -0], [2, 0, 1]]))
    expect(r.map((x) => x.dtype)).toEqual(['int64', 'int64'])
    expect(r.map(list)).toEqual([[0n, 1n, 1n], [1n, 0n, 2n]])
  })
  it('nonzero of a 0-d array throws as NumPy 2', () => {
    throwsWith(() => nonzero(array(1)), ValueError, /0d arrays/, /atleast_1d/)
  })
  it('flatnonzero and argwhere of views; argwhere of 0-d', () => {
    const a = arange(12).reshape([3, 4]).slice('::-1, 1::2')
    expect(list(flatnonzero(a))).toEqual([0n, 1n, 2n, 3n, 4n, 5n])
    expect(argwhere(array(3)).shape).toEqual([1, 0])
    expect(argwhere(array(0)).shape).toEqual([0, 0])
    expect(list(argwhere(array([[0, 1], [1, 0]])))).toEqual([[0n, 1n], [1n, 0n]])
  })
  it('extract picks flat C-order elements and names the bad index', () => {
    expect(list(extract(array([[1, 0], [0, 1]]), arange(4).reshape([2, 2]).T))).toEqual([0, 3])
    throwsWith(() => extract(array([1, 0, 1]), array([5, 6])), IndexError, /index 2/, /size 2/)
  })
})

describe('choose and select', () => {
  it('choose broadcasts, promotes the choices and honours the modes', () => {
    const a = array([0, 1, 2, 5, -1], { dtype: 'int8' })
    const cs = [arange(5, { dtype: 'int16' }), array([10], { dtype: 'float32' }), 7]
    throwsWith(() => choose(a, cs), ValueError, /invalid entry in choice array/, /index 5/)
    expect(choose(a, cs, { mode: 'wrap' }).dtype).toBe('float32')
    expect(list(choose(a, cs, { mode: 'wrap' }))).toEqual([0, 10, 7, 7, 7])
    expect(list(choose(a, cs, { mode: 'clip' }))).toEqual([0, 10, 7, 7, 4])
  })
  it('choose takes one array as the sequence of its sub-arrays along axis 0', () => {
    const cs = arange(6).reshape([3, 2])
    expect(list(choose(array([2, 0], { dtype: 'int8' }), cs))).toEqual([4, 1])
    throwsWith(() => choose(array([0], { dtype: 'int8' }), array(1)), ValueError, /0-d/)
  })
  it('choose writes into out (cast to its dtype) and checks it', () => {
    const out = zeros([3], { dtype: 'int32' })
    expect(choose(array([1, 0, 1], { dtype: 'int32' }), [array([1.5, 2.5, 3.5]), array([9.75, 8, 7])], { out })).toBe(out)
    expect(list(out)).toEqual([9, 2, 7])
    throwsWith(() => choose(array([0], { dtype: 'int32' }), [array([1])], { out: zeros([2]) }), DTypeError, /invalid shape/, /\(2,\)/)
    throwsWith(() => choose(array([0], { dtype: 'int32' }), [array([1])], { out: broadcastTo(zeros([1]), [1]) }), ReadOnlyError)
  })
  it('choose rejects float and uint64 indices, empty choices, bad modes and unbroadcastable shapes', () => {
    throwsWith(() => choose(array([0.0]), [array([1])]), DTypeError, /float64/, /safe/)
    throwsWith(() => choose(array([0n], { dtype: 'uint64' }), [array([1])]), DTypeError, /uint64/)
    throwsWith(() => choose(array([0], { dtype: 'int8' }), []), ValueError, /0-length/)
    throwsWith(() => choose(array([0], { dtype: 'int8' }), [array([1])], { mode: 'nope' as 'wrap' }), ValueError, /clipmode/, /nope/)
    throwsWith(() => choose(array([0, 0, 0], { dtype: 'int8' }), [array([1, 2])]), ShapeError, /broadcast/)
  })
  it('select takes the first true condition, else the default (weak scalars)', () => {
    const c1 = array([true, false, false])
    const c2 = array([true, true, false])
    const r = select([c1, c2], [array([1, 2, 3], { dtype: 'int8' }), array([4, 5, 6], { dtype: 'int8' })], { default: -1 })
    expect(r.dtype).toBe('int8')
    expect(list(r)).toEqual([1, 5, -1])
    expect(select([c1], [array([1, 2, 3], { dtype: 'int8' })], { default: 0.5 }).dtype).toBe('float64')
    throwsWith(() => select([array([1, 0])], [array([1, 2])]), DTypeError, /invalid entry 0 in condlist/)
    throwsWith(() => select([], []), ValueError, /empty condition list/)
    throwsWith(() => select([c1], []), ValueError, /same length/)
  })
})

describe('searchsorted', () => {
  it('left and right, NaNs last, scalar in → number out', () => {
    const a = array([1, 2, 2, 3, NaN])
    expect(searchsorted(a, 2)).toBe(1)
    expect(searchsorted(a, 2, { side: 'right' })).toBe(3)
    expect(searchsorted(a, NaN)).toBe(4)
    expect(searchsorted(a, NaN, { side: 'right' })).toBe(5)
    const r = searchsorted(a, array([[0, 2.5], [Infinity, -0]]))
    expect(r.dtype).toBe('int64')
    expect(r.shape).toEqual([2, 2])
    expect(list(r)).toEqual([[0n, 3n], [4n, 0n]])
  })
  it('sorter, and 64-bit values compared as NumPy does', () => {
    const u = array([30, 10, 20])
    expect(searchsorted(u, 25, { sorter: array([1, 2, 0], { dtype: 'int64' }) })).toBe(2)
    const big = array([2n ** 53n + 1n], { dtype: 'int64' })
    expect(searchsorted(big, 2n ** 53n, { side: 'right' })).toBe(0)
    expect(searchsorted(big, 2 ** 53 + 0.5, { side: 'right' })).toBe(1)
  })
  it('errors', () => {
    throwsWith(() => searchsorted(zeros([2, 2]), 1), ValueError, /1-d/, /\(2, 2\)/)
    throwsWith(() => searchsorted(array([1, 2]), 1, { side: 'mid' as 'left' }), ValueError, /left' or 'right/, /mid/)
    throwsWith(() => searchsorted(array([1, 2]), 1, { sorter: array([0]) }), DTypeError, /integers/)
    throwsWith(() => searchsorted(array([1, 2]), 1, { sorter: array([0], { dtype: 'int64' }) }), ValueError, /sorter.size/, /1 elements, a 2/)
    throwsWith(() => searchsorted(array([1, 2]), 1, { sorter: array([0, 5], { dtype: 'int64' }) }), ValueError, /Sorter index out of range/)
  })
})

describe('unique', () => {
  it('returns the array alone without extra outputs', () => {
    const r = unique(array([3, 1, 3, NaN, NaN, -0, 0]))
    expect(r).toBeInstanceOf(NDArray)
    expect((r as NDArray).toFlatArray()).toEqual([-0, 1, 3, NaN])
  })
  it('named outputs; inverse keeps the input shape; first occurrences', () => {
    const a = array([[2, 1, 2], [1, 1, 5]], { dtype: 'int16' })
    const r = unique(a, { returnIndex: true, returnInverse: true, returnCounts: true })
    expect(r).not.toBeInstanceOf(NDArray)
    const { values, indices, inverse, counts } = r as Exclude<typeof r, NDArray>
    expect(list(values)).toEqual([1, 2, 5])
    expect(list(indices!)).toEqual([1n, 0n, 5n])
    expect(inverse!.shape).toEqual([2, 3])
    expect(list(inverse!)).toEqual([[1n, 0n, 1n], [0n, 0n, 2n]])
    expect(list(counts!)).toEqual([3n, 2n, 1n])
    expect(Object.keys(unique(a, { returnCounts: true }))).toEqual(['values', 'counts'])
  })
  it('equalNan=false keeps every NaN; 0-d inverse is 0-d', () => {
    const r = unique(array([NaN, 1, NaN]), { equalNan: false, returnCounts: true }) as { values: NDArray; counts: NDArray }
    expect(r.values.toFlatArray()).toEqual([1, NaN, NaN])
    const z = unique(array(4), { returnInverse: true }) as { values: NDArray; inverse: NDArray }
    expect(z.values.shape).toEqual([1])
    expect(z.inverse.shape).toEqual([])
  })
  it('axis: unique rows and columns, 1-d inverse, AxisError', () => {
    const a = array([[1, 2], [0, 5], [1, 2]], { dtype: 'uint64' })
    const r = unique(a, { axis: 0, returnInverse: true }) as { values: NDArray; inverse: NDArray }
    expect(list(r.values)).toEqual([[0n, 5n], [1n, 2n]])
    expect(list(r.inverse)).toEqual([1n, 0n, 1n])
    expect((unique(a, { axis: 1 }) as NDArray).shape).toEqual([3, 2])
    throwsWith(() => unique(a, { axis: 2 }), AxisError, /axis 2/)
  })
})

describe('isin', () => {
  it('elementwise membership with promotion, -0 == 0, NaN never', () => {
    const r = isin(array([[0, -0, NaN], [1.5, 2, 3]]), array([0, NaN, 2], { dtype: 'float32' }))
    expect(r.dtype).toBe('bool')
    expect(list(r)).toEqual([[true, true, false], [false, true, false]])
    expect(list(isin(array([1, 2, 3], { dtype: 'int8' }), array([2, 300], { dtype: 'int16' }), { invert: true }))).toEqual([true, false, true])
    expect(isin(array(2), [1, 2]).shape).toEqual([])
  })
})

describe('bincount', () => {
  it('counts, weights, minlength', () => {
    const c = bincount(array([0, 1, 1, 3], { dtype: 'uint8' }))
    expect(c.dtype).toBe('int64')
    expect(list(c)).toEqual([1n, 2n, 0n, 1n])
    expect(list(bincount(array([0, 1, 1], { dtype: 'int32' }), { weights: array([0.5, 1, 2]), minlength: 4 }))).toEqual([0.5, 3, 0, 0])
    expect(list(bincount(zeros([0], { dtype: 'int64' }), { minlength: 2 }))).toEqual([0n, 0n])
  })
  it('errors name the operand and the value', () => {
    throwsWith(() => bincount(array([1, -2], { dtype: 'int8' })), ValueError, /no negative elements/, /-2/)
    throwsWith(() => bincount(array([1.0])), DTypeError, /float64/, /safe/)
    throwsWith(() => bincount(zeros([1, 1], { dtype: 'int8' })), ValueError, /too deep/)
    throwsWith(() => bincount(array(1n)), ValueError, /too small depth/)
    throwsWith(() => bincount(array([1n]), { minlength: -1 }), ValueError, /minlength/, /-1/)
    throwsWith(() => bincount(array([1n]), { weights: array([1, 2]) }), ValueError, /same length/)
  })
})

describe('histogram', () => {
  it('counts with NumPy edges; the last bin includes its right edge', () => {
    const [h, e] = histogram(array([0, 1, 2, 3, 4]), { bins: 4 })
    expect(list(h)).toEqual([1n, 1n, 1n, 2n])
    expect(list(e)).toEqual([0, 1, 2, 3, 4])
    const [h2] = histogram(array([0, 1, 2, 3]), { bins: [0, 1, 2, 3] })
    expect(list(h2)).toEqual([1n, 1n, 2n])
  })
  it('range, density, weights; float32 edges for float32 data', () => {
    const [h, e] = histogram(array([0.5, 1.5, 9], { dtype: 'float32' }), { bins: 2, range: [0, 2], density: true })
    expect(e.dtype).toBe('float32')
    expect(list(h)).toEqual([0.5, 0.5])
    const [hw] = histogram(array([1, 2, 2]), { bins: 2, weights: array([1, 2, 3], { dtype: 'int16' }) })
    expect(hw.dtype).toBe('int16')
    expect(list(hw)).toEqual([1, 5])
  })
  it('errors', () => {
    throwsWith(() => histogram(array([1, NaN])), ValueError, /autodetected range/, /not finite/)
    throwsWith(() => histogram(array([1]), { bins: 0 }), ValueError, /must be positive/)
    throwsWith(() => histogram(array([1]), { bins: 2.5 }), DTypeError, /must be an integer/)
    throwsWith(() => histogram(array([1]), { range: [2, 1] }), ValueError, /max must be larger than min/)
    throwsWith(() => histogram(array([1]), { range: [0, Infinity] }), ValueError, /supplied range/, /Infinity/)
    throwsWith(() => histogram(array([1]), { bins: [2, 1] }), ValueError, /increase monotonically/)
    throwsWith(() => histogram(array([1]), { bins: zeros([2, 2]) }), ValueError, /1d/)
    throwsWith(() => histogram(array([1, 2]), { weights: array([1]) }), ValueError, /same shape/)
    throwsWith(() => histogram(array([1, 1 + 2 ** -52]), { bins: 10 }), ValueError, /Too many bins/)
  })
})

describe('where(cond): the one-argument form', () => {
  it('is nonzero(cond), and x without y is a ValueError', () => {
    const c = S.array([[true, false, true], [false, true, false]])
    const got = S.where(c)
    expect(got.map((g) => g.toArray())).toEqual(S.nonzero(c).map((g) => g.toArray()))
    expect(got.map((g) => g.toArray())).toEqual([[0n, 0n, 1n], [0n, 2n, 1n]])
    expect(() => (S.where as (...a: unknown[]) => unknown)(c, 1)).toThrow('where: either both or neither of x and y should be given')
    expect(() => S.where(S.array(true))).toThrow(S.ValueError)
    expect(S.where(c, 1, 0).toArray()).toEqual([[1, 0, 1], [0, 1, 0]])
  })
})
