import { describe, expect, it } from 'vitest'
import { spawn } from 'node:child_process'
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import {
  SCHEMA_ID, SCHEMA_VERSION, UsageError, roundPolicy, breakEvenVariants, buildReport, caseId, ceilingFraction, crossover, crossovers, defaultThreads, derive,
  finiteOrNull, gbps, halfDecades, inlineSvg, measureAsync, measureSync, median, modeConfig, parseArgs, parseThreads, quantile, ratio,
  renderMarkdown, renderText, sections, sharesSpecs, speedup, spread, summarize, validateResults, vsNumpy, chartSpecs, headlineCases, sortRows,
  OP_SPECS, SORT_MAX_N, opsFor, type OpCase, type Policy, type Results, type StreamInfo,
} from '../packages/bench/src/index.js'
import { PYTHON, liveNumpyFor } from './support/numpy.js'
import { SOURCE_NODE_FLAGS } from './support/source-node.js'

const ROOT = fileURLToPath(new URL('..', import.meta.url))

// ------------------------------------------------------------------------------------------ fixtures

const timing = (ms: number): NonNullable<OpCase['runs'][number]['timing']> => ({ medianMs: ms, minMs: ms * 0.9, maxMs: ms * 1.3, q1Ms: ms * 0.95, q3Ms: ms * 1.1, reps: 7, batch: 1 })

const stream: StreamInfo = {
  available: true, note: null, compiler: 'cc 12', flags: ['-O3', '-fopenmp'], openmp: true, n: 8e7, reps: 10,
  results: [
    { kernel: 'sum', threads: 1, gbps: 13.6, bestGbps: 14, medianMs: 47 }, { kernel: 'sum', threads: 2, gbps: 23.8, bestGbps: 24, medianMs: 27 },
    { kernel: 'add', threads: 1, gbps: 18.8, bestGbps: 19, medianMs: 102 }, { kernel: 'add', threads: 2, gbps: 27.5, bestGbps: 28, medianMs: 70 },
    { kernel: 'copy', threads: 1, gbps: 17.1, bestGbps: 18, medianMs: 75 }, { kernel: 'copy', threads: 2, gbps: 26.4, bestGbps: 27, medianMs: 48 },
    { kernel: 'scale', threads: 1, gbps: 16.4, bestGbps: 17, medianMs: 78 }, { kernel: 'scale', threads: 2, gbps: 24.2, bestGbps: 25, medianMs: 53 },
    { kernel: 'triad', threads: 1, gbps: 18.8, bestGbps: 19, medianMs: 102 }, { kernel: 'triad', threads: 2, gbps: 27.5, bestGbps: 28, medianMs: 70 },
  ].map((r) => ({ ...r, foreignLoad: 0.02 })) as StreamInfo['results'],
}

function run(impl: OpCase['runs'][number]['impl'], threads: number, ms: number | null): OpCase['runs'][number] {
  return {
    impl, threads, available: ms !== null, note: ms === null ? 'not there' : null, valid: ms === null ? null : true, timing: ms === null ? null : timing(ms),
    gbps: null, ceilingGbps: null, ceilingFraction: null, speedupVs1: null, vsNumpy: null,
  }
}

function opCase(op: OpCase['op'], shape: number[], layout: 'C' | 'F', bytesPerElem: number, ms: [number, number, number, number, number | null]): OpCase {
  const n = shape.reduce((a, b) => a * b, 1)
  const kernel = op === 'add' ? 'add' : op === 'transpose_copy' || op === 'sort' ? 'copy' : op.startsWith('sum') ? 'sum' : 'scale'
  return derive({
    id: caseId(op, shape, layout), op, label: op, shape, n, layout, dtype: 'float64', bytes: bytesPerElem * n, ceilingKernel: kernel, bound: OP_SPECS[op].bound, foreignLoad: 0.05, attempts: 1,
    runs: [run('inline', 1, ms[0]), run('strided', 1, ms[1]), run('strided', 2, ms[2]), run('numpy', 1, ms[3]), run('numpy-ts', 1, ms[4])],
  }, stream)
}

export function sampleResults(): Results {
  return {
    schema: SCHEMA_ID, version: SCHEMA_VERSION, command: 'pnpm bench --smoke', durationS: 12.5,
    machine: {
      cpuModel: 'AMD EPYC', logicalCpus: 2, availableParallelism: 2, memoryGiB: 23.5, platform: 'linux', arch: 'x64', osRelease: '6.1', node: 'v20.20.2', v8: '11.3',
      python: '3.11.7', numpy: '2.4.6', numpyTs: '1.7.0', cc: 'cc 12', gitCommit: 'abc', gitDirty: false, date: '2026-11-22T00:00:00.000Z', loadAverage: [0.1, 0.2, 0.3], loadAverageEnd: [1, 1, 1],
    },
    config: {
      mode: 'smoke', threads: [1, 2], suites: ['ops'], peers: { numpy: true, numpyTs: true, clone: false }, sizes1d: [50_000_000], side2d: 4000, breakEvenSizes: [1000, 10000],
      sharesSizes: [100], eventLoopN: 1000, streamN: 80_000_000, rounds: 1, busyThreshold: 0.3, maxRetries: 2, policy: modeConfig('smoke').policy, fastPolicy: modeConfig('smoke').fastPolicy,
    },
    stream,
    ops: [
      opCase('sum', [50_000_000], 'C', 8, [40, 38, 25, 27.7, 30]),
      opCase('add', [50_000_000], 'C', 24, [90, 80, 55, 59, 126]),
      opCase('sum_axis0', [4000, 4000], 'C', 8, [20, 18, 10, 8.7, 24]),
      opCase('sum_axis0', [4000, 4000], 'F', 8, [20, 18, 10, 8.7, null]),
      opCase('sum_axis1', [4000, 4000], 'C', 8, [20, 18, 10, 8.1, 61]),
      opCase('sum_axis1', [4000, 4000], 'F', 8, [20, 18, 10, 9, null]),
      // sort stops at SORT_MAX_N, below the other ops' 5e7
      opCase('sort', [1_000_000], 'C', 16, [120, 125, 70, 20, 90]),
      opCase('sort', [10_000_000], 'C', 16, [1400, 1450, 800, 190, 1000]),
    ],
    sharesMemory: [1, 2, 3, 4].flatMap((ndim) => (['disjoint', 'interleaved', 'overlapping'] as const).flatMap((c) => (['strided', 'numpy'] as const).map((impl) => ({
      ndim, viewSize: 100, case: c, baseShape: [10, 20], a: ':, ::2', b: ':, 1::2', impl, available: true, note: null, result: c === 'overlapping', expected: c === 'overlapping',
      timing: timing(0.001 * ndim), medianUs: ndim,
    })))),
    dispatch: [
      { variant: 'sync', op: 'add', n: 16, threads: 0, available: true, note: null, timing: timing(0.001), medianUs: 1, p90Us: 1.5 },
      { variant: 'pool', op: 'add', n: 16, threads: 2, available: true, note: null, timing: timing(0.15), medianUs: 150, p90Us: 300 },
    ],
    breakEven: {
      sizes: [1000, 10000, 100000],
      foreignLoad: [0, 0.1, null],
      curves: [
        { op: 'sum', variant: 'inline', threads: 0, mainThreadShare: false, available: true, note: null, points: [{ n: 1000, medianMs: 0.001 }, { n: 10000, medianMs: 0.01 }, { n: 100000, medianMs: 0.1 }] },
        { op: 'sum', variant: 'pool', threads: 2, mainThreadShare: false, available: true, note: null, points: [{ n: 1000, medianMs: 0.1 }, { n: 10000, medianMs: 0.1 }, { n: 100000, medianMs: 0.05 }] },
      ],
      crossovers: [{ op: 'sum', variant: 'pool', threads: 2, mainThreadShare: false, n: 31623, where: 'within' }],
    },
    eventLoop: {
      resolutionMs: 1, op: 'sqrt(a, {out})', n: 1000, bytes: 16000,
      scenarios: [
        { scenario: 'idle', threads: 0, mainThreadShare: false, available: true, note: null, jobs: 0, jobMedianMs: null, p50Ms: 0.05, p99Ms: 0.2, maxMs: 1, samples: 100, foreignLoad: 0 },
        { scenario: 'inline', threads: 0, mainThreadShare: false, available: true, note: null, jobs: 3, jobMedianMs: 300, p50Ms: 250, p99Ms: 300, maxMs: 301, samples: 3, foreignLoad: 0.4 },
      ],
    },
    unavailable: [{ what: 'numpy-ts sum_axis0 (F order)', reason: 'no F order' }],
    notes: ['a note'],
  }
}

// ------------------------------------------------------------------------------------------ statistics

describe('bench statistics', () => {
  it('median and quantiles interpolate like NumPy', () => {
    expect(median([3, 1, 2])).toBe(2)
    expect(median([4, 1, 3, 2])).toBe(2.5)
    expect(quantile([1, 2, 3, 4, 5], 0.25)).toBe(2)
    expect(quantile([10, 20], 0.25)).toBe(12.5)
    expect(quantile([7], 0.9)).toBe(7)
    expect(() => median([])).toThrow(RangeError)
    expect(() => quantile([1], 1.5)).toThrow(RangeError)
  })
  it('spread and summaries', () => {
    const s = spread([5, 1, 4, 2, 3])
    expect(s).toEqual({ min: 1, max: 5, q1: 2, q3: 4, iqr: 2 })
    const t = summarize([3, 1, 2, 10], 4)
    expect(t).toMatchObject({ medianMs: 2.5, minMs: 1, maxMs: 10, reps: 4, batch: 4 })
    expect(t.q1Ms).toBeCloseTo(1.75)
    expect(t.q3Ms).toBeCloseTo(4.75)
  })
  it('GB/s, speedup, ratio vs NumPy and ceiling fraction', () => {
    expect(gbps(400e6, 20)).toBeCloseTo(20) // 400 MB in 20 ms
    expect(gbps(24 * 5e7, 59)).toBeCloseTo(20.34, 2)
    expect(Number.isNaN(gbps(1, 0))).toBe(true)
    expect(speedup(30, 20)).toBe(1.5)
    expect(vsNumpy(27.7, 24.5)).toBeCloseTo(1.1306, 3) // > 1: faster than NumPy
    expect(vsNumpy(10, 20)).toBe(0.5)
    expect(ceilingFraction(13.6, 27.2)).toBe(0.5)
    expect(Number.isNaN(ratio(null, 1))).toBe(true)
    expect(Number.isNaN(ratio(1, -1))).toBe(true)
    expect(finiteOrNull(NaN)).toBeNull()
    expect(finiteOrNull(2)).toBe(2)
  })
  it('derive fills GB/s, ceilings, speedups and NumPy ratios from timings', () => {
    const c = opCase('add', [50_000_000], 'C', 24, [90, 80, 40, 60, null])
    const byKey = Object.fromEntries(c.runs.map((r) => [`${r.impl}${r.threads}`, r]))
    expect(byKey.strided2!.gbps).toBeCloseTo(30)
    expect(byKey.strided2!.ceilingGbps).toBe(27.5) // the 2-thread add ceiling
    expect(byKey.strided1!.ceilingGbps).toBe(18.8)
    expect(byKey.inline1!.ceilingGbps).toBe(18.8) // single-thread peers use the 1-thread ceiling
    expect(byKey.strided2!.ceilingFraction).toBeCloseTo(30 / 27.5)
    expect(byKey.strided2!.speedupVs1).toBe(2)
    expect(byKey.strided1!.speedupVs1).toBe(1)
    expect(byKey.inline1!.speedupVs1).toBeNull()
    expect(byKey.strided2!.vsNumpy).toBe(1.5)
    expect(byKey.numpy1!.vsNumpy).toBe(1)
    expect(byKey['numpy-ts1']!.gbps).toBeNull()
  })
  it('crossover finds where the pool stays faster, interpolated on log n', () => {
    const inline = [1e3, 1e4, 1e5, 1e6].map((n) => ({ n, ms: n * 1e-6 }))
    const pool = [1e3, 1e4, 1e5, 1e6].map((n) => ({ n, ms: 0.04 + n * 0.5e-6 })) // equal at n = 8e4
    const x = crossover(inline, pool)
    expect(x.where).toBe('within')
    expect(x.n!).toBeGreaterThan(1e4)
    expect(x.n!).toBeLessThan(1e5)
    expect(crossover(inline, inline.map((p) => ({ n: p.n, ms: p.ms / 2 })))).toEqual({ n: 1e3, where: 'below' })
    expect(crossover(inline, inline.map((p) => ({ n: p.n, ms: p.ms * 2 })))).toEqual({ n: null, where: 'never' })
    // a dip that does not last does not count
    const noisy = [{ n: 1e3, ms: 0.0005 }, { n: 1e4, ms: 0.1 }, { n: 1e5, ms: 0.01 }, { n: 1e6, ms: 0.5 }]
    const xn = crossover(inline, noisy)
    expect(xn.where).toBe('within') // not 'below': the early dip at 1e3 does not last
    expect(xn.n!).toBeGreaterThan(1e4)
    expect(xn.n!).toBeLessThan(1e5)
    const be = sampleResults().breakEven
    expect(crossovers(be.curves)[0]).toMatchObject({ op: 'sum', variant: 'pool', threads: 2, where: 'within' })
  })
  it('measureSync/measureAsync honour the repetition policy and batch short calls', async () => {
    const p: Policy = { warmupCalls: 3, warmupMs: 0, minReps: 5, maxReps: 9, targetMs: 0, minSampleMs: 0.5, maxMs: 1000 }
    let calls = 0
    const m = measureSync(() => { calls++ }, p)
    expect(m.samplesMs.length).toBe(5)
    expect(m.warmupCalls).toBe(3)
    expect(m.batch).toBeGreaterThan(1) // a no-op is far below 0.5 ms
    expect(calls).toBe(3 + 5 * m.batch)
    const slow = measureSync(() => { const t = performance.now(); while (performance.now() - t < 1); }, { ...p, targetMs: 1e9, maxMs: 30 })
    expect(slow.batch).toBe(1)
    expect(slow.samplesMs.length).toBeGreaterThanOrEqual(5) // minReps wins over maxMs
    expect(slow.samplesMs.length).toBeLessThanOrEqual(9)
    const a = await measureAsync(async () => { await new Promise((r) => setImmediate(r)) }, { ...p, minSampleMs: 0 })
    expect(a.samplesMs.length).toBe(5)
    expect(a.summary.medianMs).toBeGreaterThan(0)
  })
})

describe('interleaved rounds', () => {
  it('share the repetitions out and warm up fully only in the first round', () => {
    const p: Policy = { warmupCalls: 2, warmupMs: 150, minReps: 7, maxReps: 200, targetMs: 600, minSampleMs: 1, maxMs: 9000 }
    expect(roundPolicy(p, 0, 1)).toBe(p)
    const r0 = roundPolicy(p, 0, 3)
    const r2 = roundPolicy(p, 2, 3)
    expect(r0).toMatchObject({ warmupCalls: 2, warmupMs: 150, minReps: 3, maxReps: 67, targetMs: 200, maxMs: 3000 })
    expect(r2).toMatchObject({ warmupCalls: 1, warmupMs: 0, minReps: 3 })
    expect(3 * r2.minReps).toBeGreaterThanOrEqual(p.minReps) // at least minReps samples in all
  })
})

// ------------------------------------------------------------------------------------------ CLI arguments

describe('bench CLI arguments', () => {
  it('defaults: full mode, threads 1, powers of two and the max', () => {
    const o = parseArgs([], 2)
    expect(o).toMatchObject({ mode: 'full', threads: [1, 2], outDir: 'bench-results', numpy: true, numpyTs: true, clone: true, help: false })
    expect(o.suites).toEqual(['stream', 'ops', 'shares', 'dispatch', 'breakeven', 'eventloop'])
    expect(defaultThreads(1)).toEqual([1])
    expect(defaultThreads(6)).toEqual([1, 2, 4, 6])
    expect(defaultThreads(8)).toEqual([1, 2, 4, 8])
    expect(defaultThreads(16)).toEqual([1, 2, 4, 8, 16])
  })
  it('modes, threads lists, folders and peers', () => {
    expect(parseArgs(['--quick'], 2).mode).toBe('quick')
    expect(parseArgs(['--smoke', '--smoke'], 2).mode).toBe('smoke')
    expect(parseArgs(['--mode', 'quick'], 2).mode).toBe('quick')
    expect(parseArgs(['--mode=smoke'], 2).mode).toBe('smoke')
    expect(parseArgs(['--threads', '4,1,2,2'], 2).threads).toEqual([1, 2, 4])
    expect(parseArgs(['--threads=3'], 2).threads).toEqual([3])
    expect(parseThreads(' 1, 8 ')).toEqual([1, 8])
    const o = parseArgs(['--', '--out', '/tmp/x', '--no-numpy', '--no-numpy-ts', '--no-clone', '--python', 'py3', '--no-progress', '--only', 'ops,stream', '--skip', 'stream'], 2)
    expect(o).toMatchObject({ outDir: '/tmp/x', numpy: false, numpyTs: false, clone: false, python: 'py3', progress: 'off', suites: ['ops'] })
    expect(parseArgs(['-h'], 2).help).toBe(true)
  })
  it('rejects bad arguments with a UsageError that says what is wrong', () => {
    const bad: [string[], RegExp][] = [
      [['--threads', '0'], /≥ 1/], [['--threads', 'two'], /not a positive integer/], [['--threads', '1,,2'], /not a positive integer/],
      [['--threads', '-1'], /needs a value|not a positive integer/], [['--threads'], /needs a value/], [['--threads', '1.5'], /not a positive integer/],
      [['--threads', '5000'], /more than/], [['--quick', '--smoke'], /conflicting modes/], [['--mode', 'fast'], /unknown mode/],
      [['--bogus'], /unknown option --bogus/], [['stray'], /unexpected argument/], [['--out'], /needs a value/], [['--out', '--quick'], /needs a value/],
      [['--only', 'nope'], /unknown suite "nope"/], [['--only', 'ops', '--skip', 'ops'], /leave no suite/], [['--quick=1'], /takes no value/],
    ]
    for (const [args, msg] of bad) {
      expect(() => parseArgs(args, 2), args.join(' ')).toThrow(UsageError)
      expect(() => parseArgs(args, 2), args.join(' ')).toThrow(msg)
    }
  })
  it('mode presets: smoke is tiny, quick is smaller than full, break-even sizes are half decades', () => {
    const [s, q, f] = (['smoke', 'quick', 'full'] as const).map(modeConfig)
    expect(Math.max(...s!.sizes1d)).toBeLessThanOrEqual(1e5)
    expect(Math.max(...q!.sizes1d)).toBeLessThan(Math.max(...f!.sizes1d))
    expect(f!.sizes1d).toEqual([1e6, 1e7, 5e7])
    expect(f!.side2d).toBe(4000)
    for (const c of [s!, q!, f!]) expect(c.policy.minReps).toBeGreaterThanOrEqual(5)
    expect(halfDecades(1e3, 1e5)).toEqual([1e3, 3e3, 1e4, 3e4, 1e5])
    expect(f!.breakEvenSizes[0]).toBe(1e3)
    expect(f!.breakEvenSizes.at(-1)).toBe(1e7)
  })
  it('break-even variants: pools of 2..N workers and N-1 workers plus the calling thread', () => {
    expect(breakEvenVariants([1, 2]).map((v) => `${v.variant}${v.threads}`)).toEqual(['inline0', 'pool2', 'pool+main1'])
    expect(breakEvenVariants([1, 2, 4]).map((v) => `${v.variant}${v.threads}`)).toEqual(['inline0', 'pool2', 'pool4', 'pool+main3'])
    expect(breakEvenVariants([1]).map((v) => `${v.variant}${v.threads}`)).toEqual(['inline0', 'pool1', 'pool+main1'])
  })
  it('sharesMemory view pairs have the advertised size and answers', () => {
    for (let nd = 1; nd <= 4; nd++) {
      const specs = sharesSpecs(nd, 1e4)
      expect(specs.map((s) => s.case)).toEqual(['disjoint', 'interleaved', 'overlapping'])
      for (const s of specs) {
        expect(s.baseShape.length).toBe(nd)
        expect(s.viewSize).toBe(Math.round(1e4 ** (1 / nd)) ** nd)
      }
      expect(specs.map((s) => s.expected)).toEqual([false, false, true])
    }
  })
})

// ------------------------------------------------------------------------------------------ schema

describe('results.json schema', () => {
  it('accepts a good document', () => {
    const v = validateResults(JSON.parse(JSON.stringify(sampleResults())))
    expect(v.errors).toEqual([])
    expect(v.ok).toBe(true)
  })
  it('rejects bad documents with a path to each problem', () => {
    const cases: [(d: any) => void, RegExp][] = [ // eslint-disable-line @typescript-eslint/no-explicit-any
      [(d) => { d.version = 2 }, /\$\.version: expected 1/],
      [(d) => { d.schema = 'other' }, /\$\.schema/],
      [(d) => { delete d.machine.cpuModel }, /\$\.machine: missing property "cpuModel"/],
      [(d) => { d.ops[0].runs[0].impl = 'rust' }, /\$\.ops\[0\]\.runs\[0\]\.impl: "rust" is not one of/],
      [(d) => { d.ops[0].op = 'argsort' }, /\$\.ops\[0\]\.op: "argsort" is not one of/],
      [(d) => { d.ops[0].runs[0].timing.medianMs = 'fast' }, /medianMs: expected number/],
      [(d) => { d.ops[0].runs[0].gbps = 'x' }, /gbps: expected number or null/],
      [(d) => { d.ops[0].extra = 1 }, /\$\.ops\[0\]: unexpected property "extra"/],
      [(d) => { d.config.threads = [] }, /threads: needs at least 1/],
      [(d) => { d.config.threads = [0] }, /below the minimum 1/],
      [(d) => { d.ops[1].id = d.ops[0].id }, /duplicate id/],
      [(d) => { d.ops[0].runs[1].timing = null }, /available run without timing/],
      [(d) => { d.ops[0].n = 3 }, /not the product of shape/],
      [(d) => { d.eventLoop.scenarios[0].scenario = 'busy' }, /scenario/],
      [(d) => { d.breakEven.crossovers[0].where = 'somewhere' }, /where/],
      [(d) => { d.ops[0].runs[1].timing.medianMs = 1e9 }, /median outside/],
      [(d) => { d.ops[0].attempts = 0 }, /attempts: 0 is below the minimum 1/],
      [(d) => { delete d.stream.results[0].foreignLoad }, /missing property "foreignLoad"/],
    ]
    for (const [mutate, msg] of cases) {
      const d = JSON.parse(JSON.stringify(sampleResults()))
      mutate(d)
      const v = validateResults(d)
      expect(v.ok, String(msg)).toBe(false)
      expect(v.errors.join('\n')).toMatch(msg)
    }
    expect(validateResults(null).ok).toBe(false)
    expect(validateResults({}).errors.length).toBeGreaterThan(5)
  })
})

// ------------------------------------------------------------------------------------------ report

describe('report', () => {
  it('console and Markdown tables carry every op run', () => {
    const res = sampleResults()
    const text = renderText(sections(res))
    expect(text).toContain('sum n=5e7')
    expect(text).toContain('strided 2T')
    expect(text).toMatch(/×NumPy/)
    const md = renderMarkdown(sections(res))
    expect(md).toMatch(/^\| case \| impl \| ms \|/m)
    expect(md.split('\n').filter((l) => l.startsWith('| sum_axis0 4000x4000 F')).length).toBe(5)
  })
  it('report.html is self-contained and has the SVG charts', async () => {
    const html = await buildReport(sampleResults())
    expect(html.startsWith('<!doctype html>')).toBe(true)
    const svgs = html.match(/<svg[\s>]/g) ?? []
    expect(svgs.length).toBeGreaterThanOrEqual(8)
    for (const id of ['speedup', 'bandwidth', 'breakeven', 'numpy', 'sort', 'shares', 'order', 'eventloop']) {
      expect(html).toMatch(new RegExp(`<figure id="chart-${id}"><h3>[^<]+</h3>\\n<svg`))
    }
    expect(html).not.toMatch(/<script/i)
    expect(html).not.toMatch(/https?:\/\//)
    expect(html).not.toMatch(/\b(src|href)=/i)
    expect(html).not.toMatch(/@import|url\(/i)
    expect(html).toContain('</html>')
    expect(inlineSvg('<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" width="1"></svg>')).toBe('<svg width="1"></svg>')
    expect(html).toMatch(/<figure id="chart-sort"><h3>Sort: time vs threads<\/h3>\n<svg[\s\S]*?<figcaption>[^<]*how many threads strided needs to match NumPy/)
  }, 30_000)
})

describe('sort in the op suite and its chart', () => {
  it('sort is compute-bound, counts 16 bytes per element and stops at SORT_MAX_N', () => {
    expect(OP_SPECS.sort).toMatchObject({ label: 'sort(a)', bound: 'compute', kernel: 'copy' })
    expect(OP_SPECS.sort.bytes(1e6, [1e6])).toBe(16e6)
    expect(SORT_MAX_N).toBe(1e7)
    expect(opsFor(1e7)).toEqual(['sum', 'add', 'scale', 'sqrt', 'exp', 'sort'])
    expect(opsFor(5e7)).toEqual(['sum', 'add', 'scale', 'sqrt', 'exp'])
    // every mode sorts at each of its 1-D sizes up to the cap (smoke: both, full: 1e6 and 1e7)
    expect(modeConfig('full').sizes1d.filter((n) => opsFor(n).includes('sort'))).toEqual([1e6, 1e7])
    for (const m of ['quick', 'smoke'] as const) expect(modeConfig(m).sizes1d.every((n) => opsFor(n).includes('sort'))).toBe(true)
  })
  it('the headline cases take each op at its own largest size, so sort n=1e7 is in the summary charts', () => {
    const res = sampleResults()
    const ids = headlineCases(res).map((c) => c.id)
    expect(ids).toContain('sort n=1e7')
    expect(ids).not.toContain('sort n=1e6')
    expect(ids).toContain('sum n=5e7')
    const charts = Object.fromEntries(chartSpecs(res).map((c) => [c.id, c]))
    expect(JSON.stringify(charts.speedup!.spec)).toContain('sort n=1e7')
    expect(JSON.stringify(charts.numpy!.spec)).toContain('sort n=1e7')
    // compute-bound: no bar in the bandwidth chart
    expect(JSON.stringify(charts.bandwidth!.spec)).not.toMatch(/sort n=/)
  })
  it('the sort chart has strided at every thread count and NumPy / inline as single-thread reference lines', () => {
    const res = sampleResults()
    const rows = sortRows(res)
    const big = rows.filter((r) => r.case === 'sort n=1e7')
    expect(big.filter((r) => r.series === 'strided').map((r) => [r.threads, r.ms])).toEqual([[1, 1450], [2, 800]])
    expect(big.filter((r) => r.threads === null).map((r) => [r.series, r.ms])).toEqual([['core inline', 1400], ['NumPy', 190]])
    expect(rows.filter((r) => r.case === 'sort n=1e6').length).toBe(4)
    expect(rows.some((r) => r.series === 'numpy-ts')).toBe(false)
    const chart = chartSpecs(res).find((c) => c.id === 'sort')!
    expect(chart.title).toBe('Sort: time vs threads')
    expect(chart.spec).not.toBeNull()
    const spec = JSON.stringify(chart.spec)
    expect(spec).toContain('"type":"rule"') // the reference lines
    expect(spec).toContain('"facet"') // one panel per size
    // no sort cases, or no pool timings: the chart says so instead of drawing
    const none = { ...res, ops: res.ops.filter((c) => c.op !== 'sort') }
    expect(chartSpecs(none).find((c) => c.id === 'sort')).toMatchObject({ spec: null, empty: 'sort was not measured' })
    const noPool = { ...res, ops: res.ops.map((c) => (c.op === 'sort' ? { ...c, runs: c.runs.filter((r) => r.impl !== 'strided') } : c)) }
    expect(sortRows(noPool)).toEqual([])
  })
})

// ------------------------------------------------------------------------------------------ the whole CLI

const hasNumpy = liveNumpyFor('the NumPy peer of the bench smoke run (it runs with --no-numpy)').ok

function cli(args: string[], timeoutMs: number): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const p = spawn(process.execPath, [...SOURCE_NODE_FLAGS, join(ROOT, 'packages/bench/src/cli.ts'), ...args], { cwd: ROOT, env: { ...process.env, FORCE_COLOR: '0' } })
    let stdout = ''
    let stderr = ''
    p.stdout.on('data', (d: Buffer) => { stdout += d.toString() })
    p.stderr.on('data', (d: Buffer) => { stderr += d.toString() })
    const t = setTimeout(() => p.kill('SIGKILL'), timeoutMs)
    p.on('close', (code) => { clearTimeout(t); resolve({ code, stdout, stderr }) })
  })
}

describe('bench CLI end to end', () => {
  it('--smoke writes a valid results.json and a self-contained report.html', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'strided-bench-test-'))
    try {
      const r = await cli(['--smoke', '--threads', '1,2', '--out', dir, ...(hasNumpy ? ['--python', PYTHON] : ['--no-numpy'])], 55_000)
      expect(r.code, r.stderr.slice(-2000)).toBe(0)
      expect(r.stdout).toMatch(/Ops \(float64\)/)
      expect(r.stdout).toContain('results.json')
      const doc = JSON.parse(readFileSync(join(dir, 'results.json'), 'utf8')) as Results
      const v = validateResults(doc)
      expect(v.errors).toEqual([])
      expect(doc.config).toMatchObject({ mode: 'smoke', threads: [1, 2] })
      expect(doc.ops.length).toBeGreaterThanOrEqual(17)
      // sort at both smoke sizes: checked against a reference sort and timed for every implementation
      const sorts = doc.ops.filter((c) => c.op === 'sort')
      expect(sorts.map((c) => c.id)).toEqual(['sort n=3e3', 'sort n=3e4'])
      for (const c of sorts) {
        expect(c).toMatchObject({ bound: 'compute', bytes: 16 * c.n, label: 'sort(a)' })
        const by = (impl: string, t = 1) => c.runs.find((x) => x.impl === impl && x.threads === t)
        for (const rr of [by('inline'), by('strided', 1), by('strided', 2)]) expect(rr).toMatchObject({ available: true, valid: true })
        if (hasNumpy) expect(by('numpy')?.timing?.medianMs).toBeGreaterThan(0)
        if (doc.config.peers.numpyTs) expect(by('numpy-ts')).toMatchObject({ available: true, valid: true })
        expect(by('clone')).toBeUndefined() // the clone worker has no sort
      }
      expect(doc.sharesMemory.length).toBeGreaterThan(0)
      expect(doc.machine.node).toBe(process.version)
      if (hasNumpy) expect(doc.machine.numpy).toMatch(/^\d+\.\d+/)
      else expect(doc.notes.join(' ')).toMatch(/NumPy peer skipped/)
      // every op either ran or says why not
      for (const c of doc.ops) for (const run of c.runs) expect(run.available || (run.note ?? '').length > 0).toBe(true)
      const html = readFileSync(join(dir, 'report.html'), 'utf8')
      expect((html.match(/<svg[\s>]/g) ?? []).length).toBeGreaterThanOrEqual(4)
      expect(html).toMatch(/<figure id="chart-sort"><h3>[^<]+<\/h3>\n<svg/)
      expect(html).not.toMatch(/<script|https?:\/\//i)
      expect(existsSync(join(dir, 'results.schema.json'))).toBe(true)
      expect(readFileSync(join(dir, 'results.md'), 'utf8')).toMatch(/\| case \| impl \|/)
    } finally {
      rmSync(dir, { recursive: true, force: true })
    }
  }, 60_000)
  it('bad arguments exit 2 with the usage; --help exits 0', async () => {
    const bad = await cli(['--threads', '0'], 20_000)
    expect(bad.code).toBe(2)
    expect(bad.stderr).toMatch(/--threads: thread counts must be ≥ 1/)
    expect(bad.stderr).toMatch(/Usage: pnpm bench/)
    const help = await cli(['--help'], 20_000)
    expect(help.code).toBe(0)
    expect(help.stdout).toMatch(/--quick/)
  }, 45_000)
})
