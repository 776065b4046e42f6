/**
 * Late-bound access to @strided/core and @strided/workers. The kernels and the runtime are being finished
 * in parallel with this package, so the bench looks every function up by name at run time: a missing or
 * failing op becomes an "unavailable" entry in the results instead of a crash (and the TypeScript here
 * compiles against whatever the packages export today).
 */
import * as core from '@strided/core'
import type { NDArray } from '@strided/core'
import * as coreInternal from '@strided/core/internal'

type Fn = (...args: any[]) => any // eslint-disable-line @typescript-eslint/no-explicit-any

/** A function of @strided/core by name: the public API first, then the internal one (copyInto, the raw copy). */
export function coreFn(name: string): Fn | null {
  const f = (core as unknown as Record<string, unknown>)[name] ?? (coreInternal as unknown as Record<string, unknown>)[name]
  return typeof f === 'function' ? (f as Fn) : null
}

/** The subset of the worker Runtime the bench drives. */
export interface RuntimeLike {
  close(): Promise<void>
  [op: string]: unknown
}

export interface RuntimeOptionsLike { threads: number; inlineThreshold?: number; mainThreadShare?: boolean }

type RuntimeCtor = new (o: RuntimeOptionsLike) => RuntimeLike
let workersModule: Promise<Record<string, unknown> | string> | undefined

/** @strided/workers, imported on first use (a module that fails to link becomes a reason, not a crash). */
export function loadWorkers(): Promise<Record<string, unknown> | string> {
  workersModule ??= import('@strided/workers').then(
    (m) => m as unknown as Record<string, unknown>,
    (e: unknown) => `@strided/workers failed to load: ${errorText(e)}`,
  )
  return workersModule
}

/** The Runtime class, or why there is none. */
export async function runtimeClass(): Promise<RuntimeCtor | string> {
  const w = await loadWorkers()
  if (typeof w === 'string') return w
  return typeof w.Runtime === 'function' ? (w.Runtime as RuntimeCtor) : '@strided/workers does not export Runtime'
}

/** The runtime's method `op`, bound, or null. */
export function rtMethod(rt: RuntimeLike, op: string): Fn | null {
  const f = rt[op]
  return typeof f === 'function' ? (f as Fn).bind(rt) : null
}

export function errorText(e: unknown): string {
  if (e instanceof Error) return `${e.name}: ${e.message.split('\n')[0]}`
  return String(e)
}

/** Seeded uniform [0, 1) float64 array over a SharedArrayBuffer (core.random.uniform, or a local fallback). */
export function uniform(shape: number[], seed: number): NDArray {
  const r = (core as unknown as { random?: { uniform?: Fn } }).random
  if (r?.uniform) return r.uniform(shape, { seed }) as NDArray
  throw new Error('@strided/core random.uniform is missing')
}

export function zeros(shape: number[], order: 'C' | 'F' = 'C'): NDArray {
  return core.zeros(shape, { order })
}

export { core }
