/**
 * The arena across threads: the Runtime's Piscina workers adopt the main thread's arena and compute on arena
 * arrays in place (same bits as the inline kernels, also for arrays in a generation of the memory created after
 * the workers started); and a comlink worker holding an arena array keeps its block from being reused after the
 * main thread's owner is collected, until the worker lets go (child process with --expose-gc).
 */
import { spawnSync } from 'node:child_process'
import { fileURLToPath } from 'node:url'
import { afterAll, describe, expect, it } from 'vitest'
import * as core from '@strided/core'
import { NDArray, random, zeros, type Scalar } from '@strided/core'
import { isArenaBuffer, threadArena } from '@strided/core/internal'
import { Runtime } from '@strided/workers'
import { SOURCE_NODE_FLAGS } from './support/source-node.js'

const ROOT = fileURLToPath(new URL('..', import.meta.url))

// inlineThreshold 0: every job with more than one piece goes to the pool
const rt = new Runtime({ threads: 2, inlineThreshold: 0 })
afterAll(async () => { await rt.close() })

/** Scalars: same value (NaN == NaN, ±0 told apart). Arrays: same dtype, shape and element bits (any NaN == any NaN). */
function expectSame(got: NDArray | Scalar, want: NDArray | Scalar, what = ''): void {
  if (!(got instanceof NDArray) || !(want instanceof NDArray)) {
    expect(typeof got, what).toBe(typeof want)
    if (!(typeof got === 'number' && Number.isNaN(got) && Number.isNaN(want as number))) expect(Object.is(got, want), `${what}: ${String(got)} vs ${String(want)}`).toBe(true)
    return
  }
  expect(got.dtype, what).toBe(want.dtype)
  expect(got.shape, what).toEqual(want.shape)
  const g = got.copy(), w = want.copy()
  const gb = Buffer.from(g.buffer, g.byteOffset, g.nbytes), wb = Buffer.from(w.buffer, w.byteOffset, w.nbytes)
  if (gb.equals(wb)) return
  const gd = g.data.subarray(g.offset, g.offset + g.size) as Float64Array, wd = w.data.subarray(w.offset, w.offset + w.size) as Float64Array
  for (let i = 0; i < gd.length; i++) {
    if (Object.is(gd[i], wd[i]) || (Number.isNaN(gd[i]) && Number.isNaN(wd[i]))) continue
    expect.fail(`${what}: element ${i}: ${gd[i]} vs ${wd[i]}`)
  }
}

/** Normal values with NaN, ±0, ±Inf sprinkled in (not too many: max/min would all be NaN). */
function data(shape: number[], seed: number, dt: 'float64' | 'float32' = 'float64'): NDArray {
  let a = random.normal(shape, { seed })
  if (dt === 'float32') a = a.astype('float32')
  const specials = [0, -0, Infinity, -Infinity, 1e-310]
  const flat = a.reshape([a.size])
  for (let i = 0; i < specials.length; i++) flat.set((i * 7919 + seed) % a.size, specials[i]!)
  return a
}

const completed = (): number => rt.pool!.completed

describe('Runtime workers compute on arena arrays in place', () => {
  it('add / sqrt / sum / max / min / mean on large arena arrays: the same bits as the inline functions', async () => {
    for (const dt of ['float64', 'float32'] as const) {
      const a = data([1_000_003], 1, dt)
      const b = data([1_000_003], 2, dt)
      const m = data([700, 513], 3, dt)
      for (const x of [a, b, m]) expect(isArenaBuffer(x.buffer)).toBe(true)
      const before = completed()
      const sum = await rt.add(a, b)
      expect(isArenaBuffer(sum.buffer)).toBe(true)
      expectSame(sum, core.add(a, b))
      expectSame(await rt.add(a, 2.5), core.add(a, 2.5))
      expectSame(await rt.subtract(1.5, b), core.subtract(1.5, b))
      expectSame(await rt.maximum(m, m.slice('3')), core.maximum(m, m.slice('3')))
      expectSame(await rt.multiply(m.T, m.T), core.multiply(m.T, m.T))
      expectSame(await rt.sqrt(a), core.sqrt(a))
      expectSame(await rt.negative(m.slice('::-1')), core.negative(m.slice('::-1')))
      for (const op of ['sum', 'max', 'min', 'mean'] as const) {
        const f = core[op] as (x: NDArray, o?: object) => NDArray | Scalar
        expectSame(await rt[op](a), f(a), `${op} ${dt}`)
        expectSame(await rt[op](m, { axis: 0 }), f(m, { axis: 0 }), `${op} axis 0 ${dt}`)
        expectSame(await rt[op](m, { axis: 1 }), f(m, { axis: 1 }), `${op} axis 1 ${dt}`)
        expectSame(await rt[op](m.T, { axis: 1 }), f(m.T, { axis: 1 }), `${op} T axis 1 ${dt}`)
      }
      // out = an arena array: the workers write into the main thread's memory
      const out = zeros([1_000_003], { dtype: dt })
      expect(await rt.add(a, b, { out })).toBe(out)
      expectSame(out, sum)
      const inPlace = a.copy()
      await rt.sqrt(inPlace, { out: inPlace })
      expectSame(inPlace, core.sqrt(a))
      expect(completed() - before, 'jobs ran on the pool').toBeGreaterThanOrEqual(2 * 20)
    }
  })

  it('arrays in a memory generation created after the workers started', async () => {
    await rt.sum(zeros([100_000])) // workers up
    const gens = threadArena()!.generations.length
    // allocate until the arena maps more memory: the last array lives in a buffer generation the workers have
    // never seen (it is posted with the next job)
    const hold: NDArray[] = []
    while (threadArena()!.generations.length === gens && hold.length < 200) hold.push(zeros([1 << 20]))
    const fresh = hold[hold.length - 1]!
    const generations = threadArena()!.generations
    expect(generations.length).toBeGreaterThan(gens)
    expect(fresh.buffer).toBe(generations[generations.length - 1])
    fresh.assign(data([1 << 20], 4))
    const rev = fresh.slice('::-1')
    expectSame(await rt.add(fresh, rev), core.add(fresh, rev))
    expectSame(await rt.sqrt(fresh), core.sqrt(fresh))
    expectSame(await rt.sum(fresh), core.sum(fresh))
    expectSame(await rt.max(fresh), core.max(fresh))
    const out = hold[0]!
    await rt.multiply(fresh, 3, { out })
    expectSame(out, core.multiply(fresh, 3))
  })
})

describe('comlink: a worker holding an arena array keeps its block alive', () => {
  it('the block is an orphan (not reused) while the worker holds it, and reused once the worker lets go', () => {
    const child = fileURLToPath(new URL('./fixtures/arena/lifetime-child.ts', import.meta.url))
    const r = spawnSync(process.execPath, ['--expose-gc', ...SOURCE_NODE_FLAGS, child], { cwd: ROOT, encoding: 'utf8', timeout: 30_000 })
    expect(r.error).toBeUndefined()
    expect(r.stderr).toBe('')
    expect(r.status, r.stdout).toBe(0)
    const out = JSON.parse(r.stdout.trim()) as Record<string, unknown>
    const sent = out.sent as { size: number; arenaId: number; adopted: number; isArena: boolean; block: number; mainArenaId: number }
    // the worker adopted the main arena and sees the array as arena memory (its WASM kernels may run on it)
    expect(sent.size).toBe(131_072)
    expect(sent.adopted).toBe(sent.mainArenaId)
    expect(sent.arenaId).toBe(sent.mainArenaId)
    expect(sent.isArena).toBe(true)
    expect(sent.block).toBe(out.block)
    // the sender took a count for the worker
    expect(out.countWhileBothHold).toBe(2)
    // main's owner collected: one count left (the worker's), the block still allocated
    expect(out.orphanAfterMainGc).toBe(1)
    expect(out.countAfterMainGc).toBe(1)
    expect(out.blockBytesAfterMainGc).toBe(131_072 * 8)
    // 24 new arrays of the same size did not take it, and the worker still reads its values
    expect(out.freshOnOrphan).toBe(0)
    expect(out.wrongValuesInWorker).toBe(0)
    // the worker collected its array: the count came back; the next allocate swept the orphan and reused it
    expect(out.workerHasGc).toBe(true)
    expect(out.countAfterWorkerGc).toBe(0)
    expect(out.orphanBeforeSweep).toBe(1)
    expect(out.orphanAfterAllocate).toBe(0)
    expect(out.reused).toBe(true)
    expect(out.reusedReadsZero).toBe(true)
  })
})
