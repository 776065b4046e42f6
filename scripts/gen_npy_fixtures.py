#!/usr/bin/env python3
"""Generate the .npy golden files used by test/npy*.test.ts (spec section 9).

Run from the repository root with numpy 2.4.6:  python3 scripts/gen_npy_fixtures.py

Writes test/fixtures/npy/*.npy and test/fixtures/npy/manifest.json with three lists:

  read    files numpy wrote (or that were crafted by hand and checked with np.load): the TS reader must
          give the recorded dtype, shape, layout and values. `c_hex` is the array's data in C order,
          little-endian, as hex; `values` the same elements as JSON (bools; ints and floats as Python
          repr strings, so int64/uint64, nan, inf and -0.0 survive).
  write   files np.save wrote for arrays the TS test rebuilds from `recipe`; the TS writer must produce
          the same bytes. Element i of the base array is value(i, kind) below, mirrored in the test.
  errors  files numpy wrote with dtypes strided does not support; the reader must throw `error`
          with a message containing `match`.
"""
import io
import json
import os
import shutil
import sys
import warnings

import numpy as np
from numpy.lib import _format_impl as fmt

ROOT = os.path.join(os.path.dirname(os.path.abspath(__file__)), '..')
OUT = os.path.join(ROOT, 'test', 'fixtures', 'npy')

DTYPES = ['bool', 'int8', 'uint8', 'int16', 'uint16', 'int32', 'uint32', 'int64', 'uint64', 'float16', 'float32', 'float64']


def value(i, kind):
    """Element i of a recipe's base array (mirrored in test/npy.fixtures.test.ts)."""
    if kind == 'b':
        return i % 3 == 0
    if kind == 'i':
        return (i * 37) % 100 - 50
    if kind == 'u':
        return (i * 37) % 200
    return (i - 7) * 0.375


def elem_json(x, dt):
    if dt.kind == 'b':
        return bool(x)
    if dt.kind in 'iu':
        return str(int(x))
    return repr(float(x))


def describe(a):
    le = a.astype(a.dtype.newbyteorder('<'), order='C')
    return {
        'dtype': a.dtype.name,
        'shape': list(a.shape),
        'c_hex': le.tobytes(order='C').hex(),
        'values': [elem_json(x, a.dtype) for x in le.reshape(-1)],
    }


def header_info(path):
    with open(path, 'rb') as f:
        version = fmt.read_magic(f)
        shape, fortran, dtype = fmt._read_array_header(f, version, max_header_size=10 ** 9)
        return list(version), f.tell(), bool(fortran), dtype.str


manifest = {'numpy': np.__version__, 'read': [], 'write': [], 'errors': []}


def add_read(name, expect=None, note=''):
    """Record a read fixture; the expected array is what np.load gives (or `expect`)."""
    path = os.path.join(OUT, name)
    a = np.load(path) if expect is None else expect
    version, offset, fortran, descr = header_info(path)
    # strides (in elements) of np.load from memory, which is what fromNpy mirrors (np.load of a real file
    # differs only for 1-D empty arrays, where fromfile gives stride 0)
    with open(path, 'rb') as f:
        m = np.load(io.BytesIO(f.read()))
    strides = [s // m.itemsize for s in m.strides]
    entry = {'file': name, 'note': note, 'version': version, 'data_offset': offset,
             'fortran_order': fortran, 'descr': descr, 'strides': strides}
    entry.update(describe(a))
    manifest['read'].append(entry)


def save(name, a, version=None):
    path = os.path.join(OUT, name)
    with open(path, 'wb') as f:
        with warnings.catch_warnings():
            warnings.simplefilter('ignore')
            fmt.write_array(f, a, version=version)
    return path


def craft(name, header, data, version=(1, 0), align=None, pad=True, newline=True):
    """Write a file with a hand-written header text (no growth room, padding to `align`)."""
    lf = 2 if version[0] == 1 else 4
    enc = header.encode('latin-1' if version[0] < 3 else 'utf-8')
    tail = b'\n' if newline else b''
    if pad:
        align = align or 64
        padlen = (-(8 + lf + len(enc) + len(tail))) % align
        enc += b' ' * padlen
    enc += tail
    prefix = b'\x93NUMPY' + bytes(version) + len(enc).to_bytes(lf, 'little')
    with open(os.path.join(OUT, name), 'wb') as f:
        f.write(prefix + enc + data)


def base(dtype, n):
    dt = np.dtype(dtype)
    return np.array([value(i, dt.kind) for i in range(n)], dtype=dt)


def main():
    warnings.simplefilter('ignore', UserWarning)  # format 2.0/3.0 and Python 2 header notices
    if np.__version__ != '2.4.6':
        print(f'warning: expected numpy 2.4.6, found {np.__version__}', file=sys.stderr)
    shutil.rmtree(OUT, ignore_errors=True)
    os.makedirs(OUT)

    # ---------------------------------------------------------------- read: every dtype, extremes
    special = {
        'bool': [True, False, True, True, False, False],
        'int8': [-128, 127, 0, -1, 1, 42],
        'uint8': [0, 255, 1, 128, 127, 42],
        'int16': [-32768, 32767, 0, -1, 1, 1234],
        'uint16': [0, 65535, 1, 32768, 256, 4321],
        'int32': [-2 ** 31, 2 ** 31 - 1, 0, -1, 1, 123456789],
        'uint32': [0, 2 ** 32 - 1, 1, 2 ** 31, 65536, 987654321],
        'int64': [-2 ** 63, 2 ** 63 - 1, 0, -1, 2 ** 53 + 1, -(2 ** 53) - 1],
        'uint64': [0, 2 ** 64 - 1, 2 ** 63, 1, 2 ** 53 + 1, 12345678901234567890],
        'float16': [np.nan, np.inf, -np.inf, -0.0, 6e-08, 65504.0],
        'float32': [np.nan, np.inf, -np.inf, -0.0, 1e-45, 3.4028234663852886e38],
        'float64': [np.nan, np.inf, -np.inf, -0.0, 5e-324, 1.7976931348623157e308],
    }
    for name, vals in special.items():
        a = np.array(vals, dtype=name).reshape(2, 3)
        save(f'r_{name}_2x3_C.npy', a)
        add_read(f'r_{name}_2x3_C.npy', note=f'{name} extremes, C order')
        save(f'r_{name}_2x3_F.npy', np.asfortranarray(a))
        add_read(f'r_{name}_2x3_F.npy', note=f'{name} extremes, Fortran order')
    # 0-d and empty
    for name, a in [
        ('r_f8_0d.npy', np.array(2.5)),
        ('r_i8_0d.npy', np.array(-(2 ** 62), dtype=np.int64)),
        ('r_b1_0d.npy', np.array(True)),
        ('r_f8_empty.npy', np.zeros((0,))),
        ('r_i4_empty_2x0x3.npy', np.zeros((2, 0, 3), np.int32)),
        ('r_u1_empty_0x5.npy', np.zeros((0, 5), np.uint8)),
    ]:
        save(name, a)
        add_read(name, note='0-d or empty')
    # 3-D Fortran order
    for dt in ['float64', 'int16', 'uint32', 'bool']:
        a = np.asfortranarray(base(dt, 24).reshape(2, 3, 4))
        save(f'r_{dt}_2x3x4_F.npy', a)
        add_read(f'r_{dt}_2x3x4_F.npy', note='3-D Fortran order')
    a = np.asfortranarray(base('float32', 120).reshape(2, 3, 4, 5))
    save('r_float32_4d_F.npy', a)
    add_read('r_float32_4d_F.npy', note='4-D Fortran order')
    # big-endian
    for d in ['>f8', '>f4', '>f2', '>i2', '>i4', '>i8', '>u2', '>u4', '>u8']:
        dt = np.dtype(d)
        a = base(dt.newbyteorder('<'), 6).astype(dt).reshape(2, 3)
        tag = d[1:]
        save(f'r_be_{tag}_2x3.npy', a)
        add_read(f'r_be_{tag}_2x3.npy', note=f'big-endian {d}')
    a = np.array(special['float64'], '>f8').reshape(3, 2)
    save('r_be_f8_special.npy', a)
    add_read('r_be_f8_special.npy', note='big-endian nan/inf/-0.0/subnormal/max')
    a = np.asfortranarray(base('int32', 12).reshape(3, 4)).astype('>i4', order='F')
    save('r_be_i4_3x4_F.npy', a)
    add_read('r_be_i4_3x4_F.npy', note='big-endian Fortran order')
    save('r_be_u8_0d.npy', np.array(2 ** 64 - 2, '>u8'))
    add_read('r_be_u8_0d.npy', note='big-endian 0-d')
    # explicit versions 2.0 and 3.0
    save('r_v2_f8_2x3.npy', base('float64', 6).reshape(2, 3), version=(2, 0))
    add_read('r_v2_f8_2x3.npy', note='format 2.0')
    save('r_v3_i4_2x3x4_F.npy', np.asfortranarray(base('int32', 24).reshape(2, 3, 4)), version=(3, 0))
    add_read('r_v3_i4_2x3x4_F.npy', note='format 3.0, Fortran order')
    save('r_v2_u2_0d.npy', np.array(7, np.uint16), version=(2, 0))
    add_read('r_v2_u2_0d.npy', note='format 2.0, 0-d')

    # hand-crafted headers, each checked by np.load
    i4 = base('int32', 6).reshape(2, 3)
    craft('c_align16.npy', "{'descr': '<i4', 'fortran_order': False, 'shape': (2, 3), }", i4.tobytes(), align=16)
    add_read('c_align16.npy', note='old-style header padded to 16 bytes, no growth room')
    craft('c_double_quotes.npy', '{"descr": "<i4", "fortran_order": False, "shape": (2, 3)}', i4.tobytes(), pad=False)
    add_read('c_double_quotes.npy', note='double quotes, no trailing comma, no padding')
    craft('c_key_order.npy', "{'shape': (3, 2), 'fortran_order': True, 'descr': '<i4'}", i4.T.tobytes(order='F'), align=8)
    add_read('c_key_order.npy', note='keys in reverse order, Fortran order, 8-byte alignment')
    craft('c_whitespace.npy', "  {\n 'descr' :'<f8' ,\n\t'fortran_order':False,'shape':( 2 ,3 ,) ,\n}\n\n   ",
          base('float64', 6).tobytes(), align=32)
    add_read('c_whitespace.npy', note='arbitrary whitespace and newlines, trailing commas')
    craft('c_py2_long.npy', "{'descr': '<i4', 'fortran_order': False, 'shape': (2L, 3L), }", i4.tobytes())
    add_read('c_py2_long.npy', note='Python 2 long suffixes (accepted for versions 1.0 and 2.0)')
    craft('c_no_newline.npy', "{'descr': '<u1', 'fortran_order': False, 'shape': (4,)}", bytes([1, 2, 3, 250]), pad=False, newline=False)
    add_read('c_no_newline.npy', note='no padding and no final newline')
    craft('c_trailing_bytes.npy', "{'descr': '<f8', 'fortran_order': False, 'shape': (2,), }",
          np.array([1.5, -2.25]).tobytes() + b'extra bytes after the data')
    add_read('c_trailing_bytes.npy', note='bytes after the data are ignored')
    craft('c_comment_latin1.npy', "{'descr': '<f4', 'fortran_order': False, 'shape': (3,), } # caf\xe9",
          np.array([1, 2, 3], np.float32).tobytes())
    add_read('c_comment_latin1.npy', note='latin-1 byte in a header comment (v1)')
    craft('c_v3_utf8.npy', "{'descr': '<i2', 'fortran_order': False, 'shape': (3,), } # \u00fcber \u2603",
          np.array([1, -2, 3], np.int16).tobytes(), version=(3, 0))
    add_read('c_v3_utf8.npy', note='UTF-8 in a version 3.0 header comment')
    craft('c_descr_codes.npy', "{'descr': '>d', 'fortran_order': False, 'shape': (2,), }", np.array([0.5, -3.0], '>f8').tobytes())
    add_read('c_descr_codes.npy', note="descr as a type code '>d'")
    craft('c_descr_b1_lt.npy', "{'descr': '<?', 'fortran_order': False, 'shape': (3,), }", bytes([1, 0, 1]))
    add_read('c_descr_b1_lt.npy', note="bool as '<?'")
    craft('c_fortran_empty.npy', "{'descr': '<f8', 'fortran_order': True, 'shape': (0, 3), }", b'')
    add_read('c_fortran_empty.npy', note='empty array with fortran_order True')
    craft('c_fortran_ones.npy', "{'descr': '<u2', 'fortran_order': True, 'shape': (1, 3, 1, 2), }", np.arange(6, dtype='<u2').tobytes())
    add_read('c_fortran_ones.npy', note='Fortran order with length-1 axes')
    craft('c_fortran_empty_3d.npy', "{'descr': '<i2', 'fortran_order': True, 'shape': (2, 0, 3), }", b'')
    add_read('c_fortran_empty_3d.npy', note='3-D empty array with fortran_order True')
    craft('c_fortran_1d.npy', "{'descr': '<i8', 'fortran_order': True, 'shape': (3,), }", np.array([5, -6, 7], np.int64).tobytes())
    add_read('c_fortran_1d.npy', note='1-D with fortran_order True')
    craft('c_bool_raw_2.npy', "{'descr': '|b1', 'fortran_order': False, 'shape': (3,), }", bytes([0, 2, 1]))
    # numpy keeps the raw byte 2; record it as stored
    e = np.load(os.path.join(OUT, 'c_bool_raw_2.npy'))
    add_read('c_bool_raw_2.npy', note='bool byte 2 kept as stored (reads as True)')
    manifest['read'][-1]['raw_hex'] = e.view(np.uint8).tobytes().hex()

    # ---------------------------------------------------------------- write: np.save bytes for recipes
    def add_write(name, dtype, n, shape, ops=(), version=None):
        a = base(dtype, n).reshape(shape)
        for op in ops:
            kind = op['op']
            if kind == 'slice':
                a = eval(f"a[{op['expr']}]", {'a': a})
            elif kind == 'transpose':
                a = a.transpose(op.get('axes'))
            elif kind == 'copy':
                a = a.copy(order=op['order'])
            else:
                raise ValueError(kind)
        save(name, a, version=version)
        manifest['write'].append({
            'file': name, 'recipe': {'dtype': dtype, 'n': n, 'shape': list(shape), 'ops': list(ops), 'version': version and version[0]},
            'fortran_order': bool(a.flags.f_contiguous and not a.flags.c_contiguous),
            'flags': {'c': bool(a.flags.c_contiguous), 'f': bool(a.flags.f_contiguous)},
            'shape': list(a.shape),
        })

    F = {'op': 'copy', 'order': 'F'}
    for dt in DTYPES:
        add_write(f'w_{dt}_2x3_C.npy', dt, 6, (2, 3))
        add_write(f'w_{dt}_2x3_F.npy', dt, 6, (2, 3), [F])
        add_write(f'w_{dt}_1d.npy', dt, 7, (7,))
        add_write(f'w_{dt}_0d.npy', dt, 1, ())
        add_write(f'w_{dt}_strided.npy', dt, 20, (4, 5), [{'op': 'slice', 'expr': '::2, 1:'}])
    add_write('w_f8_empty.npy', 'float64', 0, (0,))
    add_write('w_i4_empty_2x0x3.npy', 'int32', 0, (2, 0, 3))
    add_write('w_f8_empty_3x0_F.npy', 'float64', 0, (3, 0), [F])
    add_write('w_i1_empty_bigdim.npy', 'int8', 0, (0, 10 ** 15))
    add_write('w_f8_1x5_F.npy', 'float64', 5, (1, 5), [F])
    add_write('w_f8_5x1_F.npy', 'float64', 5, (5, 1), [F])
    add_write('w_i2_2x3x4_F.npy', 'int16', 24, (2, 3, 4), [F])
    add_write('w_f4_2x3x4_F.npy', 'float32', 24, (2, 3, 4), [F])
    add_write('w_f8_T_3x4.npy', 'float64', 12, (3, 4), [{'op': 'transpose'}])
    add_write('w_u4_T_2x3x4.npy', 'uint32', 24, (2, 3, 4), [{'op': 'transpose'}])
    add_write('w_i1_T_1000x2.npy', 'int8', 2000, (1000, 2), [{'op': 'transpose'}])
    add_write('w_u1_1d_12345.npy', 'uint8', 12345, (12345,))
    add_write('w_i4_perm_102.npy', 'int32', 24, (2, 3, 4), [{'op': 'transpose', 'axes': [1, 0, 2]}])
    add_write('w_u2_neg_stride.npy', 'uint16', 12, (3, 4), [{'op': 'slice', 'expr': ':, ::-1'}])
    add_write('w_f8_rev_both.npy', 'float64', 12, (4, 3), [{'op': 'slice', 'expr': '::-1, ::-1'}])
    add_write('w_i8_rev_1d.npy', 'int64', 9, (9,), [{'op': 'slice', 'expr': '::-2'}])
    add_write('w_f4_col.npy', 'float32', 20, (4, 5), [{'op': 'slice', 'expr': ':, 2'}])
    add_write('w_u8_F_sliced.npy', 'uint64', 30, (5, 6), [F, {'op': 'slice', 'expr': '1:4, ::2'}])
    add_write('w_b1_F_rows.npy', 'bool', 30, (5, 6), [F, {'op': 'slice', 'expr': ':, 1:3'}])
    add_write('w_f8_v2.npy', 'float64', 6, (2, 3), version=(2, 0))
    add_write('w_i4_v3_F.npy', 'int32', 24, (2, 3, 4), [F], version=(3, 0))
    add_write('w_u1_v2_0d.npy', 'uint8', 1, (), version=(2, 0))

    # header that does not fit version 1.0: numpy switches to 2.0 (np.load itself refuses ndim > 64,
    # so numpy's header writer is called directly, followed by the one element)
    shape = (1,) * 21900
    f = io.BytesIO()
    with warnings.catch_warnings():
        warnings.simplefilter('ignore')
        fmt._write_array_header(f, {'descr': '<f8', 'fortran_order': False, 'shape': shape})
    with open(os.path.join(OUT, 'w_f8_v2_auto_ndim21900.npy'), 'wb') as fh:
        fh.write(f.getvalue() + np.array([value(0, 'f')]).tobytes())
    # the shape is stored as {'ones': ndim} to keep the manifest small
    manifest['write'].append({
        'file': 'w_f8_v2_auto_ndim21900.npy', 'recipe': {'dtype': 'float64', 'n': 1, 'shape': {'ones': len(shape)}, 'ops': [], 'version': None},
        'fortran_order': False, 'flags': {'c': True, 'f': True}, 'shape': {'ones': len(shape)},
    })

    # ---------------------------------------------------------------- errors: unsupported dtypes numpy writes
    def add_error(name, a, error, match):
        save(name, a)
        manifest['errors'].append({'file': name, 'error': error, 'match': match, 'descr': repr(fmt.dtype_to_descr(a.dtype))})

    add_error('e_object.npy', np.array([1, 'a', None], dtype=object), 'DTypeError', "'|O'")
    add_error('e_structured.npy', np.zeros(2, dtype=[('x', '<f4'), ('y', '<i8')]), 'DTypeError', "[('x', '<f4'), ('y', '<i8')]")
    add_error('e_structured_object.npy', np.zeros(2, dtype=[('x', '<f8'), ('o', 'O')]), 'DTypeError', 'Python objects')
    add_error('e_complex128.npy', np.array([1 + 2j, 3j]), 'DTypeError', "'<c16'")
    add_error('e_complex64.npy', np.array([1 + 2j], np.complex64), 'DTypeError', "'<c8'")
    add_error('e_longdouble.npy', np.zeros(2, np.longdouble), 'DTypeError', "'<f16'")
    add_error('e_unicode.npy', np.array(['ab', 'c']), 'DTypeError', "'<U2'")
    add_error('e_bytes.npy', np.array([b'ab', b'c']), 'DTypeError', "'|S2'")
    add_error('e_datetime.npy', np.array(['2020-01-01'], 'M8[D]'), 'DTypeError', "'<M8[D]'")
    add_error('e_subarray.npy', np.zeros(2, dtype=[('v', '<f8', (3,))]), 'DTypeError', "('v', '<f8', (3,))")

    manifest['read'].sort(key=lambda e: e['file'])
    with open(os.path.join(OUT, 'manifest.json'), 'w') as f:
        # one entry per line
        f.write('{"numpy": %s' % json.dumps(manifest['numpy']))
        for key in ['read', 'write', 'errors']:
            f.write(',\n"%s": [\n' % key)
            f.write(',\n'.join(json.dumps(e, separators=(',', ':')) for e in manifest[key]))
            f.write('\n]')
        f.write('}\n')
    total = sum(os.path.getsize(os.path.join(OUT, x)) for x in os.listdir(OUT))
    print(f"wrote {len(os.listdir(OUT))} files, {total} bytes to {os.path.relpath(OUT, ROOT)}")


if __name__ == '__main__':
    main()
