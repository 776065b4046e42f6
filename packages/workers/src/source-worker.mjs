// Workspace only (never shipped): the Piscina worker entry when the runtime runs from its TypeScript sources, as
// the tests do. Node 20 cannot load .ts in a worker thread by itself, so tsx (a dev dependency) is registered
// first; @strided/core resolves to its sources through the "strided-source" condition (thread-entry.ts).
import { register } from 'tsx/esm/api'

register()
const mod = await import(new URL('./worker.ts', import.meta.url).href)
export default mod.default
