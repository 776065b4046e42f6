/**
 * Unit tests of the joining, splitting and tiling functions: options, out= (shape, dtype, overlap rejection that
 * writes nothing), view-or-copy behaviour checked with sharesMemory, the typed errors and what their messages say,
 * every dtype (bigint 64-bit ints, bool), and the documented differences from NumPy.
 */
import { describe, expect, it } from 'vitest'
import {
  AxisError, DTypeError, NDArray, OverflowError, OverlapError, ReadOnlyError, ShapeError, StridedError, ValueError,
  arange, array, asStrided, broadcastTo, full, sharesMemory, zeros, type DTypeName,
  arraySplit, atleast1d, atleast2d, atleast3d, columnStack, concatenate, diff, dsplit, dstack, fliplr, flipud, hsplit,
  hstack, meshgrid, pad, repeat, roll, rot90, split, stack, tile, vsplit, vstack,
} from '@strided/core'

const vals = (a: NDArray): unknown[] => a.toFlatArray()
const list = (a: NDArray): unknown => a.toArray()

/** Run fn, expect it to throw `cls`, and return the message. */
function thrown(fn: () => unknown, cls: new (...a: never[]) => Error): string {
  try {
    fn()
  } catch (e) {
    expect(e).toBeInstanceOf(cls)
    expect(e).toBeInstanceOf(StridedError)
    return (e as Error).message
  }
  throw new Error(`expected ${cls.name}, nothing was thrown`)
}

describe('concatenate', () => {
  const a = arange(6).reshape([2, 3])
  const b = arange(6, 12).reshape([2, 3])

  it('joins along axis 0 by default, any axis, or the flattened inputs with axis null', () => {
    expect(list(concatenate([a, b]))).toEqual([[0, 1, 2], [3, 4, 5], [6, 7, 8], [9, 10, 11]])
    expect(list(concatenate([a, b], { axis: -1 }))).toEqual([[0, 1, 2, 6, 7, 8], [3, 4, 5, 9, 10, 11]])
    expect(list(concatenate([a.T, b], { axis: null }))).toEqual([0, 3, 1, 4, 2, 5, 6, 7, 8, 9, 10, 11])
    expect(list(concatenate([array(1), array([[2, 3]])], { axis: null }))).toEqual([1, 2, 3])
    expect(concatenate([a]).flags.ownData).toBe(true)
    expect(sharesMemory(concatenate([a]), a)).toBe(false)
  })

  it('takes nested JavaScript arrays as inputs', () => {
    expect(list(concatenate([[1, 2], a.slice(0)]))).toEqual([1, 2, 0, 1, 2])
  })

  it('keeps the inputs\' shared memory order: F inputs give an F result', () => {
    const f = a.copy('F')
    expect(concatenate([f, f], { axis: 1 }).flags.fContiguous).toBe(true)
    expect(concatenate([f, a]).flags.cContiguous).toBe(true)
  })

  it('promotes with NumPy\'s result_type, or converts to dtype under casting', () => {
    expect(concatenate([zeros([2], { dtype: 'int8' }), zeros([2], { dtype: 'uint8' })]).dtype).toBe('int16')
    expect(concatenate([zeros([2], { dtype: 'int64' }), zeros([2], { dtype: 'uint64' })]).dtype).toBe('float64')
    expect(concatenate([zeros([2], { dtype: 'bool' }), zeros([2], { dtype: 'bool' })]).dtype).toBe('bool')
    expect(concatenate([a], { dtype: 'float32' }).dtype).toBe('float32')
    expect(vals(concatenate([array([1.7, -2.7])], { dtype: 'int8', casting: 'unsafe' }))).toEqual([1, -2])
    const m = thrown(() => concatenate([a, array([1.5, 2, 3]).reshape([1, 3])], { dtype: 'int64' }), DTypeError)
    expect(m).toContain("Cannot cast array data of array 0 from dtype('float64') to dtype('int64') according to the rule 'same_kind'")
    thrown(() => concatenate([a], { dtype: 'float32', casting: 'no' }), DTypeError)
    expect(thrown(() => concatenate([a], { casting: 'bogus' as 'no' }), ValueError)).toContain("casting must be one of 'no', 'equiv', 'safe', 'same_kind', 'unsafe'")
  })

  it('bigint int64/uint64 values keep every bit', () => {
    const big = array([2n ** 63n - 1n, -(2n ** 63n)], { dtype: 'int64' })
    const ubig = array([2n ** 64n - 1n], { dtype: 'uint64' })
    expect(vals(concatenate([big, big.slice('::-1')]))).toEqual([2n ** 63n - 1n, -(2n ** 63n), -(2n ** 63n), 2n ** 63n - 1n])
    expect(vals(concatenate([ubig, ubig]))).toEqual([2n ** 64n - 1n, 2n ** 64n - 1n])
  })

  it('writes into out and returns it; out may have another dtype (same_kind) and any strides', () => {
    const out = zeros([8, 3], { dtype: 'float32' }).slice('::2')
    const r = concatenate([a, b], { out })
    expect(r).toBe(out)
    expect(list(out)).toEqual([[0, 1, 2], [3, 4, 5], [6, 7, 8], [9, 10, 11]])
    const flat = zeros([12])
    expect(concatenate([a, b.T], { axis: null, out: flat })).toBe(flat)
    expect(vals(flat)).toEqual([0, 1, 2, 3, 4, 5, 6, 9, 7, 10, 8, 11])
  })

  it('rejects a wrong out (shape, ndim, dtype, read-only, together with dtype) and writes nothing', () => {
    const out = full([4, 4], 7)
    expect(thrown(() => concatenate([a, b], { out }), ShapeError)).toContain('Output array is the wrong shape: out has shape (4, 4), the result has shape (4, 3)')
    expect(thrown(() => concatenate([a, b], { out: zeros([12]) }), ShapeError)).toContain('wrong dimensionality')
    expect(thrown(() => concatenate([a], { axis: null, out: zeros([2, 3]) }), ShapeError)).toContain('must be 1D')
    expect(thrown(() => concatenate([a], { axis: null, out: zeros([5]) }), ShapeError)).toContain('wrong size')
    expect(thrown(() => concatenate([array([0.5])], { out: zeros([1], { dtype: 'int32' }) }), DTypeError)).toContain("to dtype('int32')")
    thrown(() => concatenate([a], { out: broadcastTo(zeros([3]), [2, 3]) }), ReadOnlyError)
    expect(thrown(() => concatenate([a], { out: zeros([2, 3]), dtype: 'float64' }), ValueError)).toContain('`out` or `dtype`')
    expect(vals(out).every((v) => v === 7)).toBe(true)
  })

  it('rejects an out that overlaps an input with OverlapError, writing nothing', () => {
    const base = arange(12)
    const x = base.slice('0:6').reshape([2, 3])
    const snapshot = vals(base)
    // out overlaps the second half of x
    const out = base.slice('3:9').reshape([2, 3])
    const m = thrown(() => concatenate([x.slice('0:1'), x.slice('1:2')], { out }), OverlapError)
    expect(m).toContain('concatenate: out (shape (2, 3)) shares memory with input array 1 (shape (1, 3))')
    expect(vals(base)).toEqual(snapshot)
    // the identical view as an input is also refused
    thrown(() => concatenate([x], { out: x }), OverlapError)
    // interleaved but disjoint views are exact "no overlap": allowed
    const even = base.slice('0::2')
    const r = concatenate([base.slice('1:7:2'), base.slice('7::2')], { out: even })
    expect(vals(r)).toEqual([1, 3, 5, 7, 9, 11])
    expect(vals(base)).toEqual([1, 1, 3, 3, 5, 5, 7, 7, 9, 9, 11, 11])
    // an out whose elements alias each other is refused too
    const self = asStrided(zeros([4]), { shape: [2, 3], strides: [1, 1] })
    thrown(() => concatenate([a], { out: self }), OverlapError)
    const st = zeros([2, 2, 3])
    thrown(() => stack([st.slice(0), a], { out: st }), OverlapError)
    expect(vals(st).every((v) => v === 0)).toBe(true)
  })

  it('names the operand and the values in its errors', () => {
    expect(thrown(() => concatenate([a, zeros([3, 4])], { axis: 1 }), ShapeError)).toContain(
      'concatenate: array 1 has shape (3, 4), expected (2, *) along axis 1',
    )
    expect(thrown(() => concatenate([a, arange(3)]), ShapeError)).toContain('array 0 has 2 dimension(s) (shape (2, 3)) and array 1 has 1 dimension(s) (shape (3,))')
    expect(thrown(() => concatenate([array(1), array(2)]), ValueError)).toContain('zero-dimensional arrays cannot be concatenated')
    expect(thrown(() => concatenate([]), ValueError)).toContain('need at least one array')
    expect(thrown(() => concatenate([a], { axis: 2 }), AxisError)).toContain('concatenate: axis 2 is out of bounds for array of dimension 2')
    expect(thrown(() => concatenate([{} as never]), DTypeError)).toContain('concatenate: array 0 must be an NDArray')
  })
})

describe('stack and friends', () => {
  const a = arange(6).reshape([2, 3])
  it('stack inserts the new axis anywhere, including for 0-d inputs', () => {
    expect(stack([a, a], { axis: -1 }).shape).toEqual([2, 3, 2])
    expect(stack([a, a], { axis: 1 }).shape).toEqual([2, 2, 3])
    expect(list(stack([array(1), array(2)]))).toEqual([1, 2])
    const out = zeros([2, 2, 3], { dtype: 'float32' })
    expect(stack([a, a], { out })).toBe(out)
    thrown(() => stack([a, a], { out: zeros([2, 2, 3], { dtype: 'int32' }) }), DTypeError)
    expect(thrown(() => stack([a, a.T]), ShapeError)).toContain('array 0 has shape (2, 3) and array 1 has shape (3, 2)')
    expect(thrown(() => stack([a, a], { axis: 3 }), AxisError)).toContain('stack: axis 3 is out of bounds for array of dimension 3')
    expect(thrown(() => stack([]), ValueError)).toContain('need at least one array to stack')
  })
  it('hstack, vstack, dstack and columnStack promote dimensions as NumPy', () => {
    const x = arange(3)
    expect(list(hstack([x, x]))).toEqual([0, 1, 2, 0, 1, 2])
    expect(hstack([a, a]).shape).toEqual([2, 6])
    expect(list(vstack([x, x]))).toEqual([[0, 1, 2], [0, 1, 2]])
    expect(dstack([x, x]).shape).toEqual([1, 3, 2])
    expect(dstack([a, a]).shape).toEqual([2, 3, 2])
    expect(list(columnStack([x, [5, 6, 7]]))).toEqual([[0, 5], [1, 6], [2, 7]])
    expect(hstack([array(1), array(2)]).shape).toEqual([2])
    expect(vstack([x], { dtype: 'float32' }).dtype).toBe('float32')
    expect(vstack([x], { dtype: 'int8', casting: 'unsafe' }).dtype).toBe('int8')
    thrown(() => hstack([array([1.5])], { dtype: 'int8' }), DTypeError)
    expect(thrown(() => vstack([arange(3), arange(4)]), ShapeError)).toContain('vstack: array 1 has shape (1, 4)')
    expect(thrown(() => hstack([]), ValueError)).toContain('hstack: need at least one array')
  })
})

describe('split family: views of the input', () => {
  const a = arange(24).reshape([4, 6])
  it('split into equal sections or at indices; every piece is a writeable view', () => {
    const parts = split(a, 2, { axis: 1 })
    expect(parts.map((p) => p.shape)).toEqual([[4, 3], [4, 3]])
    for (const p of parts) {
      expect(sharesMemory(p, a)).toBe(true)
      expect(p.base).toBe(a.base ?? a)
      expect(p.flags.ownData).toBe(false)
    }
    parts[1]!.set(0, 0, -1)
    expect(a.get(0, 3)).toBe(-1)
    a.set(0, 3, 3)
    const at = split(arange(10), [3, -2, 20, 1])
    expect(at.map((p) => p.shape[0])).toEqual([3, 5, 2, 0, 9])
    expect(at.map((p) => vals(p)[0])).toEqual([0, 3, 8, undefined, 1])
  })
  it('arraySplit allows unequal division; split requires an equal one', () => {
    expect(arraySplit(arange(7), 3).map((p) => p.size)).toEqual([3, 2, 2])
    expect(arraySplit(arange(3), 5).map((p) => p.size)).toEqual([1, 1, 1, 0, 0])
    expect(thrown(() => split(arange(7), 3), ValueError)).toContain('array split does not result in an equal division: axis 0 of length 7 into 3 sections')
    expect(thrown(() => split(arange(4), 0), ValueError)).toContain('0 sections')
    expect(thrown(() => arraySplit(arange(4), -1), ValueError)).toContain('number sections must be larger than 0')
    expect(thrown(() => split(a, 1, { axis: 2 }), AxisError)).toContain('split: axis 2 is out of bounds for array of dimension 2')
    expect(thrown(() => split(arange(4), [1.5]), DTypeError)).toContain('split: index 0 must be an integer, got 1.5')
    expect(split(arange(4), arange(1, 3, { dtype: 'int32' })).map((p) => p.size)).toEqual([1, 1, 2])
  })
  it('hsplit, vsplit and dsplit pick their axis and check ndim', () => {
    expect(hsplit(arange(6), 3).map((p) => p.shape)).toEqual([[2], [2], [2]])
    expect(hsplit(a, [1]).map((p) => p.shape)).toEqual([[4, 1], [4, 5]])
    expect(vsplit(a, 2).map((p) => p.shape)).toEqual([[2, 6], [2, 6]])
    expect(dsplit(arange(8).reshape([2, 2, 2]), 2).map((p) => p.shape)).toEqual([[2, 2, 1], [2, 2, 1]])
    expect(thrown(() => hsplit(array(1), 1), ValueError)).toContain('hsplit only works on arrays of 1 or more dimensions')
    expect(thrown(() => vsplit(arange(4), 2), ValueError)).toContain('vsplit only works on arrays of 2 or more dimensions (got shape (4,))')
    expect(thrown(() => dsplit(a, 2), ValueError)).toContain('dsplit only works on arrays of 3 or more dimensions (got shape (4, 6))')
  })
  it('pieces of a read-only (broadcast) input are read-only views of it', () => {
    const bc = broadcastTo(arange(3), [4, 3])
    for (const p of split(bc, 2)) {
      expect(p.flags.writeable).toBe(false)
      expect(sharesMemory(p, bc)).toBe(true)
    }
  })
})

describe('tile and repeat', () => {
  const a = arange(6).reshape([2, 3])
  it('tile repeats the whole array; reps shorter or longer than ndim', () => {
    expect(list(tile(arange(3), 2))).toEqual([0, 1, 2, 0, 1, 2])
    expect(tile(arange(3), [2, 1, 2]).shape).toEqual([2, 1, 6])
    expect(tile(a, 2).shape).toEqual([2, 6])
    const t = tile(a, [2, 2])
    expect(t.flags.ownData).toBe(false)
    expect(t.base).not.toBe(a)
    expect(sharesMemory(t, a)).toBe(false)
  })
  it('tile copies when nothing is repeated, and views an empty input (as NumPy)', () => {
    const once = tile(a, [1, 1])
    expect(once.flags.ownData).toBe(true)
    expect(sharesMemory(once, a)).toBe(false)
    const f = a.copy('F')
    expect(tile(f, 1).flags.fContiguous).toBe(true)
    expect(tile(a, [1, 1, 1]).shape).toEqual([1, 2, 3])
    const e = zeros([0, 2])
    expect(tile(e, 3).base).toBe(e)
    expect(thrown(() => tile(a, -1), ValueError)).toContain('negative dimensions are not allowed')
    expect(thrown(() => tile(a, 1.5), DTypeError)).toContain('tile: reps must be an integer, got 1.5')
  })
  it('repeat: one count, per-element counts, axis null flattens in C order', () => {
    expect(list(repeat(a, 2))).toEqual([0, 0, 1, 1, 2, 2, 3, 3, 4, 4, 5, 5])
    expect(list(repeat(a.copy('F'), 1))).toEqual([0, 1, 2, 3, 4, 5])
    expect(list(repeat(a, [1, 0, 2], { axis: 1 }))).toEqual([[0, 2, 2], [3, 5, 5]])
    expect(list(repeat(a, [2], { axis: 0 }))).toEqual([[0, 1, 2], [0, 1, 2], [3, 4, 5], [3, 4, 5]])
    expect(list(repeat(array(7), 3, { axis: 0 }))).toEqual([7, 7, 7])
    expect(repeat(a, 2).flags.ownData).toBe(true)
    expect(list(repeat(array([1n, -2n], { dtype: 'int64' }), [2, 1]))).toEqual([1n, 1n, -2n])
    expect(list(repeat(array([true, false]), 2))).toEqual([true, true, false, false])
  })
  it('repeat with many per-element counts (the gather path) agrees with the block-copy path', () => {
    const x = arange(300, { dtype: 'int32' }).reshape([3, 100])
    const counts = Array.from({ length: 100 }, (_, i) => (i * 7) % 4)
    const fast = repeat(x, counts, { axis: 1 })
    const slow = concatenate(counts.map((c, i) => repeat(x.slice(':', `${i}:${i + 1}`), c, { axis: 1 })), { axis: 1 })
    expect(fast.shape).toEqual(slow.shape)
    expect(vals(fast)).toEqual(vals(slow))
  })
  it('repeat errors name the values', () => {
    expect(thrown(() => repeat(arange(3), [1, 2]), ShapeError)).toContain('2 repeats for axis 0 of length 3')
    expect(thrown(() => repeat(arange(3), [1, -1, 2]), ValueError)).toContain('repeats may not contain negative values (repeats[1] is -1)')
    expect(thrown(() => repeat(arange(3), -1), ValueError)).toContain('negative dimensions are not allowed')
    expect(thrown(() => repeat(arange(3), array([1, 2, 3])), DTypeError)).toContain("Cannot cast repeats from dtype('float64') to dtype('int64') according to the rule 'safe'")
    expect(thrown(() => repeat(a, 2, { axis: 2 }), AxisError)).toContain('repeat: axis 2 is out of bounds')
  })
})

/** NumPy's periodic index mappings of the pad modes (what the iterative padding amounts to). */
function mapIndex(mode: string, n: number, i: number): number {
  const mod = (x: number, m: number): number => ((x % m) + m) % m
  if (mode === 'edge' || n === 1) return Math.min(Math.max(i, 0), n - 1)
  if (mode === 'wrap') return mod(i, n)
  if (mode === 'reflect') { const m = mod(i, 2 * (n - 1)); return m >= n ? 2 * (n - 1) - m : m }
  const m = mod(i, 2 * n)
  return m >= n ? 2 * n - 1 - m : m
}

describe('pad', () => {
  it('pads with every mode, widths larger than the axis included', () => {
    for (const mode of ['edge', 'reflect', 'symmetric', 'wrap']) {
      for (const n of [1, 2, 3, 5]) {
        for (const [l, r] of [[0, 0], [1, 0], [0, 4], [7, 3], [11, 13]] as const) {
          const got = vals(pad(arange(n), [l, r], { mode }))
          const want = Array.from({ length: l + n + r }, (_, i) => mapIndex(mode, n, i - l))
          expect(got, `${mode} n=${n} (${l}, ${r})`).toEqual(want)
        }
      }
    }
  })
  it('constant: corners take the last axis\' values; NumPy\'s pad-width forms', () => {
    const x = arange(6).reshape([2, 3])
    expect(list(pad(x, 1, { constantValues: [[1, 2], [3, 4]] }))).toEqual([
      [3, 1, 1, 1, 4], [3, 0, 1, 2, 4], [3, 3, 4, 5, 4], [3, 2, 2, 2, 4],
    ])
    expect(pad(x, [1, 2]).shape).toEqual([5, 6])
    expect(pad(x, [[1, 2]]).shape).toEqual([5, 6])
    expect(pad(x, [[1, 0], [0, 2]]).shape).toEqual([3, 5])
    expect(pad(x, [[1], [2]]).shape).toEqual([4, 7])
    expect(pad(x, { 1: 2 }).shape).toEqual([2, 7])
    expect(pad(x, { [-1]: [0, 1] }).shape).toEqual([2, 4])
    expect(pad(x, 2n).shape).toEqual([6, 7])
    expect(pad(x.copy('F'), 1).flags.fContiguous).toBe(true)
    expect(pad(x, 0).flags.ownData).toBe(true)
    expect(sharesMemory(pad(x, 0), x)).toBe(false)
  })
  it('constant values are converted as NumPy assigns them', () => {
    const i8 = arange(3, { dtype: 'int8' })
    expect(vals(pad(i8, 1, { constantValues: 2.7 }))).toEqual([2, 0, 1, 2, 2])
    expect(thrown(() => pad(i8, 1, { constantValues: 300 }), OverflowError)).toContain('300')
    // NumPy's one/two-value shortcut assigns NumPy scalars, which wrap into unsigned dtypes
    expect(vals(pad(arange(2, { dtype: 'uint8' }), 1, { constantValues: -1 }))).toEqual([255, 0, 1, 255])
    thrown(() => pad(arange(2, { dtype: 'uint8' }).reshape([1, 2]), 1, { constantValues: [[-1, 2], [3, 4]] }), OverflowError)
    expect(vals(pad(zeros([1], { dtype: 'uint64' }), 1, { constantValues: 2n ** 64n - 1n }))).toEqual([2n ** 64n - 1n, 0n, 2n ** 64n - 1n])
    expect(vals(pad(zeros([1], { dtype: 'bool' }), 1, { constantValues: 3 }))).toEqual([true, false, true])
  })
  it("mode 'empty' allocates the padded shape and copies the centre", () => {
    const p = pad(arange(3), 2, { mode: 'empty' })
    expect(p.shape).toEqual([7])
    expect(vals(p.slice('2:5'))).toEqual([0, 1, 2])
  })
  it('errors', () => {
    const x = arange(3)
    expect(thrown(() => pad(x, -1), ValueError)).toContain("pad width can't contain negative values")
    expect(thrown(() => pad(x, 1.5), DTypeError)).toContain('`pad_width` must be of integral type')
    expect(thrown(() => pad(x, [[1, 2], [3, 4]]), ShapeError)).toContain('pad width of shape (2, 2) cannot be broadcast to (1, 2)')
    expect(thrown(() => pad(x, 1, { mode: 'foo' }), ValueError)).toContain("mode 'foo' is not supported")
    expect(thrown(() => pad(x, 1, { mode: 'mean' }), ValueError)).toContain('a NumPy mode strided does not implement')
    expect(thrown(() => pad(x, 1, { mode: 'edge', constantValues: 1 }), ValueError)).toContain("unsupported keyword arguments for mode 'edge'")
    expect(thrown(() => pad(zeros([0, 2]), 1, { mode: 'wrap' }), ValueError)).toContain("can't extend empty axis 0")
    expect(thrown(() => pad(x, { 3: 1 }), AxisError)).toContain('pad width axis 3 is out of range')
  })
})

describe('roll', () => {
  const a = arange(12).reshape([3, 4])
  it('rolls the flattened array (a view of a fresh array, as NumPy) or the given axes (a new array)', () => {
    const flat = roll(a, 1)
    expect(list(flat)).toEqual([[11, 0, 1, 2], [3, 4, 5, 6], [7, 8, 9, 10]])
    expect(flat.flags.ownData).toBe(false)
    expect(sharesMemory(flat, a)).toBe(false)
    const ax = roll(a, -1, { axis: 1 })
    expect(list(ax)).toEqual([[1, 2, 3, 0], [5, 6, 7, 4], [9, 10, 11, 8]])
    expect(ax.flags.ownData).toBe(true)
    expect(roll(a.copy('F'), 1, { axis: 0 }).flags.fContiguous).toBe(true)
    expect(list(roll(a, [1, 1], { axis: [1, 1] }))).toEqual(list(roll(a, 2, { axis: 1 })))
    expect(list(roll(a, 1, { axis: [0, 1] }))).toEqual([[11, 8, 9, 10], [3, 0, 1, 2], [7, 4, 5, 6]])
    expect(list(roll(a, 5n, { axis: 0 }))).toEqual(list(roll(a, 2, { axis: 0 })))
  })
  it('errors', () => {
    expect(thrown(() => roll(a, 1, { axis: 2 }), AxisError)).toContain('roll: axis 2 is out of bounds')
    expect(thrown(() => roll(a, [1, 2, 3], { axis: [0, 1] }), ShapeError)).toContain('shift with shape (3,) and axis with shape (2,)')
    thrown(() => roll(array(1), 1, { axis: 0 }), AxisError)
  })
})

describe('diff', () => {
  it('differences with the dtype\'s arithmetic; bool uses not-equal', () => {
    expect(vals(diff(array([1, 4, 9, 16])))).toEqual([3, 5, 7])
    expect(vals(diff(array([1, 4, 9, 16]), { n: 2 }))).toEqual([2, 2])
    expect(vals(diff(arange(3, { dtype: 'uint8' }).slice('::-1')))).toEqual([255, 255])
    expect(vals(diff(array([true, false, false])))).toEqual([true, false])
    expect(diff(array([true, false, false])).dtype).toBe('bool')
    expect(vals(diff(array([2n ** 62n, -(2n ** 62n)], { dtype: 'int64' })))).toEqual([-(2n ** 63n)])
    expect(list(diff(arange(6).reshape([2, 3]), { axis: 0 }))).toEqual([[3, 3, 3]])
    expect(diff(arange(3), { n: 5 }).shape).toEqual([0])
  })
  it('n = 0 returns the input itself; prepend and append are concatenated first', () => {
    const x = arange(4)
    expect(diff(x, { n: 0 })).toBe(x)
    expect(vals(diff(x, { prepend: 10, append: [0, 0] }))).toEqual([-10, 1, 1, 1, -3, 0])
    expect(diff(arange(3, { dtype: 'int64' }), { prepend: 0n }).dtype).toBe('int64')
  })
  it('errors', () => {
    expect(thrown(() => diff(arange(3), { n: -1 }), ValueError)).toContain('order must be non-negative but got -1')
    expect(thrown(() => diff(arange(3), { n: 1.5 }), DTypeError)).toContain('diff: n must be an integer')
    expect(thrown(() => diff(array(1)), ValueError)).toContain('at least one dimensional')
    expect(thrown(() => diff(arange(3), { axis: 1 }), AxisError)).toContain('diff: axis 1 is out of bounds')
    expect(thrown(() => diff(zeros([2, 3]), { prepend: zeros([2, 2]), axis: 0 }), ShapeError)).toContain('diff (prepend/append')
  })
})

describe('flips and rotations are views', () => {
  const a = arange(6).reshape([2, 3])
  it('fliplr, flipud, rot90', () => {
    for (const v of [fliplr(a), flipud(a), rot90(a), rot90(a, { k: 2 }), rot90(a, { k: -1 }), rot90(a, { k: 4 })]) {
      expect(sharesMemory(v, a)).toBe(true)
      expect(v.base).toBe(a.base ?? a)
    }
    expect(list(fliplr(a))).toEqual([[2, 1, 0], [5, 4, 3]])
    expect(list(flipud(a))).toEqual([[3, 4, 5], [0, 1, 2]])
    expect(list(rot90(a))).toEqual([[2, 5], [1, 4], [0, 3]])
    expect(list(rot90(a, { k: 3 }))).toEqual(list(rot90(a, { k: -1 })))
    expect(list(rot90(a, { axes: [1, 0] }))).toEqual(list(rot90(a, { k: 3 })))
    // writes through a rotated view reach the input; k = 4 is a new view, not the input itself
    const c = a.copy()
    rot90(c).set(0, 0, 99)
    expect(c.get(0, 2)).toBe(99)
    expect(rot90(a, { k: 4 })).not.toBe(a)
  })
  it('errors as NumPy checks them', () => {
    expect(thrown(() => fliplr(arange(3)), ValueError)).toContain('Input must be >= 2-d')
    expect(thrown(() => flipud(array(1)), ValueError)).toContain('Input must be >= 1-d')
    expect(thrown(() => rot90(arange(3)), ValueError)).toContain('Axes must be different')
    expect(thrown(() => rot90(a, { axes: [0, 0] }), ValueError)).toContain('Axes must be different')
    expect(thrown(() => rot90(zeros([2, 2, 2]), { axes: [1, 3] }), ValueError)).toContain('Axes=(1, 3) out of range for array of ndim=3.')
    expect(thrown(() => rot90(a, { axes: [0, 1, 2] }), ValueError)).toContain('len(axes) must be 2')
  })
})

describe('meshgrid', () => {
  const x = arange(3)
  const y = arange(2, { dtype: 'int32' })
  it("'xy' and 'ij' grids, copies by default", () => {
    const [gx, gy] = meshgrid(x, y) as [NDArray, NDArray]
    expect(list(gx)).toEqual([[0, 1, 2], [0, 1, 2]])
    expect(list(gy)).toEqual([[0, 0, 0], [1, 1, 1]])
    expect(gy.dtype).toBe('int32')
    expect(gx.flags.ownData && gy.flags.ownData).toBe(true)
    const [ix] = meshgrid(x, y, { indexing: 'ij' })
    expect(ix!.shape).toEqual([3, 2])
    expect(meshgrid()).toEqual([])
    expect(meshgrid(x).map((g) => g.shape)).toEqual([[3]])
    expect(meshgrid(x, y, arange(4)).map((g) => g.shape)).toEqual([[2, 3, 4], [2, 3, 4], [2, 3, 4]])
  })
  it('sparse and copy false give views of the inputs; stretched views are read-only (documented difference)', () => {
    const [sx, sy] = meshgrid(x, y, { sparse: true, copy: false }) as [NDArray, NDArray]
    expect(sx.shape).toEqual([1, 3])
    expect(sy.shape).toEqual([2, 1])
    expect(sharesMemory(sx, x) && sharesMemory(sy, y)).toBe(true)
    const [vx] = meshgrid(x, y, { copy: false }) as [NDArray, NDArray]
    expect(sharesMemory(vx, x)).toBe(true)
    expect(vx.flags.writeable).toBe(false)
    expect(thrown(() => meshgrid(x, { indexing: 'yx' as 'xy' }), ValueError)).toContain("Valid values for `indexing` are 'xy' and 'ij'")
  })
})

describe('atleast1d / atleast2d / atleast3d', () => {
  it('return the input itself when it has enough dimensions, else a view', () => {
    const a = arange(6).reshape([2, 3])
    expect(atleast1d(a)).toBe(a)
    expect(atleast2d(a)).toBe(a)
    const v = atleast3d(a)
    expect(v.shape).toEqual([2, 3, 1])
    expect(sharesMemory(v, a)).toBe(true)
    expect(atleast2d(arange(3)).shape).toEqual([1, 3])
    expect(atleast3d(arange(3)).shape).toEqual([1, 3, 1])
    expect(atleast1d(array(5)).shape).toEqual([1])
    expect(atleast3d(array(5)).byteStrides).toEqual([8, 8, 8])
  })
  it('one argument gives an array, several (or none) a JavaScript array; scalars are converted', () => {
    const many = atleast2d(arange(2), array(1))
    expect(Array.isArray(many)).toBe(true)
    expect(many.map((m) => m.shape)).toEqual([[1, 2], [1, 1]])
    expect(atleast1d()).toEqual([])
    const s = atleast1d(5)
    expect(s.shape).toEqual([1])
    expect(s.dtype).toBe('float64')
    expect(atleast1d(7n).dtype).toBe('int64')
  })
})

describe('every dtype', () => {
  const dtypes: DTypeName[] = ['bool', 'int8', 'uint8', 'int16', 'uint16', 'int32', 'uint32', 'int64', 'uint64', 'float32', 'float64']
  it('join, split, tile, repeat, pad, roll and flip keep the dtype and the values', () => {
    for (const dt of dtypes) {
      const a = arange(6, { dtype: dt === 'bool' ? 'uint8' : dt }).astype(dt).reshape([2, 3])
      const flat = vals(a)
      expect(concatenate([a, a]).dtype).toBe(dt)
      expect(vals(concatenate(split(a, 3, { axis: 1 }), { axis: 1 }))).toEqual(flat)
      expect(vals(tile(a, [1, 2])).slice(0, 3)).toEqual(flat.slice(0, 3))
      expect(repeat(a, 2).size).toBe(12)
      expect(vals(pad(a, 1, { mode: 'wrap' }).slice('1:-1, 1:-1'))).toEqual(flat)
      expect(vals(roll(roll(a, 4), -4))).toEqual(flat)
      expect(vals(rot90(rot90(a), { k: -1 }))).toEqual(flat)
    }
  })
})
