/** What every suite gets: the mode, the peers, the runtimes (created on demand), the ceilings and a log. */
import { runtimeClass, errorText, type RuntimeLike } from './api.js'
import type { CliOptions } from './args.js'
import type { ModeConfig } from './config.js'
import type { ClonePeer } from './peers/clone.js'
import type { NumpyPeer } from './peers/numpy.js'
import type { NumpyTsPeer } from './peers/numpyts.js'
import type { Progress } from './progress.js'
import type { StreamInfo } from './schema.js'
import { core } from './api.js'
import { CpuMeter } from './cpu.js'

/** A case measured while other processes used more than this many cores is measured again (up to MAX_RETRIES times). */
export const BUSY_THRESHOLD = 0.3
export const MAX_RETRIES = 2

export interface RuntimeSpec { threads: number; inlineThreshold?: number; mainThreadShare?: boolean }

export class Context {
  readonly unavailable: { what: string; reason: string }[] = []
  readonly notes: string[] = []
  stream: StreamInfo | null = null
  /** Foreign CPU load accounting (other processes on the machine). */
  readonly cpu: CpuMeter
  #runtimes = new Map<string, RuntimeLike | string>()

  constructor(
    readonly opts: CliOptions,
    readonly cfg: ModeConfig,
    readonly progress: Progress,
    readonly numpy: NumpyPeer | null,
    readonly numpyTs: NumpyTsPeer | null,
    readonly clone: ClonePeer | null,
  ) {
    this.cpu = new CpuMeter(() => (numpy?.pid ? [numpy.pid] : []))
    this.retryBudgetMs = cfg.retryBudgetMs
  }

  /** Time left for re-measuring cases that ran on a busy machine (bounded so a permanently busy machine does not stretch the run). */
  retryBudgetMs: number

  /** Whether another attempt may be made now. */
  mayRetry(): boolean { return this.retryBudgetMs > 0 }
  /** Charge the time an extra attempt took. */
  spentOnRetry(ms: number): void { this.retryBudgetMs -= ms }

  get threads(): number[] { return this.opts.threads }
  get maxThreads(): number { return Math.max(...this.opts.threads) }

  /** Record something that could not be measured (once per distinct what+reason). */
  missing(what: string, reason: string): void {
    if (!this.unavailable.some((u) => u.what === what && u.reason === reason)) {
      this.unavailable.push({ what, reason })
      this.progress.log(`unavailable: ${what}: ${reason}`)
    }
  }

  /**
   * A started and warmed Runtime for `spec`, or the reason it could not be made. Runtimes are kept for the
   * whole run (idle workers cost nothing) and closed by closeAll().
   */
  async runtime(spec: RuntimeSpec): Promise<RuntimeLike | string> {
    const key = `${spec.threads}/${spec.inlineThreshold ?? 'default'}/${spec.mainThreadShare ? 'share' : 'noshare'}`
    const have = this.#runtimes.get(key)
    if (have !== undefined) return have
    const R = await runtimeClass()
    let made: RuntimeLike | string
    if (typeof R === 'string') made = R
    else {
      try {
        const opts: Record<string, unknown> = { threads: spec.threads }
        if (spec.inlineThreshold !== undefined) opts.inlineThreshold = spec.inlineThreshold
        if (spec.mainThreadShare !== undefined) opts.mainThreadShare = spec.mainThreadShare
        const rt = new R(opts as never)
        // a worker that fails to start emits 'error' on the pool: unhandled, that would end the whole run
        let poolError: string | null = null
        const pool = (rt as { pool?: { on?: (ev: string, f: (e: unknown) => void) => void } }).pool
        pool?.on?.('error', (e: unknown) => { poolError ??= errorText(e); this.missing(`Runtime(${JSON.stringify(spec)}) worker`, poolError) })
        const timedOut = await withTimeout(warmRuntime(rt, spec.threads), WARM_TIMEOUT_MS)
        if (poolError !== null || timedOut) {
          made = `Runtime(${JSON.stringify(spec)}) workers failed to start: ${poolError ?? `no answer in ${WARM_TIMEOUT_MS / 1000} s`}`
          void withTimeout(rt.close().catch(() => {}), 5000)
        } else made = rt
      } catch (e) {
        made = `Runtime(${JSON.stringify(spec)}) failed to start: ${errorText(e)}`
      }
    }
    this.#runtimes.set(key, made)
    return made
  }

  async closeAll(): Promise<void> {
    const all = [...this.#runtimes.values()].filter((r): r is RuntimeLike => typeof r !== 'string')
    this.#runtimes.clear()
    await Promise.allSettled(all.map((r) => r.close()))
  }
}

const WARM_TIMEOUT_MS = 60_000

/** Resolves true when `p` has not settled within `ms`. */
export async function withTimeout(p: Promise<unknown>, ms: number): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined
  const t = new Promise<boolean>((resolve) => { timer = setTimeout(() => resolve(true), ms) })
  try {
    return await Promise.race([p.then(() => false, () => false), t])
  } finally {
    clearTimeout(timer)
  }
}

/**
 * Start every worker and let it JIT the hot kernels before anything is timed: a few jobs big enough to be
 * split across all threads. Failures are ignored here (the suites report per op).
 */
async function warmRuntime(rt: RuntimeLike, threads: number): Promise<void> {
  const n = Math.max(1 << 19, 4096 * threads) // above the default inlineThreshold, so the default runtimes warm their workers too
  const a = core.zeros([n])
  const out = core.zeros([n])
  const add = rt.add as ((x: unknown, y: unknown, o?: unknown) => Promise<unknown>) | undefined
  const sum = rt.sum as ((x: unknown, o?: unknown) => Promise<unknown>) | undefined
  for (let i = 0; i < 3; i++) {
    await Promise.allSettled([add?.call(rt, a, a, { out }), sum?.call(rt, a)])
  }
}
