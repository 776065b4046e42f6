/**
 * The one probe for tests that fuzz against a live NumPy. The oracle is NumPy 2.x semantics (promotion,
 * numpy.exceptions, printing), so an older numpy counts as absent: those tests skip and say why, and the
 * committed fixtures still cover the same ground. STRIDED_PYTHON picks the interpreter (default python3).
 */
import { spawnSync } from 'node:child_process'

export type LiveNumpy = { ok: true; python: string; version: string } | { ok: false; reason: string }

export const PYTHON = process.env['STRIDED_PYTHON'] || 'python3'

let probed: { version: string } | { reason: string } | undefined

/** Runs the interpreter once per test process; the answer is cached. */
function probe(): { version: string } | { reason: string } {
  if (probed !== undefined) return probed
  const r = spawnSync(PYTHON, ['-c', 'import numpy; print(numpy.__version__)'], { encoding: 'utf8', timeout: 20_000 })
  if (r.error) probed = { reason: `${PYTHON} is not runnable (${r.error.message})` }
  else if (r.status !== 0) probed = { reason: `${PYTHON} -c "import numpy" failed: ${(r.stderr || `exit ${r.status ?? r.signal}`).trim().split('\n').pop()}` }
  else probed = { version: r.stdout.trim() }
  return probed
}

function parse(v: string): [number, number] | null {
  const m = /^(\d+)\.(\d+)/.exec(v)
  return m === null ? null : [Number(m[1]), Number(m[2])]
}

/**
 * NumPy >= `min` (major.minor, default 2.0) under PYTHON, or why not. `why` says what the minimum is for
 * (it goes into the reason).
 */
export function liveNumpy(min = '2.0', why = 'the live oracle is NumPy 2.x semantics'): LiveNumpy {
  const p = probe()
  if ('reason' in p) return { ok: false, reason: p.reason }
  const have = parse(p.version)
  const need = parse(min)
  if (need === null) throw new Error(`liveNumpy: bad minimum version ${min}`)
  if (have === null) return { ok: false, reason: `${PYTHON} reports an unparsable numpy version ${JSON.stringify(p.version)}` }
  if (have[0] < need[0] || (have[0] === need[0] && have[1] < need[1])) {
    return { ok: false, reason: `numpy ${p.version} (${PYTHON}) is older than ${min}: ${why}` }
  }
  return { ok: true, python: PYTHON, version: p.version }
}

/** liveNumpy, plus a console.warn naming what is skipped (so a skip is never silent). */
export function liveNumpyFor(what: string, min?: string, why?: string): LiveNumpy {
  const np = liveNumpy(min, why)
  if (!np.ok) console.warn(`[live numpy] skipping ${what}: ${np.reason}`)
  return np
}
