/** Unit tests of the second ufunc batch: options, errors, signed NaNs, where= edge cases, round, isclose & co. */
import { describe, expect, it } from 'vitest'
import * as core from '@strided/core'
import {
  array, arange, zeros, full, DTypeError, OverlapError, ShapeError, ValueError, NDArray,
  isnan, signbit, copysign, round, where as npWhere, add, sqrt, leftShift, rightShift, invert, positive, conjugate,
  reciprocal, arcsin, arctan2, floatPower, hypot, nextafter, remainder, mod, isclose, allclose, arrayEqual, arrayEquiv,
  less, heaviside, deg2rad, rad2deg, fmod,
} from '@strided/core'
import { UFUNC_NAMES } from '@strided/core/internal'

const negNaN = (): number => { const f = new Float64Array(1); new BigUint64Array(f.buffer)[0] = 0xfff8000000000000n; return f[0]! }

describe('new ufuncs: type resolution and errors', () => {
  it('isnan/isinf/isfinite of integers and bools are constant bool arrays; dtype= accepts only bool', () => {
    const i = array([1, -2, 0], { dtype: 'int8' })
    expect(isnan(i).dtype).toBe('bool')
    expect(isnan(i).tolist()).toEqual([false, false, false])
    expect(core.isfinite(array([1n], { dtype: 'uint64' })).tolist()).toEqual([true])
    expect(isnan(array([1, NaN]), { dtype: 'bool' }).tolist()).toEqual([false, true])
    expect(() => isnan(array([1]), { dtype: 'float64' })).toThrow(DTypeError)
  })
  it('signbit and copysign read the sign bit of -0 and of NaN', () => {
    const x = array([0, -0, 1, -1, NaN, negNaN()])
    expect(signbit(x).tolist()).toEqual([false, true, false, true, false, true])
    expect(copysign(array([2, 2, 2]), array([-0, negNaN(), NaN])).tolist()).toEqual([-2, -2, 2])
    expect(signbit(array([-3, 4], { dtype: 'int16' })).tolist()).toEqual([true, false])
  })
  it('float-only functions of bool/int8/uint8 compute in float16 (as NumPy) unless a float dtype is given', () => {
    expect(arcsin(array([1], { dtype: 'int8' })).dtype).toBe('float16')
    expect(arcsin(array([1], { dtype: 'int8' })).tolist()).toEqual([1.5703125])
    expect(arctan2(array([1], { dtype: 'int8' }), array([1], { dtype: 'uint8' })).dtype).toBe('float16')
    expect(arcsin(array([1], { dtype: 'int8' }), { dtype: 'float64' }).tolist()).toEqual([Math.PI / 2])
    expect(arctan2(array([1], { dtype: 'int8' }), array([1], { dtype: 'uint16' })).dtype).toBe('float32')
    expect(arctan2(array([true]), -1).dtype).toBe('float64') // a Python int with a bool array is int64
    expect(() => arcsin(array([1]), { dtype: 'int32' })).toThrow(DTypeError)
  })
  it('shifts: integers only, NumPy results for counts outside [0, bits)', () => {
    expect(leftShift(array([1, -1, 5], { dtype: 'int8' }), array([8, 7, -1], { dtype: 'int8' })).tolist()).toEqual([0, -128, 0])
    expect(rightShift(array([-5, 5, -1], { dtype: 'int8' }), array([8, 9, -1], { dtype: 'int8' })).tolist()).toEqual([-1, 0, -1])
    expect(leftShift(array([1n], { dtype: 'uint64' }), array([64n], { dtype: 'uint64' })).tolist()).toEqual([0n])
    expect(rightShift(array([-8n], { dtype: 'int64' }), 70).tolist()).toEqual([-1n])
    expect(leftShift(array([true, false]), array([true, true])).dtype).toBe('int8')
    expect(() => leftShift(array([1.5]), 1)).toThrow(DTypeError)
    expect(() => leftShift(array([1n], { dtype: 'int64' }), array([1n], { dtype: 'uint64' }))).toThrow(DTypeError)
  })
  it('invert of bool is logical not; reciprocal of ints is integer; positive/conjugate copy', () => {
    expect(invert(array([true, false])).tolist()).toEqual([false, true])
    expect(invert(array([1], { dtype: 'uint8' })).tolist()).toEqual([254])
    expect(() => invert(array([1.5]))).toThrow(DTypeError)
    expect(reciprocal(array([0, 1, 2, -1, -2], { dtype: 'int8' })).tolist()).toEqual([0, 1, 0, -1, 0])
    expect(reciprocal(array([0, 1, -1], { dtype: 'int32' })).tolist()).toEqual([-2147483648, 1, -1])
    expect(reciprocal(array([true, false])).dtype).toBe('int8')
    const a = array([1, -0, 3])
    const p = positive(a)
    expect(p).not.toBe(a)
    expect(Object.is(p.get(1), -0)).toBe(true)
    expect(() => positive(array([true]))).toThrow(DTypeError)
    expect(conjugate(array([true])).dtype).toBe('int8')
  })
  it('floatPower is always float64; remainder is mod', () => {
    expect(floatPower(array([2], { dtype: 'float32' }), 2).dtype).toBe('float64')
    expect(floatPower(array([true]), array([true])).tolist()).toEqual([1])
    expect(() => floatPower(array([2]), 2, { dtype: 'float32' })).toThrow(DTypeError)
    const x = array([-5, 5, -7.5])
    expect(remainder(x, 3).tolist()).toEqual(mod(x, 3).tolist())
    expect(fmod(x, 3).tolist()).toEqual([-2, 2, -1.5])
    expect(UFUNC_NAMES).toContain('remainder')
    expect(UFUNC_NAMES).not.toContain('roundMul')
  })
  it('heaviside, hypot, nextafter, deg2rad and rad2deg special values', () => {
    expect(heaviside(array([NaN, 0, -0, -1, 2]), 0.5).tolist()).toEqual([NaN, 0.5, 0.5, 0, 1])
    expect(hypot(array([Infinity, NaN, 3]), array([NaN, -Infinity, 4])).tolist()).toEqual([Infinity, Infinity, 5])
    expect(nextafter(array([0, 1, -0]), array([-1, 2, 0])).tolist()).toEqual([-5e-324, 1.0000000000000002, 0])
    expect(deg2rad(array([180])).tolist()).toEqual([Math.PI])
    expect(rad2deg(array([Math.PI], { dtype: 'float32' })).dtype).toBe('float32')
  })
})

describe('round', () => {
  it('half to even, negative decimals, NumPy multiply-rint-divide steps', () => {
    expect(round(array([0.5, 1.5, 2.5, -0.5, -2.5])).tolist()).toEqual([0, 2, 2, -0, -2])
    expect(round(array([2.675, 1.005]), { decimals: 2 }).tolist()).toEqual([2.68, 1])
    expect(round(array([1234.5, -1250]), { decimals: -2 }).tolist()).toEqual([1200, -1200])
    expect(round(array([127, -128, 15, 25, -15], { dtype: 'int8' }), { decimals: -1 }).tolist()).toEqual([-126, 126, 20, 20, -20])
    expect(round(array([2147483646], { dtype: 'int32' }), { decimals: -1 }).tolist()).toEqual([-2147483648])
    const i = array([1, 2], { dtype: 'int16' })
    const r = round(i, { decimals: 3 })
    expect(r.dtype).toBe('int16')
    expect(r).not.toBe(i)
  })
  it('errors: bool input, non-integer decimals, dtype option, decimals on another op', () => {
    expect(() => round(array([true]))).toThrow(DTypeError)
    expect(() => round(array([1.5]), { decimals: 1.5 })).toThrow(DTypeError)
    expect(() => round(array([1.5]), { dtype: 'float32' } as never)).toThrow(ValueError)
    expect(() => add(array([1]), 1, { decimals: 2 } as never)).toThrow(ValueError)
  })
  it("into an out of the other float dtype: NumPy's later steps run in out's precision", () => {
    const o = zeros([2])
    round(array([2.675, 1.1], { dtype: 'float32' }), { decimals: 2, out: o })
    expect(o.tolist()).toEqual([2.68, 1.1])
    const o32 = zeros([2], { dtype: 'float32' })
    round(array([1234, 1250], { dtype: 'int32' }), { decimals: -2, out: o32 })
    expect(o32.tolist()).toEqual([1200, 1200])
  })
  it('with out and where', () => {
    const out = full([3], 7)
    round(array([1.26, 2.5, 3.74]), { decimals: 1, out, where: array([true, false, true]) })
    expect(out.tolist()).toEqual([1.3, 7, 3.7])
    // as NumPy: integers with decimals < 0 compute in float64, which an integer out cannot take (same_kind)
    const o2 = full([2], 9, { dtype: 'int8' })
    expect(() => round(array([14, 26], { dtype: 'int8' }), { decimals: -1, out: o2 })).toThrow(DTypeError)
    const o3 = full([2], 9)
    round(array([14, 26], { dtype: 'int8' }), { decimals: -1, out: o3, where: array([false, true]) })
    expect(o3.tolist()).toEqual([9, 30])
    const o4 = full([2], 9, { dtype: 'int16' })
    round(array([14, 26], { dtype: 'int8' }), { out: o4, where: array([false, true]) })
    expect(o4.tolist()).toEqual([9, 26])
  })
})

describe('where= on every ufunc', () => {
  it('keeps out where false; a fresh result is zero there; the mask widens the shape', () => {
    const out = full([3], -1)
    expect(sqrt(array([4, 9, 16]), { out, where: array([true, false, true]) }).tolist()).toEqual([2, -1, 4])
    expect(sqrt(array([4, 9, 16]), { where: array([true, false, true]) }).tolist()).toEqual([2, 0, 4])
    expect(add(array([1, 1, 1]), 1, { where: array([[true, false, true], [false, true, true]]) }).tolist()).toEqual([[2, 0, 2], [0, 2, 2]])
    expect(less(array([1, 5]), 3, { where: array([false, true]) }).tolist()).toEqual([false, false])
  })
  it('scalar masks: true is every element, false none', () => {
    const out = full([2], 5)
    add(array([1, 2]), 1, { out, where: false })
    expect(out.tolist()).toEqual([5, 5])
    add(array([1, 2]), 1, { out, where: true })
    expect(out.tolist()).toEqual([2, 3])
    expect(add(array([1, 2]), 1, { where: 0 }).tolist()).toEqual([0, 0])
  })
  it('masked casts into out, comparisons with out-of-range Python ints, np.where itself', () => {
    const o = full([3], 100, { dtype: 'int32' })
    add(array([1, 2, 3], { dtype: 'int8' }), array([1, 1, 1], { dtype: 'int8' }), { out: o, where: array([true, false, true]) })
    expect(o.tolist()).toEqual([2, 100, 4])
    const b = full([2], 1, { dtype: 'bool' })
    less(array([1, 2], { dtype: 'int8' }), 1000, { out: b, where: array([false, true]) })
    expect(b.tolist()).toEqual([true, true])
    expect(npWhere(array([true, false]), 1, 2, { where: array([false, true]) } as never).tolist()).toEqual([0, 2])
  })
  it('errors: non-bool masks, shapes that do not broadcast, a mask that aliases out', () => {
    expect(() => sqrt(array([1, 2]), { where: array([1, 0], { dtype: 'int8' }) })).toThrow(DTypeError)
    expect(() => sqrt(array([1, 2]), { where: array([true, false, true]) })).toThrow(ShapeError)
    expect(() => sqrt(array([1, 2]), { where: 'yes' as never })).toThrow(DTypeError)
    const m = zeros([4], { dtype: 'bool' })
    expect(() => invert(m.slice('1:'), { out: m.slice(':3'), where: m.slice('1:') })).toThrow(OverlapError)
    const mm = array([true, false, true, true])
    const out = mm.slice(':3')
    invert(array([true, true, true]), { out, where: mm.slice('1:'), overlap: 'copy' })
    expect(out.tolist()).toEqual([true, false, false])
  })
})

describe('isclose, allclose, arrayEqual, arrayEquiv', () => {
  it('NumPy semantics: asymmetric tolerance, infinities, NaN with equalNan, integer inputs', () => {
    expect(isclose(array([1, 1.00001, Infinity, NaN]), array([1, 1, Infinity, NaN])).tolist()).toEqual([true, true, true, false])
    expect(isclose(array([NaN]), NaN, { equalNan: true }).tolist()).toEqual([true])
    expect(isclose(array([1e-9]), 0).tolist()).toEqual([true])
    expect(isclose(array([1e-9]), 0, { atol: 0 }).tolist()).toEqual([false])
    expect(isclose(array([-128], { dtype: 'int8' }), array([-128], { dtype: 'int8' })).tolist()).toEqual([true])
    expect(isclose(3, 3).shape).toEqual([])
    expect(allclose(arange(5), arange(5).astype('float32'))).toBe(true)
    expect(allclose(array([1, 2]), array([1, 2.1]))).toBe(false)
    expect(() => isclose(array([1, 2]), array([1, 2, 3]))).toThrow(ShapeError)
  })
  it('arrayEqual compares shapes then elements; arrayEquiv broadcasts', () => {
    expect(arrayEqual(array([1, NaN]), array([1, NaN]))).toBe(false)
    expect(arrayEqual(array([1, NaN]), array([1, NaN]), { equalNan: true })).toBe(true)
    expect(arrayEqual(array([1, 2]), array([[1, 2]]))).toBe(false)
    expect(arrayEqual(array([1, 2], { dtype: 'int8' }), array([1, 2]))).toBe(true)
    expect(arrayEqual(3, 3)).toBe(true)
    expect(arrayEquiv(array([1, 2]), array([[1, 2], [1, 2]]))).toBe(true)
    expect(arrayEquiv(array([1, 2]), array([[1, 2], [1, 3]]))).toBe(false)
    expect(arrayEquiv(array([1, 2]), array([1, 2, 3]))).toBe(false)
    expect(arrayEqual(zeros([0]), zeros([0]))).toBe(true)
    const a = array([NaN])
    expect(arrayEqual(a, a, { equalNan: true })).toBe(true)
    expect(a).toBeInstanceOf(NDArray)
  })
})
