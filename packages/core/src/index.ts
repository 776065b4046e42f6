/**
 * @strided/core: NumPy-exact strided views over SharedArrayBuffer. Dtypes, creation, views and indexing,
 * elementwise ufuncs and reductions, the memory-overlap checker, printing and `.npy` I/O. Everything here is
 * synchronous and runs on the calling thread; `@strided/workers` runs the same operations on a thread pool.
 *
 * This root export is the user API. What the worker runtime, the benchmarks and the tests need beyond it (jobs,
 * loop plans, arena handles, reference counts) is in `@strided/core/internal`, which carries no stability promise.
 *
 * @packageDocumentation
 * @module @strided/core
 */
export {
  StridedError, IndexError, AxisError, ShapeError, DTypeError, BoundsError, ReadOnlyError, ValueError, OverlapError,
  TooHardError, OverflowError,
} from './errors.js'
export { DTYPE_NAMES, DEFAULT_DTYPE, dtype, type DType, type DTypeName, type Scalar, type TypedArray } from './dtype.js'
export type { ArrayDescriptor } from './descriptor.js'
export { NDArray, type Flags, type NestedArray, type CopyOrder, type ReshapeOptions, type JsonNested } from './ndarray.js'
export type { Order } from './shape.js'
export type { IndexItem, SliceSpec } from './indexing.js'

// creation and views
export {
  empty, zeros, ones, full, emptyLike, zerosLike, onesLike, fullLike, arange, linspace, eye, identity, array, fromBuffer,
  asStrided, type CreateOptions, type DTypeOptions, type LinspaceOptions, type LikeOptions, type EyeOptions, type FromBufferOptions, type ArrayData,
} from './creation.js'
export {
  broadcastTo, broadcastArrays, broadcastShapes, ascontiguousarray, asfortranarray, transpose, reshape, ravel, swapaxes,
  moveaxis, squeeze, expandDims, flip,
} from './views.js'
// joining, splitting, tiling, padding, rotating
export * from './ops/shape-ops/index.js'
export { take, compress, type TakeOptions, type TakeMode, type IndexInput, type NestedIndices } from './selection.js'
export { random, type RandomOptions, type IntegersOptions, type ChoiceOptions, type ShuffleOptions } from './random.js'

// kernels: ufuncs, reductions, type promotion
export {
  add, subtract, multiply, divide, floorDivide, mod, power, maximum, minimum, bitwiseAnd, bitwiseOr, bitwiseXor,
  equal, notEqual, less, lessEqual, greater, greaterEqual, logicalAnd, logicalOr,
  negative, abs, sqrt, square, exp, expm1, log, log1p, sin, cos, tan, tanh, floor, ceil, rint, sign, logicalNot,
  where, clip, type Operand, type UfuncOptions,
} from './ops/elementwise.js'
export {
  isnan, isinf, isfinite, signbit, round, trunc, fix, reciprocal, invert, leftShift, rightShift, arctan2, hypot, sinh, cosh,
  arcsin, arccos, arctan, arcsinh, arccosh, arctanh, exp2, log2, log10, cbrt, fmod, remainder, copysign, nextafter, deg2rad,
  rad2deg, logaddexp, logaddexp2, heaviside, floatPower, positive, conjugate, isclose, allclose, arrayEqual, arrayEquiv,
  type RoundOptions, type IscloseOptions, type ArrayEqualOptions,
} from './ops/elementwise.js'
export {
  sum, prod, min, max, mean, var, std, argmin, argmax, any, all, type ReduceOptions, type ScalarReduceOptions,
  type ArrayReduceOptions, type ReductionName,
} from './ops/reductions.js'
export { resultType, canCast, type Casting } from './ops/promotion.js'
// searching, counting and set functions
export * from './ops/search/index.js'
// selection and order statistics: partition, median, quantile, percentile and nan- forms
export * from './ops/quantile/index.js'
// sorting: sort, argsort, ndarray.sort, lexsort
export * from './ops/sort/index.js'
// NaN-aware reductions and statistics: nansum ... nanargmax, countNonzero, ptp, average, cov, corrcoef
export * from './ops/nan/index.js'
// scans: cumsum, cumprod, nancumsum, nancumprod, accumulate
export * from './ops/scan/index.js'
// advanced indexing (read and write) and its function forms
export * from './ops/indexing/index.js'

// memory overlap
export { sharesMemory, mayShareMemory } from './overlap/shares-memory.js'
export { hasInternalOverlap } from './overlap/internal-overlap.js'
export { byteBounds } from './overlap/extent.js'

// printing and .npy
export {
  repr, str, getPrintOptions, setPrintOptions, resetPrintOptions, withPrintOptions, type PrintOptions,
} from './format/index.js'
export {
  NpyFormatError, toNpy, fromNpy, readNpyHeader, save, load, saveAsync, loadAsync, type WriteOptions, type ReadOptions,
  type NpyHeader, type NpyInput, type NpyPath, type NpyVersion,
} from './npy/index.js'

// the arena and the WASM SIMD kernels
export { configureArena, arenaStats, type ArenaOptions } from './memory/allocate.js'
export type { ArenaStats } from './memory/arena.js'
export { setWasmEnabled, wasmEnabled } from './kernels/wasm/backend.js'
