/**
 * The WebAssembly radix sort (kernels/sort/wasm-sort*.ts) against msd.ts, its reference: msd32/msd32i/msd64/msd64i
 * on fast-check keys (random, few distinct, all equal, sorted, reversed, high bits set, digits straddling bit 32),
 * lengths 0..3000 and a few ~200k, sub-ranges and both result buffers, nothing written outside the range;
 * the per-thread scratch growing between sorts; the JS path with WebAssembly off; keysf64/unkeysf64 against keys.ts
 * on fast-check float64 bit patterns; and the committed module built from the current generator.
 */
import { readFileSync } from 'node:fs'
import fc from 'fast-check'
import { afterEach, describe, expect, it } from 'vitest'
import { msd32, msd32i, msd64, msd64i } from '../packages/core/src/kernels/sort/msd.js'
import { argsortRun, scratchFor, sortKeys, sortRun } from '../packages/core/src/kernels/sort/radix.js'
import { instantiateSort, keys32Kind, sortModule, wasmKeys32, wasmKeysF64, wasmUnkeys32, wasmUnkeysF64, type SortExports } from '../packages/core/src/kernels/sort/wasm-sort.js'
import { makeKeys, unKeys } from '../packages/core/src/kernels/sort/keys.js'
import { SORT_COUNTS_BYTES, SORT_EXPORTS, sortModuleWat } from '../packages/core/src/kernels/sort/wasm-sort-wat.js'
import { SORT_MODULE_BASE64, SORT_MODULE_WAT_SHA256 } from '../packages/core/src/kernels/sort/generated/sort-module.js'
import { compileWat, watSha256 } from '../packages/core/src/kernels/wasm/build.js'
import { setWasmEnabled } from '../packages/core/src/kernels/wasm/backend.js'
import { rngWords as rng } from './support/rng.js'

afterEach(() => setWasmEnabled(true))

// ------------------------------------------------------------------------------------------------ keys


const KINDS = ['random', 'few', 'equal', 'sorted', 'reversed', 'high', 'straddle', 'lowbits', 'floats'] as const
type Kind = (typeof KINDS)[number]

/** n keys of `kind` as words: one per key (32-bit) or low, high per key (64-bit). */
function keys(kind: Kind, n: number, two: boolean, seed: number): Int32Array {
  const r = rng(seed)
  const w = two ? 2 : 1
  const out = new Int32Array(w * n)
  const few = [r(), r(), r() | 0x80000000, 0x7fffffff]
  for (let i = 0; i < n; i++) {
    let lo = r()
    let hi = r()
    switch (kind) {
      case 'random': break
      case 'few': { const j = r() & 3; lo = few[j]!; hi = few[(j + 1) & 3]!; break }
      case 'equal': lo = few[0]!; hi = few[2]!; break
      case 'sorted': case 'reversed': { const k = kind === 'sorted' ? i : n - i; lo = two ? k * 977 : (k * 977) ^ -2147483648; hi = k >> 3; break }
      // the top bit set or not: unsigned order puts 0x8000_0000.. above 0x7fff_ffff..
      case 'high': lo = (r() & 1) === 0 ? lo | 0x80000000 : lo & 0x7fffffff; hi = (r() & 1) === 0 ? -1 - (r() & 15) : r() & 15; break
      // 64-bit keys that differ in a few bits on both sides of bit 32
      case 'straddle': lo = (r() & 0x3f) << 26 | (r() & 7); hi = r() & 3; break
      case 'lowbits': lo = r() & 0xff; hi = 0x12345; break
      // keys of float64 in [0, 1) (sign flipped): a skewed top digit
      case 'floats': { const x = Math.abs(r()) / 2 ** 31; const f = new Float64Array([x]); const b = new Int32Array(f.buffer); lo = b[0]!; hi = b[1]! ^ -2147483648; break }
    }
    if (two) { out[2 * i] = lo; out[2 * i + 1] = hi } else out[i] = kind === 'straddle' ? (lo | hi) : lo
  }
  return out
}

// ------------------------------------------------------------------------------------------------ harness

type Name = keyof typeof SORT_EXPORTS
const NAMES: readonly Name[] = ['msd32', 'msd32i', 'msd64', 'msd64i']
const SENTINEL = 0x5a5a5a5a
const MAXN = 210_000
const GUARD = 16
const CAP = MAXN + 2 * GUARD

/** A private memory laid out as counters | a | b | ia | ib, each buffer CAP keys. */
const memory = new WebAssembly.Memory({ initial: Math.ceil((SORT_COUNTS_BYTES + 24 * CAP) / 65536) + 1 })
const X: SortExports = instantiateSort(memory)
const PA = Math.ceil(SORT_COUNTS_BYTES / 64) * 64
const PB = PA + 8 * CAP
const PIA = PB + 8 * CAP
const PIB = PIA + 4 * CAP
const mw = (p: number, words: number): Int32Array => new Int32Array(memory.buffer, p, words)

/**
 * Sort keys k (n of them) at element offset lo with `name`, in wasm and with msd.ts; expect the same keys (and
 * permutation) in the result buffer, and every buffer untouched outside [lo, lo + n).
 */
function check(name: Name, k: Int32Array, lo: number, inA: boolean): void {
  const two = name.startsWith('msd64')
  const idx = name.endsWith('i')
  const w = two ? 2 : 1
  const n = k.length / w
  const hi = lo + n
  const len = hi + GUARD
  // wasm buffers: sentinels, then the keys and a permutation at lo
  const wa = mw(PA, w * len), wb = mw(PB, w * len), ia = mw(PIA, len), ib = mw(PIB, len)
  for (const v of [wa, wb, ia, ib]) v.fill(SENTINEL)
  wa.set(k, w * lo)
  for (let i = 0; i < n; i++) ia[lo + i] = 7 * i + 3
  // the JS reference
  const fa = new Float64Array(len), fb = new Float64Array(len)
  const ja = two ? new Int32Array(fa.buffer) : new Int32Array(len), jb = two ? new Int32Array(fb.buffer) : new Int32Array(len)
  const jia = new Int32Array(len), jib = new Int32Array(len)
  ja.set(k, w * lo)
  jia.set(ia)
  if (name === 'msd32') { X.msd32(PA, PB, lo, hi, inA ? 1 : 0, -1, 0); msd32(ja, jb, lo, hi, inA) }
  else if (name === 'msd32i') { X.msd32i(PA, PB, PIA, PIB, lo, hi, inA ? 1 : 0, -1, 0); msd32i(ja, jb, jia, jib, lo, hi, inA) }
  else if (name === 'msd64') { X.msd64(PA, PB, lo, hi, inA ? 1 : 0, -1, 0); msd64(fa, ja, fb, jb, lo, hi, inA) }
  else { X.msd64i(PA, PB, PIA, PIB, lo, hi, inA ? 1 : 0, -1, 0); msd64i(fa, ja, fb, jb, jia, jib, lo, hi, inA) }
  const [got, want] = inA ? [wa, ja] : [wb, jb]
  const [gotI, wantI] = inA ? [ia, jia] : [ib, jib]
  const where = `${name} n=${n} lo=${lo} inA=${inA}`
  for (let i = w * lo; i < w * hi; i++) if (got[i] !== want[i]) expect.fail(`${where}: key word ${i} is ${got[i]}, msd.ts ${want[i]}`)
  if (idx) for (let i = lo; i < hi; i++) if (gotI[i] !== wantI[i]) expect.fail(`${where}: permutation[${i}] is ${gotI[i]}, msd.ts ${wantI[i]}`)
  for (const [v, nm, ww] of [[wa, 'a', w], [wb, 'b', w], ...(idx ? [[ia, 'ia', 1], [ib, 'ib', 1]] as const : [])] as const) {
    for (let i = 0; i < ww * lo; i++) if (v[i] !== SENTINEL) expect.fail(`${where}: ${nm}[${i}] written below the range`)
    for (let i = ww * hi; i < ww * len; i++) if (v[i] !== SENTINEL) expect.fail(`${where}: ${nm}[${i}] written above the range`)
  }
}

// ------------------------------------------------------------------------------------------------ tests

describe('WebAssembly sort module', () => {
  it('validates and exports exactly SORT_EXPORTS with their arities', () => {
    expect(sortModule()).not.toBeNull()
    const exp = WebAssembly.Module.exports(sortModule() as unknown as WebAssembly.Module)
    expect(exp.map((e) => e.name).sort()).toEqual(Object.keys(SORT_EXPORTS).sort())
    const x = X as unknown as Record<string, (...a: number[]) => void>
    for (const [name, params] of Object.entries(SORT_EXPORTS)) expect(x[name]!.length, name).toBe(params.length)
  })

  it('the committed module is built from the current wasm-sort-wat.ts', async () => {
    const wat = sortModuleWat()
    expect(watSha256(wat)).toBe(SORT_MODULE_WAT_SHA256)
    const watFile = new URL('../packages/core/src/kernels/sort/generated/sort.wat', import.meta.url)
    expect(readFileSync(watFile, 'utf8') === wat, 'generated/sort.wat is stale: run scripts/build-wasm-sort.ts').toBe(true)
    const bin = await compileWat(wat)
    expect(Buffer.from(bin).toString('base64') === SORT_MODULE_BASE64, 'sort-module.ts is stale: run scripts/build-wasm-sort.ts').toBe(true)
  })
})

describe('wasm msd32 / msd32i / msd64 / msd64i equal msd.ts', () => {
  it('every kind of keys, lengths 0..40 and around the network, insertion and radix thresholds', () => {
    for (const name of NAMES) {
      const two = name.startsWith('msd64')
      for (const kind of KINDS) {
        for (const n of [0, 1, 2, 3, 5, 8, 11, 12, 13, 16, 23, 24, 25, 26, 40, 97, 1000]) check(name, keys(kind, n, two, n + 1), 0, true)
      }
    }
  })

  it('fast-check: random kinds, lengths 0..3000, sub-ranges, either result buffer', () => {
    fc.assert(fc.property(
      fc.constantFrom(...NAMES), fc.constantFrom(...KINDS), fc.integer({ min: 0, max: 3000 }), fc.integer({ min: 0, max: 7 }),
      fc.boolean(), fc.integer(),
      (name, kind, n, lo, inA, seed) => { check(name, keys(kind, n, name.startsWith('msd64'), seed), lo, inA) },
    ), { numRuns: 300 })
  })

  it('long ranges (~200k keys: wide digits, deep recursion)', () => {
    for (const name of NAMES) {
      for (const kind of ['random', 'floats', 'few', 'straddle', 'high'] as const) check(name, keys(kind, 200_003, name.startsWith('msd64'), 11), 3, true)
    }
    check('msd64i', keys('sorted', MAXN, true, 1), 0, false)
    check('msd32i', keys('reversed', MAXN, false, 2), 0, true)
  })
})

describe('per-thread scratch in WebAssembly memory', () => {
  /** Sort n keys of `kind` through scratchFor / sortKeys (the kernels' path) and expect msd.ts's result. */
  function viaScratch(n: number, two: boolean, withIdx: boolean, seed: number): { wasm: boolean; cap: number; fa: Float64Array } {
    const k = keys('floats', n, two, seed)
    const w = two ? 2 : 1
    const s = scratchFor(n)
    s.wa.set(k)
    for (let i = 0; i < n; i++) s.ia[i] = i
    sortKeys(s, two, 0, n, withIdx)
    const fa = new Float64Array(n), fb = new Float64Array(n)
    const ja = two ? new Int32Array(fa.buffer) : new Int32Array(n), jb = two ? new Int32Array(fb.buffer) : new Int32Array(n)
    const ia = new Int32Array(n), ib = new Int32Array(n)
    ja.set(k)
    for (let i = 0; i < n; i++) ia[i] = i
    if (two) { if (withIdx) msd64i(fa, ja, fb, jb, ia, ib, 0, n, true); else msd64(fa, ja, fb, jb, 0, n, true) }
    else if (withIdx) msd32i(ja, jb, ia, ib, 0, n, true)
    else msd32(ja, jb, 0, n, true)
    for (let i = 0; i < w * n; i++) if (s.wa[i] !== ja[i]) expect.fail(`n=${n}: key word ${i}`)
    if (withIdx) for (let i = 0; i < n; i++) if (s.ia[i] !== ia[i]) expect.fail(`n=${n}: permutation[${i}]`)
    return { wasm: s.wasm !== null, cap: s.cap, fa: s.fa }
  }

  it('small, then large (the memory grows, old views detach), then small again', () => {
    const a = viaScratch(100, true, true, 1)
    expect(a.wasm).toBe(true)
    const big = 4 * a.cap + 17
    const b = viaScratch(big, true, true, 2)
    expect(b.wasm).toBe(true)
    expect(b.cap).toBeGreaterThanOrEqual(big)
    expect(a.fa.length).toBe(0) // detached by the grow
    viaScratch(50, false, false, 3)
    viaScratch(3000, false, true, 4)
    viaScratch(big - 1, true, false, 5)
    // above the kept capacity: a scratch of its own, then back to the thread's
    const c = viaScratch((1 << 20) + 5, false, true, 6)
    expect(c.wasm).toBe(true)
    expect(viaScratch(10, true, true, 7).wasm).toBe(true)
  })

  it('with WebAssembly off (setWasmEnabled(false), as STRIDED_WASM=0) the JS path sorts the same', () => {
    const r = rng(9)
    const v = new Float64Array(5000)
    for (let i = 0; i < v.length; i++) v[i] = i % 11 === 0 ? (i % 3 === 0 ? -0 : NaN) : (r() % 100) / 8
    const i32 = Int32Array.from(v, (x) => (x === x ? Math.round(x * 1e6) : -1))
    const onPerm = argsortRun(v, 'float64', v.length).slice(0, v.length)
    const onPerm32 = argsortRun(i32, 'int32', i32.length).slice(0, i32.length)
    const onSorted = v.slice(); sortRun(onSorted, 'float64', onSorted.length)
    setWasmEnabled(false)
    expect(scratchFor(10).wasm).toBeNull()
    expect(viaScratch(2000, true, true, 8).wasm).toBe(false)
    expect(argsortRun(v, 'float64', v.length).slice(0, v.length)).toEqual(onPerm)
    expect(argsortRun(i32, 'int32', i32.length).slice(0, i32.length)).toEqual(onPerm32)
    const offSorted = v.slice(); sortRun(offSorted, 'float64', offSorted.length)
    expect(new Uint8Array(offSorted.buffer)).toEqual(new Uint8Array(onSorted.buffer))
    setWasmEnabled(true)
    expect(scratchFor(10).wasm).not.toBeNull()
  })
})

describe('wasm keysf64 / unkeysf64 equal keys.ts makeKeys / unKeys', () => {
  /** float64 words (low, high) with every class of value: NaN payloads of both signs, ±0, ±inf, subnormals. */
  const specialsWords = [0, 0, 0, 0x80000000, 0, 0x7ff00000, 0, 0xfff00000, 0, 0x7ff80000, 5, 0x7ff80000, 0, 0xfff80000,
    1, 0x7ff00000, 1, 0, 1, 0x80000000, 0xffffffff, 0x7fefffff, 0xffffffff, 0xffefffff, 0, 0x3ff00000, 0, 0xbff00000]
  it('keys, specials, differing bits and the digit histogram; and back to the values', () => {
    fc.assert(fc.property(fc.array(fc.tuple(fc.integer(), fc.integer(), fc.boolean()), { minLength: 1, maxLength: 3000 }),
      fc.integer({ min: 1, max: 13 }), fc.integer({ min: 0, max: 51 }), (pairs, bits, shift) => {
        const n = pairs.length
        const src = new Int32Array(2 * n)
        pairs.forEach(([l, h, pick], i) => {
          if (pick) { const j = (Math.abs(h) % (specialsWords.length / 2)) * 2; src[2 * i] = specialsWords[j]!; src[2 * i + 1] = specialsWords[j + 1]! }
          else { src[2 * i] = l; src[2 * i + 1] = h }
        })
        const vals = new Float64Array(src.buffer)
        // JS reference
        const ref = new Int32Array(2 * n)
        const refSpecials = makeKeys(vals, 0, 1, n, 'float64', ref, 0)
        let dh = 0, dl = 0
        const hist = new Int32Array(1 << bits)
        for (let i = 0; i < n; i++) {
          dh |= ref[2 * i + 1]! ^ ref[1]!; dl |= ref[2 * i]! ^ ref[0]!
          const key = (BigInt.asUintN(32, BigInt(ref[2 * i + 1]!)) << 32n) | BigInt.asUintN(32, BigInt(ref[2 * i]!))
          hist[Number((key >> BigInt(shift)) & BigInt((1 << bits) - 1))]!++
        }
        // wasm
        const s = scratchFor(n)
        expect(s.wasm).not.toBeNull()
        s.fa.set(vals)
        const counts = new Int32Array(1 << bits)
        const [specials, wdh, wdl] = wasmKeysF64(s.wasm!, n, { shift, bits }, counts)
        expect(Array.from(s.wa.subarray(0, 2 * n))).toEqual(Array.from(ref))
        expect([specials, wdh, wdl]).toEqual([refSpecials, dh, dl])
        expect(Array.from(counts)).toEqual(Array.from(hist))
        // back: unKeys of the keys gives the values, NaNs canonical, -0 as +0 (both sides)
        const back = new Float64Array(n)
        unKeys(ref, 0, n, 'float64', back, 0, 1)
        wasmUnkeysF64(s.wasm!, n)
        expect(Array.from(new Int32Array(s.fa.buffer, s.fa.byteOffset, 2 * n))).toEqual(Array.from(new Int32Array(back.buffer)))
      }), { numRuns: 200 })
  })
})

describe('wasm keys32 / unkeys32 equal keys.ts makeKeys / unKeys (float32, int32, uint32)', () => {
  const f32Specials = [0, 0x80000000, 0x7f800000, 0xff800000, 0x7fc00000, 0x7fc00005, 0xffc00000, 1, 0x80000001, 0x3f800000, 0xbf800000, 0x7f7fffff]
  it('keys, specials, differing bits and the digit histogram; and back to the values', () => {
    fc.assert(fc.property(fc.constantFrom('float32', 'int32', 'uint32'), fc.array(fc.tuple(fc.integer(), fc.boolean()), { minLength: 1, maxLength: 3000 }),
      fc.integer({ min: 1, max: 16 }), fc.integer({ min: 0, max: 16 }), (dt, words, bits, shift) => {
        const n = words.length
        const src = new Int32Array(n)
        words.forEach(([w, pick], i) => { src[i] = pick ? f32Specials[Math.abs(w) % f32Specials.length]! : w })
        const view = dt === 'float32' ? new Float32Array(src.buffer) : dt === 'int32' ? src : new Uint32Array(src.buffer)
        const ref = new Int32Array(n)
        const refSpecials = makeKeys(view, 0, 1, n, dt, ref, 0)
        let dk = 0
        const hist = new Int32Array(1 << bits)
        for (let i = 0; i < n; i++) { dk |= ref[i]! ^ ref[0]!; hist[(ref[i]! >>> shift) & ((1 << bits) - 1)]!++ }
        const s = scratchFor(n)
        expect(s.wasm).not.toBeNull()
        s.wa.set(src)
        const counts = new Int32Array(1 << bits)
        const kind = keys32Kind(dt)
        const [specials, wdk] = wasmKeys32(s.wasm!, n, kind, { shift, bits }, counts)
        expect(Array.from(s.wa.subarray(0, n))).toEqual(Array.from(ref))
        expect([specials, wdk]).toEqual([refSpecials, dk])
        expect(Array.from(counts)).toEqual(Array.from(hist))
        const back = new Int32Array(n)
        unKeys(ref, 0, n, dt, dt === 'float32' ? new Float32Array(back.buffer) : dt === 'int32' ? back : new Uint32Array(back.buffer), 0, 1)
        wasmUnkeys32(s.wasm!, n, kind)
        expect(Array.from(s.wa.subarray(0, n))).toEqual(Array.from(back))
      }), { numRuns: 200 })
  })
})
