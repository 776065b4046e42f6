// Loads the user module named in workerData.module inside a worker thread. TypeScript modules go
// through tsx's loader, because Node 20 cannot load .ts files in worker threads by itself.
import { workerData } from 'node:worker_threads'

const href = workerData.module
if (/\.[cm]?ts$/.test(new URL(href).pathname)) {
  const { register } = await import('tsx/esm/api')
  register()
}
await import(href)
