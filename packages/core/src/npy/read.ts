/**
 * .npy reader (spec §9.1, §9.3): format versions 1.0, 2.0 and 3.0, latin-1 or UTF-8 headers, any header
 * alignment, C or Fortran order, every supported dtype in either byte order. The result owns a fresh
 * SharedArrayBuffer; Fortran-ordered files give F-contiguous arrays, big-endian data is swapped to native.
 */
import { DTYPES, type DTypeName } from '../dtype.js'
import { NDArray } from '../ndarray.js'
import { contiguousStrides } from '../shape.js'
import { NpyFormatError } from './errors.js'
import { checkOptions } from '../check-options.js'
import {
  MAGIC_LEN, MAGIC_PREFIX, MAX_HEADER_SIZE, lengthFieldSize, parseHeaderText, pyBytesRepr, shapeRepr,
  type ByteOrder, type NpyVersion,
} from './header.js'

/** Options of {@link fromNpy}, {@link readNpyHeader}, {@link load} and {@link loadAsync}. */
export interface ReadOptions {
  /**
   * Refuse headers longer than this many characters (NumPy's `max_header_size`, default 10000).
   * Pass Infinity to read any header.
   */
  maxHeaderSize?: number
}

/** The keys of {@link ReadOptions}. */
export const READ_KEYS = ['maxHeaderSize'] as const

/** The parsed header of a .npy file, as returned by {@link readNpyHeader}. */
export interface NpyHeader {
  /** `[major, minor]`: `[1, 0]`, `[2, 0]` or `[3, 0]`. */
  readonly version: readonly [NpyVersion, 0]
  /** HLEN: header bytes after the length field, padding and newline included. */
  readonly headerLength: number
  /** Byte offset of the array data: 10 + HLEN (v1) or 12 + HLEN (v2, v3). */
  readonly dataOffset: number
  /** The decoded header text. */
  readonly text: string
  /** The header's `descr` as written, e.g. `'<f8'` or `'>i4'`. */
  readonly descr: string
  /** The dtype `descr` stands for. */
  readonly dtype: DTypeName
  /** The byte-order character of `descr`: `'<'` little-endian, `'>'` big-endian, `'|'` not applicable, `'='` native (also when it had none). */
  readonly byteOrder: ByteOrder
  /** The data must be byte-swapped into native order. */
  readonly swap: boolean
  /** The header's `fortran_order`: the data is stored in column-major order. */
  readonly fortranOrder: boolean
  /** The header's `shape`. */
  readonly shape: readonly number[]
}

/** The bytes of a .npy file in memory (a Node Buffer is a Uint8Array). */
export type NpyInput = Uint8Array | ArrayBuffer | SharedArrayBuffer

function asBytes(input: NpyInput): Uint8Array {
  if (input instanceof Uint8Array) return input
  if (input instanceof ArrayBuffer || (typeof SharedArrayBuffer !== 'undefined' && input instanceof SharedArrayBuffer)) return new Uint8Array(input)
  if (ArrayBuffer.isView(input)) {
    const v = input as ArrayBufferView
    return new Uint8Array(v.buffer, v.byteOffset, v.byteLength)
  }
  throw new NpyFormatError(`fromNpy: expected a Uint8Array or ArrayBuffer, got ${Object.prototype.toString.call(input)}`)
}

function latin1(bytes: Uint8Array): string {
  let s = ''
  for (let i = 0; i < bytes.length; i += 8192) s += String.fromCharCode(...bytes.subarray(i, i + 8192))
  return s
}

function truncated(what: string, expected: number, got: number): never {
  throw new NpyFormatError(`EOF: reading ${what}, expected ${expected} bytes got ${Math.max(got, 0)} (the .npy data is truncated)`)
}

/** Parse and validate the magic, version and header of a .npy file without reading its data. */
export function readNpyHeader(input: NpyInput, opts: ReadOptions = {}): NpyHeader {
  checkOptions('readNpyHeader', opts, READ_KEYS)
  const bytes = asBytes(input)
  const maxHeaderSize = opts.maxHeaderSize ?? MAX_HEADER_SIZE
  const head = bytes.subarray(0, MAGIC_PREFIX.length)
  if (head.length === 0) throw new NpyFormatError('No data: the .npy input is empty (expected the magic string b\'\\x93NUMPY\')')
  if (head.some((b, i) => b !== MAGIC_PREFIX[i])) {
    const zip = head[0] === 0x50 && head[1] === 0x4b ? ' (this looks like a zip archive such as an .npz file; only single .npy files are supported)' : ''
    throw new NpyFormatError(`the magic string is not correct; expected ${pyBytesRepr(MAGIC_PREFIX as Uint8Array)}, got ${pyBytesRepr(head)}${zip}`)
  }
  if (bytes.length < MAGIC_LEN) truncated('magic string', MAGIC_LEN, bytes.length)
  const major = bytes[6]!
  const minor = bytes[7]!
  if (!((major === 1 || major === 2 || major === 3) && minor === 0)) {
    throw new NpyFormatError(`we only support format version (1,0), (2,0), and (3,0), not (${major}, ${minor})`)
  }
  const version = major as NpyVersion
  const lf = lengthFieldSize(version)
  if (bytes.length < MAGIC_LEN + lf) truncated('array header length', lf, bytes.length - MAGIC_LEN)
  const dv = new DataView(bytes.buffer, bytes.byteOffset + MAGIC_LEN, lf)
  const hlen = lf === 2 ? dv.getUint16(0, true) : dv.getUint32(0, true)
  const start = MAGIC_LEN + lf
  if (bytes.length < start + hlen) truncated('array header', hlen, bytes.length - start)
  const raw = bytes.subarray(start, start + hlen)
  let text: string
  if (version === 3) {
    try {
      text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(raw)
    } catch {
      throw new NpyFormatError(`the version 3.0 header is not valid UTF-8 (${hlen} bytes starting at byte ${start})`)
    }
  } else {
    text = latin1(raw)
  }
  const chars = version === 3 ? [...text].length : text.length
  if (chars > maxHeaderSize) {
    throw new NpyFormatError(
      `Header info length (${chars}) is large and may not be safe to load securely; the limit is maxHeaderSize = ${maxHeaderSize} (NumPy's max_header_size). Pass a larger maxHeaderSize to read it.`,
    )
  }
  const fields = parseHeaderText(text, version)
  return { version: [version, 0], headerLength: hlen, dataOffset: start + hlen, text, ...fields }
}

/** Reverse the bytes of every `itemsize`-byte element in place. */
export function byteswapInPlace(bytes: Uint8Array, itemsize: number): void {
  const n = bytes.length
  if (itemsize === 2) {
    for (let i = 0; i < n; i += 2) { const t = bytes[i]!; bytes[i] = bytes[i + 1]!; bytes[i + 1] = t }
  } else if (itemsize === 4) {
    for (let i = 0; i < n; i += 4) {
      let t = bytes[i]!; bytes[i] = bytes[i + 3]!; bytes[i + 3] = t
      t = bytes[i + 1]!; bytes[i + 1] = bytes[i + 2]!; bytes[i + 2] = t
    }
  } else if (itemsize === 8) {
    for (let i = 0; i < n; i += 8) {
      for (let j = 0; j < 4; j++) { const t = bytes[i + j]!; bytes[i + j] = bytes[i + 7 - j]!; bytes[i + 7 - j] = t }
    }
  }
}

/**
 * Decode a .npy file held in memory into a new array (its own SharedArrayBuffer, native byte order,
 * F-contiguous when the file is in Fortran order). Bytes after the data are ignored, as NumPy does.
 * Bool data is kept byte-for-byte, as NumPy keeps it. Strides are those of `np.load` from memory.
 */
export function fromNpy(input: NpyInput, opts: ReadOptions = {}): NDArray {
  checkOptions('fromNpy', opts, READ_KEYS)
  const bytes = asBytes(input)
  const h = readNpyHeader(bytes, opts)
  const itemsize = DTYPES[h.dtype].itemsize
  let count = 1
  for (const n of h.shape) count *= n
  const available = bytes.length - h.dataOffset
  const nbytes = count * itemsize
  if (!Number.isSafeInteger(nbytes) || available < nbytes) {
    const exact = h.shape.reduce((x, n) => x * BigInt(n), 1n)
    throw new NpyFormatError(
      `Failed to read all data for array. Expected ${shapeRepr(h.shape)} = ${exact} elements, could only read ${Math.floor(Math.max(available, 0) / itemsize)} elements. (file seems not fully written?)`,
    )
  }
  // np.load builds a 1-D array of `count` elements and reshapes it (Fortran: to the reversed shape, then
  // transposes), so strides are the contiguous ones with length-0 axes counted as 1, except that a 1-D empty
  // array keeps the zero stride NumPy gives a fresh zero-size array
  const strides = h.shape.length === 1 && count === 0 ? [0] : contiguousStrides(h.shape, h.fortranOrder ? 'F' : 'C')
  const out = NDArray.allocStrided(h.shape, strides, h.dtype, count, false)
  const dst = new Uint8Array(out.buffer, out.byteOffset, nbytes)
  dst.set(bytes.subarray(h.dataOffset, h.dataOffset + nbytes))
  if (h.swap) byteswapInPlace(dst, itemsize)
  return out
}
