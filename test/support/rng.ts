/** mulberry32: a tiny seeded generator for deterministic test data (not the package's random streams). */

/** Deterministic 32-bit words (as int32) from `seed`. */
export function rngWords(seed: number): () => number {
  let s = seed >>> 0
  return () => {
    s = (s + 0x6d2b79f5) >>> 0
    let t = s
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return (t ^ (t >>> 14)) | 0
  }
}

/** Deterministic floats in [0, 1) from `seed`. */
export function rng(seed: number): () => number {
  const w = rngWords(seed)
  return () => (w() >>> 0) / 4294967296
}
