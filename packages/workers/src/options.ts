/**
 * Runtime options, validated up front (Piscina-style): a bad option throws a ValueError that names it.
 */
import { availableParallelism } from 'node:os'
import { ValueError } from '@strided/core'

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

export interface ResolvedOptions {
  threads: number
  inlineThreshold: number
  mainThreadShare: boolean
  hazardBudget: number
}

function intOption(name: string, v: unknown, min: number): number {
  if (typeof v !== 'number' || !Number.isInteger(v) || v < min) {
    throw new ValueError(`Runtime option ${name} must be an integer ≥ ${min}, got ${typeof v === 'number' ? v : JSON.stringify(v)}`)
  }
  return v
}

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
