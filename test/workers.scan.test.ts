/**
 * Scans and masked reductions on the worker pool: cumsum / cumprod / nancumsum / nancumprod / accumulate and
 * sum/mean/max with where= and initial on a real 2-thread Runtime (also with the main thread taking a share, and
 * with inlineThreshold 0 so small arrays split too) give the inline call's bits. Arrays are big enough to split:
 * many lanes, one long float lane (split across lanes only, so one unit), and one long integer lane (cut into
 * blocks, pass 2 adds the offsets).
 */
import { afterAll, describe, expect, it } from 'vitest'
import * as core from '@strided/core'
import { NDArray, random, type Scalar } from '@strided/core'
import { Runtime } from '@strided/workers'

const pools = [
  new Runtime({ threads: 2, inlineThreshold: 0 }),
  new Runtime({ threads: 2, mainThreadShare: true }),
]
afterAll(async () => { await Promise.all(pools.map((p) => p.close())) })

/** dtype, shape and the raw bytes of the elements in C order (a hash-free exact comparison key). */
function bits(x: NDArray | Scalar): string {
  if (!(x instanceof NDArray)) return typeof x === 'number' && Object.is(x, -0) ? '-0' : String(x)
  const c = x.copy()
  const isz = c.dtypeInfo.itemsize
  const bytes = Buffer.from(c.buffer as ArrayBuffer, c.offset * isz, c.size * isz)
  return `${x.dtype}(${x.shape.join(',')}):${bytes.toString('base64')}`
}

const x = core.multiply(random.normal([300, 700], { seed: 11 }), 10)
x.set(3, 3, NaN)
const ints = core.trunc(x.slice(':, :')).astype('int32')
const longInt = core.trunc(core.multiply(random.uniform([600_000], { seed: 5 }), 2 ** 31)).astype('int32')
const longU8 = core.trunc(core.multiply(random.uniform([600_000], { seed: 6 }), 256)).astype('uint8')
const longF32 = random.normal([400_000], { seed: 7 }).astype('float32')

describe('Runtime scans: the same bits as inline', () => {
  for (const [k, rt] of pools.entries()) {
    it(`cumsum / cumprod / nan* over axes and layouts (pool ${k})`, async () => {
      for (const a of [x, x.T, x.slice('::-1, ::2'), ints]) {
        for (const axis of [0, 1, null]) {
          expect(bits(await rt.cumsum(a, { axis })), `cumsum axis ${axis}`).toBe(bits(core.cumsum(a, { axis })))
        }
      }
      expect(bits(await rt.nancumsum(x, { axis: 0 }))).toBe(bits(core.nancumsum(x, { axis: 0 })))
      expect(bits(await rt.cumprod(x.T, { axis: 0 }))).toBe(bits(core.cumprod(x.T, { axis: 0 })))
      expect(bits(await rt.nancumprod(x, { axis: 1 }))).toBe(bits(core.nancumprod(x, { axis: 1 })))
    })
    it(`long lanes: float32 (lanes only) and integers (blocks + offsets) (pool ${k})`, async () => {
      expect(bits(await rt.cumsum(longF32))).toBe(bits(core.cumsum(longF32)))
      expect(bits(await rt.cumsum(longInt))).toBe(bits(core.cumsum(longInt)))
      expect(bits(await rt.cumsum(longInt, { dtype: 'int32' }))).toBe(bits(core.cumsum(longInt, { dtype: 'int32' })))
      expect(bits(await rt.cumprod(longU8, { dtype: 'uint8' }))).toBe(bits(core.cumprod(longU8, { dtype: 'uint8' })))
      for (const uf of ['maximum', 'bitwiseXor', 'add'] as const) {
        expect(bits(await rt.accumulate(uf, longInt)), uf).toBe(bits(core.accumulate(uf, longInt)))
      }
      const big = longInt.astype('int64')
      expect(bits(await rt.cumsum(big))).toBe(bits(core.cumsum(big)))
    })
    it(`accumulate, and out= (pool ${k})`, async () => {
      for (const uf of core.ACCUMULATE_UFUNCS) {
        const a = uf.startsWith('bitwise') ? ints : x
        expect(bits(await rt.accumulate(uf, a, { axis: 1 })), uf).toBe(bits(core.accumulate(uf, a, { axis: 1 })))
      }
      const o1 = core.zeros([300, 700], { dtype: 'float32' })
      const o2 = core.zeros([300, 700], { dtype: 'float32' })
      expect(await rt.cumsum(x, { axis: 0, out: o1 })).toBe(o1)
      core.cumsum(x, { axis: 0, out: o2 })
      expect(bits(o1)).toBe(bits(o2))
    })
    it(`float16: every partial rounded to half, as inline (pool ${k})`, async () => {
      const h = core.multiply(x, 30).astype('float16')
      const small = core.add(core.multiply(core.trunc(core.multiply(random.uniform([300, 700], { seed: 9 }), 4)), 0.25), 0.5).astype('float16')
      for (const a of [h, h.T, h.slice('::-1, ::2')]) {
        for (const axis of [0, 1, null]) {
          expect(bits(await rt.cumsum(a, { axis })), `float16 cumsum axis ${axis}`).toBe(bits(core.cumsum(a, { axis })))
          expect(bits(await rt.nancumsum(a, { axis })), `float16 nancumsum axis ${axis}`).toBe(bits(core.nancumsum(a, { axis })))
        }
      }
      expect(bits(await rt.cumprod(small, { axis: 1 }))).toBe(bits(core.cumprod(small, { axis: 1 })))
      expect(bits(await rt.nancumprod(small.T, { axis: 0 }))).toBe(bits(core.nancumprod(small.T, { axis: 0 })))
      for (const uf of ['add', 'maximum', 'minimum'] as const) {
        expect(bits(await rt.accumulate(uf, h, { axis: 1 })), uf).toBe(bits(core.accumulate(uf, h, { axis: 1 })))
      }
      const long = longF32.astype('float16')
      expect(bits(await rt.cumsum(long))).toBe(bits(core.cumsum(long)))
      expect(bits(await rt.cumsum(h, { axis: 0, dtype: 'float32' }))).toBe(bits(core.cumsum(h, { axis: 0, dtype: 'float32' })))
    })
    it(`reductions with where= and initial (pool ${k})`, async () => {
      const m = core.greater(random.uniform([300, 700], { seed: 3 }), 0.4)
      const opts: core.ReduceOptions[] = [{ where: m }, { where: m, axis: 0 }, { where: m, axis: 1, initial: 2.5 }, { initial: -1 }]
      for (const o of opts) {
        expect(bits(await rt.sum(x, o)), JSON.stringify(o.axis)).toBe(bits(core.sum(x, o)))
        expect(bits(await rt.sum(ints, o))).toBe(bits(core.sum(ints, o)))
        expect(bits(await rt.max(ints, { ...o, initial: -5 }))).toBe(bits(core.max(ints, { ...o, initial: -5 })))
      }
      expect(bits(await rt.mean(x, { where: m, axis: 1 }))).toBe(bits(core.mean(x, { where: m, axis: 1 })))
      expect(bits(await rt.std(x, { where: m }))).toBe(bits(core.std(x, { where: m })))
    })
    it(`a large float sum or std with where= (one unit: it cannot be split) runs on a worker, not the event loop (pool ${k})`, async () => {
      const big = random.uniform([3_000_000], { seed: 13 })
      const m = core.greater(random.uniform([3_000_000], { seed: 14 }), 0.3)
      const want = core.sum(big, { where: m })
      let ticks = 0
      const timer = setInterval(() => { ticks++ }, 1)
      const got = await rt.sum(big, { where: m })
      clearInterval(timer)
      expect(got).toBe(want)
      expect(ticks).toBeGreaterThan(2)
      // var/std: the masked mean, the deviations and their masked sum are one unit on a worker too
      const wantStd = core.std(big, { where: m })
      ticks = 0
      const timer2 = setInterval(() => { ticks++ }, 1)
      const gotStd = await rt.std(big, { where: m })
      clearInterval(timer2)
      expect(gotStd).toBe(wantStd)
      expect(ticks).toBeGreaterThan(2)
    })
  }
})
