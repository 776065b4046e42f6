/**
 * The bit generator behind every seeded random function: xoshiro128** seeded through splitmix32. Plain 32-bit
 * integer arithmetic, so the same seed gives the same stream on every machine and thread (not NumPy's stream).
 */
import { ValueError } from '../errors.js'

/** xoshiro128** seeded through splitmix32; next() returns a float in [0, 1) with 53 random bits. */
export class Xoshiro128 {
  #s = new Uint32Array(4)
  constructor(seed: number) {
    if (!Number.isInteger(seed)) throw new ValueError(`random seed must be an integer, got ${seed}`)
    let x = seed >>> 0
    for (let i = 0; i < 4; i++) {
      x = (x + 0x9e3779b9) >>> 0
      let z = x
      z = Math.imul(z ^ (z >>> 16), 0x85ebca6b) >>> 0
      z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35) >>> 0
      this.#s[i] = (z ^ (z >>> 16)) >>> 0
    }
  }
  nextUint32(): number {
    const s = this.#s
    const r = Math.imul(rotl(Math.imul(s[1]!, 5) >>> 0, 7), 9) >>> 0
    const t = (s[1]! << 9) >>> 0
    s[2]! ^= s[0]!
    s[3]! ^= s[1]!
    s[1]! ^= s[2]!
    s[0]! ^= s[3]!
    s[2]! ^= t
    s[3] = rotl(s[3]!, 11)
    return r
  }
  next(): number {
    const hi = this.nextUint32() >>> 5
    const lo = this.nextUint32() >>> 6
    return (hi * 67108864 + lo) / 9007199254740992
  }
}

function rotl(x: number, k: number): number { return ((x << k) | (x >>> (32 - k))) >>> 0 }
