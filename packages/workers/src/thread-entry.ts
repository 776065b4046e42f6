/**
 * How this package starts threads. A built package (dist/) starts its compiled modules directly, with no
 * loader. From the TypeScript sources (the workspace's tests) a thread starts on a plain-JS shim that registers
 * tsx, and resolves the workspace packages to their sources with the "strided-source" export condition.
 */
const fromSources = import.meta.url.endsWith('.ts')

const SOURCE_CONDITION = '--conditions=strided-source'

/**
 * Node flags for a new thread: undefined (inherit the parent's, which may hold flags a thread cannot be given
 * explicitly, such as --expose-gc) unless running from sources in a process without the source condition.
 */
export function threadExecArgv(): string[] | undefined {
  if (!fromSources || process.execArgv.includes(SOURCE_CONDITION)) return undefined
  return [...process.execArgv, SOURCE_CONDITION]
}

/** The Piscina worker module. */
export function poolWorkerModule(): URL {
  return new URL(fromSources ? './source-worker.mjs' : './worker.js', import.meta.url)
}

/**
 * The module a startWorker thread runs, and its workerData.module: the user's module itself when built, the
 * tsx shim (which then imports `module`) from sources.
 */
export function userWorkerEntry(module: URL): { entry: URL; module: string } {
  return { entry: fromSources ? new URL('./source-module-worker.mjs', import.meta.url) : module, module: module.href }
}
