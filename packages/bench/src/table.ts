/**
 * The tables printed at the end of a run (console) and written as results.md (Markdown, pasted into
 * RESULTS.md): one section per suite, built once and rendered both ways.
 */
import type { OpRun, Results } from './schema.js'

export interface Section { title: string; headers: string[]; align: ('l' | 'r')[]; rows: string[][]; footnote?: string }

export function fmtMs(ms: number | null | undefined): string {
  if (ms == null || !Number.isFinite(ms)) return 'n/a'
  if (ms >= 100) return ms.toFixed(0)
  if (ms >= 10) return ms.toFixed(1)
  if (ms >= 1) return ms.toFixed(2)
  if (ms >= 0.01) return ms.toFixed(3)
  return ms.toPrecision(2)
}

export function fmtNum(x: number | null | undefined, digits = 2): string {
  return x == null || !Number.isFinite(x) ? 'n/a' : x.toFixed(digits)
}

export function fmtX(x: number | null | undefined): string { return x == null || !Number.isFinite(x) ? '–' : `${x.toFixed(2)}x` }

export function fmtCount(n: number | null | undefined): string {
  if (n == null || !Number.isFinite(n)) return 'n/a'
  if (n < 1000) return String(Math.round(n))
  const e = Math.floor(Math.log10(n))
  const m = n / 10 ** e
  return `${Number(m.toFixed(m < 10 && !Number.isInteger(m) ? 1 : 0))}e${e}`
}

export function implLabel(r: Pick<OpRun, 'impl' | 'threads'>): string {
  switch (r.impl) {
    case 'strided': return `strided ${r.threads}T`
    case 'inline': return 'core inline'
    case 'inline-js': return 'core inline, JS kernels'
    case 'numpy': return 'NumPy'
    case 'numpy-ts': return 'numpy-ts'
    case 'clone': return 'clone worker'
  }
}

/** Mean foreign load over the op cases (null when never measured). */
export function meanForeignLoad(res: Results): number | null {
  const xs = res.ops.map((c) => c.foreignLoad).filter((x): x is number => x !== null)
  return xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : null
}

export function sections(res: Results): Section[] {
  const out: Section[] = []
  const m = res.machine
  out.push({
    title: 'Machine', headers: ['fact', 'value'], align: ['l', 'l'],
    rows: [
      ['CPU', `${m.cpuModel} (${m.logicalCpus} logical CPUs, availableParallelism ${m.availableParallelism})`],
      ['memory', `${m.memoryGiB} GiB`], ['OS', `${m.platform} ${m.arch} ${m.osRelease}`], ['Node', `${m.node} (V8 ${m.v8})`],
      ['NumPy', m.numpy ? `${m.numpy} (Python ${m.python})` : 'not measured'], ['numpy-ts', m.numpyTs ?? 'n/a'], ['cc', m.cc ?? 'none'],
      ['git', m.gitCommit ? `${m.gitCommit.slice(0, 12)}${m.gitDirty ? ' + uncommitted changes' : ''}` : 'n/a'],
      ['date', m.date], ['load average (start → end)', `${m.loadAverage.join(' ')} → ${m.loadAverageEnd.join(' ')}`],
      ['mode', `${res.config.mode}, threads ${res.config.threads.join(',')}, ${res.durationS.toFixed(0)} s`],
      ['other processes during the op cases', `${fmtNum(meanForeignLoad(res), 2)} cores on average (max ${fmtNum(Math.max(...res.ops.map((c) => c.foreignLoad ?? 0), 0), 2)})`],
    ],
  })
  if (res.stream.available) {
    const threads = [...new Set(res.stream.results.map((r) => r.threads))].sort((a, b) => a - b)
    out.push({
      title: `Memory-bandwidth ceiling (STREAM-style C, ${fmtCount(res.stream.n)} doubles, ${res.stream.flags.join(' ')}), median GB/s`,
      headers: ['kernel', ...threads.map((t) => `${t} thread${t > 1 ? 's' : ''}`)], align: ['l', ...threads.map(() => 'r' as const)],
      rows: [
        ...['copy', 'scale', 'add', 'triad', 'sum'].map((k) => [k, ...threads.map((t) => fmtNum(res.stream.results.find((r) => r.kernel === k && r.threads === t)?.gbps, 1))]),
        ['(other processes, cores)', ...threads.map((t) => fmtNum(res.stream.results.find((r) => r.threads === t)?.foreignLoad, 2))],
      ],
    })
  } else out.push({ title: 'Memory-bandwidth ceiling', headers: ['note'], align: ['l'], rows: [[res.stream.note ?? 'not measured']] })

  const rows: string[][] = []
  for (const c of res.ops) {
    for (const [i, r] of c.runs.entries()) {
      const t = r.timing
      rows.push([
        c.id, implLabel(r),
        r.available ? fmtMs(t?.medianMs) : 'n/a',
        t ? `${fmtMs(t.q1Ms)}–${fmtMs(t.q3Ms)}` : '',
        fmtNum(r.gbps, 1), r.ceilingFraction == null ? '–' : fmtNum(r.ceilingFraction, 2),
        fmtX(r.speedupVs1), r.impl === 'numpy' ? '' : fmtX(r.vsNumpy),
        i === 0 ? `${fmtNum(c.foreignLoad, 2)}${c.attempts > 1 ? ` (${c.attempts} tries)` : ''}` : '',
        r.valid === false ? 'WRONG RESULT' : !r.available ? (r.note ?? '').slice(0, 60) : '',
      ])
    }
  }
  out.push({
    title: 'Ops (float64): median ms per call, IQR, GB/s moved, fraction of the STREAM ceiling at that thread count, speedup vs 1 thread, NumPy time / our time',
    headers: ['case', 'impl', 'ms', 'IQR ms', 'GB/s', '×ceiling', '×1-thread', '×NumPy', 'bg', 'note'],
    align: ['l', 'l', 'r', 'r', 'r', 'r', 'r', 'r', 'r', 'l'], rows,
    footnote: 'ceiling kernels: sum→read-only sum, add→add, scale/sqrt/exp→scale, transpose copy→copy, sort→copy (compute-bound: its GB/s counts only the 16 bytes per element a sort must read and write). In-place scale can exceed 1.0 (the STREAM scale b = s*c also pays a write-allocate read). numpy-ts allocates its results (no out=). bg: cores used by other processes while the case was measured (re-measured when above the busy threshold).',
  })

  const be = res.breakEven
  if (be.curves.length) {
    out.push({
      title: 'Inline vs pool break-even (median ms per call)',
      headers: ['op', 'variant', ...be.sizes.map(fmtCount)], align: ['l', 'l', ...be.sizes.map(() => 'r' as const)],
      rows: [
        ...be.curves.map((c) => [c.op, c.variant === 'inline' ? 'inline' : `${c.variant} ${c.threads}T`, ...c.points.map((p) => fmtMs(p.medianMs))]),
        ['', 'bg (other processes, cores)', ...be.foreignLoad.map((f) => fmtNum(f, 2))],
      ],
    })
    out.push({
      title: 'Break-even size (pool faster than inline from here on)',
      headers: ['op', 'variant', 'crossover n'], align: ['l', 'l', 'r'],
      rows: be.crossovers.map((x) => [x.op, `${x.variant} ${x.threads}T`, x.where === 'within' ? fmtCount(x.n) : x.where === 'below' ? `≤ ${fmtCount(x.n)}` : `> ${fmtCount(Math.max(...be.sizes))}`]),
    })
  }
  if (res.dispatch.length) {
    out.push({
      title: 'Dispatch latency: a 16-element add(out=) round trip',
      headers: ['variant', 'threads', 'median µs', 'p90 µs', 'note'], align: ['l', 'r', 'r', 'r', 'l'],
      rows: res.dispatch.map((d) => [d.variant, String(d.threads), fmtNum(d.medianUs, 1), fmtNum(d.p90Us, 1), d.note ?? '']),
    })
  }
  if (res.sharesMemory.length) {
    const keys = [...new Set(res.sharesMemory.map((s) => `${s.ndim}|${s.viewSize}|${s.case}`))]
    out.push({
      title: 'sharesMemory latency (µs per call) for two slices of one buffer',
      headers: ['ndim', 'view size', 'case', 'strided µs', 'NumPy µs', '×NumPy', 'result'], align: ['r', 'r', 'l', 'r', 'r', 'r', 'l'],
      rows: keys.map((k) => {
        const [nd, size, cs] = k.split('|')
        const ours = res.sharesMemory.find((s) => `${s.ndim}|${s.viewSize}|${s.case}` === k && s.impl === 'strided')
        const np = res.sharesMemory.find((s) => `${s.ndim}|${s.viewSize}|${s.case}` === k && s.impl === 'numpy')
        const ratio = ours?.medianUs && np?.medianUs ? np.medianUs / ours.medianUs : null
        return [nd!, fmtCount(Number(size)), cs!, fmtNum(ours?.medianUs, 2), fmtNum(np?.medianUs, 2), fmtX(ratio), ours?.note ?? (ours?.result === null ? 'n/a' : String(ours?.result))]
      }),
    })
  }
  if (res.eventLoop) {
    const e = res.eventLoop
    out.push({
      title: `Event-loop delay while ${e.op} runs on n=${fmtCount(e.n)} (${(e.bytes / 1e6).toFixed(0)} MB moved per job), ms beyond the ${e.resolutionMs} ms timer`,
      headers: ['scenario', 'threads', 'jobs', 'job ms', 'p50', 'p99', 'max', 'bg'], align: ['l', 'r', 'r', 'r', 'r', 'r', 'r', 'r'],
      rows: e.scenarios.map((s) => [s.scenario, String(s.threads), String(s.jobs), fmtMs(s.jobMedianMs), fmtNum(s.p50Ms, 2), fmtNum(s.p99Ms, 2), fmtNum(s.maxMs, 1), fmtNum(s.foreignLoad, 2)]),
    })
  }
  if (res.unavailable.length) {
    out.push({ title: 'Not measured', headers: ['what', 'why'], align: ['l', 'l'], rows: res.unavailable.map((u) => [u.what, u.reason]) })
  }
  return out
}

const width = (s: string): number => [...s].length

export function renderText(secs: readonly Section[]): string {
  const parts: string[] = []
  for (const s of secs) {
    const all = [s.headers, ...s.rows]
    const w = s.headers.map((_, i) => Math.max(...all.map((r) => width(r[i] ?? ''))))
    const line = (r: string[]): string => r.map((c, i) => (s.align[i] === 'r' ? c.padStart(w[i]! + c.length - width(c)) : c.padEnd(w[i]! + c.length - width(c)))).join('  ').trimEnd()
    parts.push(`\n${s.title}`, line(s.headers), w.map((x) => '─'.repeat(x)).join('  '), ...s.rows.map(line))
    if (s.footnote) parts.push(s.footnote)
  }
  return parts.join('\n') + '\n'
}

export function renderMarkdown(secs: readonly Section[]): string {
  const esc = (c: string): string => c.replace(/\|/g, '\\|')
  const parts: string[] = []
  for (const s of secs) {
    parts.push(`### ${s.title}`, '', `| ${s.headers.map(esc).join(' | ')} |`, `|${s.align.map((a) => (a === 'r' ? '---:' : '---')).join('|')}|`)
    for (const r of s.rows) parts.push(`| ${r.map(esc).join(' | ')} |`)
    if (s.footnote) parts.push('', s.footnote)
    parts.push('')
  }
  return parts.join('\n')
}
