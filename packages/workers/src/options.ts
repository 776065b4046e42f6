/**
 * The option types of the Runtime: its own (validated up front, Piscina-style: a bad option throws a ValueError
 * that names it) and those of its jobs, which are @strided/core's plus a cancellation signal.
 */
import { availableParallelism } from 'node:os'
import {
  ValueError, type ArrayReduceOptions as CoreArrayReduceOptions, type Operand, type ReduceOptions as CoreReduceOptions,
  type ScalarReduceOptions as CoreScalarReduceOptions, type UfuncOptions as CoreUfuncOptions, type RoundOptions as CoreRoundOptions,
} from '@strided/core'

export type { Operand }

/** What every job accepts beyond @strided/core's options. */
export interface JobOptions {
  /** Cancel the job: queued, it is dropped; running, it stops at the next block. The promise rejects with AbortError. */
  signal?: AbortSignal
}

/** Options of an elementwise job: @strided/core's (out, dtype, overlap) and a signal. */
export interface UfuncOptions extends CoreUfuncOptions, JobOptions {}

/** Options of a round job: @strided/core's (decimals, out, overlap, where) and a signal. */
export interface RoundOptions extends CoreRoundOptions, JobOptions {}

/** Options of a reduction job: @strided/core's (axis, keepdims, dtype, out, ddof) and a signal. */
export interface ReduceOptions extends CoreReduceOptions, JobOptions {}

/** Options under which a reduction job resolves to a JS scalar (every axis reduced, no keepdims, no out). */
export interface ScalarReduceOptions extends CoreScalarReduceOptions, JobOptions {}

/** Options under which a reduction job resolves to an NDArray (an axis, keepdims or out given). */
export type ArrayReduceOptions = CoreArrayReduceOptions & JobOptions

/** Options of a Runtime. */
export interface RuntimeOptions {
  /** Worker threads (default: availableParallelism()). 0 runs everything inline on the calling thread. */
  threads?: number
  /**
   * Cost-weighted element count below which a job runs inline on the calling thread instead of the pool
   * (elements × the op's relative cost; a float64 add costs 1, exp about 10–20). Default: DEFAULT_INLINE_THRESHOLD.
   */
  inlineThreshold?: number
  /** The calling thread computes one share of each parallel job (good for batch pipelines, bad for servers). Default false. */
  mainThreadShare?: boolean
  /** Work budget of the overlap solver when ordering concurrent jobs (too hard counts as a conflict). Default 10000. */
  hazardBudget?: number
}

/**
 * Measured on the 2-core reference machine (packages/bench RESULTS.md, break-even sweep): one piscina round trip
 * costs ~0.1–0.4 ms, about what one core needs for 2e5 float64 adds. Below that, threads only add latency.
 */
export const DEFAULT_INLINE_THRESHOLD = 200_000

/** The Runtime's options with every default filled in. */
export interface ResolvedOptions {
  /** Worker threads. */
  threads: number
  /** Cost-weighted element count below which jobs run inline. */
  inlineThreshold: number
  /** Whether the calling thread computes a share of each parallel job. */
  mainThreadShare: boolean
  /** Work budget of the overlap solver when ordering jobs. */
  hazardBudget: number
}

function intOption(name: string, v: unknown, min: number): number {
  if (typeof v !== 'number' || !Number.isInteger(v) || v < min) {
    throw new ValueError(`Runtime option ${name} must be an integer ≥ ${min}, got ${typeof v === 'number' ? v : JSON.stringify(v)}`)
  }
  return v
}

/** Validate options and fill in the defaults; throws ValueError naming a bad or unknown option. */
export function resolveOptions(o: RuntimeOptions = {}): ResolvedOptions {
  if (typeof o !== 'object' || o === null) throw new ValueError(`Runtime options must be an object, got ${String(o)}`)
  const known = new Set(['threads', 'inlineThreshold', 'mainThreadShare', 'hazardBudget'])
  for (const k of Object.keys(o)) if (!known.has(k)) throw new ValueError(`unknown Runtime option ${JSON.stringify(k)}; known options: ${[...known].join(', ')}`)
  const threads = o.threads === undefined ? availableParallelism() : intOption('threads', o.threads, 0)
  const inlineThreshold = o.inlineThreshold === undefined ? DEFAULT_INLINE_THRESHOLD : intOption('inlineThreshold', o.inlineThreshold, 0)
  if (o.mainThreadShare !== undefined && typeof o.mainThreadShare !== 'boolean') {
    throw new ValueError(`Runtime option mainThreadShare must be a boolean, got ${JSON.stringify(o.mainThreadShare)}`)
  }
  const hazardBudget = o.hazardBudget === undefined ? 10_000 : intOption('hazardBudget', o.hazardBudget, 1)
  return { threads, inlineThreshold, mainThreadShare: o.mainThreadShare ?? false, hazardBudget }
}
