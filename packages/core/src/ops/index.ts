/**
 * Public operations of @strided/core built on the kernels: elementwise ufuncs (this file's exports) and, from the
 * reductions engineer, ops/reductions.ts.
 */
export {
  add, subtract, multiply, divide, floorDivide, mod, power, maximum, minimum, bitwiseAnd, bitwiseOr, bitwiseXor,
  equal, notEqual, less, lessEqual, greater, greaterEqual, logicalAnd, logicalOr,
  negative, abs, sqrt, square, exp, expm1, log, log1p, sin, cos, tan, tanh, floor, ceil, rint, sign, logicalNot,
  where, clip,
} from './elementwise.js'
export { prepareUfunc, kOrder, UFUNC_NAMES, OVERLAP_MAX_WORK, type Operand, type UfuncOptions, type PreparedUfunc } from './ufunc.js'
export {
  PROMOTION_TABLE, resultType, resultTypeOf, trueDivideType, canCast, promoteOperands, scalarKind, type Casting, type ScalarKind,
} from './promotion.js'
export { runElementwise, planOf } from '../kernels/elementwise.js'
export { copyInto, prepareCopy, runCopy } from '../kernels/copy.js'
export { makeLoopPlan, Cursor, type LoopPlan } from '../kernels/loop-plan.js'
export { setKernel, getKernel, kernelKeys, type LayoutClass, type Kernel } from '../kernels/registry.js'
export * from './reductions.js'
export type { ElementwiseJob, ReductionJob, ReductionPartial, Job } from '../kernels/job.js'
