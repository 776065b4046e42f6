/**
 * Inline vs parallel break-even: sum and add(out=) over contiguous float64 views of growing length, on the
 * calling thread (@strided/core) and through the pool (inlineThreshold 0) with 2..N workers, and with N-1
 * workers plus the calling thread (mainThreadShare). The crossover is the interpolated size from which the
 * pool stays faster; it is what Runtime's default inlineThreshold should be.
 */
import type { NDArray } from '@strided/core'
import { coreFn, errorText, rtMethod, uniform, zeros, type RuntimeLike } from '../api.js'
import { setTimeout as sleep } from 'node:timers/promises'
import { BUSY_THRESHOLD, MAX_RETRIES, type Context } from '../context.js'
import { measureAsync, measureSync } from '../measure.js'
import type { BreakEven, BreakEvenCrossover, BreakEvenCurve } from '../schema.js'
import { crossover, median } from '../stats.js'
import { roundPolicy } from './ops.js'

interface Variant { variant: BreakEvenCurve['variant']; threads: number; mainThreadShare: boolean }

export function breakEvenVariants(threads: readonly number[]): Variant[] {
  const max = Math.max(...threads)
  const vs: Variant[] = [{ variant: 'inline', threads: 0, mainThreadShare: false }]
  const pools = threads.filter((t) => t >= 2)
  for (const t of pools.length ? pools : [max]) vs.push({ variant: 'pool', threads: t, mainThreadShare: false })
  vs.push({ variant: 'pool+main', threads: Math.max(1, max - 1), mainThreadShare: true })
  return vs
}

export function plannedBreakEvenTicks(ctx: Context): number {
  return 2 * ctx.cfg.breakEvenSizes.length * breakEvenVariants(ctx.threads).length * ctx.cfg.rounds
}

export async function runBreakEven(ctx: Context): Promise<BreakEven> {
  ctx.progress.phase('break-even')
  const sizes = ctx.cfg.breakEvenSizes
  const nmax = Math.max(...sizes)
  const a = uniform([nmax], 5)
  const b = uniform([nmax], 6)
  const c = zeros([nmax])
  const variants = breakEvenVariants(ctx.threads)
  const curves: BreakEvenCurve[] = []
  const sumForeign: (number | null)[] = []
  const addForeign: (number | null)[] = []
  for (const op of ['sum', 'add'] as const) {
    const cs: BreakEvenCurve[] = variants.map((v) => ({ op, ...v, available: true, note: null, points: [] }))
    const calls: (((x: NDArray, y: NDArray, o: NDArray) => unknown) | null)[] = []
    for (const [i, v] of variants.entries()) {
      let f: ((...args: unknown[]) => unknown) | null
      if (v.variant === 'inline') f = coreFn(op)
      else {
        const rt = await ctx.runtime({ threads: v.threads, inlineThreshold: 0, mainThreadShare: v.mainThreadShare })
        if (typeof rt === 'string') { cs[i]!.available = false; cs[i]!.note = rt; calls.push(null); continue }
        f = rtMethod(rt as RuntimeLike, op)
      }
      if (!f) { cs[i]!.available = false; cs[i]!.note = `${op} is not available`; calls.push(null); continue }
      const g = f
      calls.push(op === 'sum' ? (x) => g(x) : (x, y, o) => g(x, y, { out: o }))
    }
    for (const n of sizes) {
      const x = a.slice(`:${n}`)
      const y = b.slice(`:${n}`)
      const o = c.slice(`:${n}`)
      const policy = n >= 1e6 ? ctx.cfg.policy : ctx.cfg.fastPolicy
      // interleaved rounds, as in the op suite: every variant sampled in every round; re-measured when busy
      let samples: number[][] = []
      let foreign: number | null = null
      for (let attempt = 0; attempt <= MAX_RETRIES; attempt++) {
        const t0 = performance.now()
        if (attempt > 0) {
          ctx.progress.log(`break-even ${op} n=${n}: machine busy (other processes used ${foreign} cores), measuring again`)
          ctx.progress.addTotal(variants.length * ctx.cfg.rounds)
          await sleep(500)
        }
        const mark = ctx.cpu.mark()
        const got: number[][] = variants.map(() => [])
        for (let r = 0; r < ctx.cfg.rounds; r++) {
          const pol = roundPolicy(policy, r, ctx.cfg.rounds)
          for (let k = 0; k < variants.length; k++) {
            const i = (k + r) % variants.length
            const call = calls[i]
            const curve = cs[i]!
            if (!call || !curve.available) { ctx.progress.tick(); continue }
            try {
              const m = variants[i]!.variant === 'inline' ? measureSync(() => call(x, y, o), pol) : await measureAsync(() => call(x, y, o) as Promise<unknown>, pol)
              got[i]!.push(...m.samplesMs)
            } catch (e) {
              curve.available = false
              curve.note = errorText(e)
              ctx.missing(`break-even ${op} ${variants[i]!.variant} ${variants[i]!.threads}`, errorText(e))
            }
            ctx.progress.tick(`${op} n=${n} ${variants[i]!.variant}`)
          }
        }
        const f = ctx.cpu.foreign(mark)
        if (attempt > 0) ctx.spentOnRetry(performance.now() - t0)
        if (attempt === 0 || (f ?? 0) < (foreign ?? 0)) { samples = got; foreign = f }
        if ((f ?? 0) <= BUSY_THRESHOLD || !ctx.mayRetry()) break
      }
      if (op === 'sum') sumForeign.push(foreign)
      else addForeign.push(foreign)
      cs.forEach((curve, i) => curve.points.push({ n, medianMs: curve.available && samples[i]!.length ? median(samples[i]!) : null }))
    }
    curves.push(...cs)
  }
  // one figure per size: the busier of the two ops' measurements
  const foreignLoad = sizes.map((_, i) => {
    const xs = [sumForeign[i], addForeign[i]].filter((x): x is number => x != null)
    return xs.length ? Math.max(...xs) : null
  })
  return { sizes, foreignLoad, curves, crossovers: crossovers(curves) }
}

export function crossovers(curves: readonly BreakEvenCurve[]): BreakEvenCrossover[] {
  const out: BreakEvenCrossover[] = []
  for (const op of ['sum', 'add'] as const) {
    const inline = curves.find((c) => c.op === op && c.variant === 'inline')
    if (!inline?.available) continue
    const pts = (c: BreakEvenCurve): { n: number; ms: number }[] => c.points.filter((p) => p.medianMs !== null).map((p) => ({ n: p.n, ms: p.medianMs! }))
    for (const c of curves) {
      if (c.op !== op || c.variant === 'inline' || !c.available) continue
      const x = crossover(pts(inline), pts(c))
      out.push({ op, variant: c.variant as 'pool' | 'pool+main', threads: c.threads, mainThreadShare: c.mainThreadShare, n: x.n, where: x.where })
    }
  }
  return out
}
