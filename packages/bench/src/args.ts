/**
 * The command line of `pnpm bench`. Pure: parseArgs never reads the environment except through its
 * `maxThreads` argument, and throws UsageError (with the usage text) on anything it does not understand.
 */
import { availableParallelism } from 'node:os'

export type Mode = 'full' | 'quick' | 'smoke'

export const SUITES = ['stream', 'ops', 'shares', 'dispatch', 'breakeven', 'eventloop'] as const
export type Suite = (typeof SUITES)[number]

export interface CliOptions {
  mode: Mode
  /** Worker-thread counts to measure, ascending, unique, ≥ 1. */
  threads: number[]
  /** Results folder (results.json, report.html, results.schema.json). */
  outDir: string
  /** Run the NumPy peer through python3. */
  numpy: boolean
  /** The Python interpreter for the NumPy peer. */
  python: string
  /** Run the numpy-ts peer. */
  numpyTs: boolean
  /** Run the structured-clone worker peer. */
  clone: boolean
  /** Progress bar: 'auto' shows it only when stdout is a TTY. */
  progress: 'auto' | 'off'
  /** Suites to run (default: all). */
  suites: Suite[]
  help: boolean
}

export class UsageError extends Error {
  override name = 'UsageError'
}

export const USAGE = `Usage: pnpm bench [options]        (tsx packages/bench/src/cli.ts [options])

Modes (default: full, under 10 minutes on the 2-core reference machine):
  --quick               CI-sized: smaller arrays, fewer repetitions (under 3 minutes)
  --smoke               tiny sizes, for the test suite (well under a minute)
  --mode full|quick|smoke

Options:
  --threads LIST        worker-thread counts, e.g. 1,2,4 (default: 1, powers of two, and os.availableParallelism())
  --out DIR             results folder (default: bench-results)
  --no-numpy            skip the NumPy peer (python3 + numpy)
  --python BIN          Python interpreter for the NumPy peer (default: python3)
  --no-numpy-ts         skip the numpy-ts peer
  --no-clone            skip the structured-clone worker peer
  --only LIST           run only these suites: ${SUITES.join(',')}
  --skip LIST           skip these suites
  --no-progress         no progress bar even on a TTY
  -h, --help            this text
`

/** 1, 2, 4, ... up to max, plus max itself. */
export function defaultThreads(max: number = availableParallelism()): number[] {
  const out: number[] = []
  for (let t = 1; t < max; t *= 2) out.push(t)
  out.push(Math.max(1, max))
  return [...new Set(out)]
}

export function parseThreads(s: string): number[] {
  if (s.trim() === '') throw new UsageError('--threads needs a list of thread counts, e.g. --threads 1,2,4')
  const out = new Set<number>()
  for (const part of s.split(',')) {
    const p = part.trim()
    if (!/^\d+$/.test(p)) throw new UsageError(`--threads: ${JSON.stringify(p)} is not a positive integer (expected e.g. 1,2,4)`)
    const n = Number(p)
    if (n < 1) throw new UsageError('--threads: thread counts must be ≥ 1 (the inline single-thread peer is always measured)')
    if (n > 1024) throw new UsageError(`--threads: ${n} threads is more than this benchmark supports (1024)`)
    out.add(n)
  }
  return [...out].sort((a, b) => a - b)
}

function parseSuites(flag: string, s: string): Suite[] {
  const out: Suite[] = []
  for (const part of s.split(',').map((x) => x.trim()).filter(Boolean)) {
    if (!(SUITES as readonly string[]).includes(part)) throw new UsageError(`${flag}: unknown suite ${JSON.stringify(part)}; suites: ${SUITES.join(', ')}`)
    out.push(part as Suite)
  }
  if (out.length === 0) throw new UsageError(`${flag} needs a list of suites: ${SUITES.join(', ')}`)
  return out
}

export function parseArgs(argv: readonly string[], maxThreads: number = availableParallelism()): CliOptions {
  let mode: Mode | undefined
  const opts: CliOptions = {
    mode: 'full', threads: [], outDir: 'bench-results', numpy: true, python: 'python3', numpyTs: true, clone: true,
    progress: 'auto', suites: [...SUITES], help: false,
  }
  let threads: number[] | undefined
  let only: Suite[] | undefined
  let skip: Suite[] = []
  const setMode = (m: string, flag: string): void => {
    if (m !== 'full' && m !== 'quick' && m !== 'smoke') throw new UsageError(`${flag}: unknown mode ${JSON.stringify(m)} (full, quick or smoke)`)
    if (mode !== undefined && mode !== m) throw new UsageError(`conflicting modes: --${mode} and --${m}`)
    mode = m
  }
  for (let i = 0; i < argv.length; i++) {
    const raw = argv[i]!
    if (raw === '--') continue // pnpm passes a separator through on some versions
    const eq = raw.startsWith('--') ? raw.indexOf('=') : -1
    const flag = eq > 0 ? raw.slice(0, eq) : raw
    const inline = eq > 0 ? raw.slice(eq + 1) : undefined
    const value = (): string => {
      if (inline !== undefined) return inline
      const v = argv[i + 1]
      if (v === undefined || (v.startsWith('--') && v.length > 2)) throw new UsageError(`${flag} needs a value`)
      i++
      return v
    }
    const noValue = (): void => { if (inline !== undefined) throw new UsageError(`${flag} takes no value`) }
    switch (flag) {
      case '--quick': noValue(); setMode('quick', flag); break
      case '--smoke': noValue(); setMode('smoke', flag); break
      case '--full': noValue(); setMode('full', flag); break
      case '--mode': setMode(value(), flag); break
      case '--threads': threads = parseThreads(value()); break
      case '--out': {
        const v = value()
        if (v.trim() === '') throw new UsageError('--out needs a folder')
        opts.outDir = v
        break
      }
      case '--no-numpy': noValue(); opts.numpy = false; break
      case '--python': opts.python = value(); break
      case '--no-numpy-ts': noValue(); opts.numpyTs = false; break
      case '--no-clone': noValue(); opts.clone = false; break
      case '--no-progress': noValue(); opts.progress = 'off'; break
      case '--only': only = parseSuites(flag, value()); break
      case '--skip': skip = parseSuites(flag, value()); break
      case '-h': case '--help': opts.help = true; break
      default:
        throw new UsageError(raw.startsWith('-') ? `unknown option ${flag}` : `unexpected argument ${JSON.stringify(raw)}`)
    }
  }
  opts.mode = mode ?? 'full'
  opts.threads = threads ?? defaultThreads(maxThreads)
  opts.suites = (only ?? [...SUITES]).filter((s) => !skip.includes(s))
  if (opts.suites.length === 0) throw new UsageError('--only/--skip leave no suite to run')
  return opts
}
