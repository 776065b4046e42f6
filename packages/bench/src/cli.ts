/**
 * pnpm bench [--quick | --smoke] [--threads 1,2,4] [--out DIR] [--no-numpy] ...   (see --help)
 *
 * Runs the suites, prints the tables, and writes DIR/results.json (schema strided-bench/results v1),
 * DIR/results.schema.json, DIR/results.md and DIR/report.html (self-contained, charts as inline SVG).
 */
import { parseArgs, USAGE, UsageError } from './args.js'
import { runBench, writeOutputs } from './run.js'
import { renderText, sections } from './table.js'

async function main(argv: string[]): Promise<number> {
  let opts
  try {
    opts = parseArgs(argv)
  } catch (e) {
    if (e instanceof UsageError) {
      process.stderr.write(`bench: ${e.message}\n\n${USAGE}`)
      return 2
    }
    throw e
  }
  if (opts.help) { process.stdout.write(USAGE); return 0 }
  const showProgress = opts.progress === 'auto' && process.stdout.isTTY === true
  const command = ['pnpm bench', ...argv].join(' ')
  const res = await runBench(opts, { command, showProgress })
  process.stdout.write(renderText(sections(res)))
  const w = await writeOutputs(res, opts.outDir)
  process.stdout.write(`\nwrote ${w.json}\n      ${w.html}\n      ${w.markdown}\n      ${w.schema}\n(${res.durationS} s)\n`)
  if (w.errors.length) {
    process.stderr.write(`bench: results.json does not match its schema:\n  ${w.errors.join('\n  ')}\n`)
    return 1
  }
  return 0
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code
    // everything is closed; if a stray handle would keep the process alive, leave anyway
    setTimeout(() => process.exit(code), 1000).unref()
  },
  (e: unknown) => {
    process.stderr.write(`bench: ${(e as Error)?.stack ?? String(e)}\n`)
    process.exit(1)
  },
)
