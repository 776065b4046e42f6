/**
 * The WASM SIMD path end to end: with `configureArena({ minBytes: 0 })` every array of this file, however small,
 * lives in the arena, so the NumPy goldens of the ufunc and reduce fixtures run through the WASM kernels wherever
 * they cover the case; and a fast-check property checks that every covered op gives the same bits with
 * setWasmEnabled(true) as with setWasmEnabled(false) (the JS kernels), over layouts that take the WASM path
 * (contiguous, reversed, transposed, broadcast row/column, scalar either side, out = an input) and ones that do not
 * (strided), with NaN, ±0, ±Inf and subnormals.
 *
 * The backend module is wrapped (vi.mock) to count the WASM kernel calls, so the test fails if the WASM path is
 * silently skipped (e.g. arena arrays no longer recognised).
 */
import fc from 'fast-check'
import { describe, expect, it, vi } from 'vitest'
import * as core from '@strided/core'
import { NDArray, arenaStats, configureArena, setWasmEnabled, wasmEnabled, zeros, type Scalar } from '@strided/core'
import { isArenaBuffer } from '@strided/core/internal'
import * as coreByPath from '../packages/core/src/index.js'
import { loadFixture, runCase as runUfuncCase, type Case as UfuncCase } from './ufunc.helpers.js'
import { compare, describeCase, loadCases, runCase as runReduceCase, type Case as ReduceCase } from './reduce.helpers.js'
import { rng } from './support/rng.js'

// Before any array exists (the imports above create none; configureArena throws once the arena exists, see the
// set-up test). Vitest isolates test files (pool 'forks', a fresh module graph per file), so this setting does
// not leak into other files: arena.arrays.test.ts checks that small arrays stay out of the arena.
configureArena({ minBytes: 0 })

/** Kernel name → number of calls into WASM (counted by the wrapped backend below). */
const calls = vi.hoisted(() => new Map<string, number>())
vi.mock('../packages/core/src/kernels/wasm/backend.js', async (importOriginal) => {
  const orig = await importOriginal<typeof import('../packages/core/src/kernels/wasm/backend.js')>()
  const counted = <F extends (...args: never[]) => unknown>(name: string, k: F | undefined): F | undefined => {
    if (k === undefined) return undefined
    return ((...args: Parameters<F>) => {
      calls.set(name, (calls.get(name) ?? 0) + 1)
      return k(...args)
    }) as unknown as F
  }
  return {
    ...orig,
    wasmBinary: (op: string, dt: string, form: 'vv' | 'vs' | 'sv') => counted(`${op}/${dt}/${form}`, orig.wasmBinary(op, dt, form as 'vv')),
    wasmUnary: (op: string, dt: string) => counted(`${op}/${dt}`, orig.wasmUnary(op, dt)),
    wasmReduce: (op: 'sum' | 'max' | 'min', dt: 'f64' | 'f32') => counted(`reduce ${op}/${dt}`, orig.wasmReduce(op, dt)),
  }
})

const totalCalls = (prefix = ''): number => [...calls].reduce((t, [k, n]) => (k.startsWith(prefix) ? t + n : t), 0)

describe('set-up', () => {
  it('every array is in the arena, one core module instance, WASM available', () => {
    expect(coreByPath.NDArray).toBe(NDArray) // reduce.helpers imports by path: the same module, the same arena
    expect(wasmEnabled()).toBe(true)
    const tiny = zeros([1])
    expect(isArenaBuffer(tiny.buffer)).toBe(true)
    expect(tiny.arenaBlock).toBeGreaterThan(0)
    expect(core.arange(3).arenaBlock).toBeGreaterThan(0)
    expect(arenaStats()!.liveBlocks).toBeGreaterThanOrEqual(2)
    expect(() => configureArena({ minBytes: 0 })).toThrow(/already exists/)
  })
})

// ------------------------------------------------------------------------------------------------ NumPy goldens

function checkUfunc(name: string, cases: UfuncCase[], preferBigInt = false): number {
  const before = totalCalls()
  const failures: string[] = []
  cases.forEach((c, i) => {
    const f = runUfuncCase(c, preferBigInt)
    if (f !== null) failures.push(`#${i} ${c.op}: ${f}`)
  })
  expect(failures.slice(0, 25), `${failures.length} of ${cases.length} ${name} cases differ from NumPy`).toEqual([])
  return totalCalls() - before
}

// Most fixture arrays are small: only their runs of at least 16 elements (MIN_RUN in elementwise-wasm.ts) reach
// WASM (a handful per file; none in scalars.json). The property tests below cover the rest.
describe('ufunc fixtures through the WASM kernels (NumPy goldens, every array in the arena)', () => {
  it('binary.json', () => expect(checkUfunc('binary', loadFixture<UfuncCase[]>('binary.json'))).toBeGreaterThan(0))
  it('unary.json', () => expect(checkUfunc('unary', loadFixture<UfuncCase[]>('unary.json'))).toBeGreaterThan(0))
  it('scalars.json', () => {
    checkUfunc('scalar', loadFixture<UfuncCase[]>('scalars.json').filter((c) => !c.bigint))
    checkUfunc('scalar', loadFixture<UfuncCase[]>('scalars.json'), true)
  })
  it('layout.json', () => expect(checkUfunc('layout', loadFixture<UfuncCase[]>('layout.json'))).toBeGreaterThan(0))
})

const REDUCE_GROUPS = ['pairwise', 'chunking', 'axes', 'dtypes', 'stats', 'nan', 'empty', 'random'] as const

describe('reduce fixtures through the WASM kernels (float cases; NumPy goldens)', () => {
  it.each(REDUCE_GROUPS)('%s', (group) => {
    // only float reductions can take the WASM path; the other dtypes are covered by reduce.fixtures.test.ts
    const cases = loadCases(group).filter((c: ReduceCase) => !c.error && (c.base.dtype === 'float64' || c.base.dtype === 'float32'))
    const before = totalCalls('reduce ')
    const failures: string[] = []
    for (const c of cases) {
      let msg: string | null
      try {
        msg = compare(c, runReduceCase(c))
      } catch (e) {
        msg = `threw ${(e as Error).name}: ${(e as Error).message}`
      }
      if (msg !== null) failures.push(`${describeCase(c)}: ${msg}`)
    }
    expect(failures.slice(0, 15)).toEqual([])
    if (group !== 'empty') expect(totalCalls('reduce ') - before, `${group}: WASM reductions run`).toBeGreaterThan(0)
  })
})

// ------------------------------------------------------------------------------------------------ WASM vs JS

const BINARY = ['add', 'subtract', 'multiply', 'divide', 'maximum', 'minimum'] as const
const UNARY = ['negative', 'abs', 'sqrt', 'square', 'floor', 'ceil', 'rint'] as const
const LAYOUTS = ['contiguous', 'reversed', 'step', 'transposed', 'row', 'column', 'scalar1', 'scalar2', 'out', 'out2'] as const
type Layout = (typeof LAYOUTS)[number]
type FloatDT = 'float64' | 'float32'


const SPECIAL = [NaN, -NaN, 0, -0, Infinity, -Infinity, 5e-324, -5e-324, 2.2250738585072014e-308, Number.MAX_VALUE, -Number.MAX_VALUE,
  1, -1, 0.5, -0.5, 1.5, -1.5, 2.5, -2.5, 0.49999999999999994, 2 ** 52 + 1, -(2 ** 52) - 1, 2 ** 53, 1e300, -1e-300, 1.4e-45, 3.4028235e38, 1e39]

/**
 * How often a special value (NaN, ±0, ±Inf, extremes) is drawn: often in short arrays, rarely or never in long
 * ones (a NaN anywhere makes max and min NaN, which would hide a max/min mix-up).
 */
type Mix = 'dense' | 'rare' | 'none'
const SPECIAL_P: Record<Mix, number> = { dense: 0.2, rare: 0.002, none: 0 }

function values(seed: number, n: number, dt: FloatDT, mix: Mix = 'dense'): number[] {
  const r = rng(seed)
  const out: number[] = new Array(n)
  const p = SPECIAL_P[mix]
  for (let i = 0; i < n; i++) {
    const u = r()
    let v: number
    if (u < p) v = SPECIAL[Math.floor(r() * SPECIAL.length)]!
    else if (u < 0.2) v = r() < 0.5 ? 0 : -0
    else if (u < 0.4) v = (Math.floor(r() * 64) - 32) / 4 // halves and quarters: rint / floor ties
    else v = (r() < 0.5 ? -1 : 1) * (1 + r()) * 2 ** (Math.floor(r() * 2100) - 1075)
    out[i] = dt === 'float32' ? Math.fround(v) : v
  }
  return out
}

function filled(shape: number[], dt: FloatDT, seed: number, mix: Mix = 'dense'): NDArray {
  const a = NDArray.alloc(shape, dt)
  const d = a.data as Float64Array | Float32Array
  d.set(values(seed, a.size, dt, mix), a.offset)
  return a
}

/** Same value, any NaN equal to any NaN, ±0 told apart. */
const same = (x: unknown, y: unknown): boolean => (typeof x === 'number' && typeof y === 'number' && x !== x ? y !== y : Object.is(x, y))
function flatOf(r: NDArray | Scalar): unknown[] {
  return r instanceof NDArray ? [r.dtype, r.shape.join(','), ...r.toFlatArray()] : [typeof r, r]
}
function firstDiff(a: unknown[], b: unknown[]): string | null {
  if (a.length !== b.length) return `length ${a.length} vs ${b.length}`
  for (let i = 0; i < a.length; i++) if (!same(a[i], b[i])) return `[${i}] wasm ${String(a[i])} vs js ${String(b[i])}`
  return null
}

/** Both ways: the same case built afresh (deterministically) with WASM on, then off. */
function bothWays(f: () => unknown[]): [unknown[], unknown[]] {
  try {
    setWasmEnabled(true)
    const w = f()
    setWasmEnabled(false)
    const before = totalCalls()
    const j = f()
    expect(totalCalls(), 'no WASM kernel runs with setWasmEnabled(false)').toBe(before)
    return [w, j]
  } finally {
    setWasmEnabled(true)
  }
}

interface EwCase { dt: FloatDT; op: string; layout: Layout; m: number; n: number; seed: number; scalarPick: number; mix: Mix }

const lengthArb = fc.oneof(fc.integer({ min: 0, max: 40 }), fc.integer({ min: 0, max: 300 }), fc.integer({ min: 300, max: 2500 }))

const ewArb: fc.Arbitrary<EwCase> = fc.record({
  dt: fc.constantFrom<FloatDT>('float64', 'float32'),
  op: fc.constantFrom<string>(...BINARY, ...UNARY),
  layout: fc.constantFrom<Layout>(...LAYOUTS),
  m: fc.integer({ min: 1, max: 5 }),
  n: lengthArb,
  seed: fc.integer({ min: 1, max: 2 ** 30 }),
  scalarPick: fc.nat(),
  mix: fc.constantFrom<Mix>('dense', 'rare', 'none'),
})

/** The operands of a case in its layout: inputs, and `out` when the result is written into an input. */
function buildEw(c: EwCase): { inputs: (NDArray | number)[]; out?: NDArray } {
  const { dt, m, n, seed, mix } = c
  const unary = (UNARY as readonly string[]).includes(c.op)
  const arr = (k: number): NDArray => {
    const s = seed + 7919 * k
    switch (c.layout) {
      case 'reversed': return filled([m, n], dt, s, mix).slice('::-1, ::-1')
      case 'step': return filled([m, 2 * n], dt, s, mix).slice(':, 1::2')
      case 'transposed': return filled([n, m], dt, s, mix).T
      default: return filled([m, n], dt, s, mix)
    }
  }
  const a = arr(0)
  if (unary) return c.layout === 'out' || c.layout === 'out2' ? { inputs: [a], out: a } : { inputs: [a] }
  const scalar = values(seed + 1, 1 + (c.scalarPick % 5), dt)[c.scalarPick % 5]!
  switch (c.layout) {
    case 'row': return { inputs: [a, filled([n], dt, seed + 3, mix)] }
    case 'column': return c.scalarPick % 2 === 0 ? { inputs: [a, filled([m, 1], dt, seed + 3, mix)] } : { inputs: [filled([m, 1], dt, seed + 3, mix), a] }
    case 'scalar1': return { inputs: [scalar, a] }
    case 'scalar2': return { inputs: [a, scalar] }
    case 'out': { const b = arr(1); return { inputs: [a, b], out: a } }
    case 'out2': { const b = arr(1); return { inputs: [a, b], out: b } }
    default: return { inputs: [a, arr(1)] }
  }
}

function runEw(c: EwCase): unknown[] {
  const { inputs, out } = buildEw(c)
  const fn = (core as unknown as Record<string, (...args: unknown[]) => NDArray>)[c.op]!
  const r = out === undefined ? fn(...inputs) : fn(...inputs, { out })
  if (out !== undefined) expect(r).toBe(out)
  return [...flatOf(r), ...inputs.flatMap((x) => (x instanceof NDArray ? flatOf(x) : [x]))]
}

interface RedCase { dt: FloatDT; op: 'sum' | 'max' | 'min' | 'mean'; axis: null | 0 | 1; layout: 'contiguous' | 'reversed' | 'step' | 'transposed' | '1d'; m: number; n: number; seed: number; mix: Mix }

const redArb: fc.Arbitrary<RedCase> = fc.record({
  dt: fc.constantFrom<FloatDT>('float64', 'float32'),
  op: fc.constantFrom('sum' as const, 'max' as const, 'min' as const, 'mean' as const),
  axis: fc.constantFrom(null, 0 as const, 1 as const),
  layout: fc.constantFrom('contiguous' as const, 'reversed' as const, 'step' as const, 'transposed' as const, '1d' as const),
  m: fc.integer({ min: 1, max: 6 }),
  n: fc.oneof(fc.integer({ min: 1, max: 200 }), fc.integer({ min: 200, max: 3000 })),
  seed: fc.integer({ min: 1, max: 2 ** 30 }),
  mix: fc.constantFrom<Mix>('dense', 'rare', 'none'),
})

function runRed(c: RedCase): unknown[] {
  const { dt, m, n, seed, mix } = c
  let a: NDArray
  switch (c.layout) {
    case 'reversed': a = filled([m, n], dt, seed, mix).slice('::-1, ::-1'); break
    case 'step': a = filled([m, 2 * n], dt, seed, mix).slice(':, ::2'); break
    case 'transposed': a = filled([n, m], dt, seed, mix).T; break
    case '1d': a = filled([m * n], dt, seed, mix); break
    default: a = filled([m, n], dt, seed, mix)
  }
  const axis = a.ndim === 1 && c.axis === 1 ? 0 : c.axis
  const fn = (core as unknown as Record<string, (a: NDArray, o: unknown) => NDArray | Scalar>)[c.op]!
  return flatOf(fn(a, { axis }))
}

describe('WASM kernels agree bit for bit with the JS kernels (fast-check)', () => {
  it('elementwise: every covered op, float64/float32, in every layout', () => {
    calls.clear()
    fc.assert(fc.property(ewArb, (c) => {
      const [w, j] = bothWays(() => runEw(c))
      const d = firstDiff(w, j)
      if (d !== null) throw new Error(`${c.op} ${c.dt} ${c.layout} (${c.m}, ${c.n}) seed ${c.seed}: ${d}`)
    }), { seed: 20240611, numRuns: 350 })
    expect(totalCalls()).toBeGreaterThan(100) // the WASM path really ran
  })

  it('a fixed sweep: every op × dtype × layout at lengths around the SIMD widths', () => {
    calls.clear()
    const failures: string[] = []
    let seed = 1
    for (const dt of ['float64', 'float32'] as FloatDT[]) {
      for (const op of [...BINARY, ...UNARY]) {
        for (const layout of LAYOUTS) {
          for (const [m, n] of [[1, 15], [1, 16], [1, 17], [3, 33], [2, 67], [4, 129]] as [number, number][]) {
            const c: EwCase = { dt, op, layout, m, n, seed: seed++, scalarPick: seed, mix: (['dense', 'rare', 'none'] as const)[seed % 3]! }
            const [w, j] = bothWays(() => runEw(c))
            const d = firstDiff(w, j)
            if (d !== null) failures.push(`${op} ${dt} ${layout} (${m}, ${n}): ${d}`)
          }
        }
      }
    }
    expect(failures.slice(0, 20)).toEqual([])
    // the WASM path really ran, for every op, dtype and operand form
    const missing: string[] = []
    for (const dt of ['float64', 'float32']) {
      for (const op of BINARY) for (const form of ['vv', 'vs', 'sv']) if (!calls.get(`${op}/${dt}/${form}`)) missing.push(`${op}/${dt}/${form}`)
      for (const op of UNARY) if (!calls.get(`${op}/${dt}`)) missing.push(`${op}/${dt}`)
    }
    expect(missing).toEqual([])
  })

  it('reductions: sum / max / min / mean over axis None, 0, 1 in several layouts', () => {
    calls.clear()
    fc.assert(fc.property(redArb, (c) => {
      const [w, j] = bothWays(() => runRed(c))
      const d = firstDiff(w, j)
      if (d !== null) throw new Error(`${c.op} ${c.dt} axis ${c.axis} ${c.layout} (${c.m}, ${c.n}) seed ${c.seed}: ${d}`)
    }), { seed: 977, numRuns: 400 })
    for (const k of ['sum', 'max', 'min']) for (const t of ['f64', 'f32']) expect(calls.get(`reduce ${k}/${t}`), `reduce ${k}/${t}`).toBeGreaterThan(0)
  })

  it('special values only: NaN, ±0 and ±Inf in every position of a SIMD vector', () => {
    calls.clear()
    const pool = [NaN, 0, -0, Infinity, -Infinity, 1, -1]
    for (const dt of ['float64', 'float32'] as FloatDT[]) {
      // every ordered pair of specials, at every lane offset
      const n = pool.length * pool.length * 4 + 3
      const mk = (f: (i: number) => number): NDArray => { const a = NDArray.alloc([n], dt); for (let i = 0; i < n; i++) a.data[a.offset + i] = f(i); return a }
      const make = (): [NDArray, NDArray] => [mk((i) => pool[Math.floor(i / 4) % pool.length]!), mk((i) => pool[(Math.floor(i / (4 * pool.length)) + i) % pool.length]!)]
      for (const op of BINARY) {
        const [w, j] = bothWays(() => { const [a, b] = make(); return [...flatOf((core as unknown as Record<string, (x: NDArray, y: NDArray) => NDArray>)[op]!(a, b))] })
        expect(firstDiff(w, j), `${op} ${dt}`).toBeNull()
      }
      for (const op of UNARY) {
        const [w, j] = bothWays(() => flatOf((core as unknown as Record<string, (x: NDArray) => NDArray>)[op]!(make()[0])))
        expect(firstDiff(w, j), `${op} ${dt}`).toBeNull()
      }
      for (const op of ['sum', 'max', 'min', 'mean']) {
        for (const [name, f] of [['all', (i: number) => pool[i % pool.length]!], ['no NaN', (i: number) => pool[1 + (i % (pool.length - 1))]!], ['zeros', (i: number) => (i % 3 === 0 ? -0 : 0)], ['-0 only', () => -0]] as [string, (i: number) => number][]) {
          const [w, j] = bothWays(() => flatOf((core as unknown as Record<string, (x: NDArray) => Scalar>)[op]!(mk(f))))
          expect(firstDiff(w, j), `${op} ${dt} ${name}`).toBeNull()
        }
      }
    }
    expect(totalCalls('reduce ')).toBeGreaterThan(0)
    expect(totalCalls()).toBeGreaterThan(totalCalls('reduce '))
  })
})
