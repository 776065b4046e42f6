/**
 * What the single-thread micro-benchmarks share: the median-of-REPS timing on both sides (the JS function and the
 * same loop in Python, so NumPy is timed by the same policy) and the one python3 run whose JSON they compare with.
 */
import { spawnSync } from 'node:child_process'

/** Timed repetitions per case (REPS=...), after the warm-up calls. */
export const REPS = Number(process.env['REPS'] ?? 9)

/** The interpreter with NumPy (STRIDED_PYTHON=..., as the tests use). */
export const PYTHON = process.env['STRIDED_PYTHON'] ?? 'python3'

/** Python prelude: `med(f, warm)` is the median in ms of REPS calls of f after `warm` untimed ones. */
export function pythonPrelude(warm: number): string {
  return `
import json, time, numpy as np
REPS = ${REPS}
def med(f, warm=${warm}):
    for _ in range(warm): f()
    ts = []
    for _ in range(REPS):
        t = time.perf_counter(); f(); ts.append((time.perf_counter() - t) * 1e3)
    ts.sort(); return ts[len(ts) // 2]
`
}

/**
 * Median in ms of REPS calls of f after `warm` untimed ones. A call that returns a number reports its own time
 * (for cases that must exclude their setup, such as copying the array a write modifies).
 */
export function median(f: () => number | void, warm = 2): number {
  for (let i = 0; i < warm; i++) f()
  const ts: number[] = []
  for (let i = 0; i < REPS; i++) {
    const t = performance.now()
    const inner = f()
    ts.push(typeof inner === 'number' ? inner : performance.now() - t)
  }
  ts.sort((x, y) => x - y)
  return ts[ts.length >> 1]!
}

/** Run a NumPy script that prints one JSON document; null (and the reason on stderr) when it cannot run. */
export function runNumpy<T>(script: string): T | null {
  const r = spawnSync(PYTHON, ['-c', script], { encoding: 'utf8', maxBuffer: 1 << 20 })
  if (r.status !== 0) {
    console.error(`NumPy run failed (is ${PYTHON} with numpy installed?):`, (r.stderr ?? String(r.error)).slice(0, 400))
    return null
  }
  return JSON.parse(r.stdout) as T
}
