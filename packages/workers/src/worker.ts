/**
 * The Piscina worker module: runs shares of jobs. Kernels are warmed up once when the worker starts,
 * because a cold unrolled loop in a fresh worker can fall into deoptimisation loops (perf-baseline.md).
 */
import { workerData } from 'node:worker_threads'
import { adoptArena, type ArenaHandle } from '@strided/core/internal'
import { runShare, type ShareTask, type ShareResult } from './task.js'
import { warmUpKernels } from './warmup.js'

// run kernels (WASM SIMD included) directly on the arrays in the calling thread's arena
const handle = (workerData as { arena?: ArenaHandle | null } | null)?.arena
if (handle) adoptArena(handle)
warmUpKernels()

export default function share(task: ShareTask): ShareResult {
  return runShare(task)
}
