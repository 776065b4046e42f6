// Piscina loads this plain-JavaScript file in each worker thread. Node 20 cannot load TypeScript in a
// worker by itself: when a compiled worker.js sits next to this file (a built package) it is used,
// otherwise tsx compiles the TypeScript sources on the fly (the workspace and the tests work this way).
import { existsSync } from 'node:fs'

const compiled = new URL('./worker.js', import.meta.url)
let mod
if (existsSync(compiled)) {
  mod = await import(compiled.href)
} else {
  const { register } = await import('tsx/esm/api')
  register()
  mod = await import(new URL('./worker.ts', import.meta.url).href)
}
export default mod.default
