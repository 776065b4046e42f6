/**
 * Golden replay of NumPy view chains (test/fixtures/views/*.json, written by scripts/gen_view_fixtures.py
 * with NumPy 2.4.6). Every step is replayed with the TS API and compared on shape, byte strides, byte offset
 * from the owner's start, owner identity (`.base`), flags and values.
 *
 * This file also exports the replay helpers used by views.fuzz.test.ts, views.unit.test.ts and
 * creation.test.ts. Those files set `globalThis.__STRIDED_GOLDEN_LIB__` before importing it, so the golden
 * tests below are registered only when this file runs as a test file itself.
 */
import { readFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import * as S from '@strided/core'
import { NDArray } from '@strided/core'
import { decode, encode, makeBase, valuesOf, type BaseSpec, type Encoded } from './support/fixtures.js'

export { decode, encode, makeBase, valuesOf, type BaseSpec, type Encoded }
export interface Expect {
  shape: number[]; strides: number[]; offset: number; owner: string
  flags: [boolean, boolean, boolean, boolean, boolean]; values: Encoded[]; scalar?: boolean; view?: boolean; same?: boolean
}
export interface ErrorSpec { numpy: string; message: string; ts: string }
export interface Step { op: string; expect?: Expect; error?: ErrorSpec; [arg: string]: unknown }
export interface Chain { id: number; base: BaseSpec; steps: Step[] }

export const FIXTURES = join(dirname(fileURLToPath(import.meta.url)), 'fixtures', 'views')
export function loadFixture<T>(name: string): T {
  return JSON.parse(readFileSync(join(FIXTURES, name), 'utf8')) as T
}

/** First mismatch between two encoded value lists (Object.is, so -0 and 0 differ), or null. */
export function diffValues(got: readonly Encoded[], want: readonly Encoded[]): string | null {
  if (got.length !== want.length) return `${got.length} values, expected ${want.length}`
  for (let i = 0; i < got.length; i++) {
    if (!Object.is(got[i], want[i])) return `value ${i} is ${String(got[i])}, expected ${String(want[i])}`
  }
  return null
}

type Axes = number | number[] | null | undefined
const orUndef = <T>(x: T | null | undefined): T | undefined => (x === null ? undefined : x)

/**
 * Apply one fixture step. `fnForm` alternates between NDArray methods and the function forms of views.ts,
 * and between index expression strings and programmatic index items, so both paths are covered.
 */
export function applyStep(cur: NDArray, step: Step, fnForm: boolean): NDArray {
  switch (step.op) {
    case 'index':
      return fnForm ? cur.slice(...(step.items as S.IndexItem[])) : cur.slice(step.expr as string)
    case 'T':
      return cur.T
    case 'transpose': {
      const axes = orUndef(step.axes as number[] | null)
      return fnForm ? S.transpose(cur, axes) : cur.transpose(axes)
    }
    case 'swapaxes':
      return fnForm ? S.swapaxes(cur, step.a1 as number, step.a2 as number) : cur.swapaxes(step.a1 as number, step.a2 as number)
    case 'moveaxis':
      return fnForm ? S.moveaxis(cur, step.src as number | number[], step.dst as number | number[]) : cur.moveaxis(step.src as number | number[], step.dst as number | number[])
    case 'reshape': {
      const opts: { order?: 'C' | 'F' | 'A'; copy?: boolean } = { order: step.order as 'C' | 'F' | 'A' }
      if (step.copy !== undefined) opts.copy = step.copy as boolean
      return fnForm ? S.reshape(cur, step.shape as number | number[], opts) : cur.reshape(step.shape as number | number[], opts)
    }
    case 'ravel':
      return fnForm ? S.ravel(cur, step.order as S.CopyOrder) : cur.ravel(step.order as S.CopyOrder)
    case 'flatten':
      return cur.flatten(step.order as S.CopyOrder)
    case 'copy':
      return cur.copy(step.order as S.CopyOrder)
    case 'broadcast_to':
      return fnForm ? S.broadcastTo(cur, step.shape as number[]) : cur.broadcastTo(step.shape as number[])
    case 'flip':
      return fnForm ? S.flip(cur, orUndef(step.axis as Axes)) : cur.flip(orUndef(step.axis as Axes))
    case 'squeeze':
      return fnForm ? S.squeeze(cur, orUndef(step.axis as Axes)) : cur.squeeze(orUndef(step.axis as Axes))
    case 'expand_dims':
      return fnForm ? S.expandDims(cur, step.axis as number | number[]) : cur.expandDims(step.axis as number | number[])
    case 'view':
      return cur.view(step.dtype as string)
    case 'setflags':
      cur.flags.writeable = step.write as boolean
      return cur
    default:
      throw new Error(`unknown fixture op ${step.op}`)
  }
}

export function describeStep(step: Step): string {
  const { expect: _e, error: _r, items: _i, ...args } = step
  return JSON.stringify(args)
}

const ERROR_CLASSES: Record<string, new (...a: never[]) => Error> = {
  IndexError: S.IndexError, AxisError: S.AxisError, ShapeError: S.ShapeError, DTypeError: S.DTypeError,
  BoundsError: S.BoundsError, ReadOnlyError: S.ReadOnlyError, ValueError: S.ValueError, OverflowError: S.OverflowError,
}

export function errorClass(name: string): new (...a: never[]) => Error {
  const c = ERROR_CLASSES[name]
  if (c === undefined) throw new Error(`unknown error class ${name}`)
  return c
}

/** Compare one result with its expectation; problems are appended to `out`. `owners` maps owner labels to arrays. */
export function checkResult(r: NDArray, input: NDArray, want: Expect, owners: Map<string, NDArray>, k: number, where: string, out: string[]): void {
  const bad = (what: string, got: unknown, exp: unknown): void => { out.push(`${where}: ${what} ${JSON.stringify(got)}, expected ${JSON.stringify(exp)}`) }
  if ((r === input) !== (want.same ?? false)) bad('result is the input object', r === input, want.same ?? false)
  if (JSON.stringify(r.shape) !== JSON.stringify(want.shape)) bad('shape', r.shape, want.shape)
  if (JSON.stringify(r.byteStrides) !== JSON.stringify(want.strides)) bad('byte strides', r.byteStrides, want.strides)
  // owner identity: NumPy's .base (collapsed to the owner), or null when the result owns its data
  const label = want.owner
  let owner: NDArray | null
  if (label === 'self') {
    owner = null
    owners.set(`s${k}`, r)
  } else if (label === `h${k}`) {
    // a copying reshape: the base is a fresh hidden copy, not any earlier array
    owner = r.base
    if (owner === null || [...owners.values()].includes(owner)) bad('base (expected a new hidden copy)', owner === null ? null : 'an earlier array', label)
    else owners.set(label, owner)
  } else {
    owner = owners.get(label) ?? null
    if (owner === null) out.push(`${where}: fixture owner ${label} unknown`)
  }
  if (r.base !== owner) bad('base', r.base === null ? null : 'another array', label)
  const own = r.base ?? r
  if (r.byteOffset - own.byteOffset !== want.offset) bad('byte offset from the owner', r.byteOffset - own.byteOffset, want.offset)
  if (own.buffer !== r.buffer) bad('buffer', 'not the owner buffer', label)
  const f = r.flags
  const got = [f.cContiguous, f.fContiguous, f.ownData, f.writeable, f.aligned]
  if (JSON.stringify(got) !== JSON.stringify(want.flags)) bad('flags [C, F, OWNDATA, WRITEABLE, ALIGNED]', got, want.flags)
  if (want.scalar === true && r.ndim !== 0) bad('ndim for an all-integer index', r.ndim, 0)
  const d = diffValues(valuesOf(r), want.values)
  if (d !== null) out.push(`${where}: ${d}`)
}

/**
 * Replay a chain; returns every mismatch as a readable line (empty when strided agrees with NumPy), plus the
 * arrays it produced.
 */
export function replayChain(chain: Chain, fnForm = chain.id % 2 === 1): { problems: string[]; results: NDArray[]; base: NDArray } {
  const problems: string[] = []
  const a = makeBase(chain.base)
  const owners = new Map<string, NDArray>([['a', a]])
  const results: NDArray[] = []
  let cur = a
  for (let k = 0; k < chain.steps.length; k++) {
    const step = chain.steps[k]!
    const where = `chain ${chain.id} step ${k} ${describeStep(step)} on shape (${cur.shape.join(',')}) ${cur.dtype}`
    if (step.error !== undefined) {
      const cls = errorClass(step.error.ts)
      try {
        applyStep(cur, step, fnForm)
        problems.push(`${where}: no error, NumPy raised ${step.error.numpy}: ${step.error.message}`)
      } catch (e) {
        if (!(e instanceof cls) || !(e instanceof S.StridedError)) {
          problems.push(`${where}: threw ${(e as Error).name}: ${(e as Error).message}; expected ${step.error.ts} (NumPy ${step.error.numpy}: ${step.error.message})`)
        }
      }
      break
    }
    let r: NDArray
    try {
      r = applyStep(cur, step, fnForm)
    } catch (e) {
      problems.push(`${where}: threw ${(e as Error).name}: ${(e as Error).message}`)
      break
    }
    checkResult(r, cur, step.expect!, owners, k, where, problems)
    results.push(r)
    cur = r
  }
  return { problems, results, base: a }
}

interface ChainFile { numpy: string; chains: Chain[] }
interface CaseFile { numpy: string; cases: Chain[] }

if (!(globalThis as { __STRIDED_GOLDEN_LIB__?: boolean }).__STRIDED_GOLDEN_LIB__) {
  const chains = loadFixture<ChainFile>('chains.json')
  const reshapes = loadFixture<CaseFile>('reshape.json')

  describe(`NumPy ${chains.numpy} view chains (golden)`, () => {
    it('has enough cases, generated by the target NumPy', () => {
      expect(chains.numpy).toBe('2.4.6')
      expect(chains.chains.length).toBeGreaterThanOrEqual(600)
      expect(reshapes.cases.length).toBeGreaterThanOrEqual(200)
    })
    // groups of 25 chains keep the report readable and the run fast
    const groups: Chain[][] = []
    for (let i = 0; i < chains.chains.length; i += 25) groups.push(chains.chains.slice(i, i + 25))
    it.each(groups.map((g) => [`${g[0]!.id}..${g[g.length - 1]!.id}`, g] as const))('chains %s', (_name, group) => {
      const problems = group.flatMap((c) => replayChain(c).problems)
      expect(problems).toEqual([])
    })
    it('replays every chain with both API forms (methods and functions, strings and items)', () => {
      const problems = chains.chains.slice(0, 200).flatMap((c) => replayChain(c, c.id % 2 === 0).problems)
      expect(problems).toEqual([])
    })
  })

  describe(`NumPy ${reshapes.numpy} reshape view-or-copy decisions (golden)`, () => {
    it.each(reshapes.cases.filter((c) => (c as { spec?: boolean }).spec).map((c) => [describeStep(c.steps[c.steps.length - 1]!), c] as const))(
      'spec example %s', (_name, c) => {
        expect(replayChain(c).problems).toEqual([])
      },
    )
    it('random sliced / transposed / flipped inputs', () => {
      const problems = reshapes.cases.filter((c) => !(c as { spec?: boolean }).spec).flatMap((c) => replayChain(c).problems)
      expect(problems).toEqual([])
    })
    it('view exactly when NumPy shares memory', () => {
      for (const c of reshapes.cases) {
        const last = c.steps[c.steps.length - 1]!
        if (last.expect?.view === undefined) continue
        const { results } = replayChain(c)
        if (results.length !== c.steps.length) continue // reported by the replay tests
        const r = results[results.length - 1]!
        const input = results[results.length - 2]
        if (input === undefined) continue
        // a view of the input shares its owner; a copy has a fresh owner (itself, or a hidden copy)
        const isView = (r.base ?? r) === (input.base ?? input)
        expect(isView, `case ${c.id} ${describeStep(last)}`).toBe(last.expect.view)
      }
    })
  })
}
