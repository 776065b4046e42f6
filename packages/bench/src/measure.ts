/**
 * The warm-up / repetition policy, shared with the Python peer (peers/numpy_server.py implements the same
 * steps): warm up for at least `warmupCalls` calls and `warmupMs`; pick a batch so that one timed sample lasts
 * at least `minSampleMs` (short calls are timed in batches and averaged); then take samples until both
 * `minReps` samples and `targetMs` of sampling have passed, at most `maxReps` samples or `maxMs` in all.
 */
import { performance } from 'node:perf_hooks'
import { summarize, type TimingSummary } from './stats.js'

export interface Policy {
  warmupCalls: number
  warmupMs: number
  minReps: number
  maxReps: number
  /** Keep sampling until this much time has been spent in samples (after minReps). */
  targetMs: number
  /** A sample shorter than this is batched. */
  minSampleMs: number
  /** Hard cap for one case including warm-up: stop adding samples past it (minReps still honoured). */
  maxMs: number
}

export interface Measured {
  samplesMs: number[]
  batch: number
  warmupCalls: number
  summary: TimingSummary
}

const MAX_BATCH = 100_000

function batchFor(estimateMs: number, p: Policy): number {
  if (!(estimateMs > 0)) return MAX_BATCH
  return Math.max(1, Math.min(MAX_BATCH, Math.ceil(p.minSampleMs / estimateMs)))
}

function finish(samplesMs: number[], batch: number, warmupCalls: number): Measured {
  return { samplesMs, batch, warmupCalls, summary: summarize(samplesMs, batch) }
}

/** Measure a synchronous call. */
export function measureSync(fn: () => unknown, p: Policy): Measured {
  const t0 = performance.now()
  let calls = 0
  let best = Infinity
  while (calls < p.warmupCalls || (performance.now() - t0 < p.warmupMs && calls < p.maxReps)) {
    const t = performance.now()
    fn()
    best = Math.min(best, performance.now() - t)
    calls++
  }
  const batch = batchFor(best, p)
  const samples: number[] = []
  const s0 = performance.now()
  for (;;) {
    const elapsed = performance.now() - s0
    const total = performance.now() - t0
    if (samples.length >= p.minReps && (elapsed >= p.targetMs || samples.length >= p.maxReps || total >= p.maxMs)) break
    const t = performance.now()
    for (let k = 0; k < batch; k++) fn()
    samples.push((performance.now() - t) / batch)
  }
  return finish(samples, batch, calls)
}

/** Measure an async call (each call awaited before the next starts). */
export async function measureAsync(fn: () => Promise<unknown>, p: Policy): Promise<Measured> {
  const t0 = performance.now()
  let calls = 0
  let best = Infinity
  while (calls < p.warmupCalls || (performance.now() - t0 < p.warmupMs && calls < p.maxReps)) {
    const t = performance.now()
    await fn()
    best = Math.min(best, performance.now() - t)
    calls++
  }
  const batch = batchFor(best, p)
  const samples: number[] = []
  const s0 = performance.now()
  for (;;) {
    const elapsed = performance.now() - s0
    const total = performance.now() - t0
    if (samples.length >= p.minReps && (elapsed >= p.targetMs || samples.length >= p.maxReps || total >= p.maxMs)) break
    const t = performance.now()
    for (let k = 0; k < batch; k++) await fn()
    samples.push((performance.now() - t) / batch)
  }
  return finish(samples, batch, calls)
}
