/** concatenate and stack on the pool: the same arrays as inline, out= and its overlap check, hazard ordering. */
import { afterAll, describe, expect, it } from 'vitest'
import { OverlapError, arrayEqual, concatenate, random, stack, zeros } from '@strided/core'
import { Runtime } from '@strided/workers'

const pools = [new Runtime({ threads: 2, inlineThreshold: 0 }), new Runtime({ threads: 2, inlineThreshold: 0, mainThreadShare: true })]
afterAll(() => Promise.all(pools.map((p) => p.close())))

describe('Runtime concatenate / stack', () => {
  const a = random.uniform([300, 200], { seed: 1 })
  const b = random.uniform([300, 200], { seed: 2 }).transpose().copy().transpose() // F-ordered
  it.each(pools.map((p, i) => [i, p] as const))('pool %i: every axis, axis null, F-ordered inputs, dtype', async (_i, rt) => {
    for (const axis of [0, 1, -1, null]) {
      const got = await rt.concatenate([a, b], { axis })
      const want = concatenate([a, b], { axis })
      expect([...got.shape]).toEqual([...want.shape])
      expect([...got.strides]).toEqual([...want.strides])
      expect(arrayEqual(got, want)).toBe(true)
    }
    const f32 = await rt.concatenate([a, b], { dtype: 'float32' })
    expect(f32.dtype).toBe('float32')
    expect(arrayEqual(f32, concatenate([a, b], { dtype: 'float32' }))).toBe(true)
    expect(arrayEqual(await rt.stack([a, b], { axis: 1 }), stack([a, b], { axis: 1 }))).toBe(true)
  })
  it('out= is filled in place; an out that aliases an input is an OverlapError and nothing is written', async () => {
    const rt = pools[0]!
    const out = zeros([600, 200])
    expect(await rt.concatenate([a, b], { out })).toBe(out)
    expect(arrayEqual(out, concatenate([a, b]))).toBe(true)
    const big = zeros([600, 200])
    const before = big.copy()
    await expect(rt.concatenate([big.slice('0:300'), a], { out: big })).rejects.toThrow(OverlapError)
    expect(arrayEqual(big, before)).toBe(true)
  })
  it('orders after a job writing an input (hazards)', async () => {
    const rt = pools[1]!
    const x = zeros([400, 100])
    const y = random.uniform([400, 100], { seed: 3 })
    const write = rt.add(y, 1, { out: x })
    const joined = rt.concatenate([x, y])
    await write
    const r = await joined
    expect(arrayEqual(r.slice('0:400'), x)).toBe(true)
  })
})
