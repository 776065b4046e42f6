/**
 * Unit tests of the NaN-aware reductions and statistics (ops/nan): edge cases, every error (typed class, message
 * naming the values), `out` handling, and that a rejected call writes nothing.
 */
import { describe, expect, it } from 'vitest'
import {
  AxisError, DTypeError, NDArray, ShapeError, ValueError, array, average, corrcoef, countNonzero, cov, full, nanargmax,
  nanargmin, nanmax, nanmean, nanmin, nanprod, nanstd, nansum, nanvar, ptp, zeros,
} from '@strided/core'
import { DRIVEN_OPS } from '@strided/core/internal'

const m = (): NDArray => array([[1, NaN, 3], [NaN, NaN, NaN], [-0.5, 2, NaN]])

describe('nan reductions: values', () => {
  it('registers every function as a driven op (so the Runtime has it)', () => {
    for (const n of ['nansum', 'nanprod', 'nanmean', 'nanvar', 'nanstd', 'nanmin', 'nanmax', 'nanargmin', 'nanargmax', 'countNonzero', 'ptp', 'average', 'cov', 'corrcoef']) {
      expect(DRIVEN_OPS.has(n), n).toBe(true)
    }
  })
  it('nansum / nanprod replace NaN by 0 / 1; all-NaN and empty slices give the identity', () => {
    expect(nansum(m())).toBe(5.5)
    expect(nansum(m(), { axis: 1 }).toArray()).toEqual([4, 0, 1.5])
    expect(nanprod(m(), { axis: 1 }).toArray()).toEqual([3, 1, -1])
    expect(nansum(zeros([0]))).toBe(0)
    expect(nanprod(zeros([0]))).toBe(1)
    expect(nansum(array([1, 2, 3], { dtype: 'int32' }))).toBe(6n)
    expect(nansum(array([true, true, false]))).toBe(2n)
  })
  it('nanmean / nanvar / nanstd: NaN for all-NaN slices, no warning', () => {
    expect(nanmean(m(), { axis: 1 }).toArray()).toEqual([2, NaN, 0.75])
    expect(nanvar(m(), { axis: 1 }).toArray()).toEqual([1, NaN, 1.5625])
    expect(nanstd(m(), { axis: 1, keepdims: true }).shape).toEqual([3, 1])
    expect(nanvar(array([1, NaN]), { ddof: 1 })).toBeNaN()
    expect(nanmean(zeros([0]))).toBeNaN()
    expect(nanmean(array([1, 2], { dtype: 'int8' }))).toBe(1.5)
  })
  it('nanmin / nanmax: NaN only for an all-NaN slice; ±inf kept', () => {
    expect(nanmin(m(), { axis: 1 }).toArray()).toEqual([1, NaN, -0.5])
    expect(nanmax(m(), { axis: 0 }).toArray()).toEqual([1, 2, 3])
    expect(nanmax(array([NaN, -Infinity]))).toBe(-Infinity)
    expect(nanmin(array([NaN, NaN]))).toBeNaN()
    expect(nanmax(array([3, 9, 1], { dtype: 'uint8' }))).toBe(9)
  })
  it('nanargmin / nanargmax: the first index; All-NaN slice is a ValueError', () => {
    expect(nanargmin(array([NaN, 2, 1, 1]))).toBe(2)
    expect(nanargmax(m(), { axis: 0 }).toArray()).toEqual([0n, 2n, 0n])
    expect(() => nanargmin(m(), { axis: 1 })).toThrow(ValueError)
    expect(() => nanargmax(array([NaN, NaN]))).toThrow(/All-NaN slice encountered/)
    expect(() => nanargmin(zeros([0]))).toThrow(/empty sequence/)
    expect(() => nanargmin(m(), { axis: [0, 1] })).toThrow(ValueError)
  })
  it('countNonzero: NaN counts, -0 does not; a number without axis', () => {
    expect(countNonzero(array([0, -0, NaN, 2]))).toBe(2)
    const r = countNonzero(array([[1, 0], [2, 3]]), { axis: 0 }) as NDArray
    expect(r.dtype).toBe('int64')
    expect(r.toArray()).toEqual([2n, 1n])
    expect((countNonzero(array([1, 0]), { keepdims: true }) as NDArray).shape).toEqual([1])
  })
  it('ptp wraps integers and refuses bool', () => {
    expect(ptp(array([127, -128], { dtype: 'int8' }))).toBe(-1)
    expect(ptp(array([[1, 5], [2, 9]]), { axis: 1 }).toArray()).toEqual([4, 7])
    expect(() => ptp(array([true, false]))).toThrow(DTypeError)
    expect(() => ptp(zeros([0]))).toThrow(/zero-size array/)
  })
})

describe('nan reductions: out, dtype and errors', () => {
  it('out receives the result and is returned', () => {
    const out = full([3], 7)
    expect(nanmean(m(), { axis: 1, out })).toBe(out)
    expect(out.toArray()).toEqual([2, NaN, 0.75])
    const o2 = full([3], 7)
    expect(nanmin(m(), { axis: 1, out: o2 })).toBe(o2)
    expect(o2.toArray()).toEqual([1, NaN, -0.5])
    const o3 = full([3], 7)
    nanvar(m(), { axis: 1, out: o3, ddof: 1 })
    expect(o3.toArray()).toEqual([2, NaN, 3.125])
  })
  it('a rejected call writes nothing', () => {
    const out = full([2], 7)
    for (const f of [nanmean, nanvar, nansum, nanmin, nanmax]) {
      expect(() => f(m(), { axis: 1, out } as never), f.name).toThrow(ShapeError)
      expect(out.toArray()).toEqual([7, 7])
    }
    const ro = full([3], 7)
    ro.setWriteable(false)
    expect(() => nansum(m(), { axis: 1, out: ro })).toThrow()
    expect(ro.toArray()).toEqual([7, 7, 7])
  })
  it('typed errors naming the values', () => {
    expect(() => nansum(m(), { axis: 2 })).toThrow(AxisError)
    expect(() => nansum(m(), { axis: 2 })).toThrow(/axis 2 is out of bounds for array of dimension 2/)
    expect(() => nanmean(m(), { dtype: 'int32' })).toThrow(DTypeError)
    expect(() => nanmean(m(), { dtype: 'int32' })).toThrow(/int32/)
    expect(() => nanvar(m(), { out: zeros([3], { dtype: 'int64' }), axis: 0 })).toThrow(/out must be inexact \(got int64\)/)
    expect(() => nanvar(m(), { ddof: NaN })).toThrow(/ddof must be a finite number, got NaN/)
    expect(() => nanmin(zeros([0]))).toThrow(/fmin which has no identity/)
    expect(() => nanmax(zeros([2, 0]), { axis: 1 })).toThrow(/fmax/)
    expect(() => nansum(m(), { axis: [0, 0] })).toThrow(ValueError)
    expect(() => nansum([1, 2] as never)).toThrow(DTypeError)
    expect(() => nansum(m(), { keepdims: 1 } as never)).toThrow(/keepdims must be a boolean, got 1/)
  })
})

describe('average', () => {
  it('weights along an axis, returned, keepdims', () => {
    const a = array([[1, 2, 3], [4, 5, 6]])
    expect(average(a)).toBe(3.5)
    const [avg, s] = average(a, { axis: 1, weights: [1, 0, 1], returned: true }) as [NDArray, NDArray]
    expect(avg.toArray()).toEqual([2, 5])
    expect(s.toArray()).toEqual([2, 2])
    expect((average(a, { axis: 0, keepdims: true }) as NDArray).shape).toEqual([1, 3])
    const [m2, n2] = average(a, { returned: true })
    expect([m2, n2]).toEqual([3.5, 6])
  })
  it('errors', () => {
    const a = array([[1, 2, 3], [4, 5, 6]])
    expect(() => average(a, { weights: [1, 2, 3] })).toThrow(DTypeError)
    expect(() => average(a, { axis: 0, weights: [1, 2, 3] })).toThrow(/shape of weights \(3\) must be consistent with shape of a along specified axis \(2\)/)
    expect(() => average(a, { axis: 1, weights: [1, -1, 0] })).toThrow(/weights sum to zero/)
    expect(() => average(zeros([0, 3]), { axis: 1 })).toThrow(ValueError)
    expect(() => average(a, { returned: 1 } as never)).toThrow(ValueError)
    expect(() => average(array(1), { axis: 0 })).toThrow(AxisError)
  })
})

describe('cov / corrcoef', () => {
  const x = array([[0, 1, 2], [2, 1, 0]])
  it('values', () => {
    expect(cov(x).toArray()).toEqual([[1, -1], [-1, 1]])
    expect(cov(array([1, 2, 3, 4])).ndim).toBe(0)
    expect(cov(array([1, 2, 3, 4])).get()).toBeCloseTo(5 / 3, 14)
    expect(corrcoef(x)).toBeInstanceOf(NDArray)
    expect((corrcoef(x) as NDArray).toArray()).toEqual([[1, -1], [-1, 1]])
    expect(corrcoef(array([1, 2, 3]))).toBe(1)
    expect(corrcoef(array([1, 1, 1]))).toBeNaN()
    expect(cov(zeros([0, 3])).shape).toEqual([0, 0])
    expect(cov(x, null, { rowvar: false }).shape).toEqual([3, 3])
    expect(cov(x, null, { dtype: 'float32' }).dtype).toBe('float32')
    // fact <= 0: inf / NaN entries, as NumPy (which warns)
    expect(cov(array([1, 2]), null, { ddof: 2 }).get()).toBe(Infinity)
  })
  it('errors', () => {
    expect(() => cov(zeros([2, 2, 2]))).toThrow(/m has more than 2 dimensions/)
    expect(() => cov(x, zeros([2, 2, 2]))).toThrow(/y has more than 2 dimensions/)
    expect(() => cov(x, null, { ddof: 1.5 })).toThrow(/ddof must be integer, got 1.5/)
    expect(() => cov(x, null, { fweights: [1, 1.5, 2] })).toThrow(DTypeError)
    expect(() => cov(x, null, { fweights: [1, 2] })).toThrow(ShapeError)
    expect(() => cov(x, null, { aweights: [[1, 2, 3]] })).toThrow(/multidimensional aweights/)
    expect(() => cov(x, null, { fweights: [1, -1, 2] })).toThrow(/fweights cannot be negative/)
    expect(() => cov(x, null, { aweights: [0, 0, 0] })).toThrow(/weights sum to zero/)
    expect(() => cov(x, null, { dtype: 'int32' })).toThrow(DTypeError)
    expect(() => cov(x, { rowvar: false } as never)).toThrow(/pass y as null/)
    expect(() => cov(x, zeros([1, 4]))).toThrow(ShapeError)
  })
  it('does not modify fweights (NumPy multiplies them in place by aweights)', () => {
    const fw = array([1, 2, 1])
    cov(x, null, { fweights: fw, aweights: [0.5, 0.5, 2] })
    expect(fw.toArray()).toEqual([1, 2, 1])
  })
})
