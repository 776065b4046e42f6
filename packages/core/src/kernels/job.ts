/**
 * The contract between the kernels and whoever runs them (the calling thread, or the worker pool).
 *
 * A *job* is a fully validated, promoted and broadcast operation made only of plain data (descriptors,
 * strings, numbers), so it can be posted to a worker as-is: array memory travels by SharedArrayBuffer
 * reference, never copied. A job's work is a fixed sequence of pieces that does not depend on how many
 * threads run it:
 *
 *  - elementwise: iteration elements [0, size) in the job's own fixed order; any split of that range into
 *    [start, end) chunks gives the same result. Chunk edges at multiples of `grain` never share an output
 *    cache line.
 *  - reduction: units [0, units); each unit either writes a disjoint block of the output itself
 *    (`unitsWriteOutput`) or returns a partial result; partials are combined in unit order by
 *    finishReduction. Running all units in order on one thread and finishing is exactly the inline result,
 *    so results are bit-identical for any thread count.
 *
 * prepare* functions (ops/) build jobs on the calling thread: they check arguments, allocate results, check
 * overlap and make NumPy's copy-first temporaries. run* functions are the kernels, shared by both paths.
 */
import type { ArrayDescriptor } from '../descriptor.js'

export interface ElementwiseJob {
  readonly kind: 'elementwise'
  /** Registry key of the operation, e.g. 'add', 'sqrt', 'where', 'copy'. */
  readonly op: string
  /** operands[0] is the output; the rest are inputs, all presented with the output's shape. */
  readonly operands: readonly ArrayDescriptor[]
  /** Extra scalar parameters of the op (e.g. clip bounds), plain values only. */
  readonly params?: Readonly<Record<string, number | bigint | boolean | string | null>>
  /** Number of iteration elements. */
  readonly size: number
  /** Chunk alignment in iteration elements (≥ 1). */
  readonly grain: number
  /** Rough cost per element relative to a float64 add (1); transcendental ops are higher. Used to pick inline vs parallel. */
  readonly cost: number
}

/** A partial result of a reduction unit: plain data (numbers, bigints, arrays of them). */
export type ReductionPartial = number | bigint | boolean | null | readonly (number | bigint | boolean | null)[]

export interface ReductionJob {
  readonly kind: 'reduction'
  readonly op: string
  /** Everything the kernel needs, plain data. */
  readonly plan: unknown
  readonly units: number
  /** true: units write disjoint output blocks (no combine); false: units return partials for finishReduction. */
  readonly unitsWriteOutput: boolean
  /** Elements read per unit, roughly (for inline-vs-parallel decisions). */
  readonly elementsPerUnit: number
  readonly cost: number
}

/**
 * A units job: `units` independent pieces of work over plain data, run by the kernel registered under `op` in
 * kernels/units.ts. Each unit writes only memory no other unit of the job touches (lanes of a sort along an axis,
 * runs of a merge, blocks of a scan) and may return partials, collected in unit order. Multi-step operations
 * (sort the runs, then merge them) are several units jobs yielded in turn by one driver (ops/driver.ts).
 */
export interface UnitsJob {
  readonly kind: 'units'
  /** Registry key of the unit kernel (kernels/units.ts), e.g. 'sortLanes'. */
  readonly op: string
  /** Everything the kernel needs, plain data (descriptors, numbers, strings, arrays of them). */
  readonly plan: unknown
  readonly units: number
  /** Elements touched per unit, roughly (for inline-vs-parallel decisions). */
  readonly elementsPerUnit: number
  /** Rough cost per element relative to a float64 add (1). */
  readonly cost: number
}

export type Job = ElementwiseJob | ReductionJob | UnitsJob

const keptWith = new WeakMap<object, readonly object[]>()

/**
 * Keep `owners` alive as long as `job` is: temporaries made by a prepare function (copies of overlapping inputs)
 * appear in the job only as descriptors, and an arena block is freed when its owner array is collected.
 */
export function keepAliveWith(job: object, owners: readonly object[]): void {
  if (owners.length > 0) keptWith.set(job, owners)
}
