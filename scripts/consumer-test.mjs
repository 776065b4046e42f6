#!/usr/bin/env node
/**
 * The consumer test: what a user installs must work from plain Node and type-check for them.
 *
 *   node scripts/consumer-test.mjs [--keep]        (pnpm test:consumer; .ci/run runs it after the test suite)
 *
 * It builds and packs @strided/core and @strided/workers (pnpm pack: workspace ranges become semver ranges,
 * publishConfig's exports map replaces the workspace one), installs the tarballs with npm into a fresh temporary
 * project that has no TypeScript loader, and there:
 *   (a) runs a plain `node` ESM script: arrays, a Runtime({ threads: 2 }) sum, an add with out, an aliasing job
 *       that must reject with OverlapError, a view sent to a comlink worker and back; it must exit by itself;
 *       then the README's JavaScript examples, as written;
 *   (b) loads @strided/core with require() from a .cjs file (Node >= 20.19 loads ES modules without top-level
 *       await through require());
 *   (c) type-checks a TypeScript consumer (strict, skipLibCheck false) under module/moduleResolution node16 and
 *       bundler.
 * It prints what it measured (tarball sizes, install time, first-import time of each package) and exits non-zero
 * on any failure.
 */
import { spawnSync } from 'node:child_process'
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..')
const keep = process.argv.includes('--keep')
const PACKAGES = ['core', 'workers']

function fail(msg) {
  console.error(`consumer test FAILED: ${msg}`)
  process.exit(1)
}

/** Run a command; on failure print its output and fail. Returns stdout and the wall time in ms. */
function run(cmd, args, opts = {}) {
  const t0 = performance.now()
  const r = spawnSync(cmd, args, { encoding: 'utf8', timeout: opts.timeout ?? 300_000, cwd: opts.cwd ?? ROOT, env: opts.env ?? process.env })
  const ms = performance.now() - t0
  if (r.error || r.status !== 0) {
    fail(`${cmd} ${args.join(' ')} (in ${opts.cwd ?? ROOT}) ${r.error ? r.error.message : `exited ${r.status}`}\n${r.stdout}\n${r.stderr}`)
  }
  return { stdout: r.stdout, stderr: r.stderr, ms }
}

/** pnpm: the one running this script (pnpm test:consumer), else pnpm 10 through npx (corepack's check fails here). */
function pnpm(args, opts) {
  const execpath = process.env.npm_execpath
  if (execpath && /pnpm/.test(execpath)) return run(process.execPath, [execpath, ...args], opts)
  return run('npx', ['--yes', 'pnpm@10', ...args], opts)
}

const work = mkdtempSync(join(tmpdir(), 'strided-consumer-'))
const tarballs = join(work, 'tarballs')
const app = join(work, 'app')
mkdirSync(tarballs)
mkdirSync(app)

// ---------------------------------------------------------------- pack
run(process.execPath, [join(ROOT, 'node_modules/typescript/bin/tsc'), '-b', 'tsconfig.build.json'])
for (const p of PACKAGES) pnpm(['pack', '--pack-destination', tarballs], { cwd: join(ROOT, 'packages', p) })
const files = readdirSync(tarballs).filter((f) => f.endsWith('.tgz')).sort()
if (files.length !== PACKAGES.length) fail(`expected ${PACKAGES.length} tarballs, got ${files.join(', ')}`)
const sizes = Object.fromEntries(files.map((f) => [f, statSync(join(tarballs, f)).size]))
for (const f of files) {
  const listing = run('tar', ['-tzf', join(tarballs, f)]).stdout.split('\n').filter(Boolean)
  if (listing.some((l) => l.endsWith('.ts') && !l.endsWith('.d.ts'))) fail(`${f} ships TypeScript sources`)
  for (const need of ['package/package.json', 'package/README.md', 'package/LICENSE', 'package/dist/index.js', 'package/dist/index.d.ts']) {
    if (!listing.includes(need)) fail(`${f} lacks ${need}`)
  }
  const manifest = JSON.parse(run('tar', ['-xzOf', join(tarballs, f), 'package/package.json']).stdout)
  const deps = { ...manifest.dependencies, ...manifest.peerDependencies }
  for (const [name, range] of Object.entries(deps)) if (String(range).startsWith('workspace:')) fail(`${f}: dependency ${name} is ${range}`)
  if ('tsx' in deps) fail(`${f} depends on tsx`)
  if (JSON.stringify(manifest.exports).includes('strided-source')) fail(`${f}: the exports map names the workspace's source condition`)
}

// ---------------------------------------------------------------- install
writeFileSync(join(app, 'package.json'), JSON.stringify({ name: 'strided-consumer', private: true, type: 'module' }, null, 2))
const install = run('npm', ['install', '--no-audit', '--no-fund', '--loglevel=error', ...files.map((f) => join(tarballs, f))], { cwd: app })
for (const loader of ['tsx', 'ts-node', 'typescript', '@swc/core', 'esbuild']) {
  if (existsSync(join(app, 'node_modules', loader))) fail(`the consumer project has ${loader} installed`)
}

// ---------------------------------------------------------------- (a) plain node, ESM
writeFileSync(join(app, 'stage.mjs'), `import { multiply } from '@strided/core'
import { exposeFromWorker } from '@strided/workers/comlink'

exposeFromWorker({
  scale(a, k) { multiply(a, k, { out: a }); return a },
})
`)
writeFileSync(join(app, 'smoke.mjs'), `import assert from 'node:assert/strict'
import { arange, zeros, sum, sharesMemory, OverlapError, NDArray } from '@strided/core'
import { Runtime } from '@strided/workers'
import { startWorker, wrapWorker, releaseRemote } from '@strided/workers/comlink'

const a = arange(1_000_000)
const rt = new Runtime({ threads: 2, inlineThreshold: 0 })
assert.equal(await rt.sum(a), sum(a))
assert.equal(await rt.sum(a), 499999500000)
const out = zeros([1_000_000])
assert.equal(await rt.add(a, a, { out }), out)
assert.equal(out.get(123), 246)
await assert.rejects(rt.add(a.slice('1:'), a.slice(':-1'), { out: a.slice('1:') }), OverlapError)
assert.equal(a.get(1), 1) // the rejected job wrote nothing
await rt.close()

const worker = startWorker(new URL('./stage.mjs', import.meta.url))
const stage = wrapWorker(worker)
const x = arange(10_000)
const y = await stage.scale(x, 2)
assert.ok(y instanceof NDArray)
assert.ok(sharesMemory(x, y), 'the worker returned a view of the same memory')
assert.equal(x.get(10), 20)
releaseRemote(stage)
await worker.terminate()
// the module may also be a URL string or a path relative to the current directory
for (const spec of [new URL('./stage.mjs', import.meta.url).href, './stage.mjs']) {
  const w = startWorker(spec)
  const r = wrapWorker(w)
  assert.equal((await r.scale(arange(4), 3)).get(3), 9, spec)
  releaseRemote(r)
  await w.terminate()
}
console.log('esm ok')
`)
const esm = run(process.execPath, ['smoke.mjs'], { cwd: app, timeout: 60_000 })
if (esm.stdout.trim() !== 'esm ok') fail(`smoke.mjs printed ${JSON.stringify(esm.stdout)}`)

// ---------------------------------------------------------------- the README's examples, as written
// every ```js block of README.md whose first line is `// NAME.mjs` is written to the project; app.mjs and main.mjs run
const readme = readFileSync(join(ROOT, 'README.md'), 'utf8')
const examples = [...readme.matchAll(/```js\n\/\/ ([\w-]+\.mjs)\n([\s\S]*?)```/g)].map((m) => [m[1], m[2]])
for (const [name, body] of examples) writeFileSync(join(app, name), body)
const readmeRuns = ['app.mjs', 'main.mjs']
for (const name of readmeRuns) {
  if (!examples.some(([n]) => n === name)) fail(`README.md has no \`// ${name}\` example`)
  const r = run(process.execPath, [name], { cwd: app, timeout: 60_000 })
  if (/false/.test(r.stdout) || r.stdout.trim() === '') fail(`README's ${name} printed ${JSON.stringify(r.stdout)}`)
}

// ---------------------------------------------------------------- (b) require() from CommonJS
writeFileSync(join(app, 'app.cjs'), `const assert = require('node:assert/strict')
const { arange, sum, mean, repr } = require('@strided/core')
const a = arange(12).reshape([3, 4])
assert.equal(sum(a), 66)
assert.equal(mean(a), 5.5)
assert.equal(sum(a, { axis: 0 }).toArray().join(','), '12,15,18,21')
assert.match(repr(a), /^array\\(\\[\\[ 0\\.,/)
console.log('cjs ok')
`)
const cjs = run(process.execPath, ['app.cjs'], { cwd: app, timeout: 60_000 })
if (cjs.stdout.trim() !== 'cjs ok') fail(`app.cjs printed ${JSON.stringify(cjs.stdout)}`)
if (/ExperimentalWarning/.test(cjs.stderr)) console.log(`  note: require() printed ${cjs.stderr.trim().split('\n')[0]}`)

// ---------------------------------------------------------------- first-import time (a fresh process each)
function importMs(spec) {
  const code = `const t0 = performance.now(); await import(${JSON.stringify(spec)}); console.log((performance.now() - t0).toFixed(1))`
  const times = [0, 1, 2].map(() => Number(run(process.execPath, ['--input-type=module', '-e', code], { cwd: app }).stdout.trim()))
  return Math.min(...times)
}
const importTimes = Object.fromEntries(['@strided/core', '@strided/workers', '@strided/workers/comlink'].map((s) => [s, importMs(s)]))

// ---------------------------------------------------------------- (c) TypeScript consumer
const tsInstall = run('npm', ['install', '--no-audit', '--no-fund', '--loglevel=error', '--no-save', 'typescript@~5.9.0', '@types/node@^20.19.0'], { cwd: app })
writeFileSync(join(app, 'consumer.ts'), `import { arange, sum, mean, max, any, argmax, zeros, add, NDArray, OverlapError, type DTypeName, type Scalar } from '@strided/core'
import { Runtime, type RuntimeOptions } from '@strided/workers'
import { startWorker, wrapWorker, exposeFromWorker, type Remote } from '@strided/workers/comlink'

const a: NDArray = arange(24).reshape([4, 6])
// reductions: a JS scalar without an axis, an NDArray with one, no casts
const total: number | bigint = sum(a)
const perColumn: NDArray = sum(a, { axis: 0 })
const kept: NDArray = sum(a, { keepdims: true })
const m: number = mean(a)
const hi: Scalar = max(a)
const flag: boolean = any(a)
const at: number = argmax(a)
const into: NDArray = sum(a, { axis: [0, 1], out: zeros([]) })
const dt: DTypeName = add(a, 1).dtype
const err: Error = new OverlapError('x')

async function main(): Promise<void> {
  const options: RuntimeOptions = { threads: 2 }
  await using rt = new Runtime(options)
  const s: number | bigint = await rt.sum(a)
  const rows: NDArray = await rt.sum(a, { axis: 1 })
  const c: NDArray = await rt.add(a, a, { out: zeros([4, 6]) })
  interface Stage { scale(x: NDArray, k: number): NDArray; readonly name: string }
  const stage: Remote<Stage> = wrapWorker<Stage>(startWorker(new URL('./stage.mjs', import.meta.url)))
  const y: NDArray = await stage.scale(a, 2)
  const n: string = await stage.name
  void [s, rows, c, y, n]
}
exposeFromWorker({ ping: () => 'pong' })
void [total, perColumn, kept, m, hi, flag, at, into, dt, err, main]
`)
const strict = { strict: true, skipLibCheck: false, noEmit: true, target: 'ES2022', lib: ['ES2022', 'ESNext.Disposable'], types: ['node'] }
const modes = {
  node16: { ...strict, module: 'node16', moduleResolution: 'node16' },
  bundler: { ...strict, module: 'esnext', moduleResolution: 'bundler' },
}
const tsc = join(app, 'node_modules/typescript/bin/tsc')
for (const [mode, compilerOptions] of Object.entries(modes)) {
  writeFileSync(join(app, `tsconfig.${mode}.json`), JSON.stringify({ compilerOptions, files: ['consumer.ts'] }, null, 2))
  run(process.execPath, [tsc, '-p', `tsconfig.${mode}.json`], { cwd: app })
}

// ---------------------------------------------------------------- report
const kib = (n) => `${(n / 1024).toFixed(0)} KiB`
console.log(`consumer test passed: plain-node ESM (Runtime jobs, OverlapError, comlink round trip), the README's ${readmeRuns.join(' and ')}, require() from CJS, tsc under node16 and bundler`)
console.log(`  tarballs: ${files.map((f) => `${f} ${kib(sizes[f])}`).join(', ')}`)
console.log(`  npm install of the tarballs (and their dependencies): ${(install.ms / 1000).toFixed(1)} s; typescript + @types/node for the type check: ${(tsInstall.ms / 1000).toFixed(1)} s`)
console.log(`  first import (fresh process, best of 3): ${Object.entries(importTimes).map(([s, ms]) => `${s} ${ms} ms`).join(', ')}`)
console.log(`  plain-node script: ${esm.ms.toFixed(0)} ms wall, process start to exit`)
if (keep) console.log(`  kept ${work}`)
else rmSync(work, { recursive: true, force: true })
