/**
 * random.shuffle and random.permutation (NumPy's Generator.shuffle / Generator.permutation): a Fisher–Yates
 * shuffle along one axis that swaps whole subarrays element by element on the stored values, so it works for
 * every dtype (float16 bits, int64 bigints) and every layout (negative strides, gaps). shuffle checks that the
 * array is writeable and free of internal overlap before it writes anything; permutation shuffles a copy.
 */
import { checkOptions } from '../check-options.js'
import { array, type ArrayData } from '../creation.js'
import { AxisError, DTypeError, OverlapError, ValueError } from '../errors.js'
import { forEachOffset } from '../iterate.js'
import { NDArray } from '../ndarray.js'
import { OVERLAP_MAX_WORK } from '../ops/ufunc.js'
import { internalOverlapOutcome } from '../overlap/index.js'
import { axisOption, generatorFor } from './args.js'
import { belowIndex } from './bounded.js'
import type { Xoshiro128 } from './xoshiro.js'

/** Options of `random.shuffle` and `random.permutation` (NumPy's keyword arguments, plus the required seed). */
export interface ShuffleOptions {
  /** Integer seed, required (its low 32 bits are used): the same seed gives the same order on every machine. */
  seed: number
  /** The axis along which whole subarrays are reordered (default 0). */
  axis?: number
}

const KEYS = ['seed', 'axis']

/** Fisher–Yates along `axis` of `x` in place (x is writeable and has no internal overlap). */
function shuffleAxis(x: NDArray, axis: number, rng: Xoshiro128): void {
  const n = x.shape[axis]!
  if (n <= 1 || x.size === 0) return
  const step = x.strides[axis]!
  const rest = x.shape.filter((_, k) => k !== axis)
  const restStrides = x.strides.filter((_, k) => k !== axis)
  // offsets of one subarray's elements; subarray i is these plus i·step
  const subs: number[] = []
  forEachOffset(rest, restStrides, x.offset, (o) => { subs.push(o) })
  const d = x.data as unknown as Record<number, number | bigint>
  const m = subs.length
  for (let i = n - 1; i > 0; i--) {
    const j = belowIndex(rng, i + 1)
    if (j === i) continue
    const di = i * step
    const dj = j * step
    for (let q = 0; q < m; q++) {
      const o = subs[q]!
      const t = d[o + di]!
      d[o + di] = d[o + dj]!
      d[o + dj] = t
    }
  }
}

/**
 * Shuffle an array in place along an axis (NumPy's `Generator.shuffle`); see `random.shuffle`.
 * @param x - an NDArray (any dtype and layout) or a JS array (its top-level elements are reordered)
 * @param opts - seed (required), axis (default 0)
 * @throws see `random.shuffle`
 */
export function shuffle(x: NDArray | unknown[], opts: ShuffleOptions): void {
  checkOptions('shuffle', opts, KEYS)
  const rng = generatorFor('shuffle', (opts ?? {}) as unknown as Record<string, unknown>)
  if (Array.isArray(x)) {
    if (opts.axis !== undefined && opts.axis !== 0) {
      throw new ValueError(`shuffle: the axis option is only supported on NDArrays (NumPy: NotImplementedError), got axis ${String(opts.axis)} for a JS array`)
    }
    for (let i = x.length - 1; i > 0; i--) {
      const j = belowIndex(rng, i + 1)
      const t = x[i]
      x[i] = x[j]
      x[j] = t
    }
    return
  }
  if (!(x instanceof NDArray)) {
    throw new DTypeError(`shuffle: x must be an NDArray or a JS array to reorder in place, got ${x === null ? 'null' : typeof x}`)
  }
  if (x.ndim === 0) throw new AxisError(`shuffle: axis 0 is out of bounds for array of dimension 0 (a 0-d array has nothing to shuffle)`)
  const axis = axisOption('shuffle', opts.axis, x.ndim)
  x.assertWriteable('shuffle')
  const internal = internalOverlapOutcome(x, OVERLAP_MAX_WORK)
  if (internal !== 'no') {
    throw new OverlapError(`shuffle: the array (shape (${x.shape.join(', ')}), strides (${x.strides.join(', ')})) has internal overlap [${internal}]: several of its elements share memory, so it cannot be shuffled in place; shuffle a copy`)
  }
  shuffleAxis(x, axis, rng)
}

/**
 * A randomly permuted arange or copy (NumPy's `Generator.permutation`); see `random.permutation`.
 * @param x - an integer n (a shuffled arange(n), int64) or an array (an NDArray or nested JS arrays)
 * @param opts - seed (required), axis (default 0; ignored for an integer x, as NumPy does)
 * @returns a new C-contiguous array
 * @throws see `random.permutation`
 */
export function permutation(x: number | bigint | ArrayData | NDArray, opts: ShuffleOptions): NDArray {
  checkOptions('permutation', opts, KEYS)
  const rng = generatorFor('permutation', (opts ?? {}) as unknown as Record<string, unknown>)
  if ((typeof x === 'number' && Number.isInteger(x)) || typeof x === 'bigint') {
    const n = Math.max(0, Number(x))
    if (!Number.isSafeInteger(n)) throw new ValueError(`permutation: x ${x} is too large for arange`)
    const out = NDArray.alloc([n], 'int64', 'C', false)
    const d = out.data as BigInt64Array
    for (let i = 0; i < n; i++) d[out.offset + i] = BigInt(i)
    shuffleAxis(out, 0, rng)
    return out
  }
  const own = !(x instanceof NDArray)
  const arr = x instanceof NDArray ? x : array(x)
  if (arr.ndim === 0) {
    throw new AxisError(`permutation: axis 0 is out of bounds for array of dimension 0 (x must be an integer or an array of at least one dimension, got ${String(arr.get())})`)
  }
  const axis = axisOption('permutation', opts.axis, arr.ndim)
  const out = own ? arr : arr.copy('C')
  shuffleAxis(out, axis, rng)
  return out
}
