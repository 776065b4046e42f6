/**
 * The partition guarantee, checked lane by lane: for each rank k in `kth`, lane[k] is the k-th smallest value
 * (NaNs last), every element before it is ≤ it and every element after it ≥ it, and the lane is a permutation of
 * the input's lane. Shared by the golden, property and worker tests of partition/argpartition.
 */
import { NDArray, type Scalar } from '@strided/core'

/** NumPy's sort order (NaN largest) as a comparator. */
export function cmpNumpy(x: Scalar, y: Scalar): number {
  const xn = typeof x === 'number' && x !== x
  const yn = typeof y === 'number' && y !== y
  if (xn || yn) return xn === yn ? 0 : xn ? 1 : -1
  const p = typeof x === 'boolean' ? Number(x) : x
  const q = typeof y === 'boolean' ? Number(y) : y
  return p < q ? -1 : p > q ? 1 : 0
}

/** The lanes of `a` along `axis` (null: the flattened array) as arrays of scalars. */
export function lanes(a: NDArray, axis: number | null): Scalar[][] {
  if (axis === null || a.ndim === 0) return [a.toFlatArray()]
  const ax = axis < 0 ? axis + a.ndim : axis
  const m = a.moveaxis(ax, -1)
  const n = m.shape[m.ndim - 1]!
  const flat = m.toFlatArray()
  const out: Scalar[][] = []
  for (let i = 0; i + n <= flat.length && n > 0; i += n) out.push(flat.slice(i, i + n))
  return out
}

/**
 * Problems with `result` as a partition of `input` at `kth` (empty when it is one). `expectedSorted` (optional)
 * gives NumPy's sorted lanes, to check the kth values against.
 */
export function partitionProblems(input: NDArray, result: NDArray, kth: readonly number[], axis: number | null, expectedSorted?: Scalar[][]): string[] {
  return laneProblems(lanes(input, axis), lanes(result, axis), kth, expectedSorted)
}

/** partitionProblems over lanes already taken out (input lanes, result lanes). */
export function laneProblems(inL: Scalar[][], outL: Scalar[][], kth: readonly number[], expectedSorted?: Scalar[][]): string[] {
  const problems: string[] = []
  if (inL.length !== outL.length) return [`lane count ${outL.length} != ${inL.length}`]
  for (let l = 0; l < inL.length; l++) {
    const srt = [...inL[l]!].sort(cmpNumpy)
    const got = outL[l]!
    const gotSorted = [...got].sort(cmpNumpy)
    if (gotSorted.some((v, i) => cmpNumpy(v, srt[i]!) !== 0)) { problems.push(`lane ${l} is not a permutation of the input`); continue }
    const ref = expectedSorted?.[l] ?? srt
    for (const k of kth) {
      if (k >= got.length) continue
      const v = got[k]!
      if (cmpNumpy(v, ref[k]!) !== 0) problems.push(`lane ${l}: [${k}] = ${String(v)}, expected ${String(ref[k])}`)
      for (let i = 0; i < k; i++) if (cmpNumpy(got[i]!, v) > 0) { problems.push(`lane ${l}: [${i}] = ${String(got[i])} > kth [${k}] = ${String(v)}`); break }
      for (let i = k + 1; i < got.length; i++) if (cmpNumpy(got[i]!, v) < 0) { problems.push(`lane ${l}: [${i}] = ${String(got[i])} < kth [${k}] = ${String(v)}`); break }
    }
  }
  return problems
}

/** `a` taken along `axis` at int64 indices `idx` (argpartition's result as values), as an NDArray-free lane list. */
export function takeLanes(a: NDArray, idx: NDArray, axis: number | null): { values: Scalar[][]; problems: string[] } {
  const vals = lanes(a, axis)
  const ids = lanes(idx, axis)
  const problems: string[] = []
  const values = ids.map((lane, l) => {
    const seen = new Set<number>()
    const out = lane.map((i) => { const k = Number(i); seen.add(k); return vals[l]![k]! })
    if (seen.size !== lane.length || [...seen].some((k) => k < 0 || k >= lane.length)) problems.push(`lane ${l}: indices are not a permutation`)
    return out
  })
  return { values, problems }
}
