/**
 * bench-results/results.json, schema "strided-bench/results" version 1.
 *
 * The TypeScript types below are the documentation; RESULTS_SCHEMA is the same thing as a JSON Schema
 * (draft 2020-12 subset), written next to the results as results.schema.json, and validateResults checks a
 * document against it (a small validator for the subset used here: type, enum, const, properties, required,
 * additionalProperties: false, items, minItems, minimum). Bump SCHEMA_VERSION on any incompatible change.
 *
 * Conventions: times are milliseconds per call (medians over samples; a sample may average a batch of short
 * calls), bandwidths decimal GB/s of bytes moved (read + write), ratios are plain numbers. Any figure that
 * could not be computed (peer missing, op unavailable, NaN) is null, never omitted.
 */

import type { Policy } from './measure.js'
import type { TimingSummary } from './stats.js'

export const SCHEMA_ID = 'strided-bench/results'
export const SCHEMA_VERSION = 1

/** Who ran the op: strided's worker Runtime, @strided/core inline (calling thread, sync), NumPy, numpy-ts, or a worker fed by structured clone. */
/** inline-js: @strided/core on the calling thread with the WASM SIMD kernels turned off (the JS loops). */
export type Impl = 'strided' | 'inline' | 'inline-js' | 'numpy' | 'numpy-ts' | 'clone'
export const IMPLS: readonly Impl[] = ['strided', 'inline', 'inline-js', 'numpy', 'numpy-ts', 'clone']
/** STREAM kernels: copy c=a, scale b=s*c, add c=a+b, triad a=b+s*c, sum = read-only vectorised reduction. */
export type CeilingKernel = 'copy' | 'scale' | 'add' | 'triad' | 'sum'
export const CEILING_KERNELS: readonly CeilingKernel[] = ['copy', 'scale', 'add', 'triad', 'sum']
/** sort: np.sort of a float64 vector (default axis, a new array per call). */
export type OpName = 'sum' | 'sum_axis0' | 'sum_axis1' | 'add' | 'scale' | 'sqrt' | 'exp' | 'transpose_copy' | 'sort'
export const OP_NAMES: readonly OpName[] = ['sum', 'sum_axis0', 'sum_axis1', 'add', 'scale', 'sqrt', 'exp', 'transpose_copy', 'sort']

/** One case's timing, as stats.summarize() produces it. */
export type Timing = TimingSummary

export interface OpRun {
  impl: Impl
  /** Worker threads (strided); 1 for the single-thread peers. */
  threads: number
  available: boolean
  /** Why unavailable, which API was used, or a caveat (e.g. "allocates its result: no out="). */
  note: string | null
  /** Result checked against a reference: true/false, null when not checked. */
  valid: boolean | null
  timing: Timing | null
  gbps: number | null
  /** STREAM ceiling of the matching kernel at this thread count (the 1-thread ceiling for single-thread peers). */
  ceilingGbps: number | null
  /** gbps / ceilingGbps. */
  ceilingFraction: number | null
  /** strided only: time with 1 thread / time with this many. */
  speedupVs1: number | null
  /** numpy time / this time (> 1: faster than NumPy). */
  vsNumpy: number | null
}

export interface OpCase {
  /** Unique, e.g. "sum n=1e7" or "sum_axis0 4000x4000 F". */
  id: string
  op: OpName
  /** Human form, e.g. "add(a, b, {out})". */
  label: string
  shape: number[]
  n: number
  /** Memory order of the input array. */
  layout: 'C' | 'F'
  dtype: 'float64'
  /** Bytes moved per call, read + write (sort: the least it can move, 16·n: read the input, write the result). */
  bytes: number
  ceilingKernel: CeilingKernel
  bound: 'memory' | 'compute'
  /** Cores' worth of CPU that other processes used while this case was measured (null off Linux). */
  foreignLoad: number | null
  /** Measurements of this case (more than 1 when it was re-measured because the machine was busy; the quietest is kept). */
  attempts: number
  runs: OpRun[]
}

export interface StreamResult {
  kernel: CeilingKernel
  threads: number
  /** Median over repetitions. */
  gbps: number
  bestGbps: number
  medianMs: number
  /** Mean foreign CPU load (cores) during the runs kept for this thread count. */
  foreignLoad: number | null
}

export interface StreamInfo {
  available: boolean
  note: string | null
  compiler: string | null
  flags: string[]
  openmp: boolean
  n: number
  reps: number
  results: StreamResult[]
}

export interface SharesCase {
  ndim: number
  /** Elements per view. */
  viewSize: number
  /** disjoint: separate halves (extent test); interleaved: even vs odd elements of the last axis (solver, false); overlapping: shifted by one stride step (true). */
  case: 'disjoint' | 'interleaved' | 'overlapping'
  baseShape: number[]
  /** NumPy index expressions of the two views into the base array. */
  a: string
  b: string
  impl: 'strided' | 'numpy'
  available: boolean
  note: string | null
  result: boolean | null
  expected: boolean
  timing: Timing | null
  medianUs: number | null
}

export interface DispatchCase {
  /** pool: a tiny add through the worker pool (inlineThreshold 0); inline-async: the same call answered inline by the Runtime; sync: @strided/core add. */
  variant: 'pool' | 'inline-async' | 'sync'
  op: string
  n: number
  threads: number
  available: boolean
  note: string | null
  timing: Timing | null
  medianUs: number | null
  p90Us: number | null
}

export interface BreakEvenCurve {
  op: 'sum' | 'add'
  /** inline: @strided/core on the calling thread; pool: Runtime with inlineThreshold 0; pool+main: the same with mainThreadShare. */
  variant: 'inline' | 'pool' | 'pool+main'
  threads: number
  mainThreadShare: boolean
  available: boolean
  note: string | null
  points: { n: number; medianMs: number | null }[]
}

export interface BreakEvenCrossover {
  op: 'sum' | 'add'
  variant: 'pool' | 'pool+main'
  threads: number
  mainThreadShare: boolean
  /** Interpolated element count from which the parallel path stays faster than inline; null when never within the sweep. */
  n: number | null
  where: 'within' | 'below' | 'never'
}

export interface BreakEven {
  sizes: number[]
  /** Foreign CPU load (cores) while each size was measured (the quietest of up to 1 + maxRetries attempts). */
  foreignLoad: (number | null)[]
  curves: BreakEvenCurve[]
  crossovers: BreakEvenCrossover[]
}

export interface EventLoopScenario {
  /** idle: nothing running; pool: jobs on workers, mainThreadShare off; pool+main: mainThreadShare on; inline: @strided/core sync on the calling thread. */
  scenario: 'idle' | 'pool' | 'pool+main' | 'inline'
  threads: number
  mainThreadShare: boolean
  available: boolean
  note: string | null
  jobs: number
  jobMedianMs: number | null
  /** Event-loop delay beyond the timer resolution (histogram value − resolution), ms. */
  p50Ms: number | null
  p99Ms: number | null
  maxMs: number | null
  samples: number
  /** Foreign CPU load (cores) during the scenario. */
  foreignLoad: number | null
}

export interface EventLoop {
  resolutionMs: number
  op: string
  n: number
  bytes: number
  scenarios: EventLoopScenario[]
}

export interface Machine {
  cpuModel: string
  logicalCpus: number
  availableParallelism: number
  memoryGiB: number
  platform: string
  arch: string
  osRelease: string
  node: string
  v8: string
  python: string | null
  numpy: string | null
  numpyTs: string | null
  cc: string | null
  gitCommit: string | null
  gitDirty: boolean | null
  /** ISO 8601 start time of the run. */
  date: string
  /** 1/5/15-minute load averages at the start and at the end of the run (other work on the machine skews timings). */
  loadAverage: number[]
  loadAverageEnd: number[]
}

/** The sampling policy as measure.ts applies it. */
export type PolicyDoc = Policy

export interface RunConfig {
  mode: 'full' | 'quick' | 'smoke'
  threads: number[]
  suites: string[]
  peers: { numpy: boolean; numpyTs: boolean; clone: boolean }
  sizes1d: number[]
  side2d: number
  breakEvenSizes: number[]
  sharesSizes: number[]
  eventLoopN: number
  streamN: number
  rounds: number
  /** Foreign load (cores) above which a case is re-measured, and how many times at most. */
  busyThreshold: number
  maxRetries: number
  policy: PolicyDoc
  fastPolicy: PolicyDoc
}

export interface Results {
  schema: typeof SCHEMA_ID
  version: typeof SCHEMA_VERSION
  command: string
  durationS: number
  machine: Machine
  config: RunConfig
  stream: StreamInfo
  ops: OpCase[]
  sharesMemory: SharesCase[]
  dispatch: DispatchCase[]
  breakEven: BreakEven
  eventLoop: EventLoop | null
  /** Things that could not be measured and why (missing peers, ops not implemented yet, failures). */
  unavailable: { what: string; reason: string }[]
  notes: string[]
}

// ------------------------------------------------------------------------------------------ JSON Schema

type J = Record<string, unknown>
const num: J = { type: 'number' }
const nnum: J = { type: ['number', 'null'] }
const int0: J = { type: 'integer', minimum: 0 }
const int1: J = { type: 'integer', minimum: 1 }
const str: J = { type: 'string' }
const nstr: J = { type: ['string', 'null'] }
const bool: J = { type: 'boolean' }
const nbool: J = { type: ['boolean', 'null'] }
const arr = (items: J, minItems = 0): J => ({ type: 'array', items, ...(minItems ? { minItems } : {}) })
const en = (values: readonly unknown[]): J => ({ enum: [...values] })
/** Closed object: every listed property required unless named in `optional`. */
const obj = (properties: Record<string, J>, optional: string[] = []): J => ({
  type: 'object', properties, required: Object.keys(properties).filter((k) => !optional.includes(k)), additionalProperties: false,
})
const nullable = (s: J): J => ({ anyOf: [s, { type: 'null' }] })

const timing = obj({ medianMs: num, minMs: num, maxMs: num, q1Ms: num, q3Ms: num, reps: int1, batch: int1 })
const policy = obj({ warmupCalls: int0, warmupMs: num, minReps: int1, maxReps: int1, targetMs: num, minSampleMs: num, maxMs: num })

export const RESULTS_SCHEMA: J = {
  $schema: 'https://json-schema.org/draft/2020-12/schema',
  $id: `${SCHEMA_ID}/v${SCHEMA_VERSION}`,
  title: 'strided benchmark results',
  ...obj({
    schema: { const: SCHEMA_ID },
    version: { const: SCHEMA_VERSION },
    command: str,
    durationS: num,
    machine: obj({
      cpuModel: str, logicalCpus: int1, availableParallelism: int1, memoryGiB: num, platform: str, arch: str, osRelease: str,
      node: str, v8: str, python: nstr, numpy: nstr, numpyTs: nstr, cc: nstr, gitCommit: nstr, gitDirty: nbool, date: str,
      loadAverage: arr(num), loadAverageEnd: arr(num),
    }),
    config: obj({
      mode: en(['full', 'quick', 'smoke']), threads: arr(int1, 1), suites: arr(str),
      peers: obj({ numpy: bool, numpyTs: bool, clone: bool }),
      sizes1d: arr(int1), side2d: int1, breakEvenSizes: arr(int1), sharesSizes: arr(int1), eventLoopN: int1, streamN: int1, rounds: int1, busyThreshold: num, maxRetries: int0,
      policy, fastPolicy: policy,
    }),
    stream: obj({
      available: bool, note: nstr, compiler: nstr, flags: arr(str), openmp: bool, n: int0, reps: int0,
      results: arr(obj({ kernel: en(CEILING_KERNELS), threads: int1, gbps: num, bestGbps: num, medianMs: num, foreignLoad: nnum })),
    }),
    ops: arr(obj({
      id: str, op: en(OP_NAMES), label: str, shape: arr(int1, 1), n: int1, layout: en(['C', 'F']), dtype: { const: 'float64' },
      bytes: int1, ceilingKernel: en(CEILING_KERNELS), bound: en(['memory', 'compute']), foreignLoad: nnum, attempts: int1,
      runs: arr(obj({
        impl: en(IMPLS), threads: int1, available: bool, note: nstr, valid: nbool, timing: nullable(timing),
        gbps: nnum, ceilingGbps: nnum, ceilingFraction: nnum, speedupVs1: nnum, vsNumpy: nnum,
      })),
    })),
    sharesMemory: arr(obj({
      ndim: int1, viewSize: int1, case: en(['disjoint', 'interleaved', 'overlapping']), baseShape: arr(int1, 1), a: str, b: str,
      impl: en(['strided', 'numpy']), available: bool, note: nstr, result: nbool, expected: bool, timing: nullable(timing), medianUs: nnum,
    })),
    dispatch: arr(obj({
      variant: en(['pool', 'inline-async', 'sync']), op: str, n: int1, threads: int0, available: bool, note: nstr,
      timing: nullable(timing), medianUs: nnum, p90Us: nnum,
    })),
    breakEven: obj({
      sizes: arr(int1), foreignLoad: arr(nnum),
      curves: arr(obj({
        op: en(['sum', 'add']), variant: en(['inline', 'pool', 'pool+main']), threads: int0, mainThreadShare: bool, available: bool, note: nstr,
        points: arr(obj({ n: int1, medianMs: nnum })),
      })),
      crossovers: arr(obj({
        op: en(['sum', 'add']), variant: en(['pool', 'pool+main']), threads: int1, mainThreadShare: bool, n: nnum, where: en(['within', 'below', 'never']),
      })),
    }),
    eventLoop: nullable(obj({
      resolutionMs: num, op: str, n: int1, bytes: int1,
      scenarios: arr(obj({
        scenario: en(['idle', 'pool', 'pool+main', 'inline']), threads: int0, mainThreadShare: bool, available: bool, note: nstr,
        jobs: int0, jobMedianMs: nnum, p50Ms: nnum, p99Ms: nnum, maxMs: nnum, samples: int0, foreignLoad: nnum,
      })),
    })),
    unavailable: arr(obj({ what: str, reason: str })),
    notes: arr(str),
  }),
}

// ------------------------------------------------------------------------------------------ validator

function typeOf(v: unknown): string {
  if (v === null) return 'null'
  if (Array.isArray(v)) return 'array'
  if (typeof v === 'number') return Number.isInteger(v) ? 'integer' : 'number'
  return typeof v
}

function typeMatches(v: unknown, t: string): boolean {
  const actual = typeOf(v)
  if (t === 'number') return (actual === 'number' || actual === 'integer') && Number.isFinite(v as number)
  return actual === t
}

/** Validate `v` against a schema of the subset above; returns error messages with JSON-pointer-like paths. */
export function validateAgainst(schema: J, v: unknown, path = '$', errors: string[] = []): string[] {
  if (errors.length > 50) return errors
  if ('anyOf' in schema) {
    const options = schema.anyOf as J[]
    if (!options.some((s) => validateAgainst(s, v, path, []).length === 0)) {
      const first = validateAgainst(options[0]!, v, path, [])
      errors.push(first.length === 1 ? first[0]! : `${path}: matches none of the allowed forms (${first[0] ?? 'type'})`)
    }
    return errors
  }
  if ('const' in schema && v !== schema.const) errors.push(`${path}: expected ${JSON.stringify(schema.const)}, got ${JSON.stringify(v)}`)
  if ('enum' in schema && !(schema.enum as unknown[]).includes(v)) errors.push(`${path}: ${JSON.stringify(v)} is not one of ${JSON.stringify(schema.enum)}`)
  if ('type' in schema) {
    const types = Array.isArray(schema.type) ? (schema.type as string[]) : [schema.type as string]
    if (!types.some((t) => typeMatches(v, t))) {
      errors.push(`${path}: expected ${types.join(' or ')}, got ${typeOf(v) === 'number' && !Number.isFinite(v as number) ? String(v) : typeOf(v)}`)
      return errors
    }
  }
  if (typeof v === 'number' && 'minimum' in schema && v < (schema.minimum as number)) errors.push(`${path}: ${v} is below the minimum ${String(schema.minimum)}`)
  if (Array.isArray(v)) {
    if ('minItems' in schema && v.length < (schema.minItems as number)) errors.push(`${path}: needs at least ${String(schema.minItems)} items`)
    if ('items' in schema) v.forEach((x, i) => validateAgainst(schema.items as J, x, `${path}[${i}]`, errors))
  } else if (typeOf(v) === 'object') {
    const o = v as Record<string, unknown>
    const props = (schema.properties ?? {}) as Record<string, J>
    for (const k of (schema.required ?? []) as string[]) if (!(k in o)) errors.push(`${path}: missing property ${JSON.stringify(k)}`)
    for (const [k, x] of Object.entries(o)) {
      if (k in props) validateAgainst(props[k]!, x, `${path}.${k}`, errors)
      else if (schema.additionalProperties === false) errors.push(`${path}: unexpected property ${JSON.stringify(k)}`)
    }
  }
  return errors
}

export interface Validation { ok: boolean; errors: string[] }

/** Check a parsed results.json document against RESULTS_SCHEMA (plus a few cross-field rules). */
export function validateResults(doc: unknown): Validation {
  const errors = validateAgainst(RESULTS_SCHEMA, doc)
  if (errors.length === 0) {
    const d = doc as Results
    const ids = new Set<string>()
    for (const [i, c] of d.ops.entries()) {
      if (ids.has(c.id)) errors.push(`$.ops[${i}].id: duplicate id ${JSON.stringify(c.id)}`)
      ids.add(c.id)
      if (c.shape.reduce((a, b) => a * b, 1) !== c.n) errors.push(`$.ops[${i}]: n ${c.n} is not the product of shape ${JSON.stringify(c.shape)}`)
      for (const [j, r] of c.runs.entries()) {
        if (r.available && r.timing === null) errors.push(`$.ops[${i}].runs[${j}]: available run without timing`)
        if (!r.available && r.timing !== null) errors.push(`$.ops[${i}].runs[${j}]: unavailable run with timing`)
        if (r.timing && !(r.timing.minMs <= r.timing.medianMs && r.timing.medianMs <= r.timing.maxMs)) errors.push(`$.ops[${i}].runs[${j}].timing: median outside [min, max]`)
      }
    }
  }
  return { ok: errors.length === 0, errors }
}
