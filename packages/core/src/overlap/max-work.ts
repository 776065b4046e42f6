/**
 * NumPy's max_work argument (spec §1.2): negative = unlimited (−1 and −2 accepted), 0 = give up as
 * soon as the extents intersect, k > 0 = search budget of k failed nodes.
 */
import { ValueError } from '../errors.js'

/** Throws ValueError unless maxWork is an integer ≥ −2 (the values NumPy accepts). */
export function checkMaxWork(maxWork: number): void {
  if (typeof maxWork !== 'number' || !Number.isInteger(maxWork)) {
    throw new ValueError(`max_work must be an integer, got ${String(maxWork)}`)
  }
  if (maxWork < -2) {
    throw new ValueError(`Invalid value for max_work: ${maxWork} (use an integer >= -2; negative means no limit)`)
  }
}
