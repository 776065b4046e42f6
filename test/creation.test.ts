/**
 * Creation functions: NumPy goldens (test/fixtures/views/creation.json from scripts/gen_view_fixtures.py) for
 * arange / linspace / eye / zeros / ones / empty / full / *Like / copy / astype / array(ndarray) layouts and
 * values, plus unit tests of the documented strided behaviour (default dtype float64, dtype inference,
 * typed-array input, fromBuffer).
 */
import { describe, expect, it } from 'vitest'
import {
  BoundsError, DTypeError, NDArray, OverflowError, ShapeError, ValueError, arange, array, empty, emptyLike, eye,
  fromBuffer, full, fullLike, linspace, ones, onesLike, zeros, zerosLike, type DTypeName, type Scalar,
} from '@strided/core'
import { identity } from '@strided/core'

;(globalThis as { __STRIDED_GOLDEN_LIB__?: boolean }).__STRIDED_GOLDEN_LIB__ = true
const { loadFixture, replayChain, valuesOf, diffValues } = await import('./views.golden.test.js')
type Chain = Parameters<typeof replayChain>[0]
type Encoded = number | string | boolean

interface Layout { shape: number[]; strides: number[]; dtype: DTypeName; flags: boolean[]; values: Encoded[]; owndata?: boolean }
interface ErrorSpec { numpy: string; message: string; ts: string }
interface CreationFile {
  numpy: string
  arange: { args: (number | string)[]; bigint?: boolean; dtype: DTypeName | null; expect?: Layout; error?: ErrorSpec }[]
  linspace: { start: number; stop: number; num: number; endpoint: boolean; dtype: DTypeName | null; expect: Layout }[]
  eye: { n: number; m: number | null; k: number; order: 'C' | 'F'; dtype: DTypeName | null; expect: Layout }[]
  filled: { fn: 'zeros' | 'ones' | 'empty' | 'full'; shape: number[]; order: 'C' | 'F'; dtype: DTypeName | null; value?: number | boolean; expect: Layout }[]
  like: (Chain & { results: Record<string, Layout> })[]
}

const fx = loadFixture<CreationFile>('creation.json')

/**
 * Every mismatch between an array and a NumPy layout (shape, byte strides, dtype, flags, values). `anyOwner`
 * skips OWNDATA: NumPy's Python-level linspace returns a reshaped view of its working array, strided an owner.
 */
function layoutProblems(a: NDArray, want: Layout, what: string, anyOwner = false): string[] {
  const out: string[] = []
  const f = a.flags
  const got = {
    shape: a.shape, strides: a.byteStrides, dtype: a.dtype,
    flags: [f.cContiguous, f.fContiguous, anyOwner ? null : f.ownData, f.writeable, f.aligned],
  }
  const exp = { shape: want.shape, strides: want.strides, dtype: want.dtype, flags: want.flags.map((x, i) => (anyOwner && i === 2 ? null : x)) }
  if (JSON.stringify(got) !== JSON.stringify(exp)) out.push(`${what}: layout ${JSON.stringify(got)}, expected ${JSON.stringify(exp)}`)
  const d = diffValues(valuesOf(a), want.values)
  if (d !== null) out.push(`${what}: ${d}`)
  return out
}

const opt = (dtype: DTypeName | null): { dtype?: DTypeName } => (dtype === null ? {} : { dtype })

describe(`creation goldens (NumPy ${fx.numpy})`, () => {
  it('arange: length, values (NumPy fill rule) and errors', () => {
    const problems: string[] = []
    for (const c of fx.arange) {
      const args = c.bigint === true ? c.args.map((x) => BigInt(x)) : (c.args as number[])
      const what = `arange(${c.args.join(', ')}${c.dtype === null ? '' : `, dtype=${c.dtype}`})`
      const call = (): NDArray => (arange as (...x: unknown[]) => NDArray)(...args, opt(c.dtype))
      if (c.error !== undefined) {
        expect(call, what).toThrow(c.error.ts === 'OverflowError' ? OverflowError : ValueError)
        continue
      }
      problems.push(...layoutProblems(call(), c.expect!, what))
    }
    expect(problems).toEqual([])
    expect(fx.arange.length).toBeGreaterThan(90)
  })

  it('linspace: values (integer dtypes floor), endpoint, num 0 and 1', () => {
    const problems = fx.linspace.flatMap((c) =>
      layoutProblems(linspace(c.start, c.stop, c.num, { endpoint: c.endpoint, ...opt(c.dtype) }), c.expect, `linspace(${c.start}, ${c.stop}, ${c.num}, endpoint=${c.endpoint}, ${c.dtype})`, true))
    expect(problems).toEqual([])
  })

  it('eye: diagonals, shapes, orders, empty matrices', () => {
    const problems = fx.eye.flatMap((c) =>
      layoutProblems(eye(c.n, c.m, { k: c.k, order: c.order, ...opt(c.dtype) }), c.expect, `eye(${c.n}, ${c.m}, k=${c.k}, ${c.order}, ${c.dtype})`))
    expect(problems).toEqual([])
  })

  it('zeros / ones / empty / full: strides (zero strides when empty), orders, default dtypes', () => {
    const problems = fx.filled.flatMap((c) => {
      const o = { order: c.order, ...opt(c.dtype) }
      const a = c.fn === 'zeros' ? zeros(c.shape, o) : c.fn === 'ones' ? ones(c.shape, o) : c.fn === 'empty' ? empty(c.shape, o) : full(c.shape, c.value as Scalar, o)
      return layoutProblems(a, c.expect, `${c.fn}(${JSON.stringify(c.shape)}, ${c.order}, ${c.dtype}${c.value === undefined ? '' : `, ${String(c.value)}`})`)
    })
    expect(problems).toEqual([])
  })

  it("*Like, copy(order), astype, array(ndarray), flatten('K'), ravel('K') follow NumPy's memory-order rules", () => {
    const problems: string[] = []
    const fns: Record<string, (x: NDArray) => NDArray> = {
      zerosLike: (x) => zerosLike(x), onesLike: (x) => onesLike(x), emptyLike: (x) => emptyLike(x), fullLike: (x) => fullLike(x, 3),
      zerosLikeF: (x) => zerosLike(x, { order: 'F' }), zerosLikeC: (x) => zerosLike(x, { order: 'C' }),
      copyK: (x) => x.copy('K'), copyA: (x) => x.copy('A'), copyF: (x) => x.copy('F'), copyC: (x) => x.copy(),
      array: (x) => array(x), astypeF32: (x) => x.astype('float32'), flattenK: (x) => x.flatten('K'), ravelK: (x) => x.ravel('K'),
    }
    for (const c of fx.like) {
      const { problems: p, results } = replayChain(c)
      problems.push(...p)
      const input = results[results.length - 1] ?? null
      if (input === null) continue
      for (const [name, want] of Object.entries(c.results)) {
        const r = fns[name]!(input)
        problems.push(...layoutProblems(r, want, `case ${c.id} ${name} of shape (${input.shape.join(',')}) strides (${input.byteStrides.join(',')})`))
        if (want.owndata === true && r.base !== null) problems.push(`case ${c.id} ${name}: expected an owner`)
      }
    }
    expect(problems).toEqual([])
  })
})

describe('creation: documented strided behaviour', () => {
  it('default dtype is float64 (arange(5) is float64, unlike NumPy int64); bigint arguments give int64', () => {
    expect(arange(5).dtype).toBe('float64')
    expect(arange(5).toFlatArray()).toEqual([0, 1, 2, 3, 4])
    expect(arange(5n).dtype).toBe('int64')
    expect(arange(2n, 8n, 3n).toFlatArray()).toEqual([2n, 5n])
    expect(zeros(3).dtype).toBe('float64')
    expect(linspace(0, 1, 3).dtype).toBe('float64')
    expect(eye(2).dtype).toBe('float64')
  })

  it("eye takes NumPy's positional k and the options object after N, M or k; identity(n, opts)", () => {
    // NumPy 2.4.6: np.eye(3, 4, 1) has ones at (0,1), (1,2), (2,3)
    expect(eye(3, 4, 1).toArray()).toEqual([[0, 1, 0, 0], [0, 0, 1, 0], [0, 0, 0, 1]])
    expect(eye(3, null, -1).toArray()).toEqual([[0, 0, 0], [1, 0, 0], [0, 1, 0]])
    expect(eye(3, undefined, 1).shape).toEqual([3, 3])
    const i3 = eye(3, { dtype: 'int32' })
    expect([i3.dtype, i3.shape]).toEqual(['int32', [3, 3]])
    expect(i3.toArray()).toEqual([[1, 0, 0], [0, 1, 0], [0, 0, 1]])
    expect(eye(2, 3, { dtype: 'bool' }).toArray()).toEqual([[true, false, false], [false, true, false]])
    const f = eye(2, 3, 1, { dtype: 'int64', order: 'F' })
    expect(f.toArray()).toEqual([[0n, 1n, 0n], [0n, 0n, 1n]])
    expect(f.flags.fContiguous && !f.flags.cContiguous).toBe(true)
    expect(eye(3, 4, { k: 1 }).toArray()).toEqual(eye(3, 4, 1).toArray())
    expect(eye(3, 4, 10).toFlatArray().every((v) => v === 0)).toBe(true)
    expect(eye(0).shape).toEqual([0, 0])
    expect(() => eye(3, 4, 1, { k: 2 })).toThrow(ValueError)
    expect(() => eye(3, 4, 1, { k: 2 })).toThrow('k given twice (positional 1, options 2)')
    expect(() => eye(3, 4, 1.5)).toThrow('eye: k must be an integer, got 1.5')
    expect(() => eye(3, { dtype: 'int8' }, 1 as never)).toThrow(/the options object must be the last argument/)
    expect(() => eye(-1)).toThrow(ShapeError)
    expect(() => eye(3, 2.5)).toThrow(ShapeError)
    expect(() => eye(3, { dtype: 'nope' })).toThrow(DTypeError)
    const id = identity(3, { dtype: 'int64' })
    expect([id.dtype, id.toArray()]).toEqual(['int64', [[1n, 0n, 0n], [0n, 1n, 0n], [0n, 0n, 1n]]])
    expect(identity(2).toArray()).toEqual([[1, 0], [0, 1]])
    expect(() => identity(-1)).toThrow(ShapeError)
  })

  it('arange with an integer dtype and a fractional step repeats values as NumPy does', () => {
    // NumPy: element 1 is int(start + step), then start + i·(that − start)
    expect(arange(0, 2.5, 0.5, { dtype: 'int64' }).toFlatArray()).toEqual([0n, 0n, 0n, 0n, 0n])
    expect(arange(0.5, 5, 1.5, { dtype: 'int32' }).toFlatArray()).toEqual([0, 2, 4])
    // later elements wrap in the dtype, the first two are range-checked
    expect(arange(0, 300, 100, { dtype: 'int8' }).toFlatArray()).toEqual([0, 100, -56])
    expect(() => arange(200, 300, 50, { dtype: 'int8' })).toThrow(OverflowError)
    expect(() => arange(0, 3, 1, { dtype: 'bool' })).toThrow(DTypeError)
    expect(arange(0, 2, 1, { dtype: 'bool' }).toFlatArray()).toEqual([false, true])
    expect(arange(0.1, 1, 0.3).toFlatArray()).toEqual([0.1, 0.4, 0.7000000000000001])
  })

  it('arange / linspace argument errors', () => {
    expect(() => arange(0, 5, 0)).toThrow(ValueError)
    expect(() => arange(0, Infinity)).toThrow(ValueError)
    expect(() => linspace(0, 1, -1)).toThrow(ValueError)
    expect(() => linspace(0, 1, 2.5)).toThrow(/2\.5/)
    expect(linspace(-5, 0, 4, { dtype: 'int32' }).toFlatArray()).toEqual([-5, -4, -2, 0])
  })

  it('full infers the dtype from the value and range-checks integers', () => {
    expect(full([2], 5n).dtype).toBe('int64')
    expect(full([2], true).dtype).toBe('bool')
    expect(full([2], 1.5).dtype).toBe('float64')
    expect(full([2], 255, { dtype: 'uint8' }).toFlatArray()).toEqual([255, 255])
    expect(() => full([2], 256, { dtype: 'uint8' })).toThrow(OverflowError)
    expect(() => full([2], -1n, { dtype: 'uint64' })).toThrow(OverflowError)
    expect(full([2], 2n ** 64n - 1n, { dtype: 'uint64' }).get(1)).toBe(2n ** 64n - 1n)
  })

  it('array: nested lists, dtype inference, typed arrays, scalars, copies', () => {
    const a = array([[1, 2, 3], [4, 5, 6]])
    expect([a.shape, a.dtype, a.flags.ownData]).toEqual([[2, 3], 'float64', true])
    expect(array([true, false]).dtype).toBe('bool')
    expect(array([1n, 2]).dtype).toBe('int64')
    expect(array(7).shape).toEqual([])
    expect(array([]).shape).toEqual([0])
    expect(array([]).byteStrides).toEqual([0]) // NumPy: np.array([]).strides == (0,)
    expect(array([[]]).shape).toEqual([1, 0])
    const f = array([[1, 2], [3, 4]], { order: 'F' })
    expect([f.byteStrides, f.toArray()]).toEqual([[8, 16], [[1, 2], [3, 4]]])
    const t = array(new Int16Array([1, -2, 3]))
    expect([t.dtype, t.toFlatArray()]).toEqual(['int16', [1, -2, 3]])
    const src = new Float32Array([1, 2])
    const c = array(src)
    src[0] = 9
    expect(c.get(0)).toBe(1) // a copy
    const v = arange(6).reshape([2, 3]).T
    const cv = array(v)
    expect([cv.byteStrides, cv.flags.ownData, cv.toArray()]).toEqual([[8, 24], true, v.toArray()]) // order K keeps F layout
    expect(() => array([[1, 2], [3]])).toThrow(ShapeError)
    expect(() => array([1n, 1.5])).toThrow(DTypeError)
    expect(() => array([300], { dtype: 'uint8' })).toThrow(OverflowError)
    expect(() => array([1], { dtype: 'complex128' })).toThrow(DTypeError)
  })

  it('*Like keeps dtype and memory order unless overridden', () => {
    const t = zeros([2, 3, 4], { dtype: 'int32' }).transpose([1, 0, 2])
    const z = zerosLike(t)
    expect([z.dtype, z.byteStrides]).toEqual(['int32', [16, 48, 4]]) // NumPy zeros_like(t).strides
    expect(onesLike(t, { dtype: 'uint8' }).toFlatArray().every((x) => x === 1)).toBe(true)
    expect(fullLike(t, -1).get(0, 0, 0)).toBe(-1)
    expect(emptyLike(t, { order: 'C' }).flags.cContiguous).toBe(true)
    expect(zerosLike(arange(6).reshape([2, 3]).T).flags.fContiguous).toBe(true)
  })

  it('fromBuffer wraps memory without copying; strides and offset are validated', () => {
    const buf = new SharedArrayBuffer(64)
    const a = fromBuffer(buf, { dtype: 'int32' })
    expect([a.shape, a.base, a.flags.ownData]).toEqual([[16], null, false]) // caller memory: OWNDATA False, as np.frombuffer
    const ta = new Int32Array(buf, 8, 4)
    const b = fromBuffer(ta, { dtype: 'int32' })
    b.set(0, 42)
    expect(a.get(2)).toBe(42)
    expect(b.shape).toEqual([4])
    expect(fromBuffer(buf, { dtype: 'float64', shape: [2, 2], strides: [1, 2], offset: 4 }).byteStrides).toEqual([8, 16])
    expect(fromBuffer(buf, { dtype: 'int8', writeable: false }).flags.writeable).toBe(false)
    expect(() => fromBuffer(buf, { dtype: 'float64', shape: [9] })).toThrow(BoundsError)
    expect(() => fromBuffer(buf, { dtype: 'float64', shape: [2], strides: [-1] })).toThrow(BoundsError)
    expect(() => fromBuffer(new Int8Array(buf, 3, 8), { dtype: 'int32' })).toThrow(BoundsError)
    expect(() => fromBuffer(ta, { dtype: 'int32', shape: [5] })).toThrow(BoundsError)
    expect(fromBuffer(buf, { dtype: 'float64', shape: [0], offset: 8 }).size).toBe(0)
  })
})

describe('fromBuffer ownership', () => {
  it('wraps caller memory: not an owner (NumPy frombuffer: OWNDATA False), writes go to the caller buffer', async () => {
    const { fromBuffer } = await import('@strided/core')
    const sab = new SharedArrayBuffer(32)
    const a = fromBuffer(sab, { dtype: 'float64' })
    expect(a.flags.ownData).toBe(false)
    expect(a.base).toBe(null)
    a.set(1, 2.5)
    expect(new Float64Array(sab)[1]).toBe(2.5)
    expect(a.slice('1:').flags.ownData).toBe(false)
    expect(a.copy().flags.ownData).toBe(true)
  })
})

describe('creation arguments NumPy checks', () => {
  it('order is case-insensitive and anything else is a ValueError naming the function', () => {
    expect(zeros([2, 3], { order: 'c' as 'C' }).strides).toEqual([3, 1])
    expect(zeros([2, 3], { order: 'f' as 'F' }).strides).toEqual([1, 2])
    expect(() => zeros([2, 3], { order: 'K' as 'C' })).toThrow(ValueError)
    expect(() => zeros([2, 3], { order: 'x' as 'C' })).toThrow("zeros: order must be one of 'C', 'F', got 'x'")
    expect(() => zerosLike(zeros([2]), { order: 'Z' as 'K' })).toThrow(/zerosLike|emptyLike/)
    expect(array([[1, 2], [3, 4]], { order: 'K' }).strides).toEqual([2, 1])
    expect(array([[1, 2], [3, 4]], { order: 'F' }).strides).toEqual([1, 2])
  })

  it('array() reads typed arrays nested in JS arrays as their elements', () => {
    const a = array([new Float64Array([1, 2]), new Float64Array([3, 4])])
    expect(a.shape).toEqual([2, 2])
    expect(a.toArray()).toEqual([[1, 2], [3, 4]])
    expect(array([new BigInt64Array([1n, 2n])]).dtype).toBe('int64')
  })

  it('fromBuffer without a shape refuses a length that is not whole elements, as np.frombuffer', () => {
    expect(() => fromBuffer(new ArrayBuffer(10), { dtype: 'float64' })).toThrow(ValueError)
    expect(() => fromBuffer(new ArrayBuffer(10), { dtype: 'float64' })).toThrow('buffer size 10 bytes must be a multiple of the float64 itemsize 8')
    expect(fromBuffer(new ArrayBuffer(10), { dtype: 'float64', shape: [1] }).shape).toEqual([1])
    expect(fromBuffer(new ArrayBuffer(16)).shape).toEqual([2])
  })
})
