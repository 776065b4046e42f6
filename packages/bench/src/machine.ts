/** Facts about the machine a run happened on (recorded in results.json and RESULTS.md). */
import { spawnSync } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { availableParallelism, arch, cpus, loadavg, platform, release, totalmem } from 'node:os'
import type { Machine } from './schema.js'

export function cpuModel(): string {
  try {
    const info = readFileSync('/proc/cpuinfo', 'utf8')
    const m = /^model name\s*:\s*(.+)$/m.exec(info)
    if (m) return m[1]!.trim()
  } catch { /* not Linux */ }
  return cpus()[0]?.model?.trim() || 'unknown'
}

export function loadAverage(): number[] { return loadavg().map((x) => Math.round(x * 100) / 100) }

function git(args: string[]): string | null {
  const r = spawnSync('git', args, { encoding: 'utf8', timeout: 10_000 })
  return r.status === 0 && !r.error ? r.stdout.trim() : null
}

export function numpyTsVersion(): string | null {
  try {
    const require = createRequire(import.meta.url)
    const pkg = JSON.parse(readFileSync(require.resolve('numpy-ts/package.json'), 'utf8')) as { version?: string }
    return pkg.version ?? null
  } catch {
    try {
      const url = new URL('../node_modules/numpy-ts/package.json', import.meta.url)
      return (JSON.parse(readFileSync(url, 'utf8')) as { version?: string }).version ?? null
    } catch { return null }
  }
}

export function machineFacts(extra: { python: string | null; numpy: string | null; cc: string | null }, date = new Date()): Machine {
  const commit = git(['rev-parse', 'HEAD'])
  const status = commit === null ? null : git(['status', '--porcelain', '--untracked-files=no'])
  return {
    cpuModel: cpuModel(),
    logicalCpus: cpus().length,
    availableParallelism: availableParallelism(),
    memoryGiB: Math.round((totalmem() / 2 ** 30) * 10) / 10,
    platform: platform(),
    arch: arch(),
    osRelease: release(),
    node: process.version,
    v8: process.versions.v8,
    python: extra.python,
    numpy: extra.numpy,
    numpyTs: numpyTsVersion(),
    cc: extra.cc,
    gitCommit: commit,
    gitDirty: status === null ? null : status.length > 0,
    date: date.toISOString(),
    loadAverage: loadAverage(),
    loadAverageEnd: [],
  }
}
