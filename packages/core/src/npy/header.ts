/**
 * The .npy header (spec §9): constants, a parser for the small subset of Python literals NumPy's
 * reader accepts through ast.literal_eval, the validation NumPy applies to the parsed dict, and the
 * mapping from a dtype descr string ('<f8', '|b1', '>i4', 'float64', '?', ...) to a strided dtype.
 */
import { DTYPES, DTYPE_NAMES, type DTypeName } from '../dtype.js'
import { DTypeError } from '../errors.js'
import { NpyFormatError } from './errors.js'

/** `\x93NUMPY`, the first six bytes of every .npy file. */
export const MAGIC_PREFIX: Readonly<Uint8Array> = Uint8Array.of(0x93, 0x4e, 0x55, 0x4d, 0x50, 0x59)
/** Magic prefix plus the major and minor version bytes. */
export const MAGIC_LEN = 8
/** NumPy's writer pads the header so the data starts on a multiple of this. */
export const ARRAY_ALIGN = 64
/** Spaces of growth room NumPy reserves for the first (or, in Fortran order, last) dimension. */
export const GROWTH_AXIS_MAX_DIGITS = 21
/** NumPy's default `max_header_size`: longer headers are refused. */
export const MAX_HEADER_SIZE = 10000

/** Major format version; the minor version is always 0. */
export type NpyVersion = 1 | 2 | 3

/** Size in bytes of the little-endian header-length field. */
export function lengthFieldSize(version: NpyVersion): 2 | 4 {
  return version === 1 ? 2 : 4
}

/** True on little-endian hosts (every platform Node supports in practice; big-endian is handled anyway). */
export const HOST_LITTLE_ENDIAN: boolean = new Uint8Array(Uint16Array.of(1).buffer)[0] === 1

// ------------------------------------------------------------------------------------------------
// Python literal values

/** A Python tuple (JavaScript arrays stand for lists). */
export class PyTuple {
  constructor(readonly items: readonly PyValue[]) {}
}

/** A Python dict literal, entries in source order with later duplicates replacing earlier values. */
export class PyDict {
  constructor(readonly entries: ReadonlyArray<readonly [PyValue, PyValue]>) {}
  keys(): PyValue[] { return this.entries.map(([k]) => k) }
  get(key: string): PyValue | undefined {
    for (const [k, v] of this.entries) if (k === key) return v
    return undefined
  }
}

/**
 * A parsed Python literal: str → string, int → bigint, float → number, True/False → boolean,
 * None → null, list → array, tuple → PyTuple, dict → PyDict.
 */
export type PyValue = string | bigint | number | boolean | null | PyTuple | PyDict | PyValue[]

/** Python's repr() of a parsed literal, for error messages. */
export function pyRepr(v: PyValue): string {
  if (v === null) return 'None'
  if (typeof v === 'boolean') return v ? 'True' : 'False'
  if (typeof v === 'bigint') return v.toString()
  if (typeof v === 'number') {
    if (Number.isNaN(v)) return 'nan'
    if (!Number.isFinite(v)) return v > 0 ? 'inf' : '-inf'
    return Number.isInteger(v) && Math.abs(v) < 1e16 ? v.toFixed(1) : String(v)
  }
  if (typeof v === 'string') return pyStrRepr(v)
  if (Array.isArray(v)) return `[${v.map(pyRepr).join(', ')}]`
  if (v instanceof PyTuple) return v.items.length === 1 ? `(${pyRepr(v.items[0]!)},)` : `(${v.items.map(pyRepr).join(', ')})`
  return `{${v.entries.map(([k, x]) => `${pyRepr(k)}: ${pyRepr(x)}`).join(', ')}}`
}

/** Python's repr() of a str. */
export function pyStrRepr(s: string): string {
  const q = s.includes("'") && !s.includes('"') ? '"' : "'"
  let out = q
  for (const ch of s) {
    const c = ch.codePointAt(0)!
    if (ch === q || ch === '\\') out += '\\' + ch
    else if (ch === '\n') out += '\\n'
    else if (ch === '\r') out += '\\r'
    else if (ch === '\t') out += '\\t'
    else if (c < 0x20 || (c >= 0x7f && c < 0xa0)) out += '\\x' + c.toString(16).padStart(2, '0')
    else out += ch
  }
  return out + q
}

/** Python's repr() of a bytes object (for the bad-magic message). */
export function pyBytesRepr(b: Uint8Array): string {
  let out = "b'"
  for (const c of b) {
    if (c === 0x27 || c === 0x5c) out += '\\' + String.fromCharCode(c)
    else if (c === 0x0a) out += '\\n'
    else if (c === 0x0d) out += '\\r'
    else if (c === 0x09) out += '\\t'
    else if (c < 0x20 || c >= 0x7f) out += '\\x' + c.toString(16).padStart(2, '0')
    else out += String.fromCharCode(c)
  }
  return out + "'"
}

/** A long header shortened for error messages. */
function excerpt(s: string, max = 160): string {
  return s.length <= max ? pyStrRepr(s) : `${pyStrRepr(s.slice(0, max))}... (${s.length} characters)`
}

/** A long repr shortened for error messages. */
function shorten(repr: string, max = 160): string {
  return repr.length <= max ? repr : `${repr.slice(0, max)}... (${repr.length} characters)`
}

export interface LiteralOptions {
  /**
   * Accept Python 2 long-integer suffixes (`3L`), as NumPy does for format versions 1.0 and 2.0 (files
   * written by NumPy on Python 2).
   */
  python2Longs?: boolean
}

const DEC = '\\d(?:_?\\d)*'
const INT_RE = new RegExp(`0[xX](?:_?[0-9a-fA-F])+|0[oO](?:_?[0-7])+|0[bB](?:_?[01])+|[1-9](?:_?\\d)*|0(?:_?0)*`, 'y')
const FLOAT_RE = new RegExp(`(?:(?:${DEC})?\\.${DEC}|${DEC}\\.?)(?:[eE][+-]?${DEC})?`, 'y')
const NAME_RE = /[A-Za-z_\u0080-\uffff][A-Za-z0-9_\u0080-\uffff]*/y

/**
 * Parse a Python literal the way `ast.literal_eval` does for the values a .npy header can hold: str
 * (single, double or triple quotes, r/u prefixes, escapes, implicit concatenation), int (decimal, hex,
 * octal, binary, underscores, unary sign), float, True/False/None, tuples, lists and dicts, with Python's
 * whitespace, comments and line continuations. Anything else is an NpyFormatError naming the text.
 */
export function parsePyLiteral(text: string, opts: LiteralOptions = {}): PyValue {
  return new LiteralParser(text, opts.python2Longs ?? false).parseAll()
}

class LiteralParser {
  private pos = 0
  private depth = 0

  constructor(private readonly s: string, private readonly longs: boolean) {}

  private fail(msg: string, at = this.pos): never {
    throw new NpyFormatError(`Cannot parse header: ${excerpt(this.s)}: ${msg} at position ${at}`)
  }

  parseAll(): PyValue {
    // literal_eval strips leading spaces and tabs; the rest is ordinary eval-mode whitespace
    this.skipWs(true)
    if (this.pos >= this.s.length) this.fail('empty header')
    const v = this.value()
    this.skipWs(true)
    if (this.pos < this.s.length) this.fail(`unexpected ${pyStrRepr(this.s[this.pos]!)} after the literal`)
    return v
  }

  /** Skip whitespace, comments and line continuations. Newlines count only inside brackets or at the ends. */
  private skipWs(newlinesOk = this.depth > 0): void {
    const s = this.s
    for (;;) {
      const c = s[this.pos]
      if (c === ' ' || c === '\t' || c === '\f') this.pos++
      else if ((c === '\n' || c === '\r') && newlinesOk) this.pos++
      else if (c === '\\' && (s[this.pos + 1] === '\n' || s[this.pos + 1] === '\r')) {
        this.pos += s[this.pos + 1] === '\r' && s[this.pos + 2] === '\n' ? 3 : 2
      } else if (c === '#') {
        while (this.pos < s.length && s[this.pos] !== '\n' && s[this.pos] !== '\r') this.pos++
      } else if ((c === '\n' || c === '\r') && !newlinesOk) {
        // a newline outside brackets ends the expression; only trailing blank lines may follow
        const rest = s.slice(this.pos)
        if (/^[\s]*(#[^\n\r]*[\s]*)*$/.test(rest)) { this.pos = s.length; return }
        this.fail('unexpected newline outside brackets')
      } else return
    }
  }

  private value(): PyValue {
    const s = this.s
    const c = s[this.pos]
    if (c === undefined) this.fail('unexpected end of header')
    if (c === '(' || c === '[' || c === '{') return this.container(c)
    if (c === "'" || c === '"') return this.strings()
    if (c === '-' || c === '+') return this.signed()
    if ((c >= '0' && c <= '9') || (c === '.' && /[0-9]/.test(s[this.pos + 1] ?? ''))) return this.number()
    NAME_RE.lastIndex = this.pos
    const m = NAME_RE.exec(s)
    if (m !== null) {
      const name = m[0]
      const next = s[this.pos + name.length]
      if ((next === "'" || next === '"') && /^(?:[rRuUbBfF]|[rR][bBfF]|[bBfF][rR])$/.test(name)) return this.strings()
      this.pos += name.length
      if (name === 'True') return true
      if (name === 'False') return false
      if (name === 'None') return null
      this.fail(`name ${name} is not a literal`, this.pos - name.length)
    }
    this.fail(`unexpected ${pyStrRepr(c)}`)
  }

  private container(open: '(' | '[' | '{'): PyValue {
    const close = open === '(' ? ')' : open === '[' ? ']' : '}'
    const start = this.pos
    this.pos++
    // Python's tokenizer allows 200 nested brackets; the limit also bounds this parser's recursion
    if (++this.depth > 200) this.fail('too many nested parentheses', start)
    const items: PyValue[] = []
    const entries: [PyValue, PyValue][] = []
    let trailingComma = false
    this.skipWs()
    while (this.s[this.pos] !== close) {
      if (this.pos >= this.s.length) this.fail(`${pyStrRepr(open)} was never closed`, start)
      const v = this.value()
      this.skipWs()
      if (open === '{') {
        if (this.s[this.pos] !== ':') this.fail(this.s[this.pos] === ',' || this.s[this.pos] === '}' ? 'sets are not supported in a .npy header' : "expected ':' in dict")
        this.pos++
        this.skipWs()
        const x = this.value()
        const at = entries.findIndex(([k]) => pyRepr(k) === pyRepr(v))
        if (at >= 0) entries[at] = [entries[at]![0], x]
        else entries.push([v, x])
        this.skipWs()
      } else items.push(v)
      trailingComma = false
      if (this.s[this.pos] === ',') {
        this.pos++
        trailingComma = true
        this.skipWs()
      } else if (this.s[this.pos] !== close) {
        if (this.pos >= this.s.length) this.fail(`${pyStrRepr(open)} was never closed`, start)
        this.fail(`expected ',' or ${pyStrRepr(close)}`)
      }
    }
    this.pos++
    this.depth--
    if (open === '{') return new PyDict(entries)
    if (open === '[') return items
    // (x) is x, (x,) and (x, y) are tuples, () is the empty tuple
    return items.length === 1 && !trailingComma ? items[0]! : new PyTuple(items)
  }

  private signed(): PyValue {
    const start = this.pos
    const neg = this.s[this.pos] === '-'
    this.pos++
    this.skipWs()
    let inner: PyValue
    if (this.s[this.pos] === '(') {
      inner = this.container('(')
    } else {
      const c = this.s[this.pos] ?? ''
      if (!/[0-9.]/.test(c)) this.fail('a unary sign must be followed by a number', start)
      inner = this.number()
    }
    if (typeof inner === 'bigint') return neg ? -inner : inner
    if (typeof inner === 'number') return neg ? -inner : inner
    return this.fail('a unary sign must be followed by a number', start)
  }

  private number(): PyValue {
    const s = this.s
    const start = this.pos
    FLOAT_RE.lastIndex = start
    const f = FLOAT_RE.exec(s)
    INT_RE.lastIndex = start
    const i = INT_RE.exec(s)
    let value: PyValue
    let end: number
    if (i !== null && (f === null || f[0].length <= i[0].length)) {
      const lit = i[0].replace(/_/g, '')
      end = start + i[0].length
      // a decimal literal with leading zeros is a syntax error in Python 3 (e.g. 01)
      if (/^0\d/.test(lit) && /[1-9]/.test(lit)) this.fail('leading zeros in decimal integer literals are not permitted', start)
      value = BigInt(/^0[oO]/.test(lit) ? '0o' + lit.slice(2) : lit)
      if (this.longs && s[end] === 'L') end++
    } else if (f !== null) {
      const lit = f[0]
      if (/^0\d/.test(lit) && !/[.eE]/.test(lit)) this.fail('leading zeros in decimal integer literals are not permitted', start)
      end = start + lit.length
      value = Number(lit.replace(/_/g, ''))
    } else {
      return this.fail('invalid number', start)
    }
    const next = s[end] ?? ''
    if (next === 'j' || next === 'J') this.fail('complex numbers are not supported in a .npy header', start)
    if (/[A-Za-z0-9_.]/.test(next)) this.fail(`invalid number literal ${pyStrRepr(s.slice(start, end + 1))}`, start)
    this.pos = end
    return value
  }

  /** One or more adjacent string literals, concatenated. */
  private strings(): string {
    let out = this.string()
    for (;;) {
      const save = this.pos
      this.skipWs()
      const m = /^(?:[rRuU]|)['"]/.exec(this.s.slice(this.pos, this.pos + 2))
      if (m === null) { this.pos = save; return out }
      out += this.string()
    }
  }

  private string(): string {
    const s = this.s
    const start = this.pos
    let prefix = ''
    while (/[A-Za-z]/.test(s[this.pos] ?? '')) prefix += s[this.pos++]
    const p = prefix.toLowerCase()
    if (p.includes('b')) this.fail('bytes literals are not supported in a .npy header', start)
    if (p.includes('f')) this.fail('f-strings are not literals', start)
    const raw = p.includes('r')
    const q = s[this.pos]!
    const triple = s[this.pos + 1] === q && s[this.pos + 2] === q
    this.pos += triple ? 3 : 1
    let out = ''
    for (;;) {
      const c = s[this.pos]
      if (c === undefined) this.fail('unterminated string literal', start)
      if (c === q && (!triple || (s[this.pos + 1] === q && s[this.pos + 2] === q))) {
        this.pos += triple ? 3 : 1
        return out
      }
      if ((c === '\n' || c === '\r') && !triple) this.fail('unterminated string literal', start)
      if (c !== '\\') { out += c; this.pos++; continue }
      const e = s[this.pos + 1]
      if (e === undefined) this.fail('unterminated string literal', start)
      if (raw) { out += c + e; this.pos += 2; continue }
      this.pos += 2
      switch (e) {
        case '\n': break
        case '\r': if (s[this.pos] === '\n') this.pos++; break
        case '\\': case "'": case '"': out += e; break
        case 'a': out += '\x07'; break
        case 'b': out += '\b'; break
        case 'f': out += '\f'; break
        case 'n': out += '\n'; break
        case 'r': out += '\r'; break
        case 't': out += '\t'; break
        case 'v': out += '\v'; break
        case 'x': case 'u': case 'U': {
          const n = e === 'x' ? 2 : e === 'u' ? 4 : 8
          const hex = s.slice(this.pos, this.pos + n)
          if (!new RegExp(`^[0-9a-fA-F]{${n}}$`).test(hex)) this.fail(`truncated \\${e} escape`, this.pos - 2)
          const cp = parseInt(hex, 16)
          if (cp > 0x10ffff) this.fail(`illegal Unicode character \\${e}${hex}`, this.pos - 2)
          out += String.fromCodePoint(cp)
          this.pos += n
          break
        }
        case 'N': return this.fail('\\N{...} escapes are not supported in a .npy header', this.pos - 2)
        default:
          if (e >= '0' && e <= '7') {
            let oct = e
            while (oct.length < 3 && /[0-7]/.test(s[this.pos] ?? '')) oct += s[this.pos++]
            out += String.fromCodePoint(parseInt(oct, 8))
          } else out += '\\' + e
      }
    }
  }
}

// ------------------------------------------------------------------------------------------------
// descr → dtype

export type ByteOrder = '<' | '>' | '|' | '='

export interface ResolvedDescr {
  /** The descr string as it appeared in the header. */
  readonly descr: string
  readonly dtype: DTypeName
  /** The byte order character of the descr ('=' when it had none). */
  readonly byteOrder: ByteOrder
  /** The data must be byte-swapped into native order. */
  readonly swap: boolean
}

const CODE_DTYPES: Readonly<Record<string, DTypeName>> = {
  '?': 'bool', b: 'int8', B: 'uint8', h: 'int16', H: 'uint16', i: 'int32', I: 'uint32',
  l: 'int64', L: 'uint64', q: 'int64', Q: 'uint64', p: 'int64', P: 'uint64', e: 'float16', f: 'float32', d: 'float64',
}

const KIND_DTYPES: Readonly<Record<string, DTypeName>> = {
  b1: 'bool', i1: 'int8', u1: 'uint8', i2: 'int16', u2: 'uint16', i4: 'int32', u4: 'uint32',
  i8: 'int64', u8: 'uint64', f2: 'float16', f4: 'float32', f8: 'float64',
}

const UNSUPPORTED: ReadonlyArray<readonly [RegExp, string]> = [
  [/^(?:O\d*|object_?)$/, 'it is an object dtype: the data is a Python pickle, which strided never loads'],
  [/^(?:c\d+|[FDG]|complex\w*|c?longdouble|clongdouble)$/, 'complex dtypes are not supported'],
  [/^(?:f0*(?:10|12|16)|g|longdouble|float96|float128)$/, 'long double is not supported'],
  [/^(?:[USa]\d*|str_?|bytes_?|unicode)$/, 'string dtypes are not supported'],
  [/^(?:V\d*|void)$/, 'void (raw bytes) dtypes are not supported'],
  [/^(?:[Mm]8?(?:\[\w+\])?|datetime64(?:\[\w+\])?|timedelta64(?:\[\w+\])?)$/, 'datetime and timedelta dtypes are not supported'],
  [/^T$/, 'StringDType is not supported'],
]

const SUPPORTED = `supported: ${DTYPE_NAMES.map((n) => DTYPES[n].descr).join(', ')} and their big-endian forms`

function containsObject(v: PyValue): boolean {
  if (typeof v === 'string') return /^[<>|=]?(?:O\d*|object)$/.test(v)
  if (Array.isArray(v)) return v.some(containsObject)
  if (v instanceof PyTuple) return v.items.some(containsObject)
  if (v instanceof PyDict) return v.entries.some(([, x]) => containsObject(x))
  return false
}

/**
 * The strided dtype for a header's descr. Strings NumPy understands for the twelve supported dtypes are
 * accepted in any byte order ('<f8', '>i4', '|b1', '=u2', 'f8', 'd', '?', 'float64'); a recognised but
 * unsupported dtype (object, structured, complex, long double, strings, datetimes, ...) is a DTypeError naming
 * the descr; a descr that is no dtype description at all is an NpyFormatError.
 */
export function resolveDescr(descr: PyValue): ResolvedDescr {
  if (Array.isArray(descr) || descr instanceof PyDict) {
    const what = containsObject(descr) ? 'a structured dtype containing Python objects (stored as a pickle)' : 'a structured dtype'
    throw new DTypeError(`unsupported dtype descr ${shorten(pyRepr(descr))} in .npy header: ${what} is not supported; strided arrays hold one numeric dtype (${SUPPORTED})`)
  }
  if (descr instanceof PyTuple) {
    throw new DTypeError(`unsupported dtype descr ${shorten(pyRepr(descr))} in .npy header: sub-array and compound dtypes are not supported (${SUPPORTED})`)
  }
  if (typeof descr !== 'string') throw new NpyFormatError(`descr is not a valid dtype descriptor: ${shorten(pyRepr(descr))}`)
  const m = /^([<>|=]?)([\s\S]*)$/.exec(descr)!
  const order = (m[1] === '' ? '=' : m[1]) as ByteOrder
  const body = m[2]!
  let dt: DTypeName | undefined
  if (body.length === 1) dt = CODE_DTYPES[body]
  else {
    const k = /^([biuf])0*(\d+)$/.exec(body)
    if (k !== null) dt = KIND_DTYPES[k[1]! + k[2]!]
    else if (m[1] === '' && (DTYPE_NAMES as readonly string[]).includes(body)) dt = body as DTypeName
    else if (m[1] === '' && body === 'half') dt = 'float16'
  }
  if (dt === undefined) {
    for (const [re, why] of UNSUPPORTED) {
      if (re.test(body)) throw new DTypeError(`unsupported dtype descr ${shorten(pyStrRepr(descr))} in .npy header: ${why} (${SUPPORTED})`)
    }
    // not a dtype at all: a corrupt header, NumPy's "descr is not a valid dtype descriptor" ValueError
    throw new NpyFormatError(`descr is not a valid dtype descriptor: ${shorten(pyStrRepr(descr))} (data type not understood; ${SUPPORTED})`)
  }
  const itemsize = DTYPES[dt].itemsize
  const swap = itemsize > 1 && ((order === '>' && HOST_LITTLE_ENDIAN) || (order === '<' && !HOST_LITTLE_ENDIAN))
  return { descr, dtype: dt, byteOrder: order, swap }
}

// ------------------------------------------------------------------------------------------------
// the header dict

export interface HeaderFields extends ResolvedDescr {
  readonly fortranOrder: boolean
  readonly shape: number[]
}

const EXPECTED_KEYS = ['descr', 'fortran_order', 'shape'] as const

/**
 * Parse and validate a decoded header text as NumPy's `_read_array_header` does: a dict literal whose
 * keys are exactly descr, fortran_order and shape; shape a tuple of non-negative ints; fortran_order a
 * bool; descr a supported dtype. Checks run in NumPy's order (keys, shape, fortran_order, descr).
 */
export function parseHeaderText(text: string, version: NpyVersion = 1): HeaderFields {
  const d = parsePyLiteral(text, { python2Longs: version <= 2 })
  if (!(d instanceof PyDict)) throw new NpyFormatError(`Header is not a dictionary: ${shorten(pyRepr(d))}`)
  const keys = d.keys()
  const missing = EXPECTED_KEYS.filter((k) => !keys.includes(k))
  const extra = keys.filter((k) => typeof k !== 'string' || !(EXPECTED_KEYS as readonly string[]).includes(k))
  if (missing.length > 0 || extra.length > 0) {
    const parts: string[] = []
    if (missing.length > 0) parts.push(`missing ${missing.map(pyStrRepr).join(', ')}`)
    if (extra.length > 0) parts.push(`unexpected ${extra.map(pyRepr).join(', ')}`)
    const listed = keys.map((k) => shorten(pyRepr(k), 40)).sort()
    throw new NpyFormatError(`Header does not contain the correct keys: [${listed.join(', ')}] (${parts.join('; ')}; expected exactly 'descr', 'fortran_order', 'shape')`)
  }
  const shapeV = d.get('shape')!
  if (!(shapeV instanceof PyTuple) || !shapeV.items.every((x) => typeof x === 'bigint')) {
    throw new NpyFormatError(`shape is not valid: ${shorten(pyRepr(shapeV))} (expected a tuple of ints)`)
  }
  const dims = shapeV.items as readonly bigint[]
  if (dims.some((n) => n < 0n || n > BigInt(Number.MAX_SAFE_INTEGER))) {
    throw new NpyFormatError(`shape is not valid: ${shorten(pyRepr(shapeV))} (dimensions must be non-negative integers)`)
  }
  const shape = dims.map(Number)
  const fo = d.get('fortran_order')!
  if (typeof fo !== 'boolean') throw new NpyFormatError(`fortran_order is not a valid bool: ${shorten(pyRepr(fo))}`)
  const resolved = resolveDescr(d.get('descr')!)
  return { ...resolved, fortranOrder: fo, shape }
}

/** Python's repr of a shape tuple: (), (3,), (2, 3). */
export function shapeRepr(shape: readonly number[]): string {
  return shape.length === 1 ? `(${shape[0]},)` : `(${shape.join(', ')})`
}
