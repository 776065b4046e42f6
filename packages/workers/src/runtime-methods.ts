/**
 * The op methods of {@link Runtime}: every elementwise function and reduction of @strided/core, with the same
 * arguments and results, as promises. Each is `ufunc(name, ...)` or `reduce(name, ...)`, defined from the op lists
 * in runtime.ts; a check below fails to compile if an op has no declaration here.
 */
import type * as core from '@strided/core'
import type { NDArray, Scalar } from '@strided/core'
import type { BinaryOp, ReductionOp, UnaryOp } from './runtime.js'
import type { ArrayReduceOptions, Operand, ReduceOptions, RoundOptions, ScalarReduceOptions, UfuncOptions } from './options.js'
import type { JobOptions } from './options.js'

/** The op methods of {@link Runtime}, as promises of what the @strided/core functions of the same names return. */
export interface RuntimeMethods {
  /** Elementwise sum `x1 + x2` (NumPy's `add`). On the pool: see {@link core.add | add}. */
  add(x1: Operand, x2: Operand, opts?: UfuncOptions): Promise<NDArray>
  /** Elementwise difference `x1 - x2` (NumPy's `subtract`). On the pool: see {@link core.subtract | subtract}. */
  subtract(x1: Operand, x2: Operand, opts?: UfuncOptions): Promise<NDArray>
  /** Elementwise product `x1 * x2` (NumPy's `multiply`). On the pool: see {@link core.multiply | multiply}. */
  multiply(x1: Operand, x2: Operand, opts?: UfuncOptions): Promise<NDArray>
  /** True division `x1 / x2` (NumPy's `divide`): integers give float64 (float32 with float32 and integers of 16 bits or less). On the pool: see {@link core.divide | divide}. */
  divide(x1: Operand, x2: Operand, opts?: UfuncOptions): Promise<NDArray>
  /** Floor division `x1 // x2` (NumPy's `floor_divide`): rounds toward -infinity; integer `x // 0` is 0. On the pool: see {@link core.floorDivide | floorDivide}. */
  floorDivide(x1: Operand, x2: Operand, opts?: UfuncOptions): Promise<NDArray>
  /** Remainder with the sign of the divisor (NumPy's `mod`/`remainder`, Python's `%`); integer `x % 0` is 0. On the pool: see {@link core.mod | mod}. */
  mod(x1: Operand, x2: Operand, opts?: UfuncOptions): Promise<NDArray>
  /** `x1 ** x2` (NumPy's `power`): integer powers wrap, and a negative integer exponent throws {@link core.ValueError | ValueError}. On the pool: see {@link core.power | power}. */
  power(x1: Operand, x2: Operand, opts?: UfuncOptions): Promise<NDArray>
  /** Elementwise maximum (NumPy's `maximum`); NaN propagates. On the pool: see {@link core.maximum | maximum}. */
  maximum(x1: Operand, x2: Operand, opts?: UfuncOptions): Promise<NDArray>
  /** Elementwise minimum (NumPy's `minimum`); NaN propagates. On the pool: see {@link core.minimum | minimum}. */
  minimum(x1: Operand, x2: Operand, opts?: UfuncOptions): Promise<NDArray>
  /** Bitwise AND `x1 & x2` of integers and bools (NumPy's `bitwise_and`). On the pool: see {@link core.bitwiseAnd | bitwiseAnd}. */
  bitwiseAnd(x1: Operand, x2: Operand, opts?: UfuncOptions): Promise<NDArray>
  /** Bitwise OR `x1 | x2` of integers and bools (NumPy's `bitwise_or`). On the pool: see {@link core.bitwiseOr | bitwiseOr}. */
  bitwiseOr(x1: Operand, x2: Operand, opts?: UfuncOptions): Promise<NDArray>
  /** Bitwise XOR `x1 ^ x2` of integers and bools (NumPy's `bitwise_xor`). On the pool: see {@link core.bitwiseXor | bitwiseXor}. */
  bitwiseXor(x1: Operand, x2: Operand, opts?: UfuncOptions): Promise<NDArray>
  /** `x1 == x2` as a bool array (NumPy's `equal`). On the pool: see {@link core.equal | equal}. */
  equal(x1: Operand, x2: Operand, opts?: UfuncOptions): Promise<NDArray>
  /** `x1 != x2` as a bool array (NumPy's `not_equal`). On the pool: see {@link core.notEqual | notEqual}. */
  notEqual(x1: Operand, x2: Operand, opts?: UfuncOptions): Promise<NDArray>
  /** `x1 < x2` as a bool array (NumPy's `less`). On the pool: see {@link core.less | less}. */
  less(x1: Operand, x2: Operand, opts?: UfuncOptions): Promise<NDArray>
  /** `x1 <= x2` as a bool array (NumPy's `less_equal`). On the pool: see {@link core.lessEqual | lessEqual}. */
  lessEqual(x1: Operand, x2: Operand, opts?: UfuncOptions): Promise<NDArray>
  /** `x1 > x2` as a bool array (NumPy's `greater`). On the pool: see {@link core.greater | greater}. */
  greater(x1: Operand, x2: Operand, opts?: UfuncOptions): Promise<NDArray>
  /** `x1 >= x2` as a bool array (NumPy's `greater_equal`). On the pool: see {@link core.greaterEqual | greaterEqual}. */
  greaterEqual(x1: Operand, x2: Operand, opts?: UfuncOptions): Promise<NDArray>
  /** Truth of `x1 AND x2` as a bool array (NumPy's `logical_and`). On the pool: see {@link core.logicalAnd | logicalAnd}. */
  logicalAnd(x1: Operand, x2: Operand, opts?: UfuncOptions): Promise<NDArray>
  /** Truth of `x1 OR x2` as a bool array (NumPy's `logical_or`). On the pool: see {@link core.logicalOr | logicalOr}. */
  logicalOr(x1: Operand, x2: Operand, opts?: UfuncOptions): Promise<NDArray>
  /** Elementwise `-x` (NumPy's `negative`); unsigned integers wrap. On the pool: see {@link core.negative | negative}. */
  negative(x: Operand, opts?: UfuncOptions): Promise<NDArray>
  /** Absolute value (NumPy's `absolute`); the most negative integer stays itself, as in NumPy. On the pool: see {@link core.abs | abs}. */
  abs(x: Operand, opts?: UfuncOptions): Promise<NDArray>
  /** Square root (NumPy's `sqrt`); NaN for negative floats. On the pool: see {@link core.sqrt | sqrt}. */
  sqrt(x: Operand, opts?: UfuncOptions): Promise<NDArray>
  /** `x * x` (NumPy's `square`). On the pool: see {@link core.square | square}. */
  square(x: Operand, opts?: UfuncOptions): Promise<NDArray>
  /** Exponential `e ** x` (NumPy's `exp`). On the pool: see {@link core.exp | exp}. */
  exp(x: Operand, opts?: UfuncOptions): Promise<NDArray>
  /** `exp(x) - 1`, accurate near 0 (NumPy's `expm1`). On the pool: see {@link core.expm1 | expm1}. */
  expm1(x: Operand, opts?: UfuncOptions): Promise<NDArray>
  /** Natural logarithm (NumPy's `log`): -inf at 0, NaN below. On the pool: see {@link core.log | log}. */
  log(x: Operand, opts?: UfuncOptions): Promise<NDArray>
  /** `log(1 + x)`, accurate near 0 (NumPy's `log1p`). On the pool: see {@link core.log1p | log1p}. */
  log1p(x: Operand, opts?: UfuncOptions): Promise<NDArray>
  /** Sine, in radians (NumPy's `sin`). On the pool: see {@link core.sin | sin}. */
  sin(x: Operand, opts?: UfuncOptions): Promise<NDArray>
  /** Cosine, in radians (NumPy's `cos`). On the pool: see {@link core.cos | cos}. */
  cos(x: Operand, opts?: UfuncOptions): Promise<NDArray>
  /** Tangent, in radians (NumPy's `tan`). On the pool: see {@link core.tan | tan}. */
  tan(x: Operand, opts?: UfuncOptions): Promise<NDArray>
  /** Hyperbolic tangent (NumPy's `tanh`). On the pool: see {@link core.tanh | tanh}. */
  tanh(x: Operand, opts?: UfuncOptions): Promise<NDArray>
  /** Largest integer not above x (NumPy's `floor`); integers pass through. On the pool: see {@link core.floor | floor}. */
  floor(x: Operand, opts?: UfuncOptions): Promise<NDArray>
  /** Smallest integer not below x (NumPy's `ceil`); integers pass through. On the pool: see {@link core.ceil | ceil}. */
  ceil(x: Operand, opts?: UfuncOptions): Promise<NDArray>
  /** Round to the nearest integer, halves to even (NumPy's `rint`). On the pool: see {@link core.rint | rint}. */
  rint(x: Operand, opts?: UfuncOptions): Promise<NDArray>
  /** -1, 0 or 1 by the sign of x, NaN for NaN (NumPy's `sign`). On the pool: see {@link core.sign | sign}. */
  sign(x: Operand, opts?: UfuncOptions): Promise<NDArray>
  /** Truth of `NOT x` as a bool array (NumPy's `logical_not`). On the pool: see {@link core.logicalNot | logicalNot}. */
  logicalNot(x: Operand, opts?: UfuncOptions): Promise<NDArray>
  /** `x1 << x2` of integers (NumPy's `left_shift`): a shift count outside [0, bits) gives 0; bools give int8. On the pool: see {@link core.leftShift | leftShift}. */
  leftShift(x1: Operand, x2: Operand, opts?: UfuncOptions): Promise<NDArray>
  /** `x1 >> x2` of integers, arithmetic for signed types (NumPy's `right_shift`): a shift count outside [0, bits) gives 0, or -1 for a negative x1. On the pool: see {@link core.rightShift | rightShift}. */
  rightShift(x1: Operand, x2: Operand, opts?: UfuncOptions): Promise<NDArray>
  /** Quadrant-aware `atan(x1 / x2)`, in radians (NumPy's `arctan2`), with C's signed-zero and infinity rules. On the pool: see {@link core.arctan2 | arctan2}. */
  arctan2(x1: Operand, x2: Operand, opts?: UfuncOptions): Promise<NDArray>
  /** `sqrt(x1**2 + x2**2)` without overflow (NumPy's `hypot`, glibc's algorithm bit for bit); inf if either is infinite, even with NaN. On the pool: see {@link core.hypot | hypot}. */
  hypot(x1: Operand, x2: Operand, opts?: UfuncOptions): Promise<NDArray>
  /** C `fmod`: the remainder with the sign of the dividend x1 (NumPy's `fmod`); integer `x % 0` is 0. On the pool: see {@link core.fmod | fmod}. */
  fmod(x1: Operand, x2: Operand, opts?: UfuncOptions): Promise<NDArray>
  /** Remainder with the sign of the divisor (NumPy's `remainder`, an alias of {@link mod}); integer `x % 0` is 0. On the pool: see {@link core.remainder | remainder}. */
  remainder(x1: Operand, x2: Operand, opts?: UfuncOptions): Promise<NDArray>
  /** |x1| with the sign bit of x2 (NumPy's `copysign`; a NaN's sign bit counts). On the pool: see {@link core.copysign | copysign}. */
  copysign(x1: Operand, x2: Operand, opts?: UfuncOptions): Promise<NDArray>
  /** The next representable value after x1 toward x2, in the loop's precision (NumPy's `nextafter`). On the pool: see {@link core.nextafter | nextafter}. */
  nextafter(x1: Operand, x2: Operand, opts?: UfuncOptions): Promise<NDArray>
  /** `log(exp(x1) + exp(x2))` without overflow (NumPy's `logaddexp`). On the pool: see {@link core.logaddexp | logaddexp}. */
  logaddexp(x1: Operand, x2: Operand, opts?: UfuncOptions): Promise<NDArray>
  /** `log2(2**x1 + 2**x2)` without overflow (NumPy's `logaddexp2`). On the pool: see {@link core.logaddexp2 | logaddexp2}. */
  logaddexp2(x1: Operand, x2: Operand, opts?: UfuncOptions): Promise<NDArray>
  /** The Heaviside step (NumPy's `heaviside`): 0 where x1 < 0, x2 where x1 == 0, 1 where x1 > 0, NaN for NaN. On the pool: see {@link core.heaviside | heaviside}. */
  heaviside(x1: Operand, x2: Operand, opts?: UfuncOptions): Promise<NDArray>
  /** `x1 ** x2` always in float64 (NumPy's `float_power`), whatever the input dtypes; the dtype option accepts only float64. On the pool: see {@link core.floatPower | floatPower}. */
  floatPower(x1: Operand, x2: Operand, opts?: UfuncOptions): Promise<NDArray>
  /** Whether x is NaN, as a bool array (NumPy's `isnan`); integers and bools are never NaN. On the pool: see {@link core.isnan | isnan}. */
  isnan(x: Operand, opts?: UfuncOptions): Promise<NDArray>
  /** Whether x is +inf or -inf, as a bool array (NumPy's `isinf`); false for integers and bools. On the pool: see {@link core.isinf | isinf}. */
  isinf(x: Operand, opts?: UfuncOptions): Promise<NDArray>
  /** Whether x is neither infinite nor NaN, as a bool array (NumPy's `isfinite`); true for integers and bools. On the pool: see {@link core.isfinite | isfinite}. */
  isfinite(x: Operand, opts?: UfuncOptions): Promise<NDArray>
  /** Whether the sign bit of x is set, as a bool array (NumPy's `signbit`): true for -0.0 and for NaNs with the sign bit; integers: x < 0. On the pool: see {@link core.signbit | signbit}. */
  signbit(x: Operand, opts?: UfuncOptions): Promise<NDArray>
  /** Round toward zero (NumPy's `trunc`); integers and bools pass through with their dtype. On the pool: see {@link core.trunc | trunc}. */
  trunc(x: Operand, opts?: UfuncOptions): Promise<NDArray>
  /** Round toward zero (NumPy's `fix`: ceil below 0, floor above); the same values as trunc, and integers keep their dtype. On the pool: see {@link core.fix | fix}. */
  fix(x: Operand, opts?: UfuncOptions): Promise<NDArray>
  /** `1 / x` (NumPy's `reciprocal`): integers stay integers (C's `1.0 / x` converted: 0 for |x| > 1; x = 0 gives 0, or the most negative value for int32/int64, as NumPy on x86-64); bool gives int8. On the pool: see {@link core.reciprocal | reciprocal}. */
  reciprocal(x: Operand, opts?: UfuncOptions): Promise<NDArray>
  /** Bitwise NOT `~x` of integers (NumPy's `invert`/`bitwise_not`); for bools it is the logical not. On the pool: see {@link core.invert | invert}. */
  invert(x: Operand, opts?: UfuncOptions): Promise<NDArray>
  /** Hyperbolic sine (NumPy's `sinh`). On the pool: see {@link core.sinh | sinh}. */
  sinh(x: Operand, opts?: UfuncOptions): Promise<NDArray>
  /** Hyperbolic cosine (NumPy's `cosh`). On the pool: see {@link core.cosh | cosh}. */
  cosh(x: Operand, opts?: UfuncOptions): Promise<NDArray>
  /** Inverse sine, in radians (NumPy's `arcsin`); NaN outside [-1, 1]. On the pool: see {@link core.arcsin | arcsin}. */
  arcsin(x: Operand, opts?: UfuncOptions): Promise<NDArray>
  /** Inverse cosine, in radians (NumPy's `arccos`); NaN outside [-1, 1]. On the pool: see {@link core.arccos | arccos}. */
  arccos(x: Operand, opts?: UfuncOptions): Promise<NDArray>
  /** Inverse tangent, in radians (NumPy's `arctan`). On the pool: see {@link core.arctan | arctan}. */
  arctan(x: Operand, opts?: UfuncOptions): Promise<NDArray>
  /** Inverse hyperbolic sine (NumPy's `arcsinh`). On the pool: see {@link core.arcsinh | arcsinh}. */
  arcsinh(x: Operand, opts?: UfuncOptions): Promise<NDArray>
  /** Inverse hyperbolic cosine (NumPy's `arccosh`); NaN below 1. On the pool: see {@link core.arccosh | arccosh}. */
  arccosh(x: Operand, opts?: UfuncOptions): Promise<NDArray>
  /** Inverse hyperbolic tangent (NumPy's `arctanh`); ±inf at ±1, NaN beyond. On the pool: see {@link core.arctanh | arctanh}. */
  arctanh(x: Operand, opts?: UfuncOptions): Promise<NDArray>
  /** `2 ** x` (NumPy's `exp2`). On the pool: see {@link core.exp2 | exp2}. */
  exp2(x: Operand, opts?: UfuncOptions): Promise<NDArray>
  /** Base-2 logarithm (NumPy's `log2`): -inf at 0, NaN below. On the pool: see {@link core.log2 | log2}. */
  log2(x: Operand, opts?: UfuncOptions): Promise<NDArray>
  /** Base-10 logarithm (NumPy's `log10`): -inf at 0, NaN below. On the pool: see {@link core.log10 | log10}. */
  log10(x: Operand, opts?: UfuncOptions): Promise<NDArray>
  /** Cube root, also of negative numbers (NumPy's `cbrt`). On the pool: see {@link core.cbrt | cbrt}. */
  cbrt(x: Operand, opts?: UfuncOptions): Promise<NDArray>
  /** Degrees to radians, `x * (pi / 180)` in the loop's precision (NumPy's `deg2rad`/`radians`). On the pool: see {@link core.deg2rad | deg2rad}. */
  deg2rad(x: Operand, opts?: UfuncOptions): Promise<NDArray>
  /** Radians to degrees, `x * (180 / pi)` in the loop's precision (NumPy's `rad2deg`/`degrees`). On the pool: see {@link core.rad2deg | rad2deg}. */
  rad2deg(x: Operand, opts?: UfuncOptions): Promise<NDArray>
  /** `+x`, a copy (NumPy's `positive`); bool inputs have no loop in NumPy and throw. On the pool: see {@link core.positive | positive}. */
  positive(x: Operand, opts?: UfuncOptions): Promise<NDArray>
  /** Complex conjugate (NumPy's `conjugate`/`conj`): for the real dtypes here a copy; bool gives int8, as in NumPy. On the pool: see {@link core.conjugate | conjugate}. */
  conjugate(x: Operand, opts?: UfuncOptions): Promise<NDArray>
  /** Round to the given number of decimals, exactly as NumPy's `round` computes it. On the pool: see {@link core.round | round}. */
  round(x: Operand, opts?: RoundOptions): Promise<NDArray>
  /** {@link core.sum | sum} on the pool: a JS scalar when every axis is reduced and neither keepdims nor out is given. */
  sum(a: NDArray, opts?: ScalarReduceOptions): Promise<number | bigint>
  /** {@link core.sum | sum} on the pool: an NDArray, since an axis, keepdims or out was given. */
  sum(a: NDArray, opts: ArrayReduceOptions): Promise<NDArray>
  /** {@link core.sum | sum} on the pool, with options known only at run time. */
  sum(a: NDArray, opts?: ReduceOptions): Promise<NDArray | number | bigint>
  /** {@link core.prod | prod} on the pool: a JS scalar when every axis is reduced and neither keepdims nor out is given. */
  prod(a: NDArray, opts?: ScalarReduceOptions): Promise<number | bigint>
  /** {@link core.prod | prod} on the pool: an NDArray, since an axis, keepdims or out was given. */
  prod(a: NDArray, opts: ArrayReduceOptions): Promise<NDArray>
  /** {@link core.prod | prod} on the pool, with options known only at run time. */
  prod(a: NDArray, opts?: ReduceOptions): Promise<NDArray | number | bigint>
  /** {@link core.min | min} on the pool: a JS scalar when every axis is reduced and neither keepdims nor out is given. */
  min(a: NDArray, opts?: ScalarReduceOptions): Promise<Scalar>
  /** {@link core.min | min} on the pool: an NDArray, since an axis, keepdims or out was given. */
  min(a: NDArray, opts: ArrayReduceOptions): Promise<NDArray>
  /** {@link core.min | min} on the pool, with options known only at run time. */
  min(a: NDArray, opts?: ReduceOptions): Promise<NDArray | Scalar>
  /** {@link core.max | max} on the pool: a JS scalar when every axis is reduced and neither keepdims nor out is given. */
  max(a: NDArray, opts?: ScalarReduceOptions): Promise<Scalar>
  /** {@link core.max | max} on the pool: an NDArray, since an axis, keepdims or out was given. */
  max(a: NDArray, opts: ArrayReduceOptions): Promise<NDArray>
  /** {@link core.max | max} on the pool, with options known only at run time. */
  max(a: NDArray, opts?: ReduceOptions): Promise<NDArray | Scalar>
  /** {@link core.mean | mean} on the pool: a JS scalar when every axis is reduced and neither keepdims nor out is given. */
  mean(a: NDArray, opts?: ScalarReduceOptions): Promise<number>
  /** {@link core.mean | mean} on the pool: an NDArray, since an axis, keepdims or out was given. */
  mean(a: NDArray, opts: ArrayReduceOptions): Promise<NDArray>
  /** {@link core.mean | mean} on the pool, with options known only at run time. */
  mean(a: NDArray, opts?: ReduceOptions): Promise<NDArray | number>
  /** {@link core.var | var} on the pool: a JS scalar when every axis is reduced and neither keepdims nor out is given. */
  var(a: NDArray, opts?: ScalarReduceOptions): Promise<number>
  /** {@link core.var | var} on the pool: an NDArray, since an axis, keepdims or out was given. */
  var(a: NDArray, opts: ArrayReduceOptions): Promise<NDArray>
  /** {@link core.var | var} on the pool, with options known only at run time. */
  var(a: NDArray, opts?: ReduceOptions): Promise<NDArray | number>
  /** {@link core.std | std} on the pool: a JS scalar when every axis is reduced and neither keepdims nor out is given. */
  std(a: NDArray, opts?: ScalarReduceOptions): Promise<number>
  /** {@link core.std | std} on the pool: an NDArray, since an axis, keepdims or out was given. */
  std(a: NDArray, opts: ArrayReduceOptions): Promise<NDArray>
  /** {@link core.std | std} on the pool, with options known only at run time. */
  std(a: NDArray, opts?: ReduceOptions): Promise<NDArray | number>
  /** {@link core.argmin | argmin} on the pool: a JS scalar when every axis is reduced and neither keepdims nor out is given. */
  argmin(a: NDArray, opts?: ScalarReduceOptions): Promise<number>
  /** {@link core.argmin | argmin} on the pool: an NDArray, since an axis, keepdims or out was given. */
  argmin(a: NDArray, opts: ArrayReduceOptions): Promise<NDArray>
  /** {@link core.argmin | argmin} on the pool, with options known only at run time. */
  argmin(a: NDArray, opts?: ReduceOptions): Promise<NDArray | number>
  /** {@link core.argmax | argmax} on the pool: a JS scalar when every axis is reduced and neither keepdims nor out is given. */
  argmax(a: NDArray, opts?: ScalarReduceOptions): Promise<number>
  /** {@link core.argmax | argmax} on the pool: an NDArray, since an axis, keepdims or out was given. */
  argmax(a: NDArray, opts: ArrayReduceOptions): Promise<NDArray>
  /** {@link core.argmax | argmax} on the pool, with options known only at run time. */
  argmax(a: NDArray, opts?: ReduceOptions): Promise<NDArray | number>
  /** {@link core.any | any} on the pool: a JS scalar when every axis is reduced and neither keepdims nor out is given. */
  any(a: NDArray, opts?: ScalarReduceOptions): Promise<boolean>
  /** {@link core.any | any} on the pool: an NDArray, since an axis, keepdims or out was given. */
  any(a: NDArray, opts: ArrayReduceOptions): Promise<NDArray>
  /** {@link core.any | any} on the pool, with options known only at run time. */
  any(a: NDArray, opts?: ReduceOptions): Promise<NDArray | boolean>
  /** {@link core.all | all} on the pool: a JS scalar when every axis is reduced and neither keepdims nor out is given. */
  all(a: NDArray, opts?: ScalarReduceOptions): Promise<boolean>
  /** {@link core.all | all} on the pool: an NDArray, since an axis, keepdims or out was given. */
  all(a: NDArray, opts: ArrayReduceOptions): Promise<NDArray>
  /** {@link core.all | all} on the pool, with options known only at run time. */
  all(a: NDArray, opts?: ReduceOptions): Promise<NDArray | boolean>
  /** {@link core.nansum | nansum} on the pool (sum with NaN as 0): a JS scalar when every axis is reduced and neither keepdims nor out is given. */
  nansum(a: NDArray, opts?: ScalarReduceOptions): Promise<number | bigint>
  /** {@link core.nansum | nansum} on the pool: an NDArray, since an axis, keepdims or out was given. */
  nansum(a: NDArray, opts: ArrayReduceOptions): Promise<NDArray>
  /** {@link core.nansum | nansum} on the pool, with options known only at run time. */
  nansum(a: NDArray, opts?: ReduceOptions): Promise<NDArray | number | bigint>
  /** {@link core.nanprod | nanprod} on the pool (product with NaN as 1): a JS scalar when every axis is reduced and neither keepdims nor out is given. */
  nanprod(a: NDArray, opts?: ScalarReduceOptions): Promise<number | bigint>
  /** {@link core.nanprod | nanprod} on the pool: an NDArray, since an axis, keepdims or out was given. */
  nanprod(a: NDArray, opts: ArrayReduceOptions): Promise<NDArray>
  /** {@link core.nanprod | nanprod} on the pool, with options known only at run time. */
  nanprod(a: NDArray, opts?: ReduceOptions): Promise<NDArray | number | bigint>
  /** {@link core.nanmean | nanmean} on the pool (mean ignoring NaN): a JS scalar when every axis is reduced and neither keepdims nor out is given. */
  nanmean(a: NDArray, opts?: ScalarReduceOptions): Promise<number>
  /** {@link core.nanmean | nanmean} on the pool: an NDArray, since an axis, keepdims or out was given. */
  nanmean(a: NDArray, opts: ArrayReduceOptions): Promise<NDArray>
  /** {@link core.nanmean | nanmean} on the pool, with options known only at run time. */
  nanmean(a: NDArray, opts?: ReduceOptions): Promise<NDArray | number>
  /** {@link core.nanvar | nanvar} on the pool (variance ignoring NaN): a JS scalar when every axis is reduced and neither keepdims nor out is given. */
  nanvar(a: NDArray, opts?: ScalarReduceOptions): Promise<number>
  /** {@link core.nanvar | nanvar} on the pool: an NDArray, since an axis, keepdims or out was given. */
  nanvar(a: NDArray, opts: ArrayReduceOptions): Promise<NDArray>
  /** {@link core.nanvar | nanvar} on the pool, with options known only at run time. */
  nanvar(a: NDArray, opts?: ReduceOptions): Promise<NDArray | number>
  /** {@link core.nanstd | nanstd} on the pool (standard deviation ignoring NaN): a JS scalar when every axis is reduced and neither keepdims nor out is given. */
  nanstd(a: NDArray, opts?: ScalarReduceOptions): Promise<number>
  /** {@link core.nanstd | nanstd} on the pool: an NDArray, since an axis, keepdims or out was given. */
  nanstd(a: NDArray, opts: ArrayReduceOptions): Promise<NDArray>
  /** {@link core.nanstd | nanstd} on the pool, with options known only at run time. */
  nanstd(a: NDArray, opts?: ReduceOptions): Promise<NDArray | number>
  /** {@link core.nanmin | nanmin} on the pool (minimum ignoring NaN): a JS scalar when every axis is reduced and neither keepdims nor out is given. */
  nanmin(a: NDArray, opts?: ScalarReduceOptions): Promise<Scalar>
  /** {@link core.nanmin | nanmin} on the pool: an NDArray, since an axis, keepdims or out was given. */
  nanmin(a: NDArray, opts: ArrayReduceOptions): Promise<NDArray>
  /** {@link core.nanmin | nanmin} on the pool, with options known only at run time. */
  nanmin(a: NDArray, opts?: ReduceOptions): Promise<NDArray | Scalar>
  /** {@link core.nanmax | nanmax} on the pool (maximum ignoring NaN): a JS scalar when every axis is reduced and neither keepdims nor out is given. */
  nanmax(a: NDArray, opts?: ScalarReduceOptions): Promise<Scalar>
  /** {@link core.nanmax | nanmax} on the pool: an NDArray, since an axis, keepdims or out was given. */
  nanmax(a: NDArray, opts: ArrayReduceOptions): Promise<NDArray>
  /** {@link core.nanmax | nanmax} on the pool, with options known only at run time. */
  nanmax(a: NDArray, opts?: ReduceOptions): Promise<NDArray | Scalar>
  /** {@link core.nanargmin | nanargmin} on the pool (index of the minimum ignoring NaN): a JS scalar when every axis is reduced and neither keepdims nor out is given. */
  nanargmin(a: NDArray, opts?: ScalarReduceOptions): Promise<number>
  /** {@link core.nanargmin | nanargmin} on the pool: an NDArray, since an axis, keepdims or out was given. */
  nanargmin(a: NDArray, opts: ArrayReduceOptions): Promise<NDArray>
  /** {@link core.nanargmin | nanargmin} on the pool, with options known only at run time. */
  nanargmin(a: NDArray, opts?: ReduceOptions): Promise<NDArray | number>
  /** {@link core.nanargmax | nanargmax} on the pool (index of the maximum ignoring NaN): a JS scalar when every axis is reduced and neither keepdims nor out is given. */
  nanargmax(a: NDArray, opts?: ScalarReduceOptions): Promise<number>
  /** {@link core.nanargmax | nanargmax} on the pool: an NDArray, since an axis, keepdims or out was given. */
  nanargmax(a: NDArray, opts: ArrayReduceOptions): Promise<NDArray>
  /** {@link core.nanargmax | nanargmax} on the pool, with options known only at run time. */
  nanargmax(a: NDArray, opts?: ReduceOptions): Promise<NDArray | number>
  /** {@link core.ptp | ptp} on the pool (maximum minus minimum): a JS scalar when every axis is reduced and neither keepdims nor out is given. */
  ptp(a: NDArray, opts?: ScalarReduceOptions): Promise<Scalar>
  /** {@link core.ptp | ptp} on the pool: an NDArray, since an axis, keepdims or out was given. */
  ptp(a: NDArray, opts: ArrayReduceOptions): Promise<NDArray>
  /** {@link core.ptp | ptp} on the pool, with options known only at run time. */
  ptp(a: NDArray, opts?: ReduceOptions): Promise<NDArray | Scalar>
  /** {@link core.countNonzero | countNonzero} on the pool: a number when every axis is counted without keepdims, else an int64 NDArray. */
  countNonzero(a: NDArray, opts?: core.CountNonzeroOptions & JobOptions): Promise<NDArray | number>
  /** {@link core.average | average} on the pool: the (weighted) average, or `[average, sumOfWeights]` with `returned`. */
  average(a: NDArray, opts?: core.AverageOptions & JobOptions): Promise<NDArray | Scalar | [NDArray | Scalar, NDArray | Scalar]>
  /** {@link core.cov | cov} on the pool: the covariance matrix, its product split by output rows. Pass y as null to give options without y. */
  cov(m: core.CovInput, y?: core.CovInput | null, opts?: core.CovOptions & JobOptions): Promise<NDArray>
  /** {@link core.corrcoef | corrcoef} on the pool: the correlation matrix (a number for one variable). */
  corrcoef(x: core.CovInput, y?: core.CovInput | null, opts?: core.CorrcoefOptions & JobOptions): Promise<NDArray | number>
  /** {@link core.partition | partition} on the pool: the lanes along the axis are split across the threads. */
  partition(a: NDArray, kth: number | readonly number[], opts?: core.PartitionOptions & JobOptions): Promise<NDArray>
  /** {@link core.argpartition | argpartition} on the pool: the lanes along the axis are split across the threads. */
  argpartition(a: NDArray, kth: number | readonly number[], opts?: core.PartitionOptions & JobOptions): Promise<NDArray>
  /** {@link core.median | median} on the pool: lanes split across the threads; one long lane uses a parallel radix select. Same bits as inline. */
  median(a: NDArray, opts?: core.MedianOptions & JobOptions): Promise<NDArray | Scalar>
  /** {@link core.nanmedian | nanmedian} on the pool (NaNs ignored), as {@link RuntimeMethods.median | median}. */
  nanmedian(a: NDArray, opts?: core.MedianOptions & JobOptions): Promise<NDArray | Scalar>
  /** {@link core.quantile | quantile} on the pool: lanes split across the threads; one long lane uses a parallel radix select. Same bits as inline. */
  quantile(a: NDArray, q: core.QuantileInput, opts?: core.QuantileOptions & JobOptions): Promise<NDArray | Scalar>
  /** {@link core.percentile | percentile} on the pool, as {@link RuntimeMethods.quantile | quantile}. */
  percentile(a: NDArray, q: core.QuantileInput, opts?: core.QuantileOptions & JobOptions): Promise<NDArray | Scalar>
  /** {@link core.nanquantile | nanquantile} on the pool (NaNs ignored), as {@link RuntimeMethods.quantile | quantile}. */
  nanquantile(a: NDArray, q: core.QuantileInput, opts?: core.QuantileOptions & JobOptions): Promise<NDArray | Scalar>
  /** {@link core.nanpercentile | nanpercentile} on the pool (NaNs ignored), as {@link RuntimeMethods.quantile | quantile}. */
  nanpercentile(a: NDArray, q: core.QuantileInput, opts?: core.QuantileOptions & JobOptions): Promise<NDArray | Scalar>
  /** {@link core.sort | sort} on the pool: groups of lanes per thread; a few long lanes are sorted in runs and merged in parallel. Same bits as inline. */
  sort(a: NDArray, opts?: core.SortOptions & JobOptions): Promise<NDArray>
  /** {@link core.argsort | argsort} on the pool (int64 indices), split as {@link RuntimeMethods.sort | sort}. Same bits as inline. */
  argsort(a: NDArray, opts?: core.SortOptions & JobOptions): Promise<NDArray>
  /** The in-place sort `a.sort(opts)` ({@link core.sortInPlace | sortInPlace}) on the pool; resolves to `a`. Same bits as inline. */
  sortInPlace(a: NDArray, opts?: core.SortOptions & JobOptions): Promise<NDArray>
  /** {@link core.lexsort | lexsort} on the pool (int64 indices, the last key primary): groups of lanes per thread. */
  lexsort(keys: core.LexsortKeys, opts?: core.LexsortOptions & JobOptions): Promise<NDArray>
  /** {@link core.cumsum | cumsum} on the pool: groups of lanes per thread (long integer lanes in blocks, then offsets). Same bits as inline. */
  cumsum(a: NDArray, opts?: core.CumulativeOptions & JobOptions): Promise<NDArray>
  /** {@link core.cumprod | cumprod} on the pool, split as {@link RuntimeMethods.cumsum | cumsum}. Same bits as inline. */
  cumprod(a: NDArray, opts?: core.CumulativeOptions & JobOptions): Promise<NDArray>
  /** {@link core.nancumsum | nancumsum} on the pool (NaN as 0), split as {@link RuntimeMethods.cumsum | cumsum}. Same bits as inline. */
  nancumsum(a: NDArray, opts?: core.CumulativeOptions & JobOptions): Promise<NDArray>
  /** {@link core.nancumprod | nancumprod} on the pool (NaN as 1), split as {@link RuntimeMethods.cumsum | cumsum}. Same bits as inline. */
  nancumprod(a: NDArray, opts?: core.CumulativeOptions & JobOptions): Promise<NDArray>
  /** {@link core.accumulate | accumulate} (NumPy's `ufunc.accumulate`) on the pool, split as {@link RuntimeMethods.cumsum | cumsum}. Same bits as inline. */
  accumulate(ufunc: core.AccumulateUfunc, a: NDArray, opts?: core.AccumulateOptions & JobOptions): Promise<NDArray>
  /** {@link core.concatenate | concatenate} on the pool: one copy job per input, each split across the threads. */
  concatenate(arrays: readonly core.ArrayInput[] | NDArray, opts?: core.ConcatenateOptions & JobOptions): Promise<NDArray>
  /** {@link core.stack | stack} on the pool: one copy job per input, each split across the threads. */
  stack(arrays: readonly core.ArrayInput[] | NDArray, opts?: core.StackOptions & JobOptions): Promise<NDArray>
}

// every op in the lists has a declaration above (a compile error names the one missing)
type Undeclared = Exclude<BinaryOp | UnaryOp | ReductionOp, keyof RuntimeMethods>
const everyOpDeclared: [Undeclared] extends [never] ? true : Undeclared = true
void everyOpDeclared
