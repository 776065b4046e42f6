/**
 * Job dispatch latency: a tiny add (16 elements, out=) as a round trip through the pool at each thread count
 * (inlineThreshold 0), the same call answered inline by a default Runtime (the async wrapper's own cost), and
 * the synchronous @strided/core call.
 */
import { coreFn, errorText, rtMethod, zeros } from '../api.js'
import type { Context } from '../context.js'
import { measureAsync, measureSync, type Measured } from '../measure.js'
import type { DispatchCase } from '../schema.js'
import { quantile } from '../stats.js'

const N = 16

function entry(variant: DispatchCase['variant'], threads: number, m: Measured | null, note: string | null): DispatchCase {
  return {
    variant, op: 'add', n: N, threads, available: m !== null, note,
    timing: m?.summary ?? null, medianUs: m ? m.summary.medianMs * 1e3 : null, p90Us: m ? quantile(m.samplesMs, 0.9) * 1e3 : null,
  }
}

export function plannedDispatchTicks(ctx: Context): number { return ctx.threads.length + 2 }

export async function runDispatch(ctx: Context): Promise<DispatchCase[]> {
  ctx.progress.phase('dispatch')
  const a = zeros([N])
  const b = zeros([N])
  const out = zeros([N])
  const res: DispatchCase[] = []
  const pol = ctx.cfg.dispatchPolicy
  const add = coreFn('add')
  if (add) {
    try { res.push(entry('sync', 0, measureSync(() => add(a, b, { out }), pol), '@strided/core add on the calling thread')) } catch (e) { res.push(entry('sync', 0, null, errorText(e))) }
  } else res.push(entry('sync', 0, null, '@strided/core does not export add'))
  ctx.progress.tick('sync')
  const rtDefault = await ctx.runtime({ threads: ctx.maxThreads })
  const f0 = typeof rtDefault === 'string' ? null : rtMethod(rtDefault, 'add')
  if (f0) {
    try { res.push(entry('inline-async', ctx.maxThreads, await measureAsync(() => f0(a, b, { out }), pol), 'Runtime.add below inlineThreshold: runs inline, async wrapper only')) } catch (e) { res.push(entry('inline-async', ctx.maxThreads, null, errorText(e))) }
  } else res.push(entry('inline-async', ctx.maxThreads, null, typeof rtDefault === 'string' ? rtDefault : 'Runtime has no add'))
  ctx.progress.tick('inline-async')
  for (const t of ctx.threads) {
    const rt = await ctx.runtime({ threads: t, inlineThreshold: 0 })
    const f = typeof rt === 'string' ? null : rtMethod(rt, 'add')
    if (!f) { res.push(entry('pool', t, null, typeof rt === 'string' ? rt : 'Runtime has no add')); ctx.progress.tick(); continue }
    try {
      res.push(entry('pool', t, await measureAsync(() => f(a, b, { out }), pol), `round trip through ${t} worker${t > 1 ? 's' : ''} (inlineThreshold 0)`))
    } catch (e) {
      ctx.missing(`dispatch ${t} threads`, errorText(e))
      res.push(entry('pool', t, null, errorText(e)))
    }
    ctx.progress.tick(`pool ${t}`)
  }
  return res
}
