/**
 * Public reduction API: JS scalar vs NDArray results, result dtypes, keepdims, out=, dtype=, axis handling and
 * typed errors with NumPy's messages, identities of empty reductions, the spec's worked examples.
 */
import { describe, expect, it } from 'vitest'
import {
  AxisError, DTypeError, NDArray, ReadOnlyError, ShapeError, ValueError, array, zeros,
} from '../packages/core/src/index.js'
import {
  all, any, argmax, argmin, max, mean, min, prepareReduction, prod, reduce, std, sum, var as variance,
} from '../packages/core/src/ops/reductions.js'

const f64 = (xs: number[], shape?: number[]): NDArray => {
  const a = NDArray.alloc([xs.length], 'float64')
  ;(a.data as Float64Array).set(xs, a.offset)
  return shape ? a.reshape(shape) : a
}
const typed = (dt: 'int8' | 'uint8' | 'int32' | 'int64' | 'uint64' | 'bool' | 'float32', xs: (number | bigint)[]): NDArray => {
  const a = NDArray.alloc([xs.length], dt)
  const d = a.data.subarray(a.offset) as unknown as { [i: number]: number | bigint }
  xs.forEach((x, i) => { d[i] = x })
  return a
}

describe('result kinds', () => {
  it('0-d results are JS scalars of the right type', () => {
    expect(sum(f64([1, 2, 3]))).toBe(6)
    expect(sum(typed('int8', [100, 100]))).toBe(200n)
    expect(sum(typed('uint8', [200, 100]))).toBe(300n)
    expect(sum(typed('bool', [1, 0, 1]))).toBe(2n)
    expect(max(typed('int8', [-5, 7]))).toBe(7)
    expect(max(typed('int64', [-5n, 7n]))).toBe(7n)
    expect(min(typed('bool', [1, 0]))).toBe(false)
    expect(any(f64([0, NaN]))).toBe(true)
    expect(all(f64([1, 0]))).toBe(false)
    expect(argmax(f64([1, 9, 9]))).toBe(1)
    expect(typeof argmin(f64([3, 1]).reshape([1, 2]))).toBe('number')
    expect(mean(typed('int32', [1, 2]))).toBe(1.5)
    expect(Object.is(sum(f64([-0])), 0)).toBe(true)
  })

  it('keepdims and out give arrays', () => {
    const r = sum(f64([1, 2, 3]), { keepdims: true }) as NDArray
    expect(r).toBeInstanceOf(NDArray)
    expect(r.shape).toEqual([1])
    const a = f64([1, 2, 3, 4, 5, 6], [2, 3])
    const k = sum(a, { axis: [0], keepdims: true }) as NDArray
    expect(k.shape).toEqual([1, 3])
    expect(k.toFlatArray()).toEqual([5, 7, 9])
    const am = argmax(a, { axis: 1, keepdims: true }) as NDArray
    expect(am.dtype).toBe('int64')
    expect(am.shape).toEqual([2, 1])
    const o = zeros([])
    expect(sum(a, { out: o })).toBe(o)
    expect(o.get()).toBe(21)
  })

  it('result dtypes follow NumPy', () => {
    const cases: [string, string, string][] = [
      ['bool', 'sum', 'int64'], ['int8', 'sum', 'int64'], ['int32', 'prod', 'int64'], ['uint8', 'sum', 'uint64'],
      ['int8', 'max', 'int8'], ['float32', 'sum', 'float32'], ['int16', 'mean', 'float64'], ['float32', 'mean', 'float32'],
      ['uint64', 'var', 'float64'], ['float32', 'std', 'float32'], ['float64', 'argmax', 'int64'], ['int8', 'any', 'bool'],
    ]
    for (const [dt, op, want] of cases) {
      const a = NDArray.alloc([2, 3], dt as 'int8')
      expect(`${dt} ${op} ${(reduce(op, a, { axis: 0 }) as NDArray).dtype}`).toBe(`${dt} ${op} ${want}`)
    }
  })

  it('results are laid out like NumPy allocates them (iteration order)', () => {
    const f = zeros([2, 3, 4], { order: 'F' })
    expect((sum(f, { axis: 0 }) as NDArray).flags.fContiguous).toBe(true)
    expect((sum(f, { axis: 0 }) as NDArray).strides).toEqual([1, 3])
    const t = zeros([2, 3, 4]).transpose([1, 0, 2])
    expect((sum(t, { axis: 2 }) as NDArray).strides).toEqual([1, 3])
  })
})

describe('dtype and integer semantics', () => {
  it('dtype= sets the accumulator and wraps', () => {
    expect(sum(typed('int8', [100, 100]), { dtype: 'int8' })).toBe(-56)
    expect(sum(typed('int64', [2n ** 63n - 1n, 1n]))).toBe(-(2n ** 63n))
    expect(sum(typed('uint64', [2n ** 64n - 1n, 2n]))).toBe(1n)
    expect(prod(typed('int64', [2n ** 32n, 2n ** 32n, 3n]))).toBe(0n)
    expect(prod(typed('int32', [65536, 65536, 3]))).toBe(3n * 2n ** 32n)
    expect(prod(typed('int8', [16, 16]), { dtype: 'int8' })).toBe(0)
    expect(sum(f64([0.5, 1.5, 2.7]), { dtype: 'int32' })).toBe(3)
    expect(sum(f64([0, 0, 2]), { dtype: 'bool' })).toBe(true)
    expect(prod(f64([1, 0, 2]), { dtype: 'bool' })).toBe(false)
    expect(mean(typed('int8', [1, 2]), { dtype: 'float32' })).toBe(1.5)
  })

  it('dtype= is refused where NumPy has none', () => {
    expect(() => max(f64([1]), { dtype: 'float32' })).toThrow(DTypeError)
    expect(() => argmax(f64([1]), { dtype: 'float32' })).toThrow(DTypeError)
  })

  it('the spec examples', () => {
    const a = f64([1, 2, 3, 4])
    expect(variance(a)).toBe(1.25)
    expect(variance(a, { ddof: 1 })).toBe(1.6666666666666667)
    expect(std(a, { ddof: 1 })).toBe(1.2909944487358056)
    expect(variance(f64([1]), { ddof: 1 })).toBeNaN()
    expect(variance(f64([1, 2]), { ddof: 2 })).toBe(Infinity)
    expect(argmax(f64([1, NaN, 5, NaN]))).toBe(1)
    expect(argmin(f64([1, NaN, -5]))).toBe(1)
    expect(max(f64([1, NaN, 5]))).toBeNaN()
    const m = typed('float32', [1, 2, 4])
    expect(mean(m)).toBe(Math.fround(7 / 3))
  })
})

describe('axis handling', () => {
  const a = f64([1, 2, 3, 4, 5, 6], [2, 3])
  it('negative axes, tuples and [] work', () => {
    expect(sum(a, { axis: -1 }).toFlatArray()).toEqual([6, 15])
    expect(sum(a)).toBe(21)
    // an explicit axis that reduces everything gives a 0-d array (the result's type follows from the call)
    const all = sum(a, { axis: [0, 1] })
    expect(all.ndim).toBe(0)
    expect(all.get()).toBe(21)
    const none = sum(f64([-0, 1], [1, 2]), { axis: [] }) as NDArray
    expect(none.shape).toEqual([1, 2])
    expect(Object.is(none.get(0, 0), 0)).toBe(true)
    expect(sum(f64([5]).reshape([]), { axis: 0 }).get()).toBe(5)
  })

  it('bad axes throw typed errors with NumPy messages', () => {
    expect(() => sum(a, { axis: 2 })).toThrow(AxisError)
    expect(() => sum(a, { axis: 2 })).toThrow('axis 2 is out of bounds for array of dimension 2')
    expect(() => sum(a, { axis: -3 })).toThrow('axis -3 is out of bounds for array of dimension 2')
    expect(() => sum(a, { axis: [0, 0] })).toThrow(ValueError)
    expect(() => sum(a, { axis: [0, 0] })).toThrow("duplicate value in 'axis'")
    expect(() => sum(a, { axis: [1, -1] })).toThrow("duplicate value in 'axis'")
    expect(() => argmax(a, { axis: [0] })).toThrow(ValueError)
    expect(() => reduce('median', a)).toThrow(ValueError)
  })
})

describe('empty reductions', () => {
  const e = zeros([0, 3])
  it('identities and NaN means', () => {
    expect(sum(zeros([0]))).toBe(0)
    expect(prod(zeros([0]))).toBe(1)
    expect(sum(NDArray.alloc([0], 'int8'))).toBe(0n)
    expect(any(zeros([0]))).toBe(false)
    expect(all(zeros([0]))).toBe(true)
    expect(mean(zeros([0]))).toBeNaN()
    expect((sum(e, { axis: 0 }) as NDArray).toFlatArray()).toEqual([0, 0, 0])
    expect((mean(e, { axis: 0 }) as NDArray).toFlatArray().every((x) => Number.isNaN(x))).toBe(true)
    expect((max(e, { axis: 1 }) as NDArray).shape).toEqual([0])
  })

  it('max/min/argmax of nothing raise NumPy errors', () => {
    expect(() => max(e, { axis: 0 })).toThrow(new ValueError('zero-size array to reduction operation maximum which has no identity'))
    expect(() => min(zeros([0]))).toThrow('zero-size array to reduction operation minimum which has no identity')
    expect(() => argmax(zeros([0]))).toThrow('attempt to get argmax of an empty sequence')
    expect(() => argmin(e, { axis: 0 })).toThrow('attempt to get argmin of an empty sequence')
    expect((argmax(zeros([3, 0]), { axis: 0 }) as NDArray).shape).toEqual([0])
  })
})

describe('out=', () => {
  const a = f64([1, 2, 3, 4, 5, 6], [2, 3])
  it('writes, casts and returns out', () => {
    const o = zeros([3])
    expect(sum(a, { axis: 0, out: o })).toBe(o)
    expect(o.toFlatArray()).toEqual([5, 7, 9])
    const oi = NDArray.alloc([2], 'int32')
    mean(a, { axis: 1, out: oi })
    expect(oi.toFlatArray()).toEqual([2, 5])
    const o32 = NDArray.alloc([2], 'int32')
    argmax(a, { axis: 1, out: o32 })
    expect(o32.toFlatArray()).toEqual([2, 2])
    const strided = zeros([6]).slice('::2')
    sum(a, { axis: 0, out: strided })
    expect(strided.toFlatArray()).toEqual([5, 7, 9])
  })

  it("out never broadcasts, nor the input against it (unlike ufuncs; NumPy 2.4.6's messages)", () => {
    // np.sum(a, axis=0, keepdims=True, out=np.zeros((2, 3))) and friends
    const err = (f: () => unknown, msg: string): void => { expect(f).toThrow(ShapeError); expect(f).toThrow(msg) }
    err(() => sum(a, { axis: 0, keepdims: true, out: zeros([2, 3]) }), 'operand was set up as a reduction along axis 0, but the length of the axis is 2 (it has to be 1)')
    err(() => max(a, { axis: 1, keepdims: true, out: zeros([2, 4]) }), 'output parameter for reduction operation maximum has shape (2, 4) but the result has shape (2, 1)')
    err(() => sum(zeros([1, 3]), { axis: 1, out: zeros([5]) }), "non-broadcastable operand with shape (1,3) doesn't match the broadcast shape (5,3)")
    err(() => sum(zeros([1, 3]), { axis: 1, keepdims: true, out: zeros([5, 1]) }), "non-broadcastable operand with shape (1,3) doesn't match the broadcast shape (5,3)")
    err(() => sum(zeros([1, 3]), { axis: 0, keepdims: true, out: zeros([5, 3]) }), 'reduction along axis 0, but the length of the axis is 5')
    err(() => sum(a, { axis: 0, out: zeros([1, 3]) }), 'has the wrong number of dimensions: Found 2 but expected 1')
    err(() => sum(a, { out: zeros([1]) }), 'Found 1 but expected 0')
    err(() => mean(a, { axis: 0, out: zeros([1, 3]) }), 'Found 2 but expected 1')
    // what NumPy accepts
    const o = zeros([1, 3])
    expect(sum(a, { axis: 0, keepdims: true, out: o })).toBe(o)
    expect(o.toArray()).toEqual([[5, 7, 9]])
    const s = zeros([])
    expect(sum(a, { out: s })).toBe(s)
    expect(s.toArray()).toBe(21)
  })

  it('an out that aliases the input is still correct', () => {
    const b = f64([1, 2, 3, 4, 5, 6], [2, 3])
    sum(b, { axis: 1, out: b.slice(':, 0') })
    expect(b.toFlatArray()).toEqual([6, 2, 3, 15, 5, 6])
  })

  it('bad outs throw', () => {
    expect(() => sum(a, { axis: 0, out: zeros([2, 3]) })).toThrow(new ShapeError('output parameter for reduction operation add has the wrong number of dimensions: Found 2 but expected 1'))
    expect(() => sum(a, { axis: 0, out: zeros([3]), keepdims: true })).toThrow("(must match the operand's when keepdims=True)")
    expect(() => sum(a, { axis: 0, out: zeros([4]) })).toThrow(ShapeError)
    expect(() => sum(a, { axis: 0, out: zeros([4]) })).toThrow('has shape (4) but the result has shape (3)')
    expect(() => argmax(a, { axis: 0, out: zeros([3]) })).toThrow(DTypeError)
    const ro = zeros([3])
    ro.flags.writeable = false
    expect(() => sum(a, { axis: 0, out: ro })).toThrow(ReadOnlyError)
  })
})

describe('prepareReduction', () => {
  it('builds a postable job and a finish', () => {
    const a = array([[1, 2], [3, 4]])
    const p = prepareReduction('sum', a, { axis: 0 })
    expect(p.job.kind).toBe('reduction')
    expect(p.job.op).toBe('sum')
    expect(() => structuredClone(p.job)).not.toThrow()
    const r = p.finish([]) // nothing run yet: finish of an output-mode job writes nothing
    expect(r).toBeInstanceOf(NDArray)
  })
})
