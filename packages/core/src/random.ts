/**
 * Seeded random arrays for tests and benchmarks (not NumPy's bit stream: a xoshiro128** generator).
 * Same seed, same values, on every machine and thread.
 */
import { dtype as lookupDType, type DTypeName } from './dtype.js'
import { ValueError } from './errors.js'
import { NDArray } from './ndarray.js'
import { checkShape } from './shape.js'
import { checkOptions } from './check-options.js'
import { Xoshiro128 } from './random/xoshiro.js'
import { integers } from './random/integers.js'
import { choice } from './random/choice.js'
import { permutation, shuffle } from './random/shuffle.js'

export { Xoshiro128 }
export type { IntegersOptions } from './random/integers.js'
export type { ChoiceOptions } from './random/choice.js'
export type { ShuffleOptions } from './random/shuffle.js'

/** Options of the random generators: the seed is required, so every draw is reproducible. */
export interface RandomOptions {
  /** Integer seed, required (only its low 32 bits are used): the same seed gives the same values. */
  seed: number
  /** Element type, `'float32'` or `'float64'` (default); any other dtype throws {@link ValueError}. */
  dtype?: 'float32' | 'float64' | DTypeName
}

function alloc(shape: number | readonly number[], opts: RandomOptions): NDArray {
  const dt = lookupDType(opts.dtype ?? 'float64').name
  if (dt !== 'float32' && dt !== 'float64') throw new ValueError(`random arrays are float32 or float64, got dtype ${dt}`)
  return NDArray.alloc(checkShape(typeof shape === 'number' ? [shape] : shape), dt)
}

/** Uniform samples in [low, high) (default [0, 1)). */
export function uniform(shape: number | readonly number[], opts: RandomOptions & { low?: number; high?: number }): NDArray {
  checkOptions('uniform', opts, ['seed', 'dtype', 'low', 'high'])
  const out = alloc(shape, opts)
  const rng = new Xoshiro128(opts.seed)
  const lo = opts.low ?? 0
  const span = (opts.high ?? 1) - lo
  const d = (out.data as Float64Array).subarray(out.offset, out.offset + out.size)
  for (let i = 0; i < out.size; i++) d[i] = lo + span * rng.next()
  return out
}

/** Normal samples (Box–Muller), mean `loc` (0) and standard deviation `scale` (1). */
export function normal(shape: number | readonly number[], opts: RandomOptions & { loc?: number; scale?: number }): NDArray {
  checkOptions('normal', opts, ['seed', 'dtype', 'loc', 'scale'])
  const out = alloc(shape, opts)
  const rng = new Xoshiro128(opts.seed)
  const loc = opts.loc ?? 0
  const scale = opts.scale ?? 1
  const d = (out.data as Float64Array).subarray(out.offset, out.offset + out.size)
  for (let i = 0; i < out.size; i += 2) {
    const u = 1 - rng.next()
    const v = rng.next()
    const r = Math.sqrt(-2 * Math.log(u))
    d[i] = loc + scale * r * Math.cos(2 * Math.PI * v)
    if (i + 1 < out.size) d[i + 1] = loc + scale * r * Math.sin(2 * Math.PI * v)
  }
  return out
}

/**
 * Seeded random arrays and sampling. The generator is xoshiro128**, not NumPy's bit stream: the same
 * seed gives the same values on every machine and thread, but not the values NumPy would draw.
 */
export const random = {
  /**
   * Uniform samples in [low, high), default [0, 1) (like NumPy's `random.uniform`).
   * @param shape - the shape, or one integer for a 1-D array.
   * @param opts - `seed` (required), `dtype` (float64 default, or float32), `low` (0) and `high` (1).
   * @returns a new array of samples.
   * @throws {@link ValueError} for a non-integer seed or a dtype other than float32/float64.
   */
  uniform,
  /**
   * Normal (Gaussian) samples by Box–Muller (like NumPy's `random.normal`).
   * @param shape - the shape, or one integer for a 1-D array.
   * @param opts - `seed` (required), `dtype` (float64 default, or float32), mean `loc` (0) and standard deviation `scale` (1).
   * @returns a new array of samples.
   * @throws {@link ValueError} for a non-integer seed or a dtype other than float32/float64.
   */
  normal,
  /**
   * Random integers from [low, high), or [low, high] with `endpoint: true` (NumPy's `Generator.integers(low,
   * high=None, size=None, dtype=int64, endpoint=False)`). With high omitted or null the range is [0, low).
   * Every integer dtype and `'bool'`; int64 (the default) and uint64 results are bigint, and their extremes are
   * reachable exactly (bounds may be bigint). Draws are unbiased: Lemire's multiply-and-reject on 32-bit draws,
   * and on 64-bit draws (two words, BigInt) for ranges above 2^32; never a float.
   *
   * `low` and `high` may be arrays (NDArrays or nested JS arrays, of integers, or of floats, which truncate as
   * NumPy's do), broadcast against each other; with `size` they must broadcast to exactly that shape.
   * With no `size` and scalar bounds the result is one JS value (as `sum` returns a JS scalar): a number,
   * a bigint for int64/uint64, a boolean for bool. With a `size` (`[]` for 0-d) or array bounds, an NDArray.
   *
   * Call forms: `integers(low, opts)`, `integers(low, high, opts)`, `integers(low, high, size, opts)`; the
   * options object (with the required seed) is always last.
   *
   * @param low - the lowest value (or, with high omitted, one past the highest: [0, low))
   * @param rest - `high` (null/undefined: [0, low)), `size` (null/undefined: one value; an integer; an array of
   *   integers), then the options: `seed` (required), `dtype` (default int64), `endpoint` (default false)
   * @returns one value, or a new C-contiguous array of the dtype (empty results skip the bound checks, as NumPy's)
   * @throws {@link ValueError} in NumPy's words: "low is out of bounds for int8", "high is out of bounds for
   *   uint64", "low >= high", "high <= 0" (and "low > high", "high < 0" with endpoint), "negative dimensions are
   *   not allowed", NaN bounds; a missing or non-integer seed; an unknown option
   * @throws {@link DTypeError} for a float or unknown dtype, a non-integer size, a non-boolean endpoint, a bound
   *   that is not a number, bigint or boolean
   * @throws {@link OverflowError} for an infinite bound
   * @throws {@link ShapeError} when array bounds do not broadcast (to `size`)
   */
  integers,
  /**
   * A random sample from `a` (NumPy's `Generator.choice(a, size=None, replace=True, p=None, axis=0,
   * shuffle=True)`). `a` is an integer n (the population arange(n); the result holds int64 indices) or an
   * array (an NDArray or nested JS arrays), sampled along `axis`: the result's shape is a's with that axis
   * replaced by `size`. With no size: one draw, a JS value (a bigint index for an integer a, an element for a
   * 1-d array) or an NDArray with the axis removed for a higher-dimensional array.
   *
   * With `p`, entries are drawn in proportion to it; without replacement, one at a time in proportion to the
   * remaining p (NumPy's distribution; exponential keys here, so not NumPy's draws). Without replacement the
   * sample always comes in random order, so `shuffle: false` changes nothing. Call forms:
   * `choice(a, opts)`, `choice(a, size, opts)`.
   *
   * @param a - an integer population size, or an array to sample from
   * @param rest - `size` (null/undefined: one draw; an integer; an array of integers), then the options:
   *   `seed` (required), `replace` (true), `p` (uniform), `axis` (0), `shuffle` (true)
   * @returns one value or an NDArray, as above
   * @throws {@link ValueError} in NumPy's words: "a must be a positive integer unless no samples are taken",
   *   "a cannot be empty unless no samples are taken", "a must be a sequence or an integer", "p must be
   *   1-dimensional", "a and p must have same size", "Probabilities contain NaN", "Probabilities are not
   *   non-negative", "Probabilities do not sum to 1", "Cannot take a larger sample than population when replace
   *   is False", "Fewer non-zero entries in p than size", "negative dimensions are not allowed"; a missing seed
   * @throws {@link AxisError} for an axis out of range (NumPy: IndexError)
   * @throws {@link DTypeError} for a non-integer size or axis, non-boolean replace or shuffle
   */
  choice,
  /**
   * A random permutation (NumPy's `Generator.permutation`): for an integer n, a shuffled arange(n) (int64;
   * empty for n <= 0); for an array, a shuffled C-contiguous copy, whole subarrays reordered along `axis`.
   *
   * @param x - an integer, or an array (an NDArray of any dtype and layout, or nested JS arrays)
   * @param opts - `seed` (required), `axis` (default 0; ignored for an integer x, as NumPy does)
   * @returns a new array
   * @throws {@link AxisError} for an axis out of range, or a 0-d array or non-integer number x (as NumPy)
   * @throws {@link ValueError} for a missing seed or an unknown option; {@link DTypeError} for a non-integer axis
   */
  permutation,
  /**
   * Shuffle in place along `axis` (NumPy's `Generator.shuffle`): a Fisher–Yates shuffle that swaps whole
   * subarrays, for any dtype and any layout. A JS array has its elements reordered (axis 0 only). Every check
   * comes before the first write, so a rejected call leaves `x` unchanged.
   *
   * @param x - a writeable NDArray without internal overlap, or a JS array
   * @param opts - `seed` (required), `axis` (default 0)
   * @throws {@link ReadOnlyError} for a read-only view (NumPy: ValueError "array is read-only")
   * @throws {@link OverlapError} for a view whose elements share memory (e.g. asStrided with a zero stride)
   * @throws {@link AxisError} for an axis out of range or a 0-d array (NumPy: TypeError); {@link DTypeError}
   *   for a non-integer axis or an x that is neither an NDArray nor a JS array; {@link ValueError} for a missing
   *   seed, an unknown option, or an axis other than 0 with a JS array
   */
  shuffle,
}
