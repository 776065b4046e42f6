/**
 * The public synchronous elementwise functions (NumPy names in camelCase). Each is prepareUfunc (validation,
 * promotion, broadcasting, out/overlap checks, temporaries) + runElementwise on the calling thread + finish.
 * Inputs: NDArray | number | bigint | boolean (JS scalars are NumPy's weak Python scalars, see promotion.ts).
 * Options: { out?, overlap?: 'error' | 'copy', dtype? } (see ufunc.ts).
 */
import type { DTypeName } from '../dtype.js'
import { runElementwise } from '../kernels/elementwise.js'
import type { NDArray } from '../ndarray.js'
import { prepareUfunc, type Operand, type UfuncOptions } from './ufunc.js'

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
export function where(cond: Operand, x: Operand, y: Operand, opts?: Omit<UfuncOptions, 'dtype'>): NDArray {
  return run('where', [cond, x, y], opts)
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

export type { Operand, UfuncOptions }
export type { DTypeName }
