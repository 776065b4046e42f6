/** One benchmark run: start the peers, run the suites in order, collect a Results document, write the files. */
import { mkdirSync, writeFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { performance } from 'node:perf_hooks'
import type { CliOptions } from './args.js'
import { modeConfig } from './config.js'
import { BUSY_THRESHOLD, Context, MAX_RETRIES } from './context.js'
import { loadAverage, machineFacts } from './machine.js'
import { ClonePeer } from './peers/clone.js'
import { NumpyPeer } from './peers/numpy.js'
import { NumpyTsPeer } from './peers/numpyts.js'
import { createProgress } from './progress.js'
import { buildReport } from './report/html.js'
import { RESULTS_SCHEMA, SCHEMA_ID, SCHEMA_VERSION, validateResults, type Results } from './schema.js'
import { ccVersion, emptyStream, runStream } from './stream/index.js'
import { plannedBreakEvenTicks, runBreakEven } from './suites/breakeven.js'
import { plannedDispatchTicks, runDispatch } from './suites/dispatch.js'
import { plannedEventLoopTicks, runEventLoop } from './suites/eventloop.js'
import { plannedOpTicks, runOps, SORT_MAX_N } from './suites/ops.js'
import { plannedSharesTicks, runShares } from './suites/shares.js'
import { fmtCount, renderMarkdown, sections } from './table.js'

export interface RunIo { command: string; showProgress: boolean; quiet?: boolean }

export async function runBench(opts: CliOptions, io: RunIo): Promise<Results> {
  const t0 = performance.now()
  const started = new Date()
  const cfg = modeConfig(opts.mode)
  const has = (s: string): boolean => opts.suites.includes(s as never)
  const notes: string[] = []
  const pre = createProgress({ enabled: false, total: 0, quiet: io.quiet })

  // peers
  let numpy: NumpyPeer | null = null
  if (!opts.numpy) notes.push('NumPy peer skipped (--no-numpy): ×NumPy columns are n/a')
  else if (has('ops') || has('shares')) {
    const p = await NumpyPeer.start(opts.python)
    if (typeof p === 'string') { notes.push(p); pre.log(p) } else numpy = p
  }
  let numpyTs: NumpyTsPeer | null = null
  if (opts.numpyTs && has('ops')) {
    const p = await NumpyTsPeer.load()
    if (typeof p === 'string') { notes.push(p); pre.log(p) } else numpyTs = p
  }
  let clone: ClonePeer | null = null
  if (opts.clone && has('ops')) {
    const p = await ClonePeer.start()
    if (typeof p === 'string') { notes.push(p); pre.log(p) } else clone = p
  }
  const cc = ccVersion()
  const machine = machineFacts({ python: numpy?.python ?? null, numpy: numpy?.numpy ?? null, cc }, started)

  const progress = createProgress({ enabled: io.showProgress, total: 0, quiet: io.quiet })
  const ctx = new Context(opts, cfg, progress, numpy, numpyTs, clone)
  progress.addTotal(
    (has('stream') ? opts.threads.length * cfg.rounds : 0) + (has('ops') ? plannedOpTicks(ctx) : 0) + (has('shares') ? plannedSharesTicks(ctx) : 0)
    + (has('dispatch') ? plannedDispatchTicks(ctx) : 0) + (has('breakeven') ? plannedBreakEvenTicks(ctx) : 0) + (has('eventloop') ? plannedEventLoopTicks() : 0),
  )
  notes.push(
    'strided rows run every job through the worker pool (inlineThreshold 0, mainThreadShare off); "core inline" is the synchronous @strided/core call on the calling thread.',
    'NumPy runs in a python3 subprocess on its own arrays of the same shapes (uniform [0, 1) values), asked case by case between our measurements.',
    'scale is multiply(x, 2, {out: x}) on the output array of the other ops (in place), NumPy np.multiply(c, 2, out=c).',
    `sort is sort(a) of the 1-D input (a new array per call), NumPy np.sort(a) (default kind), at the 1-D sizes up to ${fmtCount(SORT_MAX_N)} (larger sorts would take minutes).`,
  )

  const res: Results = {
    schema: SCHEMA_ID, version: SCHEMA_VERSION, command: io.command, durationS: 0, machine,
    config: {
      mode: opts.mode, threads: opts.threads, suites: opts.suites, peers: { numpy: numpy !== null, numpyTs: numpyTs !== null, clone: clone !== null },
      sizes1d: cfg.sizes1d, side2d: cfg.side2d, breakEvenSizes: cfg.breakEvenSizes, sharesSizes: cfg.sharesSizes, eventLoopN: cfg.eventLoopN, streamN: cfg.streamN,
      rounds: cfg.rounds, busyThreshold: BUSY_THRESHOLD, maxRetries: cfg.retryBudgetMs > 0 ? MAX_RETRIES : 0, policy: cfg.policy, fastPolicy: cfg.fastPolicy,
    },
    stream: emptyStream('not run (suite skipped)', cfg.streamN, cfg.streamReps),
    ops: [], sharesMemory: [], dispatch: [], breakEven: { sizes: [], foreignLoad: [], curves: [], crossovers: [] }, eventLoop: null,
    unavailable: ctx.unavailable, notes,
  }
  try {
    if (has('stream')) {
      progress.phase('STREAM ceiling')
      res.stream = await runStream(cfg.streamN, cfg.streamReps, opts.threads, () => progress.tick('stream'), cfg.rounds, ctx.cpu, (m) => progress.log(m), cfg.retryBudgetMs > 0 ? MAX_RETRIES : 0)
      if (!res.stream.available) ctx.missing('memory ceiling', res.stream.note ?? 'unavailable')
    }
    ctx.stream = res.stream
    if (has('ops')) res.ops = await runOps(ctx)
    if (has('shares')) res.sharesMemory = await runShares(ctx)
    if (has('dispatch')) res.dispatch = await runDispatch(ctx)
    if (has('breakeven')) res.breakEven = await runBreakEven(ctx)
    if (has('eventloop')) res.eventLoop = await runEventLoop(ctx)
  } finally {
    progress.stop()
    await ctx.closeAll()
    await numpy?.close()
    await clone?.close()
    numpyTs?.release()
  }
  res.machine.loadAverageEnd = loadAverage()
  res.durationS = Math.round((performance.now() - t0) / 100) / 10
  return res
}

export interface Written { dir: string; json: string; html: string; markdown: string; schema: string; errors: string[] }

/** Validate and write results.json, results.schema.json, results.md and report.html into `outDir`. */
export async function writeOutputs(res: Results, outDir: string): Promise<Written> {
  const dir = resolve(outDir)
  mkdirSync(dir, { recursive: true })
  const v = validateResults(JSON.parse(JSON.stringify(res)))
  const w: Written = {
    dir, json: join(dir, 'results.json'), html: join(dir, 'report.html'), markdown: join(dir, 'results.md'), schema: join(dir, 'results.schema.json'), errors: v.errors,
  }
  writeFileSync(w.json, JSON.stringify(res, null, 2) + '\n')
  writeFileSync(w.schema, JSON.stringify(RESULTS_SCHEMA, null, 2) + '\n')
  writeFileSync(w.markdown, `# strided benchmark results (${res.config.mode}, ${res.machine.date})\n\nCommand: \`${res.command}\`\n\n${renderMarkdown(sections(res))}`)
  writeFileSync(w.html, await buildReport(res))
  return w
}
