/**
 * .npy header parsing and every error path of the reader and writer: typed errors whose messages name
 * the offending value.
 */
import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import { DTypeError, NpyFormatError, ValueError, arange, fromNpy, readNpyHeader, toNpy, zeros } from '@strided/core'
import { PyDict, PyTuple, parseHeaderText, parsePyLiteral, pyRepr, resolveDescr } from '../packages/core/src/npy/header.js'
import { npyHeaderBytes, headerText } from '../packages/core/src/npy/write.js'

/** A .npy file with a hand-written header: padded with spaces and '\n' to `align` unless pad is false. */
function craft(header: string, data: Uint8Array = new Uint8Array(0), opts: { version?: number; minor?: number; align?: number; pad?: boolean; utf8?: boolean } = {}): Uint8Array {
  const version = opts.version ?? 1
  const lf = version === 1 ? 2 : 4
  let text = header
  if (opts.pad ?? true) {
    const align = opts.align ?? 64
    const used = 8 + lf + Buffer.byteLength(text, opts.utf8 ? 'utf8' : 'latin1') + 1
    text += ' '.repeat((align - (used % align)) % align) + '\n'
  }
  const enc = Buffer.from(text, opts.utf8 ? 'utf8' : 'latin1')
  const out = new Uint8Array(8 + lf + enc.length + data.length)
  out.set([0x93, 0x4e, 0x55, 0x4d, 0x50, 0x59, version, opts.minor ?? 0])
  const dv = new DataView(out.buffer)
  if (lf === 2) dv.setUint16(8, enc.length, true)
  else dv.setUint32(8, enc.length, true)
  out.set(enc, 8 + lf)
  out.set(data, 8 + lf + enc.length)
  return out
}

const dict = (descr: string, fortran: string, shape: string): string => `{'descr': ${descr}, 'fortran_order': ${fortran}, 'shape': ${shape}, }`
const f8 = (n: number): Uint8Array => new Uint8Array(new Float64Array(Array.from({ length: n }, (_, i) => i + 0.5)).buffer)

function thrown(fn: () => unknown): Error {
  try { fn() } catch (e) { return e as Error }
  throw new Error('expected an error')
}

describe('Python literal parser', () => {
  it('parses the values a header holds', () => {
    expect(parsePyLiteral("'<f8'")).toBe('<f8')
    expect(parsePyLiteral('"<f8"')).toBe('<f8')
    expect(parsePyLiteral("'a' \"b\" 'c'")).toBe('abc')
    expect(parsePyLiteral("u'x'")).toBe('x')
    expect(parsePyLiteral("r'\\n'")).toBe('\\n')
    expect(parsePyLiteral("'''tri'ple'''")).toBe("tri'ple")
    expect(parsePyLiteral("'\\x41\\u00e9\\n\\t\\\\\\'\\101\\q'")).toBe("Aé\n\t\\'A\\q")
    expect(parsePyLiteral('True')).toBe(true)
    expect(parsePyLiteral('False')).toBe(false)
    expect(parsePyLiteral('None')).toBe(null)
    expect(parsePyLiteral('123')).toBe(123n)
    expect(parsePyLiteral('-7')).toBe(-7n)
    expect(parsePyLiteral('+ 7')).toBe(7n)
    expect(parsePyLiteral('-(3)')).toBe(-3n)
    expect(parsePyLiteral('1_000')).toBe(1000n)
    expect(parsePyLiteral('0x1F')).toBe(31n)
    expect(parsePyLiteral('0o17')).toBe(15n)
    expect(parsePyLiteral('0b101')).toBe(5n)
    expect(parsePyLiteral('00')).toBe(0n)
    expect(parsePyLiteral('123456789012345678901234567890')).toBe(123456789012345678901234567890n)
    expect(parsePyLiteral('2.5')).toBe(2.5)
    expect(parsePyLiteral('2.')).toBe(2)
    expect(parsePyLiteral('.5e1')).toBe(5)
    expect(parsePyLiteral('1e3')).toBe(1000)
    expect(parsePyLiteral('()')).toEqual(new PyTuple([]))
    expect(parsePyLiteral('(3,)')).toEqual(new PyTuple([3n]))
    expect(parsePyLiteral('(3)')).toBe(3n)
    expect(parsePyLiteral('( 2 ,\n 3 , )')).toEqual(new PyTuple([2n, 3n]))
    expect(parsePyLiteral("[('x', '<f4'), ('y', '<i8', (2,))]")).toEqual([new PyTuple(['x', '<f4']), new PyTuple(['y', '<i8', new PyTuple([2n])])])
    expect(parsePyLiteral('{}')).toEqual(new PyDict([]))
    expect(parsePyLiteral("  \t{'a': 1, # comment\n 'b': 2,}\n\n  \n")).toEqual(new PyDict([['a', 1n], ['b', 2n]]))
    expect(parsePyLiteral("{'a': 1, 'a': 2}")).toEqual(new PyDict([['a', 2n]]))
    expect(parsePyLiteral("{'a': \\\n 1}")).toEqual(new PyDict([['a', 1n]]))
    expect(parsePyLiteral('('.repeat(200) + ')'.repeat(200))).toBeInstanceOf(PyTuple)
  })

  it('accepts Python 2 long suffixes only when asked (versions 1.0 and 2.0)', () => {
    expect(parsePyLiteral('(2L, 3L)', { python2Longs: true })).toEqual(new PyTuple([2n, 3n]))
    expect(() => parsePyLiteral('(2L, 3L)')).toThrow(/invalid number literal '2L'/)
  })

  it('rejects what ast.literal_eval rejects, naming the text and position', () => {
    const bad: [string, RegExp][] = [
      ['', /empty header/],
      ["{'a': 1", /'\{' was never closed at position 0/],
      ["{'a' 1}", /expected ':'/],
      ['{1, 2}', /sets are not supported/],
      ['(1 2)', /expected ',' or '\)'/],
      ["{'descr': <f8}", /unexpected '<'/],
      ['{x: 1}', /name x is not a literal/],
      ["'abc", /unterminated string literal/],
      ["'a\nb'", /unterminated string literal/],
      ["b'x'", /bytes literals are not supported/],
      ["f'x'", /f-strings are not literals/],
      ['01', /leading zeros/],
      ['3x', /invalid number literal '3x'/],
      ['1j', /complex numbers/],
      ['--1', /unary sign must be followed by a number/],
      ['-True', /unary sign must be followed by a number/],
      ['{} {}', /unexpected '\{' after the literal/],
      ["'\\x4'", /truncated \\x escape/],
      ['{1: 2}\n3', /unexpected '3' after the literal at position 7/],
      ['{1: \v2}', /unexpected '\\x0b'/],
      ['('.repeat(201) + ')'.repeat(201), /too many nested parentheses at position 200/],
    ]
    for (const [text, re] of bad) {
      const e = thrown(() => parsePyLiteral(text))
      expect(e, text).toBeInstanceOf(NpyFormatError)
      expect(e, text).toBeInstanceOf(ValueError)
      expect(e.message, text).toMatch(/^Cannot parse header: /)
      expect(e.message, text).toMatch(re)
    }
  })

  it('repr matches Python', () => {
    expect(pyRepr(parsePyLiteral("{'descr': '<f8', 'fortran_order': False, 'shape': (3,), 'x': [None, 1.5, -2, ()]}")))
      .toBe("{'descr': '<f8', 'fortran_order': False, 'shape': (3,), 'x': [None, 1.5, -2, ()]}")
    expect(pyRepr("it's")).toBe('"it\'s"')
    expect(pyRepr('a\'b"c\n')).toBe("'a\\'b\"c\\n'")
    expect(pyRepr(2)).toBe('2.0')
  })

  it('header dicts with any key order, quoting and whitespace parse the same (fast-check)', () => {
    fc.assert(fc.property(
      fc.constantFrom(0, 1, 2, 3, 4, 5), fc.constantFrom("'", '"'), fc.constantFrom('', ' ', '  ', '\n', '\t', ' \n '),
      fc.boolean(), fc.array(fc.nat(99), { maxLength: 4 }), fc.boolean(), fc.constantFrom('<f8', '>i4', '|b1', '<u2', 'f4', '?', 'float64'),
      (perm, q, ws, trailing, shape, fortran, descr) => {
        const items = [
          `${q}descr${q}${ws}:${ws}${q}${descr}${q}`,
          `${q}fortran_order${q}:${ws}${fortran ? 'True' : 'False'}`,
          `${q}shape${q}:${ws}(${shape.join(`,${ws}`)}${shape.length === 1 ? ',' : ''})`,
        ]
        const orders = [[0, 1, 2], [0, 2, 1], [1, 0, 2], [1, 2, 0], [2, 0, 1], [2, 1, 0]][perm]!
        const text = `${ws}{${ws}${orders.map((i) => items[i]).join(`,${ws}`)}${trailing ? ',' : ''}${ws}}${ws}`
        const h = parseHeaderText(text)
        expect(h.shape).toEqual(shape)
        expect(h.fortranOrder).toBe(fortran)
        expect(h.descr).toBe(descr)
      },
    ), { numRuns: 200 })
  })

  it('maps every spelling of the supported dtypes', () => {
    const cases: [string, string, boolean][] = [
      ['<f8', 'float64', false], ['>f8', 'float64', true], ['=f8', 'float64', false], ['|f8', 'float64', false], ['f8', 'float64', false],
      ['<d', 'float64', false], ['float64', 'float64', false], ['<f4', 'float32', false], ['>f', 'float32', true],
      ['|b1', 'bool', false], ['<b1', 'bool', false], ['>?', 'bool', false], ['?', 'bool', false], ['bool', 'bool', false],
      ['|i1', 'int8', false], ['>i1', 'int8', false], ['b', 'int8', false], ['|u1', 'uint8', false], ['B', 'uint8', false],
      ['>i2', 'int16', true], ['<h', 'int16', false], ['>u2', 'uint16', true], ['H', 'uint16', false],
      ['>i4', 'int32', true], ['<i', 'int32', false], ['>u4', 'uint32', true], ['I', 'uint32', false],
      ['>i8', 'int64', true], ['<l', 'int64', false], ['<q', 'int64', false], ['<p', 'int64', false], ['<i08', 'int64', false],
      ['>u8', 'uint64', true], ['<L', 'uint64', false], ['Q', 'uint64', false], ['P', 'uint64', false],
    ]
    for (const [descr, dt, swap] of cases) {
      const r = resolveDescr(descr)
      expect([descr, r.dtype, r.swap]).toEqual([descr, dt, swap])
    }
  })
})

describe('reader errors', () => {
  const good = craft(dict("'<f8'", 'False', '(2, 3)'), f8(6))

  it('reads a well-formed crafted file', () => {
    expect(fromNpy(good).toArray()).toEqual([[0.5, 1.5, 2.5], [3.5, 4.5, 5.5]])
  })

  it('bad magic: names the bytes found', () => {
    const cases: [Uint8Array, RegExp][] = [
      [new Uint8Array(0), /input is empty/],
      [Buffer.from('NUMPY\x01\x00', 'latin1'), /magic string is not correct; expected b'\\x93NUMPY', got b'NUMPY\\x01'/],
      [Buffer.from('PK\x03\x04\x14\x00\x00\x00', 'latin1'), /got b'PK\\x03\\x04\\x14\\x00'.*zip archive such as an \.npz/],
      [Buffer.from('\x93NUMPZ\x01\x00', 'latin1'), /got b'\\x93NUMPZ'/],
      [Buffer.from('\x80\x04\x95', 'latin1'), /got b'\\x80\\x04\\x95'/],
    ]
    for (const [bytes, re] of cases) {
      const e = thrown(() => fromNpy(bytes))
      expect(e).toBeInstanceOf(NpyFormatError)
      expect(e.message).toMatch(re)
    }
  })

  it('unsupported versions', () => {
    for (const [major, minor] of [[4, 0], [0, 0], [1, 1], [2, 5], [255, 0]] as const) {
      const bytes = craft(dict("'<f8'", 'False', '(2, 3)'), f8(6), { version: major === 1 ? 1 : 2, minor })
      bytes[6] = major
      const e = thrown(() => fromNpy(bytes))
      expect(e).toBeInstanceOf(NpyFormatError)
      expect(e.message).toContain(`not (${major}, ${minor})`)
    }
  })

  it('truncated magic, length field, header and data', () => {
    const v2 = craft(dict("'<f8'", 'False', '(2, 3)'), f8(6), { version: 2 })
    const cases: [Uint8Array, RegExp][] = [
      [good.subarray(0, 5), /EOF: reading magic string, expected 8 bytes got 5/],
      [good.subarray(0, 9), /EOF: reading array header length, expected 2 bytes got 1/],
      [v2.subarray(0, 10), /EOF: reading array header length, expected 4 bytes got 2/],
      [good.subarray(0, 100), /EOF: reading array header, expected 118 bytes got 90/],
      [good.subarray(0, 128 + 8 * 4 + 3), /Expected \(2, 3\) = 6 elements, could only read 4 elements/],
      [good.subarray(0, 128), /Expected \(2, 3\) = 6 elements, could only read 0 elements/],
      [craft(dict("'<f8'", 'False', '(1000000000, 1000000000)'), f8(1)), /Expected \(1000000000, 1000000000\) = 1000000000000000000 elements, could only read 1/],
      [craft(dict("'<f8'", 'False', '(9007199254740991, 9007199254740991)')), /= 81129638414606663681390495662081 elements, could only read 0 elements/],
    ]
    for (const [bytes, re] of cases) {
      const e = thrown(() => fromNpy(bytes))
      expect(e).toBeInstanceOf(NpyFormatError)
      expect(e.message).toMatch(re)
    }
  })

  it('header too long: refused past 10000 characters unless maxHeaderSize allows it', () => {
    const base = dict("'<f8'", 'False', '(2,)')
    const at = (n: number): Uint8Array => craft(base + ' '.repeat(n - base.length - 1) + '\n', f8(2), { pad: false })
    expect(readNpyHeader(at(10000)).headerLength).toBe(10000)
    const e = thrown(() => fromNpy(at(10001)))
    expect(e).toBeInstanceOf(NpyFormatError)
    expect(e.message).toMatch(/Header info length \(10001\) is large.*maxHeaderSize = 10000/)
    expect(fromNpy(at(10001), { maxHeaderSize: 10001 }).toArray()).toEqual([0.5, 1.5])
    expect(() => fromNpy(good, { maxHeaderSize: 100 })).toThrow(/\(118\).*maxHeaderSize = 100\b/)
    // v3 counts characters, not bytes
    const u = dict("'<f8'", 'False', '(2,)') + ' # ' + 'é'.repeat(40)
    const v3 = craft(u, f8(2), { version: 3, utf8: true })
    const chars = [...readNpyHeader(v3).text].length
    expect(readNpyHeader(v3).headerLength).toBeGreaterThan(chars)
    expect(() => fromNpy(v3, { maxHeaderSize: chars - 1 })).toThrow(`(${chars})`)
    expect(fromNpy(v3, { maxHeaderSize: chars }).size).toBe(2)
  })

  it('bad header literals', () => {
    const cases: [string, RegExp][] = [
      ["{'descr': '<f8', 'fortran_order': False, 'shape': (2, 3}", /Cannot parse header: .*expected ',' or '\)'/],
      ["{'descr': <f8, 'fortran_order': False, 'shape': (2, 3)}", /Cannot parse header: .*unexpected '<'/],
      ["{'descr': '<f8', 'fortran_order': false, 'shape': (2, 3)}", /name false is not a literal/],
      ["{'descr': '<f8', 'fortran_order': False, 'shape': (2L, 3)}", /invalid number literal '2L'/], // only v3 below
      ['', /empty header/],
      ["[('descr', '<f8')]", /Header is not a dictionary: \[\('descr', '<f8'\)\]/],
      ["'<f8'", /Header is not a dictionary: '<f8'/],
    ]
    for (const [text, re] of cases) {
      const e = thrown(() => fromNpy(craft(text, f8(6), { version: 3 })))
      expect(e, text).toBeInstanceOf(NpyFormatError)
      expect(e.message, text).toMatch(re)
    }
    // the same Python 2 suffix is fine in versions 1.0 and 2.0
    expect(fromNpy(craft("{'descr': '<f8', 'fortran_order': False, 'shape': (2L, 3)}", f8(6), { version: 2 })).shape).toEqual([2, 3])
  })

  it('invalid UTF-8 in a version 3.0 header', () => {
    const bytes = craft(dict("'<f8'", 'False', '(2,)') + ' # xx', f8(2), { version: 3 })
    const at = bytes.indexOf(0x23) + 2
    bytes[at] = 0xff
    bytes[at + 1] = 0xfe
    expect(() => fromNpy(bytes)).toThrow(/version 3.0 header is not valid UTF-8/)
    // the same bytes are fine as latin-1 in version 2.0
    bytes[6] = 2
    expect(fromNpy(bytes).size).toBe(2)
  })

  it('missing and extra keys are named', () => {
    const cases: [string, RegExp][] = [
      ["{'descr': '<f8', 'shape': (2, 3)}", /correct keys: \['descr', 'shape'\] \(missing 'fortran_order'; expected exactly/],
      ["{'descr': '<f8', 'fortran_order': False, 'shape': (2, 3), 'extra': 1}", /\['descr', 'extra', 'fortran_order', 'shape'\] \(unexpected 'extra'/],
      ["{'descr': '<f8', 'fortran_order': False, 'Shape': (2, 3)}", /missing 'shape'; unexpected 'Shape'/],
      ["{'descr': '<f8', 'fortran_order': False, 'shape': (2, 3), 1: 2}", /unexpected 1;/],
      ['{}', /correct keys: \[\] \(missing 'descr', 'fortran_order', 'shape'/],
    ]
    for (const [text, re] of cases) {
      const e = thrown(() => fromNpy(craft(text, f8(6))))
      expect(e, text).toBeInstanceOf(NpyFormatError)
      expect(e.message, text).toMatch(/^Header does not contain the correct keys/)
      expect(e.message, text).toMatch(re)
    }
  })

  it('invalid shape, fortran_order and descr values are named', () => {
    const cases: [string, RegExp][] = [
      [dict("'<f8'", 'False', '[2, 3]'), /shape is not valid: \[2, 3\]/],
      [dict("'<f8'", 'False', '(2.0, 3)'), /shape is not valid: \(2.0, 3\)/],
      [dict("'<f8'", 'False', '(True, 3)'), /shape is not valid: \(True, 3\)/],
      [dict("'<f8'", 'False', '(-1,)'), /shape is not valid: \(-1,\) \(dimensions must be non-negative/],
      [dict("'<f8'", 'False', '(2**3,)'), /Cannot parse header/],
      [dict("'<f8'", 'False', '6'), /shape is not valid: 6/],
      [dict("'<f8'", 'False', '(99999999999999999999,)'), /shape is not valid: \(99999999999999999999,\)/],
      [dict("'<f8'", '1', '(2, 3)'), /fortran_order is not a valid bool: 1/],
      [dict("'<f8'", "'False'", '(2, 3)'), /fortran_order is not a valid bool: 'False'/],
      [dict("'<f8'", 'None', '(2, 3)'), /fortran_order is not a valid bool: None/],
      [dict('5', 'False', '(2, 3)'), /descr is not a valid dtype descriptor: 5/],
      [dict('None', 'False', '(2, 3)'), /descr is not a valid dtype descriptor: None/],
    ]
    for (const [text, re] of cases) {
      const e = thrown(() => fromNpy(craft(text, f8(6))))
      expect(e, text).toBeInstanceOf(NpyFormatError)
      expect(e.message, text).toMatch(re)
    }
  })

  it('unsupported descrs are DTypeErrors naming the descr', () => {
    const cases: [string, RegExp][] = [
      ["'|O'", /descr '\|O' .*object dtype: the data is a Python pickle/],
      ["'O'", /descr 'O' .*Python pickle/],
      ["[('x', '<f4'), ('y', '<i8')]", /descr \[\('x', '<f4'\), \('y', '<i8'\)\] .*structured dtype is not supported/],
      ["[('x', '<f8'), ('o', '|O')]", /structured dtype containing Python objects/],
      ["('<f8', (2,))", /descr \('<f8', \(2,\)\) .*sub-array/],
      ["{'names': ['a'], 'formats': ['<f8']}", /structured dtype/],
      ["'<c16'", /descr '<c16' .*complex/],
      ["'<c8'", /descr '<c8' .*complex/],
      ["'<F'", /complex/],
      ["'<f16'", /descr '<f16' .*long double/],
      ["'<U3'", /descr '<U3' .*string dtypes/],
      ["'|S3'", /string dtypes/],
      ["'|V8'", /void/],
      ["'<M8[ns]'", /descr '<M8\[ns\]' .*datetime/],
      ["'<m8[s]'", /timedelta/],
    ]
    for (const [descr, re] of cases) {
      const e = thrown(() => fromNpy(craft(dict(descr, 'False', '(2,)'), f8(2))))
      expect(e, descr).toBeInstanceOf(DTypeError)
      expect(e.message, descr).toMatch(/^unsupported dtype descr /)
      expect(e.message, descr).toMatch(re)
      expect(e.message, descr).toMatch(/supported: \|b1, \|i1, \|u1, <i2/)
    }
  })

  it('a descr that is no dtype at all is an NpyFormatError naming it (NumPy: ValueError "descr is not a valid dtype descriptor")', () => {
    for (const descr of ["'x'", "'<x9'", "'<int64'", "'<b2'", "' <f8'", "''"]) {
      const e = thrown(() => fromNpy(craft(dict(descr, 'False', '(2,)'), f8(2))))
      expect(e, descr).toBeInstanceOf(NpyFormatError)
      expect(e, descr).not.toBeInstanceOf(DTypeError)
      expect(e.message, descr).toContain(`descr is not a valid dtype descriptor: ${descr}`)
      expect(e.message, descr).toMatch(/not understood; supported: \|b1, \|i1/)
    }
  })

  it('rejects inputs that are not bytes', () => {
    expect(() => fromNpy('abc' as unknown as Uint8Array)).toThrow(/expected a Uint8Array or ArrayBuffer, got \[object String\]/)
  })
})

describe('writer', () => {
  it("builds NumPy's header text", () => {
    expect(headerText('<f8', false, [2, 3])).toBe("{'descr': '<f8', 'fortran_order': False, 'shape': (2, 3), }" + ' '.repeat(20))
    expect(headerText('<f8', true, [2, 345])).toBe("{'descr': '<f8', 'fortran_order': True, 'shape': (2, 345), }" + ' '.repeat(18))
    expect(headerText('|b1', false, [7])).toBe("{'descr': '|b1', 'fortran_order': False, 'shape': (7,), }" + ' '.repeat(20))
    expect(headerText('<i8', false, [])).toBe("{'descr': '<i8', 'fortran_order': False, 'shape': (), }")
  })

  it('spec §9.2 observations: (2,3) f8 data at 128, 0-d f8 is 136 bytes, (0,) int8 is 128 bytes, v2 HLEN 116', () => {
    const b = toNpy(arange(6).reshape([2, 3]))
    expect(readNpyHeader(b).headerLength).toBe(118)
    expect(readNpyHeader(b).dataOffset).toBe(128)
    expect(toNpy(zeros([])).length).toBe(136)
    expect(toNpy(zeros([0], { dtype: 'int8' })).length).toBe(128)
    const v2 = toNpy(arange(6).reshape([2, 3]), { version: 2 })
    expect(readNpyHeader(v2).headerLength).toBe(116)
    expect(readNpyHeader(v2).dataOffset).toBe(128)
  })

  it('an explicit version 1.0 that cannot hold the header is an error; automatic choice moves to 2.0', () => {
    const shape = new Array<number>(22000).fill(1)
    const e = thrown(() => npyHeaderBytes('<f8', false, shape, 1))
    expect(e).toBeInstanceOf(NpyFormatError)
    expect(e.message).toMatch(/^Header length 660\d\d too big for version=\(1, 0\)/)
    expect(npyHeaderBytes('<f8', false, shape)[6]).toBe(2)
    expect(npyHeaderBytes('<f8', false, shape, 3)[6]).toBe(3)
  })

  it('rejects bad versions and non-arrays', () => {
    expect(() => toNpy(zeros([2]), { version: 4 as 1 })).toThrow(/we only support format version \(1,0\), \(2,0\), and \(3,0\), not 4/)
    expect(() => toNpy([1, 2] as never)).toThrow(DTypeError)
  })
})
