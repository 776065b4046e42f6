/**
 * The memory-bandwidth ceiling: compile stream.c with the system C compiler into a temp dir at run time and
 * run it with 1..N OpenMP threads. Everything degrades gracefully: no `cc` → no ceilings (fractions n/a);
 * no OpenMP → the 1-thread ceiling only; no -march=native → portable code.
 */
import { execFile, spawnSync } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { setTimeout as sleep } from 'node:timers/promises'
import { BUSY_THRESHOLD, MAX_RETRIES } from '../context.js'
import { CpuMeter } from '../cpu.js'
import type { CeilingKernel, StreamInfo, StreamResult } from '../schema.js'
import { median } from '../stats.js'

// the same path from src/stream/ and the built dist/stream/: non-TypeScript assets stay in src/
export const STREAM_SOURCE = fileURLToPath(new URL('../../src/stream/stream.c', import.meta.url))

/** Bytes moved per element by each kernel. */
export const STREAM_BYTES_PER_ELEMENT: Record<CeilingKernel, number> = { copy: 16, scale: 16, add: 24, triad: 24, sum: 8 }

const FLAG_SETS: string[][] = [
  ['-O3', '-march=native', '-fopenmp'],
  ['-O3', '-fopenmp'],
  ['-O3', '-march=native'],
  ['-O3'],
]

export function ccVersion(cc = process.env.CC ?? 'cc'): string | null {
  const r = spawnSync(cc, ['--version'], { encoding: 'utf8', timeout: 10_000 })
  if (r.status !== 0 || r.error) return null
  return r.stdout.split('\n')[0]!.trim() || cc
}

interface Compiled { exe: string; flags: string[]; openmp: boolean; dir: string }

function compile(cc: string): Compiled | { error: string } {
  const dir = mkdtempSync(join(tmpdir(), 'strided-stream-'))
  const exe = join(dir, 'stream')
  let last = ''
  for (const flags of FLAG_SETS) {
    const r = spawnSync(cc, [...flags, STREAM_SOURCE, '-o', exe], { encoding: 'utf8', timeout: 60_000 })
    if (r.status === 0) return { exe, flags, openmp: flags.includes('-fopenmp'), dir }
    last = (r.stderr || r.error?.message || '').trim().split('\n').slice(-2).join(' ')
  }
  rmSync(dir, { recursive: true, force: true })
  return { error: `${cc} could not compile stream.c with any of ${FLAG_SETS.map((f) => f.join(' ')).join(' | ')}: ${last}` }
}

function runOnce(exe: string, n: number, reps: number, threads: number): Promise<{ threads: number; ms: Record<CeilingKernel, number[]>; cpu_ms?: number }> {
  return new Promise((resolve, reject) => {
    execFile(exe, [String(n), String(reps)], {
      env: { ...process.env, OMP_NUM_THREADS: String(threads), OMP_PROC_BIND: process.env.OMP_PROC_BIND ?? 'false' },
      timeout: 300_000, maxBuffer: 1 << 20,
    }, (err, stdout, stderr) => {
      if (err) return reject(new Error(`stream (${threads} threads) failed: ${stderr.trim() || err.message}`))
      try { resolve(JSON.parse(stdout)) } catch (e) { reject(new Error(`stream printed no JSON: ${stdout.slice(0, 200)}`)) }
    })
  })
}

export function emptyStream(note: string, n: number, reps: number): StreamInfo {
  return { available: false, note, compiler: null, flags: [], openmp: false, n, reps, results: [] }
}

/**
 * Run the probe for each thread count (only 1 without OpenMP), in `rounds` alternating rounds (1, N, 1, N, ...)
 * so background load hits every thread count alike; repetition times are pooled. `onStep` ticks once per run.
 */
export async function runStream(
  n: number, reps: number, threadCounts: readonly number[], onStep: () => void = () => {}, rounds = 1,
  cpu: CpuMeter = new CpuMeter(), log: (msg: string) => void = () => {}, maxRetries = MAX_RETRIES,
): Promise<StreamInfo> {
  const cc = process.env.CC ?? 'cc'
  const steps = threadCounts.length * rounds
  const skipAll = (): void => { for (let i = 0; i < steps; i++) onStep() }
  const version = ccVersion(cc)
  if (version === null) {
    skipAll()
    return emptyStream(`no C compiler (${cc}) found: memory-ceiling fractions are n/a`, n, reps)
  }
  const c = compile(cc)
  if ('error' in c) {
    skipAll()
    return { ...emptyStream(c.error, n, reps), compiler: version }
  }
  const pooled = new Map<string, { kernel: CeilingKernel; threads: number; ms: number[]; foreign: number[] }>()
  const notes = new Set<string>()
  const perRound = Math.max(2, Math.ceil(reps / rounds))
  try {
    for (let r = 0; r < rounds; r++) {
      for (const t of threadCounts) {
        if (t > 1 && !c.openmp) { notes.add(`built without OpenMP: no ${t}-thread ceiling`); onStep(); continue }
        try {
          // a run during which other processes took a core is repeated (the quietest attempt is kept)
          let best: { out: Awaited<ReturnType<typeof runOnce>>; foreign: number | null } | null = null
          for (let attempt = 0; attempt <= maxRetries; attempt++) {
            if (attempt > 0) { log(`STREAM ${t} threads: machine busy (foreign load ${best?.foreign} cores), measuring again`); await sleep(1000) }
            const mark = cpu.mark()
            const out = await runOnce(c.exe, n, perRound, t)
            const foreign = cpu.foreign(mark, out.cpu_ms ?? 0)
            if (best === null || (foreign ?? 0) < (best.foreign ?? 0)) best = { out, foreign }
            if ((foreign ?? 0) <= BUSY_THRESHOLD) break
          }
          const { out, foreign } = best!
          for (const k of Object.keys(STREAM_BYTES_PER_ELEMENT) as CeilingKernel[]) {
            const ms = out.ms[k]
            if (!ms?.length) continue
            const key = `${k}/${out.threads}`
            const e = pooled.get(key) ?? { kernel: k, threads: out.threads, ms: [], foreign: [] }
            e.ms.push(...ms)
            if (foreign !== null) e.foreign.push(foreign)
            pooled.set(key, e)
          }
        } catch (e) {
          notes.add((e as Error).message)
        }
        onStep()
      }
    }
  } finally {
    rmSync(c.dir, { recursive: true, force: true })
  }
  const results: StreamResult[] = [...pooled.values()].map(({ kernel, threads, ms, foreign }) => {
    const bytes = STREAM_BYTES_PER_ELEMENT[kernel] * n
    const fl = foreign.length ? Math.round((foreign.reduce((x, y) => x + y, 0) / foreign.length) * 100) / 100 : null
    return { kernel, threads, gbps: bytes / (median(ms) * 1e6), bestGbps: bytes / (Math.min(...ms) * 1e6), medianMs: median(ms), foreignLoad: fl }
  })
  return { available: results.length > 0, note: notes.size ? [...notes].join('; ') : null, compiler: version, flags: c.flags, openmp: c.openmp, n, reps: perRound * rounds, results }
}

/** The ceiling of `kernel` at `threads` threads, or null when not measured. */
export function ceilingOf(info: StreamInfo, kernel: CeilingKernel, threads: number): number | null {
  return info.results.find((r) => r.kernel === kernel && r.threads === threads)?.gbps ?? null
}
