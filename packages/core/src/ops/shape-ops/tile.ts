/**
 * Repeating arrays: NumPy's tile (the whole array, along each axis) and repeat (each element). Both copy with the
 * copy kernels: tile in one broadcast copy into an interleaved view of the result, repeat in one broadcast copy
 * for a scalar count, or one per input slice for per-element counts (a gather loop when there are many small slices).
 *
 * View or copy, as NumPy: tile returns a view of a fresh hidden array (flags.ownData false), except a plain copy
 * when every repetition is 1, and a view of the input itself when the input is empty; repeat returns a new array.
 */
import { DTypeError, ShapeError, ValueError, type AxisError } from '../../errors.js'
import { checkOptions } from '../../check-options.js'
import { NDArray } from '../../ndarray.js'
import { take } from '../../selection.js'
import { normalizeAxis } from '../../shape.js'
import { canCast } from '../promotion.js'
import { asArray, copyDisjoint, dtypeRepr, fmtShape, prependOnes, sliceAxis, toInt, type ArrayInput } from './common.js'

/** Repetition counts of {@link repeat}: one count for every element, or one per element along the axis. */
export type Repeats = number | bigint | boolean | readonly (number | bigint | boolean)[] | NDArray

/** Options of {@link repeat}. */
export interface RepeatOptions {
  /** The axis whose elements are repeated; `null` or absent flattens the input first (NumPy's default). */
  axis?: number | null
}

/**
 * Construct an array by repeating `a` the number of times given by `reps` (np.tile). With d = reps.length, the
 * result has max(d, a.ndim) dimensions: `a` is promoted by prepending length-1 axes, or `reps` by prepending 1s.
 * @param a the array to tile.
 * @param reps the number of repetitions along each axis (a single integer for one axis).
 * @returns the tiled array: a view of a fresh array (a plain copy when every repetition is 1; a view of `a` when
 *   `a` is empty, as NumPy).
 * @throws {@link DTypeError} for a non-integer repetition.
 * @throws {@link ValueError} for a negative repetition.
 */
export function tile(a: ArrayInput, reps: number | bigint | readonly (number | bigint)[]): NDArray {
  const wasArray = a instanceof NDArray
  const arr = asArray(a, 'tile', 'A')
  const tup = Array.isArray(reps) ? reps.map((r, i) => toInt(r, 'tile', `reps[${i}]`)) : [toInt(reps, 'tile', 'reps')]
  const d = tup.length
  // NumPy copies (keeping the memory order) when nothing is repeated, so the result never aliases the input
  if (wasArray && tup.every((r) => r === 1)) return prependOnes(arr.copy('K'), d)
  const c = prependOnes(arr, d)
  const r = [...Array<number>(Math.max(0, c.ndim - d)).fill(1), ...tup]
  const shapeOut = c.shape.map((n, i) => n * r[i]!)
  if (c.size === 0) {
    // nothing to copy: NumPy reshapes the (empty) input, a view of it
    if (shapeOut.some((n) => n < 0)) {
      throw new ValueError(`tile: cannot reshape array of size 0 into shape ${fmtShape(shapeOut)}: negative dimensions are not allowed (reps (${tup.join(', ')}))`)
    }
    return c.reshape(shapeOut)
  }
  const neg = r.findIndex((x) => x < 0)
  if (neg >= 0) throw new ValueError(`tile: negative dimensions are not allowed (reps (${tup.join(', ')}) has ${r[neg]} for axis ${neg})`)
  // the result as (r0, n0, r1, n1, ...): every (i0, _, i1, _, ...) block is a copy of c, so one broadcast copy
  const inter: number[] = []
  const srcStrides: number[] = []
  c.shape.forEach((n, i) => {
    inter.push(r[i]!, n)
    srcStrides.push(0, c.strides[i]!)
  })
  const hidden = NDArray.alloc(inter, c.dtype, 'C', false)
  copyDisjoint(hidden, { buffer: c.buffer, dtype: c.dtype, shape: inter, strides: srcStrides, offset: c.offset })
  return hidden.reshape(shapeOut)
}

const MAX_INTP = 2 ** 53

/** The counts as numbers, and whether one count applies to every element (NumPy broadcasts a size-1 repeats). */
function repeatCounts(repeats: Repeats): { counts: number[]; broadcast: boolean } {
  if (repeats instanceof NDArray) {
    if (repeats.ndim > 1) {
      throw new ValueError(`repeat: repeats must be a scalar or 1-D, got an array of shape ${fmtShape(repeats.shape)} (object too deep for desired array)`)
    }
    if (!canCast(repeats.dtype, 'int64', 'safe')) {
      throw new DTypeError(`repeat: Cannot cast repeats from ${dtypeRepr(repeats.dtype)} to ${dtypeRepr('int64')} according to the rule 'safe'`)
    }
    const counts = repeats.toFlatArray().map((v) => Number(v))
    return { counts, broadcast: repeats.ndim === 0 || counts.length === 1 }
  }
  if (Array.isArray(repeats)) {
    const counts = repeats.map((v, i) => {
      if (Array.isArray(v)) throw new ValueError('repeat: repeats must be a scalar or 1-D (setting an array element with a sequence)')
      return count(v, `repeats[${i}]`)
    })
    return { counts, broadcast: counts.length === 1 }
  }
  return { counts: [count(repeats as number | bigint | boolean, 'repeats')], broadcast: true }
}

/** One count: a JavaScript number is truncated as NumPy converts a Python float (int(2.7) = 2). */
function count(v: number | bigint | boolean, what: string): number {
  if (typeof v === 'number') {
    if (!Number.isFinite(v)) throw new ValueError(`repeat: cannot convert ${what} ${v} to an integer`)
    const t = Math.trunc(v)
    if (Math.abs(t) >= MAX_INTP) throw new ValueError(`repeat: ${what} ${v} is too large`)
    return t + 0
  }
  return toInt(v, 'repeat', what)
}

/**
 * Repeat each element of an array (np.repeat).
 * @param a the array.
 * @param repeats one count for every element, or one count per element along the axis (negative counts are errors).
 * @param opts `axis` (default: the flattened input).
 * @returns a new C-ordered array; its length along the axis is the sum of the counts.
 * @throws {@link AxisError} when `axis` is out of range.
 * @throws {@link ShapeError} when the number of counts does not match the axis length.
 * @throws {@link ValueError} for negative counts, or repeats with more than one dimension.
 * @throws {@link DTypeError} for an NDArray of counts that does not safely cast to int64 (floats, uint64).
 */
export function repeat(a: ArrayInput, repeats: Repeats, opts: RepeatOptions = {}): NDArray {
  checkOptions('repeat', opts, ['axis'])
  const arr = asArray(a, 'repeat', 'a')
  const { counts, broadcast } = repeatCounts(repeats)
  let src: NDArray
  let axis: number
  if (opts.axis === undefined || opts.axis === null) {
    src = arr.ravel()
    axis = 0
  } else {
    // a 0-d input is treated as 1-D, as NumPy's axis check does
    src = arr.ndim === 0 ? arr.reshape([1]) : arr
    axis = normalizeAxis(opts.axis, src.ndim, 'repeat: axis')
  }
  const n = src.shape[axis]!
  let total: number
  if (broadcast) {
    total = counts[0]! * n + 0
    if (total < 0) throw new ValueError(`repeat: negative dimensions are not allowed (repeats ${counts[0]} for an axis of length ${n})`)
  } else {
    if (counts.length !== n) {
      throw new ShapeError(`repeat: operands could not be broadcast together with shape (${n},) (${counts.length},): ${counts.length} repeats for axis ${axis} of length ${n}`)
    }
    const bad = counts.findIndex((c) => c < 0)
    if (bad >= 0) throw new ValueError(`repeat: repeats may not contain negative values (repeats[${bad}] is ${counts[bad]})`)
    total = counts.reduce((x, y) => x + y, 0)
  }
  const outShape = [...src.shape]
  outShape[axis] = total
  const out = NDArray.alloc(outShape, src.dtype, 'C', false)
  if (out.size === 0) return out
  const before = src.shape.slice(0, axis)
  const after = src.shape.slice(axis + 1)
  if (broadcast) {
    // out seen as (..., n, r, ...) takes src with a stride-0 axis of length r after `axis`: one copy
    const r = counts[0]!
    const shape = [...before, n, r, ...after]
    const dstStrides = [...out.strides.slice(0, axis), out.strides[axis]! * r, out.strides[axis]!, ...out.strides.slice(axis + 1)]
    const srcStrides = [...src.strides.slice(0, axis), src.strides[axis]!, 0, ...src.strides.slice(axis + 1)]
    copyDisjoint({ buffer: out.buffer, dtype: out.dtype, shape, strides: dstStrides, offset: out.offset }, { buffer: src.buffer, dtype: src.dtype, shape, strides: srcStrides, offset: src.offset })
    return out
  }
  const slab = out.size / total
  if (n > 64 && slab < 16) {
    // many tiny slabs: one gather pass beats thousands of copy-kernel calls
    const idx: number[] = []
    counts.forEach((c, i) => { for (let j = 0; j < c; j++) idx.push(i) })
    return take(src, idx, { axis })
  }
  let pos = 0
  counts.forEach((c, i) => {
    if (c === 0) return
    const dst = sliceAxis(out, axis, pos, pos + c)
    const one = sliceAxis(src, axis, i, i + 1)
    // the input slice, stretched along the axis with stride 0
    const strides = [...one.strides]
    strides[axis] = 0
    copyDisjoint(dst, { buffer: one.buffer, dtype: one.dtype, shape: dst.shape, strides, offset: one.offset })
    pos += c
  })
  return out
}
