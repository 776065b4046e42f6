/**
 * Generator of the WebAssembly SIMD (128-bit) kernel module: `simdModuleWat()` returns its WAT text, built from the
 * small tables below (one template per family, like generate-kernels.ts does for the JS loops). build.ts compiles
 * it with wabt into generated/simd-module.ts; the runtime only needs that base64 (module.ts).
 *
 * ABI (WASM_EXPORTS documents every export; callers code against it):
 *  - The module imports one shared memory, env.memory (any shared memory with maximum ≤ 65536 pages).
 *  - Pointers are byte addresses (i32, unsigned), element-aligned but not necessarily 16-aligned; n is an
 *    element count (i32, ≥ 0, any value). Operands are contiguous. A kernel touches exactly its n elements and
 *    no other memory (no scratch: the memory is shared by many threads; everything lives in locals).
 *  - Elementwise kernels may run in place: the output may start at exactly an input's address (never a partial
 *    overlap). Same-size ops iterate forward with all loads of an iteration before its stores; the widening
 *    conversions (4 → 8 bytes) iterate backward, so o == a is safe for them too.
 *  - Results are bit-identical to the JS registry kernels (NumPy-exact), NaN payloads aside.
 *
 * Why the loops look the way they do:
 *  - Loops count iterations down instead of comparing pointers with an end address: an array may end at the very
 *    top of a 4 GiB memory, where `base + bytes` wraps to 0.
 *  - Unrolled ×4 vectors (64 bytes) per iteration, then a one-element tail that runs the *same* vector expression
 *    on a lane-0 load (`v128.loadN_zero`) and stores lane 0 only (`v128.storeN_lane`), so tail and body cannot
 *    differ in semantics.
 *  - float32 arithmetic: the JS loops compute in float64 and round once to float32 on the store. For + − × ÷ and
 *    sqrt that double rounding is innocuous (53 ≥ 2·24 + 2), so f32x4 ops give the same bits; × of two float32
 *    values is exact in float64 anyway.
 */

export type ElemType = 'f64' | 'f32'
export const BINARY_OPS = ['add', 'sub', 'mul', 'div', 'max', 'min'] as const
export const UNARY_OPS = ['neg', 'abs', 'sqrt', 'square', 'floor', 'ceil', 'rint'] as const
export const BINARY_FORMS = ['vv', 'vs', 'sv'] as const
export type BinaryOp = (typeof BINARY_OPS)[number]
export type UnaryOp = (typeof UNARY_OPS)[number]
export type BinaryForm = (typeof BINARY_FORMS)[number]

/** Per element type: the vector shape and the lane-0 load/store used by tails. */
interface TypeInfo {
  t: ElemType
  /** Registry dtype name. */
  dtype: 'float64' | 'float32'
  shape: 'f64x2' | 'f32x4'
  lanes: number
  bytes: number
  /** log2(bytes) */
  shift: number
  zeroLoad: string
  splatLoad: string
  laneStore: string
}
const TYPES: Record<ElemType, TypeInfo> = {
  f64: { t: 'f64', dtype: 'float64', shape: 'f64x2', lanes: 2, bytes: 8, shift: 3, zeroLoad: 'v128.load64_zero', splatLoad: 'v128.load64_splat', laneStore: 'v128.store64_lane' },
  f32: { t: 'f32', dtype: 'float32', shape: 'f32x4', lanes: 4, bytes: 4, shift: 2, zeroLoad: 'v128.load32_zero', splatLoad: 'v128.load32_splat', laneStore: 'v128.store32_lane' },
}

type V1 = (s: string, x: string) => string
type V2 = (s: string, x: string, y: string) => string

/**
 * Binary ops as vector expressions over operands that are `local.get`s (so they may be repeated).
 * max/min follow the JS kernels: maximum(x, y) = x > y || x ≠ x ? x : y. pmax(y, x) = (y < x ? x : y) is exactly
 * `x > y ? x : y` (ties, i.e. ±0 pairs, give y; a NaN y gives y); the bitselect then puts back a NaN x.
 */
const BINARY: Record<BinaryOp, { js: string; expr: V2 }> = {
  add: { js: 'add', expr: (s, x, y) => `(${s}.add ${x} ${y})` },
  sub: { js: 'subtract', expr: (s, x, y) => `(${s}.sub ${x} ${y})` },
  mul: { js: 'multiply', expr: (s, x, y) => `(${s}.mul ${x} ${y})` },
  div: { js: 'divide', expr: (s, x, y) => `(${s}.div ${x} ${y})` },
  max: { js: 'maximum', expr: (s, x, y) => `(v128.bitselect ${x} (${s}.pmax ${y} ${x}) (${s}.ne ${x} ${x}))` },
  min: { js: 'minimum', expr: (s, x, y) => `(v128.bitselect ${x} (${s}.pmin ${y} ${x}) (${s}.ne ${x} ${x}))` },
}

/** Unary ops. IEEE neg/abs only touch the sign bit (neg(0) = −0, like JS −x); nearest = round half to even. */
const UNARY: Record<UnaryOp, { js: string; expr: V1 }> = {
  neg: { js: 'negative', expr: (s, x) => `(${s}.neg ${x})` },
  abs: { js: 'abs', expr: (s, x) => `(${s}.abs ${x})` },
  sqrt: { js: 'sqrt', expr: (s, x) => `(${s}.sqrt ${x})` },
  square: { js: 'square', expr: (s, x) => `(${s}.mul ${x} ${x})` },
  floor: { js: 'floor', expr: (s, x) => `(${s}.floor ${x})` },
  ceil: { js: 'ceil', expr: (s, x) => `(${s}.ceil ${x})` },
  rint: { js: 'rint', expr: (s, x) => `(${s}.nearest ${x})` },
}

// ------------------------------------------------------------------------------------------------ ABI table

export type WasmParamType = 'i32' | 'f64' | 'f32'
export interface WasmExportInfo {
  kind: 'binary' | 'unary' | 'reduce' | 'convert'
  /** Short op name used in the export name. */
  op: string
  /** The JS registry op this export replaces (getKernel(jsOp, dtype, layout)), where there is one. */
  jsOp: string | null
  /** Element type of the inputs (for conversions: of the input). */
  dtype: 'float64' | 'float32' | 'int32'
  /** binary only: vv = two arrays, vs = array OP scalar (registry 'scalar-2'), sv = scalar OP array ('scalar-1'). */
  form: BinaryForm | null
  params: readonly string[]
  paramTypes: readonly WasmParamType[]
  result: 'f64' | null
  doc: string
}

const FORM_DOC: Record<BinaryForm, string> = { vv: 'o[i] = a[i] OP b[i]', vs: 'o[i] = a[i] OP s', sv: 'o[i] = s OP b[i]' }

function buildExports(): Record<string, WasmExportInfo> {
  const out: Record<string, WasmExportInfo> = {}
  for (const t of ['f64', 'f32'] as const) {
    const ti = TYPES[t]
    for (const op of BINARY_OPS) {
      for (const form of BINARY_FORMS) {
        const params = form === 'vv' ? ['o', 'a', 'b', 'n'] : form === 'vs' ? ['o', 'a', 's', 'n'] : ['o', 's', 'b', 'n']
        out[`${op}_${t}_${form}`] = {
          kind: 'binary', op, jsOp: BINARY[op].js, dtype: ti.dtype, form, params,
          paramTypes: params.map((p) => (p === 's' ? t : 'i32')),
          result: null,
          doc: `${FORM_DOC[form].replace('OP', op)} for ${ti.dtype}${form === 'vv' ? '' : ` (s is an ${t} value)`}`,
        }
      }
    }
    for (const op of UNARY_OPS) {
      out[`${op}_${t}`] = {
        kind: 'unary', op, jsOp: UNARY[op].js, dtype: ti.dtype, form: null, params: ['o', 'a', 'n'], paramTypes: ['i32', 'i32', 'i32'],
        result: null, doc: `o[i] = ${op}(a[i]) for ${ti.dtype}`,
      }
    }
    const red = (op: string, doc: string): void => {
      out[`${op}_${t}`] = { kind: 'reduce', op, jsOp: null, dtype: ti.dtype, form: null, params: ['a', 'n'], paramTypes: ['i32', 'i32'], result: 'f64', doc }
    }
    red('sum', `pairwise sum (pairwiseSum${t === 'f64' ? '64' : '32'}), ${t === 'f32' ? 'float32 arithmetic, result widened to f64' : 'bit-exact'}; n = 0 gives -0`)
    red('max', `max (maxRowF, stride 1), NaN if any element is NaN; n = 0 gives -Infinity`)
    red('min', `min (minRowF, stride 1), NaN if any element is NaN; n = 0 gives +Infinity`)
  }
  const conv = (name: string, dtype: WasmExportInfo['dtype'], doc: string): void => {
    out[name] = { kind: 'convert', op: name, jsOp: null, dtype, form: null, params: ['o', 'a', 'n'], paramTypes: ['i32', 'i32', 'i32'], result: null, doc }
  }
  conv('f32_to_f64', 'float32', 'o[i] = a[i] widened (exact); o == a allowed')
  conv('f64_to_f32', 'float64', 'o[i] = Math.fround(a[i]) (round to nearest even); o == a allowed')
  conv('i32_to_f64', 'int32', 'o[i] = a[i] as float64 (exact); o == a allowed')
  return out
}

/** Every export of the module: name → kind, parameters and their WASM types, result. */
export const WASM_EXPORTS: Readonly<Record<string, WasmExportInfo>> = buildExports()

// ------------------------------------------------------------------------------------------------ helpers

const get = (l: string): string => `(local.get ${l})`
const set = (l: string, v: string): string => `(local.set ${l} ${v})`
const i32 = (k: number): string => `(i32.const ${k})`
const bump = (p: string, k: number): string => set(p, `(i32.add ${get(p)} ${i32(k)})`)
const mem = (op: string, off: number, align: number, lane?: number): string =>
  `${op}${off ? ` offset=${off}` : ''} align=${align}${lane === undefined ? '' : ` ${lane}`}`
const indent = (lines: string[], by: string): string[] => lines.map((l) => by + l)

/** Loop `k` times (k a local, may be 0): `body` lines, then k -= 1. */
function countedLoop(k: string, label: string, body: string[]): string[] {
  return [
    `(block ${label}_done`,
    `  (br_if ${label}_done (i32.eqz ${get(k)}))`,
    `  (loop ${label}`,
    ...indent(body, '    '),
    `    (br_if ${label} (local.tee ${k} (i32.sub ${get(k)} ${i32(1)})))))`,
  ]
}

function func(name: string, params: string, result: string | null, locals: string[], body: string[], exportAs: string | null = name): string {
  const head = `(func $${name}${exportAs ? ` (export "${exportAs}")` : ''} ${params}${result ? ` (result ${result})` : ''}`
  const localDecl = locals.length ? [`  ${locals.join(' ')}`] : []
  return [head, ...localDecl, ...indent(body, '  '), ')'].join('\n')
}

// ------------------------------------------------------------------------------------------------ elementwise map

/** A pointer operand of a map: how its elements are read (inputs) or written (the output). */
interface Stream {
  ptr: string
  /** Bytes per element. */
  bytes: number
  align: number
  /** Vector access per E elements (E = MapSpec.perVec) and the bytes it covers. */
  vecOp: string
  vecBytes: number
  vecLane?: number
  /** Single-element access (lane 0). */
  tailOp: string
  tailLane?: number
}

interface MapSpec {
  name: string
  params: string
  /** Statements before the loops (e.g. splat a scalar into $sv). */
  prologue?: string[]
  extraLocals?: string[]
  ins: Stream[]
  out: Stream
  /** Elements handled by one vector expression. */
  perVec: number
  /** Vector expression over one `local.get` per input. */
  body: (xs: string[]) => string
  backward?: boolean
}

const UNROLL = 4

function mapFunc(s: MapSpec): string {
  const block = UNROLL * s.perVec // elements per iteration (a power of two)
  const logBlock = Math.log2(block)
  const x = (i: number, u: number): string => `$x${i}_${u}`
  const locals = ['(local $k i32)', ...(s.extraLocals ?? [])]
  for (let i = 0; i < s.ins.length; i++) for (let u = 0; u < UNROLL; u++) locals.push(`(local ${x(i, u)} v128)`)
  const streams = [...s.ins, s.out]

  // one unrolled iteration at pointer offsets 0..(UNROLL-1)·vecBytes: every load, then every store
  const blockBody = (): string[] => {
    const lines: string[] = []
    s.ins.forEach((st, i) => {
      for (let u = 0; u < UNROLL; u++) lines.push(set(x(i, u), `(${mem(st.vecOp, u * st.vecBytes, st.align, st.vecLane)} ${get(st.ptr)})`))
    })
    for (let u = 0; u < UNROLL; u++) {
      const o = s.out
      lines.push(`(${mem(o.vecOp, u * o.vecBytes, o.align, o.vecLane)} ${get(o.ptr)} ${s.body(s.ins.map((_, i) => get(x(i, u))))})`)
    }
    return lines
  }
  const tailBody = (): string[] => {
    const lines = s.ins.map((st, i) => set(x(i, 0), `(${mem(st.tailOp, 0, st.align, st.tailLane)} ${get(st.ptr)})`))
    const o = s.out
    lines.push(`(${mem(o.tailOp, 0, o.align, o.tailLane)} ${get(o.ptr)} ${s.body(s.ins.map((_, i) => get(x(i, 0))))})`)
    return lines
  }
  const bumpAll = (sign: 1 | -1, perStream: (st: Stream) => number): string[] => streams.map((st) => bump(st.ptr, sign * perStream(st)))
  const blocks = (): string[] => [set('$k', `(i32.shr_u ${get('$n')} ${i32(logBlock)})`)]
  const tails = (): string[] => [set('$k', `(i32.and ${get('$n')} ${i32(block - 1)})`)]

  let body: string[]
  if (!s.backward) {
    body = [
      ...(s.prologue ?? []),
      ...blocks(),
      ...countedLoop('$k', '$blocks', [...blockBody(), ...bumpAll(1, (st) => UNROLL * st.vecBytes)]),
      ...tails(),
      ...countedLoop('$k', '$tail', [...tailBody(), ...bumpAll(1, (st) => st.bytes)]),
    ]
  } else {
    // Widening in place: walk from the end, so the (wider) output never overwrites input not yet read.
    body = [
      ...(s.prologue ?? []),
      ';; start past the end (modular i32 arithmetic: a wrap to 0 at the 4 GiB top is harmless)',
      ...streams.map((st) => set(st.ptr, `(i32.add ${get(st.ptr)} (i32.shl ${get('$n')} ${i32(Math.log2(st.bytes))}))`)),
      ...tails(),
      ...countedLoop('$k', '$tail', [...bumpAll(-1, (st) => st.bytes), ...tailBody()]),
      ...blocks(),
      ...countedLoop('$k', '$blocks', [...bumpAll(-1, (st) => UNROLL * st.vecBytes), ...blockBody()]),
    ]
  }
  return func(s.name, s.params, null, locals, body)
}

/** Input/output stream of full vectors of element type t. */
function vecStream(ptr: string, t: TypeInfo, out: boolean): Stream {
  return out
    ? { ptr, bytes: t.bytes, align: t.bytes, vecOp: 'v128.store', vecBytes: 16, tailOp: t.laneStore, tailLane: 0 }
    : { ptr, bytes: t.bytes, align: t.bytes, vecOp: 'v128.load', vecBytes: 16, tailOp: t.zeroLoad }
}

function binaryFunc(t: TypeInfo, op: BinaryOp, form: BinaryForm): string {
  const name = `${op}_${t.t}_${form}`
  const e = BINARY[op].expr
  const sv = get('$sv')
  const common = { perVec: t.lanes, out: vecStream('$o', t, true) }
  if (form === 'vv') {
    return mapFunc({
      ...common, name, params: '(param $o i32) (param $a i32) (param $b i32) (param $n i32)',
      ins: [vecStream('$a', t, false), vecStream('$b', t, false)], body: ([x, y]) => e(t.shape, x!, y!),
    })
  }
  const splat = [set('$sv', `(${t.shape}.splat ${get('$s')})`)]
  if (form === 'vs') {
    return mapFunc({
      ...common, name, params: `(param $o i32) (param $a i32) (param $s ${t.t}) (param $n i32)`, prologue: splat, extraLocals: ['(local $sv v128)'],
      ins: [vecStream('$a', t, false)], body: ([x]) => e(t.shape, x!, sv),
    })
  }
  return mapFunc({
    ...common, name, params: `(param $o i32) (param $s ${t.t}) (param $b i32) (param $n i32)`, prologue: splat, extraLocals: ['(local $sv v128)'],
    ins: [vecStream('$b', t, false)], body: ([y]) => e(t.shape, sv, y!),
  })
}

function unaryFunc(t: TypeInfo, op: UnaryOp): string {
  return mapFunc({
    name: `${op}_${t.t}`, params: '(param $o i32) (param $a i32) (param $n i32)', perVec: t.lanes,
    ins: [vecStream('$a', t, false)], out: vecStream('$o', t, true), body: ([x]) => UNARY[op].expr(t.shape, x!),
  })
}

function conversionFuncs(): string[] {
  const params = '(param $o i32) (param $a i32) (param $n i32)'
  // two 4-byte elements per vector op: an 8-byte lane-0 load (inputs) or store (the f32 output)
  const half = (ptr: string, out: boolean): Stream => out
    ? { ptr, bytes: 4, align: 4, vecOp: 'v128.store64_lane', vecBytes: 8, vecLane: 0, tailOp: 'v128.store32_lane', tailLane: 0 }
    : { ptr, bytes: 4, align: 4, vecOp: 'v128.load64_zero', vecBytes: 8, tailOp: 'v128.load32_zero' }
  return [
    mapFunc({
      name: 'f32_to_f64', params, perVec: 2, ins: [half('$a', false)], out: vecStream('$o', TYPES.f64, true),
      body: ([x]) => `(f64x2.promote_low_f32x4 ${x})`, backward: true,
    }),
    mapFunc({
      name: 'f64_to_f32', params, perVec: 2, ins: [vecStream('$a', TYPES.f64, false)], out: half('$o', true),
      body: ([x]) => `(f32x4.demote_f64x2_zero ${x})`,
    }),
    mapFunc({
      name: 'i32_to_f64', params, perVec: 2, ins: [half('$a', false)], out: vecStream('$o', TYPES.f64, true),
      body: ([x]) => `(f64x2.convert_low_i32x4_s ${x})`, backward: true,
    }),
  ]
}

// ------------------------------------------------------------------------------------------------ pairwise sum

/**
 * NumPy's pairwise sum (pairwise.ts): n < 8 → −0 then in order; n ≤ 128 → 8 partials p0..p7 (= the lanes of the
 * vector accumulators, in order: 4 × f64x2 or 2 × f32x4) combined ((p0+p1)+(p2+p3))+((p4+p5)+(p6+p7)), then the
 * leftovers in order; n > 128 → split at ⌊n/2⌋ rounded down to a multiple of 8 and recurse (depth ≤ 25).
 */
function sumFuncs(t: TypeInfo): string[] {
  const T = t.t, S = t.shape
  const nacc = 8 / t.lanes
  const acc = (j: number): string => `$acc${j}`
  const p = (k: number): string => `(${S}.extract_lane ${k % t.lanes} ${get(acc(Math.floor(k / t.lanes)))})`
  const add = (x: string, y: string): string => `(${T}.add ${x} ${y})`
  const locals = ['(local $k i32)', `(local $r ${T})`, '(local $m i32)']
  for (let j = 0; j < nacc; j++) locals.push(`(local ${acc(j)} v128)`)
  const addInOrder = (label: string): string[] => countedLoop('$k', label, [
    set('$r', add(get('$r'), `(${T}.load align=${t.bytes} ${get('$a')})`)),
    bump('$a', t.bytes),
  ])
  const pw = `$pw_${T}`
  const body = [
    `(if (i32.lt_u ${get('$n')} ${i32(8)}) (then`,
    ...indent([set('$r', `(${T}.const -0)`), set('$k', get('$n')), ...addInOrder('$small'), `(return ${get('$r')})`], '  '),
    '))',
    `(if (i32.le_u ${get('$n')} ${i32(128)}) (then`,
    ...indent([
      ...Array.from({ length: nacc }, (_, j) => set(acc(j), `(${mem('v128.load', 16 * j, t.bytes)} ${get('$a')})`)),
      bump('$a', 8 * t.bytes),
      set('$k', `(i32.sub (i32.shr_u ${get('$n')} ${i32(3)}) ${i32(1)})`),
      ...countedLoop('$k', '$leaf', [
        ...Array.from({ length: nacc }, (_, j) => set(acc(j), `(${S}.add ${get(acc(j))} (${mem('v128.load', 16 * j, t.bytes)} ${get('$a')}))`)),
        bump('$a', 8 * t.bytes),
      ]),
      set('$r', add(add(add(p(0), p(1)), add(p(2), p(3))), add(add(p(4), p(5)), add(p(6), p(7))))),
      set('$k', `(i32.and ${get('$n')} ${i32(7)})`),
      ...addInOrder('$rest'),
      `(return ${get('$r')})`,
    ], '  '),
    '))',
    set('$m', `(i32.and (i32.shr_u ${get('$n')} ${i32(1)}) ${i32(-8)})`),
    add(`(call ${pw} ${get('$a')} ${get('$m')})`, `(call ${pw} (i32.add ${get('$a')} (i32.shl ${get('$m')} ${i32(t.shift)})) (i32.sub ${get('$n')} ${get('$m')}))`),
  ]
  const params = '(param $a i32) (param $n i32)'
  const out = [func(`pw_${T}`, params, T, locals, body, T === 'f64' ? 'sum_f64' : null)]
  if (T === 'f32') out.push(func('sum_f32', params, 'f64', [], [`(f64.promote_f32 (call ${pw} ${get('$a')} ${get('$n')}))`]))
  return out
}

// ------------------------------------------------------------------------------------------------ max / min

/**
 * max/min reductions equal maxRowF/minRowF (stride 1) bit for bit. Without NaN the *value* is order-free; only
 * the sign of a zero result depends on the JS order (strict compares keep the first of equal values; the final
 * combine prefers m1, m3, then v). So:
 *  1. fast pass: 4 independent vector accumulators (pmax(acc, v) = v > acc ? v : acc) plus a NaN mask; any NaN →
 *     NaN. A non-zero result is unique and returned.
 *  2. a zero result (all elements ≤ 0 for max) reruns the JS order exactly: m0..m3 are the lanes of 2 f64x2 or
 *     1 f32x4 accumulators fed 8 elements per block (element 8j+k and 8j+4+k go to m_k), the 0..7 leftovers go to
 *     m0 (scalar), then u = m0 ≻ m1 ? m0 : m1, v = m2 ≻ m3 ? m2 : m3, u ≻ v ? u : v. No NaN is left, so pmax is
 *     exactly JS's `a > m ? a : m`.
 */
function minmaxFuncs(t: TypeInfo, isMax: boolean): string[] {
  const T = t.t, S = t.shape
  const name = `${isMax ? 'max' : 'min'}_${T}`
  const pm = `${S}.${isMax ? 'pmax' : 'pmin'}`
  const cmp = `${T}.${isMax ? 'gt' : 'lt'}`
  const start = `(${T}.const ${isMax ? '-inf' : 'inf'})`
  const better = (a: string, b: string): string => `(select ${a} ${b} (${cmp} ${a} ${b}))` // a ≻ b ? a : b
  const vStart = `(${S}.splat ${start})`
  const perIter = 4 * t.lanes
  const params = '(param $a i32) (param $n i32)'

  // 1. fast pass
  const fastLocals = ['(local $k i32)', '(local $nan v128)', `(local $r ${T})`]
  for (let j = 0; j < 4; j++) fastLocals.push(`(local $acc${j} v128)`, `(local $v${j} v128)`)
  const isNaN = (v: string): string => `(${S}.ne ${get(v)} ${get(v)})`
  const lanes = (v: string): string => {
    let r = `(${S}.extract_lane 0 ${v})`
    for (let l = 1; l < t.lanes; l++) r = better(`(${S}.extract_lane ${l} ${v})`, r) // order is irrelevant for the value
    return r
  }
  const fast = [
    ...[0, 1, 2, 3].map((j) => set(`$acc${j}`, vStart)),
    set('$k', `(i32.shr_u ${get('$n')} ${i32(Math.log2(perIter))})`),
    ...countedLoop('$k', '$fast', [
      ...[0, 1, 2, 3].map((j) => set(`$v${j}`, `(${mem('v128.load', 16 * j, t.bytes)} ${get('$a')})`)),
      ...[0, 1, 2, 3].map((j) => set(`$acc${j}`, `(${pm} ${get(`$acc${j}`)} ${get(`$v${j}`)})`)),
      set('$nan', `(v128.or ${get('$nan')} (v128.or (v128.or ${isNaN('$v0')} ${isNaN('$v1')}) (v128.or ${isNaN('$v2')} ${isNaN('$v3')})))`),
      bump('$a', 64),
    ]),
    set('$k', `(i32.and ${get('$n')} ${i32(perIter - 1)})`),
    ...countedLoop('$k', '$fast_tail', [
      set('$v0', `(${t.splatLoad} align=${t.bytes} ${get('$a')})`),
      set('$acc0', `(${pm} ${get('$acc0')} ${get('$v0')})`),
      set('$nan', `(v128.or ${get('$nan')} ${isNaN('$v0')})`),
      bump('$a', t.bytes),
    ]),
    `(if (v128.any_true ${get('$nan')}) (then (return (f64.const nan))))`,
    set('$v0', `(${pm} (${pm} ${get('$acc0')} ${get('$acc1')}) (${pm} ${get('$acc2')} ${get('$acc3')}))`),
    set('$r', lanes(get('$v0'))),
    `(if (${T}.ne ${get('$r')} (${T}.const 0)) (then (return ${T === 'f64' ? get('$r') : `(f64.promote_f32 ${get('$r')})`})))`,
    ';; the extreme is ±0: its sign depends on the JS order',
    set('$a', `(i32.sub ${get('$a')} (i32.shl ${get('$n')} ${i32(t.shift)}))`),
    `(call $${name}_exact ${get('$a')} ${get('$n')})`,
  ]

  // 2. the JS order (no NaN present)
  const nacc = 4 / t.lanes // accumulators holding m0..m3
  const m = (k: number): string => `(${S}.extract_lane ${k % t.lanes} ${get(`$acc${Math.floor(k / t.lanes)}`)})`
  const exLocals = ['(local $k i32)', `(local $m0 ${T})`, `(local $x ${T})`, `(local $u ${T})`, `(local $v ${T})`]
  for (let j = 0; j < nacc; j++) exLocals.push(`(local $acc${j} v128)`)
  const exact = [
    ...Array.from({ length: nacc }, (_, j) => set(`$acc${j}`, vStart)),
    set('$k', `(i32.shr_u ${get('$n')} ${i32(3)})`),
    ...countedLoop('$k', '$exact', [
      // the block's vectors in order, vector i to accumulator i mod nacc
      ...Array.from({ length: 8 / t.lanes }, (_, i) =>
        set(`$acc${i % nacc}`, `(${pm} ${get(`$acc${i % nacc}`)} (${mem('v128.load', 16 * i, t.bytes)} ${get('$a')}))`)),
      bump('$a', 8 * t.bytes),
    ]),
    set('$m0', m(0)),
    set('$k', `(i32.and ${get('$n')} ${i32(7)})`),
    ...countedLoop('$k', '$exact_tail', [
      set('$x', `(${T}.load align=${t.bytes} ${get('$a')})`),
      set('$m0', better(get('$x'), get('$m0'))),
      bump('$a', t.bytes),
    ]),
    set('$u', better(get('$m0'), m(1))),
    set('$v', better(m(2), m(3))),
    T === 'f64' ? better(get('$u'), get('$v')) : `(f64.promote_f32 ${better(get('$u'), get('$v'))})`,
  ]
  return [func(name, params, 'f64', fastLocals, fast), func(`${name}_exact`, params, 'f64', exLocals, exact, null)]
}

// ------------------------------------------------------------------------------------------------ module

/** The module's WAT text (deterministic: build.ts hashes it). */
export function simdModuleWat(): string {
  const parts: string[] = []
  for (const t of [TYPES.f64, TYPES.f32]) {
    for (const op of BINARY_OPS) for (const form of BINARY_FORMS) parts.push(binaryFunc(t, op, form))
    for (const op of UNARY_OPS) parts.push(unaryFunc(t, op))
    parts.push(...sumFuncs(t), ...minmaxFuncs(t, true), ...minmaxFuncs(t, false))
  }
  parts.push(...conversionFuncs())
  return [
    ';; GENERATED by packages/core/src/kernels/wasm/wat.ts (simdModuleWat) — do not edit; see build.ts.',
    '(module',
    '  ;; every operand lives in the process-wide shared arena memory',
    '  (import "env" "memory" (memory 1 65536 shared))',
    ...parts.map((p) => p.split('\n').map((l) => `  ${l}`).join('\n')),
    ')',
    '',
  ].join('\n')
}
