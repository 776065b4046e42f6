/** NumPy 2 promotion: the full result_type table, true division, can_cast, NEP 50 weak scalars, bool exceptions. */
import { describe, expect, it } from 'vitest'
import {
  DTYPE_NAMES, NDArray, add, arange, canCast, divide, equal, floorDivide, less, logicalAnd, mod, multiply, power, resultType, subtract, zeros, type DTypeName,
} from '@strided/core'
import { PROMOTION_TABLE, promoteOperands, scalarKind, trueDivideType } from '@strided/core/internal'
import { loadFixture } from './ufunc.helpers.js'

interface Tables { dtypes: DTypeName[]; resultType: string[][]; divide: string[][]; addDtype: string[][]; safe: boolean[][]; sameKind: boolean[][] }
const T = loadFixture<Tables>('promotion.json')
const arr = (dt: DTypeName): NDArray => zeros([2], { dtype: dt })

describe('promotion tables (scripts/gen_promotion_fixtures.py, numpy 2.4.6)', () => {
  it('result_type for all 12×12 pairs', () => {
    expect(T.dtypes).toEqual([...DTYPE_NAMES])
    T.dtypes.forEach((a, i) => T.dtypes.forEach((b, j) => {
      expect(resultType(a, b), `${a} ${b}`).toBe(T.resultType[i]![j])
      expect(PROMOTION_TABLE[a][b]).toBe(T.resultType[i]![j])
    }))
  })
  it('true division dtype for all pairs, and the dtype divide() returns', () => {
    T.dtypes.forEach((a, i) => T.dtypes.forEach((b, j) => {
      expect(trueDivideType(a, b), `${a}/${b}`).toBe(T.divide[i]![j])
      expect(divide(arr(a), arr(b)).dtype).toBe(T.divide[i]![j])
    }))
  })
  it('add() result dtype for all pairs', () => {
    T.dtypes.forEach((a, i) => T.dtypes.forEach((b, j) => expect(add(arr(a), arr(b)).dtype, `${a}+${b}`).toBe(T.addDtype[i]![j])))
  })
  it("can_cast 'safe' and 'same_kind'", () => {
    T.dtypes.forEach((a, i) => T.dtypes.forEach((b, j) => {
      expect(canCast(a, b, 'safe'), `${a}->${b} safe`).toBe(T.safe[i]![j])
      expect(canCast(a, b, 'same_kind'), `${a}->${b} same_kind`).toBe(T.sameKind[i]![j])
      expect(canCast(a, b, 'unsafe')).toBe(true)
      expect(canCast(a, b, 'no')).toBe(a === b)
    }))
  })
})

describe('NEP 50 weak JS scalars', () => {
  it('classifies JS scalars as Python bool / int / float', () => {
    expect(scalarKind(true)).toBe('bool')
    expect(scalarKind(3)).toBe('int')
    expect(scalarKind(-7)).toBe('int')
    expect(scalarKind(3n)).toBe('int')
    expect(scalarKind(2n ** 70n)).toBe('int')
    expect(scalarKind(2.5)).toBe('float')
    expect(scalarKind(-0)).toBe('float')
    expect(scalarKind(NaN)).toBe('float')
    expect(scalarKind(Infinity)).toBe('float')
    expect(scalarKind(2 ** 53)).toBe('float') // not an exact integer: use a bigint for huge Python ints
  })
  it('Python int keeps an int array dtype; bool array + int → int64; float with int → float64; float32 stays', () => {
    expect(promoteOperands([{ dtype: 'int8' }, 127])).toBe('int8')
    expect(promoteOperands([{ dtype: 'uint8' }, 3n])).toBe('uint8')
    expect(promoteOperands([{ dtype: 'bool' }, 1])).toBe('int64')
    expect(promoteOperands([{ dtype: 'int16' }, 2.5])).toBe('float64')
    expect(promoteOperands([{ dtype: 'bool' }, 2.5])).toBe('float64')
    expect(promoteOperands([{ dtype: 'float32' }, 2.5])).toBe('float32')
    expect(promoteOperands([{ dtype: 'float32' }, 300])).toBe('float32')
    expect(promoteOperands([{ dtype: 'int8' }, true])).toBe('int8')
    expect(promoteOperands([{ dtype: 'int8' }, { dtype: 'uint8' }, 1])).toBe('int16')
  })
  it('values must fit the array dtype, with NumPy OverflowError messages', () => {
    const i8 = arange(3, { dtype: 'int8' })
    expect(() => add(i8, 128)).toThrow('Python integer 128 out of bounds for int8')
    expect(() => add(i8, 300)).toThrow('Python integer 300 out of bounds for int8')
    expect(() => add(arr('uint8'), -1)).toThrow('Python integer -1 out of bounds for uint8')
    expect(() => add(arr('int64'), 2n ** 63n)).toThrow('Python int too large to convert to C long')
    expect(() => add(arr('int8'), 2n ** 63n)).toThrow('Python int too large to convert to C long')
    expect(() => add(arr('uint32'), 2n ** 63n)).toThrow('Python integer 9223372036854775808 out of bounds for uint32')
    expect(() => add(arr('uint64'), 2n ** 64n)).toThrow('Python int too large to convert to C long')
    expect(() => add(arr('float64'), 2n ** 2000n)).toThrow('int too large to convert to float')
    expect(add(i8, 127).toArray()).toEqual([127, -128, -127]) // wraps silently, as NumPy
    expect(add(arr('uint64').fill(1n), 2n ** 64n - 1n).toArray()).toEqual([0n, 0n])
  })
  it('comparisons with out-of-range Python ints give the mathematical answer', () => {
    expect(less(arange(2, { dtype: 'uint8' }), -1).toArray()).toEqual([false, false])
    expect(less(-1, arange(2, { dtype: 'uint8' })).toArray()).toEqual([true, true])
    expect(equal(arange(2, { dtype: 'int8' }), 1000).toArray()).toEqual([false, false])
    expect(less(arange(2, { dtype: 'int64' }), 2n ** 64n).toArray()).toEqual([true, true])
    expect(() => less(arr('bool'), 2n ** 63n)).toThrow('Python int too large to convert to C long')
    expect(logicalAnd(arange(2, { dtype: 'int8' }), 300).toArray()).toEqual([false, true])
  })
  it('int64 vs uint64 comparisons are exact (NumPy qQ loops)', () => {
    const a = zeros([2], { dtype: 'int64' }).fill(-1n)
    const b = zeros([2], { dtype: 'uint64' }).fill(2n ** 64n - 1n)
    expect(equal(a, b).toArray()).toEqual([false, false])
    expect(less(a, b).toArray()).toEqual([true, true])
    const c = zeros([1], { dtype: 'int64' }).fill(2n ** 53n + 1n)
    const d = zeros([1], { dtype: 'uint64' }).fill(2n ** 53n)
    expect(equal(c, d).toArray()).toEqual([false])
  })
  it('scalars alone take default dtypes (number → float64, bigint → int64, boolean → bool)', () => {
    expect(add(1, 2).dtype).toBe('float64')
    expect(add(1n, 2n).dtype).toBe('int64')
    expect(add(true, true).dtype).toBe('bool')
    expect(add(true, 1n).dtype).toBe('int64')
    expect(add(1n, 2.5).dtype).toBe('float64')
    expect(add(1, 2).ndim).toBe(0)
  })
})

describe('bool exceptions', () => {
  const b = (): NDArray => arange(2, { dtype: 'bool' })
  it('b - b raises TypeError (DTypeError) with NumPy’s message', () => {
    expect(() => subtract(b(), b())).toThrow(/numpy boolean subtract, the `-` operator, is not supported/)
    expect(() => subtract(b(), true)).toThrow(/boolean subtract/)
    expect(subtract(b(), 1).dtype).toBe('int64')
  })
  it('b // b, b % b and b ** b are int8; b + b and b * b stay bool; b / b is float64', () => {
    expect(floorDivide(b(), b()).dtype).toBe('int8')
    expect(mod(b(), b()).dtype).toBe('int8')
    expect(power(b(), b()).dtype).toBe('int8')
    expect(add(b(), b()).dtype).toBe('bool')
    expect(multiply(b(), b()).dtype).toBe('bool')
    expect(divide(b(), b()).dtype).toBe('float64')
    expect(add(b(), b()).toArray()).toEqual([false, true])
  })
})
