/**
 * Drivers: operations that need several jobs in turn (sort the runs, then merge them; select, then gather) are
 * written once as a generator that yields each job and receives its partials, then returns the result:
 *
 *   function* sortDriver(a, opts): OpDriver<NDArray> { const parts = yield job1; yield job2; return out }
 *
 * runInline (here) runs every job on the calling thread; the workers' Runtime runs the same generator with each
 * job split across the pool. Jobs are built only from plain data, so the result is the same whoever runs them.
 */
import { ValueError } from '../errors.js'
import type { Job, ReductionPartial } from '../kernels/job.js'
import { NDArray } from '../ndarray.js'
import { runElementwise } from '../kernels/elementwise.js'
import { runReductionUnits } from '../kernels/reduce/index.js'
import { runUnits } from '../kernels/units.js'
import '../kernels/units-all.js'

/** A multi-job operation: yields jobs, receives each job's partials (unit order), returns the result. */
export type OpDriver<R> = Generator<Job, R, ReductionPartial[]>

/** Run one job completely on the calling thread; its partials in unit order. */
export function runJobInline(job: Job): ReductionPartial[] {
  switch (job.kind) {
    case 'elementwise':
      runElementwise(job, 0, job.size)
      return []
    case 'reduction':
      return runReductionUnits(job, 0, job.units)
    case 'units':
      return runUnits(job, 0, job.units)
  }
}

/** Run a driver to completion on the calling thread. */
export function runInline<R>(driver: OpDriver<R>): R {
  let step = driver.next()
  while (!step.done) step = driver.next(runJobInline(step.value))
  return step.value
}

/** The arrays an operation reads and writes, for the Runtime's hazard ordering. */
export interface OpAccess {
  readonly reads: readonly NDArray[]
  readonly writes: readonly NDArray[]
}

/**
 * An operation written as a driver, with what the Runtime needs to schedule it: core's function runs it inline
 * (defineDrivenOp returns that function), and the Runtime gets a method of the same name and arguments that
 * runs its jobs on the pool. The one list of such operations is DRIVEN_OPS.
 */
export interface DrivenOp {
  /** Function and Runtime method name, e.g. 'sort'. */
  readonly name: string
  /** Index of the options object among the arguments (the Runtime takes `signal` out of it). */
  readonly optionsAt: number
  /** The driver, from the call's arguments (options without `signal`). */
  readonly drive: (...args: never[]) => OpDriver<unknown>
  /** The arrays the call reads and writes (an `out` option is a write), from the same arguments. */
  readonly access: (...args: never[]) => OpAccess
}

const DRIVEN = new Map<string, DrivenOp>()

/** Every driven operation by name (one home for the list; the Runtime builds its methods from it). */
export const DRIVEN_OPS: ReadonlyMap<string, DrivenOp> = DRIVEN

/**
 * Register a driven operation and return its inline form: `export const sort = defineDrivenOp({...})`.
 * `drive`'s parameter types become the function's.
 */
export function defineDrivenOp<A extends unknown[], R>(op: {
  name: string
  optionsAt: number
  drive: (...args: A) => OpDriver<R>
  access: (...args: A) => OpAccess
}): (...args: A) => R {
  if (DRIVEN.has(op.name)) throw new ValueError(`driven op '${op.name}' is already defined`)
  DRIVEN.set(op.name, op as unknown as DrivenOp)
  return (...args: A): R => runInline(op.drive(...args))
}

/** The NDArray among `xs` (for access lists): skips scalars, JS arrays and undefined. */
export function arraysIn(...xs: readonly unknown[]): NDArray[] {
  return xs.filter((x): x is NDArray => x instanceof NDArray)
}
