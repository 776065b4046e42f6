/**
 * np.histogram: counts (or summed weights) of values in bins, with NumPy's bin edges (np.linspace in the
 * dtype NumPy computes them in) and its bin-index rule (a multiply, then a correction against the edges),
 * so every value lands in the same bin as in NumPy, bit for bit.
 */
import { DTYPES, type DTypeName, type TypedArray } from '../../dtype.js'
import { DTypeError, ValueError } from '../../errors.js'
import { checkOptions } from '../../check-options.js'
import { NDArray } from '../../ndarray.js'
import { sum } from '../reductions.js'
import { resultType } from '../promotion.js'
import { castStored } from '../../scalar.js'
import { encodeHalves, roundToHalf, toHalfBits } from '../../float16.js'
import { halfAsFloat } from './half-input.js'
import { argsortStored, asArray, flatAs, flatStored, fresh, lessThan, shapeStr, type SearchInput, type Stored } from './sort-util.js'

/** Options of {@link histogram}. */
export interface HistogramOptions {
  /**
   * The number of equal-width bins (a positive integer, default 10), or the bin edges: a 1-d, monotonically
   * non-decreasing array (every bin is half-open [e_i, e_i+1) except the last, which includes its right edge).
   * NumPy's string estimators ('auto', 'fd', ...) are not supported.
   */
  bins?: number | NDArray | readonly number[]
  /** The lower and upper edge of the equal-width bins (default: a's min and max); values outside are ignored. */
  range?: readonly [number, number]
  /** Return the probability density (each bin's count over the total times its width) instead of counts. */
  density?: boolean
  /** One weight per element of `a` (the same shape): each value adds its weight instead of 1. */
  weights?: NDArray | SearchInput
}

/** What {@link histogram} returns: NumPy's `(hist, bin_edges)` tuple. */
export type HistogramResult = [hist: NDArray, binEdges: NDArray]

/** An outer edge as NumPy holds it: a weak Python scalar (from `range` or the empty default) or a NumPy scalar. */
interface Edge { v: number | bigint; dt: DTypeName | 'weak' }

const BLOCK = 65536
const f32 = Math.fround
/** NumPy's float16 arithmetic step: computed in float32, rounded to half. */
const f16 = (x: number): number => roundToHalf(Math.fround(x))

/** The elements of `a` in C order as stored, except float16: as their (exact) float32 values, which order right. */
function flatValues(a: NDArray): TypedArray {
  return flatStored(halfAsFloat(a))
}

function num(e: Edge): number { return Number(e.v) }

/** The outer edges, as NumPy's _get_outer_edges. */
function outerEdges(v: TypedArray, dt: DTypeName, range: readonly [number, number] | undefined): [Edge, Edge] {
  let first: Edge
  let last: Edge
  if (range !== undefined && range !== null) {
    if (!Array.isArray(range) || range.length !== 2) throw new ValueError(`histogram: range must be a pair [lo, hi], got ${String(range)}`)
    const [lo, hi] = range
    if (typeof lo !== 'number' || typeof hi !== 'number') throw new DTypeError(`histogram: range must hold two numbers, got [${String(lo)}, ${String(hi)}]`)
    if (lo > hi) throw new ValueError(`histogram: max must be larger than min in range parameter (range [${lo}, ${hi}]).`)
    if (!Number.isFinite(lo) || !Number.isFinite(hi)) throw new ValueError(`histogram: supplied range of [${lo}, ${hi}] is not finite`)
    first = { v: lo, dt: 'weak' }
    last = { v: hi, dt: 'weak' }
  } else if (v.length === 0) {
    first = { v: 0, dt: 'weak' }
    last = { v: 1, dt: 'weak' }
  } else {
    let lo: Stored = v[0]!
    let hi: Stored = v[0]!
    let nan = false
    for (let i = 0; i < v.length; i++) {
      const x = v[i]!
      if (x !== x) nan = true
      else { if (x < lo) lo = x; if (x > hi) hi = x }
    }
    if (nan) { lo = NaN; hi = NaN }
    if (!Number.isFinite(Number(lo)) || !Number.isFinite(Number(hi))) {
      throw new ValueError(`histogram: autodetected range of [${String(lo)}, ${String(hi)}] is not finite`)
    }
    first = { v: lo, dt }
    last = { v: hi, dt }
  }
  // eslint-disable-next-line eqeqeq
  if (first.v == last.v) {
    if (first.dt === 'weak' || first.dt === 'float64') {
      first = { v: num(first) - 0.5, dt: first.dt }
      last = { v: num(last) + 0.5, dt: last.dt }
    } else if (first.dt === 'float32') {
      first = { v: f32(num(first) - 0.5), dt: 'float32' }
      last = { v: f32(num(last) + 0.5), dt: 'float32' }
    } else if (first.dt === 'float16') {
      first = { v: f16(num(first) - 0.5), dt: 'float16' }
      last = { v: f16(num(last) + 0.5), dt: 'float16' }
    } else {
      first = { v: num(first) - 0.5, dt: 'float64' }
      last = { v: num(last) + 0.5, dt: 'float64' }
    }
  }
  return [first, last]
}

/** np.linspace(first, last, n + 1, dtype=edgeDt), computed in the dtype NumPy's linspace computes in. */
function linspaceEdges(first: Edge, last: Edge, n: number, edgeDt: DTypeName): Float64Array | Float32Array {
  const c = first.dt === 'float32' ? f32 : first.dt === 'float16' ? f16 : (x: number) => x
  // float16 linspace: arange(0, num) and the weak divisor are halves too
  const ci = first.dt === 'float16' ? roundToHalf : (x: number) => x
  const start = num(first)
  const stop = num(last)
  const delta = c(stop - start)
  const step = c(delta / ci(n))
  const out = edgeDt === 'float32' ? new Float32Array(n + 1) : new Float64Array(n + 1)
  for (let i = 0; i <= n; i++) {
    const y = step === 0 ? c(c(ci(i) / ci(n)) * delta) : c(ci(i) * step)
    out[i] = c(y + start)
  }
  out[n] = stop
  // float16 edges from a weak range are computed in float64 and cast once (linspace's astype)
  if (edgeDt === 'float16') for (let i = 0; i <= n; i++) out[i] = roundToHalf(out[i]!)
  return out
}

/** Sum `add` into `acc` (the weights' dtype ntype): floats as NumPy's float ops, ints wrapping, bool as or. */
function accumulate(acc: Stored, add: number, nt: DTypeName): Stored {
  if (nt === 'float64') return (acc as number) + add
  if (nt === 'float32') return f32((acc as number) + f32(add))
  if (nt === 'float16') return f16((acc as number) + roundToHalf(add))
  if (nt === 'bool') return acc !== 0 || add !== 0 ? 1 : 0
  const b = castStored(add, 'float64', nt)
  if (typeof b === 'bigint') return castStored((acc as bigint) + b, 'int64', nt) as bigint
  return castStored(BigInt(acc) + BigInt(b), 'int64', nt)
}

/**
 * NumPy's `histogram`: the counts of the values of `a` (flattened) in `bins`, and the bin edges.
 * With an integer `bins` the edges are NumPy's linspace over `range` (default a's min and max, widened by
 * ±0.5 when they are equal) and each value's bin is found as NumPy does, so results match bit for bit;
 * values outside the range and NaNs are not counted. A bool `a` counts as uint8, as NumPy converts it. float16
 * data, weights and edges are binned and summed with NumPy's float16 roundings (each step in float32, rounded to
 * half), so they match NumPy bit for bit too.
 * @param a the values, any shape, any dtype.
 * @param opts `bins` (count or edges), `range`, `density`, `weights`.
 * @returns `[hist, binEdges]`: hist is int64 counts, the weights' dtype with weights, or float64 with
 *   `density`; binEdges is float64 (float32 / float16 for a float32 / float16 `a`) or the given edges.
 * @throws ValueError for a non-positive `bins`, edges that decrease or are not 1-d, an inverted or non-finite
 *   range, a non-finite autodetected range, too many bins for the range, or weights of another shape;
 *   DTypeError for a non-integer `bins` count or bool weights with explicit edges.
 */
export function histogram(a: NDArray | SearchInput, opts: HistogramOptions = {}): HistogramResult {
  checkOptions('histogram', opts, ['bins', 'range', 'density', 'weights'])
  let x = asArray(a, 'histogram: a')
  if (x.dtype === 'bool') x = x.astype('uint8')
  const dt = x.dtype
  // float16 (data, weights, edges) is read as float32 values and computed with NumPy's float16 roundings
  const v = flatValues(x)
  const n = v.length
  let w: NDArray | null = null
  if (opts.weights !== undefined && opts.weights !== null) {
    w = asArray(opts.weights, 'histogram: weights')
    if (w.ndim !== x.ndim || w.shape.some((s, k) => s !== x.shape[k])) {
      throw new ValueError(`histogram: weights should have the same shape as a (weights ${shapeStr(w.shape)}, a ${shapeStr(x.shape)}).`)
    }
  }
  const nt: DTypeName = w === null ? 'int64' : w.dtype
  const wv: TypedArray | null = w === null ? null : flatValues(w)
  const bins = opts.bins ?? 10
  let edges: NDArray
  let hist: NDArray
  if (typeof bins === 'number') {
    if (!Number.isInteger(bins)) throw new DTypeError(`histogram: \`bins\` must be an integer, a string, or an array (got ${bins})`)
    if (bins < 1) throw new ValueError(`histogram: \`bins\` must be positive, when an integer (got ${bins})`)
    const [first, last] = outerEdges(v, dt, opts.range)
    const edgeDt: DTypeName = dt === 'float32' || dt === 'float16' ? dt : 'float64'
    const e = linspaceEdges(first, last, bins, edgeDt)
    for (let i = 0; i < bins; i++) {
      if (!(e[i]! < e[i + 1]!)) throw new ValueError(`histogram: Too many bins for data range. Cannot create ${bins} finite-sized bins (range [${String(first.v)}, ${String(last.v)}]).`)
    }
    edges = fresh([bins + 1], edgeDt).out
    if (edgeDt === 'float16') encodeHalves(bins + 1, edges.data as Uint16Array, edges.offset, 1, e, 0)
    else (edges.data as Float64Array).set(e, edges.offset)
    // keep = a >= first & a <= last, in the comparison NumPy makes (a weak float meets float32 as float32)
    const big = DTYPES[dt].bigint
    const bound = (ed: Edge): Stored => {
      if (big && ed.dt === dt) return ed.v
      if (dt === 'float32' && ed.dt === 'weak') return f32(num(ed))
      if (dt === 'float16' && ed.dt === 'weak') return roundToHalf(num(ed))
      return num(ed)
    }
    const lo = bound(first)
    const hi = bound(last)
    const exactBig = big && typeof lo === 'bigint'
    const q32 = first.dt === 'float32'
    const q16 = first.dt === 'float16'
    const c32 = edgeDt === 'float32'
    const c16 = edgeDt === 'float16'
    const firstE = c32 ? f32(num(first)) : c16 ? roundToHalf(num(first)) : num(first)
    let denom: number
    if (first.dt === 'weak' || first.dt === 'float64') denom = num(last) - num(first)
    else if (first.dt === 'float32') denom = f32(num(last) - num(first))
    else if (first.dt === 'float16') denom = f16(num(last) - num(first))
    else denom = Number(BigInt(last.v) - BigInt(first.v))
    // float16 edges: (a - first) / denom * bins as float16 ufuncs, the weak bin count cast to half
    const bins16 = roundToHalf(bins)
    const counts = new Float64Array(bins)
    let acc: Stored[] | null = null
    if (wv !== null) acc = new Array<Stored>(bins).fill(castStored(0, 'float64', nt))
    const blockSums = new Float64Array(bins)
    for (let b0 = 0; b0 < n; b0 += BLOCK) {
      const b1 = Math.min(n, b0 + BLOCK)
      if (acc !== null) blockSums.fill(0)
      for (let i = b0; i < b1; i++) {
        const s = v[i]!
        const inRange = exactBig ? s >= lo && s <= hi : Number(s) >= (lo as number) && Number(s) <= (hi as number)
        if (!inRange) continue
        const t = c32 ? f32(Number(s)) : Number(s)
        const sub = c32 ? f32(t - firstE) : c16 ? f16(t - firstE) : t - firstE
        const f = q32 ? f32(f32(sub / denom) * bins) : q16 ? f16(f16(sub / denom) * bins16) : (sub / denom) * bins
        let k = Math.trunc(f)
        if (k === bins) k--
        if (t < e[k]!) k--
        if (t >= e[k + 1]! && k !== bins - 1) k++
        if (acc === null) counts[k]!++
        else blockSums[k] = blockSums[k]! + Number(wv![i]!)
      }
      if (acc !== null) for (let k = 0; k < bins; k++) acc[k] = accumulate(acc[k]!, blockSums[k]!, nt)
    }
    const { out, d, off } = fresh([bins], nt)
    for (let k = 0; k < bins; k++) d[off + k] = acc === null ? BigInt(counts[k]!) : nt === 'float16' ? toHalfBits(acc[k] as number) : acc[k]!
    hist = out
  } else {
    edges = bins instanceof NDArray ? bins : asArray(bins as SearchInput, 'histogram: bins')
    if (edges.ndim !== 1) throw new ValueError(`histogram: \`bins\` must be 1d, when an array (got shape ${shapeStr(edges.shape)})`)
    const ed = flatValues(edges)
    for (let i = 0; i + 1 < ed.length; i++) {
      if (ed[i]! > ed[i + 1]!) throw new ValueError(`histogram: \`bins\` must increase monotonically, when an array (bins[${i}] = ${String(ed[i])} > bins[${i + 1}] = ${String(ed[i + 1])})`)
    }
    if (wv !== null && nt === 'bool') throw new DTypeError("histogram: Cannot cast ufunc 'add' output from dtype('int64') to dtype('bool') with casting rule 'same_kind' (bool weights with explicit bin edges)")
    // float16 compares as its float32 values (exact, same order)
    const cdt0 = resultType(dt, edges.dtype)
    const cdt: DTypeName = cdt0 === 'float16' ? 'float32' : cdt0
    const av = flatAs(x, cdt)
    const ev = flatAs(edges, cdt)
    const m = ev.length
    // cum[j]: how many values sort before edge j (the last edge inclusive), summed over NumPy's blocks
    const cum: Stored[] = new Array<Stored>(m).fill(wv === null || nt === 'float16' ? 0 : castStored(0, 'float64', nt))
    for (let b0 = 0; b0 < n; b0 += BLOCK) {
      const b1 = Math.min(n, b0 + BLOCK)
      const block = av.subarray(b0, b1)
      const perm = argsortStored(block)
      const sa = Array.from(perm, (p) => block[p]!)
      let cw: Stored[] | null = null
      if (wv !== null) {
        // concatenate(([0], cumsum(sorted weights))): cumsum in ntype (small ints accumulate in int64/uint64)
        cw = [0]
        const cumDt: DTypeName = DTYPES[nt].kind === 'f' ? nt : DTYPES[nt].kind === 'u' ? 'uint64' : 'int64'
        let run: Stored = DTYPES[cumDt].kind === 'f' ? 0 : 0n
        for (let i = 0; i < perm.length; i++) {
          const wi = wv[b0 + perm[i]!]!
          if (cumDt === 'float64') run = (run as number) + Number(wi)
          else if (cumDt === 'float32') run = f32((run as number) + Number(wi))
          else if (cumDt === 'float16') run = f16((run as number) + Number(wi))
          else run = castStored((run as bigint) + BigInt(wi), 'int64', cumDt)
          cw.push(run)
        }
      }
      for (let j = 0; j < m; j++) {
        const key = ev[j]!
        const right = j === m - 1
        let lo = 0
        let hi = sa.length
        while (lo < hi) {
          const mid = (lo + hi) >> 1
          if (right ? !lessThan(key, sa[mid]!) : lessThan(sa[mid]!, key)) lo = mid + 1
          else hi = mid
        }
        if (cw === null) cum[j] = (cum[j] as number) + lo
        else if (nt === 'float64') cum[j] = (cum[j] as number) + (cw[lo] as number)
        else if (nt === 'float32') cum[j] = f32((cum[j] as number) + (cw[lo] as number))
        else if (nt === 'float16') cum[j] = f16((cum[j] as number) + (cw[lo] as number))
        else cum[j] = castStored(BigInt(cum[j]!) + BigInt(cw[lo]!), 'int64', nt)
      }
    }
    const { out, d, off } = fresh([Math.max(m - 1, 0)], nt)
    for (let j = 0; j + 1 < m; j++) {
      const p = cum[j + 1]!
      const q = cum[j]!
      if (wv === null) d[off + j] = BigInt((p as number) - (q as number))
      else if (nt === 'float64') d[off + j] = (p as number) - (q as number)
      else if (nt === 'float32') d[off + j] = f32((p as number) - (q as number))
      else if (nt === 'float16') d[off + j] = toHalfBits(f16((p as number) - (q as number)))
      else d[off + j] = castStored(BigInt(p) - BigInt(q), 'int64', nt)
    }
    hist = out
  }
  if (opts.density === true) {
    const ev = flatValues(edges)
    const eDt = edges.dtype
    const total = Number(sum(hist) as number | bigint)
    const { out, d, off } = fresh([hist.size], 'float64')
    const hv = flatValues(hist)
    for (let k = 0; k < hist.size; k++) {
      // np.diff(bin_edges) in the edges' dtype, then as float64
      const db = eDt === 'float16' ? f16((ev[k + 1] as number) - (ev[k] as number)) : Number(castStored(diffIn(ev[k + 1]!, ev[k]!, eDt), eDt, 'float64'))
      d[off + k] = (Number(hv[k]!) / db) / total
    }
    return [out, edges]
  }
  return [hist, edges]
}

/** b - a in dtype dt (NumPy's np.diff element): floats rounded to dt, ints wrapping, bool as xor. */
function diffIn(b: Stored, a: Stored, dt: DTypeName): Stored {
  if (dt === 'float32') return f32((b as number) - (a as number))
  if (dt === 'float64') return (b as number) - (a as number)
  if (dt === 'bool') return b !== a ? 1 : 0
  if (typeof b === 'bigint') return castStored(b - (a as bigint), 'int64', dt)
  return castStored((b as number) - (a as number), 'float64', dt)
}
