/**
 * float16 (IEEE 754 binary16, NumPy's `half`): elements are stored as their 16 bits in a Uint16Array, and
 * converted here. Decoding is a table lookup (every half is exactly a float32 and a double); encoding rounds a
 * double to the nearest half, ties to even, once (NumPy's npy_double_to_half), overflowing to ±inf.
 *
 * Where the engine has a native Float16Array (its stores round the same way), encoding uses it; elsewhere a
 * bit-level emulation does the same. `useNativeFloat16(false)` forces the emulation (tests run both).
 *
 * NumPy's float16 loops compute in float32 and round each result to half: `toHalfBits(Math.fround(r))` where r is
 * the float32 operation's exact-then-rounded value (kernels/elementwise.ts does this through float32 tiles).
 */

/** HALF_VALUES[bits] is the value of the half with those bits (NaNs keep their sign and payload as float32 NaNs). */
export const HALF_VALUES: Float32Array = /* @__PURE__ */ buildTable()

function buildTable(): Float32Array {
  const t = new Float32Array(65536)
  const u = new Uint32Array(t.buffer)
  for (let h = 0; h < 65536; h++) {
    const sign = (h & 0x8000) << 16
    const e = (h >> 10) & 0x1f
    const m = h & 0x3ff
    if (e === 0x1f) u[h] = sign | 0x7f800000 | (m << 13) // inf, NaN (payload kept, quiet bit included)
    else if (e !== 0) u[h] = sign | ((e + 112) << 23) | (m << 13)
    else t[h] = (sign !== 0 ? -m : m) * 2 ** -24 // zero and subnormals: exact in float32
  }
  return t
}

const f64 = new Float64Array(1)
const u32 = new Uint32Array(f64.buffer)
// the high word of a double is the second 32-bit word on little-endian machines (every platform Node runs on)
const HI = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1 ? 1 : 0

/** The bits of the half nearest to x (ties to even; overflow to ±inf; NaN to a quiet NaN with x's sign). */
export function toHalfBitsEmulated(x: number): number {
  f64[0] = x
  const hi = u32[HI]!
  const sign = (hi >>> 16) & 0x8000
  const exp = (hi >>> 20) & 0x7ff
  if (exp === 0x7ff) {
    // NaN: the payload's top 10 bits, as NumPy keeps them (never 0, which would be an infinity)
    if (x !== x) { const m = (hi >>> 10) & 0x3ff; return sign | 0x7c00 | (m === 0 ? 1 : m) }
    return sign | 0x7c00
  }
  const a = Math.abs(x)
  // 65520 is halfway between the largest half (65504) and 2^16: ties go to the even neighbour, infinity
  if (a >= 65520) return sign | 0x7c00
  if (a < 6.103515625e-5) {
    // subnormal halves: multiples of 2^-24; a·2^24 is exact, round it half to even
    const s = a * 16777216
    let r = Math.floor(s)
    const d = s - r
    if (d > 0.5 || (d === 0.5 && (r & 1) === 1)) r++
    return sign | r // r = 1024 is the smallest normal's bit pattern, as wanted
  }
  const e = exp - 1023 // unbiased exponent, -14..15
  const s = a * 2 ** (10 - e) // in [1024, 2048), exact (a power-of-two scale)
  let r = Math.floor(s)
  const d = s - r
  if (d > 0.5 || (d === 0.5 && (r & 1) === 1)) r++
  // r = 2048 carries into the exponent: the bit pattern arithmetic below does that by itself
  return sign | (((e + 15) << 10) + (r - 1024))
}

type Float16Ctor = new (buffer: ArrayBufferLike, byteOffset?: number, length?: number) => { [i: number]: number }
const NativeF16 = (globalThis as { Float16Array?: Float16Ctor }).Float16Array
const nativeBuf = new ArrayBuffer(2)
const nativeF16 = NativeF16 === undefined ? null : new NativeF16(nativeBuf, 0, 1)
const nativeU16 = new Uint16Array(nativeBuf)

function toHalfBitsNative(x: number): number {
  nativeF16![0] = x
  return nativeU16[0]!
}

/** True when this engine has a native Float16Array. */
export const HAS_NATIVE_FLOAT16: boolean = nativeF16 !== null

/** The bits of the half nearest to x (ties to even, overflow to ±inf). */
export let toHalfBits: (x: number) => number = nativeF16 !== null ? toHalfBitsNative : toHalfBitsEmulated

/**
 * Use the engine's Float16Array for encoding (true, the default where it exists) or the emulation (false).
 * Returns whether the native path is now in use. For tests.
 */
export function useNativeFloat16(on: boolean): boolean {
  toHalfBits = on && nativeF16 !== null ? toHalfBitsNative : toHalfBitsEmulated
  return toHalfBits === toHalfBitsNative
}

/** The value of the half with these bits. */
export function fromHalfBits(bits: number): number {
  return HALF_VALUES[bits & 0xffff]!
}

/** x rounded to the nearest half value (as a number). */
export function roundToHalf(x: number): number {
  return HALF_VALUES[toHalfBits(x)]!
}

/** Decode n halves (src[so + i·ss]) into float32 dst[do + i] (contiguous). */
export function decodeHalves(n: number, dst: Float32Array, dOff: number, src: Uint16Array, so: number, ss: number): void {
  const t = HALF_VALUES
  if (ss === 1) for (let i = 0; i < n; i++) dst[dOff + i] = t[src[so + i]!]!
  else for (let i = 0; i < n; i++) dst[dOff + i] = t[src[so + i * ss]!]!
}

/** Encode n numbers (src[so + i], contiguous) into halves dst[do + i·ds], each rounded once to the nearest half. */
export function encodeHalves(n: number, dst: Uint16Array, dOff: number, ds: number, src: ArrayLike<number>, so: number): void {
  const enc = toHalfBits
  if (ds === 1) for (let i = 0; i < n; i++) dst[dOff + i] = enc(src[so + i]!)
  else for (let i = 0; i < n; i++) dst[dOff + i * ds] = enc(src[so + i]!)
}
