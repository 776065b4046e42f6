/**
 * What one thread runs for one share of a job: the same kernels as the inline path, over a sub-range,
 * checking a shared cancel flag between blocks so an aborted job stops promptly.
 */
import {
  currentArena, noteArenaBuffers, runElementwise, runReductionUnits, runUnits, type Job, type ReductionPartial,
} from '@strided/core/internal'

export interface ShareTask {
  readonly job: Job
  /** elementwise: iteration elements [start, end); reduction and units jobs: units [start, end). */
  readonly start: number
  readonly end: number
  /** Int32Array over a SharedArrayBuffer; non-zero means stop. null when the job has no AbortSignal. */
  readonly cancel: Int32Array | null
  /**
   * The generations of the caller's arena (posted in the same message as the job, so the job's arena operands
   * arrive as these very objects): the worker recognises them as arena memory and may run WASM kernels on them.
   */
  readonly arena?: readonly SharedArrayBuffer[]
}

export interface ShareResult {
  readonly cancelled: boolean
  /** Partials of units [start, end) of a reduction or units job, in unit order. */
  readonly partials?: ReductionPartial[]
}

/** Elements per cancel check: big enough that the check costs nothing, small enough to stop within ~1 ms. */
const BLOCK = 1 << 16

export function runShare(task: ShareTask): ShareResult {
  const { job, start, end, cancel } = task
  if (task.arena) {
    const own = currentArena()
    if (own !== null) noteArenaBuffers(task.arena, own.id)
  }
  if (job.kind === 'elementwise') {
    if (cancel === null) {
      runElementwise(job, start, end)
      return { cancelled: false }
    }
    const step = Math.max(job.grain, Math.floor(BLOCK / job.cost / job.grain) * job.grain)
    for (let s = start; s < end; s += step) {
      if (Atomics.load(cancel, 0) !== 0) return { cancelled: true }
      runElementwise(job, s, Math.min(end, s + step))
    }
    return { cancelled: false }
  }
  const run = job.kind === 'reduction'
    ? (s: number, e: number) => runReductionUnits(job, s, e)
    : (s: number, e: number) => runUnits(job, s, e)
  if (cancel === null) return { cancelled: false, partials: run(start, end) }
  const partials: ReductionPartial[] = []
  for (let u = start; u < end; u++) {
    if (Atomics.load(cancel, 0) !== 0) return { cancelled: true }
    partials.push(...run(u, u + 1))
  }
  return { cancelled: false, partials }
}
