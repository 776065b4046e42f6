/**
 * Unit tests of partition, argpartition, median, quantile, percentile and the nan- forms: NumPy's edge cases
 * (0-d, empty, all-NaN, infinities, q = 0 and 1, result dtypes and scalar-vs-array results), every error (its
 * class and a message naming the values) and that a rejected call writes nothing to `out`.
 */
import { describe, expect, it } from 'vitest'
import {
  AxisError, DTypeError, IndexError, NDArray, ShapeError, ValueError, argpartition, array, full, median, nanmedian,
  nanpercentile, nanquantile, partition, percentile, quantile, zeros, QUANTILE_METHODS,
} from '@strided/core'

const f = (): NDArray => array([4, 1, 3, 2])

function throwsWith(call: () => unknown, cls: new (...a: never[]) => Error, ...parts: string[]): void {
  let err: unknown
  try { call() } catch (e) { err = e }
  expect(err).toBeInstanceOf(cls)
  for (const p of parts) expect((err as Error).message).toContain(p)
}

describe('median', () => {
  it('odd, even, ints give float64, float32 stays float32', () => {
    expect(median(array([3, 1, 2]))).toBe(2)
    expect(median(f())).toBe(2.5)
    const r = median(array([1, 2, 3, 4], { dtype: 'int8' }), { axis: 0 }) as NDArray
    expect(r.dtype).toBe('float64')
    expect(r.ndim).toBe(0)
    expect((median(array([1, 2], { dtype: 'float32' }), { axis: 0 }) as NDArray).dtype).toBe('float32')
    expect(median(array([true, false, true, true]))).toBe(1)
    expect(median(array([9n, 1n, 2n ** 62n], { dtype: 'int64' }))).toBe(9)
  })
  it('NaN propagates; nanmedian skips it; all-NaN and empty give NaN', () => {
    expect(median(array([1, NaN, 2]))).toBeNaN()
    expect(nanmedian(array([1, NaN, 2]))).toBe(1.5)
    expect(nanmedian(array([NaN, NaN]))).toBeNaN()
    expect(median(array([]))).toBeNaN()
    expect((median(zeros([3, 0]), { axis: 1 }) as NDArray).toFlatArray()).toEqual([NaN, NaN, NaN])
  })
  it('infinities: (inf + -inf) / 2 is NaN as in NumPy', () => {
    expect(median(array([Infinity, -Infinity]))).toBeNaN()
    expect(median(array([Infinity, 1, Infinity]))).toBe(Infinity)
  })
  it('axis lists, keepdims, out; the input is never written, also with overwriteInput', () => {
    const a = array([[[5, 1], [2, 8]], [[3, 3], [0, 9]]])
    const before = a.toFlatArray()
    const r = median(a, { axis: [0, 2], keepdims: true, overwriteInput: true }) as NDArray
    expect([...r.shape]).toEqual([1, 2, 1])
    expect(r.toFlatArray()).toEqual([3, 5])
    expect(a.toFlatArray()).toEqual(before)
    const out = zeros([2], { dtype: 'float32' })
    expect(median(a, { axis: [0, 2], out })).toBe(out)
    expect(out.toFlatArray()).toEqual([3, 5])
  })
})

describe('quantile and percentile', () => {
  it('q = 0 and 1 are the min and max for every method', () => {
    const a = array([7, -2, 5, 0, 3])
    for (const method of QUANTILE_METHODS) {
      expect(quantile(a, 0, { method }), method).toBe(-2)
      expect(quantile(a, 1, { method }), method).toBe(7)
    }
  })
  it("q's shape is prepended; percentile is quantile of q / 100", () => {
    const a = array([[1, 2, 3, 4], [10, 20, 30, 40]])
    const r = quantile(a, [[0, 0.5], [0.25, 1]], { axis: 1 }) as NDArray
    expect([...r.shape]).toEqual([2, 2, 2])
    const p = percentile(a, [[0, 50], [25, 100]], { axis: 1 }) as NDArray
    expect(p.toFlatArray()).toEqual(r.toFlatArray())
    expect(quantile(a, array([0.5]), { axis: 0 }) instanceof NDArray).toBe(true)
  })
  it('dtypes: discrete methods keep the input dtype; float32 stays float32 only with a scalar q', () => {
    const i8 = array([5, 1, 3], { dtype: 'int8' })
    expect((quantile(i8, [0.5], { method: 'lower' }) as NDArray).dtype).toBe('int8')
    expect((quantile(i8, [0.5]) as NDArray).dtype).toBe('float64')
    const f32 = array([1, 5, 2, 8], { dtype: 'float32' })
    expect((quantile(f32, 0.3, { axis: 0 }) as NDArray).dtype).toBe('float32')
    expect((quantile(f32, [0.3]) as NDArray).dtype).toBe('float64')
    expect(quantile(array([2n, 9n], { dtype: 'uint64' }), 1, { method: 'higher' })).toBe(9n)
    expect(quantile(array([true, false, true]), 0.5, { method: 'nearest' })).toBe(true)
  })
  it('NaN propagates to every q; the nan- forms skip it', () => {
    const a = array([1, NaN, 3, 2])
    expect((quantile(a, [0, 1]) as NDArray).toFlatArray()).toEqual([NaN, NaN])
    expect((nanquantile(a, [0, 0.5, 1]) as NDArray).toFlatArray()).toEqual([1, 2, 3])
    expect(nanpercentile(array([NaN, NaN]), 50)).toBeNaN()
    // an empty input: NumPy's nanmean of it (no q axes)
    const e = nanquantile(zeros([3, 0]), [0.5, 0.7], { axis: 1 }) as NDArray
    expect([...e.shape]).toEqual([3])
  })
  it('lerp with infinities gives NaN where NumPy does (inf·0, inf - inf)', () => {
    expect((quantile(array([1, Infinity]), [0, 0.75, 1]) as NDArray).toFlatArray()).toEqual([NaN, NaN, NaN])
    expect(quantile(array([1, Infinity]), 0, { method: 'lower' })).toBe(1)
  })
  it('int wrap-around of b - a is NumPy\'s (int8)', () => {
    // 100 - (-100) wraps to -56 in int8 before the float multiply, as NumPy computes it
    expect(quantile(array([-100, 100], { dtype: 'int8' }), 0.25)).toBe(-100 + -56 * 0.25)
  })
})

describe('partition and argpartition', () => {
  it('the kth element is in place with smaller before and larger after; NaNs last', () => {
    const a = array([3, NaN, 1, 4, 1, 5, 9, 2, 6])
    const p = partition(a, 4).toFlatArray() as number[]
    expect(p[4]).toBe(4)
    expect(p.slice(0, 4).every((v) => v <= 4)).toBe(true)
    expect(p.slice(5).every((v) => !(v < 4))).toBe(true)
    expect(p[8]).toBeNaN()
    const idx = argpartition(a, [0, -1]).toFlatArray().map(Number)
    expect(a.get(idx[0]!)).toBe(1)
    expect(a.get(idx[8]!)).toBeNaN()
  })
  it('axis null flattens; 0-d works only with axis null; empty arrays pass any kth', () => {
    expect([...partition(array([[3, 1], [2, 0]]), 0, { axis: null }).shape]).toEqual([4])
    expect(partition(array(3), 0, { axis: null }).toFlatArray()).toEqual([3])
    throwsWith(() => partition(array(3), 0), AxisError, 'axis -1', 'dimension 0')
    expect([...partition(zeros([3, 0]), 0).shape]).toEqual([3, 0])
    expect(argpartition(zeros([0, 3]), 1).dtype).toBe('int64')
  })
  it('int64 and uint64 (bigint) lanes', () => {
    const a = array([2n ** 63n - 1n, -5n, 7n, -(2n ** 63n)], { dtype: 'int64' })
    const p = partition(a, [0, 3]).toFlatArray()
    expect(p[0]).toBe(-(2n ** 63n))
    expect(p[3]).toBe(2n ** 63n - 1n)
    const u = partition(array([2n ** 64n - 1n, 0n, 5n], { dtype: 'uint64' }), 1).toFlatArray()
    expect(u).toEqual([0n, 5n, 2n ** 64n - 1n])
  })
  it('errors name the values', () => {
    throwsWith(() => partition(f(), 4), ValueError, 'kth(=4) out of bounds (4)')
    throwsWith(() => partition(f(), -5), ValueError, 'kth(=-1) out of bounds (4)')
    throwsWith(() => argpartition(f(), [1, 7]), ValueError, 'kth(=7)')
    throwsWith(() => partition(f(), 1.5), DTypeError, 'Partition index must be integer', '1.5')
    throwsWith(() => partition(f(), []), DTypeError, 'Partition index must be integer')
    throwsWith(() => partition(f(), 1, { kind: 'quicksort' as never }), ValueError, "'introselect'", 'quicksort')
    throwsWith(() => partition(f(), 1, { axis: 2 }), AxisError, 'axis 2')
    throwsWith(() => partition(array([1, 2], { dtype: 'float16' }), 2), ValueError, 'kth(=2) out of bounds (2)')
  })
  it('float16 is selected by value (not by its bits) and stays float16', () => {
    const r = partition(array([3, -1, NaN, -2, 0.5], { dtype: 'float16' }), 1)
    expect(r.dtype).toBe('float16')
    expect(r.toFlatArray().slice(0, 2)).toEqual([-2, -1])
  })
})

describe('quantile-like errors: typed, naming the values, nothing written', () => {
  const cases: [string, () => unknown, new (...a: never[]) => Error, string[]][] = [
    ['q > 1', () => quantile(f(), 1.5, { out: outArr }), ValueError, ['[0, 1]', '1.5']],
    ['q < 0 in a list', () => quantile(f(), [0.5, -0.1]), ValueError, ['[0, 1]', '-0.1']],
    ['q NaN', () => nanquantile(f(), NaN), ValueError, ['NaN']],
    ['percentile > 100', () => percentile(f(), 101, { out: outArr }), ValueError, ['[0, 100]', '101']],
    ['nanpercentile < 0', () => nanpercentile(f(), -1), ValueError, ['[0, 100]', '-1']],
    ['q 3-d', () => quantile(f(), [[[0.5]]]), ValueError, ['q must be a scalar or 1d', '(1, 1, 1)']],
    ['q float32 NDArray', () => quantile(f(), array([0.5], { dtype: 'float32' })), DTypeError, ['float32']],
    ['unknown method', () => quantile(f(), 0.5, { method: 'foo' as never, out: outArr }), ValueError, ['"foo"', 'is not a valid method', 'linear']],
    ['axis out of range', () => median(zeros([2, 3]), { axis: 2 }), AxisError, ['axis 2', 'dimension 2']],
    ['negative axis out of range', () => quantile(zeros([2, 3]), 0.5, { axis: -3 }), AxisError, ['axis -3']],
    ['repeated axis', () => median(zeros([2, 3]), { axis: [0, 0] }), ValueError, ['repeated axis', '(0, 0)']],
    ['0-d with axis 0', () => median(array(5), { axis: 0 }), AxisError, ['axis 0', 'dimension 0']],
    ['bool with an interpolating method', () => quantile(array([true, false]), 0.5), DTypeError, ['boolean subtract', 'linear']],
    ['empty lane (quantile)', () => quantile(array([]), 0.5), IndexError, ['size 0']],
    ['weights with another method', () => quantile(f(), 0.5, { weights: f() }), ValueError, ["Only method 'inverted_cdf' supports weights", 'linear']],
    ['weights (not supported)', () => quantile(f(), 0.5, { weights: f(), method: 'inverted_cdf' }), ValueError, ['weights are not supported']],
    ['out of the wrong shape', () => median(zeros([2, 3]), { axis: 0, out: full([2], 7) }), ShapeError, ['(2)', '(3)']],
    ['out read-only', () => median(zeros([2, 3]), { axis: 0, out: readOnly() }), Error, ['read']],
    ['unknown option', () => nanmedian(f(), { axes: 0 } as never), ValueError, ['nanmedian', '"axes"']],
    ['a not an NDArray', () => median([1, 2] as never), DTypeError, ['NDArray']],
  ]
  let outArr = full([], 7)
  function readOnly(): NDArray { const o = full([3], 7); o.setWriteable(false); return o }
  it.each(cases)('%s', (_, call, cls, parts) => {
    outArr = full([], 7)
    throwsWith(call, cls, ...parts)
    expect(outArr.toFlatArray()).toEqual([7])
  })
})
