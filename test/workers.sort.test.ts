/**
 * sort, argsort, the in-place sort and lexsort on the worker pool: the same bits as the inline calls with 1 and 2
 * threads, with and without mainThreadShare (that pool under the default inline threshold), for many short lanes (units of lanes), long 1-d lanes and a few long
 * strided lanes (runs sorted on the pool, then merged chunk by chunk on the pool), and in-place sorts ordered
 * against later reads by the hazard tracker.
 */
import { afterAll, describe, expect, it } from 'vitest'
import * as core from '@strided/core'
import { NDArray, array, floor, random, type DTypeName } from '@strided/core'
import { Runtime } from '@strided/workers'

const pools = [
  { name: '1 thread', rt: new Runtime({ threads: 1, inlineThreshold: 0 }) },
  { name: '2 threads', rt: new Runtime({ threads: 2, inlineThreshold: 0 }) },
  // the default threshold: small jobs inline, the long lanes' runs and merges still split
  { name: '2 threads + main', rt: new Runtime({ threads: 2, mainThreadShare: true }) },
]
afterAll(async () => { await Promise.all(pools.map((p) => p.rt.close())) })

/** dtype, shape and a digest of the bytes of the elements in C order (distinguishes -0, NaN payloads). */
function bits(x: NDArray): string {
  const c = x.flags.cContiguous ? x : x.copy()
  const b = new Uint8Array(c.buffer, c.byteOffset, c.size * c.dtypeInfo.itemsize)
  let h1 = 0x811c9dc5
  let h2 = 0
  for (let i = 0; i < b.length; i++) { h1 = Math.imul(h1 ^ b[i]!, 16777619); h2 = (h2 + b[i]! * (i + 1)) % 2147483647 }
  return `${x.dtype}(${x.shape.join(',')}):${b.length}:${h1 >>> 0}:${h2}`
}

/** Values with ties, zeros of both signs and NaNs, as `dt`. */
function input(shape: number[], seed: number, dt: DTypeName): NDArray {
  const x = floor(random.uniform(shape, { seed, low: -40, high: 40 }))
  if (dt === 'float64' || dt === 'float32') {
    const f = x.ravel()
    for (let i = 0; i < f.size; i += 17) f.set(i, i % 3 === 0 ? -0 : i % 3 === 1 ? NaN : 0)
    return f.reshape(shape).astype(dt)
  }
  return x.astype(dt)
}

const N = 2 * 65536 + 4321

describe.each(pools)('sorting on the pool ($name)', ({ rt }) => {
  it('many lanes along each axis, every kind of dtype: the inline bits', async () => {
    for (const dt of ['float64', 'int32', 'uint8', 'int64', 'float32', 'bool'] as DTypeName[]) {
      const a = input([60, 50], 1, dt)
      for (const axis of [0, 1, null]) {
        expect(bits(await rt.sort(a, { axis })), `${dt} ${axis}`).toBe(bits(core.sort(a, { axis })))
        expect(bits(await rt.argsort(a, { axis })), `${dt} ${axis}`).toBe(bits(core.argsort(a, { axis })))
      }
      const t = a.T
      expect(bits(await rt.sort(t))).toBe(bits(core.sort(t)))
    }
  })
  it('one long 1-d lane: runs then merges on the pool', async () => {
    const a = input([N], 2, 'float64')
    expect(bits(await rt.sort(a))).toBe(bits(core.sort(a)))
    expect(bits(await rt.argsort(a, { kind: 'stable' }))).toBe(bits(core.argsort(a, { kind: 'stable' })))
    const i = input([N], 2, 'int32')
    expect(bits(await rt.sort(i))).toBe(bits(core.sort(i)))
  })
  it('a few long strided lanes and a flattened 2-d array', async () => {
    const a = input([N, 2], 3, 'float64')
    expect(bits(await rt.sort(a, { axis: 0 }))).toBe(bits(core.sort(a, { axis: 0 })))
    expect(bits(await rt.argsort(a, { axis: 0 }))).toBe(bits(core.argsort(a, { axis: 0 })))
    const r = a.slice('::-1, 1:')
    expect(bits(await rt.sort(r, { axis: null }))).toBe(bits(core.sort(r, { axis: null })))
  })
  it('in-place sort on the pool; a later read waits for it', async () => {
    const a = input([N], 4, 'float64')
    const want = bits(core.sort(a))
    const b = a.copy()
    const done = rt.sortInPlace(b)
    const read = rt.sum(b)
    expect(await done).toBe(b)
    expect(bits(b)).toBe(want)
    expect(await read).toBe(core.sum(core.sort(a)))
    const m = input([40, 30], 5, 'int16')
    const m2 = m.copy()
    await rt.sortInPlace(m2, { axis: 0 })
    m.sort({ axis: 0 })
    expect(bits(m2)).toBe(bits(m))
  })
  it('lexsort and the errors of the inline calls', async () => {
    const k = input([3, 500], 6, 'int8')
    expect(bits(await rt.lexsort(k))).toBe(bits(core.lexsort(k)))
    const list = [input([500], 7, 'float64'), input([500], 8, 'uint16')]
    expect(bits(await rt.lexsort(list))).toBe(bits(core.lexsort(list)))
    await expect(rt.sort(array([1, 2]), { axis: 3 })).rejects.toBeInstanceOf(core.AxisError)
    await expect(rt.sortInPlace(core.broadcastTo(array([2, 1]), [2, 2]))).rejects.toBeInstanceOf(core.ReadOnlyError)
    await expect(rt.argsort(array([1, 2]), { kind: 'x' })).rejects.toBeInstanceOf(core.ValueError)
  })
})

