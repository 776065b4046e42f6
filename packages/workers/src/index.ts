/**
 * @strided/workers — the async, multithreaded face of @strided/core: a Piscina pool that receives views as
 * descriptors over SharedArrayBuffer (never copies), splits work across cores, orders dependent jobs and
 * refuses aliasing writes.
 */
export { Runtime, BINARY_OPS, UNARY_OPS, REDUCTION_OPS, type Operand, type UfuncOptions, type ReduceOptions, type JobOptions } from './runtime.js'
export { resolveOptions, DEFAULT_INLINE_THRESHOLD, type RuntimeOptions, type ResolvedOptions } from './options.js'
export { AbortError, WorkerCrashError, NotSharedError, RuntimeClosedError } from './errors.js'
export { HazardTracker, type Access, type Ticket } from './hazards.js'
export { splitRange } from './partition.js'
