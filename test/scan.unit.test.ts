/**
 * Unit checks of the scans: NumPy 2.4's dtype rules (cumsum and ufunc.accumulate both widen add/multiply of
 * bool and narrow integers to int64/uint64; maximum/minimum/bitwise keep the dtype; logical ops give bool),
 * axis handling (null flattens, 0-d inputs), out= (shape check, casts, in place), float32 rounding at every
 * step, 64-bit wrapping, NaN handling of the nan* variants, signed zeros of maximum/minimum, and every error
 * with its class and values; a rejected call writes nothing.
 */
import { describe, expect, it } from 'vitest'
import * as S from '@strided/core'
import { array, arange, zeros, full, NDArray, type DTypeName } from '@strided/core'

const ALL: DTypeName[] = ['bool', 'int8', 'uint8', 'int16', 'uint16', 'int32', 'uint32', 'int64', 'uint64', 'float32', 'float64']
const vals = (a: NDArray): unknown[] => a.toFlatArray()

describe('scan dtypes (NumPy 2.4)', () => {
  const WIDE: Record<string, DTypeName> = { bool: 'int64', int8: 'int64', int16: 'int64', int32: 'int64', int64: 'int64', uint8: 'uint64', uint16: 'uint64', uint32: 'uint64', uint64: 'uint64', float32: 'float32', float64: 'float64' }
  it.each(ALL)('%s', (dt) => {
    const a = zeros([3], { dtype: dt })
    for (const f of [S.cumsum, S.cumprod, S.nancumsum, S.nancumprod]) expect(f(a).dtype).toBe(WIDE[dt])
    expect(S.accumulate('add', a).dtype).toBe(WIDE[dt])
    expect(S.accumulate('multiply', a).dtype).toBe(WIDE[dt])
    expect(S.accumulate('maximum', a).dtype).toBe(dt)
    expect(S.accumulate('minimum', a).dtype).toBe(dt)
    expect(S.accumulate('logicalAnd', a).dtype).toBe('bool')
    expect(S.accumulate('logicalOr', a).dtype).toBe('bool')
    if (dt.startsWith('float')) expect(() => S.accumulate('bitwiseXor', a)).toThrow(S.DTypeError)
    else expect(S.accumulate('bitwiseXor', a).dtype).toBe(dt)
  })
  it('dtype= sets the loop; out= promotes with the input, then casts', () => {
    expect(vals(S.cumsum(array([100, 100, 100], { dtype: 'int8' }), { dtype: 'int8' }))).toEqual([100, -56, 44])
    expect(vals(S.cumsum(array([true, true, false]), { dtype: 'bool' }))).toEqual([true, true, true])
    expect(vals(S.cumsum(array([1.5, 2.5]), { dtype: 'int64' }))).toEqual([1n, 3n])
    // int64 with a uint64 out loops in float64 (np.result_type), as NumPy
    const o = zeros([2], { dtype: 'uint64' })
    S.cumsum(array([2n ** 53n + 1n, 0n], { dtype: 'int64' }), { out: o })
    expect(vals(o)).toEqual([2n ** 53n, 2n ** 53n])
    const f = zeros([3], { dtype: 'float32' })
    expect(S.cumsum(array([0.1, 0.2, 0.3]), { out: f })).toBe(f)
    expect(vals(f)).toEqual([0.1, 0.1 + 0.2, 0.1 + 0.2 + 0.3].map(Math.fround))
  })
})

describe('scan values', () => {
  it('axis null flattens in C order; axis picks the lanes', () => {
    const a = arange(6).reshape([2, 3])
    expect(vals(S.cumsum(a))).toEqual([0, 1, 3, 6, 10, 15])
    expect(vals(S.cumsum(a.T))).toEqual([0, 3, 4, 8, 10, 15])
    expect(vals(S.cumsum(a, { axis: 0 }))).toEqual([0, 1, 2, 3, 5, 7])
    expect(vals(S.cumsum(a, { axis: -1 }))).toEqual([0, 1, 3, 3, 7, 12])
    expect(S.cumsum(a, { axis: 0 }).shape).toEqual([2, 3])
  })
  it('0-d and empty inputs', () => {
    expect(vals(S.cumsum(array(5)))).toEqual([5])
    expect(S.cumsum(array(5), { axis: 0 }).shape).toEqual([1])
    expect(S.cumsum(zeros([2, 0, 3]), { axis: 1 }).shape).toEqual([2, 0, 3])
    expect(S.cumsum(zeros([2, 0, 3])).shape).toEqual([0])
    expect(S.accumulate('add', zeros([0])).shape).toEqual([0])
  })
  it('float32 rounds at every step, as np.add.accumulate', () => {
    const a = array([16777216, 1, 1, 1], { dtype: 'float32' })
    expect(vals(S.cumsum(a))).toEqual([16777216, 16777216, 16777216, 16777216])
    expect(vals(S.cumsum(a, { dtype: 'float64' }))).toEqual([16777216, 16777217, 16777218, 16777219])
  })
  it('64-bit integers wrap', () => {
    expect(vals(S.cumsum(array([2n ** 63n - 1n, 1n, 1n], { dtype: 'int64' })))).toEqual([2n ** 63n - 1n, -(2n ** 63n), -(2n ** 63n) + 1n])
    expect(vals(S.cumsum(array([2n ** 64n - 1n, 2n], { dtype: 'uint64' })))).toEqual([2n ** 64n - 1n, 1n])
    expect(vals(S.cumprod(array([2n ** 40n, 2n ** 30n], { dtype: 'int64' })))).toEqual([2n ** 40n, 0n])
    expect(vals(S.cumsum(array([-5, 3, -1], { dtype: 'int32' })))).toEqual([-5n, -2n, -3n])
  })
  it('nancumsum / nancumprod: NaN counts as 0 / 1', () => {
    expect(vals(S.nancumsum(array([NaN, 1, NaN, 2])))).toEqual([0, 1, 1, 3])
    expect(vals(S.nancumprod(array([NaN, 2, NaN, 3])))).toEqual([1, 2, 2, 6])
    expect(vals(S.cumsum(array([1, NaN, 2])))).toEqual([1, NaN, NaN])
    expect(vals(S.nancumsum(array([1, 2], { dtype: 'int8' })))).toEqual([1n, 3n])
  })
  it('maximum/minimum: NaN propagates, the later of equal values wins (signed zeros as NumPy)', () => {
    expect(vals(S.accumulate('maximum', array([-0, 0, -0]))).map((v) => Object.is(v, -0))).toEqual([true, false, true])
    expect(vals(S.accumulate('minimum', array([0, -0, 0]))).map((v) => Object.is(v, -0))).toEqual([false, true, false])
    expect(vals(S.accumulate('maximum', array([1, NaN, 3])))).toEqual([1, NaN, NaN])
    expect(vals(S.accumulate('logicalAnd', array([2, 0.5, 0, 3])))).toEqual([true, true, false, false])
    expect(vals(S.accumulate('bitwiseXor', array([1, 3, 7], { dtype: 'uint8' })))).toEqual([1, 2, 5])
  })
  it('in place: out may be the input', () => {
    const a = arange(5)
    expect(S.cumsum(a, { out: a })).toBe(a)
    expect(vals(a)).toEqual([0, 1, 3, 6, 10])
    const b = arange(6).reshape([2, 3])
    S.accumulate('add', b, { axis: 1, out: b })
    expect(vals(b)).toEqual([0, 1, 3, 3, 7, 12])
  })
})

describe('scan errors (class and values; nothing written)', () => {
  const a = arange(6).reshape([2, 3])
  it('axis out of range', () => {
    expect(() => S.cumsum(a, { axis: 2 })).toThrow(S.AxisError)
    expect(() => S.cumsum(a, { axis: 2 })).toThrow(/axis 2 .*dimension 2/)
    expect(() => S.cumsum(array(5), { axis: 1 })).toThrow(S.AxisError)
    expect(() => S.accumulate('add', a, { axis: -3 })).toThrow(S.AxisError)
  })
  it('accumulate: unknown ufunc, 0-d input, several axes', () => {
    expect(() => S.accumulate('subtract' as S.AccumulateUfunc, a)).toThrow(S.ValueError)
    expect(() => S.accumulate('subtract' as S.AccumulateUfunc, a)).toThrow(/"subtract".*add, multiply, maximum/)
    expect(() => S.accumulate('add', array(5))).toThrow(S.DTypeError)
    expect(() => S.accumulate('add', array(5))).toThrow(/scalar/)
    expect(() => S.accumulate('add', a, { axis: null as unknown as number })).toThrow(S.ValueError)
    expect(() => S.accumulate('add', a, { axis: [0, 1] as unknown as number })).toThrow(/multiple axes/)
  })
  it('no loop for the dtype', () => {
    expect(() => S.accumulate('bitwiseAnd', array([1.5]))).toThrow(/bitwise_and.*float64/)
    expect(() => S.accumulate('logicalOr', array([1]), { dtype: 'int64' })).toThrow(S.DTypeError)
    expect(() => S.cumsum([1, 2] as unknown as NDArray)).toThrow(S.DTypeError)
    expect(() => S.accumulate('bitwiseOr', array([1], { dtype: 'float16' }))).toThrow(/bitwise_or.*float16/)
  })
  it('a float16 loop rounds every partial to half (NumPy: 1 + 2048 is 2048)', () => {
    const r = S.cumsum(array([1, 2048, 1]), { dtype: 'float16' })
    expect(r.dtype).toBe('float16')
    expect(r.toFlatArray()).toEqual([1, 2048, 2048])
    expect(S.nancumsum(array([NaN, 2048, 1, NaN, 3], { dtype: 'float16' })).toFlatArray()).toEqual([0, 2048, 2048, 2048, 2052])
  })
  it('out of the wrong shape, or read-only: ValueError / ReadOnlyError, out untouched', () => {
    const o = full([3, 2], 7)
    expect(() => S.cumsum(a, { axis: 0, out: o })).toThrow(S.ValueError)
    expect(() => S.cumsum(a, { axis: 0, out: o })).toThrow(/\(3, 2\).*\(2, 3\)/)
    expect(() => S.cumsum(a, { out: full([6, 1], 7) })).toThrow(S.ValueError)
    expect(vals(o)).toEqual([7, 7, 7, 7, 7, 7])
    const ro = full([2, 3], 7)
    ro.flags.writeable = false
    expect(() => S.cumsum(a, { axis: 1, out: ro })).toThrow(S.ReadOnlyError)
    expect(vals(ro)).toEqual([7, 7, 7, 7, 7, 7])
  })
  it('unknown options', () => {
    expect(() => S.cumsum(a, { axes: 0 } as never)).toThrow(/cumsum: unknown option "axes"/)
    expect(() => S.accumulate('add', a, { keepdims: true } as never)).toThrow(S.ValueError)
  })
})
