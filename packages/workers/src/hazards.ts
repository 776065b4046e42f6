/**
 * Hazard ordering of concurrent jobs. Jobs may be submitted without awaiting each other; a job that reads
 * memory an in-flight job writes (RAW), or writes memory an in-flight job reads (WAR) or writes (WAW), starts
 * only after that job. Conflicts are decided by the exact overlap checker; a check that runs out of budget
 * counts as a conflict (ordering more than needed is always safe). Independent jobs run concurrently.
 */
import { type ArrayDescriptor } from '@strided/core'
import { overlapOutcome, sameMemory } from '@strided/core/internal'

export interface Access {
  readonly reads: readonly ArrayDescriptor[]
  readonly writes: readonly ArrayDescriptor[]
}

export interface Ticket {
  /** Resolves when every earlier conflicting job has finished (successfully or not). */
  readonly ready: Promise<void>
  /** Mark this job finished; later jobs waiting on it may start. Idempotent. */
  release(): void
}

interface Entry { access: Access; done: Promise<void>; resolve: () => void }

export class HazardTracker {
  readonly #inflight = new Set<Entry>()
  readonly #budget: number

  constructor(budget: number) {
    this.#budget = budget
  }

  /** Number of registered jobs not yet released. */
  get inflight(): number { return this.#inflight.size }

  /** Register a job's memory accesses; synchronous, so call order defines the ordering of dependent jobs. */
  register(access: Access): Ticket {
    const deps: Promise<void>[] = []
    for (const e of this.#inflight) if (this.conflicts(access, e.access)) deps.push(e.done)
    let resolve!: () => void
    const done = new Promise<void>((r) => { resolve = r })
    const entry: Entry = { access, done, resolve }
    this.#inflight.add(entry)
    let released = false
    return {
      ready: deps.length === 0 ? Promise.resolve() : Promise.all(deps).then(() => undefined),
      release: () => {
        if (released) return
        released = true
        this.#inflight.delete(entry)
        resolve()
      },
    }
  }

  /** Promise that resolves when everything registered so far has been released. */
  idle(): Promise<void> {
    return Promise.all([...this.#inflight].map((e) => e.done)).then(() => undefined)
  }

  private touches(a: ArrayDescriptor, b: ArrayDescriptor): boolean {
    if (!sameMemory(a.buffer, b.buffer)) return false
    return overlapOutcome(a, b, this.#budget) !== 'no'
  }

  private conflicts(next: Access, prev: Access): boolean {
    for (const w of next.writes) {
      for (const r of prev.reads) if (this.touches(w, r)) return true
      for (const w2 of prev.writes) if (this.touches(w, w2)) return true
    }
    for (const r of next.reads) for (const w of prev.writes) if (this.touches(r, w)) return true
    return false
  }
}
