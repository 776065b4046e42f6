/**
 * Live interop with the local numpy: TS writes files that `np.load` checks (values, dtype, shape, Fortran
 * order, and that `np.save` of what it loaded gives the very same bytes), and numpy writes fresh random
 * arrays (every dtype, C/F order, strided views, big-endian, versions 2.0/3.0) that TS loads.
 * Skipped, with the reason in its name, without NumPy >= 2 (test/support/numpy.ts).
 */
import { spawnSync } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { DTYPE_NAMES, NDArray, load, save, toNpy, type DTypeName } from '@strided/core'
import { DTYPES } from '@strided/core/internal'
import { PYTHON, liveNumpyFor } from './support/numpy.js'

const live = liveNumpyFor('live numpy interop')
const skipReason = live.ok ? null : live.reason

function cOrderHex(a: NDArray): string {
  const isz = a.itemsize
  const src = new Uint8Array(a.buffer)
  const bs = a.byteStrides
  const out: string[] = []
  const idx = new Array<number>(a.ndim).fill(0)
  for (let i = 0; i < a.size; i++) {
    let off = a.byteOffset
    for (let k = 0; k < a.ndim; k++) off += idx[k]! * bs[k]!
    out.push(Buffer.from(src.subarray(off, off + isz)).toString('hex'))
    for (let k = a.ndim - 1; k >= 0; k--) {
      if (++idx[k]! < a.shape[k]!) break
      idx[k] = 0
    }
  }
  return out.join('')
}

/** Random bytes that are valid elements everywhere numpy compares values (bool 0/1, floats any bits). */
function randomArray(dt: DTypeName, shape: number[], order: 'C' | 'F', seed: number): NDArray {
  const a = NDArray.alloc(shape, dt, order)
  const u8 = new Uint8Array(a.buffer)
  let s = seed >>> 0 || 1
  for (let i = 0; i < u8.length; i++) {
    s ^= s << 13; s ^= s >>> 17; s ^= s << 5
    u8[i] = dt === 'bool' ? (s >>> 0) & 1 : (s >>> 0) & 0xff
  }
  return a
}

const PY_CHECK = String.raw`
import json, sys, io
import numpy as np
tmp = sys.argv[1]
spec = json.load(open(tmp + '/ts_manifest.json'))
report = []
for e in spec:
    path = tmp + '/' + e['file']
    a = np.load(path)
    buf = io.BytesIO(); np.save(buf, a)
    report.append({
        'file': e['file'], 'descr': a.dtype.str, 'shape': list(a.shape),
        'fortran': bool(a.flags.f_contiguous and not a.flags.c_contiguous),
        'c_hex': a.tobytes(order='C').hex(),
        'resave_identical': buf.getvalue() == open(path, 'rb').read(),
    })

# fresh random arrays for TS to load
rng = np.random.default_rng(int(sys.argv[2]))
out = []
def put(name, a, version=None):
    with open(tmp + '/' + name, 'wb') as f:
        np.lib.format.write_array(f, a, version=version)
    le = a.astype(a.dtype.newbyteorder('<'), order='C')
    out.append({'file': name, 'dtype': a.dtype.name, 'shape': list(a.shape),
                'fortran': bool(a.flags.f_contiguous and not a.flags.c_contiguous),
                'c_hex': le.tobytes(order='C').hex()})
names = ['bool', 'int8', 'uint8', 'int16', 'uint16', 'int32', 'uint32', 'int64', 'uint64', 'float32', 'float64']
for i, name in enumerate(names):
    dt = np.dtype(name)
    shape = tuple(int(x) for x in rng.integers(0, 5, size=int(rng.integers(0, 4))))
    if dt.kind == 'b':
        base = rng.integers(0, 2, size=shape).astype(bool)
    elif dt.kind == 'f':
        base = (rng.standard_normal(shape) * 10.0 ** int(rng.integers(-5, 5))).astype(dt)
    else:
        info = np.iinfo(dt)
        base = rng.integers(info.min, info.max, size=shape, dtype=dt, endpoint=True)
    put(f'np_{name}_C.npy', base)
    put(f'np_{name}_F.npy', np.asfortranarray(rng.integers(0, 100, size=(3, 4, 2)).astype(dt)))
    put(f'np_{name}_view.npy', rng.integers(0, 100, size=(5, 6)).astype(dt)[::-2, 1::2])
    if dt.itemsize > 1:
        put(f'np_{name}_be.npy', np.asfortranarray(rng.integers(0, 100, size=(2, 3)).astype(dt.newbyteorder('>'))))
    put(f'np_{name}_v{2 + i % 2}.npy', rng.integers(0, 100, size=(4,)).astype(dt), version=(2 + i % 2, 0))
print(json.dumps({'report': report, 'written': out}))
`

describe.skipIf(skipReason !== null)(`live numpy interop${skipReason === null ? '' : ` (skipped: ${skipReason})`}`, () => {
  let dir = ''
  afterAll(() => { if (dir !== '') rmSync(dir, { recursive: true, force: true }) })

  it('np.load reads what TS writes, and TS reads what numpy writes', () => {
    dir = mkdtempSync(join(tmpdir(), 'strided-npy-live-'))
    const seed = (Math.random() * 2 ** 31) | 0
    const cases: { file: string; a: NDArray }[] = []
    DTYPE_NAMES.forEach((dt, i) => {
      cases.push({ file: `ts_${dt}_C.npy`, a: randomArray(dt, [3, 4], 'C', seed + i) })
      cases.push({ file: `ts_${dt}_F.npy`, a: randomArray(dt, [2, 3, 4], 'F', seed + 100 + i) })
      cases.push({ file: `ts_${dt}_view.npy`, a: randomArray(dt, [5, 6], 'C', seed + 200 + i).slice('::-2, 1::2') })
      cases.push({ file: `ts_${dt}_T.npy`, a: randomArray(dt, [4, 3], 'C', seed + 300 + i).transpose() })
      cases.push({ file: `ts_${dt}_0d.npy`, a: randomArray(dt, [], 'C', seed + 400 + i) })
    })
    cases.push({ file: 'ts_empty_F.npy', a: randomArray('float64', [0, 3], 'F', 1) })
    cases.push({ file: 'ts_perm.npy', a: randomArray('int32', [2, 3, 4], 'C', seed).transpose([2, 0, 1]) })
    const spec = cases.map(({ file, a }) => {
      save(join(dir, file), a)
      return { file, descr: DTYPES[a.dtype].descr, shape: a.shape, fortran: a.flags.fContiguous && !a.flags.cContiguous, c_hex: cOrderHex(a) }
    })
    writeFileSync(join(dir, 'ts_manifest.json'), JSON.stringify(spec))

    const r = spawnSync(PYTHON, ['-c', PY_CHECK, dir, String(seed)], { encoding: 'utf8', timeout: 60_000, maxBuffer: 64 << 20 })
    expect(r.status, r.stderr).toBe(0)
    const { report, written } = JSON.parse(r.stdout) as {
      report: { file: string; descr: string; shape: number[]; fortran: boolean; c_hex: string; resave_identical: boolean }[]
      written: { file: string; dtype: DTypeName; shape: number[]; fortran: boolean; c_hex: string }[]
    }

    // numpy's view of the TS files
    expect(report.length).toBe(spec.length)
    report.forEach((got, i) => {
      const want = spec[i]!
      expect({ ...got, file: want.file }, `seed ${seed}`).toEqual({
        file: want.file, descr: want.descr, shape: want.shape, fortran: want.fortran, c_hex: want.c_hex, resave_identical: true,
      })
    })

    // TS's view of the numpy files
    expect(written.length).toBeGreaterThan(40)
    for (const w of written) {
      const a = load(join(dir, w.file))
      expect([w.file, a.dtype, a.shape, a.flags.fContiguous && !a.flags.cContiguous, cOrderHex(a)], `seed ${seed}`)
        .toEqual([w.file, w.dtype, w.shape, w.fortran, w.c_hex])
      // re-saving a natively-ordered numpy file from TS (same version) reproduces it byte for byte
      const orig = readFileSync(join(dir, w.file))
      if (!w.file.endsWith('_be.npy')) expect(Buffer.compare(toNpy(a, { version: orig[6] as 1 | 2 | 3 }), orig), w.file).toBe(0)
    }
  })
})
