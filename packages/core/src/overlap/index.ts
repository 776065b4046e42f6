/**
 * Exact memory-overlap checks with NumPy 2.4 semantics (spec §1): extent tests, the bounded
 * Diophantine solver behind np.shares_memory (with max_work budgets, TOO_HARD and OVERFLOW),
 * internal overlap, and exact shared-byte counts.
 */
export {
  type ByteView, type BigByteView, type OverlapOutcome, type DescriptorLike, type ExactView,
  toByteView, toExactView, itemsizeOf,
} from './byte-view.js'
export { byteExtent, byteExtentExact, byteBounds } from './extent.js'
export { checkMaxWork } from './max-work.js'
export {
  solveOverlap, overlapOutcome, sharesMemory, mayShareMemory, sharesMemoryBytes, NOMINAL_BUFFER_ADDRESS,
} from './shares-memory.js'
export {
  solveInternalOverlap, internalOverlapOutcome, hasInternalOverlap, hasInternalOverlapBytes,
} from './internal-overlap.js'
export { sharedByteCount, sharedByteCountBytes, SHARED_BYTES_RUN_CAP } from './shared-bytes.js'
