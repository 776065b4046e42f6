/**
 * Golden replay of NumPy's joining, splitting and tiling functions (test/fixtures/shape-ops/*.json, written by
 * scripts/gen_shape_ops_fixtures.py with NumPy 2.4.6). Every case rebuilds its inputs (contiguous, Fortran,
 * negative strides, stepped, transposed, broadcast, empty, 0-d), calls the strided function and compares with what
 * NumPy did: shape, dtype, byte strides, values, flags, view-or-copy (`.base` identity, the very same object, and
 * sharesMemory with the inputs), or the error class NumPy's exception maps to.
 *
 * Also exports the replay helpers (the unit and property tests reuse the input builder); the golden tests are
 * registered only when this file runs as a test file itself.
 */
import { readFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import * as S from '@strided/core'
import { NDArray, array, sharesMemory, zeros, type DTypeName } from '@strided/core'
import { decode, encode, makeBase, type BaseSpec, type Encoded } from './support/fixtures.js'

export { decode, encode, makeBase, type BaseSpec, type Encoded }
export interface Step { op: 'index' | 'transpose' | 'broadcast_to'; expr?: string; axes?: number[] | null; shape?: number[] }
export interface InputSpec { base: BaseSpec; steps: Step[]; layout: string }
export interface OutSpec { dtype: DTypeName; shape: number[]; layout?: string }
export interface Result {
  shape: number[]; dtype: DTypeName; strides: number[]; values: Encoded[]
  flags: [boolean, boolean, boolean, boolean]; owner: string; same: string | null
}
export interface ErrorSpec { numpy: string; message: string; ts: string }
export interface Case {
  id: number; fn: string; label: string; inputs: InputSpec[]; args: Record<string, unknown>
  out?: OutSpec; expect?: Result | Result[]; multi?: boolean; error?: ErrorSpec
}
interface CaseFile { numpy: string; target: string; cases: Case[] }

const FIXTURES = join(dirname(fileURLToPath(import.meta.url)), 'fixtures', 'shape-ops')
export const FIXTURE_FILES = ['join', 'split', 'tile', 'pad', 'roll', 'diff', 'rotate', 'meshgrid', 'atleast'] as const

export function loadCases(name: string): CaseFile {
  return JSON.parse(readFileSync(join(FIXTURES, `${name}.json`), 'utf8')) as CaseFile
}

/** An input rebuilt from its spec: the base, then its view steps. */
export function makeInput(spec: InputSpec): NDArray {
  let a = makeBase(spec.base)
  for (const s of spec.steps) {
    if (s.op === 'index') a = a.slice(s.expr!)
    else if (s.op === 'transpose') a = s.axes === null || s.axes === undefined ? a.transpose() : a.transpose(s.axes)
    else a = a.broadcastTo(s.shape!)
  }
  return a
}

function makeOut(spec: OutSpec): NDArray {
  if (spec.layout === 'step') {
    const big = zeros(spec.shape.map((n) => 2 * n), { dtype: spec.dtype })
    return big.slice(spec.shape.map(() => '::2').join(', '))
  }
  return zeros(spec.shape, { dtype: spec.dtype, order: spec.layout === 'f' ? 'F' : 'C' })
}

function decodeArg(v: unknown, ins: readonly NDArray[]): unknown {
  if (Array.isArray(v)) return v.map((w) => decodeArg(w, ins))
  if (typeof v !== 'object' || v === null) return v
  const o = v as Record<string, unknown>
  if ('$big' in o) return BigInt(o.$big as string)
  if ('$float' in o) return Number(o.$float)
  if ('$input' in o) return ins[o.$input as number]
  if ('$dict' in o) return o.$dict
  if ('$array' in o) {
    const spec = o.$array as { dtype: DTypeName; values: Encoded[] }
    return array(spec.values.map((x) => decode(x, spec.dtype)), { dtype: spec.dtype })
  }
  return o
}

/** Call the strided function of a case. */
export function callCase(c: Case, ins: NDArray[], out: NDArray | undefined): NDArray | NDArray[] {
  const a: Record<string, unknown> = {}
  for (const [k, v] of Object.entries(c.args)) a[k] = decodeArg(v, ins)
  const opt = <T extends string>(...keys: T[]): Record<T, unknown> => {
    const o = {} as Record<T, unknown>
    for (const k of keys) if (k in a) o[k] = a[k]
    return o
  }
  const x = ins[0]!
  const outOpt = out === undefined ? {} : { out }
  // rowsOf: input 0 itself is the sequence (an NDArray stands for its rows)
  const seq = a.rowsOf === true ? x : ins
  switch (c.fn) {
    case 'concatenate': return S.concatenate(seq, { ...opt('axis', 'dtype', 'casting'), ...outOpt } as S.ConcatenateOptions)
    case 'stack': return S.stack(seq, { ...opt('axis', 'dtype', 'casting'), ...outOpt } as S.StackOptions)
    case 'hstack': return S.hstack(seq, opt('dtype', 'casting') as S.HVStackOptions)
    case 'vstack': return S.vstack(seq, opt('dtype', 'casting') as S.HVStackOptions)
    case 'dstack': return S.dstack(ins)
    case 'columnStack': return S.columnStack(ins)
    case 'split': return S.split(x, a.indicesOrSections as S.IndicesOrSections, opt('axis') as S.SplitOptions)
    case 'arraySplit': return S.arraySplit(x, a.indicesOrSections as S.IndicesOrSections, opt('axis') as S.SplitOptions)
    case 'hsplit': return S.hsplit(x, a.indicesOrSections as S.IndicesOrSections)
    case 'vsplit': return S.vsplit(x, a.indicesOrSections as S.IndicesOrSections)
    case 'dsplit': return S.dsplit(x, a.indicesOrSections as S.IndicesOrSections)
    case 'tile': return S.tile(x, a.reps as number[])
    case 'repeat': return S.repeat(x, a.repeats as S.Repeats, opt('axis') as S.RepeatOptions)
    case 'pad': return S.pad(x, a.padWidth as S.PadWidth, opt('mode', 'constantValues') as S.PadOptions)
    case 'roll': return S.roll(x, a.shift as S.Shift, opt('axis') as S.RollOptions)
    case 'diff': return S.diff(x, opt('n', 'axis', 'prepend', 'append') as S.DiffOptions)
    case 'fliplr': return S.fliplr(x)
    case 'flipud': return S.flipud(x)
    case 'rot90': return S.rot90(x, opt('k', 'axes') as S.Rot90Options)
    case 'meshgrid': return S.meshgrid(...ins, opt('indexing', 'sparse', 'copy') as S.MeshgridOptions)
    case 'atleast1d': return ins.length === 1 ? S.atleast1d(x) : S.atleast1d(...ins)
    case 'atleast2d': return ins.length === 1 ? S.atleast2d(x) : S.atleast2d(...ins)
    case 'atleast3d': return ins.length === 1 ? S.atleast3d(x) : S.atleast3d(...ins)
    default: throw new Error(`unknown fixture function ${c.fn}`)
  }
}

const ERROR_CLASSES: Record<string, new (...a: never[]) => Error> = {
  IndexError: S.IndexError, AxisError: S.AxisError, ShapeError: S.ShapeError, DTypeError: S.DTypeError,
  ValueError: S.ValueError, OverflowError: S.OverflowError,
}

const ownerOf = (a: NDArray): NDArray => a.base ?? a

/**
 * Deliberate difference: meshgrid with copy false and sparse false returns its stretched outputs read-only
 * (broadcastArrays' rule), where NumPy's are writeable with a warn-on-write flag.
 */
function expectedWriteable(c: Case, want: Result, r: NDArray, ins: readonly NDArray[], index: number): boolean {
  if (c.fn !== 'meshgrid' || c.args.copy !== false || c.args.sparse === true) return want.flags[3]
  // the output's shape before broadcasting: length 1 on every axis but its own (the first two swap for 'xy')
  const nd = ins.length
  const own = c.args.indexing !== 'ij' && nd > 1 && index < 2 ? 1 - index : index
  const sparse = ins.map((_, k) => (k === own ? ins[index]!.size : 1))
  return JSON.stringify(sparse) === JSON.stringify(r.shape) ? want.flags[3] : false
}

function checkResult(c: Case, r: NDArray, want: Result, ins: NDArray[], out: NDArray | undefined, index: number, where: string, problems: string[]): void {
  const bad = (what: string, got: unknown, exp: unknown): void => { problems.push(`${where}: ${what} ${JSON.stringify(got)}, expected ${JSON.stringify(exp)}`) }
  if (!(r instanceof NDArray)) { problems.push(`${where}: result is not an NDArray`); return }
  if (JSON.stringify(r.shape) !== JSON.stringify(want.shape)) bad('shape', r.shape, want.shape)
  if (r.dtype !== want.dtype) bad('dtype', r.dtype, want.dtype)
  // byte strides too, those of zero-size results included (NumPy gives fresh ones all-zero strides, views keep theirs)
  if (JSON.stringify(r.byteStrides) !== JSON.stringify(want.strides)) bad('byte strides', r.byteStrides, want.strides)
  const values = r.toFlatArray().map(encode)
  const firstDiff = values.findIndex((v, i) => !Object.is(v, want.values[i]))
  if (values.length !== want.values.length || firstDiff >= 0) bad(`values (first difference at ${firstDiff})`, values, want.values)
  const f = r.flags
  const flags = [f.cContiguous, f.fContiguous, f.ownData, f.writeable]
  const wantFlags = [...want.flags.slice(0, 3), expectedWriteable(c, want, r, ins, index)]
  if (JSON.stringify(flags) !== JSON.stringify(wantFlags)) bad('flags [C, F, OWNDATA, WRITEABLE]', flags, wantFlags)
  // view or copy: who owns the memory, and whether NumPy returned an argument itself
  const inOwners = ins.map(ownerOf)
  if (want.owner === 'self') {
    if (r.base !== null) bad('base', 'an array', null)
  } else if (want.owner === 'hidden') {
    if (r.base === null || inOwners.includes(r.base) || (out !== undefined && r.base === ownerOf(out))) bad('base (expected a fresh hidden array)', r.base === null ? null : 'an input owner', 'hidden')
  } else if (want.owner === 'out') {
    if (out === undefined || r.base !== ownerOf(out)) bad('base', r.base === null ? null : 'another array', 'the owner of out')
  } else {
    const k = Number(want.owner.slice(2))
    if (r.base !== inOwners[k]) bad('base', r.base === null ? null : 'another array', want.owner)
  }
  const same = want.same === 'out' ? out : want.same === null ? undefined : ins[Number(want.same.slice(2))]
  if (same !== undefined && r !== same) bad('result is the same object as', 'a new object', want.same)
  if (same === undefined && (ins.includes(r) || r === out)) bad('result is an argument itself', true, false)
  if (r.size > 0) {
    ins.forEach((x, k) => {
      const shares = sharesMemory(r, x)
      const expected = want.owner === `in${k}` || (want.same === `in${k}`)
      if (shares !== expected) bad(`sharesMemory(result, input ${k})`, shares, expected)
    })
  }
}

/** Replay one case; returns every mismatch as a readable line (empty when strided agrees with NumPy). */
export function replayCase(c: Case): string[] {
  const problems: string[] = []
  const where = `#${c.id} ${c.fn} [${c.label}] ${JSON.stringify(c.args)}`
  const ins = c.inputs.map(makeInput)
  const before = ins.map((x) => x.toFlatArray().map(encode))
  const out = c.out === undefined ? undefined : makeOut(c.out)
  const outBefore = out?.toFlatArray().map(encode)
  let r: NDArray | NDArray[]
  try {
    r = callCase(c, ins, out)
  } catch (e) {
    if (c.error === undefined) return [`${where}: threw ${(e as Error).name}: ${(e as Error).message}`]
    const cls = ERROR_CLASSES[c.error.ts]!
    if (!(e instanceof cls) || !(e instanceof S.StridedError)) {
      problems.push(`${where}: threw ${(e as Error).name}: ${(e as Error).message}; expected ${c.error.ts} (NumPy ${c.error.numpy}: ${c.error.message})`)
    } else if (!(e as Error).message.includes(c.fn)) {
      problems.push(`${where}: the message does not name the function: ${(e as Error).message}`)
    }
    // a failed call writes nothing
    if (out !== undefined && JSON.stringify(out.toFlatArray().map(encode)) !== JSON.stringify(outBefore)) problems.push(`${where}: out was written before the error`)
    return problems
  }
  if (c.error !== undefined) return [`${where}: no error, NumPy raised ${c.error.numpy}: ${c.error.message}`]
  if (c.multi === true) {
    const want = c.expect as Result[]
    if (!Array.isArray(r)) return [`${where}: expected ${want.length} arrays, got one`]
    if (r.length !== want.length) problems.push(`${where}: ${r.length} arrays, expected ${want.length}`)
    r.forEach((x, i) => { if (want[i] !== undefined) checkResult(c, x, want[i]!, ins, out, i, `${where} result ${i}`, problems) })
  } else {
    if (Array.isArray(r)) return [`${where}: expected one array, got ${r.length}`]
    checkResult(c, r, c.expect as Result, ins, out, 0, where, problems)
  }
  ins.forEach((x, k) => {
    if (JSON.stringify(x.toFlatArray().map(encode)) !== JSON.stringify(before[k])) problems.push(`${where}: input ${k} was modified`)
  })
  return problems
}

if (!(globalThis as { __STRIDED_SHAPE_OPS_LIB__?: boolean }).__STRIDED_SHAPE_OPS_LIB__) {
  describe('NumPy shape functions (golden fixtures)', () => {
    it('fixtures were generated by the target NumPy and cover every function', () => {
      const fns = new Set<string>()
      for (const name of FIXTURE_FILES) {
        const f = loadCases(name)
        expect(f.numpy).toBe('2.4.6')
        for (const c of f.cases) fns.add(c.fn)
      }
      expect([...fns].sort()).toEqual([
        'arraySplit', 'atleast1d', 'atleast2d', 'atleast3d', 'columnStack', 'concatenate', 'diff', 'dsplit', 'dstack',
        'fliplr', 'flipud', 'hsplit', 'hstack', 'meshgrid', 'pad', 'repeat', 'roll', 'rot90', 'split', 'stack', 'tile',
        'vsplit', 'vstack',
      ])
    })
    for (const name of FIXTURE_FILES) {
      const file = loadCases(name)
      const fns = [...new Set(file.cases.map((c) => c.fn))]
      describe(`${name}.json`, () => {
        it.each(fns)('%s', (fn) => {
          const cases = file.cases.filter((c) => c.fn === fn)
          const problems = cases.flatMap(replayCase)
          expect(problems.slice(0, 20), `${problems.length} problems in ${cases.length} ${fn} cases`).toEqual([])
        })
        it('error cases: the class NumPy\'s exception maps to, and nothing written', () => {
          const errs = file.cases.filter((c) => c.error !== undefined)
          expect(errs.flatMap(replayCase)).toEqual([])
        })
      })
    }
  })
}
