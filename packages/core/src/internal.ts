/**
 * @strided/core/internal: the engine room, for `@strided/workers`, `@strided/bench` and the tests. Jobs and their
 * prepare/run/finish halves, loop plans, the kernel registry, arena handles and cross-thread reference counts,
 * the overlap solver's raw outcomes, and layout helpers.
 *
 * Not a user API: names here change without notice, and misuse (an unbalanced `retainBlock`, an allocation that
 * no array adopts, a kernel run over a range it was not prepared for) corrupts memory other arrays use.
 * Users import from `@strided/core`.
 *
 * @packageDocumentation
 * @module @strided/core/internal
 */
export { DTYPES, typedView, isFloat, isInteger, isBigInt } from './dtype.js'
export { toDescriptor } from './descriptor.js'
export { toHalfBits, toHalfBitsEmulated, fromHalfBits, roundToHalf, HALF_VALUES, HAS_NATIVE_FLOAT16, useNativeFloat16 } from './float16.js'
export { checkOptions } from './check-options.js'
export { printing } from './ndarray.js'
export { Xoshiro128 } from './random.js'
export { parseIndexExpression, normalizeSlice, applyBasicIndex, normalizeIndex, type ViewLayout } from './indexing.js'
export {
  shapeSize, checkShape, contiguousStrides, isCContiguous, isFContiguous, keepOrderStrides, keepOrderIterAxes,
  normalizeAxis, normalizeAxes, broadcastShapeOf, broadcastStrides, elementExtent,
} from './shape.js'
export { reshapeStrides } from './reshape.js'

// overlap: raw outcomes, byte views, budgets
export {
  type ByteView, type BigByteView, type OverlapOutcome, type DescriptorLike, type ExactView,
  toByteView, toExactView, itemsizeOf,
} from './overlap/byte-view.js'
export { byteExtent, byteExtentExact } from './overlap/extent.js'
export { checkMaxWork } from './overlap/max-work.js'
export { solveOverlap, overlapOutcome, sharesMemoryBytes, NOMINAL_BUFFER_ADDRESS } from './overlap/shares-memory.js'
export { solveInternalOverlap, internalOverlapOutcome, hasInternalOverlapBytes } from './overlap/internal-overlap.js'
export { sharedByteCount, sharedByteCountBytes, SHARED_BYTES_RUN_CAP } from './overlap/shared-bytes.js'

// printing and .npy helpers
export { scalarStr, scalarRepr, shapeRepr, DEFAULT_PRINT_OPTIONS, shortestDigits, cutDigits, roundFraction, roundSignificant, type Decimal, type FloatKind } from './format/index.js'
export { npyHeaderBytes, npyFileName, NPY_MAX_HEADER_SIZE } from './npy/index.js'

// kernels: the ufunc driver, jobs, plans, the registry
export { prepareUfunc, kOrder, UFUNC_NAMES, OVERLAP_MAX_WORK, type PreparedUfunc } from './ops/ufunc.js'
export {
  PROMOTION_TABLE, resultTypeOf, trueDivideType, promoteOperands, scalarKind, type ScalarKind,
} from './ops/promotion.js'
export {
  reduce, prepareReduction, runReductionUnits, finishReduction, warmUpReductions, REDUCTION_NAMES, type PreparedReduction,
} from './ops/reductions.js'
export { runElementwise, planOf } from './kernels/elementwise.js'
export { copyInto, prepareCopy, runCopy } from './kernels/copy.js'
export { makeLoopPlan, Cursor, type LoopPlan } from './kernels/loop-plan.js'
export { setKernel, getKernel, kernelKeys, type LayoutClass, type Kernel } from './kernels/registry.js'
export type { ElementwiseJob, ReductionJob, UnitsJob, ReductionPartial, Job } from './kernels/job.js'
export { defineUnitKernel, runUnits, unitKernelNames, type UnitKernel } from './kernels/units.js'
export { runInline, runJobInline, defineDrivenOp, arraysIn, DRIVEN_OPS, type OpDriver, type DrivenOp, type OpAccess } from './ops/driver.js'

// the arena: allocation, adoption by other threads, reference counts
export { threadArena, currentArena, arenaHandle, adoptArena, allocateBytes, type ArenaHandle, type Allocation } from './memory/allocate.js'
export {
  Arena, isArenaBuffer, arenaIdOf, noteArenaBuffers, retainBlock, releaseBlock, sameMemory, ARENA_ALIGN, BLOCK_HEADER,
  type ArenaAllocation,
} from './memory/arena.js'
export type { WasmMemory } from './kernels/wasm/wasm-api.js'
