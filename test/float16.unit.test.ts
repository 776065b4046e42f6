/** float16: the codec, promotion, element access, .npy, JSON, and the pool (bit-identical to inline). */
import { afterAll, describe, expect, it } from 'vitest'
import fc from 'fast-check'
import { add, arange, array, dtype, exp, fromNpy, log, mean, multiply, prod, random, sum, toNpy, zeros } from '@strided/core'
import { HALF_VALUES, fromHalfBits, roundToHalf, toHalfBitsEmulated } from '@strided/core/internal'
import { Runtime } from '@strided/workers'

describe('float16 codec', () => {
  it('every half decodes and encodes back to its bits (NaNs stay NaN)', () => {
    const bad: number[] = []
    for (let h = 0; h < 65536; h++) {
      const v = HALF_VALUES[h]!
      const ok = Number.isNaN(v) ? Number.isNaN(fromHalfBits(toHalfBitsEmulated(v))) : toHalfBitsEmulated(v) === h
      if (!ok) bad.push(h)
    }
    expect(bad).toEqual([])
  })
  it('encoding picks the nearest half, ties to even (fast-check over all doubles)', () => {
    fc.assert(fc.property(fc.double({ noNaN: true }), (x) => {
      const h = toHalfBitsEmulated(x)
      const v = fromHalfBits(h)
      if (Math.abs(x) >= 65520) return v === (x > 0 ? Infinity : -Infinity)
      // no other half is closer; on a tie the chosen one has an even significand
      const up = fromHalfBits(x >= 0 ? h + 1 : h - 1)
      const down = h === 0 || h === 0x8000 ? v : fromHalfBits(x >= 0 ? h - 1 : h + 1)
      const d = Math.abs(x - v)
      if (Math.abs(x - up) < d || Math.abs(x - down) < d) return false
      if (Math.abs(x - up) === d || Math.abs(x - down) === d) return (h & 1) === 0 || d === 0
      return true
    }), { numRuns: 5000 })
  })
  it('roundToHalf is the value of the nearest half', () => {
    expect(roundToHalf(0.1)).toBe(0.0999755859375)
    expect(roundToHalf(65519)).toBe(65504)
    expect(roundToHalf(2 ** -25)).toBe(0)
    expect(roundToHalf(1.5 * 2 ** -25)).toBe(2 ** -24)
  })
})

describe('float16 dtype', () => {
  it('is a dtype with NumPy names and codes', () => {
    for (const n of ['float16', 'f2', '<f2', 'e', 'half']) expect(dtype(n).name).toBe('float16')
    expect(dtype('float16')).toMatchObject({ kind: 'f', itemsize: 2, descr: '<f2', bigint: false })
  })
  it('elements read and write as numbers rounded to half', () => {
    const a = zeros([3], { dtype: 'float16' })
    a.set(0, 0.1)
    a.set(1, 1e6)
    a.set(2, true)
    expect(a.tolist()).toEqual([0.0999755859375, Infinity, 1])
    expect(a.get(0)).toBe(0.0999755859375)
    expect(JSON.stringify(array([0.5, -2], { dtype: 'float16' }))).toBe('[0.5,-2]')
  })
  it("NumPy's promotion: int8/uint8/bool float functions compute in float16, int16 in float32", () => {
    expect(exp(arange(3, { dtype: 'int8' })).dtype).toBe('float16')
    expect(log(arange(1, 4, 1, { dtype: 'uint8' })).dtype).toBe('float16')
    expect(exp(arange(3, { dtype: 'int16' })).dtype).toBe('float32')
    expect(add(zeros([1], { dtype: 'float16' }), 1.5).dtype).toBe('float16')
    expect(add(zeros([1], { dtype: 'float16' }), zeros([1], { dtype: 'int16' })).dtype).toBe('float32')
    expect(add(zeros([1], { dtype: 'float16' }), zeros([1], { dtype: 'int32' })).dtype).toBe('float64')
    // NEP 50: a Python float that overflows float16 becomes inf
    expect(add(zeros([1], { dtype: 'float16' }), 1e6).tolist()).toEqual([Infinity])
  })
  it('.npy round trip of <f2 keeps the bits', () => {
    const a = array([0.1, -0, Infinity, NaN, 6e-8, 65504], { dtype: 'float16' })
    const b = fromNpy(toNpy(a))
    expect(b.dtype).toBe('float16')
    expect([...(b.data as Uint16Array).subarray(b.offset, b.offset + 6)]).toEqual([...(a.data as Uint16Array).subarray(a.offset, a.offset + 6)])
  })
})

describe('float16 on the pool', () => {
  const rt = new Runtime({ threads: 2, inlineThreshold: 0 })
  afterAll(() => rt.close())
  it('ufuncs and reductions give the inline bits for any split', async () => {
    const a = random.uniform([300_000], { seed: 7, low: -3, high: 3 }).astype('float16')
    const b = random.uniform([300_000], { seed: 8, low: -3, high: 3 }).astype('float16')
    const inline = add(exp(a), b)
    const pooled = await rt.add(await rt.exp(a), b)
    expect(pooled.dtype).toBe('float16')
    expect(Buffer.from(toNpy(pooled)).equals(Buffer.from(toNpy(inline)))).toBe(true)
    expect(await rt.sum(a)).toBe(sum(a))
    expect(await rt.mean(a)).toBe(mean(a))
    const a2 = a.reshape([600, 500])
    expect(((await rt.sum(a2, { axis: 0 })) as ReturnType<typeof zeros>).tolist()).toEqual((sum(a2, { axis: 0 }) as ReturnType<typeof zeros>).tolist())
  })
})

describe('float16 sum/prod into a wider float out (NumPy takes the loop dtype from out)', () => {
  it('sum into a 0-d float32 or float16 out writes and returns the out (it used to drop a 0-d float16 out)', () => {
    const a = array([2048, 1, 1], { dtype: 'float16' })
    const o32 = zeros([], { dtype: 'float32' })
    expect(sum(a, { out: o32 })).toBe(o32)
    expect(o32.get()).toBe(2050) // np.sum(a, out=np.zeros((), np.float32)) == 2050
    const o16 = zeros([], { dtype: 'float16' })
    expect(sum(a, { out: o16 })).toBe(o16)
    expect(o16.get()).toBe(2050) // np.sum(a, out=np.zeros((), np.float16)) == 2050 (NumPy accumulates in float32)
    const big = multiply(array([3, 5, 7, 11, 13], { dtype: 'float16' }), 100)
    const p16 = zeros([], { dtype: 'float16' })
    expect(prod(big, { out: p16 })).toBe(p16)
    expect(p16.get()).toBe(Infinity)
  })
  it('prod into a float64 out does not overflow where the float16 loop does', () => {
    const a = multiply(array([3, 5, 7, 11, 13], { dtype: 'float16' }), 100)
    const o = zeros([])
    prod(a, { out: o })
    expect(o.get()).toBe(150150000000000) // NumPy: 1.5015e+14; the float16 loop gives inf
    expect(prod(a)).toBe(Infinity)
  })
})
