/**
 * Generator of the WebAssembly radix-sort module: `sortModuleWat()` returns its WAT text; scripts/build-wasm-sort.ts
 * compiles it with wabt into generated/sort-module.ts, and wasm-sort.ts instantiates it once per thread.
 *
 * The algorithm is msd.ts's (read that file first): the highest differing bit, then per level a histogram of the
 * next digit (a digit every key shares costs no scatter), a stable scatter into the other buffer (ping-pong),
 * and the buckets sorted from there; short ranges are sorted directly. Ties keep input order, so the result is
 * THE stable order: the same keys and permutation as msd.ts, bit for bit. What differs is only how:
 *  - 64-bit keys are i64 loads, shifts and unsigned compares, so a digit may straddle the two words (msd.ts cuts
 *    digits at bit 32); any digit sequence gives the same stable order.
 *  - Counters hold byte addresses (the scatter stores at the counter and bumps it by the key size), and a level's
 *    counters sit just above its parent's: one stack of at most SORT_COUNTS_BYTES bytes at `cnt`.
 *  - A short range is sorted while it is copied to where its result goes (one pass, not two): up to
 *    SORT_NETWORK keys by a stable network of selects (no branch to mispredict; at ~4 keys per bucket,
 *    insertion's mispredicted exits cost about as much as both radix passes), longer ones by insertion.
 *  - The histogram and scatter loops take SORT_UNROLL keys per iteration; a counter's offset is one rotate and
 *    one mask of the key (digit4).
 *
 * ABI: the module imports env.memory (non-shared: each thread has its own, see wasm-sort.ts). Exports
 *   msd32(a, b, lo, hi, inA, top, cnt)            keys: u32 at a + 4i;  scratch b the same size
 *   msd32i(a, b, ia, ib, lo, hi, inA, top, cnt)   and i32 permutation ia (scratch ib) moving with them
 *   msd64(a, b, lo, hi, inA, top, cnt)            keys: u64 at a + 8i (little endian: low word first)
 *   msd64i(a, b, ia, ib, lo, hi, inA, top, cnt)
 *   keysf64(p, n, hist, shift, mask, out) → specials,  unkeysf64(p, n)   float64 keys in place (see below)
 *   keys32(p, n, kind, hist, shift, mask, out) → specials,  unkeys32(p, n, kind)   float32/int32/uint32 keys
 * msd* sort [lo, hi) stably, the result in a when inA ≠ 0, else in b (the other buffer is scratch over [lo, hi)).
 * Pointers are byte addresses of element 0, key-aligned; top is the highest differing bit + 1 when the caller
 * knows it, or -1; cnt is the counters' region (SORT_COUNTS_BYTES bytes, 4-aligned, disjoint from the buffers).
 * No buffer may end at the very top of a 4 GiB memory (loops compare addresses with an end address).
 */

/** Ranges up to this length are sorted without radix passes (msd.ts: SMALL). */
export const SORT_SMALL = 24
/**
 * At most this many bits per digit; ranges longer than SORT_FAR keys take at most SORT_MAX_DIGIT_FAR (msd.ts's
 * digitBits, whose "about 4 keys per bucket" is the `29 - clz(n)` below).
 */
export const SORT_MAX_DIGIT = 13
export const SORT_MAX_DIGIT_FAR = 11
export const SORT_FAR = 1 << 18
/** Ranges up to this length are sorted by a network (leafFunc); measured: 12 beats 8 and 16 on 1e3..5e5 keys. */
export const SORT_NETWORK = 12
/** Keys per iteration of the histogram and scatter loops (2 measured a little faster than 1; 4 and 8 no better). */
export const SORT_UNROLL = 2

/**
 * Bytes of counters the deepest recursion needs: a level of d bits takes 2^d counters above its parent's, the
 * digits along a path take at most 64 bits, and 2^d is convex, so the worst path is all widest digits.
 */
export const SORT_COUNTS_BYTES = ((): number => {
  let total = 0
  for (let bits = 64; bits > 0; bits -= SORT_MAX_DIGIT) total += 1 << Math.min(SORT_MAX_DIGIT, bits)
  return 4 * total
})()

/** The exports and their parameters (all i32). */
export const SORT_EXPORTS = {
  msd32: ['a', 'b', 'lo', 'hi', 'inA', 'top', 'cnt'],
  msd32i: ['a', 'b', 'ia', 'ib', 'lo', 'hi', 'inA', 'top', 'cnt'],
  msd64: ['a', 'b', 'lo', 'hi', 'inA', 'top', 'cnt'],
  msd64i: ['a', 'b', 'ia', 'ib', 'lo', 'hi', 'inA', 'top', 'cnt'],
  keysf64: ['p', 'n', 'hist', 'shift', 'mask', 'out'],
  unkeysf64: ['p', 'n'],
  keys32: ['p', 'n', 'kind', 'hist', 'shift', 'mask', 'out'],
  unkeys32: ['p', 'n', 'kind'],
} as const

/** A variant: key width and whether a permutation moves along. */
interface Variant {
  name: keyof typeof SORT_EXPORTS
  /** Key type. */
  K: 'i32' | 'i64'
  /** Key bits, bytes, log2(bytes). */
  bits: 32 | 64
  kb: 4 | 8
  ks: 2 | 3
  idx: boolean
}

const VARIANTS: readonly Variant[] = [
  { name: 'msd32', K: 'i32', bits: 32, kb: 4, ks: 2, idx: false },
  { name: 'msd32i', K: 'i32', bits: 32, kb: 4, ks: 2, idx: true },
  { name: 'msd64', K: 'i64', bits: 64, kb: 8, ks: 3, idx: false },
  { name: 'msd64i', K: 'i64', bits: 64, kb: 8, ks: 3, idx: true },
]

/** `text` when the variant carries a permutation, else nothing. */
const ix = (v: Variant, text: string): string => (v.idx ? text : '')

/**
 * Four times the digit of key `k` (the byte offset of its counter): rotated right by shift - 2 (mod the key
 * width, in local $sh) and masked with local $mask4 = (2^d - 1) << 2. For shift ≥ 2 that is (k >>> shift-2)
 * masked; for shift < 2 a rotate left, whose wrapped top bits land below the mask.
 */
function digit4(v: Variant, k: string): string {
  return v.K === 'i64'
    ? `(i32.and (i32.wrap_i64 (i64.rotr ${k} (local.get $sh))) (local.get $mask4))`
    : `(i32.and (i32.rotr ${k} (local.get $sh)) (local.get $mask4))`
}

/**
 * A loop over the keys [$p, $end) (and permutation entries at $pi when withIdx), SORT_UNROLL keys per iteration
 * (body(j) handles the key at $p + j·kb), then one at a time; $endU is the end of the unrolled part.
 */
function unrolled(v: Variant, label: string, body: (j: number) => string, withIdx: boolean): string {
  const U = SORT_UNROLL
  const step = (u: number): string => `(local.set $p (i32.add (local.get $p) (i32.const ${u * v.kb})))${withIdx ? `
    (local.set $pi (i32.add (local.get $pi) (i32.const ${u * 4})))` : ''}`
  const group = Array.from({ length: U }, (_, j) => body(j)).join('\n    ')
  return `(local.set $endU (i32.add (local.get $p) (i32.shl (i32.and (i32.shr_u (i32.sub (local.get $end) (local.get $p)) (i32.const ${v.ks})) (i32.const ${-U})) (i32.const ${v.ks}))))
(block $${label}_u_done (loop $${label}_u
  (br_if $${label}_u_done (i32.ge_u (local.get $p) (local.get $endU)))
    ${group}
    ${step(U)}
  (br $${label}_u)))
(block $${label}_done (loop $${label}_1
  (br_if $${label}_done (i32.ge_u (local.get $p) (local.get $end)))
    ${body(0)}
    ${step(1)}
  (br $${label}_1)))`
}

/**
 * Insertion sort of n keys read from src into dst (src may equal dst): each key is shifted left past the
 * strictly greater ones already placed (stable), so a copy and a sort are one pass.
 */
function insertionFunc(v: Variant): string {
  const { K, kb, ks } = v
  return `(func $ins_${v.name} (param $src i32) (param $dst i32)${ix(v, ' (param $srci i32) (param $dsti i32)')} (param $n i32)
  (local $i i32) (local $p i32) (local $end i32) (local $x ${K}) (local $v ${K})${ix(v, ' (local $q i32) (local $y i32)')}
  (local.set $end (i32.add (local.get $dst) (i32.shl (local.get $n) (i32.const ${ks}))))
  (local.set $i (local.get $dst))
  (block $done (loop $next
    (br_if $done (i32.ge_u (local.get $i) (local.get $end)))
    (local.set $x (${K}.load (local.get $src)))${ix(v, `
    (local.set $y (i32.load (local.get $srci)))
    (local.set $q (local.get $dsti))`)}
    (local.set $p (local.get $i))
    (block $placed (loop $shift
      (br_if $placed (i32.eq (local.get $p) (local.get $dst)))
      (local.set $v (${K}.load (i32.sub (local.get $p) (i32.const ${kb}))))
      (br_if $placed (${K}.le_u (local.get $v) (local.get $x)))
      (${K}.store (local.get $p) (local.get $v))${ix(v, `
      (i32.store (local.get $q) (i32.load (i32.sub (local.get $q) (i32.const 4))))
      (local.set $q (i32.sub (local.get $q) (i32.const 4)))`)}
      (local.set $p (i32.sub (local.get $p) (i32.const ${kb})))
      (br $shift)))
    (${K}.store (local.get $p) (local.get $x))${ix(v, `
    (i32.store (local.get $q) (local.get $y))
    (local.set $srci (i32.add (local.get $srci) (i32.const 4)))
    (local.set $dsti (i32.add (local.get $dsti) (i32.const 4)))`)}
    (local.set $src (i32.add (local.get $src) (i32.const ${kb})))
    (local.set $i (i32.add (local.get $i) (i32.const ${kb})))
    (br $next)))
)`
}

/**
 * Stable sort of n keys from src into dst for tiny n: a br_table on n to straight-line code that loads the keys
 * into locals, runs an odd-even transposition network (n rounds of adjacent compare-exchanges that swap only
 * strictly greater pairs, hence stable) by selects, and stores them; no data-dependent branches but the table.
 * Longer ranges go to insertion.
 */
function leafFunc(v: Variant): string {
  const { K, kb } = v
  const B = SORT_NETWORK
  const locals: string[] = []
  for (let j = 0; j < B; j++) locals.push(`(local $k${j} ${K})`, ...(v.idx ? [`(local $y${j} i32)`] : []))
  const lines: string[] = []
  const labels = Array.from({ length: B + 1 }, (_, m) => `$c${m}`)
  // open the blocks: the outermost is the fallback, the innermost case 0
  lines.push('(block $long')
  for (let m = B; m >= 0; m--) lines.push(`(block ${labels[m]}`)
  lines.push(`(br_table ${labels.join(' ')} $long (local.get $n)))`)
  lines.push('(return))') // n = 0
  for (let m = 1; m <= B; m++) {
    const body: string[] = []
    for (let j = 0; j < m; j++) {
      body.push(`(local.set $k${j} (${K}.load offset=${j * kb} (local.get $src)))`)
      if (v.idx) body.push(`(local.set $y${j} (i32.load offset=${j * 4} (local.get $srci)))`)
    }
    for (let r = 0; r < m; r++) {
      for (let j = r % 2; j + 1 < m; j += 2) {
        body.push(`(local.set $g (${K}.gt_u (local.get $k${j}) (local.get $k${j + 1})))`,
          `(local.set $t (select (local.get $k${j + 1}) (local.get $k${j}) (local.get $g)))`,
          `(local.set $k${j + 1} (select (local.get $k${j}) (local.get $k${j + 1}) (local.get $g)))`,
          `(local.set $k${j} (local.get $t))`)
        if (v.idx) {
          body.push(`(local.set $u (select (local.get $y${j + 1}) (local.get $y${j}) (local.get $g)))`,
            `(local.set $y${j + 1} (select (local.get $y${j}) (local.get $y${j + 1}) (local.get $g)))`,
            `(local.set $y${j} (local.get $u))`)
        }
      }
    }
    for (let j = 0; j < m; j++) {
      body.push(`(${K}.store offset=${j * kb} (local.get $dst) (local.get $k${j}))`)
      if (v.idx) body.push(`(i32.store offset=${j * 4} (local.get $dsti) (local.get $y${j}))`)
    }
    lines.push(...body.map((l) => `  ${l}`), '(return))')
  }
  lines.push(`(call $ins_${v.name} (local.get $src) (local.get $dst)${ix(v, ' (local.get $srci) (local.get $dsti)')} (local.get $n))`)
  return `(func $leaf_${v.name} (param $src i32) (param $dst i32)${ix(v, ' (param $srci i32) (param $dsti i32)')} (param $n i32)
  (local $g i32) (local $t ${K})${ix(v, ' (local $u i32)')} ${locals.join(' ')}
  ${lines.join('\n  ')}
)`
}

/** The recursive sort of n keys at a (scratch b; permutation ia, scratch ib), result in a when inA. */
function sortFunc(v: Variant): string {
  const { K, kb, ks, bits } = v
  const ins = (src: string, dst: string, srci: string, dsti: string, n: string): string =>
    `(call $leaf_${v.name} ${src} ${dst}${ix(v, ` ${srci} ${dsti}`)} ${n})`
  // the permutation's offset for a key offset (bytes): the same for 32-bit keys, half for 64-bit
  const ioff = (off: string): string => (kb === 8 ? `(i32.shr_u ${off} (i32.const 1))` : off)
  const clz = K === 'i64' ? '(i32.wrap_i64 (i64.clz (local.get $diff)))' : '(i32.clz (local.get $diff))'
  return `(func $sort_${v.name} (param $a i32) (param $b i32)${ix(v, ' (param $ia i32) (param $ib i32)')} (param $n i32) (param $inA i32) (param $top i32) (param $cnt i32)
  (local $end i32) (local $p i32) (local $d i32) (local $shift i32) (local $mask4 i32) (local $cend i32) (local $x i32)
  (local $sum i32) (local $t i32) (local $c i32) (local $s i32) (local $e i32) (local $m i32) (local $off i32)
  (local $k0 ${K}) (local $diff ${K}) (local $k ${K}) (local $sh ${K}) (local $endU i32)${ix(v, ' (local $pi i32) (local $delta i32)')}
  (if (i32.le_u (local.get $n) (i32.const ${SORT_SMALL})) (then
    (if (local.get $inA)
      (then ${ins('(local.get $a)', '(local.get $a)', '(local.get $ia)', '(local.get $ia)', '(local.get $n)')})
      (else ${ins('(local.get $a)', '(local.get $b)', '(local.get $ia)', '(local.get $ib)', '(local.get $n)')}))
    (return)))
  (local.set $end (i32.add (local.get $a) (i32.shl (local.get $n) (i32.const ${ks}))))
  ;; the highest bit in which any two keys differ
  (if (i32.lt_s (local.get $top) (i32.const 0)) (then
    (local.set $k0 (${K}.load (local.get $a)))
    (local.set $diff (${K}.const 0))
    (local.set $p (i32.add (local.get $a) (i32.const ${kb})))
    (block $top_done (loop $top_next
      (br_if $top_done (i32.ge_u (local.get $p) (local.get $end)))
      (local.set $diff (${K}.or (local.get $diff) (${K}.xor (${K}.load (local.get $p)) (local.get $k0))))
      (local.set $p (i32.add (local.get $p) (i32.const ${kb})))
      (br $top_next)))
    (local.set $top (i32.sub (i32.const ${bits}) ${clz}))))
  ;; the next digit that splits the range (a digit every key shares costs a histogram, no scatter)
  (block $split (loop $digit
    (if (i32.eqz (local.get $top)) (then
      (if (i32.eqz (local.get $inA)) (then
        (memory.copy (local.get $b) (local.get $a) (i32.shl (local.get $n) (i32.const ${ks})))${ix(v, `
        (memory.copy (local.get $ib) (local.get $ia) (i32.shl (local.get $n) (i32.const 2)))`)}))
      (return)))
    ;; digitBits: about 4 keys per bucket, capped
    (local.set $d (i32.sub (i32.const 29) (i32.clz (local.get $n))))
    (local.set $t (select (i32.const ${SORT_MAX_DIGIT_FAR}) (i32.const ${SORT_MAX_DIGIT}) (i32.gt_u (local.get $n) (i32.const ${SORT_FAR}))))
    (if (i32.gt_u (local.get $d) (local.get $t)) (then (local.set $d (local.get $t))))
    (if (i32.gt_u (local.get $d) (local.get $top)) (then (local.set $d (local.get $top))))
    (local.set $shift (i32.sub (local.get $top) (local.get $d)))${K === 'i64' ? `
    (local.set $sh (i64.extend_i32_s (i32.sub (local.get $shift) (i32.const 2))))` : `
    (local.set $sh (i32.sub (local.get $shift) (i32.const 2)))`}
    (local.set $mask4 (i32.shl (i32.sub (i32.shl (i32.const 1) (local.get $d)) (i32.const 1)) (i32.const 2)))
    (local.set $cend (i32.add (local.get $cnt) (i32.shl (i32.const 4) (local.get $d))))
    (memory.fill (local.get $cnt) (i32.const 0) (i32.shl (i32.const 4) (local.get $d)))
    (local.set $p (local.get $a))
${unrolled(v, 'hist', (j) => `(local.set $c (i32.add (local.get $cnt) ${digit4(v, `(${K}.load offset=${j * kb} (local.get $p))`)}))
      (i32.store (local.get $c) (i32.add (i32.load (local.get $c)) (i32.const 1)))`, false).replace(/^/gm, '    ')}
    (br_if $split (i32.ne (i32.load (i32.add (local.get $cnt) ${digit4(v, `(${K}.load (local.get $a))`)})) (local.get $n)))
    (local.set $top (local.get $shift))
    (br $digit)))
  ;; counts → the byte address in b where each bucket starts
  (local.set $sum (local.get $b))
  (local.set $x (local.get $cnt))
  (loop $prefix
    (local.set $t (i32.load (local.get $x)))
    (i32.store (local.get $x) (local.get $sum))
    (local.set $sum (i32.add (local.get $sum) (i32.shl (local.get $t) (i32.const ${ks}))))
    (local.set $x (i32.add (local.get $x) (i32.const 4)))
    (br_if $prefix (i32.lt_u (local.get $x) (local.get $cend))))
  ;; the stable scatter a → b${ix(v, ' (the permutation: ib + (t - b) / (key bytes / 4))')}
  (local.set $p (local.get $a))${ix(v, `
  (local.set $pi (local.get $ia))
  (local.set $delta (i32.sub (local.get $ib) ${ioff('(local.get $b)')}))`)}
${unrolled(v, 'scatter', (j) => `(local.set $k (${K}.load offset=${j * kb} (local.get $p)))
    (local.set $c (i32.add (local.get $cnt) ${digit4(v, '(local.get $k)')}))
    (local.set $t (i32.load (local.get $c)))
    (${K}.store (local.get $t) (local.get $k))${ix(v, `
    (i32.store (i32.add (local.get $delta) ${ioff('(local.get $t)')}) (i32.load offset=${j * 4} (local.get $pi)))`)}
    (i32.store (local.get $c) (i32.add (local.get $t) (i32.const ${kb})))`, v.idx).replace(/^/gm, '  ')}
  ;; now each counter is its bucket's end; sort every bucket from b, its result where ours goes
  (local.set $s (local.get $b))
  (local.set $x (local.get $cnt))
  (loop $bucket
    (local.set $e (i32.load (local.get $x)))
    (local.set $m (i32.shr_u (i32.sub (local.get $e) (local.get $s)) (i32.const ${ks})))
    (local.set $off (i32.sub (local.get $s) (local.get $b)))
    (if (i32.gt_u (local.get $m) (i32.const ${SORT_SMALL}))
      (then (call $sort_${v.name} (local.get $s) (i32.add (local.get $a) (local.get $off))${ix(v, ` (i32.add (local.get $ib) ${ioff('(local.get $off)')}) (i32.add (local.get $ia) ${ioff('(local.get $off)')})`)}
        (local.get $m) (i32.eqz (local.get $inA)) (local.get $shift) (local.get $cend)))
      (else (if (local.get $inA)
        (then (if (local.get $m) (then ${ins('(local.get $s)', '(i32.add (local.get $a) (local.get $off))', `(i32.add (local.get $ib) ${ioff('(local.get $off)')})`, `(i32.add (local.get $ia) ${ioff('(local.get $off)')})`, '(local.get $m)')})))
        (else (if (i32.gt_u (local.get $m) (i32.const 1)) (then ${ins('(local.get $s)', '(local.get $s)', `(i32.add (local.get $ib) ${ioff('(local.get $off)')})`, `(i32.add (local.get $ib) ${ioff('(local.get $off)')})`, '(local.get $m)')}))))))
    (local.set $s (local.get $e))
    (local.set $x (i32.add (local.get $x) (i32.const 4)))
    (br_if $bucket (i32.lt_u (local.get $x) (local.get $cend))))
)`
}

/** The export: [lo, hi) of the buffers at a, b (ia, ib) to the recursive sort. */
function exportFunc(v: Variant): string {
  const at = (p: string, shift: number): string => `(i32.add (local.get ${p}) (i32.shl (local.get $lo) (i32.const ${shift})))`
  return `(func (export "${v.name}") (param $a i32) (param $b i32)${ix(v, ' (param $ia i32) (param $ib i32)')} (param $lo i32) (param $hi i32) (param $inA i32) (param $top i32) (param $cnt i32)
  (if (i32.gt_s (local.get $hi) (local.get $lo)) (then
    (call $sort_${v.name} ${at('$a', v.ks)} ${at('$b', v.ks)}${ix(v, ` ${at('$ia', 2)} ${at('$ib', 2)}`)}
      (i32.sub (local.get $hi) (local.get $lo)) (local.get $inA) (local.get $top) (local.get $cnt))))
)`
}

/**
 * float64 keys in place (keys.ts makeKeys, for contiguous float64): every value becomes its order-preserving key
 * (negatives: all bits flipped; positives: the sign bit; every NaN: all ones; -0: the key of +0). Returns how
 * many specials (-0, NaNs other than the canonical 0x7ff8…) it met; stores at `out` the OR of every key XOR the
 * first key (the bits in which the keys differ); with hist ≠ 0, counts each key's digit (key >>> shift) & mask
 * into the i32 counters at hist (which the caller zeroed).
 *   keysf64(p, n, hist, shift, mask, out) → specials
 */
function keysF64Func(): string {
  return `(func (export "keysf64") (param $p i32) (param $n i32) (param $hist i32) (param $shift i32) (param $mask i32) (param $out i32) (result i32)
  (local $end i32) (local $k i64) (local $key i64) (local $a i64) (local $k0 i64) (local $diff i64) (local $sp i32) (local $c i32) (local $sh i64)
  (local.set $end (i32.add (local.get $p) (i32.shl (local.get $n) (i32.const 3))))
  (local.set $sh (i64.extend_i32_u (local.get $shift)))
  (block $done (loop $each
    (br_if $done (i32.ge_u (local.get $p) (local.get $end)))
    (local.set $k (i64.load (local.get $p)))
    (local.set $key (i64.xor (local.get $k) (i64.or (i64.shr_s (local.get $k) (i64.const 63)) (i64.const 0x8000000000000000))))
    (local.set $a (i64.and (local.get $k) (i64.const 0x7fffffffffffffff)))
    (if (i64.gt_u (local.get $a) (i64.const 0x7ff0000000000000))
      (then
        (local.set $key (i64.const -1))
        (if (i64.ne (local.get $k) (i64.const 0x7ff8000000000000)) (then (local.set $sp (i32.add (local.get $sp) (i32.const 1))))))
      (else (if (i64.eq (local.get $k) (i64.const 0x8000000000000000))
        (then (local.set $key (i64.const 0x8000000000000000)) (local.set $sp (i32.add (local.get $sp) (i32.const 1)))))))
    (i64.store (local.get $p) (local.get $key))
    (if (i32.eq (local.get $p) (i32.sub (local.get $end) (i32.shl (local.get $n) (i32.const 3)))) (then (local.set $k0 (local.get $key))))
    (local.set $diff (i64.or (local.get $diff) (i64.xor (local.get $key) (local.get $k0))))
    (if (local.get $hist) (then
      (local.set $c (i32.add (local.get $hist) (i32.shl (i32.and (i32.wrap_i64 (i64.shr_u (local.get $key) (local.get $sh))) (local.get $mask)) (i32.const 2))))
      (i32.store (local.get $c) (i32.add (i32.load (local.get $c)) (i32.const 1)))))
    (local.set $p (i32.add (local.get $p) (i32.const 8)))
    (br $each)))
  (i64.store (local.get $out) (local.get $diff))
  (local.get $sp)
)`
}

/**
 * float64 values of sorted keys in place (keys.ts unKeys): the inverse of keysf64, all-ones keys to the canonical
 * NaN (the specials are put back by the caller).
 *   unkeysf64(p, n)
 */
function unkeysF64Func(): string {
  return `(func (export "unkeysf64") (param $p i32) (param $n i32)
  (local $end i32) (local $key i64)
  (local.set $end (i32.add (local.get $p) (i32.shl (local.get $n) (i32.const 3))))
  (block $done (loop $each
    (br_if $done (i32.ge_u (local.get $p) (local.get $end)))
    (local.set $key (i64.load (local.get $p)))
    (i64.store (local.get $p) (select (i64.const 0x7ff8000000000000)
      (i64.xor (local.get $key) (i64.or (i64.xor (i64.shr_s (local.get $key) (i64.const 63)) (i64.const -1)) (i64.const 0x8000000000000000)))
      (i64.eq (local.get $key) (i64.const -1))))
    (local.set $p (i32.add (local.get $p) (i32.const 8)))
    (br $each)))
)`
}

/**
 * 32-bit keys in place (keys.ts makeKeys for float32, int32, uint32: `kind` 0, 1, 2): float32 as keysf64 does for
 * float64, int32 with the sign bit flipped, uint32 as it is. Returns the specials met; stores at `out` the OR of
 * every key XOR the first; with hist ≠ 0, counts (key >>> shift) & mask into the i32 counters at hist.
 *   keys32(p, n, kind, hist, shift, mask, out) → specials
 */
function keys32Func(): string {
  return `(func (export "keys32") (param $p i32) (param $n i32) (param $kind i32) (param $hist i32) (param $shift i32) (param $mask i32) (param $out i32) (result i32)
  (local $end i32) (local $start i32) (local $h i32) (local $key i32) (local $a i32) (local $k0 i32) (local $diff i32) (local $sp i32) (local $c i32)
  (local.set $start (local.get $p))
  (local.set $end (i32.add (local.get $p) (i32.shl (local.get $n) (i32.const 2))))
  (block $done (loop $each
    (br_if $done (i32.ge_u (local.get $p) (local.get $end)))
    (local.set $h (i32.load (local.get $p)))
    (if (i32.eqz (local.get $kind))
      (then
        (local.set $key (i32.xor (local.get $h) (i32.or (i32.shr_s (local.get $h) (i32.const 31)) (i32.const 0x80000000))))
        (local.set $a (i32.and (local.get $h) (i32.const 0x7fffffff)))
        (if (i32.gt_u (local.get $a) (i32.const 0x7f800000))
          (then
            (local.set $key (i32.const -1))
            (if (i32.ne (local.get $h) (i32.const 0x7fc00000)) (then (local.set $sp (i32.add (local.get $sp) (i32.const 1))))))
          (else (if (i32.eq (local.get $h) (i32.const 0x80000000))
            (then (local.set $key (i32.const 0x80000000)) (local.set $sp (i32.add (local.get $sp) (i32.const 1))))))))
      (else (local.set $key (select (i32.xor (local.get $h) (i32.const 0x80000000)) (local.get $h) (i32.eq (local.get $kind) (i32.const 1))))))
    (i32.store (local.get $p) (local.get $key))
    (if (i32.eq (local.get $p) (local.get $start)) (then (local.set $k0 (local.get $key))))
    (local.set $diff (i32.or (local.get $diff) (i32.xor (local.get $key) (local.get $k0))))
    (if (local.get $hist) (then
      (local.set $c (i32.add (local.get $hist) (i32.shl (i32.and (i32.shr_u (local.get $key) (local.get $shift)) (local.get $mask)) (i32.const 2))))
      (i32.store (local.get $c) (i32.add (i32.load (local.get $c)) (i32.const 1)))))
    (local.set $p (i32.add (local.get $p) (i32.const 4)))
    (br $each)))
  (i32.store (local.get $out) (local.get $diff))
  (local.get $sp)
)`
}

/**
 * 32-bit values of sorted keys in place (keys.ts unKeys): the inverse of keys32 (float32's all-ones key to the
 * canonical NaN).
 *   unkeys32(p, n, kind)
 */
function unkeys32Func(): string {
  return `(func (export "unkeys32") (param $p i32) (param $n i32) (param $kind i32)
  (local $end i32) (local $key i32)
  (local.set $end (i32.add (local.get $p) (i32.shl (local.get $n) (i32.const 2))))
  (block $done (loop $each
    (br_if $done (i32.ge_u (local.get $p) (local.get $end)))
    (local.set $key (i32.load (local.get $p)))
    (if (i32.eqz (local.get $kind))
      (then (i32.store (local.get $p) (select (i32.const 0x7fc00000)
        (i32.xor (local.get $key) (i32.or (i32.xor (i32.shr_s (local.get $key) (i32.const 31)) (i32.const -1)) (i32.const 0x80000000)))
        (i32.eq (local.get $key) (i32.const -1)))))
      (else (if (i32.eq (local.get $kind) (i32.const 1)) (then (i32.store (local.get $p) (i32.xor (local.get $key) (i32.const 0x80000000)))))))
    (local.set $p (i32.add (local.get $p) (i32.const 4)))
    (br $each)))
)`
}

/** The module's WAT text. */
export function sortModuleWat(): string {
  const parts: string[] = []
  for (const v of VARIANTS) parts.push(insertionFunc(v), leafFunc(v), sortFunc(v), exportFunc(v))
  parts.push(keysF64Func(), unkeysF64Func(), keys32Func(), unkeys32Func())
  return [
    ';; GENERATED by packages/core/src/kernels/sort/wasm-sort-wat.ts (sortModuleWat) — do not edit; see scripts/build-wasm-sort.ts.',
    '(module',
    '  ;; the thread\'s own memory: counters at cnt, key and permutation buffers elsewhere (wasm-sort.ts)',
    '  (import "env" "memory" (memory 1))',
    ...parts.map((p) => p.split('\n').map((l) => `  ${l}`).join('\n')),
    ')',
    '',
  ].join('\n')
}
