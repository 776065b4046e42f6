/**
 * The public names of each package entry point, values and types, against committed snapshots: changing the
 * public API is a visible decision in review (`npx vitest run test/package -u` rewrites the snapshots).
 * Names come from the TypeScript checker over the sources, so type-only exports count too; the runtime values are
 * also checked against what the module really exports.
 */
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import ts from 'typescript'
import { describe, expect, it } from 'vitest'

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..')
const ENTRIES = {
  '@strided/core': 'packages/core/src/index.ts',
  '@strided/workers': 'packages/workers/src/index.ts',
  '@strided/workers/comlink': 'packages/workers/src/comlink.ts',
} as const

const program = ts.createProgram(Object.values(ENTRIES).map((f) => join(ROOT, f)), {
  module: ts.ModuleKind.NodeNext, moduleResolution: ts.ModuleResolutionKind.NodeNext, target: ts.ScriptTarget.ES2022,
  customConditions: ['strided-source'], noEmit: true, skipLibCheck: true, types: ['node'],
})
const checker = program.getTypeChecker()

/** `name: value` or `name: type` for every export, sorted. */
function exportedNames(file: string): { line: string; name: string; value: boolean }[] {
  const sf = program.getSourceFile(join(ROOT, file))
  if (sf === undefined) throw new Error(`${file} is not in the program`)
  const mod = checker.getSymbolAtLocation(sf)!
  return checker.getExportsOfModule(mod).map((s) => {
    const target = s.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(s) : s
    const value = (target.flags & ts.SymbolFlags.Value) !== 0
    return { name: s.name, value, line: `${s.name}: ${value ? 'value' : 'type'}` }
  }).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))
}

describe('public names', () => {
  for (const [pkg, file] of Object.entries(ENTRIES)) {
    it(`${pkg} exports exactly its snapshot`, async () => {
      const names = exportedNames(file)
      await expect(names.map((n) => n.line).join('\n') + '\n').toMatchFileSnapshot(`./public-names/${pkg.replace(/\//g, '+')}.txt`)
      // the checker's values are the module's runtime exports
      const mod = (await import(pkg)) as Record<string, unknown>
      expect(Object.keys(mod).sort()).toEqual(names.filter((n) => n.value).map((n) => n.name).sort())
    })
  }

  it("@strided/core's root export holds none of the engine's internals", async () => {
    const core = (await import('@strided/core')) as Record<string, unknown>
    for (const name of ['allocateBytes', 'adoptArena', 'retainBlock', 'releaseBlock', 'BLOCK_HEADER', 'Cursor', 'makeLoopPlan', 'kOrder',
      'runCopy', 'runElementwise', 'warmUpReductions', 'setKernel', 'prepareUfunc', 'prepareReduction', 'overlapOutcome', 'DTYPES']) {
      expect(core[name], name).toBeUndefined()
    }
    const internal = (await import('@strided/core/internal')) as Record<string, unknown>
    for (const name of ['allocateBytes', 'retainBlock', 'prepareUfunc', 'runElementwise']) expect(internal[name], name).toBeTypeOf('function')
  })
})
