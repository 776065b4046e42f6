/**
 * Every error path of the view / creation layer: the exported class (IndexError, AxisError, ShapeError,
 * DTypeError, BoundsError, ReadOnlyError, ValueError, OverflowError) and a message that names the operand and
 * the offending values.
 */
import { describe, expect, it } from 'vitest'
import {
  AxisError, BoundsError, DTypeError, IndexError, NDArray, OverflowError, ReadOnlyError, ShapeError, StridedError, ValueError, arange, array, asStrided, broadcastShapes, broadcastTo, compress, dtype, eye, fromBuffer, full, linspace, ones, take, zeros, type Scalar,
} from '@strided/core'
import { normalizeSlice } from '@strided/core/internal'

type ErrorClass = new (...args: never[]) => Error

/** Run fn, assert it throws exactly `cls` (a StridedError) whose message matches every pattern. */
function throws(fn: () => unknown, cls: ErrorClass, ...patterns: (RegExp | string)[]): Error {
  let err: unknown
  try {
    fn()
  } catch (e) {
    err = e
  }
  expect(err, 'expected an error').toBeInstanceOf(cls)
  expect(err).toBeInstanceOf(StridedError)
  const e = err as Error
  expect(e.name).toBe(cls.name)
  for (const p of patterns) {
    if (typeof p === 'string') expect(e.message).toContain(p)
    else expect(e.message).toMatch(p)
  }
  return e
}

const b = (): NDArray => arange(24).reshape([2, 3, 4])

describe('indexing errors', () => {
  it('out-of-range integer index names the index, axis and size (NumPy IndexError)', () => {
    throws(() => b().slice('5'), IndexError, 'index 5 is out of bounds for axis 0 with size 2')
    throws(() => b().slice(':, -4'), IndexError, 'index -4', 'axis 1', 'size 3')
    throws(() => b().slice(0, 0, 4), IndexError, 'index 4', 'axis 2 with size 4')
    throws(() => b().get(0, 3, 0), IndexError, 'index 3', 'axis 1', 'size 3')
    throws(() => b().get(-3, 0, 0), IndexError, 'index -3', 'axis 0')
    throws(() => b().set(0, 0, 9, 1), IndexError, 'index 9', 'axis 2')
    throws(() => zeros([0]).slice('0'), IndexError, 'index 0 is out of bounds for axis 0 with size 0')
  })

  it('too many indices (NumPy wording) and wrong index counts for get/set', () => {
    throws(() => b().slice('0, 0, 0, 0'), IndexError, 'too many indices for array: array is 3-dimensional, but 4 were indexed')
    throws(() => zeros([]).slice('0'), IndexError, 'array is 0-dimensional, but 1 were indexed')
    throws(() => b().slice('..., 0, None, 0, 0, 0'), IndexError, 'but 4 were indexed')
    throws(() => b().get(0, 0), IndexError, 'get needs 3 indices', '(2, 3, 4)', 'got 2')
    throws(() => b().set(0, 1), IndexError, 'set needs 3 indices', 'got 1')
    throws(() => b().get(0.5, 0, 0), IndexError, '0.5', 'axis 0')
  })

  it('two ellipses', () => {
    throws(() => b().slice('..., 0, ...'), IndexError, 'an index can only have a single ellipsis')
    throws(() => b().slice('...', '...'), IndexError, 'single ellipsis')
  })

  it('zero slice step (NumPy ValueError) names the axis', () => {
    throws(() => b().slice('::0'), ValueError, 'slice step cannot be zero', 'axis 0')
    throws(() => b().slice(':, 1:2:0'), ValueError, 'axis 1')
    throws(() => normalizeSlice({ step: 0 }, 5, 3), ValueError, 'axis 3')
  })

  it('malformed index expressions and items name the text', () => {
    throws(() => b().slice('a'), IndexError, '"a"', 'index expression "a"')
    throws(() => b().slice('1:2:3:4'), IndexError, '"1:2:3:4"')
    throws(() => b().slice('1.5'), IndexError, '"1.5"')
    throws(() => b().slice('x:2'), IndexError, 'invalid slice bound "x"')
    throws(() => b().slice({ start: 0.5 }), IndexError, '0.5', 'axis 0')
    throws(() => b().slice({ step: 1.5 }), IndexError, '1.5')
    throws(() => b().slice(1.5), IndexError, '1.5')
  })
})

describe('axis errors', () => {
  it('out-of-range axes name the argument, the axis and the ndim (AxisError, an IndexError)', () => {
    const e = throws(() => b().swapaxes(0, 3), AxisError, 'axis2 3 is out of bounds for array of dimension 3')
    expect(e).toBeInstanceOf(IndexError)
    throws(() => b().swapaxes(-4, 0), AxisError, 'axis1 -4')
    throws(() => b().transpose([0, 1, 5]), AxisError, '5', 'dimension 3')
    throws(() => b().moveaxis(3, 0), AxisError, 'source 3')
    throws(() => b().moveaxis(0, -4), AxisError, 'destination -4')
    throws(() => b().squeeze(3), AxisError, 'axis 3')
    throws(() => b().expandDims(4), AxisError, 'axis 4 is out of bounds for array of dimension 4')
    throws(() => b().expandDims(-5), AxisError, '-5')
    throws(() => b().flip(3), AxisError, 'axis 3')
    throws(() => zeros([]).flip(0), AxisError, 'dimension 0')
    throws(() => take(b(), [0], { axis: 3 }), AxisError, 'axis 3')
    throws(() => compress([true], b(), { axis: -4 }), AxisError, 'axis -4')
    throws(() => b().swapaxes(0.5, 1), AxisError, '0.5')
  })

  it('duplicate axes (NumPy ValueError) list the axes', () => {
    throws(() => b().transpose([0, 0, 1]), ValueError, "duplicate value in 'axes'", '(0, 0, 1)')
    throws(() => b().transpose([0, -3, 1]), ValueError, '(0, -3, 1)')
    throws(() => b().moveaxis([0, 0], [1, 2]), ValueError, "'source'")
    throws(() => b().expandDims([0, 0]), ValueError, 'duplicate', '(0, 0)')
    throws(() => b().flip([1, -2]), ValueError, 'duplicate')
    throws(() => ones([1, 2, 1]).squeeze([0, 0]), ValueError, 'duplicate')
  })

  it('axis count mismatches', () => {
    throws(() => b().transpose([1, 0]), ValueError, "axes (1, 0) don't match array of dimension 3")
    throws(() => b().transpose([]), ValueError, "don't match array of dimension 3")
    throws(() => b().moveaxis([0, 1], [2]), ValueError, 'same number of elements', '(0, 1)', '(2)')
    throws(() => b().squeeze(1), ShapeError, 'cannot select an axis to squeeze out', 'axis 1 has size 3')
  })
})

describe('reshape errors', () => {
  it('size mismatch names the size and the requested shape (NumPy prints -1 as newaxis)', () => {
    throws(() => b().reshape([5, 5]), ShapeError, 'cannot reshape array of size 24 into shape (5, 5)')
    throws(() => b().reshape([5, -1]), ShapeError, 'size 24', '(5, newaxis)')
    throws(() => b().reshape(7), ShapeError, 'into shape (7,)')
    throws(() => zeros([0, 3]).reshape([0, -1]), ShapeError, 'size 0', '(0, newaxis)')
  })

  it('two unknown dimensions, bad entries and bad orders', () => {
    throws(() => b().reshape([-1, -1]), ShapeError, 'can only specify one unknown dimension', '(-1, -1)')
    throws(() => b().reshape([-1, 4, -2]), ShapeError, 'one unknown dimension')
    throws(() => b().reshape([2.5, 4]), ShapeError, '2.5')
    throws(() => b().reshape([24], { order: 'K' as 'C' }), ValueError, 'reshape', '"K"')
    throws(() => b().ravel('X' as 'C'), ValueError, 'ravel', '"X"')
    throws(() => b().copy('Z' as 'C'), ValueError, 'copy')
  })

  it('copy=false when a copy is needed names both shapes', () => {
    throws(() => b().slice(':, 1:, :').reshape([4, 4], { copy: false }), ValueError, 'Unable to avoid creating a copy while reshaping', '(2, 2, 4)', '(4, 4)')
    throws(() => b().T.reshape([24], { copy: false }), ValueError, '(4, 3, 2) into (24)')
    expect(b().slice(':, :, ::2').reshape([12], { copy: false }).shape).toEqual([12]) // a view is fine
  })
})

describe('broadcast errors', () => {
  it('broadcastTo mismatch names the shapes', () => {
    throws(() => broadcastTo(arange(3), [3, 2]), ShapeError, 'cannot broadcast array with shape (3) to shape (3, 2)')
    throws(() => broadcastTo(ones([2, 3]), [3]), ShapeError, 'shape (2, 3)', 'fewer dimensions')
    throws(() => broadcastTo(ones([3]), [-1, 3]), ShapeError, 'broadcast shape', '-1')
    throws(() => broadcastTo(ones([3]), [0]), ShapeError, '(3)', '(0)')
  })

  it('broadcastShapes uses NumPy\'s operand wording', () => {
    throws(() => broadcastShapes([3], [4]), ShapeError, 'operands could not be broadcast together with shapes (3,) (4,)')
    throws(() => broadcastShapes([2, 1], [1, 3], [4, 3]), ShapeError, '(2,1) (1,3) (4,3)')
  })

  it('assign broadcasts the value and names it when it cannot', () => {
    throws(() => zeros([2, 3]).assign(ones([2])), ShapeError, 'value', '(2)', '(2, 3)')
    throws(() => zeros([3]).assign(ones([2, 3])), ShapeError, 'value', '(2, 3)')
    // leading length-1 axes of the value are dropped, as in NumPy's setitem
    expect(zeros([3]).assign(ones([1, 1, 3])).toFlatArray()).toEqual([1, 1, 1])
  })
})

describe('bounds errors (strides / offset outside the buffer)', () => {
  const A = arange(10)
  it('asStrided names shape, strides, offset and the addressed range', () => {
    throws(() => asStrided(A, { shape: [6], strides: [2] }), BoundsError, 'asStrided', 'shape (6)', 'strides (2)', 'offset 0', 'elements 0..10', 'elements 0..9')
    throws(() => asStrided(A, { shape: [3], strides: [-1] }), BoundsError, 'elements -2..0')
    throws(() => asStrided(A.slice('8:'), { shape: [3], strides: [1] }), BoundsError, 'offset 8')
    throws(() => asStrided(A, { shape: [2], strides: [1, 1] }), ShapeError, 'strides (1, 1)', 'shape (2)')
    throws(() => asStrided(A, { shape: [2], strides: [0.5] }), BoundsError, '0.5')
  })

  it('fromBuffer names the offset, the view and the buffer size', () => {
    const buf = new SharedArrayBuffer(16)
    throws(() => fromBuffer(buf, { dtype: 'float64', shape: [3] }), BoundsError, 'fromBuffer', 'shape (3)', 'elements 0..1')
    throws(() => fromBuffer(buf, { dtype: 'int32', offset: 5 }), BoundsError, 'offset 5', '4 elements of int32')
    throws(() => fromBuffer(buf, { dtype: 'int32', offset: -2 }), BoundsError, 'offset -2')
    throws(() => fromBuffer(buf, { dtype: 'int32', offset: 1.5 }), BoundsError, '1.5')
    throws(() => fromBuffer(new Uint8Array(buf, 2, 8), { dtype: 'int32' }), BoundsError, 'byteOffset 2', 'int32 itemsize 4')
    throws(() => fromBuffer(buf, { dtype: 'int32', shape: [2], strides: [-1] }), BoundsError, 'strides (-1)')
    throws(() => fromBuffer('abc' as unknown as ArrayBuffer), DTypeError, 'expected a SharedArrayBuffer, ArrayBuffer or typed array')
  })
})

describe('dtype errors', () => {
  it('unknown dtypes name the request and the choices', () => {
    throws(() => zeros(3, { dtype: 'float128' }), DTypeError, 'unknown dtype "float128"', 'float16', 'float64')
    throws(() => dtype('c16'), DTypeError, '"c16"')
    throws(() => arange(3).astype('int128'), DTypeError, '"int128"')
    throws(() => arange(3).view('nope'), DTypeError, '"nope"')
    throws(() => array([1], { dtype: 'str' }), DTypeError, '"str"')
    throws(() => full([2], 1, { dtype: 'object' }), DTypeError, '"object"')
    throws(() => linspace(0, 1, 3, { dtype: 'x' }), DTypeError)
    throws(() => eye(2, null, { dtype: '' }), DTypeError, '""')
    throws(() => fromBuffer(new ArrayBuffer(8), { dtype: 'q' }), DTypeError)
  })

  it('view(dtype) rejections name the dtypes and the offending layout', () => {
    const a = zeros([2, 4], { dtype: 'int16' })
    throws(() => a.T.view('int32'), DTypeError, 'int16 → int32', 'last axis must be contiguous', '8 bytes')
    throws(() => a.slice(':, :3').view('int32'), DTypeError, 'larger', '6 bytes', 'itemsize 4')
    throws(() => array(1, { dtype: 'int16' }).view('int8'), DTypeError, '0d array', 'int16 → int8')
    throws(() => a.slice(':, 1:3').view('int32'), DTypeError, 'byte offset 2', 'itemsize 4')
  })

  it('bigint / number mix-ups and non-numeric values', () => {
    throws(() => array([1n, 1.5]), DTypeError, 'bigint', 'fractional')
    throws(() => zeros(2).set(0, 'x' as unknown as Scalar), DTypeError, 'value', 'float64', 'string')
    throws(() => zeros(2, { dtype: 'int64' }).fill({} as unknown as Scalar), DTypeError, 'fill value', 'int64', 'object')
    throws(() => array(['a' as unknown as Scalar]), DTypeError, 'data element 0')
    throws(() => take(arange(3), [0.5]), DTypeError, 'take', '0.5')
    throws(() => take(arange(3), arange(2)), DTypeError, 'integer array', 'float64')
    throws(() => array([new Date() as unknown as Scalar]), DTypeError)
  })
})

describe('read-only writes', () => {
  it('set / fill / assign on a read-only view name the operation, shape and dtype', () => {
    const x = arange(3)
    const r = broadcastTo(x, [2, 3])
    throws(() => r.set(0, 0, 1), ReadOnlyError, 'assignment destination is read-only', 'set', '(2, 3)', 'float64')
    throws(() => r.fill(1), ReadOnlyError, 'fill')
    throws(() => r.assign(x), ReadOnlyError, 'assign')
    throws(() => r.assign(5), ReadOnlyError, 'assign')
    const o = zeros([2], { dtype: 'int8' })
    o.flags.writeable = false
    throws(() => o.set(0, 1), ReadOnlyError, 'int8')
    throws(() => o.slice('::-1').fill(0), ReadOnlyError, 'fill')
    throws(() => fromBuffer(new ArrayBuffer(8), { writeable: false }).set(0, 1), ReadOnlyError)
  })

  it('turning WRITEABLE on for a view of read-only memory (NumPy ValueError)', () => {
    const o = zeros(4)
    o.flags.writeable = false
    const v = o.slice('1:')
    throws(() => { v.flags.writeable = true }, ValueError, 'cannot set WRITEABLE flag to True of this array')
    throws(() => v.setWriteable(true), ValueError, 'read-only')
  })
})

describe('integer range (OverflowError) and conversion errors', () => {
  it('set / fill / full / array range-check integers and name the value and dtype', () => {
    throws(() => zeros(2, { dtype: 'uint8' }).set(0, 256), OverflowError, 'value 256 is out of bounds for uint8', '0 to 255')
    throws(() => zeros(2, { dtype: 'int8' }).set(0, -129), OverflowError, '-129', 'int8')
    throws(() => zeros(2, { dtype: 'int8' }).set(0, 128n), OverflowError, '128', 'int8')
    throws(() => zeros(2, { dtype: 'int64' }).set(0, 2n ** 63n), OverflowError, '9223372036854775808', 'int64')
    throws(() => zeros(2, { dtype: 'uint64' }).set(0, -1n), OverflowError, '-1', 'uint64')
    throws(() => zeros(2, { dtype: 'int64' }).set(0, 2 ** 63), OverflowError, 'int64')
    throws(() => zeros(2, { dtype: 'uint16' }).fill(-1), OverflowError, 'fill value -1', 'uint16')
    throws(() => full([2], 70000, { dtype: 'int16' }), OverflowError, '70000', 'int16')
    throws(() => array([1, 2 ** 31], { dtype: 'int32' }), OverflowError, 'data element 1', '2147483648', 'int32')
    throws(() => array([[0, 0], [0, 300]], { dtype: 'uint8' }), OverflowError, 'data element 3')
    throws(() => zeros(2, { dtype: 'int32' }).set(0, Infinity), OverflowError, 'Infinity', 'int32')
    throws(() => zeros(2, { dtype: 'int32' }).set(0, NaN), ValueError, 'NaN', 'int32')
    throws(() => arange(300, 400, 10, { dtype: 'uint8' }), OverflowError, 'arange start 300', 'uint8')
    throws(() => arange(250, 300, 10, { dtype: 'uint8' }), OverflowError, 'arange start + step 260') // as NumPy
  })

  it('in-range values are accepted (floats truncate towards zero into integers)', () => {
    const a = zeros(3, { dtype: 'int8' })
    a.set(0, -128)
    a.set(1, 127n)
    a.set(2, -2.9)
    expect(a.toFlatArray()).toEqual([-128, 127, -2])
    const u = zeros(1, { dtype: 'uint64' })
    u.set(0, 2n ** 64n - 1n)
    expect(u.get(0)).toBe(18446744073709551615n)
  })
})

describe('shape and argument errors', () => {
  it('invalid shapes name the operand and the bad dimension', () => {
    throws(() => zeros([2, -1]), ShapeError, 'shape (2, -1)', 'invalid dimension -1')
    throws(() => zeros([1.5]), ShapeError, '1.5')
    throws(() => ones([2 ** 40, 2 ** 40]), ShapeError, 'too many elements')
    throws(() => eye(-1), ShapeError, 'eye shape')
    throws(() => array([[1, 2], [3]]), ShapeError, 'data[0] has shape (2)', 'data[1] has shape (1)')
  })

  it('creation arguments', () => {
    throws(() => arange(0, 5, 0), ValueError, 'step cannot be zero')
    throws(() => arange(0, NaN), ValueError, 'finite', 'NaN')
    throws(() => linspace(0, 1, -3), ValueError, 'number of samples, -3')
    throws(() => compress([false, false, false, true], arange(3)), IndexError, 'index 3', 'axis 0 with size 3')
    throws(() => take(arange(3), [3]), IndexError, 'index 3 is out of bounds for axis 0 with size 3')
    throws(() => take(arange(6).reshape([2, 3]), [-4], { axis: 1 }), IndexError, 'index -4', 'axis 1')
  })
})
