/**
 * The registry of unit kernels (kernels/job.ts UnitsJob): one function per op name that runs units
 * [start, end) of a job's plan. The calling thread (inline) and the workers run the same function, so a job's
 * result does not depend on who ran which units. Kernels register themselves when their module is imported;
 * kernels/units-all.ts imports every one, so any thread that can run jobs has all of them.
 */
import { ValueError } from '../errors.js'
import type { ReductionPartial, UnitsJob } from './job.js'

/**
 * Runs units [start, end) of a plan. Returns one partial per unit in unit order, or nothing when the units only
 * write memory.
 */
export type UnitKernel = (plan: never, start: number, end: number) => ReductionPartial[] | void

const UNIT_KERNELS = new Map<string, UnitKernel>()

/** Register the unit kernel for `op` (once per op; a second registration is a programming error). */
export function defineUnitKernel<P>(op: string, fn: (plan: P, start: number, end: number) => ReductionPartial[] | void): void {
  if (UNIT_KERNELS.has(op)) throw new ValueError(`unit kernel '${op}' is already defined`)
  UNIT_KERNELS.set(op, fn as UnitKernel)
}

/** Run units [start, end) of a units job (clamped to [0, units)); partials in unit order ([] when none). */
export function runUnits(job: UnitsJob, start: number, end: number): ReductionPartial[] {
  const fn = UNIT_KERNELS.get(job.op)
  if (fn === undefined) throw new ValueError(`no unit kernel '${job.op}' is defined`)
  const s = Math.max(0, start)
  const e = Math.min(job.units, end)
  if (s >= e) return []
  return fn(job.plan as never, s, e) ?? []
}

/** Names of the defined unit kernels (tests, diagnostics). */
export function unitKernelNames(): string[] {
  return [...UNIT_KERNELS.keys()].sort()
}
