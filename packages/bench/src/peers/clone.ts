/**
 * Structured-clone peer: one worker that receives its data by postMessage of plain ArrayBuffer-backed
 * Float64Arrays (copied on every call), computes with a plain loop and posts the answer back. This is what a
 * user gets without SharedArrayBuffer; the time includes both copies and the compute.
 */
import { Worker } from 'node:worker_threads'

export class ClonePeer {
  #w: Worker
  #next = 0
  #waiting = new Map<number, (v: { value?: unknown; error?: string }) => void>()

  private constructor(w: Worker) {
    this.#w = w
    w.on('message', (m: { id: number; value?: unknown; error?: string }) => {
      this.#waiting.get(m.id)?.(m)
      this.#waiting.delete(m.id)
    })
    w.on('error', (e) => { for (const r of this.#waiting.values()) r({ error: e.message }); this.#waiting.clear() })
  }

  static async start(): Promise<ClonePeer | string> {
    try {
      // the same path from src/ and dist/: the plain-JS worker stays in src/
      const w = new Worker(new URL('../../src/peers/clone-worker.mjs', import.meta.url))
      await new Promise<void>((resolve, reject) => { w.once('online', resolve); w.once('error', reject) })
      return new ClonePeer(w)
    } catch (e) {
      return `structured-clone worker could not start: ${(e as Error).message}`
    }
  }

  #call(msg: Record<string, unknown>): Promise<unknown> {
    const id = this.#next++
    return new Promise((resolve, reject) => {
      this.#waiting.set(id, (m) => (m.error ? reject(new Error(m.error)) : resolve(m.value)))
      this.#w.postMessage({ ...msg, id }) // no transferList: the arrays are cloned
    })
  }

  sum(a: Float64Array): Promise<number> { return this.#call({ op: 'sum', a }) as Promise<number> }
  add(a: Float64Array, b: Float64Array): Promise<Float64Array> { return this.#call({ op: 'add', a, b }) as Promise<Float64Array> }

  async close(): Promise<void> { await this.#w.terminate() }
}
