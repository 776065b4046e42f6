/**
 * Conformance regressions against NumPy 2.4.6: np.take (nested and n-d indices, modes), np.compress, np.eye /
 * np.identity in every positional form (goldens from scripts/gen_conformance_fixtures.py →
 * test/fixtures/conformance/*.json), and NDArray.tolist / toJSON, which must never expose the backing buffer.
 */
import { readFileSync } from 'node:fs'
import { inspect } from 'node:util'
import { describe, expect, it } from 'vitest'
import {
  AxisError, DTypeError, IndexError, NDArray, OverflowError, ShapeError, ValueError, arange, array, compress, eye, full,
  take, zeros, type DTypeName,
} from '@strided/core'
import { identity } from '@strided/core'

type Encoded = number | string | boolean
interface Base { shape: number[]; dtype: DTypeName; transpose: boolean }
interface Expect { shape: number[]; values: Encoded[]; fContiguous?: boolean }
interface ErrorCase { numpy: string; message: string; ts: string }
interface TakeCase { id: number; base: Base; axis: number | null; mode: 'raise' | 'wrap' | 'clip' | null; form: string; indices: unknown; indexShape: number[]; expect?: Expect; error?: ErrorCase }
interface CompressCase { id: number; base: Base; axis: number | null; form: string; condition: (boolean | number)[]; expect?: Expect; error?: ErrorCase }
interface EyeCase { fn: 'eye' | 'identity'; n: number; m?: number | null; k?: number; dtype: DTypeName | null; order?: 'C' | 'F'; expect: Expect }

const load = <T>(name: string): { numpy: string; cases: T[] } =>
  JSON.parse(readFileSync(new URL(`./fixtures/conformance/${name}`, import.meta.url), 'utf8')) as { numpy: string; cases: T[] }

const ERRORS: Record<string, new (...a: never[]) => Error> = { IndexError, AxisError, ValueError }

function makeBase(b: Base): NDArray {
  const size = b.shape.reduce((x, y) => x * y, 1)
  let a: NDArray
  if (b.dtype === 'bool') a = array(Array.from({ length: size }, (_, i) => i % 3 === 0), { dtype: 'bool' })
  else a = arange(size, { dtype: b.dtype })
  a = a.reshape(b.shape)
  return b.transpose ? a.T : a
}

const enc = (a: NDArray): Encoded[] => a.toFlatArray().map((v) => (typeof v === 'bigint' ? String(v) : v))

function check(where: string, call: () => NDArray, want: Expect | undefined, error: ErrorCase | undefined, problems: string[]): void {
  if (error !== undefined) {
    try {
      call()
      problems.push(`${where}: no error; NumPy ${error.numpy}: ${error.message}`)
    } catch (e) {
      if (!(e instanceof ERRORS[error.ts]!)) problems.push(`${where}: threw ${(e as Error).name} (${(e as Error).message}), expected ${error.ts}`)
    }
    return
  }
  let r: NDArray
  try { r = call() } catch (e) { problems.push(`${where}: threw ${(e as Error).name}: ${(e as Error).message}`); return }
  if (JSON.stringify(r.shape) !== JSON.stringify(want!.shape)) problems.push(`${where}: shape (${r.shape.join(',')}), expected (${want!.shape.join(',')})`)
  else if (JSON.stringify(enc(r)) !== JSON.stringify(want!.values)) problems.push(`${where}: values ${JSON.stringify(enc(r))}, expected ${JSON.stringify(want!.values)}`)
  else if (!r.flags.cContiguous || !r.flags.ownData) problems.push(`${where}: result is not a C-contiguous owner`)
}

describe('take (NumPy goldens: nested and n-d indices, every mode)', () => {
  const fx = load<TakeCase>('take.json')
  it('agrees with np.take', () => {
    const problems: string[] = []
    for (const c of fx.cases) {
      const a = makeBase(c.base)
      const ind = c.form === 'list' ? (c.indices as number[]) : array(c.indices as number[], { dtype: c.form }).reshape(c.indexShape)
      const opts = { axis: c.axis, ...(c.mode === null ? {} : { mode: c.mode }) }
      check(`case ${c.id} take(${c.base.dtype}(${a.shape}), ${c.form} ${JSON.stringify(c.indices)}, axis=${c.axis}, mode=${c.mode})`, () => take(a, ind as never, opts), c.expect, c.error, problems)
    }
    expect(problems).toEqual([])
    expect(fx.cases.length).toBe(274)
    expect(fx.cases.filter((c) => c.error !== undefined).length).toBeGreaterThan(10)
  })
  it('the reported case: take(x, [[0, 1], [2, 3]], { axis: 0 }) has shape (2, 2, 6)', () => {
    const x = arange(24).reshape(4, 6)
    const r = take(x, [[0, 1], [2, 3]], { axis: 0 })
    expect(r.shape).toEqual([2, 2, 6])
    expect(r.toArray()).toEqual([[[0, 1, 2, 3, 4, 5], [6, 7, 8, 9, 10, 11]], [[12, 13, 14, 15, 16, 17], [18, 19, 20, 21, 22, 23]]])
    expect(take(x, array([[[1]]], { dtype: 'int8' }), { axis: -1 }).shape).toEqual([4, 1, 1, 1])
  })
  it('scalar and 0-d indices remove the axis; with no axis they give a 0-d array (NumPy: a scalar)', () => {
    const x = arange(12).reshape(3, 4)
    expect(take(x, 1, { axis: 0 }).toArray()).toEqual([4, 5, 6, 7])
    expect(take(x, array(1, { dtype: 'int64' }), { axis: 1 }).toArray()).toEqual([1, 5, 9])
    const s = take(x, -1)
    expect(s.shape).toEqual([])
    expect(s.toArray()).toBe(11)
    expect(take(x, 5, { axis: null }).toArray()).toBe(5)
  })
  it('errors: NumPy messages, typed', () => {
    const x = arange(12).reshape(3, 4)
    expect(() => take(x, [3], { axis: 0 })).toThrow(IndexError)
    expect(() => take(x, [3], { axis: 0 })).toThrow('index 3 is out of bounds for axis 0 with size 3')
    expect(() => take(x, [-13])).toThrow('index -13 is out of bounds for axis 0 with size 12')
    expect(() => take(zeros([0, 3]), [0], { axis: 0, mode: 'wrap' })).toThrow(/cannot do a non-empty take from an empty axis/)
    expect(take(zeros([0, 3]), [], { axis: 0 }).shape).toEqual([0, 3])
    expect(() => take(x, [0], { mode: 'foo' as never })).toThrow(ValueError)
    expect(() => take(x, [0], { mode: 'foo' as never })).toThrow(`clipmode must be one of 'clip', 'raise', or 'wrap' (got "foo")`)
    expect(() => take(x, [0], { axis: 2 })).toThrow(AxisError)
    expect(() => take(x, [[0], [1, 2]])).toThrow(ShapeError)
    expect(() => take(x, [[0], [1, 2]])).toThrow(/inhomogeneous nested array of shape \(2, 1\): indices\[1\] has length 2, expected 1/)
    expect(() => take(x, [[0], 1])).toThrow(/indices\[1\] is a scalar/)
    expect(() => take(x, [1.5])).toThrow(DTypeError)
    expect(() => take(x, array([1.0]))).toThrow(/Cannot cast array data from dtype\('float64'\) to dtype\('int64'\)/)
    expect(() => take(x, [2n ** 63n])).toThrow(OverflowError)
    expect(() => take(x, [2 ** 63])).toThrow(OverflowError)
  })
  it('64-bit indices: exact beyond 2**53, uint64 wraps through int64 as NumPy casts it', () => {
    const x = arange(12)
    expect(() => take(x, [2n ** 62n])).toThrow('index 4611686018427387904 is out of bounds for axis 0 with size 12')
    expect(take(x, [2n ** 62n + 1n], { mode: 'wrap' }).toArray()).toEqual([Number((2n ** 62n + 1n) % 12n)])
    expect(take(x, [-(2n ** 62n)], { mode: 'clip' }).toArray()).toEqual([0])
    expect(take(x, array([2n ** 63n + 1n], { dtype: 'uint64' }), { mode: 'wrap' }).toArray()).toEqual([Number(((-(2n ** 63n) + 1n) % 12n + 12n) % 12n)])
    expect(() => take(x, array([2n ** 63n], { dtype: 'uint64' }))).toThrow('index -9223372036854775808 is out of bounds')
    expect(take(x, [true, false]).toArray()).toEqual([1, 0])
  })
})

describe('compress (NumPy goldens)', () => {
  const fx = load<CompressCase>('compress.json')
  it('agrees with np.compress', () => {
    const problems: string[] = []
    for (const c of fx.cases) {
      const a = makeBase(c.base)
      const cond = c.form === 'bool' ? array(c.condition, { dtype: 'bool' }) : c.form === 'float64' ? array(c.condition.map(Number)) : c.condition
      check(`case ${c.id} compress(${c.form} ${JSON.stringify(c.condition)}, ${c.base.dtype}(${a.shape}), axis=${c.axis})`, () => compress(cond, a, { axis: c.axis }), c.expect, c.error, problems)
    }
    expect(problems).toEqual([])
    expect(fx.cases.length).toBe(120)
  })
  it('the condition must be 1-d (ValueError, as NumPy)', () => {
    expect(() => compress([[true, false]] as never, arange(3))).toThrow(ValueError)
    expect(() => compress([[true, false]] as never, arange(3))).toThrow('condition must be a 1-d array')
    expect(() => compress(true as never, arange(3))).toThrow(ValueError)
    expect(() => compress(array([[1]]), arange(3))).toThrow(/condition must be a 1-d array, got an array of shape \(1, 1\)/)
    expect(compress([Number.NaN, 0], arange(3)).toArray()).toEqual([0])
  })
})

describe('eye / identity (NumPy goldens, every positional form)', () => {
  const fx = load<EyeCase>('eye.json')
  it('agree with np.eye(N, M, k, dtype, order) and np.identity(n, dtype)', () => {
    const problems: string[] = []
    for (const c of fx.cases) {
      const dt = c.dtype === null ? {} : { dtype: c.dtype }
      const forms: [string, () => NDArray][] = []
      if (c.fn === 'identity') {
        forms.push([`identity(${c.n}, ${c.dtype})`, () => identity(c.n, dt)])
        if (c.dtype === null) forms.push([`identity(${c.n})`, () => identity(c.n)])
      } else {
        const o = { ...dt, order: c.order! }
        const m = c.m ?? null
        forms.push([`eye(${c.n}, ${m}, ${c.k}, opts)`, () => eye(c.n, m, c.k, o)])
        forms.push([`eye(${c.n}, ${m}, { k: ${c.k}, ... })`, () => eye(c.n, m, { ...o, k: c.k })])
        if (c.k === 0) {
          forms.push([`eye(${c.n}, ${m}, opts)`, () => eye(c.n, m, o)])
          if (m === null) forms.push([`eye(${c.n}, opts)`, () => eye(c.n, o)])
        }
        if (c.dtype === null && c.order === 'C') {
          forms.push([`eye(${c.n}, ${m}, ${c.k})`, () => eye(c.n, m, c.k)])
          if (c.k === 0) forms.push([`eye(${c.n}, ${m})`, () => eye(c.n, m)])
          if (c.k === 0 && m === null) forms.push([`eye(${c.n})`, () => eye(c.n)])
        }
      }
      for (const [where, f] of forms) {
        const r = f()
        const got = JSON.stringify([r.shape, enc(r)])
        if (got !== JSON.stringify([c.expect.shape, c.expect.values])) problems.push(`${where}: ${got}, expected ${JSON.stringify([c.expect.shape, c.expect.values])}`)
        if (c.expect.fContiguous !== undefined && (r.flags.fContiguous && !r.flags.cContiguous) !== c.expect.fContiguous) problems.push(`${where}: wrong memory order`)
        if (c.dtype !== null && r.dtype !== c.dtype) problems.push(`${where}: dtype ${r.dtype}`)
      }
    }
    expect(problems).toEqual([])
    expect(fx.cases.length).toBeGreaterThan(380)
  })
})

describe('tolist / toJSON: the view\'s own values only', () => {
  it('tolist is NumPy\'s: nested arrays, a scalar for 0-d, bigints for 64-bit ints', () => {
    expect(arange(6).reshape(2, 3).tolist()).toEqual([[0, 1, 2], [3, 4, 5]])
    expect(array(7, { dtype: 'int64' }).tolist()).toBe(7n)
    expect(zeros([2, 0]).tolist()).toEqual([[], []])
    expect(array([true, false]).tolist()).toEqual([true, false])
  })
  it('JSON.stringify of a view in the arena contains only its own values', () => {
    const owner = arange(1000)
    expect(owner.arenaBlock).toBeGreaterThanOrEqual(0) // lives in the shared arena (≥ 4 KiB)
    const neighbour = full([1000], 123456.5)
    const v = owner.slice('10:13')
    expect(JSON.stringify(v)).toBe('[10,11,12]')
    expect(JSON.stringify(owner).length).toBeLessThan(5000)
    expect(JSON.stringify(owner)).not.toContain('123456.5')
    expect(JSON.stringify({ v })).toBe('{"v":[10,11,12]}')
    expect(JSON.stringify(owner.reshape(10, 100).slice('::4, 1:3'))).toBe('[[1,2],[401,402],[801,802]]')
    expect(JSON.stringify(array(2.5))).toBe('2.5')
    void neighbour
  })
  it('int64/uint64: numbers when safe integers (|v| <= 2**53 - 1), else decimal strings', () => {
    const big = 2n ** 53n
    const a = array([0n, -5n, big - 1n, big, -(big - 1n), -big, 2n ** 63n - 1n, -(2n ** 63n)], { dtype: 'int64' })
    expect(JSON.stringify(a)).toBe('[0,-5,9007199254740991,"9007199254740992",-9007199254740991,"-9007199254740992","9223372036854775807","-9223372036854775808"]')
    expect(JSON.stringify(array([2n ** 64n - 1n, 3n], { dtype: 'uint64' }))).toBe('["18446744073709551615",3]')
    expect(JSON.parse(JSON.stringify(a)).map((x: number | string) => BigInt(x))).toEqual(a.tolist())
    expect(JSON.stringify(array(2n ** 60n, { dtype: 'int64' }))).toBe('"1152921504606846976"')
  })
  it('floats: NaN and ±Infinity become null, -0 becomes 0 (JSON.stringify\'s number rules); bool stays bool', () => {
    expect(JSON.stringify(array([Number.NaN, Infinity, -Infinity, -0, 1.5]))).toBe('[null,null,null,0,1.5]')
    expect(JSON.stringify(array([0.1], { dtype: 'float32' }))).toBe(`[${Math.fround(0.1)}]`)
    expect(JSON.stringify(array([true, false]))).toBe('[true,false]')
  })
  it('no enumerable own property reaches the buffer (Object.keys, spread, structuredClone, for-in)', () => {
    const owner = arange(1000)
    const v = owner.slice('1:3')
    const keys = Object.keys(v)
    expect(keys.sort()).toEqual(['dtype', 'offset', 'shape', 'strides'])
    const reach = (x: unknown, seen = new Set<unknown>()): unknown[] => {
      if (typeof x !== 'object' || x === null || seen.has(x)) return []
      seen.add(x)
      return [x, ...Object.values(x).flatMap((y) => reach(y, seen))]
    }
    for (const o of reach(v)) {
      expect(o instanceof SharedArrayBuffer || o instanceof ArrayBuffer || ArrayBuffer.isView(o) || o instanceof NDArray && o !== v).toBe(false)
    }
    const spread = { ...v } as Record<string, unknown>
    expect(spread.buffer).toBeUndefined()
    expect(spread.data).toBeUndefined()
    expect(spread.base).toBeUndefined()
    const cloned = structuredClone(v) as unknown as Record<string, unknown>
    expect(Object.keys(cloned).sort()).toEqual(['dtype', 'offset', 'shape', 'strides'])
    const forIn: string[] = []
    for (const k in v) forIn.push(k)
    expect(forIn.sort()).toEqual(['dtype', 'offset', 'shape', 'strides'])
    // the accessors still work
    expect(v.buffer).toBe(owner.buffer)
    expect(v.base).toBe(owner)
    expect(v.data[v.offset]).toBe(1)
    expect(inspect(v)).toBe('array([1., 2.])')
  })
})
