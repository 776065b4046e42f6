/**
 * np.diff: the n-th discrete difference along an axis, out[i] = a[i + 1] - a[i] repeated n times, computed with the
 * subtract ufunc on two overlapping views (so integer differences wrap as NumPy's do); bool arrays use notEqual,
 * as NumPy does. `prepend` / `append` are concatenated first (a 0-d value is broadcast to one slice).
 */
import { DTypeError, ValueError, type AxisError, type ShapeError } from '../../errors.js'
import type { NDArray } from '../../ndarray.js'
import { normalizeAxis } from '../../shape.js'
import { notEqual, subtract } from '../elementwise.js'
import { asArray, fmtShape, sliceAxis, type ArrayInput } from './common.js'
import { concatenateAs } from './join.js'
import { checkOptions } from '../../check-options.js'

/** Options of {@link diff}. */
export interface DiffOptions {
  /** How many times to take differences (default 1; 0 returns the input itself). */
  n?: number
  /** The axis (default -1, the last). */
  axis?: number
  /** Values put before the array along the axis (a scalar is broadcast to one slice). */
  prepend?: ArrayInput
  /** Values put after the array along the axis (a scalar is broadcast to one slice). */
  append?: ArrayInput
}

function edgeValues(v: ArrayInput, a: NDArray, axis: number, what: string): NDArray {
  const x = asArray(v, 'diff', what)
  if (x.ndim > 0) return x
  const shape = [...a.shape]
  shape[axis] = 1
  return x.broadcastTo(shape)
}

/**
 * The n-th discrete difference along an axis (np.diff).
 * @param a the array (at least 1-D).
 * @param opts `n` (default 1), `axis` (default -1), `prepend`, `append`.
 * @returns a new array, one element shorter along the axis per difference (never shorter than 0); `a` itself for
 *   n = 0. Its dtype is the input's (bool stays bool: differences are "not equal").
 * @throws {@link ValueError} for a negative n or a 0-d array.
 * @throws {@link DTypeError} for a non-integer n.
 * @throws {@link AxisError} when `axis` is out of range.
 * @throws {@link ShapeError} when `prepend` / `append` do not fit the array.
 */
export function diff(a: ArrayInput, opts: DiffOptions = {}): NDArray {
  checkOptions('diff', opts, ['n', 'axis', 'prepend', 'append'])
  const n = opts.n ?? 1
  if (typeof n !== 'number' || !Number.isInteger(n)) throw new DTypeError(`diff: n must be an integer, got ${String(n)}`)
  if (n === 0) return asArray(a, 'diff', 'a')
  if (n < 0) throw new ValueError(`diff: order must be non-negative but got ${n}`)
  let x = asArray(a, 'diff', 'a')
  if (x.ndim === 0) throw new ValueError('diff requires input that is at least one dimensional (got shape ())')
  const axis = normalizeAxis(opts.axis ?? -1, x.ndim, 'diff: axis')
  if (opts.prepend !== undefined || opts.append !== undefined) {
    const parts: NDArray[] = []
    if (opts.prepend !== undefined) parts.push(edgeValues(opts.prepend, x, axis, 'prepend'))
    parts.push(x)
    if (opts.append !== undefined) parts.push(edgeValues(opts.append, x, axis, 'append'))
    x = concatenateAs(`diff (prepend/append on array of shape ${fmtShape(x.shape)})`, parts, axis)
  }
  const op = x.dtype === 'bool' ? notEqual : subtract
  for (let i = 0; i < n; i++) x = op(sliceAxis(x, axis, 1, null), sliceAxis(x, axis, null, -1))
  return x
}
