/**
 * Statistics of timing samples and the derived figures every op reports: median, spread, GB/s, fraction of
 * the memory ceiling, speedup and ratio against NumPy. Pure functions, no I/O.
 */

/** Quantile with linear interpolation between order statistics (NumPy's default 'linear' method). */
export function quantile(xs: readonly number[], q: number): number {
  if (xs.length === 0) throw new RangeError('quantile of an empty sample')
  if (!(q >= 0 && q <= 1)) throw new RangeError(`quantile q must be in [0, 1], got ${q}`)
  const s = [...xs].sort((a, b) => a - b)
  const pos = (s.length - 1) * q
  const lo = Math.floor(pos)
  const hi = Math.ceil(pos)
  return s[lo]! + (s[hi]! - s[lo]!) * (pos - lo)
}

export function median(xs: readonly number[]): number { return quantile(xs, 0.5) }

export interface Spread {
  min: number
  max: number
  q1: number
  q3: number
  /** Interquartile range q3 - q1. */
  iqr: number
}

export function spread(xs: readonly number[]): Spread {
  if (xs.length === 0) throw new RangeError('spread of an empty sample')
  const q1 = quantile(xs, 0.25)
  const q3 = quantile(xs, 0.75)
  return { min: Math.min(...xs), max: Math.max(...xs), q1, q3, iqr: q3 - q1 }
}

/** Summary of one measured case, in milliseconds per call. */
export interface TimingSummary {
  medianMs: number
  minMs: number
  maxMs: number
  q1Ms: number
  q3Ms: number
  /** Number of timed samples (each sample may average a batch of calls). */
  reps: number
  /** Calls per sample (1 unless the call is too short to time alone). */
  batch: number
}

export function summarize(samplesMs: readonly number[], batch = 1): TimingSummary {
  const s = spread(samplesMs)
  return { medianMs: median(samplesMs), minMs: s.min, maxMs: s.max, q1Ms: s.q1, q3Ms: s.q3, reps: samplesMs.length, batch }
}

/** Relative spread of a summary: IQR / median (0 = perfectly stable). */
export function relativeIqr(t: TimingSummary): number {
  return t.medianMs > 0 ? (t.q3Ms - t.q1Ms) / t.medianMs : 0
}

/** Decimal gigabytes per second for `bytes` moved in `ms` milliseconds. */
export function gbps(bytes: number, ms: number): number {
  if (!(ms > 0) || !Number.isFinite(ms)) return NaN
  return bytes / (ms * 1e6)
}

/** base / x, NaN when either is missing or not positive. Used for speedup (t1 / tN) and vs NumPy (numpy / ours). */
export function ratio(base: number | null | undefined, x: number | null | undefined): number {
  if (base == null || x == null || !(base > 0) || !(x > 0) || !Number.isFinite(base) || !Number.isFinite(x)) return NaN
  return base / x
}

/** Speedup of a run against the 1-thread run: t1 / tN (> 1 means faster with more threads). */
export function speedup(t1Ms: number | null | undefined, tMs: number | null | undefined): number { return ratio(t1Ms, tMs) }

/** Ratio against NumPy: numpy_time / our_time (> 1 means faster than NumPy). */
export function vsNumpy(numpyMs: number | null | undefined, oursMs: number | null | undefined): number { return ratio(numpyMs, oursMs) }

/** Fraction of a bandwidth ceiling reached: gbps / ceiling. */
export function ceilingFraction(gb: number | null | undefined, ceilingGbps: number | null | undefined): number { return ratio(gb, ceilingGbps) }

/** NaN → null, for JSON (JSON has no NaN). */
export function finiteOrNull(x: number | null | undefined): number | null {
  return x == null || !Number.isFinite(x) ? null : x
}

export interface CurvePoint { n: number; ms: number }

export interface Crossover {
  /** Interpolated size where the parallel curve becomes (and stays) faster than the inline one; null when it never does. */
  n: number | null
  /** 'within': crossed inside the swept range; 'below': parallel already faster at the smallest size; 'never': inline faster at the largest size. */
  where: 'within' | 'below' | 'never'
}

/**
 * The break-even size between an inline curve and a parallel curve sampled at the same sizes: the smallest n
 * from which the parallel time stays below the inline time, interpolated on log(n) against log(inline/parallel).
 */
export function crossover(inline: readonly CurvePoint[], parallel: readonly CurvePoint[]): Crossover {
  const pmap = new Map(parallel.map((p) => [p.n, p.ms]))
  const pts = inline.filter((p) => pmap.has(p.n)).map((p) => ({ n: p.n, r: Math.log(p.ms / pmap.get(p.n)!) })).sort((a, b) => a.n - b.n)
  if (pts.length === 0) return { n: null, where: 'never' }
  let first = pts.length
  while (first > 0 && pts[first - 1]!.r >= 0) first--
  if (first === pts.length) return { n: null, where: 'never' }
  if (first === 0) return { n: pts[0]!.n, where: 'below' }
  const a = pts[first - 1]!
  const b = pts[first]!
  const t = b.r === a.r ? 1 : (0 - a.r) / (b.r - a.r)
  const n = Math.exp(Math.log(a.n) + t * (Math.log(b.n) - Math.log(a.n)))
  return { n, where: 'within' }
}
