/**
 * np.pad for the modes constant, edge, reflect, symmetric, wrap and empty. The result is a new array (F order for an
 * F-ordered input, else C), the input copied into its centre; then the axes are padded one after the other, each
 * over the full extent of the axes before it and the original extent of the axes after it (so a corner of a
 * constant pad takes the value of the last axis, as NumPy's). Edge, reflect, symmetric and wrap fill the pad areas
 * with block copies of already valid regions (mirrored views for reflect/symmetric), repeating until the area is
 * full, so pad widths larger than the axis work as NumPy's iterative padding does.
 */
import type { DTypeName, Scalar } from '../../dtype.js'
import { checkOptions } from '../../check-options.js'
import { AxisError, DTypeError, ShapeError, ValueError, type OverflowError } from '../../errors.js'
import { NDArray } from '../../ndarray.js'
import { copyInto } from '../../kernels/copy.js'
import { toStored } from '../../scalar.js'
import { ALL, asArray, copyDisjoint, fillWith, fmtShape, sliceAxis, type ArrayInput } from './common.js'

/** The padding modes (NumPy's names). 'empty' leaves the pad area unset (zeros here). */
export type PadMode = 'constant' | 'edge' | 'reflect' | 'symmetric' | 'wrap' | 'empty'

/** A nested list of numbers, as NumPy's array-like arguments. */
export type NestedNumbers<T> = T | readonly NestedNumbers<T>[]

/**
 * Pad widths in NumPy's forms: one integer for every side of every axis; `[before, after]` for every axis;
 * `[[before, after]]`; per-axis pairs `[[b0, a0], [b1, a1], ...]`; per-axis single values `[[w0], [w1]]` (for a 2-D
 * array); an integer NDArray of those shapes; or an object mapping axes to a width or a `[before, after]` pair
 * (`{ 0: 2, [-1]: [1, 0] }`; unlisted axes are not padded).
 */
export type PadWidth =
  | NestedNumbers<number | bigint>
  | NDArray
  | { readonly [axis: number]: number | bigint | readonly [number | bigint, number | bigint] }

/** Options of {@link pad}. */
export interface PadOptions {
  /** The padding mode (default 'constant'). */
  mode?: PadMode | string
  /**
   * Mode 'constant' only: the fill values, in the same forms as the pad widths (a scalar, `[before, after]`,
   * per-axis pairs, ...); default 0. Values are converted to the array's dtype as NumPy assigns them.
   */
  constantValues?: NestedNumbers<Scalar> | NDArray
}

const MODES: readonly string[] = ['constant', 'edge', 'reflect', 'symmetric', 'wrap', 'empty']
const NUMPY_ONLY: readonly string[] = ['linear_ramp', 'maximum', 'mean', 'median', 'minimum']

interface Nested { shape: number[]; values: Scalar[]; dtype?: DTypeName }

function flatten(x: unknown, what: string): Nested {
  if (x instanceof NDArray) return { shape: [...x.shape], values: x.toFlatArray(), dtype: x.dtype }
  if (!Array.isArray(x)) {
    if (typeof x === 'number' || typeof x === 'bigint' || typeof x === 'boolean') return { shape: [], values: [x] }
    throw new DTypeError(`pad: ${what} must be a number, nested arrays of numbers or an NDArray, got ${x === null ? 'null' : typeof x}`)
  }
  const shape: number[] = []
  for (let y: unknown = x; Array.isArray(y); y = (y as unknown[])[0]) {
    shape.push(y.length)
    if (y.length === 0) break
  }
  const values: Scalar[] = []
  const walk = (y: unknown, depth: number, path: string): void => {
    if (depth === shape.length) {
      if (Array.isArray(y)) throw new ValueError(`pad: ${what} is an inhomogeneous nested array: ${path} is an array, expected a scalar`)
      if (typeof y !== 'number' && typeof y !== 'bigint' && typeof y !== 'boolean') throw new DTypeError(`pad: ${what}${path} must be a number, got ${typeof y}`)
      values.push(y)
      return
    }
    if (!Array.isArray(y) || y.length !== shape[depth]) {
      throw new ValueError(`pad: ${what} is an inhomogeneous nested array: ${path} ${Array.isArray(y) ? `has length ${y.length}` : 'is a scalar'}, expected length ${shape[depth]}`)
    }
    y.forEach((z, i) => walk(z, depth + 1, `${path}[${i}]`))
  }
  walk(x, 0, '')
  return { shape, values }
}

/**
 * NumPy's _as_pairs: the argument broadcast to one (before, after) pair per axis. `fromScalars` tells whether the
 * values came through NumPy's one- or two-element shortcut (as NumPy scalars, which assign differently).
 */
function asPairs(x: Nested, ndim: number, index: boolean, what: string): { pairs: [Scalar, Scalar][]; fromScalars: boolean } {
  const negative = (v: Scalar): boolean => (typeof v === 'bigint' ? v < 0n : Number(v) < 0)
  const size = x.values.length
  const rep = (p: [Scalar, Scalar]): [Scalar, Scalar][] => Array.from({ length: ndim }, () => [p[0], p[1]] as [Scalar, Scalar])
  if (x.shape.length < 3) {
    if (size === 1) {
      if (index && negative(x.values[0]!)) throw new ValueError(`pad: ${what} can't contain negative values (got ${String(x.values[0])})`)
      return { pairs: rep([x.values[0]!, x.values[0]!]), fromScalars: true }
    }
    // two values are (before, after) for every axis, except the shape (2, 1): one value per axis of a 2-D array
    if (size === 2 && !(x.shape.length === 2 && x.shape[0] === 2 && x.shape[1] === 1)) {
      if (index && x.values.some(negative)) throw new ValueError(`pad: ${what} can't contain negative values (got (${x.values.map(String).join(', ')}))`)
      return { pairs: rep([x.values[0]!, x.values[1]!]), fromScalars: true }
    }
  }
  if (index && x.values.some(negative)) throw new ValueError(`pad: ${what} can't contain negative values (got ${x.values.filter(negative).map(String).join(', ')})`)
  // broadcast the argument's shape to (ndim, 2), right-aligned
  const s = x.shape
  const target = [ndim, 2]
  const fits = s.length <= 2 && s.every((n, i) => n === 1 || n === target[2 - s.length + i])
  if (!fits) {
    throw new ShapeError(`pad: ${what} of shape ${fmtShape(s)} cannot be broadcast to (${ndim}, 2), one (before, after) pair for each of the array's ${ndim} axes`)
  }
  const pick = (i: number, j: number): Scalar => {
    const idx = [i, j].slice(2 - s.length)
    let flat = 0
    for (let k = 0; k < s.length; k++) flat = flat * s[k]! + (s[k] === 1 ? 0 : idx[k]!)
    return x.values[flat]!
  }
  return { pairs: Array.from({ length: ndim }, (_, i) => [pick(i, 0), pick(i, 1)] as [Scalar, Scalar]), fromScalars: false }
}

/** The pad widths as integer (before, after) pairs, one per axis. */
function padPairs(padWidth: PadWidth, ndim: number): [number, number][] {
  let x: Nested
  if (typeof padWidth === 'object' && padWidth !== null && !Array.isArray(padWidth) && !(padWidth instanceof NDArray)) {
    // { axis: width | [before, after] }: the listed axes (Python indexing, so negative counts from the end)
    const seq: (number | bigint)[][] = Array.from({ length: ndim }, () => [0, 0])
    for (const [key, w] of Object.entries(padWidth as Record<string, unknown>)) {
      const axis = Number(key)
      if (!Number.isInteger(axis) || axis < -ndim || axis >= ndim) throw new AxisError(`pad: pad width axis ${key} is out of range for an array of dimension ${ndim}`)
      const pair = Array.isArray(w) ? w : [w, w]
      if (pair.length !== 2 || !pair.every((v) => (typeof v === 'number' && Number.isInteger(v)) || typeof v === 'bigint')) {
        throw new DTypeError(`pad: pad width for axis ${key} must be an integer or a pair of integers, got ${JSON.stringify(w, (_k, v: unknown) => (typeof v === 'bigint' ? String(v) : v))}`)
      }
      seq[axis < 0 ? axis + ndim : axis] = pair as (number | bigint)[]
    }
    x = flatten(seq, 'pad width')
  } else x = flatten(padWidth, 'pad width')
  // NumPy requires an integer array: floats, bools (all of them) and an empty list (float64) are TypeErrors
  const integral = x.dtype !== undefined
    ? x.dtype.startsWith('int')
    : x.values.length > 0 && !x.values.every((v) => typeof v === 'boolean') && x.values.every((v) => typeof v !== 'number' || Number.isInteger(v))
  if (!integral) throw new DTypeError(`pad: \`pad_width\` must be of integral type, got ${x.dtype ?? (x.values.length === 0 ? 'an empty list' : `(${x.values.map(String).join(', ')})`)}`)
  return asPairs(x, ndim, true, 'pad width').pairs.map(([b, a]) => [Number(b), Number(a)])
}

/**
 * A constant value in the array's dtype. NumPy assigns a Python scalar with truncation and a range check, but the
 * NumPy scalars of its one/two-value shortcut wrap around when the array is unsigned (C casts).
 */
function constantStored(v: Scalar, dt: DTypeName, fromScalars: boolean): number | bigint {
  const unsigned = dt.startsWith('uint')
  if (fromScalars && unsigned && typeof v !== 'boolean') {
    const bits = dt === 'uint8' ? 8 : dt === 'uint16' ? 16 : dt === 'uint32' ? 32 : 64
    let b: bigint
    if (typeof v === 'bigint') b = v
    else if (!Number.isFinite(v) || Math.abs(v) >= 2 ** 63) b = 0n
    else b = BigInt(Math.trunc(v))
    const w = BigInt.asUintN(bits, b)
    return bits === 64 ? w : Number(w)
  }
  return toStored(v, dt, 'pad constant value')
}

/** The region of interest while padding `axis`: whole along the axes up to it, the original area after it. */
function roiOf(padded: NDArray, pairs: readonly [number, number][], shape: readonly number[], axis: number): NDArray {
  const items = pairs.map(([b], k) => (k <= axis ? ALL : { start: b, stop: b + shape[k]! }))
  return padded.slice(...items)
}

/** `src` with stride 0 along `axis`, presented with `shape` (a one-element-thick slab stretched over an area). */
function stretched(src: NDArray, axis: number, shape: readonly number[]) {
  const strides = [...src.strides]
  strides[axis] = 0
  return { buffer: src.buffer, dtype: src.dtype, shape, strides, offset: src.offset }
}

function padEdge(roi: NDArray, axis: number, l: number, r: number, n: number): void {
  const len = roi.shape[axis]!
  if (l > 0) {
    const dst = sliceAxis(roi, axis, 0, l)
    copyDisjoint(dst, stretched(sliceAxis(roi, axis, l, l + 1), axis, dst.shape))
  }
  if (r > 0) {
    const dst = sliceAxis(roi, axis, len - r, len)
    copyDisjoint(dst, stretched(sliceAxis(roi, axis, l + n - 1, l + n), axis, dst.shape))
  }
}

/**
 * Reflect ('reflect': mirrored about the edge element; 'symmetric': the edge repeated) in rounds: each round copies
 * up to a whole number of periods of the valid region, mirrored, onto each side, until the pad areas are full.
 */
function padReflect(roi: NDArray, axis: number, l: number, r: number, n: number, symmetric: boolean): void {
  let lo = l
  let hi = l + n
  let left = l
  let right = r
  while (left > 0 || right > 0) {
    const valid = hi - lo
    const chunk = symmetric ? Math.floor(valid / n) * n : Math.floor((valid - 1) / (n - 1)) * (n - 1)
    let newLo = lo
    if (left > 0) {
      const c = Math.min(chunk, left)
      const from = symmetric ? lo : lo + 1
      copyDisjoint(sliceAxis(roi, axis, lo - c, lo), sliceAxis(roi, axis, from, from + c).flip(axis))
      left -= c
      newLo = lo - c
    }
    if (right > 0) {
      const c = Math.min(chunk, right)
      const to = symmetric ? hi : hi - 1
      copyDisjoint(sliceAxis(roi, axis, hi, hi + c), sliceAxis(roi, axis, to - c, to).flip(axis))
      right -= c
      hi += c
    }
    lo = newLo
  }
}

/** Wrap in rounds: each round copies up to a whole number of periods from the far side of the valid region. */
function padWrap(roi: NDArray, axis: number, l: number, r: number, n: number): void {
  let lo = l
  let hi = l + n
  let left = l
  let right = r
  while (left > 0 || right > 0) {
    const period = Math.floor((hi - lo) / n) * n
    let newLo = lo
    if (left > 0) {
      const c = Math.min(period, left)
      copyDisjoint(sliceAxis(roi, axis, lo - c, lo), sliceAxis(roi, axis, lo + period - c, lo + period))
      left -= c
      newLo = lo - c
    }
    if (right > 0) {
      const c = Math.min(period, right)
      copyDisjoint(sliceAxis(roi, axis, hi, hi + c), sliceAxis(roi, axis, hi - period, hi - period + c))
      right -= c
      hi += c
    }
    lo = newLo
  }
}

/**
 * Pad an array (np.pad).
 * @param a the array.
 * @param padWidth the number of elements added before and after each axis, in NumPy's forms (see {@link PadWidth}).
 * @param opts `mode` (default 'constant'): 'constant' (fill with `constantValues`, default 0), 'edge' (repeat the
 *   edge element), 'reflect' (mirror about the edge, excluding it), 'symmetric' (mirror including the edge),
 *   'wrap' (periodic), 'empty' (leave unset); pad widths larger than the axis are allowed for every mode.
 * @returns a new array of shape `before + n + after` per axis, the input in its centre.
 * @throws {@link DTypeError} when the pad widths are not integers.
 * @throws {@link ValueError} for negative pad widths, an unknown mode, `constantValues` with another mode, or
 *   extending an empty axis with a mode other than 'constant' or 'empty'.
 * @throws {@link ShapeError} when the pad widths or constant values do not broadcast to one pair per axis.
 * @throws {@link OverflowError} when a constant value does not fit the integer dtype.
 */
export function pad(a: ArrayInput, padWidth: PadWidth, opts: PadOptions = {}): NDArray {
  checkOptions('pad', opts, ['mode', 'constantValues'])
  const arr = asArray(a, 'pad', 'array')
  const nd = arr.ndim
  const pairs = padPairs(padWidth, nd)
  const mode = opts.mode ?? 'constant'
  if (!MODES.includes(mode)) {
    const why = NUMPY_ONLY.includes(mode) ? ` (a NumPy mode strided does not implement; supported: ${MODES.join(', ')})` : ''
    throw new ValueError(`pad: mode '${mode}' is not supported${why}`)
  }
  if (mode !== 'constant' && opts.constantValues !== undefined) {
    throw new ValueError(`pad: unsupported keyword arguments for mode '${mode}': constantValues (only mode 'constant' takes it)`)
  }
  const shape = arr.shape
  const outShape = shape.map((n, k) => pairs[k]![0] + n + pairs[k]![1])
  const f = arr.flags
  const padded = NDArray.alloc(outShape, arr.dtype, f.fContiguous && !f.cContiguous ? 'F' : 'C', false)
  const centre = padded.slice(...pairs.map(([b], k) => ({ start: b, stop: b + shape[k]! })))
  if (arr.size > 0) copyInto(centre, arr)

  if (mode === 'constant') {
    const cv = asPairs(flatten(opts.constantValues ?? 0, 'constant values'), nd, false, 'constant values')
    const values = cv.pairs.map(([x, y]) => [constantStored(x, arr.dtype, cv.fromScalars), constantStored(y, arr.dtype, cv.fromScalars)] as const)
    for (let k = 0; k < nd; k++) {
      const roi = roiOf(padded, pairs, shape, k)
      const [l, r] = pairs[k]!
      const len = roi.shape[k]!
      fillWith(sliceAxis(roi, k, 0, l), values[k]![0])
      fillWith(sliceAxis(roi, k, len - r, len), values[k]![1])
    }
    return padded
  }
  if (mode === 'empty') return padded
  if (arr.size === 0) {
    // the other modes need values to copy: an empty axis may only get zero-width padding
    shape.forEach((n, k) => {
      if (n === 0 && (pairs[k]![0] > 0 || pairs[k]![1] > 0)) {
        throw new ValueError(`pad: can't extend empty axis ${k} using modes other than 'constant' or 'empty' (array shape ${fmtShape(shape)}, pad (${pairs[k]!.join(', ')}))`)
      }
    })
    return padded
  }
  for (let k = 0; k < nd; k++) {
    const [l, r] = pairs[k]!
    if (l === 0 && r === 0) continue
    const n = shape[k]!
    const roi = roiOf(padded, pairs, shape, k)
    // reflecting a length-1 axis repeats its element (NumPy's legacy behaviour)
    if (mode === 'edge' || ((mode === 'reflect' || mode === 'symmetric') && n === 1)) padEdge(roi, k, l, r, n)
    else if (mode === 'wrap') padWrap(roi, k, l, r, n)
    else padReflect(roi, k, l, r, n, mode === 'symmetric')
  }
  return padded
}
