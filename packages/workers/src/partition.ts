/**
 * Splitting a job's fixed sequence of work into contiguous shares, one per thread. Shares only decide
 * who runs which piece; the pieces and the combine order belong to the job, so results never depend
 * on the number of shares.
 */

/** Split [0, size) into at most `parts` non-empty ranges whose inner edges are multiples of `grain`. */
export function splitRange(size: number, parts: number, grain: number): [number, number][] {
  if (size <= 0) return []
  const g = Math.max(1, grain)
  const blocks = Math.ceil(size / g)
  const n = Math.max(1, Math.min(parts, blocks))
  const out: [number, number][] = []
  let start = 0
  for (let i = 0; i < n; i++) {
    // spread whole grains as evenly as possible
    const endBlock = Math.round(((i + 1) * blocks) / n)
    const end = Math.min(size, endBlock * g)
    if (end > start) out.push([start, end])
    start = end
  }
  return out
}
