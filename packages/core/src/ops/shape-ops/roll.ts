/**
 * np.roll: elements shifted cyclically along axes, as block copies (at most two per rolled axis, 2^k in all).
 * With axes the result is a new array laid out like the input; without, NumPy rolls the flattened array and
 * reshapes it back, so the result is a C-ordered view of a fresh hidden array (flags.ownData false), as NumPy's.
 */
import { ShapeError, ValueError, type AxisError } from '../../errors.js'
import { checkOptions } from '../../check-options.js'
import { NDArray } from '../../ndarray.js'
import { normalizeAxis } from '../../shape.js'
import { asArray, copyDisjoint, pyMod, type ArrayInput } from './common.js'

/** Options of {@link roll}. */
export interface RollOptions {
  /** The axis or axes to roll (repeats allowed: their shifts add up); absent or `null` rolls the flattened array. */
  axis?: number | readonly number[] | null
}

/** A shift: an integer, or one per axis (a JavaScript number is truncated, as NumPy's int() of a float). */
export type Shift = number | bigint | readonly (number | bigint)[]

function shiftValue(v: number | bigint): number {
  if (typeof v === 'bigint') return Number(v)
  if (!Number.isFinite(v)) throw new ValueError(`roll: cannot convert the shift ${v} to an integer`)
  return Math.trunc(v) + 0
}

/**
 * Roll array elements along the given axes (np.roll): an element shifted past the end comes back at the start.
 * @param a the array.
 * @param shift the number of places, or one per axis; with one shift and several axes, each axis gets it.
 * @param opts `axis` (default: roll the flattened array, then restore the shape).
 * @returns a new array (a C-ordered view of a fresh array when `axis` is absent, as NumPy).
 * @throws {@link AxisError} when an axis is out of range.
 * @throws {@link ShapeError} when `shift` and `axis` are sequences of different lengths.
 */
export function roll(a: ArrayInput, shift: Shift, opts: RollOptions = {}): NDArray {
  checkOptions('roll', opts, ['axis'])
  const arr = asArray(a, 'roll', 'a')
  const axis = opts.axis
  if (axis === undefined || axis === null) return rollAxes(arr.ravel(), shift, 0).reshape(arr.shape)
  return rollAxes(arr, shift, axis)
}

function rollAxes(a: NDArray, shift: Shift, axis: number | readonly number[]): NDArray {
  const axes = (typeof axis === 'number' ? [axis] : [...axis]).map((x) => normalizeAxis(x, a.ndim, 'roll: axis'))
  const shifts = (Array.isArray(shift) ? shift : [shift as number | bigint]).map(shiftValue)
  const shiftList = Array.isArray(shift)
  const axisList = typeof axis !== 'number'
  // np.broadcast(shift, axis): scalars pair with every element of the other; two sequences must match in length
  if (shiftList && axisList && shifts.length !== axes.length && shifts.length !== 1 && axes.length !== 1) {
    throw new ShapeError(
      `roll: shape mismatch: objects cannot be broadcast to a single shape. Mismatch is between shift with shape (${shifts.length},) and axis with shape (${axes.length},)`,
    )
  }
  const count = shiftList && axisList ? (shifts.length === 1 ? axes.length : shifts.length) : shiftList ? shifts.length : axes.length
  const total = new Array<number>(a.ndim).fill(0)
  for (let i = 0; i < count; i++) {
    const s = shifts.length === 1 ? shifts[0]! : shifts[i]!
    const ax = axes.length === 1 ? axes[0]! : axes[i]!
    total[ax]! += s
  }
  const out = NDArray.allocLike(a, a.dtype, 'K', false)
  if (a.size === 0) return out
  // per axis: the (source start, destination start, length) blocks of the rotation
  const blocks = a.shape.map((n, k) => {
    const off = pyMod(total[k]!, n)
    return off === 0 ? [[0, 0, n]] : [[0, off, n - off], [n - off, 0, off]]
  })
  const pick = new Array<number>(a.ndim).fill(0)
  for (;;) {
    const shape: number[] = []
    let src = a.offset
    let dst = out.offset
    for (let k = 0; k < a.ndim; k++) {
      const [s, d, len] = blocks[k]![pick[k]!]!
      shape.push(len!)
      src += s! * a.strides[k]!
      dst += d! * out.strides[k]!
    }
    copyDisjoint({ buffer: out.buffer, dtype: out.dtype, shape, strides: out.strides, offset: dst }, { buffer: a.buffer, dtype: a.dtype, shape, strides: a.strides, offset: src })
    let k = a.ndim - 1
    while (k >= 0 && ++pick[k]! === blocks[k]!.length) pick[k--] = 0
    if (k < 0) break
  }
  return out
}
