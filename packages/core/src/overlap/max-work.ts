/**
 * NumPy's max_work argument (spec §1.2): negative = unlimited (−1 and −2 accepted), 0 = give up as
 * soon as the extents intersect, k > 0 = search budget of k failed nodes.
 */
import { OverflowError, ValueError } from '../errors.js'

const INT64_LIMIT = 2 ** 63

/**
 * Validates a max_work budget as NumPy does.
 * @param maxWork the budget: an integer ≥ −2 that fits in int64 (C ssize_t).
 * @throws ValueError when maxWork is not an integer (1.5, NaN, ±Infinity) or is below −2 (within int64).
 * @throws OverflowError when maxWork is an integer outside int64 (≥ 2**63 or < −2**63), as NumPy's
 *   "Python int too large to convert to C ssize_t".
 */
export function checkMaxWork(maxWork: number): void {
  if (typeof maxWork !== 'number' || !Number.isInteger(maxWork)) {
    throw new ValueError(`max_work must be an integer, got ${String(maxWork)}`)
  }
  // NumPy converts max_work to ssize_t before any range check, so out-of-int64 values overflow first
  if (maxWork >= INT64_LIMIT || maxWork < -INT64_LIMIT) {
    throw new OverflowError(`max_work ${String(maxWork)} is too large to convert to C ssize_t (int64): use an integer >= -2 and < 2**63`)
  }
  if (maxWork < -2) {
    throw new ValueError(`Invalid value for max_work: ${maxWork} (use an integer >= -2; negative means no limit)`)
  }
}
