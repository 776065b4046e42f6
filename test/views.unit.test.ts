/**
 * Unit tests of strided's views: a layout matrix (every view op on contiguous, Fortran, negative-stride,
 * non-contiguous, transposed, broadcast, size-1, empty and 0-d inputs; goldens from
 * scripts/gen_view_fixtures.py → test/fixtures/views/matrix.json), base ownership, WRITEABLE propagation,
 * view(dtype), take/compress against NumPy, asStrided/fromBuffer bounds, contiguity helpers and the seeded
 * random generators.
 */
import { describe, expect, it } from 'vitest'
import {
  BoundsError, DTypeError, IndexError, NDArray, ReadOnlyError, ShapeError, ValueError, arange, array, ascontiguousarray, asfortranarray, asStrided, broadcastArrays, broadcastTo, compress, fromBuffer, random, take, zeros,
} from '@strided/core'
import { Xoshiro128 } from '@strided/core/internal'

;(globalThis as { __STRIDED_GOLDEN_LIB__?: boolean }).__STRIDED_GOLDEN_LIB__ = true
const { loadFixture, replayChain, valuesOf, diffValues, errorClass, describeStep } = await import('./views.golden.test.js')
type Chain = Parameters<typeof replayChain>[0]
type Encoded = number | string | boolean

const b234 = (): NDArray => arange(24, { dtype: 'int64' }).reshape([2, 3, 4])

// ------------------------------------------------------------------------------------------ layout matrix

interface MatrixCase extends Chain { layout: string; name: string }
const matrix = loadFixture<{ numpy: string; cases: MatrixCase[] }>('matrix.json')
const layouts = [...new Set(matrix.cases.map((c) => c.layout))]

describe(`layout matrix: every view op on every layout (NumPy ${matrix.numpy} goldens)`, () => {
  it('covers the layout kinds', () => {
    expect(layouts).toEqual(expect.arrayContaining(['contiguous', 'fortran', 'negative strides', 'non-contiguous slice', 'empty', '0-d view', '0-d owner']))
    expect(matrix.cases.length).toBeGreaterThan(400)
  })
  for (const layout of layouts) {
    describe(layout, () => {
      const cases = matrix.cases.filter((c) => c.layout === layout)
      it.each(cases.map((c) => [c.name, c] as const))('%s', (_name, c) => {
        // both API forms: methods + expression strings, and function forms + index items
        expect(replayChain(c, false).problems).toEqual([])
        expect(replayChain(c, true).problems).toEqual([])
      })
    })
  }
})

// ------------------------------------------------------------------------------------------ base ownership

describe('base ownership (NumPy collapses .base to the owner)', () => {
  it('views of views point at the owner', () => {
    const A = zeros([4, 6])
    expect(A.base).toBe(null)
    expect(A.view().view().base).toBe(A)
    expect(A.slice('::2').slice('::3').base).toBe(A)
    expect(A.T.reshape([24], { order: 'F' }).base).toBe(A)
    expect(A.slice('1').broadcastTo([3, 6]).base).toBe(A)
    expect(asStrided(A.slice('1:'), { shape: [2], strides: [0] }).base).toBe(A)
    expect(A.view().flags.ownData).toBe(false)
  })

  it('a reshape of a fresh arange result has the arange result as base', () => {
    const r = arange(24).reshape([4, 6])
    expect(r.base).not.toBe(null)
    expect(r.base!.base).toBe(null)
    expect(r.slice('1:').base).toBe(r.base)
  })

  it('a copying reshape is a view of a hidden copy: ownData false, base owns, values in order', () => {
    const b = b234()
    const r = b.slice(':, 1:, :').reshape([4, 4])
    expect(r.flags.ownData).toBe(false)
    expect(r.base).not.toBe(null)
    expect(r.base).not.toBe(b)
    expect(r.base!.flags.ownData).toBe(true)
    expect(r.buffer).not.toBe(b.buffer)
    expect(r.toFlatArray()).toEqual([4n, 5n, 6n, 7n, 8n, 9n, 10n, 11n, 16n, 17n, 18n, 19n, 20n, 21n, 22n, 23n])
    // the copy is independent of b
    b.set(0, 1, 0, 99n)
    expect(r.get(0, 0)).toBe(4n)
    // copy=true always copies, even when a view is possible
    const c = b.reshape([6, 4], { copy: true })
    expect([c.flags.ownData, c.base === b, c.base!.flags.ownData]).toEqual([false, false, true])
  })

  it('flatten, copying ravel, copy, astype, take and compress own their data', () => {
    const b = b234()
    for (const r of [b.flatten(), b.T.ravel(), b.copy(), b.astype('int32'), take(b, [0]), compress([true], b)]) {
      expect(r.flags.ownData).toBe(true)
      expect(r.base).toBe(null)
    }
    expect(b.ravel().flags.ownData).toBe(false)
    expect(b.ravel().base).toBe(b.base)
  })

  it('reshape to the same shape is a new view object with the same strides (spec 2.1 step 2)', () => {
    const x = arange(3).slice(':, None')
    const r = x.reshape([3, 1])
    expect(r).not.toBe(x)
    expect(r.byteStrides).toEqual([8, 0])
    expect(x.reshape([-1, 1]).byteStrides).toEqual([8, 8]) // -1 skips the shortcut: natural strides
  })

  it('squeeze with nothing to squeeze returns the array itself (NumPy: a.squeeze() is a)', () => {
    const a = zeros([2, 3])
    expect(a.squeeze()).toBe(a)
    expect(a.squeeze([])).toBe(a)
    expect(zeros([2, 1]).squeeze()).not.toBe(a)
  })
})

// ------------------------------------------------------------------------------------------ writeable

describe('WRITEABLE propagation (spec 3.4)', () => {
  it('views copy the flag at creation; earlier views stay writeable', () => {
    const A = arange(6)
    const before = A.slice('1:')
    A.flags.writeable = false
    const after = A.slice('1:')
    expect(before.flags.writeable).toBe(true)
    expect(after.flags.writeable).toBe(false)
    before.set(0, 42) // NumPy allows writing through a view made before the owner was locked
    expect(A.get(1)).toBe(42)
    expect(() => after.set(0, 1)).toThrow(ReadOnlyError)
    // NumPy re-checks the owner on every request for True, even for an already writeable view
    expect(() => { before.flags.writeable = true }).toThrow(ValueError)
    expect(() => { after.flags.writeable = true }).toThrow(/cannot set WRITEABLE flag to True/)
    // the owner can switch back, then views may be made writeable again
    A.flags.writeable = true
    after.flags.writeable = true
    after.set(0, 7)
    expect(A.get(1)).toBe(7)
  })

  it('broadcastTo is read-only at creation but not locked', () => {
    const x = arange(3)
    const b = broadcastTo(x, [2, 3])
    expect(b.flags.writeable).toBe(false)
    expect(() => b.set(0, 0, 9)).toThrow(ReadOnlyError)
    expect(() => b.fill(1)).toThrow(ReadOnlyError)
    expect(() => b.assign(x)).toThrow(ReadOnlyError)
    expect(b.slice('0').flags.writeable).toBe(false)
    b.flags.writeable = true // the owner is writeable: allowed, and writes reach the shared elements
    b.set(1, 0, 9)
    expect(x.get(0)).toBe(9)
    const ro = arange(3)
    ro.flags.writeable = false
    const rb = ro.broadcastTo([2, 3])
    expect(() => { rb.flags.writeable = true }).toThrow(ValueError)
  })

  it('copies of read-only arrays are writeable, including copying reshapes', () => {
    const A = b234()
    A.flags.writeable = false
    expect(A.copy().flags.writeable).toBe(true)
    expect(A.T.reshape([24]).flags.writeable).toBe(true) // view of a hidden copy
    expect(A.reshape([24]).flags.writeable).toBe(false) // a view
    expect(A.flatten().flags.writeable).toBe(true)
  })

  it('broadcastArrays: views whose shape changed are read-only (documented difference), others returned as is', () => {
    const a = arange(3)
    const b = zeros([2, 3])
    const [ra, rb] = broadcastArrays(a, b)
    expect(ra!.shape).toEqual([2, 3])
    expect(ra!.byteStrides).toEqual([0, 8])
    expect(ra!.base).toBe(a)
    expect(ra!.flags.writeable).toBe(false)
    expect(() => ra!.set(0, 0, 1)).toThrow(ReadOnlyError)
    expect(rb).toBe(b) // NumPy: np.broadcast_arrays(a, b)[1] is b
    expect(rb!.flags.writeable).toBe(true)
    expect(() => broadcastArrays(arange(3), arange(4))).toThrow(ShapeError)
  })

  it('asStrided and fromBuffer honour writeable', () => {
    const A = arange(4)
    expect(asStrided(A, { writeable: false }).flags.writeable).toBe(false)
    A.flags.writeable = false
    // like NumPy's as_strided, writeable=true cannot unlock read-only memory
    expect(asStrided(A, { writeable: true }).flags.writeable).toBe(false)
    expect(asStrided(A, {}).flags.writeable).toBe(false)
  })
})

// ------------------------------------------------------------------------------------------ view(dtype)

describe('view(dtype)', () => {
  it('same itemsize reinterprets the bits', () => {
    const f = array([1, -2], { dtype: 'float64' })
    expect(f.view('int64').toFlatArray()).toEqual([4607182418800017408n, -4611686018427387904n])
    expect(array([-1], { dtype: 'int32' }).view('uint32').get(0)).toBe(4294967295)
    expect(array([-1], { dtype: 'int8' }).view('bool').get(0)).toBe(true)
    const v = f.view('u8')
    expect([v.dtype, v.base, v.flags.ownData]).toEqual(['uint64', f, false])
  })

  it('a different itemsize rescales the last axis', () => {
    const a = array([[1, 2], [3, 4]], { dtype: 'int32' })
    const s = a.view('int16')
    expect([s.shape, s.byteStrides]).toEqual([[2, 4], [8, 2]])
    expect(s.toFlatArray()).toEqual([1, 0, 2, 0, 3, 0, 4, 0])
    const l = a.view('int64')
    expect([l.shape, l.byteStrides, l.toFlatArray()]).toEqual([[2, 1], [8, 8], [8589934593n, 17179869187n]])
    // a 0-d array keeps working when the itemsize is unchanged
    expect(array(1.5, { dtype: 'float32' }).view('int32').shape).toEqual([])
  })

  it('rejects what NumPy rejects, and unaligned layouts strided cannot express (documented difference)', () => {
    const a = zeros([2, 4], { dtype: 'int16' })
    expect(() => a.T.view('int32')).toThrow(DTypeError) // last axis not contiguous
    expect(() => a.slice(':, :3').view('int32')).toThrow(DTypeError) // 6 bytes not divisible by 4
    expect(() => array(1, { dtype: 'int16' }).view('int32')).toThrow(DTypeError) // 0-d, different size
    expect(() => a.slice(':, 1:3').view('int32')).toThrow(/byte offset 2/) // NumPy allows (unaligned)
    expect(() => zeros([3, 2], { dtype: 'int16' }).view('int32').slice(':, :').view('float64')).toThrow(DTypeError)
    expect(() => a.view('complex64')).toThrow(DTypeError)
  })
})

// ------------------------------------------------------------------------------------------ take / compress

interface SelectionCase extends Chain {
  fn: 'take' | 'compress'; axis: number | null; indices?: number[]; indexShape?: number[] | null; condition?: boolean[]
  expect?: { shape: number[]; strides: number[]; flags: boolean[]; values: Encoded[] }
  error?: { numpy: string; message: string; ts: string }
}
const selection = loadFixture<{ numpy: string; cases: SelectionCase[] }>('selection.json')

describe(`take / compress (NumPy ${selection.numpy} goldens)`, () => {
  it('agree with np.take / np.compress on views of every layout', () => {
    const problems: string[] = []
    for (const c of selection.cases) {
      const { problems: p, results, base } = replayChain(c)
      problems.push(...p)
      const src = results[results.length - 1] ?? base
      const opts = c.axis === null ? {} : { axis: c.axis }
      const where = `case ${c.id} ${c.fn}(axis=${c.axis}) on (${src.shape.join(',')})`
      const call = (): NDArray => {
        if (c.fn === 'compress') return compress(c.condition!, src, opts)
        const ind = c.indexShape ? array(c.indices!, { dtype: 'int64' }).reshape(c.indexShape) : c.indices!
        return take(src, ind, opts)
      }
      if (c.error !== undefined) {
        try {
          call()
          problems.push(`${where}: no error; NumPy ${c.error.numpy}: ${c.error.message}`)
        } catch (e) {
          if (!(e instanceof errorClass(c.error.ts))) problems.push(`${where}: threw ${(e as Error).name}, expected ${c.error.ts}`)
        }
        continue
      }
      const r = call()
      const want = c.expect!
      const f = r.flags
      const got = JSON.stringify([r.shape, r.byteStrides, [f.cContiguous, f.fContiguous, f.ownData, f.writeable, f.aligned]])
      if (got !== JSON.stringify([want.shape, want.strides, want.flags])) problems.push(`${where}: layout ${got}, expected ${JSON.stringify([want.shape, want.strides, want.flags])}`)
      const d = diffValues(valuesOf(r), want.values)
      if (d !== null) problems.push(`${where}: ${d}`)
    }
    expect(problems).toEqual([])
    expect(selection.cases.length).toBeGreaterThan(150)
  })

  it('spot checks', () => {
    const b = arange(12).reshape([3, 4])
    expect(take(b, [2, -1, 0]).toFlatArray()).toEqual([2, 11, 0])
    expect(take(b, array([[0, 2], [1, 1]], { dtype: 'int32' }), { axis: 1 }).shape).toEqual([3, 2, 2])
    expect(take(b.T, [1], { axis: 0 }).toArray()).toEqual([[1, 5, 9]])
    expect(compress([false, true, true], b).toFlatArray()).toEqual([1, 2])
    expect(compress([1, 0, 1], b, { axis: 0 }).toArray()).toEqual([[0, 1, 2, 3], [8, 9, 10, 11]])
    expect(compress([], b, { axis: 1 }).shape).toEqual([3, 0])
    expect(() => take(b, [1.5])).toThrow(DTypeError)
    expect(() => take(b, array([1], { dtype: 'float64' }))).toThrow(DTypeError)
  })
})

// ------------------------------------------------------------------------------------------ asStrided / fromBuffer

describe('asStrided / fromBuffer bounds checks', () => {
  it('asStrided accepts any layout inside the buffer (negative and zero strides included)', () => {
    const A = arange(10)
    const w = asStrided(A, { shape: [4, 3], strides: [2, 1] })
    expect(w.toArray()).toEqual([[0, 1, 2], [2, 3, 4], [4, 5, 6], [6, 7, 8]])
    expect(asStrided(A, { shape: [3], strides: [-3], offset: 9 }).toFlatArray()).toEqual([9, 6, 3])
    expect(asStrided(A, { shape: [5], strides: [0], offset: 2 }).toFlatArray()).toEqual([2, 2, 2, 2, 2])
    expect(asStrided(A, { shape: [0], strides: [100] }).size).toBe(0) // nothing addressed
    // offset is relative to a's first element
    expect(asStrided(A.slice('4:'), { shape: [2], strides: [1], offset: 1 }).toFlatArray()).toEqual([5, 6])
  })

  it('asStrided rejects layouts that leave the buffer', () => {
    const A = arange(10)
    expect(() => asStrided(A, { shape: [11], strides: [1] })).toThrow(BoundsError)
    expect(asStrided(A, { shape: [4], strides: [3] }).toFlatArray()).toEqual([0, 3, 6, 9]) // exactly fits
    expect(() => asStrided(A, { shape: [4], strides: [3], offset: 1 })).toThrow(/elements 1\.\.10, outside the buffer's elements 0\.\.9/)
    expect(() => asStrided(A, { shape: [4], strides: [3], offset: 1 })).toThrow(BoundsError)
    expect(() => asStrided(A, { shape: [2], strides: [-1] })).toThrow(BoundsError)
    expect(() => asStrided(A, { offset: -1 })).toThrow(BoundsError)
    expect(() => asStrided(A, { shape: [2], strides: [1.5] })).toThrow(BoundsError)
    expect(() => asStrided(A, { shape: [2, 2], strides: [1] })).toThrow(ShapeError)
  })

  it('fromBuffer validates offset, shape and strides against the buffer', () => {
    const buf = new ArrayBuffer(32)
    expect(fromBuffer(buf, { dtype: 'int16', offset: 3 }).shape).toEqual([13])
    expect(() => fromBuffer(buf, { dtype: 'int16', offset: 17 })).toThrow(BoundsError)
    expect(() => fromBuffer(buf, { dtype: 'int16', offset: -1 })).toThrow(BoundsError)
    expect(() => fromBuffer(buf, { dtype: 'int16', shape: [4, 5] })).toThrow(BoundsError)
    expect(() => fromBuffer(buf, { dtype: 'int16', shape: [4], strides: [6] })).toThrow(BoundsError)
    // 4 bytes are not whole float64 elements: np.frombuffer raises ValueError
    expect(() => fromBuffer(new Uint8Array(4) as unknown as ArrayBuffer, { dtype: 'float64' })).toThrow(ValueError)
    expect(fromBuffer(new Uint8Array(8) as unknown as ArrayBuffer, { dtype: 'float64' }).shape).toEqual([1])
    expect(() => fromBuffer({} as ArrayBuffer)).toThrow(DTypeError)
  })
})

// ------------------------------------------------------------------------------------------ helpers

describe('ascontiguousarray / asfortranarray', () => {
  it('return the array itself when already contiguous, else a copy in that order', () => {
    const a = arange(6).reshape([2, 3])
    expect(ascontiguousarray(a)).toBe(a)
    const t = ascontiguousarray(a.T)
    expect([t.flags.cContiguous, t.flags.ownData, t.toArray()]).toEqual([true, true, a.T.toArray()])
    const at = a.T // F-contiguous already
    expect(asfortranarray(at)).toBe(at)
    const f = asfortranarray(a)
    expect([f.flags.fContiguous, f.byteStrides]).toEqual([true, [8, 16]])
  })
})

// ------------------------------------------------------------------------------------------ random

describe('random: seeded and reproducible', () => {
  it('same seed, same values; different seeds differ', () => {
    const a = random.uniform([3, 4], { seed: 42 })
    const b = random.uniform([3, 4], { seed: 42 })
    const c = random.uniform([3, 4], { seed: 43 })
    expect(a.toFlatArray()).toEqual(b.toFlatArray())
    expect(a.toFlatArray()).not.toEqual(c.toFlatArray())
    expect(random.normal(7, { seed: 1 }).toFlatArray()).toEqual(random.normal(7, { seed: 1 }).toFlatArray())
  })

  it('ranges, dtypes and the generator stream', () => {
    const u = random.uniform(1000, { seed: 7, low: -2, high: 3 }).toFlatArray() as number[]
    expect(Math.min(...u)).toBeGreaterThanOrEqual(-2)
    expect(Math.max(...u)).toBeLessThan(3)
    const f = random.uniform([5], { seed: 7, dtype: 'float32' })
    expect(f.dtype).toBe('float32')
    const n = random.normal([1001], { seed: 3, loc: 10, scale: 2 }).toFlatArray() as number[]
    expect(n.every(Number.isFinite)).toBe(true)
    const mean = n.reduce((s, x) => s + x, 0) / n.length
    expect(Math.abs(mean - 10)).toBeLessThan(0.5)
    const g = new Xoshiro128(123)
    const h = new Xoshiro128(123)
    const xs = Array.from({ length: 5 }, () => g.next())
    expect(xs).toEqual(Array.from({ length: 5 }, () => h.next()))
    expect(xs.every((x) => x >= 0 && x < 1)).toBe(true)
    expect(new Xoshiro128(0).nextUint32()).toBe(new Xoshiro128(0).nextUint32())
    expect(() => random.uniform(3, { seed: 1, dtype: 'int32' })).toThrow(ValueError)
    expect(() => new Xoshiro128(1.5)).toThrow(ValueError)
    expect(random.uniform([0, 3], { seed: 1 }).size).toBe(0)
  })
})

// ------------------------------------------------------------------------------------------ slice() item grammar

describe('slice(): items it does not understand throw IndexError instead of selecting everything', () => {
  const x = arange(24).reshape([4, 6])
  // integer index arrays, boolean masks and true/false are advanced indices now (test/indexing.*.test.ts)
  const advanced = /valid index items are integers, slice specs, null, '\.\.\.', index-expression strings, integer index arrays/
  it.each<[string, unknown, RegExp]>([
    ['an empty object', {}, /index item \{\} \(position 0\) is not a valid slice spec: it has none of start, stop, step/],
    ['an object with a wrong key', { start: 1, end: 3 }, /unknown key 'end'/],
    ['a bigint', 1n, /index item 1n.*Number\(i\)/],
    ['undefined', undefined, /index item undefined/],
    ['a Map', new Map(), /index item \[object Map\]/],
  ])('%s', (_name, item, re) => {
    for (const items of [[item], [item, 0], [0, item], ['...', item]]) {
      const e = (() => { try { x.slice(...(items as never[])) } catch (err) { return err as Error } return null })()
      expect(e, JSON.stringify(items, (_k, v: unknown) => (typeof v === 'bigint' ? String(v) : v))).toBeInstanceOf(IndexError)
      expect(e!.message).toMatch(advanced)
      if (items[0] === item) expect(e!.message).toMatch(re)
    }
  })
  it('names the position of the offending item', () => {
    expect(() => x.slice(1, new Map() as never)).toThrow(/\(position 1\)/)
    // the item is rejected before the index count is checked
    expect(() => x.slice(0, 0, new Map() as never)).toThrow(advanced)
  })
  it('every valid form still works: numbers, slice specs (any subset of start/stop/step), null, ..., strings', () => {
    expect(x.slice({ start: 1 }).shape).toEqual([3, 6])
    expect(x.slice({ stop: 2 }, { step: -2 }).toArray()).toEqual([[5, 3, 1], [11, 9, 7]])
    expect(x.slice({ start: null, stop: null, step: null }).shape).toEqual([4, 6])
    expect(x.slice({ start: undefined }).shape).toEqual([4, 6])
    expect(x.slice(Object.assign(Object.create(null) as object, { start: 3 })).shape).toEqual([1, 6])
    expect(x.slice(null, '...', -1).shape).toEqual([1, 4])
    expect(x.slice('1:3', { step: 2 }).shape).toEqual([2, 3])
    expect(x.slice().shape).toEqual([4, 6])
    expect(x.slice(-1, -1).shape).toEqual([])
  })
})

// ------------------------------------------------------------------------------------------ reshape varargs

describe('reshape accepts varargs integers as NumPy (a.reshape(6, 4))', () => {
  const x = arange(24)
  it('varargs, an array, a single integer, options last', () => {
    expect(x.reshape(6, 4).shape).toEqual([6, 4])
    expect(x.reshape([6, 4]).shape).toEqual([6, 4])
    expect(x.reshape(2, 3, 4).strides).toEqual([12, 4, 1])
    expect(x.reshape(6, -1).shape).toEqual([6, 4])
    expect(x.reshape(24).shape).toEqual([24])
    expect(x.reshape(-1).shape).toEqual([24])
    const f = x.reshape(6, 4, { order: 'F' })
    expect(f.shape).toEqual([6, 4])
    expect(f.strides).toEqual([1, 6])
    expect(f.toArray()).toEqual(x.reshape([6, 4], { order: 'F' }).toArray())
    expect(x.reshape(6, -1, { order: 'F' }).get(1, 0)).toBe(1)
    expect(x.reshape([4, 6], {}).shape).toEqual([4, 6])
    expect(x.reshape([4, 6], undefined).shape).toEqual([4, 6])
    expect(arange(1).reshape([]).shape).toEqual([])
    expect(x.slice('::2').reshape(3, 4, { copy: true }).flags.ownData).toBe(false)
    expect(() => x.slice('::2').reshape(3, 4, { copy: false })).not.toThrow()
    expect(() => arange(6).reshape(2, 3).T.reshape(6, { copy: false })).toThrow(ValueError)
  })
  it('errors name the shape', () => {
    expect(() => x.reshape(5, 5)).toThrow(ShapeError)
    expect(() => x.reshape(5, 5)).toThrow('cannot reshape array of size 24 into shape (5, 5)')
    expect(() => x.reshape(6.5, 4)).toThrow(ShapeError)
    expect(() => (x.reshape as (...a: unknown[]) => NDArray)()).toThrow(/reshape: no shape given/)
    expect(() => (x.reshape as (...a: unknown[]) => NDArray)([6, 4], 1)).toThrow(/the shape must be one array or integers one per axis, got \(\[6, 4\], 1\)/)
    expect(() => (x.reshape as (...a: unknown[]) => NDArray)(6, [4])).toThrow(ShapeError)
    expect(() => (x.reshape as (...a: unknown[]) => NDArray)('6')).toThrow(ShapeError)
  })
})

void describeStep
