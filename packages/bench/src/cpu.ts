/**
 * How much CPU other processes took while we measured ("foreign load", in cores): the machine's busy time from
 * /proc/stat minus our own process (all its threads, workers included), the NumPy peer and any child we report,
 * divided by the wall time. On a shared 2-core machine a foreign load of 0.5 already halves what 2 threads
 * can do, so every op case records it and the suites re-measure a case that ran on a busy machine.
 * Linux only; elsewhere every reading is null.
 */
import { readFileSync } from 'node:fs'
import { performance } from 'node:perf_hooks'

/** Intervals shorter than this get no reading. */
export const MIN_WALL_MS = 250

/** USER_HZ: the unit of /proc/stat and /proc/<pid>/stat times (100 on every mainstream Linux). */
const HZ = 100

function busyMs(): number | null {
  try {
    const line = readFileSync('/proc/stat', 'utf8').split('\n', 1)[0]!
    const f = line.trim().split(/\s+/).slice(1).map(Number)
    // user nice system idle iowait irq softirq steal guest guest_nice (guest time is already in user)
    const busy = f[0]! + f[1]! + f[2]! + (f[5] ?? 0) + (f[6] ?? 0) + (f[7] ?? 0)
    return (busy * 1000) / HZ
  } catch {
    return null
  }
}

/** CPU ms of another process (user + system), or 0 when it cannot be read (exited, not Linux). */
export function processCpuMs(pid: number): number {
  try {
    const s = readFileSync(`/proc/${pid}/stat`, 'utf8')
    const f = s.slice(s.lastIndexOf(')') + 2).split(' ')
    return ((Number(f[11]) + Number(f[12])) * 1000) / HZ // utime, stime are fields 14 and 15
  } catch {
    return 0
  }
}

function ownCpuMs(): number {
  const u = process.cpuUsage()
  return (u.user + u.system) / 1000
}

export interface CpuMark { wall: number; busy: number | null; own: number; peers: number }

export class CpuMeter {
  /** Processes of ours besides this one (the NumPy peer). */
  constructor(private readonly peerPids: () => number[] = () => []) {}

  mark(): CpuMark {
    return { wall: performance.now(), busy: busyMs(), own: ownCpuMs(), peers: this.peerPids().reduce((s, p) => s + processCpuMs(p), 0) }
  }

  /** Cores' worth of CPU used by other processes since `m`; `extraMs` is CPU of our own children not tracked here. Null off Linux or for intervals under MIN_WALL_MS. */
  foreign(m: CpuMark, extraMs = 0): number | null {
    const now = this.mark()
    if (now.busy === null || m.busy === null) return null
    const wall = now.wall - m.wall
    if (wall < MIN_WALL_MS) return null // a few 10 ms jiffies: too coarse to tell
    const other = (now.busy - m.busy) - (now.own - m.own) - (now.peers - m.peers) - extraMs
    // jiffy rounding can make short intervals slightly negative
    return Math.max(0, Math.round((other / wall) * 100) / 100)
  }
}
