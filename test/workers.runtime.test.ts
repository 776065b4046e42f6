import { afterAll, describe, expect, it } from 'vitest'
import { spawnSync } from 'node:child_process'
import { fileURLToPath } from 'node:url'
import * as core from '@strided/core'
import { NDArray, arange, asStrided, fromBuffer, random, zeros, OverlapError, type Scalar } from '@strided/core'
import { AbortError, NotSharedError, Runtime, RuntimeClosedError, WorkerCrashError } from '@strided/workers'
import { SOURCE_NODE_FLAGS } from './support/source-node.js'

// inlineThreshold 0 forces every job onto the pool, so small test arrays exercise the parallel path
const rt2 = new Runtime({ threads: 2, inlineThreshold: 0 })
const rt1 = new Runtime({ threads: 1, inlineThreshold: 0 })
const rtShare = new Runtime({ threads: 2, inlineThreshold: 0, mainThreadShare: true })
afterAll(async () => { await Promise.all([rt2.close(), rt1.close(), rtShare.close()]) })

function bits(x: NDArray | Scalar): string {
  if (!(x instanceof NDArray)) return `${typeof x}:${Object.is(x, -0) ? '-0' : String(x)}`
  return `${x.dtype}(${x.shape.join(',')}):` + x.toFlatArray().map((v) => (Object.is(v, -0) ? '-0' : String(v))).join(',')
}

/** Layout matrix: the same logical values as C, F, reversed, strided and transposed views. */
function layouts(shape: [number, number], seed: number): NDArray[] {
  const base = random.normal([shape[0] * 2, shape[1] * 2], { seed })
  const c = base.slice(`:${shape[0]}, :${shape[1]}`).copy()
  return [c, c.copy('F'), base.slice(`${shape[0] * 2 - 1}:${shape[0] - 1}:-1, ::2`), base.slice('::2, 1::2'), c.T.copy().T]
}

describe('Runtime parity with the inline kernels (bit-identical for any thread count)', () => {
  const unary = ['negative', 'abs', 'sqrt', 'square', 'exp', 'log1p', 'sin', 'tanh', 'floor', 'rint', 'sign'] as const
  const binary = ['add', 'subtract', 'multiply', 'divide', 'maximum', 'minimum', 'power', 'less', 'equal'] as const
  it('elementwise ops over layouts and thread counts', async () => {
    for (const [i, [m, n]] of ([[37, 29], [130, 7], [1, 1000]] as [number, number][]).entries()) {
      const xs = layouts([m, n], 10 + i)
      const ys = layouts([m, n], 20 + i)
      for (const x of xs) {
        for (const op of unary) {
          const want = bits((core as unknown as Record<string, (a: NDArray) => NDArray>)[op]!(x))
          for (const rt of [rt1, rt2, rtShare]) expect(bits(await rt[op](x)), `${op} ${x.shape}`).toBe(want)
        }
        for (const op of binary) {
          const y = ys[(i + op.length) % ys.length]!
          const want = bits((core as unknown as Record<string, (a: NDArray, b: NDArray) => NDArray>)[op]!(x, y))
          for (const rt of [rt1, rt2, rtShare]) expect(bits(await rt[op](x, y)), `${op}`).toBe(want)
        }
      }
    }
  })
  it('broadcasting, scalars and out=', async () => {
    const a = random.uniform([64, 33], { seed: 3 })
    const b = random.uniform([33], { seed: 4 })
    const out = zeros([64, 33])
    const r = await rt2.add(a, b, { out })
    expect(r).toBe(out)
    expect(bits(out)).toBe(bits(core.add(a, b)))
    expect(bits(await rt2.multiply(a, 2.5))).toBe(bits(core.multiply(a, 2.5)))
    const i8 = arange(300, { dtype: 'int8' })
    expect(bits(await rt2.add(i8, 100))).toBe(bits(core.add(i8, 100)))
  })
  it('inputs broadcast to the shape of out, as in NumPy (out itself never stretches)', async () => {
    const rt = new Runtime({ threads: 2 })
    try {
      const o = zeros([5])
      expect(await rt.negative(zeros([1]), { out: o })).toBe(o)
      expect(bits(o)).toBe('float64(5):-0,-0,-0,-0,-0')
      // on the pool too (rt2 sends every job to the workers)
      expect(bits(await rt2.negative(zeros([1]).fill(2), { out: zeros([5]) }))).toBe('float64(5):-2,-2,-2,-2,-2')
      const o2 = zeros([5, 3])
      expect(bits(await rt2.add(zeros([5, 1]), 1, { out: o2 }))).toBe(`float64(5,3):${new Array(15).fill(1).join(',')}`)
      await expect(rt2.add(zeros([5]), 1, { out: zeros([1]) })).rejects.toThrow(core.ShapeError)
    } finally { await rt.close() }
  })
  it('reductions: full, per axis, large contiguous runs split into units', async () => {
    const big = random.normal([1_000_003], { seed: 5 })
    const m = random.normal([513, 700], { seed: 6 })
    const cases: [NDArray, Record<string, unknown>][] = [
      [big, {}], [big.slice('::3'), {}], [big.slice('::-1'), {}],
      [m, {}], [m, { axis: 0 }], [m, { axis: 1 }], [m.T, { axis: 1 }], [m, { axis: [0, 1] }], [m, { axis: 1, keepdims: true }],
    ]
    for (const op of ['sum', 'mean', 'max', 'min', 'argmax', 'argmin', 'prod', 'var', 'std'] as const) {
      for (const [x, opts] of cases) {
        // argmin/argmax take a single axis, as in NumPy
        if ((op === 'argmax' || op === 'argmin') && Array.isArray(opts.axis)) continue
        const want = bits((core as unknown as Record<string, (a: NDArray, o: unknown) => NDArray | Scalar>)[op]!(x, opts))
        for (const rt of [rt1, rt2, rtShare]) expect(bits(await rt[op](x, opts)), `${op} ${JSON.stringify(opts)} ${x.shape}`).toBe(want)
      }
    }
    const ints = arange(200_001, { dtype: 'int32' })
    expect(bits(await rt2.sum(ints))).toBe(bits(core.sum(ints)))
    const flags = core.greater(big, 3)
    expect(await rt2.any(flags)).toBe(core.any(flags))
    expect(await rt2.all(flags)).toBe(core.all(flags))
  })
})

describe('Runtime copies run on the pool with the same result as inline', () => {
  it('copy in every order, astype and copyInto over layouts and thread counts', async () => {
    for (const x of layouts([301, 257], 31)) {
      for (const order of ['C', 'F', 'A', 'K'] as const) {
        const want = x.copy(order)
        for (const rt of [rt1, rt2, rtShare]) {
          const got = await rt.copy(x, { order })
          expect([got.byteStrides, bits(got), got.flags.ownData]).toEqual([want.byteStrides, bits(want), true])
        }
      }
      expect(bits(await rt2.astype(x, 'float32'))).toBe(bits(x.astype('float32')))
      expect(bits(await rt2.astype(x, 'int16'))).toBe(bits(x.astype('int16')))
    }
    const dst = zeros([40, 50])
    const row = random.uniform([50], { seed: 9 })
    await rt2.copyInto(dst, row)
    expect(bits(dst)).toBe(bits(row.broadcastTo([40, 50]).copy()))
  })
  it('copyInto refuses a read-only destination and resolves overlap copy-first, as dst[...] = src', async () => {
    await expect(rt2.copyInto(arange(5).broadcastTo([2, 5]), arange(5))).rejects.toThrow(/read-only/)
    const a = arange(8)
    await rt2.copyInto(a.slice('1:'), a.slice(':-1'))
    expect(a.toArray()).toEqual([0, 0, 1, 2, 3, 4, 5, 6])
  })
})

describe('Runtime overlap rule: aliasing writes are rejected and nothing is written', () => {
  const cases: [string, () => Promise<unknown>, NDArray][] = []
  const x = arange(1000)
  cases.push(['partial overlap x[1:] = x[:-1] + 1', () => rt2.add(x.slice(':-1'), 1, { out: x.slice('1:') }), x])
  const y = arange(1000)
  cases.push(['reversed view', () => rt2.add(y, 1, { out: y.flip() }), y])
  const m = arange(400).reshape([20, 20])
  cases.push(['transposed alias m += m.T', () => rt2.add(m, m.T, { out: m }), m])
  const z = arange(50)
  cases.push(['stride-0 output', () => rt2.add(arange(250).reshape([5, 50]), 1, { out: asStrided(z, { shape: [5, 50], strides: [0, 1] }) }), z])
  const w = arange(1000)
  cases.push(['interleaved out vs input with a shifted start', () => rt2.sqrt(w.slice(':-2:2'), { out: w.slice('2::2') }), w])
  for (const [name, run, target] of cases) {
    it(name, async () => {
      const before = bits(target)
      await expect(run()).rejects.toThrow(OverlapError)
      expect(bits(target)).toBe(before)
    })
  }
  it('the identical view as out is allowed (safe under any partition)', async () => {
    const a = arange(10_000)
    await rt2.add(a, 1, { out: a })
    expect(a.get(9999)).toBe(10_000)
  })
  it("overlap: 'copy' gives NumPy's copy-first result", async () => {
    const a = arange(8)
    await rt2.add(a.slice('1:'), a.slice(':-1'), { out: a.slice('1:'), overlap: 'copy' })
    expect(a.toArray()).toEqual([0, 1, 3, 5, 7, 9, 11, 13])
  })
  it('rejects ArrayBuffer-backed operands with a NotSharedError that says how to fix it', async () => {
    const a = fromBuffer(new ArrayBuffer(80))
    await expect(rt2.add(a, 1)).rejects.toThrow(NotSharedError)
    await expect(rt2.add(a, 1)).rejects.toThrow(/SharedArrayBuffer/)
  })
})

describe('Runtime hazard ordering', () => {
  it('a dependent chain fired with Promise.all gives the sequential answer, repeatedly', async () => {
    for (let rep = 0; rep < 15; rep++) {
      const n = 1000 + rep * 7919
      const x = arange(n)
      const y = zeros([n])
      const seq = (() => {
        const a = arange(n)
        core.add(a, 1, { out: a })
        core.multiply(a, 3, { out: a })
        const b = core.subtract(a.slice('::-1'), 2)
        core.sqrt(b, { out: b })
        return [bits(a), bits(b), bits(core.sum(b))]
      })()
      const [, , , , s] = await Promise.all([
        rt2.add(x, 1, { out: x }),
        rt2.multiply(x, 3, { out: x }),
        rt2.subtract(x.slice('::-1'), 2, { out: y }),
        rt2.sqrt(y, { out: y }),
        rt2.sum(y),
      ])
      expect([bits(x), bits(y), bits(s as Scalar)]).toEqual(seq)
    }
  })
  it('writers of disjoint halves, fired together, both land (their independence is asserted in the HazardTracker test)', async () => {
    const x = zeros([100_000])
    await Promise.all([rt2.add(x.slice(':50000'), 1, { out: x.slice(':50000') }), rt2.add(x.slice('50000:'), 2, { out: x.slice('50000:') })])
    expect(core.sum(x)).toBe(150_000)
  })
})

describe('Runtime faults', () => {
  it('abort while queued drops the job: nothing is written', async () => {
    const x = random.uniform([2_000_000], { seed: 1 })
    const ac = new AbortController()
    const first = rt2.exp(x, { out: x })
    const second = rt2.add(x, 1000, { out: x, signal: ac.signal })
    ac.abort()
    await expect(second).rejects.toThrow(AbortError)
    await first
    expect(core.max(x) as number).toBeLessThan(3)
  })
  it('abort while running rejects with AbortError and the runtime keeps working', async () => {
    const x = random.uniform([16_000_000], { seed: 2 })
    const ac = new AbortController()
    const p = rt2.exp(x, { signal: ac.signal })
    setTimeout(() => ac.abort(), 2)
    await expect(p).rejects.toThrow(AbortError)
    const small = arange(1000)
    expect(await rt2.sum(small)).toBe(499_500)
  })
  it('an already-aborted signal rejects at once', async () => {
    await expect(rt2.add(arange(3), 1, { signal: AbortSignal.abort() })).rejects.toThrow(AbortError)
  })
  it('a worker killed mid-job rejects that job with WorkerCrashError; the pool replaces it', async () => {
    const rt = new Runtime({ threads: 2, inlineThreshold: 0 })
    try {
      await rt.sum(arange(10)) // workers started
      const x = random.uniform([16_000_000], { seed: 3 })
      const p = rt.exp(x)
      await new Promise((r) => setTimeout(r, 5))
      await rt.pool!.threads[0]!.terminate()
      await expect(p).rejects.toThrow(WorkerCrashError)
      for (let i = 0; i < 4; i++) expect(await rt.sum(arange(100_000))).toBe(4_999_950_000)
    } finally {
      await rt.close()
    }
  })
  it('a closed runtime refuses new jobs', async () => {
    const rt = new Runtime({ threads: 1 })
    await rt.close()
    await expect(rt.add(arange(3), 1)).rejects.toThrow(RuntimeClosedError)
  })
  it('close() leaves no handles: a script that uses a Runtime exits by itself (await using too)', () => {
    const child = fileURLToPath(new URL('./fixtures/workers/exit-child.ts', import.meta.url))
    const r = spawnSync(process.execPath, [...SOURCE_NODE_FLAGS, child], { encoding: 'utf8', timeout: 60_000 })
    expect(r.error).toBeUndefined()
    expect(r.stderr).toBe('')
    expect(r.stdout.trim()).toBe('done 4999950000 4999950000')
    expect(r.status).toBe(0)
  })
})
