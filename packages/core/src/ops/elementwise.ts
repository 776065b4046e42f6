/**
 * The public synchronous elementwise functions (NumPy names in camelCase). Each is prepareUfunc (validation,
 * promotion, broadcasting, out/overlap checks, temporaries) + runElementwise on the calling thread + finish.
 * Inputs: NDArray | number | bigint | boolean (JS scalars are NumPy's weak Python scalars, see promotion.ts).
 * Options: { out?, overlap?: 'error' | 'copy', dtype?, where? } (see ufunc.ts). where= (every ufunc): a bool mask
 * broadcast with the inputs; masked-off elements keep out's values, or are zero in a fresh result (NumPy leaves
 * them uninitialised).
 */
import type { DTypeName } from '../dtype.js'
import { nonzero } from './search/nonzero.js'
import { runElementwise } from '../kernels/elementwise.js'
import { NDArray as NDArrayClass, type NDArray } from '../ndarray.js'
import { DTypeError, OverlapError, ShapeError, ValueError } from '../errors.js'
import { broadcastShapeOf } from '../shape.js'
import { all } from './reductions.js'
import { prepareUfunc, type Operand, type RoundOptions, type UfuncOptions } from './ufunc.js'
import { checkOptions } from '../check-options.js'

function run(op: string, inputs: readonly (Operand | null)[], opts?: UfuncOptions): NDArray {
  const p = prepareUfunc(op, inputs, opts)
  runElementwise(p.job, 0, p.job.size)
  p.finish()
  return p.result
}

// ---- binary, with broadcasting
/**
 * Elementwise sum `x1 + x2` (NumPy's `add`).
 *
 * @param x1 - an array or a JS scalar (a weak scalar under NEP 50)
 * @param x2 - an array or a JS scalar; broadcast against x1 (and out)
 * @param opts - out, dtype, overlap: see {@link UfuncOptions}
 * @returns a new array, or out
 */
export function add(x1: Operand, x2: Operand, opts?: UfuncOptions): NDArray { return run('add', [x1, x2], opts) }
/**
 * Elementwise difference `x1 - x2` (NumPy's `subtract`).
 *
 * @param x1 - an array or a JS scalar (a weak scalar under NEP 50)
 * @param x2 - an array or a JS scalar; broadcast against x1 (and out)
 * @param opts - out, dtype, overlap: see {@link UfuncOptions}
 * @returns a new array, or out
 */
export function subtract(x1: Operand, x2: Operand, opts?: UfuncOptions): NDArray { return run('subtract', [x1, x2], opts) }
/**
 * Elementwise product `x1 * x2` (NumPy's `multiply`).
 *
 * @param x1 - an array or a JS scalar (a weak scalar under NEP 50)
 * @param x2 - an array or a JS scalar; broadcast against x1 (and out)
 * @param opts - out, dtype, overlap: see {@link UfuncOptions}
 * @returns a new array, or out
 */
export function multiply(x1: Operand, x2: Operand, opts?: UfuncOptions): NDArray { return run('multiply', [x1, x2], opts) }
/**
 * True division `x1 / x2` (NumPy's `divide`): integers give float64 (float32 with float32 and integers of 16 bits or less).
 *
 * @param x1 - an array or a JS scalar (a weak scalar under NEP 50)
 * @param x2 - an array or a JS scalar; broadcast against x1 (and out)
 * @param opts - out, dtype, overlap: see {@link UfuncOptions}
 * @returns a new array, or out
 */
export function divide(x1: Operand, x2: Operand, opts?: UfuncOptions): NDArray { return run('divide', [x1, x2], opts) }
/**
 * Floor division `x1 // x2` (NumPy's `floor_divide`): rounds toward -infinity; integer `x // 0` is 0.
 *
 * @param x1 - an array or a JS scalar (a weak scalar under NEP 50)
 * @param x2 - an array or a JS scalar; broadcast against x1 (and out)
 * @param opts - out, dtype, overlap: see {@link UfuncOptions}
 * @returns a new array, or out
 */
export function floorDivide(x1: Operand, x2: Operand, opts?: UfuncOptions): NDArray { return run('floorDivide', [x1, x2], opts) }
/**
 * Remainder with the sign of the divisor (NumPy's `mod`/`remainder`, Python's `%`); integer `x % 0` is 0.
 *
 * @param x1 - an array or a JS scalar (a weak scalar under NEP 50)
 * @param x2 - an array or a JS scalar; broadcast against x1 (and out)
 * @param opts - out, dtype, overlap: see {@link UfuncOptions}
 * @returns a new array, or out
 */
export function mod(x1: Operand, x2: Operand, opts?: UfuncOptions): NDArray { return run('mod', [x1, x2], opts) }
/**
 * `x1 ** x2` (NumPy's `power`): integer powers wrap, and a negative integer exponent throws {@link ValueError}.
 *
 * @param x1 - an array or a JS scalar (a weak scalar under NEP 50)
 * @param x2 - an array or a JS scalar; broadcast against x1 (and out)
 * @param opts - out, dtype, overlap: see {@link UfuncOptions}
 * @returns a new array, or out
 */
export function power(x1: Operand, x2: Operand, opts?: UfuncOptions): NDArray { return run('power', [x1, x2], opts) }
/**
 * Elementwise maximum (NumPy's `maximum`); NaN propagates.
 *
 * @param x1 - an array or a JS scalar (a weak scalar under NEP 50)
 * @param x2 - an array or a JS scalar; broadcast against x1 (and out)
 * @param opts - out, dtype, overlap: see {@link UfuncOptions}
 * @returns a new array, or out
 */
export function maximum(x1: Operand, x2: Operand, opts?: UfuncOptions): NDArray { return run('maximum', [x1, x2], opts) }
/**
 * Elementwise minimum (NumPy's `minimum`); NaN propagates.
 *
 * @param x1 - an array or a JS scalar (a weak scalar under NEP 50)
 * @param x2 - an array or a JS scalar; broadcast against x1 (and out)
 * @param opts - out, dtype, overlap: see {@link UfuncOptions}
 * @returns a new array, or out
 */
export function minimum(x1: Operand, x2: Operand, opts?: UfuncOptions): NDArray { return run('minimum', [x1, x2], opts) }
/**
 * Bitwise AND `x1 & x2` of integers and bools (NumPy's `bitwise_and`).
 *
 * @param x1 - an array or a JS scalar (a weak scalar under NEP 50)
 * @param x2 - an array or a JS scalar; broadcast against x1 (and out)
 * @param opts - out, dtype, overlap: see {@link UfuncOptions}
 * @returns a new array, or out
 */
export function bitwiseAnd(x1: Operand, x2: Operand, opts?: UfuncOptions): NDArray { return run('bitwiseAnd', [x1, x2], opts) }
/**
 * Bitwise OR `x1 | x2` of integers and bools (NumPy's `bitwise_or`).
 *
 * @param x1 - an array or a JS scalar (a weak scalar under NEP 50)
 * @param x2 - an array or a JS scalar; broadcast against x1 (and out)
 * @param opts - out, dtype, overlap: see {@link UfuncOptions}
 * @returns a new array, or out
 */
export function bitwiseOr(x1: Operand, x2: Operand, opts?: UfuncOptions): NDArray { return run('bitwiseOr', [x1, x2], opts) }
/**
 * Bitwise XOR `x1 ^ x2` of integers and bools (NumPy's `bitwise_xor`).
 *
 * @param x1 - an array or a JS scalar (a weak scalar under NEP 50)
 * @param x2 - an array or a JS scalar; broadcast against x1 (and out)
 * @param opts - out, dtype, overlap: see {@link UfuncOptions}
 * @returns a new array, or out
 */
export function bitwiseXor(x1: Operand, x2: Operand, opts?: UfuncOptions): NDArray { return run('bitwiseXor', [x1, x2], opts) }

// ---- comparisons (→ bool); out-of-range Python-int scalars compare mathematically, as in NumPy
/**
 * `x1 == x2` as a bool array (NumPy's `equal`).
 *
 * @param x1 - an array or a JS scalar (a weak scalar under NEP 50)
 * @param x2 - an array or a JS scalar; broadcast against x1 (and out)
 * @param opts - out, dtype, overlap: see {@link UfuncOptions}
 * @returns a new array, or out
 */
export function equal(x1: Operand, x2: Operand, opts?: UfuncOptions): NDArray { return run('equal', [x1, x2], opts) }
/**
 * `x1 != x2` as a bool array (NumPy's `not_equal`).
 *
 * @param x1 - an array or a JS scalar (a weak scalar under NEP 50)
 * @param x2 - an array or a JS scalar; broadcast against x1 (and out)
 * @param opts - out, dtype, overlap: see {@link UfuncOptions}
 * @returns a new array, or out
 */
export function notEqual(x1: Operand, x2: Operand, opts?: UfuncOptions): NDArray { return run('notEqual', [x1, x2], opts) }
/**
 * `x1 < x2` as a bool array (NumPy's `less`).
 *
 * @param x1 - an array or a JS scalar (a weak scalar under NEP 50)
 * @param x2 - an array or a JS scalar; broadcast against x1 (and out)
 * @param opts - out, dtype, overlap: see {@link UfuncOptions}
 * @returns a new array, or out
 */
export function less(x1: Operand, x2: Operand, opts?: UfuncOptions): NDArray { return run('less', [x1, x2], opts) }
/**
 * `x1 <= x2` as a bool array (NumPy's `less_equal`).
 *
 * @param x1 - an array or a JS scalar (a weak scalar under NEP 50)
 * @param x2 - an array or a JS scalar; broadcast against x1 (and out)
 * @param opts - out, dtype, overlap: see {@link UfuncOptions}
 * @returns a new array, or out
 */
export function lessEqual(x1: Operand, x2: Operand, opts?: UfuncOptions): NDArray { return run('lessEqual', [x1, x2], opts) }
/**
 * `x1 > x2` as a bool array (NumPy's `greater`).
 *
 * @param x1 - an array or a JS scalar (a weak scalar under NEP 50)
 * @param x2 - an array or a JS scalar; broadcast against x1 (and out)
 * @param opts - out, dtype, overlap: see {@link UfuncOptions}
 * @returns a new array, or out
 */
export function greater(x1: Operand, x2: Operand, opts?: UfuncOptions): NDArray { return run('greater', [x1, x2], opts) }
/**
 * `x1 >= x2` as a bool array (NumPy's `greater_equal`).
 *
 * @param x1 - an array or a JS scalar (a weak scalar under NEP 50)
 * @param x2 - an array or a JS scalar; broadcast against x1 (and out)
 * @param opts - out, dtype, overlap: see {@link UfuncOptions}
 * @returns a new array, or out
 */
export function greaterEqual(x1: Operand, x2: Operand, opts?: UfuncOptions): NDArray { return run('greaterEqual', [x1, x2], opts) }
/**
 * Truth of `x1 AND x2` as a bool array (NumPy's `logical_and`).
 *
 * @param x1 - an array or a JS scalar (a weak scalar under NEP 50)
 * @param x2 - an array or a JS scalar; broadcast against x1 (and out)
 * @param opts - out, dtype, overlap: see {@link UfuncOptions}
 * @returns a new array, or out
 */
export function logicalAnd(x1: Operand, x2: Operand, opts?: UfuncOptions): NDArray { return run('logicalAnd', [x1, x2], opts) }
/**
 * Truth of `x1 OR x2` as a bool array (NumPy's `logical_or`).
 *
 * @param x1 - an array or a JS scalar (a weak scalar under NEP 50)
 * @param x2 - an array or a JS scalar; broadcast against x1 (and out)
 * @param opts - out, dtype, overlap: see {@link UfuncOptions}
 * @returns a new array, or out
 */
export function logicalOr(x1: Operand, x2: Operand, opts?: UfuncOptions): NDArray { return run('logicalOr', [x1, x2], opts) }

// ---- unary. sqrt/exp/expm1/log/log1p/sin/cos/tan/tanh/rint of bool/int8/uint8 would be float16 in NumPy: they
// throw DTypeError unless { dtype: 'float32' | 'float64' } is given; int16/uint16 → float32, wider ints → float64.
/**
 * Elementwise `-x` (NumPy's `negative`); unsigned integers wrap.
 *
 * @param x - an array or a JS scalar
 * @param opts - out, dtype, overlap: see {@link UfuncOptions}
 * @returns a new array, or out
 */
export function negative(x: Operand, opts?: UfuncOptions): NDArray { return run('negative', [x], opts) }
/**
 * Absolute value (NumPy's `absolute`); the most negative integer stays itself, as in NumPy.
 *
 * @param x - an array or a JS scalar
 * @param opts - out, dtype, overlap: see {@link UfuncOptions}
 * @returns a new array, or out
 */
export function abs(x: Operand, opts?: UfuncOptions): NDArray { return run('abs', [x], opts) }
/**
 * Square root (NumPy's `sqrt`); NaN for negative floats.
 *
 * @param x - an array or a JS scalar
 * @param opts - out, dtype, overlap: see {@link UfuncOptions}
 * @returns a new array, or out
 */
export function sqrt(x: Operand, opts?: UfuncOptions): NDArray { return run('sqrt', [x], opts) }
/**
 * `x * x` (NumPy's `square`).
 *
 * @param x - an array or a JS scalar
 * @param opts - out, dtype, overlap: see {@link UfuncOptions}
 * @returns a new array, or out
 */
export function square(x: Operand, opts?: UfuncOptions): NDArray { return run('square', [x], opts) }
/**
 * Exponential `e ** x` (NumPy's `exp`).
 *
 * @param x - an array or a JS scalar
 * @param opts - out, dtype, overlap: see {@link UfuncOptions}
 * @returns a new array, or out
 */
export function exp(x: Operand, opts?: UfuncOptions): NDArray { return run('exp', [x], opts) }
/**
 * `exp(x) - 1`, accurate near 0 (NumPy's `expm1`).
 *
 * @param x - an array or a JS scalar
 * @param opts - out, dtype, overlap: see {@link UfuncOptions}
 * @returns a new array, or out
 */
export function expm1(x: Operand, opts?: UfuncOptions): NDArray { return run('expm1', [x], opts) }
/**
 * Natural logarithm (NumPy's `log`): -inf at 0, NaN below.
 *
 * @param x - an array or a JS scalar
 * @param opts - out, dtype, overlap: see {@link UfuncOptions}
 * @returns a new array, or out
 */
export function log(x: Operand, opts?: UfuncOptions): NDArray { return run('log', [x], opts) }
/**
 * `log(1 + x)`, accurate near 0 (NumPy's `log1p`).
 *
 * @param x - an array or a JS scalar
 * @param opts - out, dtype, overlap: see {@link UfuncOptions}
 * @returns a new array, or out
 */
export function log1p(x: Operand, opts?: UfuncOptions): NDArray { return run('log1p', [x], opts) }
/**
 * Sine, in radians (NumPy's `sin`).
 *
 * @param x - an array or a JS scalar
 * @param opts - out, dtype, overlap: see {@link UfuncOptions}
 * @returns a new array, or out
 */
export function sin(x: Operand, opts?: UfuncOptions): NDArray { return run('sin', [x], opts) }
/**
 * Cosine, in radians (NumPy's `cos`).
 *
 * @param x - an array or a JS scalar
 * @param opts - out, dtype, overlap: see {@link UfuncOptions}
 * @returns a new array, or out
 */
export function cos(x: Operand, opts?: UfuncOptions): NDArray { return run('cos', [x], opts) }
/**
 * Tangent, in radians (NumPy's `tan`).
 *
 * @param x - an array or a JS scalar
 * @param opts - out, dtype, overlap: see {@link UfuncOptions}
 * @returns a new array, or out
 */
export function tan(x: Operand, opts?: UfuncOptions): NDArray { return run('tan', [x], opts) }
/**
 * Hyperbolic tangent (NumPy's `tanh`).
 *
 * @param x - an array or a JS scalar
 * @param opts - out, dtype, overlap: see {@link UfuncOptions}
 * @returns a new array, or out
 */
export function tanh(x: Operand, opts?: UfuncOptions): NDArray { return run('tanh', [x], opts) }
/**
 * Largest integer not above x (NumPy's `floor`); integers pass through.
 *
 * @param x - an array or a JS scalar
 * @param opts - out, dtype, overlap: see {@link UfuncOptions}
 * @returns a new array, or out
 */
export function floor(x: Operand, opts?: UfuncOptions): NDArray { return run('floor', [x], opts) }
/**
 * Smallest integer not below x (NumPy's `ceil`); integers pass through.
 *
 * @param x - an array or a JS scalar
 * @param opts - out, dtype, overlap: see {@link UfuncOptions}
 * @returns a new array, or out
 */
export function ceil(x: Operand, opts?: UfuncOptions): NDArray { return run('ceil', [x], opts) }
/**
 * Round to the nearest integer, halves to even (NumPy's `rint`).
 *
 * @param x - an array or a JS scalar
 * @param opts - out, dtype, overlap: see {@link UfuncOptions}
 * @returns a new array, or out
 */
export function rint(x: Operand, opts?: UfuncOptions): NDArray { return run('rint', [x], opts) }
/**
 * -1, 0 or 1 by the sign of x, NaN for NaN (NumPy's `sign`).
 *
 * @param x - an array or a JS scalar
 * @param opts - out, dtype, overlap: see {@link UfuncOptions}
 * @returns a new array, or out
 */
export function sign(x: Operand, opts?: UfuncOptions): NDArray { return run('sign', [x], opts) }
/**
 * Truth of `NOT x` as a bool array (NumPy's `logical_not`).
 *
 * @param x - an array or a JS scalar
 * @param opts - out, dtype, overlap: see {@link UfuncOptions}
 * @returns a new array, or out
 */
export function logicalNot(x: Operand, opts?: UfuncOptions): NDArray { return run('logicalNot', [x], opts) }

// ---- selection
/**
 * NumPy's one-argument `where(cond)`: the indices of cond's non-zero elements, one int64 array per axis, as
 * {@link nonzero} gives them.
 *
 * @param cond - the condition (an array, or nested JS arrays)
 * @returns one int64 index array per axis of cond
 * @throws {@link ValueError} for a 0-d condition (NumPy 2 refuses nonzero of 0-d arrays)
 */
export function where(cond: Parameters<typeof nonzero>[0]): NDArray[]
/**
 * NumPy's `where(cond, x, y)`: x where cond is true (non-zero, NaN counts as true), else y; broadcasting. The result dtype
 * is the NEP 50 promotion of x and y; like NumPy, Python-int scalars are converted C-style (wrapping) into it.
 * Accepts { out, overlap } (not in NumPy) but no dtype.
 *
 * @param cond - the condition, broadcast with x and y
 * @param x - values where cond holds
 * @param y - values elsewhere
 * @param opts - out, overlap
 * @returns a new array, or out
 */
export function where(cond: Operand, x: Operand, y: Operand, opts?: Omit<UfuncOptions, 'dtype'>): NDArray
export function where(cond: Operand | Parameters<typeof nonzero>[0], x?: Operand, y?: Operand, opts?: Omit<UfuncOptions, 'dtype'>): NDArray | NDArray[] {
  if (x === undefined && y === undefined && opts === undefined) return nonzero(cond as Parameters<typeof nonzero>[0])
  if (x === undefined || y === undefined) throw new ValueError('where: either both or neither of x and y should be given')
  return run('where', [cond as Operand, x, y], opts)
}

/**
 * np.clip (NumPy 2): minimum(maximum(a, lo), hi), NaN in any operand propagates. lo/hi may be null (no bound);
 * for an integer array a Python-int bound beyond the dtype's range is ignored, as NumPy's wrapper does.
 *
 * @param a - the values
 * @param lo - the lower bound, or null
 * @param hi - the upper bound, or null
 * @param opts - out, dtype, overlap
 * @returns a new array, or out
 */
export function clip(a: Operand, lo: Operand | null, hi: Operand | null, opts?: UfuncOptions): NDArray {
  return run('clip', [a, lo, hi], opts)
}

// ---- second batch (unary). Float-only functions follow the rule above: bool/int8/uint8 inputs would be float16 in
// NumPy and throw DTypeError unless { dtype: 'float32' | 'float64' } is given.

/**
 * Whether x is NaN, as a bool array (NumPy's `isnan`); integers and bools are never NaN.
 *
 * @param x - an array or a JS scalar
 * @param opts - out, dtype, overlap, where: see {@link UfuncOptions}
 * @returns a new array, or out
 * @throws {@link DTypeError} when no loop matches the dtype option or out cannot hold the result
 * @throws {@link ShapeError} when the inputs, where= and out do not broadcast; {@link OverlapError} when out overlaps an input
 */
export function isnan(x: Operand, opts?: UfuncOptions): NDArray { return run('isnan', [x], opts) }
/**
 * Whether x is +inf or -inf, as a bool array (NumPy's `isinf`); false for integers and bools.
 *
 * @param x - an array or a JS scalar
 * @param opts - out, dtype, overlap, where: see {@link UfuncOptions}
 * @returns a new array, or out
 * @throws {@link DTypeError} when no loop matches the dtype option or out cannot hold the result
 * @throws {@link ShapeError} when the inputs, where= and out do not broadcast; {@link OverlapError} when out overlaps an input
 */
export function isinf(x: Operand, opts?: UfuncOptions): NDArray { return run('isinf', [x], opts) }
/**
 * Whether x is neither infinite nor NaN, as a bool array (NumPy's `isfinite`); true for integers and bools.
 *
 * @param x - an array or a JS scalar
 * @param opts - out, dtype, overlap, where: see {@link UfuncOptions}
 * @returns a new array, or out
 * @throws {@link DTypeError} when no loop matches the dtype option or out cannot hold the result
 * @throws {@link ShapeError} when the inputs, where= and out do not broadcast; {@link OverlapError} when out overlaps an input
 */
export function isfinite(x: Operand, opts?: UfuncOptions): NDArray { return run('isfinite', [x], opts) }
/**
 * Whether the sign bit of x is set, as a bool array (NumPy's `signbit`): true for -0.0 and for NaNs with the sign bit; integers: x < 0.
 *
 * @param x - an array or a JS scalar
 * @param opts - out, dtype, overlap, where: see {@link UfuncOptions}
 * @returns a new array, or out
 * @throws {@link DTypeError} when no loop matches the dtype option or out cannot hold the result
 * @throws {@link ShapeError} when the inputs, where= and out do not broadcast; {@link OverlapError} when out overlaps an input
 */
export function signbit(x: Operand, opts?: UfuncOptions): NDArray { return run('signbit', [x], opts) }
/**
 * Round toward zero (NumPy's `trunc`); integers and bools pass through with their dtype.
 *
 * @param x - an array or a JS scalar
 * @param opts - out, dtype, overlap, where: see {@link UfuncOptions}
 * @returns a new array, or out
 * @throws {@link DTypeError} when no loop matches the dtype option or out cannot hold the result
 * @throws {@link ShapeError} when the inputs, where= and out do not broadcast; {@link OverlapError} when out overlaps an input
 */
export function trunc(x: Operand, opts?: UfuncOptions): NDArray { return run('trunc', [x], opts) }
/**
 * Round toward zero (NumPy's `fix`: ceil below 0, floor above); the same values as trunc, and integers keep their dtype.
 *
 * @param x - an array or a JS scalar
 * @param opts - out, dtype, overlap, where: see {@link UfuncOptions}
 * @returns a new array, or out
 * @throws {@link DTypeError} when no loop matches the dtype option or out cannot hold the result
 * @throws {@link ShapeError} when the inputs, where= and out do not broadcast; {@link OverlapError} when out overlaps an input
 */
export function fix(x: Operand, opts?: UfuncOptions): NDArray { return run('fix', [x], opts) }
/**
 * `1 / x` (NumPy's `reciprocal`): integers stay integers (C's `1.0 / x` converted: 0 for |x| > 1; x = 0 gives 0, or the most negative value for int32/int64, as NumPy on x86-64); bool gives int8.
 *
 * @param x - an array or a JS scalar
 * @param opts - out, dtype, overlap, where: see {@link UfuncOptions}
 * @returns a new array, or out
 * @throws {@link DTypeError} when no loop matches the dtype option or out cannot hold the result
 * @throws {@link ShapeError} when the inputs, where= and out do not broadcast; {@link OverlapError} when out overlaps an input
 */
export function reciprocal(x: Operand, opts?: UfuncOptions): NDArray { return run('reciprocal', [x], opts) }
/**
 * Bitwise NOT `~x` of integers (NumPy's `invert`/`bitwise_not`); for bools it is the logical not.
 *
 * @param x - an array or a JS scalar
 * @param opts - out, dtype, overlap, where: see {@link UfuncOptions}
 * @returns a new array, or out
 * @throws {@link DTypeError} for float inputs (no loop in NumPy) or a dtype/out that cannot be cast to
 * @throws {@link ShapeError} when the inputs, where= and out do not broadcast; {@link OverlapError} when out overlaps an input
 */
export function invert(x: Operand, opts?: UfuncOptions): NDArray { return run('invert', [x], opts) }
/**
 * Hyperbolic sine (NumPy's `sinh`).
 *
 * @param x - an array or a JS scalar
 * @param opts - out, dtype, overlap, where: see {@link UfuncOptions}
 * @returns a new array, or out
 * @throws {@link DTypeError} for bool/int8/uint8 inputs without a float `dtype` (NumPy's float16 loop), or a dtype/out that cannot be cast to
 * @throws {@link ShapeError} when the inputs, where= and out do not broadcast; {@link OverlapError} when out overlaps an input
 */
export function sinh(x: Operand, opts?: UfuncOptions): NDArray { return run('sinh', [x], opts) }
/**
 * Hyperbolic cosine (NumPy's `cosh`).
 *
 * @param x - an array or a JS scalar
 * @param opts - out, dtype, overlap, where: see {@link UfuncOptions}
 * @returns a new array, or out
 * @throws {@link DTypeError} for bool/int8/uint8 inputs without a float `dtype` (NumPy's float16 loop), or a dtype/out that cannot be cast to
 * @throws {@link ShapeError} when the inputs, where= and out do not broadcast; {@link OverlapError} when out overlaps an input
 */
export function cosh(x: Operand, opts?: UfuncOptions): NDArray { return run('cosh', [x], opts) }
/**
 * Inverse sine, in radians (NumPy's `arcsin`); NaN outside [-1, 1].
 *
 * @param x - an array or a JS scalar
 * @param opts - out, dtype, overlap, where: see {@link UfuncOptions}
 * @returns a new array, or out
 * @throws {@link DTypeError} for bool/int8/uint8 inputs without a float `dtype` (NumPy's float16 loop), or a dtype/out that cannot be cast to
 * @throws {@link ShapeError} when the inputs, where= and out do not broadcast; {@link OverlapError} when out overlaps an input
 */
export function arcsin(x: Operand, opts?: UfuncOptions): NDArray { return run('arcsin', [x], opts) }
/**
 * Inverse cosine, in radians (NumPy's `arccos`); NaN outside [-1, 1].
 *
 * @param x - an array or a JS scalar
 * @param opts - out, dtype, overlap, where: see {@link UfuncOptions}
 * @returns a new array, or out
 * @throws {@link DTypeError} for bool/int8/uint8 inputs without a float `dtype` (NumPy's float16 loop), or a dtype/out that cannot be cast to
 * @throws {@link ShapeError} when the inputs, where= and out do not broadcast; {@link OverlapError} when out overlaps an input
 */
export function arccos(x: Operand, opts?: UfuncOptions): NDArray { return run('arccos', [x], opts) }
/**
 * Inverse tangent, in radians (NumPy's `arctan`).
 *
 * @param x - an array or a JS scalar
 * @param opts - out, dtype, overlap, where: see {@link UfuncOptions}
 * @returns a new array, or out
 * @throws {@link DTypeError} for bool/int8/uint8 inputs without a float `dtype` (NumPy's float16 loop), or a dtype/out that cannot be cast to
 * @throws {@link ShapeError} when the inputs, where= and out do not broadcast; {@link OverlapError} when out overlaps an input
 */
export function arctan(x: Operand, opts?: UfuncOptions): NDArray { return run('arctan', [x], opts) }
/**
 * Inverse hyperbolic sine (NumPy's `arcsinh`).
 *
 * @param x - an array or a JS scalar
 * @param opts - out, dtype, overlap, where: see {@link UfuncOptions}
 * @returns a new array, or out
 * @throws {@link DTypeError} for bool/int8/uint8 inputs without a float `dtype` (NumPy's float16 loop), or a dtype/out that cannot be cast to
 * @throws {@link ShapeError} when the inputs, where= and out do not broadcast; {@link OverlapError} when out overlaps an input
 */
export function arcsinh(x: Operand, opts?: UfuncOptions): NDArray { return run('arcsinh', [x], opts) }
/**
 * Inverse hyperbolic cosine (NumPy's `arccosh`); NaN below 1.
 *
 * @param x - an array or a JS scalar
 * @param opts - out, dtype, overlap, where: see {@link UfuncOptions}
 * @returns a new array, or out
 * @throws {@link DTypeError} for bool/int8/uint8 inputs without a float `dtype` (NumPy's float16 loop), or a dtype/out that cannot be cast to
 * @throws {@link ShapeError} when the inputs, where= and out do not broadcast; {@link OverlapError} when out overlaps an input
 */
export function arccosh(x: Operand, opts?: UfuncOptions): NDArray { return run('arccosh', [x], opts) }
/**
 * Inverse hyperbolic tangent (NumPy's `arctanh`); ±inf at ±1, NaN beyond.
 *
 * @param x - an array or a JS scalar
 * @param opts - out, dtype, overlap, where: see {@link UfuncOptions}
 * @returns a new array, or out
 * @throws {@link DTypeError} for bool/int8/uint8 inputs without a float `dtype` (NumPy's float16 loop), or a dtype/out that cannot be cast to
 * @throws {@link ShapeError} when the inputs, where= and out do not broadcast; {@link OverlapError} when out overlaps an input
 */
export function arctanh(x: Operand, opts?: UfuncOptions): NDArray { return run('arctanh', [x], opts) }
/**
 * `2 ** x` (NumPy's `exp2`).
 *
 * @param x - an array or a JS scalar
 * @param opts - out, dtype, overlap, where: see {@link UfuncOptions}
 * @returns a new array, or out
 * @throws {@link DTypeError} for bool/int8/uint8 inputs without a float `dtype` (NumPy's float16 loop), or a dtype/out that cannot be cast to
 * @throws {@link ShapeError} when the inputs, where= and out do not broadcast; {@link OverlapError} when out overlaps an input
 */
export function exp2(x: Operand, opts?: UfuncOptions): NDArray { return run('exp2', [x], opts) }
/**
 * Base-2 logarithm (NumPy's `log2`): -inf at 0, NaN below.
 *
 * @param x - an array or a JS scalar
 * @param opts - out, dtype, overlap, where: see {@link UfuncOptions}
 * @returns a new array, or out
 * @throws {@link DTypeError} for bool/int8/uint8 inputs without a float `dtype` (NumPy's float16 loop), or a dtype/out that cannot be cast to
 * @throws {@link ShapeError} when the inputs, where= and out do not broadcast; {@link OverlapError} when out overlaps an input
 */
export function log2(x: Operand, opts?: UfuncOptions): NDArray { return run('log2', [x], opts) }
/**
 * Base-10 logarithm (NumPy's `log10`): -inf at 0, NaN below.
 *
 * @param x - an array or a JS scalar
 * @param opts - out, dtype, overlap, where: see {@link UfuncOptions}
 * @returns a new array, or out
 * @throws {@link DTypeError} for bool/int8/uint8 inputs without a float `dtype` (NumPy's float16 loop), or a dtype/out that cannot be cast to
 * @throws {@link ShapeError} when the inputs, where= and out do not broadcast; {@link OverlapError} when out overlaps an input
 */
export function log10(x: Operand, opts?: UfuncOptions): NDArray { return run('log10', [x], opts) }
/**
 * Cube root, also of negative numbers (NumPy's `cbrt`).
 *
 * @param x - an array or a JS scalar
 * @param opts - out, dtype, overlap, where: see {@link UfuncOptions}
 * @returns a new array, or out
 * @throws {@link DTypeError} for bool/int8/uint8 inputs without a float `dtype` (NumPy's float16 loop), or a dtype/out that cannot be cast to
 * @throws {@link ShapeError} when the inputs, where= and out do not broadcast; {@link OverlapError} when out overlaps an input
 */
export function cbrt(x: Operand, opts?: UfuncOptions): NDArray { return run('cbrt', [x], opts) }
/**
 * Degrees to radians, `x * (pi / 180)` in the loop's precision (NumPy's `deg2rad`/`radians`).
 *
 * @param x - an array or a JS scalar
 * @param opts - out, dtype, overlap, where: see {@link UfuncOptions}
 * @returns a new array, or out
 * @throws {@link DTypeError} for bool/int8/uint8 inputs without a float `dtype` (NumPy's float16 loop), or a dtype/out that cannot be cast to
 * @throws {@link ShapeError} when the inputs, where= and out do not broadcast; {@link OverlapError} when out overlaps an input
 */
export function deg2rad(x: Operand, opts?: UfuncOptions): NDArray { return run('deg2rad', [x], opts) }
/**
 * Radians to degrees, `x * (180 / pi)` in the loop's precision (NumPy's `rad2deg`/`degrees`).
 *
 * @param x - an array or a JS scalar
 * @param opts - out, dtype, overlap, where: see {@link UfuncOptions}
 * @returns a new array, or out
 * @throws {@link DTypeError} for bool/int8/uint8 inputs without a float `dtype` (NumPy's float16 loop), or a dtype/out that cannot be cast to
 * @throws {@link ShapeError} when the inputs, where= and out do not broadcast; {@link OverlapError} when out overlaps an input
 */
export function rad2deg(x: Operand, opts?: UfuncOptions): NDArray { return run('rad2deg', [x], opts) }
/**
 * `+x`, a copy (NumPy's `positive`); bool inputs have no loop in NumPy and throw.
 *
 * @param x - an array or a JS scalar
 * @param opts - out, dtype, overlap, where: see {@link UfuncOptions}
 * @returns a new array, or out
 * @throws {@link DTypeError} for a bool input, or a dtype/out that cannot be cast to
 * @throws {@link ShapeError} when the inputs, where= and out do not broadcast; {@link OverlapError} when out overlaps an input
 */
export function positive(x: Operand, opts?: UfuncOptions): NDArray { return run('positive', [x], opts) }
/**
 * Complex conjugate (NumPy's `conjugate`/`conj`): for the real dtypes here a copy; bool gives int8, as in NumPy.
 *
 * @param x - an array or a JS scalar
 * @param opts - out, dtype, overlap, where: see {@link UfuncOptions}
 * @returns a new array, or out
 * @throws {@link DTypeError} when no loop matches the dtype option or out cannot hold the result
 * @throws {@link ShapeError} when the inputs, where= and out do not broadcast; {@link OverlapError} when out overlaps an input
 */
export function conjugate(x: Operand, opts?: UfuncOptions): NDArray { return run('conjugate', [x], opts) }
/**
 * Round to the given number of decimals (NumPy's `round`/`around`), exactly as NumPy computes it: multiply by
 * 10**decimals (or divide by 10**-decimals), round half to even (rint), undo, every step in the input's float dtype;
 * integers are copied for decimals >= 0, and for decimals < 0 computed in float64 and cast back to their dtype
 * (NumPy returns the input itself for decimals >= 0; here always a new array, or out). With an `out` of the other
 * float dtype only the first step is in the input's precision and the rest in out's, as NumPy's steps write into out.
 *
 * @param x - an array or a JS scalar
 * @param opts - decimals (default 0), out, overlap, where: see {@link RoundOptions}
 * @returns a new array (float inputs: their dtype; integers: theirs), or out
 * @throws {@link DTypeError} for bool input (float16 in NumPy) or a non-integer decimals
 * @throws {@link ValueError} when a dtype option is given (np.round has none)
 */
export function round(x: Operand, opts?: RoundOptions): NDArray { return run('round', [x], opts) }

// ---- second batch (binary, with broadcasting)
/**
 * `x1 << x2` of integers (NumPy's `left_shift`): a shift count outside [0, bits) gives 0; bools give int8.
 *
 * @param x1 - an array or a JS scalar (a weak scalar under NEP 50)
 * @param x2 - an array or a JS scalar; broadcast against x1 (and out, and where)
 * @param opts - out, dtype, overlap, where: see {@link UfuncOptions}
 * @returns a new array, or out
 * @throws {@link DTypeError} for float inputs (no loop in NumPy) or a dtype/out that cannot be cast to
 * @throws {@link ShapeError} when the inputs, where= and out do not broadcast; {@link OverlapError} when out overlaps an input
 */
export function leftShift(x1: Operand, x2: Operand, opts?: UfuncOptions): NDArray { return run('leftShift', [x1, x2], opts) }
/**
 * `x1 >> x2` of integers, arithmetic for signed types (NumPy's `right_shift`): a shift count outside [0, bits) gives 0, or -1 for a negative x1.
 *
 * @param x1 - an array or a JS scalar (a weak scalar under NEP 50)
 * @param x2 - an array or a JS scalar; broadcast against x1 (and out, and where)
 * @param opts - out, dtype, overlap, where: see {@link UfuncOptions}
 * @returns a new array, or out
 * @throws {@link DTypeError} for float inputs (no loop in NumPy) or a dtype/out that cannot be cast to
 * @throws {@link ShapeError} when the inputs, where= and out do not broadcast; {@link OverlapError} when out overlaps an input
 */
export function rightShift(x1: Operand, x2: Operand, opts?: UfuncOptions): NDArray { return run('rightShift', [x1, x2], opts) }
/**
 * Quadrant-aware `atan(x1 / x2)`, in radians (NumPy's `arctan2`), with C's signed-zero and infinity rules.
 *
 * @param x1 - an array or a JS scalar (a weak scalar under NEP 50)
 * @param x2 - an array or a JS scalar; broadcast against x1 (and out, and where)
 * @param opts - out, dtype, overlap, where: see {@link UfuncOptions}
 * @returns a new array, or out
 * @throws {@link DTypeError} for bool/int8/uint8 inputs without a float `dtype` (NumPy's float16 loop), or a dtype/out that cannot be cast to
 * @throws {@link ShapeError} when the inputs, where= and out do not broadcast; {@link OverlapError} when out overlaps an input
 */
export function arctan2(x1: Operand, x2: Operand, opts?: UfuncOptions): NDArray { return run('arctan2', [x1, x2], opts) }
/**
 * `sqrt(x1**2 + x2**2)` without overflow (NumPy's `hypot`, glibc's algorithm bit for bit); inf if either is infinite, even with NaN.
 *
 * @param x1 - an array or a JS scalar (a weak scalar under NEP 50)
 * @param x2 - an array or a JS scalar; broadcast against x1 (and out, and where)
 * @param opts - out, dtype, overlap, where: see {@link UfuncOptions}
 * @returns a new array, or out
 * @throws {@link DTypeError} for bool/int8/uint8 inputs without a float `dtype` (NumPy's float16 loop), or a dtype/out that cannot be cast to
 * @throws {@link ShapeError} when the inputs, where= and out do not broadcast; {@link OverlapError} when out overlaps an input
 */
export function hypot(x1: Operand, x2: Operand, opts?: UfuncOptions): NDArray { return run('hypot', [x1, x2], opts) }
/**
 * C `fmod`: the remainder with the sign of the dividend x1 (NumPy's `fmod`); integer `x % 0` is 0.
 *
 * @param x1 - an array or a JS scalar (a weak scalar under NEP 50)
 * @param x2 - an array or a JS scalar; broadcast against x1 (and out, and where)
 * @param opts - out, dtype, overlap, where: see {@link UfuncOptions}
 * @returns a new array, or out
 * @throws {@link DTypeError} when no loop matches the dtype option or out cannot hold the result
 * @throws {@link ShapeError} when the inputs, where= and out do not broadcast; {@link OverlapError} when out overlaps an input
 */
export function fmod(x1: Operand, x2: Operand, opts?: UfuncOptions): NDArray { return run('fmod', [x1, x2], opts) }
/**
 * Remainder with the sign of the divisor (NumPy's `remainder`, an alias of {@link mod}); integer `x % 0` is 0.
 *
 * @param x1 - an array or a JS scalar (a weak scalar under NEP 50)
 * @param x2 - an array or a JS scalar; broadcast against x1 (and out, and where)
 * @param opts - out, dtype, overlap, where: see {@link UfuncOptions}
 * @returns a new array, or out
 * @throws {@link DTypeError} when no loop matches the dtype option or out cannot hold the result
 * @throws {@link ShapeError} when the inputs, where= and out do not broadcast; {@link OverlapError} when out overlaps an input
 */
export function remainder(x1: Operand, x2: Operand, opts?: UfuncOptions): NDArray { return run('remainder', [x1, x2], opts) }
/**
 * |x1| with the sign bit of x2 (NumPy's `copysign`; a NaN's sign bit counts).
 *
 * @param x1 - an array or a JS scalar (a weak scalar under NEP 50)
 * @param x2 - an array or a JS scalar; broadcast against x1 (and out, and where)
 * @param opts - out, dtype, overlap, where: see {@link UfuncOptions}
 * @returns a new array, or out
 * @throws {@link DTypeError} for bool/int8/uint8 inputs without a float `dtype` (NumPy's float16 loop), or a dtype/out that cannot be cast to
 * @throws {@link ShapeError} when the inputs, where= and out do not broadcast; {@link OverlapError} when out overlaps an input
 */
export function copysign(x1: Operand, x2: Operand, opts?: UfuncOptions): NDArray { return run('copysign', [x1, x2], opts) }
/**
 * The next representable value after x1 toward x2, in the loop's precision (NumPy's `nextafter`).
 *
 * @param x1 - an array or a JS scalar (a weak scalar under NEP 50)
 * @param x2 - an array or a JS scalar; broadcast against x1 (and out, and where)
 * @param opts - out, dtype, overlap, where: see {@link UfuncOptions}
 * @returns a new array, or out
 * @throws {@link DTypeError} for bool/int8/uint8 inputs without a float `dtype` (NumPy's float16 loop), or a dtype/out that cannot be cast to
 * @throws {@link ShapeError} when the inputs, where= and out do not broadcast; {@link OverlapError} when out overlaps an input
 */
export function nextafter(x1: Operand, x2: Operand, opts?: UfuncOptions): NDArray { return run('nextafter', [x1, x2], opts) }
/**
 * `log(exp(x1) + exp(x2))` without overflow (NumPy's `logaddexp`).
 *
 * @param x1 - an array or a JS scalar (a weak scalar under NEP 50)
 * @param x2 - an array or a JS scalar; broadcast against x1 (and out, and where)
 * @param opts - out, dtype, overlap, where: see {@link UfuncOptions}
 * @returns a new array, or out
 * @throws {@link DTypeError} for bool/int8/uint8 inputs without a float `dtype` (NumPy's float16 loop), or a dtype/out that cannot be cast to
 * @throws {@link ShapeError} when the inputs, where= and out do not broadcast; {@link OverlapError} when out overlaps an input
 */
export function logaddexp(x1: Operand, x2: Operand, opts?: UfuncOptions): NDArray { return run('logaddexp', [x1, x2], opts) }
/**
 * `log2(2**x1 + 2**x2)` without overflow (NumPy's `logaddexp2`).
 *
 * @param x1 - an array or a JS scalar (a weak scalar under NEP 50)
 * @param x2 - an array or a JS scalar; broadcast against x1 (and out, and where)
 * @param opts - out, dtype, overlap, where: see {@link UfuncOptions}
 * @returns a new array, or out
 * @throws {@link DTypeError} for bool/int8/uint8 inputs without a float `dtype` (NumPy's float16 loop), or a dtype/out that cannot be cast to
 * @throws {@link ShapeError} when the inputs, where= and out do not broadcast; {@link OverlapError} when out overlaps an input
 */
export function logaddexp2(x1: Operand, x2: Operand, opts?: UfuncOptions): NDArray { return run('logaddexp2', [x1, x2], opts) }
/**
 * The Heaviside step (NumPy's `heaviside`): 0 where x1 < 0, x2 where x1 == 0, 1 where x1 > 0, NaN for NaN.
 *
 * @param x1 - an array or a JS scalar (a weak scalar under NEP 50)
 * @param x2 - an array or a JS scalar; broadcast against x1 (and out, and where)
 * @param opts - out, dtype, overlap, where: see {@link UfuncOptions}
 * @returns a new array, or out
 * @throws {@link DTypeError} for bool/int8/uint8 inputs without a float `dtype` (NumPy's float16 loop), or a dtype/out that cannot be cast to
 * @throws {@link ShapeError} when the inputs, where= and out do not broadcast; {@link OverlapError} when out overlaps an input
 */
export function heaviside(x1: Operand, x2: Operand, opts?: UfuncOptions): NDArray { return run('heaviside', [x1, x2], opts) }
/**
 * `x1 ** x2` always in float64 (NumPy's `float_power`), whatever the input dtypes; the dtype option accepts only float64.
 *
 * @param x1 - an array or a JS scalar (a weak scalar under NEP 50)
 * @param x2 - an array or a JS scalar; broadcast against x1 (and out, and where)
 * @param opts - out, dtype, overlap, where: see {@link UfuncOptions}
 * @returns a new array, or out
 * @throws {@link DTypeError} when no loop matches the dtype option or out cannot hold the result
 * @throws {@link ShapeError} when the inputs, where= and out do not broadcast; {@link OverlapError} when out overlaps an input
 */
export function floatPower(x1: Operand, x2: Operand, opts?: UfuncOptions): NDArray { return run('floatPower', [x1, x2], opts) }

// ---- comparisons of whole arrays (not ufuncs: compositions of the ufuncs above, as NumPy writes them)

/** Options of {@link isclose} and {@link allclose} (NumPy's keyword arguments). */
export interface IscloseOptions {
  /** Relative tolerance (default 1e-5). */
  rtol?: number
  /** Absolute tolerance (default 1e-8). */
  atol?: number
  /** Whether NaN equals NaN (default false). */
  equalNan?: boolean
}

/** Options of {@link arrayEqual}. */
export interface ArrayEqualOptions {
  /** Whether NaNs in the same positions compare equal (default false). */
  equalNan?: boolean
}

const ISCLOSE_KEYS = ['rtol', 'atol', 'equalNan'] as const

const isFloatArray = (x: Operand): boolean => x instanceof NDArrayClass && (x.dtype === 'float32' || x.dtype === 'float64')

/**
 * Elementwise `|a - b| <= atol + rtol * |b|` (NumPy's `isclose`, step for step: b becomes float, infinities are
 * close only to themselves, NaN only with equalNan). Not symmetric in a and b, as in NumPy.
 *
 * @param a - an array or a JS scalar
 * @param b - an array or a JS scalar (the reference), broadcast against a
 * @param opts - rtol, atol, equalNan: see {@link IscloseOptions}
 * @returns a bool array (0-d for two scalars; NumPy gives a Python bool there)
 * @throws {@link ShapeError} when a and b do not broadcast
 */
export function isclose(a: Operand, b: Operand, opts: IscloseOptions = {}): NDArray {
  checkOptions('isclose', opts, ISCLOSE_KEYS)
  const rtol = opts.rtol ?? 1e-5
  const atol = opts.atol ?? 1e-8
  let x: Operand = a
  let y: Operand = b
  let tol: Operand
  let finiteY: Operand
  if (y instanceof NDArrayClass) {
    // y = asanyarray(y, dtype=result_type(y, 1.))
    if (!isFloatArray(y)) y = y.astype('float64')
    tol = add(atol, multiply(rtol, abs(y)))
    finiteY = isfinite(y)
  } else {
    // a Python int y becomes a Python float: with an integer array x the arithmetic is float64
    y = typeof y === 'bigint' ? Number(y) : typeof y === 'boolean' ? (y ? 1 : 0) : y
    if (x instanceof NDArrayClass && !isFloatArray(x)) x = x.astype('float64')
    tol = atol + rtol * Math.abs(y)
    finiteY = Number.isFinite(y)
  }
  let r = bitwiseOr(bitwiseAnd(lessEqual(abs(subtract(x, y)), tol), finiteY), equal(x, y))
  if (opts.equalNan === true) r = bitwiseOr(r, bitwiseAnd(isnan(x), isnan(y)), { out: r })
  return r
}

/**
 * Whether every element of a is close to b (NumPy's `allclose`: `all(isclose(a, b, ...))`).
 *
 * @param a - an array or a JS scalar
 * @param b - an array or a JS scalar (the reference), broadcast against a
 * @param opts - rtol, atol, equalNan: see {@link IscloseOptions}
 * @returns true when every element is close (also for empty arrays)
 * @throws {@link ShapeError} when a and b do not broadcast
 */
export function allclose(a: Operand, b: Operand, opts: IscloseOptions = {}): boolean {
  checkOptions('allclose', opts, ISCLOSE_KEYS)
  return all(isclose(a, b, opts))
}

const shapeOfOperand = (x: Operand): readonly number[] => (x instanceof NDArrayClass ? x.shape : [])

/**
 * Whether two arrays have the same shape and elements (NumPy's `array_equal`); scalars are 0-d arrays.
 *
 * @param a1 - an array or a JS scalar
 * @param a2 - an array or a JS scalar
 * @param opts - equalNan: NaNs in the same positions count as equal
 * @returns false for different shapes, else whether every element is equal
 * @throws never for shapes or dtypes; only for invalid operands ({@link DTypeError})
 */
export function arrayEqual(a1: Operand, a2: Operand, opts: ArrayEqualOptions = {}): boolean {
  checkOptions('arrayEqual', opts, ['equalNan'])
  const s1 = shapeOfOperand(a1)
  const s2 = shapeOfOperand(a2)
  if (s1.length !== s2.length || s1.some((n, i) => n !== s2[i])) return false
  if (opts.equalNan !== true) return all(equal(a1, a2))
  if (a1 === a2) return true
  // NumPy: isnan(a1) == isnan(a2) everywhere, and the non-NaN elements equal
  return all(bitwiseOr(equal(a1, a2), bitwiseAnd(isnan(a1), isnan(a2))))
}

/**
 * Whether two arrays are equal after broadcasting (NumPy's `array_equiv`): false when they do not broadcast.
 *
 * @param a1 - an array or a JS scalar
 * @param a2 - an array or a JS scalar
 * @returns whether the shapes broadcast and every element pair is equal
 * @throws only for invalid operands ({@link DTypeError})
 */
export function arrayEquiv(a1: Operand, a2: Operand): boolean {
  try {
    broadcastShapeOf([shapeOfOperand(a1), shapeOfOperand(a2)])
  } catch (e) {
    if (e instanceof ShapeError) return false
    throw e
  }
  return all(equal(a1, a2))
}

export type { Operand, UfuncOptions, RoundOptions }
export type { DTypeName }
