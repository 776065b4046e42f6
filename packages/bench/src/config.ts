/** Sizes and repetition policies of the three modes. */
import type { Mode } from './args.js'
import type { Policy } from './measure.js'

export interface ModeConfig {
  mode: Mode
  /** 1-D lengths for sum, add, scale, sqrt, exp, and sort up to SORT_MAX_N (suites/ops.ts). */
  sizes1d: number[]
  /** Square 2-D side for axis sums, C/F order sums and the transpose copy. */
  side2d: number
  /** Policy for the op measurements (shared out over `rounds` interleaved rounds). */
  policy: Policy
  /** Interleaved measurement rounds per case (each round samples every implementation once). */
  rounds: number
  /** Total time the run may spend re-measuring cases that ran while other processes were busy. */
  retryBudgetMs: number
  /** Policy for very short calls (sharesMemory, dispatch, small break-even sizes). */
  fastPolicy: Policy
  /** Break-even sweep sizes for sum and add. */
  breakEvenSizes: number[]
  /** View sizes (elements per view) for the sharesMemory latency suite. */
  sharesSizes: number[]
  /** Length of the event-loop job (sqrt out=); 5e7 float64 is 400 MB in, 400 MB out. */
  eventLoopN: number
  /** How long each event-loop scenario keeps submitting jobs, ms. */
  eventLoopMs: number
  /** STREAM array length (doubles) and repetitions. */
  streamN: number
  streamReps: number
  /** Tiny-job round trips for the dispatch latency suite. */
  dispatchPolicy: Policy
}

/** lo, 3·lo, 10·lo, 30·lo, ... up to hi (lo and hi powers of ten). */
export function halfDecades(lo: number, hi: number): number[] {
  const out: number[] = []
  for (let d = lo; d <= hi; d *= 10) {
    out.push(d)
    if (d * 3 <= hi) out.push(d * 3)
  }
  return out
}

export function modeConfig(mode: Mode): ModeConfig {
  switch (mode) {
    case 'full':
      return {
        mode,
        sizes1d: [1e6, 1e7, 5e7],
        side2d: 4000,
        rounds: 3,
        retryBudgetMs: 150_000,
        policy: { warmupCalls: 2, warmupMs: 150, minReps: 7, maxReps: 200, targetMs: 500, minSampleMs: 1, maxMs: 8000 },
        fastPolicy: { warmupCalls: 20, warmupMs: 30, minReps: 15, maxReps: 400, targetMs: 120, minSampleMs: 1, maxMs: 1000 },
        breakEvenSizes: halfDecades(1e3, 1e7),
        sharesSizes: [1e2, 1e4, 1e6],
        eventLoopN: 5e7,
        eventLoopMs: 2500,
        streamN: 8e7,
        streamReps: 10,
        dispatchPolicy: { warmupCalls: 200, warmupMs: 100, minReps: 2000, maxReps: 5000, targetMs: 600, minSampleMs: 0, maxMs: 3000 },
      }
    case 'quick':
      return {
        mode,
        sizes1d: [1e6, 1e7],
        side2d: 2000,
        rounds: 2,
        retryBudgetMs: 30_000,
        policy: { warmupCalls: 2, warmupMs: 60, minReps: 5, maxReps: 100, targetMs: 200, minSampleMs: 1, maxMs: 3000 },
        fastPolicy: { warmupCalls: 10, warmupMs: 15, minReps: 10, maxReps: 200, targetMs: 50, minSampleMs: 1, maxMs: 500 },
        breakEvenSizes: halfDecades(1e3, 1e6),
        sharesSizes: [1e2, 1e4],
        eventLoopN: 1e7,
        eventLoopMs: 1000,
        streamN: 2e7,
        streamReps: 6,
        dispatchPolicy: { warmupCalls: 100, warmupMs: 50, minReps: 500, maxReps: 2000, targetMs: 200, minSampleMs: 0, maxMs: 1000 },
      }
    case 'smoke':
      return {
        mode,
        sizes1d: [3e3, 3e4],
        side2d: 96,
        rounds: 1,
        retryBudgetMs: 0,
        policy: { warmupCalls: 2, warmupMs: 2, minReps: 5, maxReps: 20, targetMs: 5, minSampleMs: 0.2, maxMs: 200 },
        fastPolicy: { warmupCalls: 3, warmupMs: 2, minReps: 5, maxReps: 20, targetMs: 3, minSampleMs: 0.2, maxMs: 100 },
        breakEvenSizes: [1e3, 1e4, 1e5],
        sharesSizes: [1e2],
        eventLoopN: 2e5,
        eventLoopMs: 150,
        streamN: 2e5,
        streamReps: 3,
        dispatchPolicy: { warmupCalls: 10, warmupMs: 5, minReps: 50, maxReps: 200, targetMs: 20, minSampleMs: 0, maxMs: 200 },
      }
  }
}
