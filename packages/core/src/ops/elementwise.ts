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
export function add(x1: Operand, x2: Operand, opts?: UfuncOptions): NDArray { return run('add', [x1, x2], opts) }
export function subtract(x1: Operand, x2: Operand, opts?: UfuncOptions): NDArray { return run('subtract', [x1, x2], opts) }
export function multiply(x1: Operand, x2: Operand, opts?: UfuncOptions): NDArray { return run('multiply', [x1, x2], opts) }
/** True division: ints give float64 (float32 with float32 and ≤16-bit ints), spec §6.2. */
export function divide(x1: Operand, x2: Operand, opts?: UfuncOptions): NDArray { return run('divide', [x1, x2], opts) }
/** Python-style floor division; integer x // 0 is 0. */
export function floorDivide(x1: Operand, x2: Operand, opts?: UfuncOptions): NDArray { return run('floorDivide', [x1, x2], opts) }
/** np.remainder / np.mod: the result has the sign of the divisor; integer x % 0 is 0. */
export function mod(x1: Operand, x2: Operand, opts?: UfuncOptions): NDArray { return run('mod', [x1, x2], opts) }
/** Integer powers wrap; a negative integer exponent throws ValueError as NumPy. */
export function power(x1: Operand, x2: Operand, opts?: UfuncOptions): NDArray { return run('power', [x1, x2], opts) }
/** NaN-propagating elementwise maximum. */
export function maximum(x1: Operand, x2: Operand, opts?: UfuncOptions): NDArray { return run('maximum', [x1, x2], opts) }
/** NaN-propagating elementwise minimum. */
export function minimum(x1: Operand, x2: Operand, opts?: UfuncOptions): NDArray { return run('minimum', [x1, x2], opts) }
export function bitwiseAnd(x1: Operand, x2: Operand, opts?: UfuncOptions): NDArray { return run('bitwiseAnd', [x1, x2], opts) }
export function bitwiseOr(x1: Operand, x2: Operand, opts?: UfuncOptions): NDArray { return run('bitwiseOr', [x1, x2], opts) }
export function bitwiseXor(x1: Operand, x2: Operand, opts?: UfuncOptions): NDArray { return run('bitwiseXor', [x1, x2], opts) }

// ---- comparisons (→ bool); out-of-range Python-int scalars compare mathematically, as in NumPy
export function equal(x1: Operand, x2: Operand, opts?: UfuncOptions): NDArray { return run('equal', [x1, x2], opts) }
export function notEqual(x1: Operand, x2: Operand, opts?: UfuncOptions): NDArray { return run('notEqual', [x1, x2], opts) }
export function less(x1: Operand, x2: Operand, opts?: UfuncOptions): NDArray { return run('less', [x1, x2], opts) }
export function lessEqual(x1: Operand, x2: Operand, opts?: UfuncOptions): NDArray { return run('lessEqual', [x1, x2], opts) }
export function greater(x1: Operand, x2: Operand, opts?: UfuncOptions): NDArray { return run('greater', [x1, x2], opts) }
export function greaterEqual(x1: Operand, x2: Operand, opts?: UfuncOptions): NDArray { return run('greaterEqual', [x1, x2], opts) }
export function logicalAnd(x1: Operand, x2: Operand, opts?: UfuncOptions): NDArray { return run('logicalAnd', [x1, x2], opts) }
export function logicalOr(x1: Operand, x2: Operand, opts?: UfuncOptions): NDArray { return run('logicalOr', [x1, x2], opts) }

// ---- unary. sqrt/exp/expm1/log/log1p/sin/cos/tan/tanh/rint of bool/int8/uint8 would be float16 in NumPy: they
// throw DTypeError unless { dtype: 'float32' | 'float64' } is given; int16/uint16 → float32, wider ints → float64.
export function negative(x: Operand, opts?: UfuncOptions): NDArray { return run('negative', [x], opts) }
export function abs(x: Operand, opts?: UfuncOptions): NDArray { return run('abs', [x], opts) }
export function sqrt(x: Operand, opts?: UfuncOptions): NDArray { return run('sqrt', [x], opts) }
export function square(x: Operand, opts?: UfuncOptions): NDArray { return run('square', [x], opts) }
export function exp(x: Operand, opts?: UfuncOptions): NDArray { return run('exp', [x], opts) }
export function expm1(x: Operand, opts?: UfuncOptions): NDArray { return run('expm1', [x], opts) }
export function log(x: Operand, opts?: UfuncOptions): NDArray { return run('log', [x], opts) }
export function log1p(x: Operand, opts?: UfuncOptions): NDArray { return run('log1p', [x], opts) }
export function sin(x: Operand, opts?: UfuncOptions): NDArray { return run('sin', [x], opts) }
export function cos(x: Operand, opts?: UfuncOptions): NDArray { return run('cos', [x], opts) }
export function tan(x: Operand, opts?: UfuncOptions): NDArray { return run('tan', [x], opts) }
export function tanh(x: Operand, opts?: UfuncOptions): NDArray { return run('tanh', [x], opts) }
export function floor(x: Operand, opts?: UfuncOptions): NDArray { return run('floor', [x], opts) }
export function ceil(x: Operand, opts?: UfuncOptions): NDArray { return run('ceil', [x], opts) }
/** Round half to even. */
export function rint(x: Operand, opts?: UfuncOptions): NDArray { return run('rint', [x], opts) }
export function sign(x: Operand, opts?: UfuncOptions): NDArray { return run('sign', [x], opts) }
export function logicalNot(x: Operand, opts?: UfuncOptions): NDArray { return run('logicalNot', [x], opts) }

// ---- selection
/**
 * np.where(cond, x, y): x where cond is true (non-zero, NaN counts as true), else y; broadcasting. The result dtype
 * is the NEP 50 promotion of x and y; like NumPy, Python-int scalars are converted C-style (wrapping) into it.
 * Accepts { out, overlap } (not in NumPy) but no dtype.
 */
export function where(cond: Operand, x: Operand, y: Operand, opts?: Omit<UfuncOptions, 'dtype'>): NDArray {
  return run('where', [cond, x, y], opts)
}

/**
 * np.clip (NumPy 2): minimum(maximum(a, lo), hi), NaN in any operand propagates. lo/hi may be null (no bound);
 * for an integer array a Python-int bound beyond the dtype's range is ignored, as NumPy's wrapper does.
 */
export function clip(a: Operand, lo: Operand | null, hi: Operand | null, opts?: UfuncOptions): NDArray {
  return run('clip', [a, lo, hi], opts)
}

export type { Operand, UfuncOptions }
export type { DTypeName }
