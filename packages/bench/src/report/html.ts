/**
 * bench-results/report.html: one self-contained page (inline CSS and inline SVG charts; no scripts, no
 * external URLs), so it opens offline and can be attached to an issue as-is.
 */
import type { Results } from '../schema.js'
import { meanForeignLoad, sections, type Section } from '../table.js'
import { chartSpecs, renderSvg } from './charts.js'

export function escapeHtml(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;')
}

/** Inline SVG for an HTML5 page: drop the XML namespace declarations (the HTML parser supplies them). */
export function inlineSvg(svg: string): string {
  return svg.replace(/\s+xmlns(:xlink)?="[^"]*"/g, '').replace(/^<\?xml[^>]*>\s*/, '')
}

function tableHtml(s: Section): string {
  const th = s.headers.map((h, i) => `<th class="${s.align[i]}">${escapeHtml(h)}</th>`).join('')
  const rows = s.rows.map((r) => `<tr>${r.map((c, i) => `<td class="${s.align[i]}">${escapeHtml(c)}</td>`).join('')}</tr>`).join('\n')
  return `<h3>${escapeHtml(s.title)}</h3>\n<table><thead><tr>${th}</tr></thead><tbody>\n${rows}\n</tbody></table>${s.footnote ? `<p class="note">${escapeHtml(s.footnote)}</p>` : ''}`
}

const CSS = `
body { font: 14px/1.45 system-ui, -apple-system, "Segoe UI", Helvetica, Arial, sans-serif; margin: 2rem auto; max-width: 1200px; padding: 0 1rem; color: #222; }
h1 { font-size: 1.6rem; margin-bottom: .2rem; } h2 { margin-top: 2.2rem; border-bottom: 1px solid #ddd; } h3 { font-size: 1rem; margin: 1.4rem 0 .4rem; }
.sub { color: #666; margin-top: 0; } .note { color: #666; font-size: 12px; }
figure { margin: 1rem 0 2rem; overflow-x: auto; } figcaption { color: #555; font-size: 13px; max-width: 60rem; }
table { border-collapse: collapse; font-size: 12.5px; margin-bottom: .5rem; } th, td { padding: 2px 8px; border-bottom: 1px solid #eee; white-space: nowrap; }
th { background: #f6f6f6; text-align: left; } .r { text-align: right; font-variant-numeric: tabular-nums; } .l { text-align: left; }
.warn { background: #fff4e5; border: 1px solid #f0c36d; padding: .5rem .8rem; }
`

export async function buildReport(res: Results): Promise<string> {
  const figs: string[] = []
  for (const c of chartSpecs(res)) {
    let body: string
    if (c.spec === null) body = `<p class="note">${escapeHtml(c.empty ?? 'no data')}</p>`
    else {
      try { body = inlineSvg(await renderSvg(c.spec)) } catch (e) { body = `<p class="note">chart failed: ${escapeHtml((e as Error).message)}</p>` }
    }
    figs.push(`<figure id="chart-${c.id}"><h3>${escapeHtml(c.title)}</h3>\n${body}\n<figcaption>${escapeHtml(c.caption)}</figcaption></figure>`)
  }
  const secs = sections(res)
  const m = res.machine
  const foreign = meanForeignLoad(res)
  const busy = foreign !== null ? foreign > 0.15 : Math.max(m.loadAverage[0] ?? 0, m.loadAverageEnd[0] ?? 0) > 0.5 * m.availableParallelism
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>strided benchmark — ${escapeHtml(res.config.mode)} — ${escapeHtml(m.date)}</title>
<style>${CSS}</style></head>
<body>
<h1>strided benchmark</h1>
<p class="sub">${escapeHtml(`${res.config.mode} run, ${m.date}, ${m.cpuModel}, ${m.availableParallelism} threads available, Node ${m.node}${m.numpy ? `, NumPy ${m.numpy}` : ''}; threads measured: ${res.config.threads.join(', ')}`)}</p>
${busy ? `<p class="warn">Other processes used the machine during this run (${foreign !== null ? `${foreign.toFixed(2)} cores on average while the op cases were measured; ` : ''}load average ${escapeHtml(m.loadAverage.join(' '))} at the start, ${escapeHtml(m.loadAverageEnd.join(' '))} at the end, on ${m.availableParallelism} CPUs): multi-thread figures suffer most. See the bg column.</p>` : ''}
<p class="note">Command: <code>${escapeHtml(res.command)}</code>. Schema ${escapeHtml(res.schema)} v${res.version}; the data is in results.json next to this page.</p>
<h2>Charts</h2>
${figs.join('\n')}
<h2>Tables</h2>
${secs.map(tableHtml).join('\n')}
${res.notes.length ? `<h2>Notes</h2><ul>${res.notes.map((n) => `<li>${escapeHtml(n)}</li>`).join('')}</ul>` : ''}
</body></html>
`
}
