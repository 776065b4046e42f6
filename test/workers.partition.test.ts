import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import { HazardTracker } from '../packages/workers/src/hazards.js'
import { resolveOptions } from '../packages/workers/src/options.js'
import { splitRange } from '../packages/workers/src/partition.js'
import { arange, ValueError } from '@strided/core'
import { DRIVEN_OPS, REDUCTION_NAMES, UFUNC_NAMES } from '@strided/core/internal'
import { Runtime } from '@strided/workers'

describe('splitRange', () => {
  it('covers [0, size) exactly with grain-aligned inner edges', () => {
    fc.assert(fc.property(fc.integer({ min: 0, max: 100_000 }), fc.integer({ min: 1, max: 17 }), fc.integer({ min: 1, max: 64 }), (size, parts, grain) => {
      const r = splitRange(size, parts, grain)
      if (size === 0) return r.length === 0
      expect(r[0]![0]).toBe(0)
      expect(r[r.length - 1]![1]).toBe(size)
      expect(r.length).toBeLessThanOrEqual(parts)
      for (let i = 0; i < r.length; i++) {
        expect(r[i]![1]).toBeGreaterThan(r[i]![0])
        if (i > 0) expect(r[i]![0]).toBe(r[i - 1]![1])
        if (i < r.length - 1) expect(r[i]![1] % grain).toBe(0)
      }
      return true
    }))
  })
  it('balances shares to within one grain', () => {
    const r = splitRange(1000, 3, 8)
    const lens = r.map(([s, e]) => e - s)
    expect(Math.max(...lens) - Math.min(...lens)).toBeLessThanOrEqual(8)
  })
})

describe('HazardTracker', () => {
  it('orders read-after-write, write-after-read and write-after-write; independent jobs do not wait', async () => {
    const h = new HazardTracker(1000)
    const x = arange(100)
    const lo = x.slice(':50')
    const hi = x.slice('50:')
    const evens = x.slice('::2')
    const log: string[] = []
    const t1 = h.register({ reads: [], writes: [lo] })
    const t2 = h.register({ reads: [hi], writes: [] }) // independent of t1
    const t3 = h.register({ reads: [evens], writes: [] }) // RAW on t1 (evens touches lo)
    const t4 = h.register({ reads: [], writes: [hi] }) // WAR on t2
    const t5 = h.register({ reads: [], writes: [x.slice('1::2')] }) // WAW with t1 and t4, WAR with t2; exact check: none with t3
    void t3.ready.then(() => log.push('t3'))
    void t4.ready.then(() => log.push('t4'))
    void t5.ready.then(() => log.push('t5'))
    await t1.ready
    await t2.ready
    await new Promise((r) => setTimeout(r, 5))
    expect(log).toEqual([])
    t1.release()
    await new Promise((r) => setTimeout(r, 5))
    expect(log).toEqual(['t3'])
    // t4 writes the upper half, which both t2 (upper half) and t3 (every other element) read
    t2.release()
    await new Promise((r) => setTimeout(r, 5))
    expect(log).toEqual(['t3'])
    t3.release()
    await new Promise((r) => setTimeout(r, 5))
    expect(log).toEqual(['t3', 't4'])
    // t5 writes the odd elements: it waits for t4 (same half) but never for t3 (even elements only)
    t4.release()
    await new Promise((r) => setTimeout(r, 5))
    expect(log).toEqual(['t3', 't4', 't5'])
    t5.release()
    expect(h.inflight).toBe(0)
  })
  it('different buffers never conflict', async () => {
    const h = new HazardTracker(10)
    h.register({ reads: [], writes: [arange(10)] })
    const t = h.register({ reads: [arange(10)], writes: [arange(10)] })
    await t.ready
  })
})

describe('Runtime options', () => {
  it('validates every option with a ValueError naming it', () => {
    expect(() => resolveOptions({ threads: -1 })).toThrow(ValueError)
    expect(() => resolveOptions({ threads: 1.5 })).toThrow(/threads.*1\.5/)
    expect(() => resolveOptions({ inlineThreshold: -5 })).toThrow(/inlineThreshold.*-5/)
    expect(() => resolveOptions({ mainThreadShare: 'yes' as unknown as boolean })).toThrow(/mainThreadShare/)
    expect(() => resolveOptions({ thread: 2 } as never)).toThrow(/unknown Runtime option "thread"/)
    expect(resolveOptions({ threads: 3 }).threads).toBe(3)
    expect(resolveOptions().mainThreadShare).toBe(false)
  })
})

describe('Runtime op coverage', () => {
  it('has a method for every elementwise op and reduction of @strided/core (the two op lists cannot drift)', () => {
    const proto = Runtime.prototype as unknown as Record<string, unknown>
    for (const name of [...UFUNC_NAMES, ...REDUCTION_NAMES, ...DRIVEN_OPS.keys()]) expect(typeof proto[name], name).toBe('function')
  })
})
