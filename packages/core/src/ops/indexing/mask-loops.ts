/**
 * The hot loops of boolean-mask indexing over a C-ordered block (`a[mask]`, `a[mask] = v`), one per element width.
 *
 * Elements move as raw bits through a view of their width (8 bytes as float64, whose typed-array loads and stores
 * keep every bit; 4 as int32; 2 as uint16; 1 as uint8), so each loop sees one typed-array type and stays
 * monomorphic in V8 whatever dtype the array has, and 64-bit integers never become bigints. Masks hold 0/1.
 */
import type { TypedArray } from '../../dtype.js'

/** Elements gathered per block: a branch-free pass writes every element to the block and advances by its mask bit. */
const BLOCK = 4096

type Width = Float64Array | Int32Array | Uint16Array | Uint8Array

/** `v`'s memory as elements of its width. */
function widthView(v: TypedArray): Width {
  switch (v.BYTES_PER_ELEMENT) {
    case 8: return new Float64Array(v.buffer, v.byteOffset, v.length)
    case 4: return new Int32Array(v.buffer, v.byteOffset, v.length)
    case 2: return new Uint16Array(v.buffer, v.byteOffset, v.length)
    default: return new Uint8Array(v.buffer, v.byteOffset, v.length)
  }
}

const blocks = { 8: new Float64Array(BLOCK + 1), 4: new Int32Array(BLOCK + 1), 2: new Uint16Array(BLOCK + 1), 1: new Uint8Array(BLOCK + 1) }

function gather8(s: Float64Array, base: number, m: Uint8Array, d: Float64Array, o: number, t: Float64Array): number {
  for (let j0 = 0; j0 < m.length; j0 += BLOCK) {
    const j1 = Math.min(m.length, j0 + BLOCK)
    let k = 0
    for (let j = j0; j < j1; j++) { t[k] = s[base + j]!; k += m[j]! }
    d.set(t.subarray(0, k), o)
    o += k
  }
  return o
}

function gather4(s: Int32Array, base: number, m: Uint8Array, d: Int32Array, o: number, t: Int32Array): number {
  for (let j0 = 0; j0 < m.length; j0 += BLOCK) {
    const j1 = Math.min(m.length, j0 + BLOCK)
    let k = 0
    for (let j = j0; j < j1; j++) { t[k] = s[base + j]!; k += m[j]! }
    d.set(t.subarray(0, k), o)
    o += k
  }
  return o
}

function gather2(s: Uint16Array, base: number, m: Uint8Array, d: Uint16Array, o: number, t: Uint16Array): number {
  for (let j0 = 0; j0 < m.length; j0 += BLOCK) {
    const j1 = Math.min(m.length, j0 + BLOCK)
    let k = 0
    for (let j = j0; j < j1; j++) { t[k] = s[base + j]!; k += m[j]! }
    d.set(t.subarray(0, k), o)
    o += k
  }
  return o
}

function gather1(s: Uint8Array, base: number, m: Uint8Array, d: Uint8Array, o: number, t: Uint8Array): number {
  for (let j0 = 0; j0 < m.length; j0 += BLOCK) {
    const j1 = Math.min(m.length, j0 + BLOCK)
    let k = 0
    for (let j = j0; j < j1; j++) { t[k] = s[base + j]!; k += m[j]! }
    d.set(t.subarray(0, k), o)
    o += k
  }
  return o
}

/** Copy src[base + j] for every j with mask[j] = 1, in order, to dst[o...] (src and dst of one dtype). */
export function maskGather(src: TypedArray, base: number, mask: Uint8Array, dst: TypedArray, o: number): void {
  const s = widthView(src)
  const d = widthView(dst)
  if (s instanceof Float64Array) gather8(s, base, mask, d as Float64Array, o, blocks[8])
  else if (s instanceof Int32Array) gather4(s, base, mask, d as Int32Array, o, blocks[4])
  else if (s instanceof Uint16Array) gather2(s, base, mask, d as Uint16Array, o, blocks[2])
  else gather1(s, base, mask, d as Uint8Array, o, blocks[1])
}

function fill8(d: Float64Array, base: number, m: Uint8Array, v: number): void {
  const t = new Float64Array(2)
  t[1] = v
  for (let j = 0; j < m.length; j++) { t[0] = d[base + j]!; d[base + j] = t[m[j]!]! }
}

function fill4(d: Int32Array, base: number, m: Uint8Array, v: number): void {
  const t = new Int32Array(2)
  t[1] = v
  for (let j = 0; j < m.length; j++) { t[0] = d[base + j]!; d[base + j] = t[m[j]!]! }
}

function fill2(d: Uint16Array, base: number, m: Uint8Array, v: number): void {
  const t = new Uint16Array(2)
  t[1] = v
  for (let j = 0; j < m.length; j++) { t[0] = d[base + j]!; d[base + j] = t[m[j]!]! }
}

function fill1(d: Uint8Array, base: number, m: Uint8Array, v: number): void {
  const t = new Uint8Array(2)
  t[1] = v
  for (let j = 0; j < m.length; j++) { t[0] = d[base + j]!; d[base + j] = t[m[j]!]! }
}

/**
 * Set dst[base + j] = stored for every j with mask[j] = 1 (`stored`: the value in dst's storage form). Each
 * element is rewritten with itself or the value, picked by its mask bit from a two-entry table: no branch to
 * mispredict on a random mask.
 */
export function maskFill(dst: TypedArray, base: number, mask: Uint8Array, stored: number | bigint): void {
  // the value's bits, as an element of dst's width
  const one = new (dst.constructor as new (n: number) => TypedArray)(1)
  ;(one as unknown as { [k: number]: number | bigint })[0] = stored
  const bits = widthView(one)[0]!
  const d = widthView(dst)
  if (d instanceof Float64Array) fill8(d, base, mask, bits)
  else if (d instanceof Int32Array) fill4(d, base, mask, bits)
  else if (d instanceof Uint16Array) fill2(d, base, mask, bits)
  else fill1(d, base, mask, bits)
}

/** A C-ordered bool block (any nonzero byte is true) as a fresh 0/1 mask, and how many are true. */
export function maskOf(u: Uint8Array, offset: number, n: number): { values: Uint8Array; count: number } {
  const m = new Uint8Array(n)
  let count = 0
  // (b + 255) >> 8 is 1 for every nonzero byte: no branch
  for (let i = 0; i < n; i++) { const b = (u[offset + i]! + 255) >> 8; m[i] = b; count += b }
  return { values: m, count }
}
