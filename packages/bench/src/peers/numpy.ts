/**
 * Client of the NumPy peer (numpy_server.py): one python3 subprocess for the whole run, asked case by case,
 * so NumPy is timed between our own measurements of the same case (ratios from one run, one machine state).
 */
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process'
import { createInterface } from 'node:readline'
import { fileURLToPath } from 'node:url'
import type { Policy } from '../measure.js'

// the same path from src/peers/ and the built dist/peers/: non-TypeScript assets stay in src/
export const NUMPY_SERVER = fileURLToPath(new URL('../../src/peers/numpy_server.py', import.meta.url))

export interface NumpyTiming { samplesMs: number[]; batch: number; warmupCalls: number }

export class NumpyPeer {
  /** Versions reported by the peer. */
  python: string
  numpy: string
  #proc: ChildProcessWithoutNullStreams
  #pending: ((line: string | null) => void)[] = []
  #queue: Promise<unknown> = Promise.resolve()
  #stderr = ''
  #closed = false

  private constructor(proc: ChildProcessWithoutNullStreams, python: string, numpy: string) {
    this.#proc = proc
    this.python = python
    this.numpy = numpy
  }

  /** Start the peer; resolves to a note (string) instead when python3 or numpy is missing, or numpy is older than 2. */
  static async start(pythonBin: string): Promise<NumpyPeer | string> {
    let proc: ChildProcessWithoutNullStreams
    try {
      proc = spawn(pythonBin, ['-u', NUMPY_SERVER], { stdio: ['pipe', 'pipe', 'pipe'] })
    } catch (e) {
      return `${pythonBin} could not be started (${(e as Error).message}): NumPy peer skipped`
    }
    const peer = new NumpyPeer(proc, '', '')
    const rl = createInterface({ input: proc.stdout })
    rl.on('line', (line) => peer.#pending.shift()?.(line))
    proc.stderr.on('data', (d: Buffer) => { peer.#stderr = (peer.#stderr + d.toString()).slice(-4000) })
    // A python3 that exits at once (no numpy) closes stdin under our write: the 'exit' handler reports it, not EPIPE.
    proc.stdin.on('error', () => {})
    const spawned = await new Promise<string | null>((resolve) => {
      proc.once('error', (e) => resolve(`${pythonBin} not found (${e.message}): NumPy peer skipped`))
      proc.once('spawn', () => resolve(null))
    })
    proc.on('exit', () => { peer.#closed = true; for (const p of peer.#pending.splice(0)) p(null) })
    if (spawned) return spawned
    try {
      const hello = await peer.request({ cmd: 'hello' }) as { python: string; numpy: string }
      peer.python = hello.python
      peer.numpy = hello.numpy
      // The peer stands for NumPy 2.x (same ops, dtypes and promotion as strided's target), so 1.x counts as absent.
      if (!(Number(/^(\d+)\./.exec(hello.numpy)?.[1] ?? 0) >= 2)) {
        await peer.close()
        return `NumPy peer skipped: numpy ${hello.numpy} (${pythonBin}) is older than 2`
      }
      return peer
    } catch (e) {
      peer.kill()
      const why = /No module named .?numpy/.test(peer.#stderr) ? 'numpy is not installed' : (e as Error).message
      return `NumPy peer skipped: ${why}`
    }
  }

  /** The subprocess id (for CPU accounting). */
  get pid(): number | undefined { return this.#proc.pid }

  /** One request, answered in order. Rejects with the peer's error message. */
  request(req: Record<string, unknown>): Promise<Record<string, unknown>> {
    const run = async (): Promise<Record<string, unknown>> => {
      if (this.#closed) throw new Error(`the NumPy peer exited${this.#stderr ? `: ${this.#stderr.trim().split('\n').slice(-1)[0]}` : ''}`)
      const line = await new Promise<string | null>((resolve) => {
        this.#pending.push(resolve)
        this.#proc.stdin.write(JSON.stringify(req) + '\n')
      })
      if (line === null) throw new Error(`the NumPy peer exited${this.#stderr ? `: ${this.#stderr.trim().split('\n').slice(-1)[0]}` : ''}`)
      const out = JSON.parse(line) as Record<string, unknown>
      if (out.ok !== true) throw new Error(String(out.error ?? 'NumPy peer error'))
      return out
    }
    const p = this.#queue.then(run, run)
    this.#queue = p.catch(() => {})
    return p
  }

  async op(op: string, shape: number[], layout: 'C' | 'F', policy: Policy, seed = 1): Promise<NumpyTiming> {
    const r = await this.request({ cmd: 'op', op, shape, layout, policy, seed })
    return { samplesMs: r.samples_ms as number[], batch: r.batch as number, warmupCalls: r.warmup_calls as number }
  }

  async shares(baseShape: number[], a: string, b: string, policy: Policy): Promise<NumpyTiming & { result: boolean }> {
    const r = await this.request({ cmd: 'shares', base_shape: baseShape, a, b, policy })
    return { samplesMs: r.samples_ms as number[], batch: r.batch as number, warmupCalls: r.warmup_calls as number, result: r.result as boolean }
  }

  async release(): Promise<void> { await this.request({ cmd: 'release' }).catch(() => {}) }

  kill(): void {
    if (!this.#closed) this.#proc.kill()
    this.#closed = true
  }

  async close(): Promise<void> {
    if (this.#closed) return
    const exited = new Promise<void>((resolve) => this.#proc.once('exit', () => resolve()))
    this.#proc.stdin.end(JSON.stringify({ cmd: 'quit' }) + '\n')
    const t = setTimeout(() => this.kill(), 5000)
    await exited
    clearTimeout(t)
    this.#closed = true
  }
}
