/**
 * sharesMemory latency: two slices of one buffer, for views of 1 to 4 dimensions and growing size, in three
 * situations (disjoint halves: the extent test answers; interleaved even/odd elements: the exact solver must
 * prove there is no common byte; overlapping: the solver finds one), against np.shares_memory on the same views.
 */
import { coreFn, errorText, zeros } from '../api.js'
import type { Context } from '../context.js'
import { measureSync } from '../measure.js'
import type { SharesCase } from '../schema.js'
import { summarize } from '../stats.js'

export interface SharesSpec {
  ndim: number
  viewSize: number
  case: SharesCase['case']
  baseShape: number[]
  a: string
  b: string
  expected: boolean
}

/** The view pairs for `ndim` dimensions and about `size` elements per view. */
export function sharesSpecs(ndim: number, size: number): SharesSpec[] {
  const L = Math.max(2, Math.round(size ** (1 / ndim)))
  const viewSize = L ** ndim
  const lead = Array<string>(ndim - 1).fill(':')
  const idx = (last: string): string => [...lead, last].join(', ')
  const firstAxis = (sl: string): string => [sl, ...Array<string>(ndim - 1).fill(':')].join(', ')
  const wide = [...Array<number>(ndim - 1).fill(L), 2 * L]
  return [
    { ndim, viewSize, case: 'disjoint', baseShape: [2 * L, ...Array<number>(ndim - 1).fill(L)], a: firstAxis(`:${L}`), b: firstAxis(`${L}:`), expected: false },
    { ndim, viewSize, case: 'interleaved', baseShape: wide, a: idx('::2'), b: idx('1::2'), expected: false },
    { ndim, viewSize, case: 'overlapping', baseShape: wide, a: idx('::2'), b: idx('2::2'), expected: true },
  ]
}

export function plannedSharesTicks(ctx: Context): number {
  return 4 * ctx.cfg.sharesSizes.length * 3 * (ctx.numpy ? 2 : 1)
}

export async function runShares(ctx: Context): Promise<SharesCase[]> {
  ctx.progress.phase('sharesMemory')
  const out: SharesCase[] = []
  const sharesMemory = coreFn('sharesMemory')
  if (!sharesMemory) ctx.missing('sharesMemory', '@strided/core does not export sharesMemory')
  else {
    // JIT-warm every code path (extent test, solver, all ndims) before the first case is timed
    try {
      const views = [1, 2, 3, 4].flatMap((nd) => sharesSpecs(nd, 100)).map((s) => { const b = zeros(s.baseShape); return [b.slice(s.a), b.slice(s.b)] as const })
      const t0 = performance.now()
      while (performance.now() - t0 < Math.max(20, 10 * ctx.cfg.fastPolicy.warmupMs)) for (const [x, y] of views) sharesMemory(x, y)
    } catch { /* reported per case below */ }
  }
  for (const size of ctx.cfg.sharesSizes) {
    for (let ndim = 1; ndim <= 4; ndim++) {
      for (const s of sharesSpecs(ndim, size)) {
        const base = { ndim: s.ndim, viewSize: s.viewSize, case: s.case, baseShape: s.baseShape, a: s.a, b: s.b, expected: s.expected }
        const label = `${s.ndim}-D ${s.case} ${s.viewSize}`
        // ours
        if (!sharesMemory) out.push({ ...base, impl: 'strided', available: false, note: 'sharesMemory is not exported', result: null, timing: null, medianUs: null })
        else {
          try {
            const buf = zeros(s.baseShape)
            const va = buf.slice(s.a)
            const vb = buf.slice(s.b)
            const result = Boolean(sharesMemory(va, vb))
            const m = measureSync(() => sharesMemory(va, vb), ctx.cfg.fastPolicy)
            const note = result === s.expected ? null : `WRONG: returned ${result}, expected ${s.expected}`
            if (note) ctx.missing(`sharesMemory ${label}: wrong result`, note)
            out.push({ ...base, impl: 'strided', available: true, note, result, timing: m.summary, medianUs: m.summary.medianMs * 1e3 })
          } catch (e) {
            ctx.missing(`sharesMemory ${label}`, errorText(e))
            out.push({ ...base, impl: 'strided', available: false, note: errorText(e), result: null, timing: null, medianUs: null })
          }
        }
        ctx.progress.tick(`strided ${label}`)
        if (ctx.numpy) {
          try {
            const r = await ctx.numpy.shares(s.baseShape, s.a, s.b, ctx.cfg.fastPolicy)
            const t = summarize(r.samplesMs, r.batch)
            out.push({ ...base, impl: 'numpy', available: true, note: r.result === s.expected ? null : `returned ${r.result}`, result: r.result, timing: t, medianUs: t.medianMs * 1e3 })
          } catch (e) {
            out.push({ ...base, impl: 'numpy', available: false, note: errorText(e), result: null, timing: null, medianUs: null })
          }
          ctx.progress.tick(`numpy ${label}`)
        }
      }
    }
  }
  return out
}
