/**
 * Sort keys: every value becomes one or two unsigned 32-bit words whose unsigned order is NumPy's sort order.
 * Floats have their bits flipped (negative: all bits; positive: the sign bit), every NaN becomes the largest key
 * and -0 the key of +0, so NaNs sort last and -0/+0 tie; signed integers have their sign bit flipped; bool and
 * unsigned integers are their own keys. 64-bit dtypes take two words (low, high), every other dtype one.
 *
 * Keys lose two things, which the value sorts restore ("specials"): the sign of a -0 and the payload of a NaN
 * other than the canonical one. unKeys writes +0 and the canonical NaN; makeKeys counts the specials so that
 * the (rare) sorts that have any can put the originals back in input order.
 */
import type { DTypeName, TypedArray } from '../../dtype.js'
import { DTypeError } from '../../errors.js'

/** The dtypes the sort kernels handle: every dtype strided has. */
export function assertSortable(fn: string, dt: DTypeName): void {
  switch (dt) {
    case 'bool': case 'int8': case 'uint8': case 'int16': case 'uint16': case 'int32': case 'uint32':
    case 'int64': case 'uint64': case 'float16': case 'float32': case 'float64':
      return
    default:
      throw new DTypeError(`${fn}: sorting arrays of dtype ${dt} is not supported`)
  }
}

/** Whether dt's keys take two words. */
export function twoWords(dt: DTypeName): boolean {
  return dt === 'float64' || dt === 'int64' || dt === 'uint64'
}

/** XOR with this flips a 32-bit word's top bit (the int32 spelling of 0x80000000). */
const SIGN = -2147483648

/** An Int32Array over the same memory as v (from v's start): int32 loads stay in registers in V8. */
function words(v: TypedArray): Int32Array {
  return new Int32Array(v.buffer, v.byteOffset, Math.floor((v.byteLength) / 4))
}

/**
 * Write the keys of v[o + i*s] (i < n, elements of dtype dt) into kw: words kw[2(ko+i)] (low) and
 * kw[2(ko+i)+1] (high) for 64-bit dtypes, kw[ko+i] otherwise. Returns how many specials (-0, non-canonical
 * NaNs) it met.
 */
export function makeKeys(v: TypedArray, o: number, s: number, n: number, dt: DTypeName, kw: Int32Array, ko: number): number {
  let specials = 0
  switch (dt) {
    case 'float64': {
      const w = words(v)
      for (let i = 0; i < n; i++) {
        const e = 2 * (o + i * s)
        const h = w[e + 1]!
        const l = w[e]!
        const k = 2 * (ko + i)
        // branch-free for every value but NaN and -0: negatives flip all bits, positives the sign bit
        const m = h >> 31
        kw[k + 1] = h ^ (m | SIGN)
        kw[k] = l ^ m
        const ah = h & 0x7fffffff
        if (ah >= 0x7ff00000 ? ah > 0x7ff00000 || l !== 0 : h === SIGN && l === 0) {
          if (ah >= 0x7ff00000) { kw[k + 1] = -1; kw[k] = -1; if (h !== 0x7ff80000 || l !== 0) specials++ }
          else { kw[k + 1] = SIGN; kw[k] = 0; specials++ }
        }
      }
      return specials
    }
    case 'float32': {
      const w = words(v)
      for (let i = 0; i < n; i++) {
        const h = w[o + i * s]!
        if ((h & 0x7f800000) === 0x7f800000 && (h & 0x7fffff) !== 0) {
          kw[ko + i] = -1
          if (h !== 0x7fc00000) specials++
        } else if (h < 0) {
          if ((h & 0x7fffffff) === 0) { kw[ko + i] = SIGN; specials++ } else kw[ko + i] = ~h
        } else kw[ko + i] = h | SIGN
      }
      return specials
    }
    case 'float16': {
      const x = v as Uint16Array
      for (let i = 0; i < n; i++) {
        const h = x[o + i * s]!
        if ((h & 0x7c00) === 0x7c00 && (h & 0x3ff) !== 0) {
          kw[ko + i] = 0xffff
          if (h !== 0x7e00) specials++
        } else if ((h & 0x8000) !== 0) {
          if ((h & 0x7fff) === 0) { kw[ko + i] = 0x8000; specials++ } else kw[ko + i] = ~h & 0xffff
        } else kw[ko + i] = h | 0x8000
      }
      return specials
    }
    case 'int64': case 'uint64': {
      const w = words(v)
      const flip = dt === 'int64' ? SIGN : 0
      for (let i = 0; i < n; i++) {
        const e = 2 * (o + i * s)
        const k = 2 * (ko + i)
        kw[k] = w[e]!; kw[k + 1] = w[e + 1]! ^ flip
      }
      return 0
    }
    case 'int32': {
      const x = v as Int32Array
      for (let i = 0; i < n; i++) kw[ko + i] = x[o + i * s]! ^ SIGN
      return 0
    }
    case 'int16': {
      const x = v as Int16Array
      for (let i = 0; i < n; i++) kw[ko + i] = x[o + i * s]! + 32768
      return 0
    }
    case 'int8': {
      const x = v as Int8Array
      for (let i = 0; i < n; i++) kw[ko + i] = x[o + i * s]! + 128
      return 0
    }
    case 'bool': case 'uint8': case 'uint16': case 'uint32': {
      const x = v as Uint32Array
      for (let i = 0; i < n; i++) kw[ko + i] = x[o + i * s]!
      return 0
    }
    default:
      throw new DTypeError(`sort: sorting arrays of dtype ${dt} is not supported`)
  }
}

/** Write the values of the keys kw[ko, ko + n) (as makeKeys lays them out) to v[o + i*s]: +0 and the canonical NaN for their keys. */
export function unKeys(kw: Int32Array, ko: number, n: number, dt: DTypeName, v: TypedArray, o: number, s: number): void {
  switch (dt) {
    case 'float64': {
      const w = words(v)
      for (let i = 0; i < n; i++) {
        const k = 2 * (ko + i)
        const h = kw[k + 1]!
        const l = kw[k]!
        const e = 2 * (o + i * s)
        // keys with the top bit clear were negatives (all bits flipped); the rest had the sign bit set
        const m = ~(h >> 31)
        w[e + 1] = h ^ (m | SIGN)
        w[e] = l ^ m
        if (h === -1 && l === -1) { w[e + 1] = 0x7ff80000; w[e] = 0 }
      }
      return
    }
    case 'float32': {
      const w = words(v)
      for (let i = 0; i < n; i++) {
        const h = kw[ko + i]!
        w[o + i * s] = h >= 0 ? ~h : h === -1 ? 0x7fc00000 : h & 0x7fffffff
      }
      return
    }
    case 'float16': {
      const x = v as Uint16Array
      for (let i = 0; i < n; i++) {
        const h = kw[ko + i]!
        x[o + i * s] = (h & 0x8000) === 0 ? ~h & 0xffff : h === 0xffff ? 0x7e00 : h & 0x7fff
      }
      return
    }
    case 'int64': case 'uint64': {
      const w = words(v)
      const flip = dt === 'int64' ? SIGN : 0
      for (let i = 0; i < n; i++) {
        const k = 2 * (ko + i)
        const e = 2 * (o + i * s)
        w[e] = kw[k]!; w[e + 1] = kw[k + 1]! ^ flip
      }
      return
    }
    case 'int32': { const x = v as Int32Array; for (let i = 0; i < n; i++) x[o + i * s] = kw[ko + i]! ^ SIGN; return }
    case 'int16': { const x = v as Int16Array; for (let i = 0; i < n; i++) x[o + i * s] = kw[ko + i]! - 32768; return }
    case 'int8': { const x = v as Int8Array; for (let i = 0; i < n; i++) x[o + i * s] = kw[ko + i]! - 128; return }
    default: { const x = v as Uint32Array; for (let i = 0; i < n; i++) x[o + i * s] = kw[ko + i]!; return }
  }
}

/**
 * Copy the zeros and NaNs of v[o + i*s] (i < n), each group in input order, to zeros[zo...] and nans[no...]
 * (arrays of dt's storage type); returns [zeros copied, NaNs copied].
 */
export function collectSpecials(v: TypedArray, o: number, s: number, n: number, dt: DTypeName,
  zeros: TypedArray, zo: number, nans: TypedArray, no: number): [number, number] {
  let a = 0
  let b = 0
  if (dt === 'float16') {
    const x = v as Uint16Array
    const z = zeros as Uint16Array
    const q = nans as Uint16Array
    for (let i = 0; i < n; i++) {
      const h = x[o + i * s]!
      if ((h & 0x7fff) === 0) z[zo + a++] = h
      else if ((h & 0x7c00) === 0x7c00 && (h & 0x3ff) !== 0) q[no + b++] = h
    }
    return [a, b]
  }
  if (dt === 'float32') {
    // as words: a float32 NaN read into a JS number and stored back may lose its signalling bit
    const x = words(v)
    const z = words(zeros)
    const q = words(nans)
    for (let i = 0; i < n; i++) {
      const h = x[o + i * s]!
      if ((h & 0x7fffffff) === 0) z[zo + a++] = h
      else if ((h & 0x7f800000) === 0x7f800000 && (h & 0x7fffff) !== 0) q[no + b++] = h
    }
    return [a, b]
  }
  const x = v as Float64Array
  const z = zeros as Float64Array
  const q = nans as Float64Array
  for (let i = 0; i < n; i++) {
    const y = x[o + i * s]!
    if (y === 0) z[zo + a++] = y
    else if (y !== y) q[no + b++] = y
  }
  return [a, b]
}

/**
 * Put the specials back after unKeys wrote sorted values to v[o + i*s] (i < n): the zeros' run (a stretch of
 * ±0 values) gets zeros[zo...] in order, the NaN run (at the end) nans[no...]. `zeroRank`/`nanRank`: how many
 * zeros / NaNs of the whole sorted sequence come before v[o] (a part of a longer sequence starts mid-run).
 */
export function restoreSpecials(v: TypedArray, o: number, s: number, n: number, dt: DTypeName,
  zeros: TypedArray, zeroRank: number, nans: TypedArray, nanRank: number): void {
  let a = zeroRank
  let b = nanRank
  if (dt === 'float16') {
    const x = v as Uint16Array
    for (let i = 0; i < n; i++) {
      const h = x[o + i * s]!
      if ((h & 0x7fff) === 0) x[o + i * s] = zeros[a++] as number
      else if (h === 0x7e00) x[o + i * s] = nans[b++] as number
    }
    return
  }
  if (dt === 'float32') {
    const x = words(v)
    const z = words(zeros)
    const q = words(nans)
    for (let i = 0; i < n; i++) {
      const h = x[o + i * s]!
      if (h === 0) x[o + i * s] = z[a++]!
      else if (h === 0x7fc00000) x[o + i * s] = q[b++]!
    }
    return
  }
  const x = v as Float64Array
  const z = zeros as Float64Array
  const q = nans as Float64Array
  for (let i = 0; i < n; i++) {
    const y = x[o + i * s]!
    if (y === 0) x[o + i * s] = z[a++]!
    else if (y !== y) x[o + i * s] = q[b++]!
  }
}
