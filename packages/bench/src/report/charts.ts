/**
 * The report's charts as Vega-Lite specs built from results.json, compiled with vega-lite and rendered to SVG
 * in Node by a headless vega View (renderer 'none', toSVG): no browser, no network, no scripts in the output.
 */
import * as vega from 'vega'
import { compile, type TopLevelSpec } from 'vega-lite'
import type { Results } from '../schema.js'
import { implLabel } from '../table.js'

export interface Chart { id: string; title: string; caption: string; spec: TopLevelSpec | null; empty?: string }

const FONT = { font: 'system-ui, -apple-system, Segoe UI, Helvetica, Arial, sans-serif' }
const CONFIG = {
  font: FONT.font,
  view: { stroke: '#ddd' },
  axis: { labelFontSize: 11, titleFontSize: 12, gridColor: '#eee' },
  legend: { labelFontSize: 11, titleFontSize: 12, labelLimit: 260 },
  title: { fontSize: 14, anchor: 'start' as const },
}

/** One colour per series across all charts: strided in blues (darker = more threads), peers in their own hues, ceilings in greys. */
export function seriesColor(series: string): string {
  const m = /^strided (\d+)T$/.exec(series)
  if (m) {
    const blues = ['#9ecae1', '#4292c6', '#2171b5', '#08519c', '#08306b']
    return blues[Math.min(blues.length - 1, Math.round(Math.log2(Number(m[1]))))]!
  }
  if (series.startsWith('ceiling')) return series.startsWith('ceiling 1T') ? '#bdbdbd' : '#636363'
  const fixed: Record<string, string> = { 'core inline': '#41ab5d', NumPy: '#f28e2b', 'numpy-ts': '#9467bd', 'clone worker': '#8c564b', strided: '#2171b5' }
  return fixed[series] ?? '#e377c2'
}

function colorScale(values: readonly { series?: string }[] | readonly string[]): { domain: string[]; range: string[] } {
  const names = values.map((v) => (typeof v === 'string' ? v : v.series ?? ''))
  const order = (x: string): string => (x.startsWith('strided') ? '0' : x === 'core inline' ? '1' : x === 'NumPy' ? '2' : x === 'numpy-ts' ? '3' : x.startsWith('clone') ? '4' : '5') + x.padStart(12)
  const domain = [...new Set(names)].filter(Boolean).sort((a, b) => order(a).localeCompare(order(b)))
  return { domain, range: domain.map(seriesColor) }
}

function base(title: string, values: object[]): Record<string, unknown> {
  return { data: { values }, title, config: CONFIG, background: 'white' }
}

/** Largest 1-D size of each op plus every 2-D case: the cases the summary charts show. */
export function headlineCases(res: Results): Results['ops'] {
  // per op: sort stops below the other ops' largest size (SORT_MAX_N)
  const max1d = new Map<string, number>()
  for (const c of res.ops) if (c.shape.length === 1) max1d.set(c.op, Math.max(max1d.get(c.op) ?? 0, c.n))
  return res.ops.filter((c) => c.shape.length > 1 || c.n === max1d.get(c.op))
}

/**
 * Rows of the sort chart: per sort case, strided's median ms at each thread count (series "strided") and the
 * single-thread references as rows without threads ("NumPy", "core inline"), drawn as horizontal lines.
 */
export function sortRows(res: Results): { case: string; series: string; threads: number | null; ms: number }[] {
  const rows: { case: string; series: string; threads: number | null; ms: number }[] = []
  for (const c of res.ops.filter((x) => x.op === 'sort')) {
    const pool = c.runs.filter((r) => r.impl === 'strided' && r.timing)
    if (pool.length === 0) continue
    for (const r of pool) rows.push({ case: c.id, series: 'strided', threads: r.threads, ms: r.timing!.medianMs })
    for (const r of c.runs) {
      if ((r.impl === 'numpy' || r.impl === 'inline') && r.timing) rows.push({ case: c.id, series: implLabel(r), threads: null, ms: r.timing.medianMs })
    }
  }
  return rows
}

export function chartSpecs(res: Results): Chart[] {
  const charts: Chart[] = []
  const maxT = Math.max(...res.config.threads)
  const heads = headlineCases(res)

  // 1. speedup vs threads
  const speed = heads.flatMap((c) => c.runs.filter((r) => r.impl === 'strided' && r.speedupVs1 !== null).map((r) => ({ case: c.id, threads: r.threads, speedup: r.speedupVs1 })))
  const ideal = res.config.threads.map((t) => ({ threads: t, speedup: t }))
  charts.push({
    id: 'speedup', title: 'Speedup vs threads', caption: 'Time with 1 worker / time with N workers, per op at the largest 1-D size and for the 2-D cases (dashed: ideal linear scaling; every size is in the table). Streaming ops are capped by memory bandwidth, not cores.',
    spec: speed.length === 0 ? null : {
      ...base('Speedup vs 1 thread', speed),
      width: 520, height: 320,
      layer: [
        { data: { values: ideal }, mark: { type: 'line', strokeDash: [4, 4], color: '#999' }, encoding: { x: { field: 'threads', type: 'quantitative' }, y: { field: 'speedup', type: 'quantitative' } } },
        {
          mark: { type: 'line', point: true },
          encoding: {
            x: { field: 'threads', type: 'quantitative', title: 'worker threads', axis: { tickMinStep: 1 } },
            y: { field: 'speedup', type: 'quantitative', title: 'speedup (×)' },
            color: { field: 'case', type: 'nominal', title: 'case' },
            tooltip: [{ field: 'case' }, { field: 'threads' }, { field: 'speedup', format: '.2f' }],
          },
        },
      ],
    } as TopLevelSpec,
    empty: 'no multi-thread timings',
  })

  // 2. GB/s against the ceiling
  const bw: object[] = []
  for (const c of heads.filter((x) => x.bound === 'memory')) {
    for (const r of c.runs) {
      if (r.gbps === null) continue
      if (r.impl === 'strided' && r.threads !== 1 && r.threads !== maxT) continue
      if (r.impl === 'clone') continue
      bw.push({ case: `${c.id} [${c.ceilingKernel}]`, series: implLabel(r), gbps: r.gbps })
    }
    const k = c.ceilingKernel
    for (const t of [...new Set([1, maxT])]) {
      const g = res.stream.results.find((s) => s.kernel === k && s.threads === t)?.gbps
      if (g !== undefined) bw.push({ case: `${c.id} [${k}]`, series: `ceiling ${t}T`, gbps: g })
    }
  }
  charts.push({
    id: 'bandwidth', title: 'Bandwidth against the memory ceiling', caption: 'GB/s moved (read + write) by the memory-bound ops at the largest size, next to the STREAM ceiling of the matching kernel (in brackets) with 1 and N threads.',
    spec: bw.length === 0 ? null : {
      ...base('GB/s vs STREAM ceiling', bw),
      width: { step: 12 }, height: 320,
      mark: { type: 'bar' },
      encoding: {
        x: { field: 'case', type: 'nominal', title: 'case [ceiling kernel]', axis: { labelAngle: -25, labelLimit: 220 } },
        y: { field: 'gbps', type: 'quantitative', title: 'GB/s' },
        xOffset: { field: 'series', type: 'nominal', sort: colorScale(bw as { series: string }[]).domain },
        color: { field: 'series', type: 'nominal', title: 'series', scale: colorScale(bw as { series: string }[]), sort: colorScale(bw as { series: string }[]).domain },
        tooltip: [{ field: 'case' }, { field: 'series' }, { field: 'gbps', format: '.1f' }],
      },
    } as TopLevelSpec,
    empty: 'no bandwidth figures',
  })

  // 3. break-even curves
  const be = res.breakEven.curves.flatMap((c) => c.points.filter((p) => p.medianMs !== null && p.medianMs > 0).map((p) => ({ op: c.op, variant: c.variant === 'inline' ? 'inline (core)' : `${c.variant} ${c.threads}T`, n: p.n, ms: p.medianMs })))
  charts.push({
    id: 'breakeven', title: 'Inline vs parallel break-even', caption: 'Time per call against array length: inline on the calling thread vs through the pool. Where a pool curve drops below the inline one is the break-even size.',
    spec: be.length === 0 ? null : {
      ...base('Break-even: inline vs pool', be),
      facet: { column: { field: 'op', type: 'nominal', title: null } },
      spec: {
        width: 300, height: 260,
        mark: { type: 'line', point: true },
        encoding: {
          x: { field: 'n', type: 'quantitative', scale: { type: 'log' }, title: 'elements' },
          y: { field: 'ms', type: 'quantitative', scale: { type: 'log' }, title: 'ms per call' },
          color: { field: 'variant', type: 'nominal', title: 'variant' },
          tooltip: [{ field: 'op' }, { field: 'variant' }, { field: 'n' }, { field: 'ms', format: '.4f' }],
        },
      },
    } as TopLevelSpec,
    empty: 'no break-even sweep',
  })

  // 4. ratio vs NumPy
  const rv = heads.flatMap((c) => c.runs.filter((r) => r.vsNumpy !== null && r.impl !== 'numpy' && (r.impl !== 'strided' || r.threads === 1 || r.threads === maxT)).map((r) => ({ case: c.id, series: implLabel(r), ratio: r.vsNumpy })))
  charts.push({
    id: 'numpy', title: 'Ratio vs NumPy', caption: 'NumPy time / our time at the largest sizes (> 1: faster than NumPy; log scale). numpy-ts allocates its outputs; the clone worker pays two structured-clone copies.',
    spec: rv.length === 0 ? null : {
      ...base('NumPy time / our time', rv),
      width: 520, height: { step: 9 },
      layer: [
        {
          mark: { type: 'bar' },
          encoding: {
            y: { field: 'case', type: 'nominal', title: null, axis: { labelLimit: 240 } },
            yOffset: { field: 'series', type: 'nominal', sort: colorScale(rv).domain },
            x: { field: 'ratio', type: 'quantitative', scale: { type: 'log' }, title: 'numpy_time / our_time (log; bars start at 1)' },
            x2: { datum: 1 },
            color: { field: 'series', type: 'nominal', title: 'implementation', scale: colorScale(rv), sort: colorScale(rv).domain },
            tooltip: [{ field: 'case' }, { field: 'series' }, { field: 'ratio', format: '.2f' }],
          },
        },
        { data: { values: [{ x: 1 }] }, mark: { type: 'rule', color: 'black' }, encoding: { x: { field: 'x', type: 'quantitative' } } },
      ],
    } as TopLevelSpec,
    empty: 'NumPy was not measured',
  })

  // 4b. sort: time vs threads, NumPy's one-thread time as the line to get under
  const so = sortRows(res)
  const soColor = colorScale(so)
  charts.push({
    id: 'sort', title: 'Sort: time vs threads',
    caption: 'ms per sort(a) of a float64 vector (default axis; a new array per call) through the worker pool at each thread count (blue line), against NumPy\'s single-threaded np.sort (orange line) and @strided/core inline on the calling thread (green dashed line); lower is better, one panel per size, each on its own scale. Where the blue line drops below the orange one is how many threads strided needs to match NumPy.',
    spec: so.length === 0 ? null : {
      ...base('Sort: ms per call vs threads', so),
      facet: { column: { field: 'case', type: 'nominal', title: null } },
      resolve: { scale: { y: 'independent' } },
      spec: {
        width: 260, height: 240,
        layer: [
          {
            transform: [{ filter: 'datum.threads !== null' }],
            mark: { type: 'line', point: true },
            encoding: {
              x: { field: 'threads', type: 'quantitative', title: 'worker threads', axis: { tickMinStep: 1 }, scale: { domainMin: 1 } },
              y: { field: 'ms', type: 'quantitative', title: 'ms per call', scale: { zero: true } },
              color: { field: 'series', type: 'nominal', title: 'implementation', scale: soColor, sort: soColor.domain },
              tooltip: [{ field: 'case' }, { field: 'series' }, { field: 'threads' }, { field: 'ms', format: '.2f' }],
            },
          },
          {
            transform: [{ filter: 'datum.threads === null' }],
            mark: { type: 'rule', strokeWidth: 2 },
            encoding: {
              y: { field: 'ms', type: 'quantitative' },
              color: { field: 'series', type: 'nominal', scale: soColor, sort: soColor.domain },
              strokeDash: { condition: { test: "datum.series === 'core inline'", value: [6, 4] }, value: [1, 0] },
              tooltip: [{ field: 'case' }, { field: 'series' }, { field: 'ms', format: '.2f' }],
            },
          },
        ],
      },
    } as TopLevelSpec,
    empty: 'sort was not measured',
  })

  // 5. sharesMemory latency vs ndim / size
  const sizeClass = (v: number): string => {
    const sizes = res.config.sharesSizes.length ? res.config.sharesSizes : [v]
    const near = sizes.reduce((a, b) => (Math.abs(Math.log(b / v)) < Math.abs(Math.log(a / v)) ? b : a))
    return `~${near.toExponential(0).replace('+', '')} elements`
  }
  const sm = res.sharesMemory.filter((s) => s.medianUs !== null).map((s) => ({ ndim: s.ndim, size: s.viewSize, sizeClass: sizeClass(s.viewSize), case: s.case, series: s.impl === 'strided' ? 'strided' : 'NumPy', us: s.medianUs }))
  charts.push({
    id: 'shares', title: 'sharesMemory latency', caption: 'Microseconds per sharesMemory(a, b) call for two slices of one buffer, by view ndim (x), view size (rows) and situation (columns), against np.shares_memory on the same views. disjoint: separate halves; interleaved: even vs odd elements of the last axis (no common byte); overlapping: shifted by one step (common bytes).',
    spec: sm.length === 0 ? null : {
      ...base('sharesMemory latency', sm),
      facet: { column: { field: 'case', type: 'nominal', title: null }, row: { field: 'sizeClass', type: 'nominal', title: 'view size' } },
      resolve: { scale: { y: 'shared' } },
      spec: {
        width: 200, height: 130,
        mark: { type: 'line', point: true },
        encoding: {
          x: { field: 'ndim', type: 'ordinal', title: 'view ndim', axis: { labelAngle: 0 } },
          y: { field: 'us', type: 'quantitative', scale: { type: 'log' }, title: 'µs per call' },
          color: { field: 'series', type: 'nominal', title: 'implementation', scale: colorScale(sm) },
          tooltip: [{ field: 'case' }, { field: 'series' }, { field: 'ndim' }, { field: 'size' }, { field: 'us', format: '.3f' }],
        },
      },
    } as TopLevelSpec,
    empty: 'sharesMemory was not measured',
  })

  // 6. C vs F order row/column sums
  const cf = res.ops.filter((c) => c.op === 'sum_axis0' || c.op === 'sum_axis1').flatMap((c) => c.runs.filter((r) => r.timing && (r.impl !== 'strided' || r.threads === 1 || r.threads === maxT)).map((r) => ({
    layout: `${c.layout} order`, axis: c.op === 'sum_axis0' ? 'axis 0' : 'axis 1', series: implLabel(r), ms: r.timing!.medianMs,
  })))
  charts.push({
    id: 'order', title: 'C- vs F-order row/column sums', caption: `sum over axis 0 and axis 1 of a ${res.config.side2d}×${res.config.side2d} float64 array stored in C and in F order (axis 0 = column sums, axis 1 = row sums; ms per call, lower is better).`,
    spec: cf.length === 0 ? null : {
      ...base('C vs F order axis sums', cf),
      facet: { column: { field: 'layout', type: 'nominal', title: null } },
      spec: {
        width: { step: 12 }, height: 260,
        mark: { type: 'bar' },
        encoding: {
          x: { field: 'axis', type: 'nominal', title: null, axis: { labelAngle: 0 } },
          xOffset: { field: 'series', type: 'nominal', sort: colorScale(cf).domain },
          y: { field: 'ms', type: 'quantitative', title: 'ms per call' },
          color: { field: 'series', type: 'nominal', title: 'implementation', scale: colorScale(cf), sort: colorScale(cf).domain },
          tooltip: [{ field: 'layout' }, { field: 'axis' }, { field: 'series' }, { field: 'ms', format: '.2f' }],
        },
      },
    } as TopLevelSpec,
    empty: 'no 2-D sums',
  })

  // 7. event loop
  const el = (res.eventLoop?.scenarios ?? []).filter((s) => s.p99Ms !== null).flatMap((s) => [
    { scenario: s.scenario, stat: 'p50', ms: s.p50Ms }, { scenario: s.scenario, stat: 'p99', ms: s.p99Ms },
  ])
  charts.push({
    id: 'eventloop', title: 'Event-loop delay during a big job', caption: res.eventLoop ? `monitorEventLoopDelay (resolution ${res.eventLoop.resolutionMs} ms) while ${res.eventLoop.op} runs repeatedly on ${res.eventLoop.n.toLocaleString('en-US')} elements; delay beyond the timer interval.` : '',
    spec: el.length === 0 ? null : {
      ...base('Event-loop delay (ms)', el),
      width: { step: 22 }, height: 240,
      mark: { type: 'bar' },
      encoding: {
        x: { field: 'scenario', type: 'nominal', title: null, sort: ['idle', 'pool', 'pool+main', 'inline'], axis: { labelAngle: 0 } },
        xOffset: { field: 'stat', type: 'nominal' },
        y: { field: 'ms', type: 'quantitative', scale: { type: 'symlog' }, title: 'delay ms (symlog)' },
        color: { field: 'stat', type: 'nominal', title: 'percentile' },
        tooltip: [{ field: 'scenario' }, { field: 'stat' }, { field: 'ms', format: '.2f' }],
      },
    } as TopLevelSpec,
    empty: 'event loop not measured',
  })

  // 8. dispatch
  const dp = res.dispatch.filter((d) => d.medianUs !== null).map((d) => ({ variant: d.variant === 'pool' ? `pool ${d.threads}T` : d.variant, us: d.medianUs, p90: d.p90Us }))
  charts.push({
    id: 'dispatch', title: 'Dispatch latency', caption: 'A 16-element add(out=): synchronous core call, the Runtime answering inline, and a round trip through the pool (median µs, tick: p90).',
    spec: dp.length === 0 ? null : {
      ...base('Tiny-job round trip (µs)', dp),
      width: { step: 80 }, height: 220,
      layer: [
        { mark: { type: 'bar', color: '#4292c6' }, encoding: { x: { field: 'variant', type: 'nominal', title: null, sort: null, axis: { labelAngle: 0 } }, y: { field: 'us', type: 'quantitative', title: 'µs per call' }, tooltip: [{ field: 'variant' }, { field: 'us', format: '.1f' }, { field: 'p90', format: '.1f' }] } },
        { mark: { type: 'tick', color: 'black', thickness: 2 }, encoding: { x: { field: 'variant', type: 'nominal', sort: null }, y: { field: 'p90', type: 'quantitative' } } },
        { mark: { type: 'text', dy: -8, fontSize: 11 }, encoding: { x: { field: 'variant', type: 'nominal', sort: null }, y: { field: 'us', type: 'quantitative' }, text: { field: 'us', type: 'quantitative', format: '.1f' } } },
      ],
    } as TopLevelSpec,
    empty: 'dispatch not measured',
  })
  return charts
}

/** Render a Vega-Lite spec to an SVG string, headless. */
export async function renderSvg(spec: TopLevelSpec): Promise<string> {
  const vg = compile(spec).spec
  const view = new vega.View(vega.parse(vg), { renderer: 'none' })
  try {
    return await view.toSVG()
  } finally {
    view.finalize()
  }
}
