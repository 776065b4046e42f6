// Workspace only (never shipped): startWorker's entry when @strided/workers runs from its TypeScript sources.
// It registers tsx (a dev dependency; Node 20 cannot load .ts in worker threads) and loads the user's module.
import { workerData } from 'node:worker_threads'
import { register } from 'tsx/esm/api'

register()
await import(workerData.module)
