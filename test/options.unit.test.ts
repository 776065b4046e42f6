/**
 * The options rule (check-options.ts): every public function that takes an options object refuses a key it does
 * not read with a ValueError naming the function and the key, before anything is written to `out`; the keys it
 * reads still work, and a key whose value is undefined counts as absent.
 */
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import * as core from '@strided/core'
import {
  NDArray, ValueError, allclose, arange, array, arraySplit, arrayEqual, asStrided, bincount, choose, concatenate,
  configureArena, diff, empty, emptyLike, eye, fromBuffer, fromNpy, full, fullLike, getPrintOptions, hasInternalOverlap,
  histogram, hstack, identity, isclose, isin, linspace, load, loadAsync, mayShareMemory, meshgrid, ones, onesLike, pad,
  random, readNpyHeader, repeat, reshape, roll, rot90, save, saveAsync, searchsorted, select, setPrintOptions, sharesMemory,
  split, stack, toNpy, unique, vstack, withPrintOptions, zeros, zerosLike, take, compress, put, putAlongAxis, takeAlongAxis,
} from '@strided/core'
import { UFUNC_NAMES, checkOptions } from '@strided/core/internal'
import { Runtime } from '@strided/workers'

const BAD = 'bogusKey'
type Opts = Record<string, unknown>

function refused(fn: string, err: unknown, key = BAD): void {
  expect(err).toBeInstanceOf(ValueError)
  expect((err as Error).message).toContain(`${fn}: unknown option "${key}"`)
}

function throwsUnknown(fn: string, call: () => unknown, key = BAD): void {
  let err: unknown
  try { call() } catch (e) { err = e }
  refused(fn, err, key)
}

async function rejectsUnknown(fn: string, call: () => Promise<unknown>, key = BAD): Promise<void> {
  let err: unknown
  try { await call() } catch (e) { err = e }
  refused(fn, err, key)
}

interface Case {
  /** The name the message must carry. */
  fn: string
  call: (opts: Opts) => unknown
  /** Options using the keys the function reads; they must work. */
  known: Opts
  /** For functions with `out`: a fresh out array for call({ ...known, out }). */
  out?: () => NDArray
}

const f3 = (): NDArray => array([0.5, 0.25, 0.75])
const i3 = (): NDArray => array([1, 2, 3], { dtype: 'int32' })
const m23 = (): NDArray => arange(6).reshape([2, 3])
const out3 = (): NDArray => full([3], 7)

function checkCase(c: Case): void {
  throwsUnknown(c.fn, () => c.call({ ...c.known, [BAD]: 1 }))
  expect(() => c.call(c.known)).not.toThrow()
  expect(() => c.call({ ...c.known, [BAD]: undefined })).not.toThrow()
  if (c.out !== undefined) {
    const o = c.out()
    const before = o.toFlatArray()
    throwsUnknown(c.fn, () => c.call({ ...c.known, out: o, [BAD]: 1 }))
    expect(o.toFlatArray()).toEqual(before)
    expect(c.call({ ...c.known, out: o })).toBe(o)
  }
}

const anyCore = core as unknown as Record<string, (...args: unknown[]) => unknown>

const BINARY = [
  'add', 'subtract', 'multiply', 'divide', 'floorDivide', 'mod', 'power', 'maximum', 'minimum', 'bitwiseAnd', 'bitwiseOr',
  'bitwiseXor', 'equal', 'notEqual', 'less', 'lessEqual', 'greater', 'greaterEqual', 'logicalAnd', 'logicalOr', 'leftShift',
  'rightShift', 'arctan2', 'hypot', 'fmod', 'remainder', 'copysign', 'nextafter', 'logaddexp', 'logaddexp2', 'heaviside',
  'floatPower',
]
const BOOL_RESULT = new Set([
  'equal', 'notEqual', 'less', 'lessEqual', 'greater', 'greaterEqual', 'logicalAnd', 'logicalOr', 'logicalNot', 'isnan',
  'isinf', 'isfinite', 'signbit',
])
const INT_ONLY = new Set(['bitwiseAnd', 'bitwiseOr', 'bitwiseXor', 'leftShift', 'rightShift', 'invert'])

function ufuncCase(name: string): Case {
  const x = INT_ONLY.has(name) ? i3() : f3()
  let call: (o: Opts) => unknown
  if (name === 'where') call = (o) => anyCore.where!(array([true, false, true]), x, x, o)
  else if (name === 'clip') call = (o) => anyCore.clip!(x, 0, 1, o)
  else if (BINARY.includes(name)) call = (o) => anyCore[name]!(x, x, o)
  else call = (o) => anyCore[name]!(x, o)
  const known: Opts = { overlap: 'copy', where: true }
  if (name === 'round') known.decimals = 1
  else if (BOOL_RESULT.has(name)) known.dtype = 'bool'
  else if (name !== 'where' && !INT_ONLY.has(name) && name !== 'floatPower') known.dtype = 'float64'
  return { fn: name, call, known, out: out3 }
}

describe('ufuncs', () => {
  it.each([...UFUNC_NAMES])('%s', (name) => checkCase(ufuncCase(name)))

  it('op-specific options: only round takes decimals', () => {
    throwsUnknown('add', () => core.add(f3(), 1, { decimals: 2 } as never), 'decimals')
    throwsUnknown('add', () => core.add(f3(), 1, { outt: out3() } as never), 'outt')
    expect(core.round(array([1.25, 2.5]), { decimals: 1 }).tolist()).toEqual([1.2, 2.5])
  })

  it('a non-object options argument is a ValueError', () => {
    expect(() => core.add(f3(), 1, 5 as never)).toThrow(ValueError)
    expect(() => core.sqrt(f3(), 'out' as never)).toThrow(/sqrt: options must be an object/)
  })

  it('isclose, allclose, arrayEqual', () => {
    checkCase({ fn: 'isclose', call: (o) => isclose(f3(), f3(), o), known: { rtol: 1e-5, atol: 0, equalNan: true } })
    checkCase({ fn: 'allclose', call: (o) => allclose(f3(), f3(), o), known: { rtol: 1e-5, atol: 0, equalNan: true } })
    checkCase({ fn: 'arrayEqual', call: (o) => arrayEqual(f3(), f3(), o), known: { equalNan: true } })
  })
})

describe('reductions', () => {
  const NAMES = ['sum', 'prod', 'min', 'max', 'mean', 'var', 'std', 'argmin', 'argmax', 'any', 'all']
  it.each(NAMES)('%s', (name) => {
    const arg = name === 'argmin' || name === 'argmax'
    const known: Opts = { axis: 0, keepdims: false }
    if (name === 'var' || name === 'std') known.ddof = 1
    if (['sum', 'prod', 'mean', 'var', 'std'].includes(name)) known.dtype = 'float64'
    if (['sum', 'prod', 'min', 'max'].includes(name)) known.initial = 1
    if (!arg) known.where = array([[true, false, true], [true, true, true]])
    checkCase({
      fn: name,
      call: (o) => anyCore[name]!(m23(), o),
      known,
      out: arg ? () => full([3], 7n) : out3,
    })
  })

  it('ddof is read by var and std only', () => {
    throwsUnknown('sum', () => core.sum(m23(), { ddof: 1 } as never), 'ddof')
    throwsUnknown('mean', () => core.mean(m23(), { ddof: 1 } as never), 'ddof')
    throwsUnknown('sum', () => core.sum(m23(), { axes: 0 } as never), 'axes')
    expect(core.var(array([1, 2, 3, 4]), { ddof: 1 })).toBeCloseTo(5 / 3, 12)
  })
})

describe('creation, random, views', () => {
  const cases: Case[] = [
    { fn: 'empty', call: (o) => empty([2], o), known: { dtype: 'int8', order: 'C' } },
    { fn: 'zeros', call: (o) => zeros([2], o), known: { dtype: 'int8', order: 'F' } },
    { fn: 'ones', call: (o) => ones([2], o), known: { dtype: 'int8', order: 'C' } },
    { fn: 'full', call: (o) => full([2], 3, o), known: { dtype: 'int8', order: 'C' } },
    { fn: 'emptyLike', call: (o) => emptyLike(m23(), o), known: { dtype: 'int8', order: 'K' } },
    { fn: 'zerosLike', call: (o) => zerosLike(m23(), o), known: { dtype: 'int8', order: 'F' } },
    { fn: 'onesLike', call: (o) => onesLike(m23(), o), known: { dtype: 'int8', order: 'A' } },
    { fn: 'fullLike', call: (o) => fullLike(m23(), 2, o), known: { dtype: 'int8', order: 'C' } },
    { fn: 'arange', call: (o) => arange(0, 5, 1, o), known: { dtype: 'int32' } },
    { fn: 'linspace', call: (o) => linspace(0, 1, 5, o), known: { dtype: 'float32', endpoint: false } },
    { fn: 'eye', call: (o) => eye(3, 3, o), known: { dtype: 'int8', order: 'F', k: 1 } },
    { fn: 'identity', call: (o) => identity(3, o), known: { dtype: 'int8', order: 'C' } },
    { fn: 'array', call: (o) => array([1, 2], o), known: { dtype: 'int8', order: 'C' } },
    {
      fn: 'fromBuffer', call: (o) => fromBuffer(new SharedArrayBuffer(32), o),
      known: { dtype: 'float64', shape: [2], strides: [2], offset: 0, writeable: false },
    },
    { fn: 'asStrided', call: (o) => asStrided(arange(6), o), known: { shape: [2], strides: [2], offset: 1, writeable: false } },
    { fn: 'uniform', call: (o) => random.uniform([3], o as never), known: { seed: 1, dtype: 'float32', low: 1, high: 2 } },
    { fn: 'normal', call: (o) => random.normal([3], o as never), known: { seed: 1, dtype: 'float64', loc: 1, scale: 2 } },
    { fn: 'reshape', call: (o) => reshape(arange(6), [2, 3], o), known: { order: 'F', copy: true } },
  ]
  it.each(cases.map((c) => [c.fn, c] as const))('%s', (_, c) => checkCase(c))

  it('the misspellings of the brief, and options documented but not read', () => {
    throwsUnknown('zeros', () => zeros([2], { dtyp: 'int8' } as never), 'dtyp')
    // arange and linspace lay out 1-D results: they take no order (their option types say so too)
    throwsUnknown('arange', () => arange(5, { order: 'C' } as never), 'order')
    throwsUnknown('linspace', () => linspace(0, 1, 5, { order: 'C' } as never), 'order')
    throwsUnknown('eye', () => eye(2, { K: 1 } as never), 'K')
  })
})

describe('shape ops', () => {
  const cases: Case[] = [
    { fn: 'concatenate', call: (o) => concatenate([f3(), f3()], o), known: { axis: 0, casting: 'same_kind' }, out: () => full([6], 7) },
    { fn: 'stack', call: (o) => stack([f3(), f3()], o), known: { axis: 1, casting: 'safe' }, out: () => full([3, 2], 7) },
    { fn: 'hstack', call: (o) => hstack([f3(), f3()], o), known: { dtype: 'float32', casting: 'same_kind' } },
    { fn: 'vstack', call: (o) => vstack([f3(), f3()], o), known: { dtype: 'float32', casting: 'same_kind' } },
    { fn: 'diff', call: (o) => diff(m23(), o), known: { n: 1, axis: 0, prepend: 0, append: 0 } },
    { fn: 'meshgrid', call: (o) => meshgrid(f3(), f3(), o as never), known: { indexing: 'ij', sparse: true, copy: false } },
    { fn: 'roll', call: (o) => roll(m23(), 1, o), known: { axis: 1 } },
    { fn: 'rot90', call: (o) => rot90(m23(), o), known: { k: 2, axes: [1, 0] } },
    { fn: 'split', call: (o) => split(m23(), 3, o), known: { axis: 1 } },
    { fn: 'arraySplit', call: (o) => arraySplit(m23(), 2, o), known: { axis: 1 } },
    { fn: 'repeat', call: (o) => repeat(m23(), 2, o), known: { axis: 1 } },
    { fn: 'pad', call: (o) => pad(m23(), 1, o), known: { mode: 'constant', constantValues: 9 } },
  ]
  it.each(cases.map((c) => [c.fn, c] as const))('%s', (_, c) => checkCase(c))

  it('concatenate({ ax }) is refused; the join option checks keep their messages', () => {
    throwsUnknown('concatenate', () => concatenate([f3(), f3()], { ax: 0 } as never), 'ax')
    expect(() => concatenate([f3(), f3()], { out: full([6], 0), dtype: 'float64' })).toThrow(/takes `out` or `dtype`/)
  })
})

describe('search', () => {
  const cases: Case[] = [
    { fn: 'bincount', call: (o) => bincount(i3(), o), known: { minlength: 5, weights: f3() } },
    { fn: 'choose', call: (o) => choose(array([0, 1, 1], { dtype: 'int64' }), [f3(), f3()], o), known: { mode: 'clip' }, out: out3 },
    { fn: 'select', call: (o) => select([array([true, false, true])], [f3()], o), known: { default: 2 } },
    { fn: 'histogram', call: (o) => histogram(f3(), o), known: { bins: 2, range: [0, 1], density: true, weights: f3() } },
    { fn: 'isin', call: (o) => isin(i3(), i3(), o), known: { invert: true, assumeUnique: true } },
    { fn: 'searchsorted', call: (o) => searchsorted(i3(), 2, o), known: { side: 'right', sorter: array([0, 1, 2], { dtype: 'int64' }) } },
    {
      fn: 'unique', call: (o) => unique(i3(), o),
      known: { returnIndex: true, returnInverse: true, returnCounts: true, axis: 0, equalNan: false },
    },
  ]
  it.each(cases.map((c) => [c.fn, c] as const))('%s', (_, c) => checkCase(c))

  it('unique({ foo }) and isin({ kind }) are refused; isin validates assumeUnique', () => {
    throwsUnknown('unique', () => unique(i3(), { foo: 1 } as never), 'foo')
    throwsUnknown('isin', () => isin(i3(), i3(), { kind: 'table' } as never), 'kind')
    expect(() => isin(i3(), i3(), { assumeUnique: 1 } as never)).toThrow(/isin: assumeUnique must be a boolean/)
  })
})

describe('nan reductions and statistics', () => {
  const nanf = (): NDArray => array([0.5, NaN, 0.75])
  const cases: Case[] = [
    ...(['nansum', 'nanprod', 'nanmean'] as const).map((fn): Case => ({ fn, call: (o) => core[fn](nanf(), o), known: { axis: 0, keepdims: false, dtype: 'float64' } })),
    ...(['nanvar', 'nanstd'] as const).map((fn): Case => ({ fn, call: (o) => core[fn](nanf(), o), known: { axis: 0, keepdims: true, dtype: 'float64', ddof: 1 } })),
    ...(['nanmin', 'nanmax', 'nanargmin', 'nanargmax', 'ptp'] as const).map((fn): Case => ({ fn, call: (o) => core[fn](nanf(), o), known: { axis: 0, keepdims: true } })),
    { fn: 'countNonzero', call: (o) => core.countNonzero(nanf(), o), known: { axis: 0, keepdims: true } },
    { fn: 'average', call: (o) => core.average(f3(), o), known: { axis: 0, weights: f3(), returned: true, keepdims: false } },
    { fn: 'cov', call: (o) => core.cov(m23(), null, o), known: { rowvar: false, bias: true, ddof: 0, fweights: [1, 2], aweights: [1, 1], dtype: 'float64' } },
    { fn: 'corrcoef', call: (o) => core.corrcoef(m23(), null, o), known: { rowvar: true, dtype: 'float32' } },
  ]
  it.each(cases.map((c) => [c.fn, c] as const))('%s', (_, c) => checkCase(c))
})

describe('selection and order statistics', () => {
  const stat = { axis: 0, keepdims: false, overwriteInput: false }
  const cases: Case[] = [
    { fn: 'partition', call: (o) => core.partition(m23(), 1, o), known: { axis: 1, kind: 'introselect' } },
    { fn: 'argpartition', call: (o) => core.argpartition(m23(), 1, o), known: { axis: 0, kind: 'introselect' } },
    ...(['median', 'nanmedian'] as const).map((fn): Case => ({ fn, call: (o) => core[fn](m23(), o), known: stat, out: out3 })),
    ...(['quantile', 'nanquantile'] as const).map((fn): Case => ({ fn, call: (o) => core[fn](m23(), 0.5, o), known: { ...stat, method: 'hazen', weights: null }, out: out3 })),
    ...(['percentile', 'nanpercentile'] as const).map((fn): Case => ({ fn, call: (o) => core[fn](m23(), 50, o), known: { ...stat, method: 'nearest' }, out: out3 })),
  ]
  it.each(cases.map((c) => [c.fn, c] as const))('%s', (_, c) => checkCase(c))
})

describe('sorting', () => {
  const cases: Case[] = [
    { fn: 'sort', call: (o) => core.sort(m23(), o), known: { axis: 0, kind: 'stable', order: null } },
    { fn: 'argsort', call: (o) => core.argsort(m23(), o), known: { axis: null, kind: 'heapsort' } },
    { fn: 'sort', call: (o) => m23().sort(o), known: { axis: 0, kind: 'quicksort' } },
    { fn: 'lexsort', call: (o) => core.lexsort(m23(), o), known: { axis: 0 } },
  ]
  it.each(cases.map((c, i) => [`${c.fn} ${i}`, c] as const))('%s', (_, c) => checkCase(c))
})

describe('scans', () => {
  const out23 = (): NDArray => full([2, 3], 7)
  const cases: Case[] = [
    ...(['cumsum', 'cumprod', 'nancumsum', 'nancumprod'] as const).map((fn): Case => ({ fn, call: (o) => core[fn](m23(), o), known: { axis: 1, dtype: 'float64' }, out: out23 })),
    { fn: 'accumulate', call: (o) => core.accumulate('add', m23(), o), known: { axis: 0, dtype: 'int64' }, out: out23 },
  ]
  it.each(cases.map((c) => [c.fn, c] as const))('%s', (_, c) => checkCase(c))
})

describe('npy, print options, arena', () => {
  const dir = mkdtempSync(join(tmpdir(), 'strided-options-'))
  afterAll(() => rmSync(dir, { recursive: true, force: true }))
  const bytes = toNpy(f3())

  const cases: Case[] = [
    { fn: 'toNpy', call: (o) => toNpy(f3(), o), known: { version: 2 } },
    { fn: 'fromNpy', call: (o) => fromNpy(bytes, o), known: { maxHeaderSize: 20000 } },
    { fn: 'readNpyHeader', call: (o) => readNpyHeader(bytes, o), known: { maxHeaderSize: 20000 } },
    { fn: 'save', call: (o) => save(join(dir, 'a.npy'), f3(), o), known: { version: 1 } },
  ]
  it.each(cases.map((c) => [c.fn, c] as const))('%s', (_, c) => checkCase(c))

  it('load, saveAsync, loadAsync', async () => {
    const p = save(join(dir, 'b'), f3())
    checkCase({ fn: 'load', call: (o) => load(p, o), known: { maxHeaderSize: 20000 } })
    const q = join(dir, 'c.npy')
    await rejectsUnknown('saveAsync', () => saveAsync(q, f3(), { [BAD]: 1 } as never))
    expect(() => load(q)).toThrow() // nothing was written
    await saveAsync(q, f3(), { version: 3 })
    await rejectsUnknown('loadAsync', () => loadAsync(q, { [BAD]: 1 } as never))
    expect((await loadAsync(q, { maxHeaderSize: 20000 })).tolist()).toEqual([0.5, 0.25, 0.75])
  })

  it('setPrintOptions and withPrintOptions refuse unknown keys (NumPy: TypeError) and change nothing', () => {
    const before = getPrintOptions()
    throwsUnknown('setPrintOptions', () => setPrintOptions({ precision: 3, [BAD]: 1 } as never))
    let ran = false
    throwsUnknown('withPrintOptions', () => withPrintOptions({ precision: 3, [BAD]: 1 } as never, () => { ran = true }))
    expect(ran).toBe(false)
    expect(getPrintOptions()).toEqual(before)
    const old = setPrintOptions({ precision: 3, threshold: 10, edgeitems: 2, linewidth: 60, suppress: true, nanstr: 'NaN', infstr: 'Inf' })
    expect(withPrintOptions({ precision: 2 }, () => getPrintOptions().precision)).toBe(2)
    setPrintOptions(old)
    expect(getPrintOptions()).toEqual(before)
  })

  it('configureArena refuses unknown keys before anything else', () => {
    throwsUnknown('configureArena', () => configureArena({ maxbytes: 1 } as never), 'maxbytes')
    // the arena exists here (arrays were allocated): known keys reach that check instead
    let err: unknown
    try { configureArena({ enabled: true, maxBytes: 1 << 20, minBytes: 0 }) } catch (e) { err = e }
    if (err !== undefined) expect((err as Error).message).not.toContain('unknown option')
  })

  it('sharesMemory, mayShareMemory, hasInternalOverlap', () => {
    const x = arange(6)
    checkCase({ fn: 'sharesMemory', call: (o) => sharesMemory(x, x, o), known: { maxWork: -1 } })
    checkCase({ fn: 'mayShareMemory', call: (o) => mayShareMemory(x, x, o), known: { maxWork: 0 } })
    checkCase({ fn: 'hasInternalOverlap', call: (o) => hasInternalOverlap(x, o), known: { maxWork: -1 } })
  })

  it('checkOptions itself: undefined values are absent; null/undefined options pass; arrays and scalars do not', () => {
    expect(() => checkOptions('f', { a: 1, b: undefined }, ['a'])).not.toThrow()
    expect(() => checkOptions('f', undefined, [])).not.toThrow()
    expect(() => checkOptions('f', null, [])).not.toThrow()
    expect(() => checkOptions('f', [1], ['a'])).toThrow(/f: options must be an object, got an array/)
    expect(() => checkOptions('f', 3, ['a'])).toThrow(ValueError)
    expect(() => checkOptions('f', { c: 1 }, ['a', 'b'])).toThrow('f: unknown option "c"; it takes "a", "b"')
  })
})

describe('workers Runtime', () => {
  const rt = new Runtime({ threads: 1, inlineThreshold: 0 })
  afterAll(() => rt.close())
  const signal = new AbortController().signal

  it('ufunc methods, where, clip: signal accepted, anything else unknown refused, out untouched', async () => {
    const o = out3()
    await rejectsUnknown('add', () => rt.add(f3(), 1, { out: o, signal, [BAD]: 1 } as never))
    await rejectsUnknown('add', () => rt.ufunc('add', [f3(), 1], { outt: o } as never), 'outt')
    await rejectsUnknown('where', () => rt.where(array([true, false, true]), f3(), 0, { out: o, [BAD]: 1 } as never))
    await rejectsUnknown('clip', () => rt.clip(f3(), 0, 1, { out: o, [BAD]: 1 } as never))
    await rejectsUnknown('sqrt', () => rt.sqrt(f3(), { out: o, [BAD]: 1 } as never))
    expect(o.toFlatArray()).toEqual([7, 7, 7])
    expect(await rt.add(f3(), 1, { out: o, signal, overlap: 'copy', dtype: 'float64', where: true })).toBe(o)
    expect(o.toFlatArray()).toEqual([1.5, 1.25, 1.75])
    expect((await rt.where(array([true, false, true]), f3(), 0, { signal })).toFlatArray()).toEqual([0.5, 0, 0.75])
    expect((await rt.clip(f3(), 0.3, 0.6, { signal })).toFlatArray()).toEqual([0.5, 0.3, 0.6])
    expect((await rt.round(f3(), { decimals: 1, signal })).toFlatArray()).toEqual([0.5, 0.2, 0.8])
    await expect(rt.add(f3(), 1, 5 as never)).rejects.toThrow(ValueError)
  })

  it('reduce: signal accepted, anything else unknown refused', async () => {
    const o = out3()
    await rejectsUnknown('sum', () => rt.sum(m23(), { axis: 0, out: o, signal, axes: 0 } as never), 'axes')
    await rejectsUnknown('max', () => rt.reduce('max', m23(), { [BAD]: 1 } as never))
    expect(o.toFlatArray()).toEqual([7, 7, 7])
    expect(await rt.sum(m23(), { axis: 0, out: o, signal })).toBe(o)
    expect(o.toFlatArray()).toEqual([3, 5, 7])
    expect(await rt.var(array([1, 2, 3, 4]), { ddof: 1, signal })).toBeCloseTo(5 / 3, 12)
  })

  it('copy, astype, copyInto', async () => {
    await rejectsUnknown('copy', () => rt.copy(m23(), { order: 'F', [BAD]: 1 } as never))
    await rejectsUnknown('astype', () => rt.astype(m23(), 'int8', { signal, [BAD]: 1 } as never))
    const dst = full([2, 3], 7)
    await rejectsUnknown('copyInto', () => rt.copyInto(dst, m23(), { order: 'C' } as never), 'order')
    expect(dst.toFlatArray()).toEqual([7, 7, 7, 7, 7, 7])
    expect((await rt.copy(m23(), { order: 'F', signal })).flags.fContiguous).toBe(true)
    expect((await rt.astype(m23(), 'int8', { order: 'C', signal })).dtype).toBe('int8')
    expect(await rt.copyInto(dst, m23(), { signal })).toBe(dst)
    expect(dst.toFlatArray()).toEqual([0, 1, 2, 3, 4, 5])
  })
})

describe('unknown options: views, selection and advanced indexing', () => {
  it('reshape, astype, take, compress, put, takeAlongAxis and putAlongAxis refuse keys they do not read', () => {
    const a = arange(6)
    expect(() => a.reshape([2, 3], { oder: 'F' } as never)).toThrow('reshape: unknown option "oder"')
    expect(() => a.astype('int32', { cpy: false } as never)).toThrow('astype: unknown option "cpy"')
    expect(() => take(a, [1], { modee: 'clip' } as never)).toThrow('take: unknown option "modee"')
    expect(() => compress([true], a, { axes: 0 } as never)).toThrow('compress: unknown option "axes"')
    const before = a.toArray()
    expect(() => put(a, [0], 9, { mod: 'wrap' } as never)).toThrow('put: unknown option "mod"')
    expect(() => putAlongAxis(a, [0], 9, { axis: 0, ax: 0 } as never)).toThrow('putAlongAxis: unknown option "ax"')
    expect(a.toArray()).toEqual(before)
    expect(() => takeAlongAxis(a, [0], { axs: 0 } as never)).toThrow('takeAlongAxis: unknown option "axs"')
    expect(a.reshape([2, 3], { order: 'F' }).shape).toEqual([2, 3])
    expect(take(a, [1], { mode: 'clip' }).toArray()).toEqual([1])
  })
})
