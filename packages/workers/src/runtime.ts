/**
 * Runtime: every kernel op of @strided/core, async, split across a Piscina worker pool.
 *
 * A call is: register its reads/writes with the hazard tracker (synchronously, so call order is program
 * order) → wait for conflicting in-flight jobs → prepare the job on the calling thread (validation,
 * promotion, allocation, the exact overlap check: OverlapError before anything is written) → run it inline
 * when small, else split it into shares for the workers (optionally one on the calling thread) → finish
 * (combine reduction partials in the job's fixed order). Arrays travel as descriptors over their
 * SharedArrayBuffer, never copied.
 */
import type { Worker } from 'node:worker_threads'
import { Piscina } from 'piscina'
import {
  NDArray, ValueError, dtype as lookupDType, type CopyOrder, type ArrayDescriptor, type DTypeName, type Scalar,
} from '@strided/core'
import {
  arenaHandle, threadArena, checkOptions, prepareUfunc, prepareReduction, prepareCopy, toDescriptor, broadcastStrides, type Job, type OpDriver, type OpAccess, type ReductionPartial, DRIVEN_OPS,
} from '@strided/core/internal'
import { AbortError, NotSharedError, RuntimeClosedError, WorkerCrashError } from './errors.js'
import { HazardTracker, type Access } from './hazards.js'
import {
  resolveOptions, type JobOptions, type Operand, type ReduceOptions, type ResolvedOptions, type RuntimeOptions, type UfuncOptions,
} from './options.js'
import type { RuntimeMethods } from './runtime-methods.js'
import { splitRange } from './partition.js'
import { runShare, type ShareResult, type ShareTask } from './task.js'
import { poolWorkerModule, threadExecArgv } from './thread-entry.js'

export const BINARY_OPS = [
  'add', 'subtract', 'multiply', 'divide', 'floorDivide', 'mod', 'power', 'maximum', 'minimum',
  'bitwiseAnd', 'bitwiseOr', 'bitwiseXor', 'equal', 'notEqual', 'less', 'lessEqual', 'greater', 'greaterEqual',
  'logicalAnd', 'logicalOr',
  'leftShift', 'rightShift', 'arctan2', 'hypot', 'fmod', 'remainder', 'copysign', 'nextafter', 'logaddexp', 'logaddexp2',
  'heaviside', 'floatPower',
] as const
export const UNARY_OPS = [
  'negative', 'abs', 'sqrt', 'square', 'exp', 'expm1', 'log', 'log1p', 'sin', 'cos', 'tan', 'tanh',
  'floor', 'ceil', 'rint', 'sign', 'logicalNot',
  'isnan', 'isinf', 'isfinite', 'signbit', 'round', 'trunc', 'fix', 'reciprocal', 'invert', 'sinh', 'cosh', 'arcsin', 'arccos',
  'arctan', 'arcsinh', 'arccosh', 'arctanh', 'exp2', 'log2', 'log10', 'cbrt', 'deg2rad', 'rad2deg', 'positive', 'conjugate',
] as const
export const REDUCTION_OPS = ['sum', 'prod', 'min', 'max', 'mean', 'var', 'std', 'argmin', 'argmax', 'any', 'all'] as const

export type BinaryOp = (typeof BINARY_OPS)[number]
export type UnaryOp = (typeof UNARY_OPS)[number]
export type ReductionOp = (typeof REDUCTION_OPS)[number]

const asyncDispose: typeof Symbol.asyncDispose = Symbol.asyncDispose ?? (Symbol.for('Symbol.asyncDispose') as typeof Symbol.asyncDispose)

function arraysOf(xs: readonly unknown[]): NDArray[] {
  return xs.filter((x): x is NDArray => x instanceof NDArray)
}

/** Strip prototypes and typed-array caches: what is posted is descriptors and plain data only. */
function postable(job: Job): Job {
  if (job.kind === 'elementwise') return { ...job, operands: job.operands.map(toDescriptor) }
  return job
}

/** What {@link Runtime.pool} shows of the Piscina pool. */
export interface PoolDiagnostics {
  /** The worker threads. */
  readonly threads: readonly Worker[]
  /** Tasks (shares of jobs) completed so far. */
  readonly completed: number
  /** Piscina's events, e.g. 'error' when a worker fails to start. */
  on(event: string, listener: (...args: unknown[]) => void): unknown
}

/**
 * A worker pool that runs @strided/core's operations across cores: every op is a method with the same arguments,
 * returning a promise (see {@link RuntimeMethods}). Small jobs run inline; large ones are split into one share per
 * thread. Jobs that touch memory an in-flight job writes wait for it; independent jobs run concurrently.
 * Results are the same bits as the inline call for any thread count. Close it with {@link Runtime.close} (or
 * `await using`).
 */
export class Runtime {
  /** The options in force, defaults filled in. */
  readonly options: ResolvedOptions
  /**
   * The Piscina pool, for diagnostics (null with threads: 0); do not run tasks on it directly. Typed as
   * {@link PoolDiagnostics} so the declarations a user compiles do not pull in Piscina's own.
   */
  get pool(): PoolDiagnostics | null { return this.#pool }
  readonly #pool: Piscina | null
  readonly #hazards: HazardTracker
  #closed = false

  /**
   * Start the pool (its threads start at once and stay until {@link Runtime.close}).
   *
   * @param options - threads, inlineThreshold, mainThreadShare, hazardBudget
   * @throws ValueError for a bad or unknown option, naming it
   */
  constructor(options: RuntimeOptions = {}) {
    this.options = resolveOptions(options)
    this.#hazards = new HazardTracker(this.options.hazardBudget)
    const execArgv = threadExecArgv()
    this.#pool = this.options.threads === 0 ? null : new Piscina({
      filename: poolWorkerModule().href,
      ...(execArgv ? { execArgv } : {}),
      minThreads: this.options.threads,
      maxThreads: this.options.threads,
      idleTimeout: 2 ** 31 - 1,
      concurrentTasksPerWorker: 1,
      // workers run kernels on this thread's arena in place (its memory is shared, never copied)
      workerData: { arena: arenaHandle() },
    })
  }

  /** Worker threads in the pool (0: everything runs inline). */
  get threads(): number { return this.options.threads }

  // ---------------------------------------------------------------- public entry points

  /** Any elementwise op of @strided/core by name, e.g. ufunc('add', [a, b], { out }). */
  ufunc(op: string, inputs: readonly Operand[], opts: UfuncOptions = {}): Promise<NDArray> {
    // core checks the rest (unknown keys, or a non-object opts passed on as it is)
    const [signal, rest] = splitSignal(opts)
    // the where= mask is read too
    const arrays = arraysOf([...inputs, rest.where])
    return this.schedule({ reads: arrays, writes: rest.out ? [rest.out] : [] }, [...arrays, ...(rest.out ? [rest.out] : [])], signal, async () => {
      const p = prepareUfunc(op, inputs, rest)
      await this.execute(p.job, signal)
      p.finish()
      return p.result
    })
  }

  /** Any reduction of @strided/core by name, e.g. reduce('sum', x, { axis: 0 }). */
  reduce(op: string, a: NDArray, opts: ReduceOptions = {}): Promise<NDArray | Scalar> {
    const [signal, rest] = splitSignal(opts)
    // a where= mask is read too
    const reads = arraysOf([a, rest.where])
    return this.schedule({ reads, writes: rest.out ? [rest.out] : [] }, [...reads, ...(rest.out ? [rest.out] : [])], signal, async () => {
      const p = prepareReduction(op, a, rest)
      const partials = await this.execute(p.job, signal)
      return p.finish(partials)
    })
  }

  /** A copy of `a` in `order` (default 'C', like ndarray.copy), made on the pool: transposes use blocked tiles. */
  copy(a: NDArray, opts: { order?: CopyOrder } & JobOptions = {}): Promise<NDArray> {
    return this.copyJob(a, a.dtype, opts?.order ?? 'C', null, opts?.signal, () => checkOptions('copy', opts, ['order', 'signal']))
  }

  /** `a` converted to `dtype` (C-style casts; default order 'K', like astype). */
  astype(a: NDArray, dt: DTypeName | string, opts: { order?: CopyOrder } & JobOptions = {}): Promise<NDArray> {
    return this.copyJob(a, lookupDType(dt).name, opts?.order ?? 'K', null, opts?.signal, () => checkOptions('astype', opts, ['order', 'signal']))
  }

  /** dst[...] = src, broadcasting src to dst's shape, with NumPy's copy-first semantics when they overlap. */
  copyInto(dst: NDArray, src: NDArray, opts: JobOptions = {}): Promise<NDArray> {
    return this.copyJob(src, dst.dtype, 'K', dst, opts?.signal, () => checkOptions('copyInto', opts, ['signal']))
  }

  private copyJob(src: NDArray, dt: DTypeName, order: CopyOrder, into: NDArray | null, signal: AbortSignal | undefined, check: () => void): Promise<NDArray> {
    return this.schedule({ reads: [src], writes: into ? [into] : [] }, into ? [src, into] : [src], signal, async () => {
      check()
      if (into) into.assertWriteable('copyInto destination')
      const dst = into ?? NDArray.allocLike(src, dt, order)
      const from = into ? { ...src.toDescriptor(), shape: [...dst.shape], strides: broadcastStrides(src.shape, src.strides, dst.shape, 'src') } : src.toDescriptor()
      const p = prepareCopy(dst, from)
      await this.execute(p.job, signal)
      p.finish()
      return dst
    })
  }

  /** where(cond, x, y) */
  where(cond: Operand, x: Operand, y: Operand, opts?: UfuncOptions): Promise<NDArray> { return this.ufunc('where', [cond, x, y], opts) }
  /** clip(a, lo, hi) */
  clip(a: Operand, lo: Operand, hi: Operand, opts?: UfuncOptions): Promise<NDArray> { return this.ufunc('clip', [a, lo, hi], opts) }

  /**
   * Any driven operation of @strided/core by name (DRIVEN_OPS: sort, cumsum, median, ...), with that function's
   * arguments; its jobs run on the pool. `signal` is taken from the options argument.
   */
  async driven(name: string, args: readonly unknown[]): Promise<unknown> {
    // async, yet everything up to schedule()'s registration runs synchronously: call order stays program order
    const op = DRIVEN_OPS.get(name)
    if (op === undefined) throw new ValueError(`no driven operation named ${JSON.stringify(name)}`)
    const all = [...args]
    const [signal, rest] = splitSignal(all[op.optionsAt] as JobOptions)
    if (all[op.optionsAt] !== undefined) all[op.optionsAt] = rest
    const access = (op.access as (...a: unknown[]) => OpAccess)(...all)
    return await this.schedule({ reads: access.reads, writes: access.writes }, [...access.reads, ...access.writes], signal, () =>
      this.drive((op.drive as (...a: unknown[]) => OpDriver<unknown>)(...all), signal))
  }

  /** Resolves when every job submitted so far has settled. */
  drain(): Promise<void> { return this.#hazards.idle() }

  /** Wait for submitted jobs, then stop the workers. Leaves no handles: the process can exit. */
  async close(): Promise<void> {
    if (this.#closed) return
    this.#closed = true
    await this.#hazards.idle()
    await this.#pool?.destroy()
  }

  /** {@link Runtime.close}, for `await using rt = new Runtime()`. */
  [asyncDispose](): Promise<void> { return this.close() }

  // ---------------------------------------------------------------- scheduling

  private async schedule<T>(access: Access, operands: readonly NDArray[], signal: AbortSignal | undefined, body: () => Promise<T>): Promise<T> {
    if (this.#closed) throw new RuntimeClosedError('Runtime is closed: create a new Runtime to run more jobs')
    for (const a of operands) {
      if (!(a.buffer instanceof SharedArrayBuffer)) {
        throw new NotSharedError(`operand with shape (${a.shape.join(', ')}), dtype ${a.dtype} is backed by an ArrayBuffer; worker threads share only SharedArrayBuffer memory. Make a shared copy with array(a), or create it with zeros()/fromBuffer(new SharedArrayBuffer(...))`)
      }
    }
    if (signal?.aborted) throw new AbortError('The operation was aborted before it was queued', signal.reason)
    const ticket = this.#hazards.register(access)
    try {
      if (signal === undefined) await ticket.ready
      else await raceAbort(ticket.ready, signal, 'The operation was aborted while waiting for earlier jobs')
      if (signal?.aborted) throw new AbortError('The operation was aborted before it started', signal.reason)
      return await body()
    } finally {
      ticket.release()
    }
  }

  /**
   * Run a multi-job operation (core's ops/driver.ts): each job the driver yields runs inline or across the pool,
   * its partials go back into the driver, and the driver's return value is the result. Called inside schedule().
   */
  private async drive<R>(driver: OpDriver<R>, signal: AbortSignal | undefined): Promise<R> {
    let step = driver.next()
    while (!step.done) step = driver.next(await this.execute(step.value, signal))
    return step.value
  }

  /** Run a prepared job inline or across the pool; returns reduction partials in unit order. */
  private async execute(job: Job, signal: AbortSignal | undefined): Promise<ReductionPartial[]> {
    const work = job.kind === 'elementwise' ? job.size * job.cost : job.units * job.elementsPerUnit * job.cost
    const pieces = job.kind === 'elementwise' ? job.size : job.units
    if (this.#pool === null || work < this.options.inlineThreshold || pieces === 0) {
      const r = runShare({ job, start: 0, end: pieces, cancel: null })
      return r.partials ?? []
    }
    // a large job that cannot be split still goes to a worker: the event loop stays free
    const parts = pieces <= 1 ? 1 : this.options.threads + (this.options.mainThreadShare ? 1 : 0)
    const ranges = job.kind === 'elementwise' ? splitRange(job.size, parts, job.grain) : splitRange(job.units, parts, 1)
    const cancel = signal === undefined ? null : new Int32Array(new SharedArrayBuffer(4))
    const onAbort = (): void => { if (cancel) Atomics.store(cancel, 0, 1) }
    signal?.addEventListener('abort', onAbort, { once: true })
    const posted = postable(job)
    const mine = this.options.mainThreadShare && ranges.length > 1 ? ranges.pop()! : undefined
    const arena = threadArena()?.generations
    const tasks = ranges.map(([start, end]) => this.#pool!.run({ job: posted, start, end, cancel, arena } satisfies ShareTask) as Promise<ShareResult>)
    let mineResult: ShareResult | undefined
    let mineError: unknown
    if (mine) {
      try { mineResult = runShare({ job, start: mine[0], end: mine[1], cancel }) } catch (e) { mineError = e }
    }
    const settled = await Promise.allSettled(tasks)
    signal?.removeEventListener('abort', onAbort)
    if (signal?.aborted || settled.some((s) => s.status === 'fulfilled' && s.value.cancelled) || mineResult?.cancelled) {
      throw new AbortError(`${job.op} was aborted while running; its output may be partly written`, signal?.reason)
    }
    const failed = settled.find((s): s is PromiseRejectedResult => s.status === 'rejected')
    if (failed) {
      const reason = failed.reason as { message?: string } | undefined
      throw new WorkerCrashError(`a worker thread failed while running ${job.op} (${describe(job)}): ${reason?.message ?? String(reason)}; the pool replaces it`, failed.reason)
    }
    if (mineError !== undefined) throw mineError
    const partials: ReductionPartial[] = []
    for (const s of settled) if (s.status === 'fulfilled' && s.value.partials) partials.push(...s.value.partials)
    if (mineResult?.partials) partials.push(...mineResult.partials)
    return partials
  }
}

function describe(job: Job): string {
  if (job.kind === 'elementwise') {
    const o = job.operands[0] as ArrayDescriptor
    return `output shape (${o.shape.join(', ')}), dtype ${o.dtype}`
  }
  return `${job.units} units`
}

/** A job's signal, and the options left for core (a non-object as it is, for core to refuse). */
function splitSignal<T extends JobOptions>(opts: T): [AbortSignal | undefined, Omit<T, 'signal'>] {
  if (opts === undefined || opts === null) return [undefined, {} as Omit<T, 'signal'>]
  if (typeof opts !== 'object' || Array.isArray(opts)) return [undefined, opts]
  const { signal, ...rest } = opts
  return [signal, rest]
}

function raceAbort(p: Promise<void>, signal: AbortSignal, message: string): Promise<void> {
  return new Promise<void>((resolve, reject) => {
    const onAbort = (): void => reject(new AbortError(message, signal.reason))
    signal.addEventListener('abort', onAbort, { once: true })
    p.then(() => { signal.removeEventListener('abort', onAbort); resolve() }, reject)
  })
}

// The op methods are defined from the op lists; each is ufunc(name, ...) or reduce(name, ...). runtime-methods.ts
// declares them one by one, with their documentation and the reductions' overloads.
export interface Runtime extends RuntimeMethods {}
for (const op of BINARY_OPS) {
  Object.defineProperty(Runtime.prototype, op, {
    value: function (this: Runtime, a: Operand, b: Operand, opts?: UfuncOptions) { return this.ufunc(op, [a, b], opts) },
    writable: true, configurable: true,
  })
}
for (const op of UNARY_OPS) {
  Object.defineProperty(Runtime.prototype, op, {
    value: function (this: Runtime, a: Operand, opts?: UfuncOptions) { return this.ufunc(op, [a], opts) },
    writable: true, configurable: true,
  })
}
for (const name of DRIVEN_OPS.keys()) {
  Object.defineProperty(Runtime.prototype, name, {
    value: function (this: Runtime, ...args: unknown[]) { return this.driven(name, args) },
    writable: true, configurable: true,
  })
}
for (const op of REDUCTION_OPS) {
  Object.defineProperty(Runtime.prototype, op, {
    value: function (this: Runtime, a: NDArray, opts?: ReduceOptions) { return this.reduce(op, a, opts) },
    writable: true, configurable: true,
  })
}
