import { afterAll, describe, expect, it } from 'vitest'
import { random, sharesMemory, NDArray, type NDArray as T } from '@strided/core'
import { startPipeline } from './pipeline.js'

describe('comlink pipeline: views cross stage workers by reference', () => {
  const p = startPipeline()
  afterAll(async () => { await p.close() })

  it('normalise → filter → reduce, with no stage copying its input', async () => {
    const x = random.normal([200, 3], { seed: 7, loc: 10, scale: 2 })
    const expectedFirst = x.get(0, 0) as number
    const a = await p.normalise.normalise(x)
    expect(a).toBeInstanceOf(NDArray)
    expect(sharesMemory(a, x)).toBe(true)
    expect(a.buffer).toBe(x.buffer) // the very same SharedArrayBuffer object came back
    // the worker wrote in place: x itself changed
    expect(x.get(0, 0)).not.toBe(expectedFirst)
    const b = await p.filter.filter(a, 1.5, 150)
    expect(b.shape).toEqual([150, 3])
    expect(sharesMemory(b, x)).toBe(true)
    for (const v of x.toFlatArray() as number[]) expect(Math.abs(v)).toBeLessThanOrEqual(1.5)
    const s = await p.reduce.columnSums(b)
    expect(s.shape).toEqual([3])
    expect(s.buffer).toBeInstanceOf(SharedArrayBuffer)
    // a write in the worker through the returned array shows up here: it is the same memory
    await p.reduce.mark(s, 42)
    expect(s.get(0)).toBe(42)
  })

  it('read-only views stay read-only across the endpoint', async () => {
    const x = random.uniform([4, 3], { seed: 1 })
    const ro: T = x.broadcastTo([2, 4, 3])
    await expect(p.filter.filter(ro, 1, 2)).rejects.toThrow(/read-only/)
  })
})
