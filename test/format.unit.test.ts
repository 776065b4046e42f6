/** Unit tests for the tricky pieces of NumPy-exact printing (float digits, formatters, layout, options). */
import { inspect } from 'node:util'
import fc from 'fast-check'
import { afterEach, describe, expect, it } from 'vitest'
import {
  NDArray, arange, array, getPrintOptions, repr, resetPrintOptions, setPrintOptions, str, withPrintOptions, ValueError, type DTypeName,
} from '@strided/core'
import {
  cutDigits, roundFraction, roundSignificant, scalarRepr, scalarStr, shortestDigits, DEFAULT_PRINT_OPTIONS, type Decimal,
} from '@strided/core/internal'
import { digitsAt, shortestDigitsExact } from '../packages/core/src/format/float-digits.js'

afterEach(() => resetPrintOptions())

/** A 1-D (or 0-d with shape []) array of exact values. */
function arr(values: (number | bigint | boolean)[], dt: DTypeName = 'float64', shape: number[] = [values.length]): NDArray {
  const a = NDArray.alloc(shape, dt)
  const d = a.data.subarray(a.offset) as unknown as Record<number, number | bigint>
  values.forEach((v, i) => { d[i] = typeof v === 'boolean' ? (v ? 1 : 0) : v })
  return a
}

const dec = (d: Decimal): string => `${d.neg ? '-' : ''}${d.digits}e${d.exp}`

describe('float digits', () => {
  it('rounds the exact binary value half-to-even when cutting (0.001953125 → 0.00195312)', () => {
    expect(dec(roundFraction(0.001953125, 8))).toBe('195312e-3')
    expect((0.001953125).toFixed(8)).toBe('0.00195313') // why toFixed cannot be used
    expect(dec(cutDigits(0.001953125, 'positional', 8))).toBe('195312e-3')
    expect(repr(arr([0.001953125]))).toBe('array([0.00195312])')
    // exact ties at precision 0 go to even; 2.5 → 2, 3.5 → 4
    expect([0.5, 1.5, 2.5, 3.5].map((x) => dec(roundFraction(x, 0)))).toEqual(['0e0', '2e0', '2e0', '4e0'])
    // 0.123456785 is not a tie in binary: its double is just below it, so it rounds down
    expect(dec(roundSignificant(0.123456785, 8))).toBe('12345678e-1')
    expect(dec(roundSignificant(0.125, 2))).toBe('12e-1')
  })

  it('cuts below the first digit like Dragon4 (positional, precision 8)', () => {
    expect(dec(cutDigits(4e-9, 'positional', 8))).toBe('0e0')
    expect(dec(cutDigits(6e-9, 'positional', 8))).toBe('1e-8')
    expect(dec(cutDigits(-4e-9, 'positional', 8))).toBe('-0e0')
  })

  it('gives float32 shortest digits (shortest for float32, not float64)', () => {
    const f = (x: number): string => dec(shortestDigits(Math.fround(x), 'float32'))
    expect(f(0.1)).toBe('1e-1')
    expect(f(Math.PI)).toBe('31415927e0')
    expect(f(1e-45)).toBe('1e-45') // smallest subnormal
    expect(f(3.4028234663852886e38)).toBe('34028235e38')
    expect(f(16777216)).toBe('16777216e7')
    // a decimal exactly on the rounding boundary counts only when the significand is even (IEEE parsing)
    expect(f(33554448)).toBe('3355445e7')
    expect(f(33554452)).toBe('33554452e7')
    expect(str(arr([0.1], 'float32', []))).toBe('0.1')
    expect(repr(arr([Math.fround(3.1415927), 0.5], 'float32'))).toBe('array([3.1415927, 0.5      ], dtype=float32)')
  })

  it('float32 shortest digits round-trip through Math.fround and never exceed 9 digits', () => {
    const f32 = new Float32Array(1)
    const u32 = new Uint32Array(f32.buffer)
    fc.assert(fc.property(fc.integer({ min: 0, max: 0x7f7fffff }), (bits) => {
      u32[0] = bits
      const x = f32[0]!
      const d = shortestDigits(x, 'float32')
      expect(d.digits.length).toBeLessThanOrEqual(9)
      expect(Math.fround(Number(`${d.digits[0]}.${d.digits.slice(1)}e${d.exp}`))).toBe(x)
      // with one digit fewer, neither the nearest candidate nor its neighbours round-trip
      if (d.digits.length > 1 && x !== 0) {
        const k = d.digits.length - 1
        const dn = roundSignificant(x, k, 'float32')
        const N = BigInt(dn.digits) * 10n ** BigInt(k - dn.digits.length)
        const q = dn.exp - k + 1
        for (const c of [N - 1n, N, N + 1n]) expect(Math.fround(Number(`${c}e${q}`))).not.toBe(x)
      }
    }), { numRuns: 3000 })
  })

  it('float64 engine digits equal exact Dragon4 digits', () => {
    const f64 = new Float64Array(1)
    const u64 = new BigUint64Array(f64.buffer)
    fc.assert(fc.property(fc.bigInt({ min: 0n, max: 0x7fefffffffffffffn }), (bits) => {
      u64[0] = bits
      const x = f64[0]!
      expect(dec(shortestDigits(x))).toBe(dec(shortestDigitsExact(x)))
    }), { numRuns: 2000 })
    for (const x of [1, 0.1, 0.3, 1e23, 2 ** 53, 2 ** 54 + 4, 9007199254740993, 5e-324, 1.7976931348623157e308, 123456789012345680]) {
      expect(dec(shortestDigits(x))).toBe(dec(shortestDigitsExact(x)))
    }
  })

  it('continues with the exact digits past uniqueness (min_digits), as numpy does for float32 mantissas', () => {
    expect(dec(digitsAt(Math.fround(6.4), -7, 'float32'))).toBe('64000001e0')
    expect(repr(arr([6.4, 1.2345678e-5], 'float32'))).toBe('array([6.4000001e+00, 1.2345678e-05], dtype=float32)')
    expect(repr(arr([5e-324, 1e-310]))).toBe('array([5.e-324, 1.e-310])')
  })
})

describe('element formatters', () => {
  it('pads exponents to the widest one', () => {
    expect(repr(arr([1.5e300, 2e-5, 3]))).toBe('array([1.5e+300, 2.0e-005, 3.0e+000])')
    expect(str(arr([-1.5e300, 2e-5, 3]))).toBe('[-1.5e+300  2.0e-005  3.0e+000]')
  })

  it('pads nan and inf', () => {
    expect(repr(arr([NaN, 1, -Infinity]))).toBe('array([ nan,   1., -inf])')
    expect(repr(arr([1e-5, NaN]))).toBe('array([1.e-05,    nan])')
    expect(repr(arr([NaN, Infinity]))).toBe('array([nan, inf])')
    expect(repr(arr([NaN, -Infinity]))).toBe('array([ nan, -inf])')
  })

  it('chooses exponent mode with the dtype-dependent cutoff and the 1e-4 / ratio rules', () => {
    expect(repr(arr([1e7]))).toBe('array([10000000.])')
    expect(repr(arr([1e6], 'float32'))).toBe('array([1.e+06], dtype=float32)')
    expect(repr(arr([1, 1000]))).toBe('array([   1., 1000.])')
    expect(repr(arr([1, 1000.1]))).toBe('array([1.0000e+00, 1.0001e+03])')
    expect(repr(arr([0.0001, 0.1]))).toBe('array([0.0001, 0.1   ])')
    expect(repr(arr([1e-4, 1]))).toBe('array([1.e-04, 1.e+00])')
    // float32 compares with float32(1e-4) and divides in float32 (NEP 50)
    expect(repr(arr([1e-4, 0.01], 'float32'))).toBe('array([0.0001, 0.01  ], dtype=float32)')
    expect(repr(arr([1e-4, 0.1], 'float32'))).toBe('array([1.e-04, 1.e-01], dtype=float32)')
  })

  it('pads positional values on both sides and keeps -0.', () => {
    expect(repr(arr([1.5, 2.25, 3]))).toBe('array([1.5 , 2.25, 3.  ])')
    expect(repr(arr([-0]))).toBe('array([-0.])')
    expect(repr(arr([-0, 1.5]))).toBe('array([-0. ,  1.5])')
  })

  it('formats ints, wide ints and bools', () => {
    expect(repr(arr([1, -20, 100], 'int8'))).toBe('array([  1, -20, 100], dtype=int8)')
    expect(repr(arr([-(2n ** 63n), 2n ** 63n - 1n], 'int64'))).toBe('array([-9223372036854775808,  9223372036854775807])')
    expect(repr(arr([2n ** 64n - 1n, 0n], 'uint64'))).toBe('array([18446744073709551615,                    0], dtype=uint64)')
    expect(repr(arr([true, false], 'bool'))).toBe('array([ True, False])')
    expect(repr(arr([true], 'bool', []))).toBe('array(True)')
  })

  it('suppress keeps small values positional', () => {
    withPrintOptions({ suppress: true }, () => {
      expect(repr(arr([-1e-10, 1]))).toBe('array([-0.,  1.])')
      expect(repr(arr([1e-10, 1e9]))).toBe('array([1.e-10, 1.e+09])')
    })
  })
})

describe('layout and repr extras', () => {
  it('prints 2-D and 3-D arrays and non-contiguous views in logical order', () => {
    const a = arange(6, { dtype: 'float64' }).reshape([2, 3])
    expect(repr(a)).toBe('array([[0., 1., 2.],\n       [3., 4., 5.]])')
    expect(str(a)).toBe('[[0. 1. 2.]\n [3. 4. 5.]]')
    const b = arange(24, { dtype: 'int64' }).reshape([2, 3, 4]).slice(':, ::-1, ::2')
    expect(repr(b)).toBe('array([[[ 8, 10],\n        [ 4,  6],\n        [ 0,  2]],\n\n       [[20, 22],\n        [16, 18],\n        [12, 14]]])')
  })

  it('summarises above the threshold and adds shape=', () => {
    expect(repr(arange(1000, { dtype: 'int64' }))).not.toContain('...')
    expect(repr(arange(1001, { dtype: 'int64' }))).toBe('array([   0,    1,    2, ...,  998,  999, 1000], shape=(1001,))')
  })

  it('adds dtype= and shape= for empty arrays', () => {
    expect(repr(arr([]))).toBe('array([], dtype=float64)')
    expect(repr(NDArray.alloc([0, 3]))).toBe('array([], shape=(0, 3), dtype=float64)')
    expect(str(NDArray.alloc([0, 3]))).toBe('[]')
  })

  it('prints 0-d arrays: repr with the array formatter, str as the scalar', () => {
    expect(repr(arr([5], 'float64', []))).toBe('array(5.)')
    expect(str(arr([5], 'float64', []))).toBe('5.0')
    expect(repr(arr([1 / 3], 'float64', []))).toBe('array(0.33333333)')
    expect(str(arr([1 / 3], 'float64', []))).toBe('0.3333333333333333')
    expect(str(arr([true], 'bool', []))).toBe('True')
    expect(repr(arr([3], 'int8', []))).toBe('array(3, dtype=int8)')
    expect(str(arr([3], 'int8', []))).toBe('3')
    expect(str(arr([-0], 'float64', []))).toBe('-0.0')
    expect(str(arr([1e16], 'float64', []))).toBe('1e+16')
    expect(str(arr([1e6], 'float32', []))).toBe('1e+06')
    expect(str(arr([999999.94], 'float32', []))).toBe('999999.94')
  })

  it('scalar str/repr follow NumPy 2', () => {
    expect(scalarRepr(1, 'float64')).toBe('np.float64(1.0)')
    expect(scalarRepr(0.1, 'float32')).toBe('np.float32(0.1)')
    expect(scalarRepr(3, 'int8')).toBe('np.int8(3)')
    expect(scalarRepr(true, 'bool')).toBe('np.True_')
    expect(scalarRepr(2n ** 64n - 1n, 'uint64')).toBe('np.uint64(18446744073709551615)')
    expect(scalarStr(1e-5, 'float64')).toBe('1e-05')
    expect(scalarStr(NaN, 'float32')).toBe('nan')
  })

  it('hooks into toString and util.inspect', () => {
    const a = arr([1, 2.5])
    expect(String(a)).toBe('[1.  2.5]')
    expect(inspect(a)).toBe('array([1. , 2.5])')
  })
})

describe('print speed', () => {
  it('formats only the shown elements of huge arrays', () => {
    const one = arr([1.5], 'float64', [])
    const big = one.broadcastTo([10000, 10000]) // 1e8 elements, stride 0
    const t0 = performance.now()
    const r = repr(big)
    const s = str(NDArray.alloc([1e7], 'int32').fill(-7))
    const dt = performance.now() - t0
    expect(r).toBe('array([[1.5, 1.5, 1.5, ..., 1.5, 1.5, 1.5],\n       [1.5, 1.5, 1.5, ..., 1.5, 1.5, 1.5],\n       [1.5, 1.5, 1.5, ..., 1.5, 1.5, 1.5],\n       ...,\n       [1.5, 1.5, 1.5, ..., 1.5, 1.5, 1.5],\n       [1.5, 1.5, 1.5, ..., 1.5, 1.5, 1.5],\n       [1.5, 1.5, 1.5, ..., 1.5, 1.5, 1.5]], shape=(10000, 10000))')
    expect(s).toBe('[-7 -7 -7 ... -7 -7 -7]')
    // the fill above walks 1e7 elements once; printing must add next to nothing
    const t1 = performance.now()
    for (let i = 0; i < 100; i++) repr(big)
    expect((performance.now() - t1) / 100).toBeLessThan(5)
    expect(dt).toBeLessThan(2000)
  })
})

describe('print options', () => {
  it('has NumPy defaults and round-trips set/get', () => {
    expect(getPrintOptions()).toEqual({ ...DEFAULT_PRINT_OPTIONS })
    expect(DEFAULT_PRINT_OPTIONS).toMatchObject({ precision: 8, threshold: 1000, edgeitems: 3, linewidth: 75, suppress: false })
    const prev = setPrintOptions({ precision: 3, linewidth: 40 })
    expect(prev.precision).toBe(8)
    expect(getPrintOptions()).toMatchObject({ precision: 3, linewidth: 40, threshold: 1000 })
    expect(repr(arr([1 / 3]))).toBe('array([0.333])')
    setPrintOptions(prev)
    expect(getPrintOptions()).toEqual({ ...DEFAULT_PRINT_OPTIONS })
  })

  it('applies threshold, edgeitems and linewidth', () => {
    withPrintOptions({ threshold: 5, edgeitems: 2 }, () => {
      expect(repr(arange(10, { dtype: 'int64' }))).toBe('array([0, 1, ..., 8, 9], shape=(10,))')
    })
    withPrintOptions({ linewidth: 20 }, () => {
      expect(str(arange(12, { dtype: 'int64' }))).toBe('[ 0  1  2  3  4  5\n  6  7  8  9 10 11]')
    })
  })

  it('validates options and restores them after a throw', () => {
    expect(() => setPrintOptions({ precision: -1 })).toThrow(ValueError)
    expect(() => setPrintOptions({ linewidth: 0 })).toThrow(ValueError)
    expect(() => setPrintOptions({ bogus: 1 } as never)).toThrow(/setPrintOptions: unknown option "bogus"/)
    expect(() => withPrintOptions({ precision: 2 }, () => { throw new Error('x') })).toThrow('x')
    expect(getPrintOptions().precision).toBe(8)
  })

  it('prints arrays built with array()', () => {
    expect(repr(array([[1, 2], [3, 4]], { dtype: 'int16' }))).toBe('array([[1, 2],\n       [3, 4]], dtype=int16)')
  })
})
