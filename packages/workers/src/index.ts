/**
 * @strided/workers: the async, multithreaded face of @strided/core. A Piscina pool receives views as descriptors
 * over SharedArrayBuffer (never copies), splits work across cores, orders dependent jobs and refuses aliasing
 * writes. comlink support for your own workers is in `@strided/workers/comlink`.
 *
 * @packageDocumentation
 * @module @strided/workers
 */
export { Runtime, type PoolDiagnostics } from './runtime.js'
export type { RuntimeMethods } from './runtime-methods.js'
export {
  DEFAULT_INLINE_THRESHOLD, type RuntimeOptions, type ResolvedOptions, type JobOptions, type UfuncOptions, type RoundOptions, type ReduceOptions,
  type ScalarReduceOptions, type ArrayReduceOptions, type Operand,
} from './options.js'
export { AbortError, WorkerCrashError, NotSharedError, RuntimeClosedError } from './errors.js'
