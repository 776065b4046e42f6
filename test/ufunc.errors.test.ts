/** Every error path of the elementwise layer; a rejected call must leave every buffer untouched. */
import { describe, expect, it } from 'vitest'
import {
  DTypeError, NDArray, OverlapError, ReadOnlyError, ShapeError, ValueError, add, arange, asStrided, bitwiseAnd, clip,
  multiply, negative, ones, power, sqrt, where, zeros,
} from '@strided/core'

/** A snapshot of all the memory behind a view (its owner's allocation). */
function snap(a: NDArray): unknown[] {
  const { start, end } = a.memoryExtent
  const isz = a.itemsize
  const base = new NDArray({ buffer: a.buffer, dtype: a.dtype, shape: [Math.floor(end / isz) - Math.ceil(start / isz)], strides: [1], offset: Math.ceil(start / isz) })
  return base.toFlatArray()
}

function rejects(f: () => unknown, cls: new (...a: never[]) => Error, msg: RegExp | string, ...watched: NDArray[]): void {
  const before = watched.map(snap)
  expect(f).toThrow(cls)
  expect(f).toThrow(msg)
  watched.forEach((w, i) => expect(snap(w), `buffer ${i} changed by a rejected call`).toEqual(before[i]))
}

describe('argument errors', () => {
  it('broadcast mismatch names both shapes (NumPy wording)', () => {
    rejects(() => add(ones(3), ones(4)), ShapeError, 'operands could not be broadcast together with shapes (3,) (4,) ')
    rejects(() => add(ones([2, 3]), ones([3, 2])), ShapeError, 'shapes (2,3) (3,2)')
  })
  it('out never stretches: the broadcast of inputs and out must be out.shape', () => {
    const out = zeros(3)
    rejects(() => add(ones([2, 3]), 1, { out }), ShapeError, "non-broadcastable output operand with shape (3,) doesn't match the broadcast shape (2,3)", out)
    rejects(() => add(ones([1, 3]), 1, { out }), ShapeError, "non-broadcastable output operand with shape (3,) doesn't match the broadcast shape (1,3)", out)
    const out1 = zeros([1])
    rejects(() => add(zeros([5]), 1, { out: out1 }), ShapeError, "non-broadcastable output operand with shape (1,) doesn't match the broadcast shape (5,)", out1)
    const out0 = zeros([])
    rejects(() => add(zeros([1]), 1, { out: out0 }), ShapeError, "non-broadcastable output operand with shape () doesn't match the broadcast shape (1,)", out0)
    const out4 = zeros([2, 3])
    rejects(() => add(zeros([4, 1, 3]), 1, { out: out4 }), ShapeError, "non-broadcastable output operand with shape (2,3) doesn't match the broadcast shape (4,2,3)", out4)
    // NumPy lists out's shape among the operands when they do not broadcast at all
    const out5 = zeros([5])
    rejects(() => add(ones(2), ones(3), { out: out5 }), ShapeError, 'operands could not be broadcast together with shapes (2,) (3,) (5,) ', out5)
    const out24 = zeros([2, 4])
    rejects(() => add(ones(3), 1, { out: out24 }), ShapeError, 'operands could not be broadcast together with shapes (3,) () (2,4) ', out24)
  })
  it('inputs broadcast to the shape of out (NumPy)', () => {
    expect(negative(zeros([1]), { out: zeros([5]) }).toArray()).toEqual([-0, -0, -0, -0, -0])
    expect(add(arange(1), 1, { out: zeros([5]) }).toArray()).toEqual([1, 1, 1, 1, 1])
    const o = add(zeros([5, 1]), 1, { out: zeros([5, 3]) })
    expect(o.shape).toEqual([5, 3])
    expect(o.toArray()).toEqual(Array.from({ length: 5 }, () => [1, 1, 1]))
    expect(add(ones(3), 1, { out: zeros([1, 3]) }).toArray()).toEqual([[2, 2, 2]])
    expect(add(ones(3), 1, { out: zeros([2, 3]) }).toArray()).toEqual([[2, 2, 2], [2, 2, 2]])
    expect(add(1, 2, { out: zeros([5]) }).toArray()).toEqual([3, 3, 3, 3, 3])
    expect(add(zeros([]), 2, { out: zeros([2, 2]) }).toArray()).toEqual([[2, 2], [2, 2]])
    expect(add(zeros([1]), 1, { out: zeros([0]) }).shape).toEqual([0])
    expect(clip(arange(1), 0, 1, { out: zeros([5]) }).toArray()).toEqual([0, 0, 0, 0, 0])
    expect(where(ones([1], { dtype: 'bool' }), arange(3), 9, { out: zeros([2, 3]) }).toArray()).toEqual([[0, 1, 2], [0, 1, 2]])
    // a cast into out (int64 → float64 temporary) and out aliasing a broadcast input
    expect(add(arange(2, { dtype: 'int8' }), 1, { out: zeros([3, 2], { dtype: 'int16' }) }).toArray()).toEqual([[1, 2], [1, 2], [1, 2]])
    const b = arange(3)
    expect(() => add(b.slice('0:1'), 1, { out: b })).toThrow(OverlapError)
    expect(add(b.slice('0:1'), 1, { out: b, overlap: 'copy' }).toArray()).toEqual([1, 1, 1])
  })
  it("out dtype must be castable under 'same_kind'", () => {
    const out = zeros(3, { dtype: 'int64' })
    rejects(() => add(ones(3), 1.5, { out }), DTypeError, "Cannot cast ufunc 'add' output from dtype('float64') to dtype('int64') with casting rule 'same_kind'", out)
    expect(add(ones(3), 1, { out: zeros(3, { dtype: 'float32' }) }).dtype).toBe('float32')
  })
  it('read-only out', () => {
    const base = zeros(3)
    const ro = base.broadcastTo([3])
    rejects(() => add(ones(3), 1, { out: ro }), ReadOnlyError, 'read-only', base)
  })
  it('dtype option checks (same_kind inputs, existing loops)', () => {
    expect(() => add(ones(2), 1, { dtype: 'int8' })).toThrow("Cannot cast ufunc 'add' input 0 from dtype('float64') to dtype('int8')")
    expect(() => add(arange(2, { dtype: 'int8' }), 2.5, { dtype: 'int8' })).toThrow(DTypeError)
    expect(() => add(arange(2, { dtype: 'int8' }), 300, { dtype: 'int8' })).toThrow('Python integer 300 out of bounds for int8')
    expect(add(arange(2, { dtype: 'int8' }), 300, { dtype: 'int16' }).toArray()).toEqual([300, 301])
    expect(() => sqrt(arange(2, { dtype: 'int64' }), { dtype: 'int64' })).toThrow(DTypeError)
    expect(() => where(true, 1, 2, { dtype: 'int8' } as never)).toThrow(ValueError)
  })
  it('no loop: bitwise on floats, negative/sign of bool; int8 computes in float16', () => {
    expect(() => bitwiseAnd(ones(2), 1)).toThrow(/ufunc 'bitwise_and' not supported for the input types/)
    expect(() => negative(zeros(2, { dtype: 'bool' }))).toThrow(/boolean negative/)
    expect(sqrt(arange(3, { dtype: 'int8' })).dtype).toBe('float16')
    expect(sqrt(arange(3, { dtype: 'int8' }), { dtype: 'float32' }).dtype).toBe('float32')
    expect(sqrt(arange(3, { dtype: 'int16' })).dtype).toBe('float32')
    expect(() => clip(zeros(2, { dtype: 'bool' }), null, null)).toThrow(DTypeError)
  })
  it('integers to negative integer powers', () => {
    const out = zeros(3, { dtype: 'int64' })
    const e = arange(3, { dtype: 'int64' })
    e.set(2, -1n)
    rejects(() => power(arange(3, { dtype: 'int64' }), e, { out }), ValueError, 'Integers to negative integer powers are not allowed.', out)
    rejects(() => power(arange(3, { dtype: 'int8' }), -2), ValueError, 'Integers to negative integer powers are not allowed.')
    expect(power(arange(3, { dtype: 'int8' }), -2.5).dtype).toBe('float64')
  })
  it('bad operands and options', () => {
    expect(() => add(ones(2), 'x' as never)).toThrow(DTypeError)
    expect(() => add(ones(2), 1, { overlap: 'maybe' as never })).toThrow(ValueError)
    expect(() => add(ones(2), 1, { out: [1, 2] as never })).toThrow(DTypeError)
  })
})

describe('overlap rule: OverlapError, nothing written', () => {
  it('partial overlap a[1:] vs a[:-1]', () => {
    const a = arange(8)
    rejects(() => add(a.slice('1:'), a.slice(':-1'), { out: a.slice('1:') }), OverlapError, 'out overlaps input 1 (x2)', a)
    rejects(() => add(a.slice(':-1'), 1, { out: a.slice('1:') }), OverlapError, 'out overlaps input 0 (x1)', a)
  })
  it('reversed views x vs x[::-1]', () => {
    const a = arange(8)
    rejects(() => add(a, a.slice('::-1'), { out: a }), OverlapError, /out overlaps input 1 \(x2\).*strides \(-1\)/, a)
    rejects(() => negative(a.slice('::-1'), { out: a }), OverlapError, 'out overlaps input 0', a)
  })
  it('transposed alias m vs m.T', () => {
    const m = arange(16).reshape([4, 4])
    rejects(() => add(m, m.T, { out: m }), OverlapError, 'out overlaps input 1', m)
    rejects(() => negative(m, { out: m.T }), OverlapError, 'out overlaps input 0', m)
  })
  it('broadcast (internally overlapping) outputs', () => {
    const x = zeros(3)
    const b = asStrided(x, { shape: [3], strides: [0], writeable: true })
    rejects(() => add(b, 1, { out: b }), OverlapError, 'out has internal overlap', x)
    const w = asStrided(arange(6), { shape: [4, 3], strides: [1, 1], writeable: true })
    rejects(() => add(ones([4, 3]), 1, { out: w }), OverlapError, 'internal overlap', w)
  })
  it('dtype-changing aliases of the same memory', () => {
    const a = arange(4)
    rejects(() => add(a, 1, { out: a.view('int64') as never }), DTypeError, /Cannot cast/, a) // f8 → i8 not same_kind
    const i = arange(4, { dtype: 'int64' })
    rejects(() => add(i.view('float64'), 1, { out: i.view('uint64') as never }), DTypeError, /Cannot cast/, i)
  })
  it('allowed without copies: the exact same view, and disjoint interleaved views', () => {
    const a = arange(8)
    add(a, 1, { out: a })
    expect(a.toArray()).toEqual([1, 2, 3, 4, 5, 6, 7, 8])
    multiply(a, a, { out: a })
    expect(a.toArray()).toEqual([1, 4, 9, 16, 25, 36, 49, 64])
    add(a.slice('::2'), a.slice('::2'), { out: a.slice('::2') })
    expect(a.toArray()).toEqual([2, 4, 18, 16, 50, 36, 98, 64])
    const x = arange(8)
    negative(x.slice('::2'), { out: x.slice('1::2') }) // interleaved: the exact solver proves no overlap
    expect(x.toArray()).toEqual([0, -0, 2, -2, 4, -4, 6, -6])
    const m = arange(12).reshape([3, 4])
    add(m.slice(':, :2'), m.slice(':, 2:'), { out: m.slice(':, 2:') }) // same view + disjoint block
    expect(m.toArray()).toEqual([[0, 1, 2, 4], [4, 5, 10, 12], [8, 9, 18, 20]])
  })
})
