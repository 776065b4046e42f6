/**
 * Event-loop responsiveness while a big job runs: monitorEventLoopDelay (1 ms resolution) during repeated
 * sqrt(a, {out}) of a large float64 array (5e7 in full mode: 400 MB in, 400 MB out). Scenarios: idle (the
 * floor), the pool with mainThreadShare off (what a server should use), with mainThreadShare on, and the
 * synchronous @strided/core call (which blocks the loop for the whole job).
 */
import { monitorEventLoopDelay } from 'node:perf_hooks'
import { setImmediate as tick, setTimeout as sleep } from 'node:timers/promises'
import { coreFn, errorText, rtMethod, uniform, zeros } from '../api.js'
import type { Context } from '../context.js'
import type { EventLoop, EventLoopScenario } from '../schema.js'
import { median } from '../stats.js'

export const RESOLUTION_MS = 1

export function plannedEventLoopTicks(): number { return 4 }

export async function runEventLoop(ctx: Context): Promise<EventLoop> {
  ctx.progress.phase('event loop')
  const n = ctx.cfg.eventLoopN
  const a = uniform([n], 7)
  const out = zeros([n])
  const N = ctx.maxThreads
  const dur = ctx.cfg.eventLoopMs
  const scenarios: EventLoopScenario[] = []

  const observe = async (scenario: EventLoopScenario['scenario'], threads: number, share: boolean, note: string | null, job: (() => unknown) | null): Promise<void> => {
    const h = monitorEventLoopDelay({ resolution: RESOLUTION_MS })
    const jobMs: number[] = []
    await sleep(20) // settle
    const mark = ctx.cpu.mark()
    h.enable()
    const t0 = performance.now()
    try {
      if (job === null) await sleep(dur)
      else {
        while (performance.now() - t0 < dur || jobMs.length < 2) {
          const t = performance.now()
          await job()
          jobMs.push(performance.now() - t)
          await tick() // give the loop a turn between jobs, as a server would
        }
      }
    } finally {
      h.disable()
    }
    const ms = (x: number): number => Math.max(0, x / 1e6 - RESOLUTION_MS)
    const samples = h.count
    scenarios.push({
      scenario, threads, mainThreadShare: share, available: true, note, jobs: jobMs.length, jobMedianMs: jobMs.length ? median(jobMs) : null,
      p50Ms: samples ? ms(h.percentile(50)) : null, p99Ms: samples ? ms(h.percentile(99)) : null, maxMs: samples ? ms(h.max) : null, samples,
      foreignLoad: ctx.cpu.foreign(mark),
    })
  }
  const unavailable = (scenario: EventLoopScenario['scenario'], threads: number, share: boolean, note: string): void => {
    ctx.missing(`event loop ${scenario}`, note)
    scenarios.push({ scenario, threads, mainThreadShare: share, available: false, note, jobs: 0, jobMedianMs: null, p50Ms: null, p99Ms: null, maxMs: null, samples: 0, foreignLoad: null })
  }

  await observe('idle', 0, false, 'no job: the timer floor', null)
  ctx.progress.tick('idle')
  for (const share of [false, true]) {
    const scenario = share ? 'pool+main' : 'pool'
    const rt = await ctx.runtime({ threads: N, inlineThreshold: 0, mainThreadShare: share })
    const f = typeof rt === 'string' ? null : rtMethod(rt, 'sqrt')
    if (!f) unavailable(scenario, N, share, typeof rt === 'string' ? rt : 'Runtime has no sqrt')
    else {
      try {
        await f(a, { out }) // first job outside the window
        await observe(scenario, N, share, share ? 'the calling thread computes one share' : 'all shares on workers', () => f(a, { out }))
      } catch (e) { unavailable(scenario, N, share, errorText(e)) }
    }
    ctx.progress.tick(scenario)
  }
  const sqrt = coreFn('sqrt')
  if (!sqrt) unavailable('inline', 0, false, '@strided/core does not export sqrt')
  else {
    try {
      sqrt(a, { out })
      await observe('inline', 0, false, 'synchronous @strided/core sqrt on the calling thread', () => sqrt(a, { out }))
    } catch (e) { unavailable('inline', 0, false, errorText(e)) }
  }
  ctx.progress.tick('inline')
  return { resolutionMs: RESOLUTION_MS, op: 'sqrt(a, {out})', n, bytes: 16 * n, scenarios }
}
