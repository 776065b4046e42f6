/**
 * The Piscina worker module: runs shares of jobs. Kernels are warmed up once when the worker starts,
 * because a cold unrolled loop in a fresh worker can fall into deoptimisation loops (perf-baseline.md).
 */
import { runShare, type ShareTask, type ShareResult } from './task.js'
import { warmUpKernels } from './warmup.js'

warmUpKernels()

export default function share(task: ShareTask): ShareResult {
  return runShare(task)
}
