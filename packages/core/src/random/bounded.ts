/**
 * Unbiased integers in [0, n) from the 32-bit stream, by Lemire's multiply-and-reject: the high word of x·n is
 * the draw, and the few x whose low word falls below 2^k mod n are redrawn, so every value has exactly the same
 * number of preimages. Exact integer arithmetic only (no floats, no modulo bias): n up to 2^32 on numbers, and
 * up to 2^64 on BigInt with 64-bit draws made of two 32-bit words.
 */
import type { Xoshiro128 } from './xoshiro.js'

const TWO32 = 4294967296
const TWO64 = 1n << 64n
const MASK64 = TWO64 - 1n

/** A uniform integer in [0, n) for 1 <= n <= 2^32 (n = 1 draws nothing). */
export function below32(rng: Xoshiro128, n: number): number {
  if (n === 1) return 0
  if (n === TWO32) return rng.nextUint32()
  // x·n split in 16-bit halves of x so every partial product is exact in a double
  let x = rng.nextUint32()
  let lo = Math.imul(x, n) >>> 0
  if (lo < n) {
    const t = (TWO32 - n) % n
    while (lo < t) {
      x = rng.nextUint32()
      lo = Math.imul(x, n) >>> 0
    }
  }
  const a = (x & 0xffff) * n
  const b = (x >>> 16) * n
  return Math.floor(b / 65536) + Math.floor(((b % 65536) * 65536 + a) / TWO32)
}

/** 64 random bits as a bigint in [0, 2^64). */
export function nextUint64(rng: Xoshiro128): bigint {
  const hi = rng.nextUint32()
  const lo = rng.nextUint32()
  return (BigInt(hi) << 32n) | BigInt(lo)
}

/** A uniform integer in [0, n) for 1 <= n <= 2^64, on BigInt. */
export function below64(rng: Xoshiro128, n: bigint): bigint {
  if (n <= BigInt(TWO32)) return BigInt(below32(rng, Number(n)))
  if (n === TWO64) return nextUint64(rng)
  let m = nextUint64(rng) * n
  if ((m & MASK64) < n) {
    const t = (TWO64 - n) % n
    while ((m & MASK64) < t) m = nextUint64(rng) * n
  }
  return m >> 64n
}

/** A uniform index in [0, n) for 1 <= n <= 2^53 (array lengths), as a number. */
export function belowIndex(rng: Xoshiro128, n: number): number {
  return n <= TWO32 ? below32(rng, n) : Number(below64(rng, BigInt(n)))
}
