/**
 * Flips and rotations: np.fliplr, np.flipud and np.rot90. All are views (negative strides and transposes), never
 * copies, as NumPy's.
 */
import { ValueError } from '../../errors.js'
import { checkOptions } from '../../check-options.js'
import type { NDArray } from '../../ndarray.js'
import { ALL, asArray, fmtShape, pyMod, type ArrayInput } from './common.js'

/** Options of {@link rot90}. */
export interface Rot90Options {
  /** Number of quarter turns, counter-clockwise from the first axis towards the second (default 1; may be negative). */
  k?: number
  /** The plane of rotation: two different axes (default [0, 1]). */
  axes?: readonly number[]
}

/**
 * Reverse the order of the columns (np.fliplr): `a[:, ::-1]`.
 * @param m the array (at least 2-D).
 * @returns a view of `m`.
 * @throws {@link ValueError} for an array with fewer than 2 dimensions.
 */
export function fliplr(m: ArrayInput): NDArray {
  const a = asArray(m, 'fliplr', 'm')
  if (a.ndim < 2) throw new ValueError(`fliplr: Input must be >= 2-d (got shape ${fmtShape(a.shape)})`)
  return a.slice(ALL, { step: -1 })
}

/**
 * Reverse the order of the rows (np.flipud): `a[::-1, ...]`.
 * @param m the array (at least 1-D).
 * @returns a view of `m`.
 * @throws {@link ValueError} for a 0-d array.
 */
export function flipud(m: ArrayInput): NDArray {
  const a = asArray(m, 'flipud', 'm')
  if (a.ndim < 1) throw new ValueError('flipud: Input must be >= 1-d (got shape ())')
  return a.slice({ step: -1 }, '...')
}

/**
 * Rotate an array by 90 degrees in the plane of two axes (np.rot90), from the first axis towards the second.
 * @param m the array (at least 2-D).
 * @param opts `k` quarter turns (default 1), `axes` (default [0, 1]).
 * @returns a view of `m` (for k ≡ 0 mod 4, a plain view `m[:]`).
 * @throws {@link ValueError} when `axes` does not have two entries, names one axis twice (also -n and 0 apart by
 *   the number of dimensions, as NumPy checks), or is out of range.
 */
export function rot90(m: ArrayInput, opts: Rot90Options = {}): NDArray {
  checkOptions('rot90', opts, ['k', 'axes'])
  const axes = [...(opts.axes ?? [0, 1])]
  if (axes.length !== 2) throw new ValueError(`rot90: len(axes) must be 2, got axes (${axes.join(', ')})`)
  const a = asArray(m, 'rot90', 'm')
  const nd = a.ndim
  const [a0, a1] = axes as [number, number]
  if (a0 === a1 || Math.abs(a0 - a1) === nd) throw new ValueError(`rot90: Axes must be different, got axes (${a0}, ${a1}) for an array of ndim ${nd}`)
  if (a0 >= nd || a0 < -nd || a1 >= nd || a1 < -nd) throw new ValueError(`rot90: Axes=(${a0}, ${a1}) out of range for array of ndim=${nd}.`)
  const k = opts.k ?? 1
  if (typeof k !== 'number' || !Number.isFinite(k)) throw new ValueError(`rot90: k must be a number of quarter turns, got ${String(k)}`)
  // Python's k % 4: a fractional k that is neither 0, 1 nor 2 takes NumPy's k == 3 branch
  const turns = k - 4 * Math.floor(k / 4)
  if (turns === 0) return a.slice(ALL)
  if (turns === 2) return a.flip(a0).flip(a1)
  const perm = [...Array(nd).keys()]
  const i0 = pyMod(a0, nd)
  const i1 = pyMod(a1, nd)
  perm[i0] = i1
  perm[i1] = i0
  if (turns === 1) return a.flip(a1).transpose(perm)
  return a.transpose(perm).flip(a1)
}
