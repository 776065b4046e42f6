/**
 * .npy writer, byte-identical to NumPy 2.4.6's `np.save` / `np.lib.format.write_array` (spec §9.2):
 * sorted keys, Python reprs, 21 − len(str(growth dim)) spaces of growth room, space padding so the data
 * starts on a 64-byte boundary, version 1.0 unless the header does not fit its uint16 length field.
 * C-contiguous and non-contiguous arrays are written in C order; F-contiguous (and not C-contiguous)
 * arrays with fortran_order True and their column-major memory.
 */
import { DTYPES } from '../dtype.js'
import { DTypeError } from '../errors.js'
import { forEachOffset } from '../iterate.js'
import { NDArray } from '../ndarray.js'
import { NpyFormatError } from './errors.js'
import { checkOptions } from '../check-options.js'
import { byteswapInPlace } from './read.js'
import {
  ARRAY_ALIGN, GROWTH_AXIS_MAX_DIGITS, HOST_LITTLE_ENDIAN, MAGIC_LEN, MAGIC_PREFIX, lengthFieldSize, pyStrRepr,
  shapeRepr, type NpyVersion,
} from './header.js'

/** Options of {@link toNpy}, {@link save} and {@link saveAsync}. */
export interface WriteOptions {
  /**
   * Format version to write. Left out, NumPy's choice: 1 if the header fits a uint16 length, else 2
   * (headers here are always latin-1, so 3 is only written when asked for). An explicit version whose
   * length field is too small is an NpyFormatError, as in NumPy.
   */
  version?: NpyVersion
}

/** The keys of {@link WriteOptions}. */
export const WRITE_KEYS = ['version'] as const

/** The header dict text NumPy writes, growth room included (before padding). */
export function headerText(descr: string, fortranOrder: boolean, shape: readonly number[]): string {
  let text = `{'descr': ${pyStrRepr(descr)}, 'fortran_order': ${fortranOrder ? 'True' : 'False'}, 'shape': ${shapeRepr(shape)}, }`
  if (shape.length > 0) {
    const growth = String(shape[fortranOrder ? shape.length - 1 : 0])
    text += ' '.repeat(Math.max(0, GROWTH_AXIS_MAX_DIGITS - growth.length))
  }
  return text
}

function encodeHeader(text: string, version: NpyVersion): Uint8Array {
  if (version === 3) return new TextEncoder().encode(text)
  const out = new Uint8Array(text.length)
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i)
    if (c > 0xff) throw new NpyFormatError(`the header cannot be encoded as latin-1 for format version ${version}.0 (character U+${c.toString(16).padStart(4, '0')}); use version 3`)
    out[i] = c
  }
  return out
}

/**
 * Magic, version, length field, header text, padding spaces and the final newline (NumPy's `_wrap_header`),
 * or null when the header does not fit the version's length field.
 */
export function wrapHeader(text: string, version: NpyVersion): Uint8Array | null {
  const enc = encodeHeader(text, version)
  const lf = lengthFieldSize(version)
  const hlen = enc.length + 1
  const padlen = ARRAY_ALIGN - ((MAGIC_LEN + lf + hlen) % ARRAY_ALIGN)
  const total = hlen + padlen
  if (total > (lf === 2 ? 0xffff : 0xffffffff)) return null
  const out = new Uint8Array(MAGIC_LEN + lf + total)
  out.set(MAGIC_PREFIX, 0)
  out[6] = version
  out[7] = 0
  const dv = new DataView(out.buffer)
  if (lf === 2) dv.setUint16(MAGIC_LEN, total, true)
  else dv.setUint32(MAGIC_LEN, total, true)
  out.set(enc, MAGIC_LEN + lf)
  out.fill(0x20, MAGIC_LEN + lf + enc.length, out.length - 1)
  out[out.length - 1] = 0x0a
  return out
}

/** The complete header bytes for an array: NumPy's version choice unless `version` is given. */
export function npyHeaderBytes(descr: string, fortranOrder: boolean, shape: readonly number[], version?: NpyVersion): Uint8Array {
  const text = headerText(descr, fortranOrder, shape)
  if (version !== undefined) {
    const h = wrapHeader(text, version)
    if (h === null) throw new NpyFormatError(`Header length ${text.length + 1} too big for version=(${version}, 0)`)
    return h
  }
  const h = wrapHeader(text, 1) ?? wrapHeader(text, 2)
  if (h === null) throw new NpyFormatError(`Header length ${text.length + 1} too big for version=(2, 0)`)
  return h
}

/** Serialize an array to .npy bytes, byte-identical to NumPy's `np.save` of the same array. */
export function toNpy(a: NDArray, opts: WriteOptions = {}): Uint8Array {
  checkOptions('toNpy', opts, WRITE_KEYS)
  if (!(a instanceof NDArray)) throw new DTypeError(`toNpy: expected an NDArray, got ${a === null ? 'null' : typeof a}`)
  const version = opts.version
  if (version !== undefined && version !== 1 && version !== 2 && version !== 3) {
    throw new NpyFormatError(`we only support format version (1,0), (2,0), and (3,0), not ${String(version)}`)
  }
  const { cContiguous, fContiguous } = a.flags
  const fortranOrder = !cContiguous && fContiguous
  const d = DTYPES[a.dtype]
  const header = npyHeaderBytes(d.descr, fortranOrder, a.shape, version)
  const n = a.size
  const nbytes = n * d.itemsize
  const out = new Uint8Array(header.length + nbytes)
  out.set(header, 0)
  if (n === 0) return out
  if (cContiguous || fContiguous) {
    // the elements fill [offset, offset + n) in exactly the order the file wants
    out.set(new Uint8Array(a.buffer, a.byteOffset, nbytes), header.length)
  } else {
    gatherCOrder(a, out, header.length)
  }
  if (!HOST_LITTLE_ENDIAN && d.itemsize > 1) byteswapInPlace(out.subarray(header.length), d.itemsize)
  return out
}

/**
 * Copy the elements of a non-contiguous view into `out` at `at` in C order, bit-exactly: the copy goes
 * through unsigned integer views so NaN payloads (and bool bytes other than 0/1) are kept as NumPy keeps them.
 */
function gatherCOrder(a: NDArray, out: Uint8Array, at: number): void {
  const isz = a.itemsize
  const n = a.size
  // `at` is a multiple of 64, so these views are aligned for every itemsize
  if (isz === 8) {
    const src = new Uint32Array(a.buffer, 0, Math.floor(a.buffer.byteLength / 4))
    const dst = new Uint32Array(out.buffer, out.byteOffset + at, 2 * n)
    forEachOffset(a.shape, a.strides, a.offset, (o, i) => { dst[2 * i] = src[2 * o]!; dst[2 * i + 1] = src[2 * o + 1]! })
    return
  }
  type UintView = { [i: number]: number }
  const T = (isz === 1 ? Uint8Array : isz === 2 ? Uint16Array : Uint32Array) as unknown as new (b: ArrayBufferLike, off: number, len: number) => UintView
  const src = new T(a.buffer, 0, Math.floor(a.buffer.byteLength / isz))
  const dst = new T(out.buffer, out.byteOffset + at, n)
  forEachOffset(a.shape, a.strides, a.offset, (o, i) => { dst[i] = src[o]! })
}
