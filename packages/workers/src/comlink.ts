/**
 * comlink support: NDArrays cross comlink endpoints as descriptors over their SharedArrayBuffer —
 * zero-copy, as arguments and return values, in both directions. Import this module on both sides
 * (it registers the transfer handler on import).
 *
 *   // main thread                                   // worker module (stage.ts)
 *   import { wrapWorker, startWorker } from          import { exposeFromWorker } from '@strided/workers/comlink'
 *     '@strided/workers/comlink'                     exposeFromWorker({ scale(a, k) { ...; return a } })
 *   const stage = wrapWorker(startWorker(new URL('./stage.ts', import.meta.url)))
 *   const y = await stage.scale(x, 2)   // y is a view of x's memory
 */
import { Worker, isMainThread, parentPort, workerData } from 'node:worker_threads'
import * as Comlink from 'comlink/dist/esm/comlink.mjs'
import nodeEndpoint from 'comlink/dist/esm/node-adapter.mjs'
import {
  BLOCK_HEADER, NDArray, adoptArena, arenaHandle, currentArena, noteArenaBuffers, releaseBlock, retainBlock, type ArenaHandle, type DTypeName,
} from '@strided/core'
import { bufferId, canonicalBuffer } from './buffer-identity.js'
import { NotSharedError } from './errors.js'

/** What crosses the endpoint: the view's descriptor and its writeable flag. */
export interface WireNDArray {
  buffer: SharedArrayBuffer
  /** Identity of the memory block, so a buffer that comes back is the object this thread already holds. */
  bufferId: string
  dtype: DTypeName
  shape: number[]
  strides: number[]
  offset: number
  writeable: boolean
  /**
   * For arena memory: the arena's id and the block the view lives in. The sender takes a reference count on the
   * block for the receiver, which returns it when its array is collected, so the block outlives the sender's owner.
   */
  arena?: { id: number; block: number; bytes: number }
}

/** Received arena views: returns the sender's count when the receiving array is gone. */
const remoteBlocks = new FinalizationRegistry<{ buffer: SharedArrayBuffer; block: number }>(({ buffer, block }) => releaseBlock(buffer, block))

export const NDARRAY_HANDLER = 'strided.ndarray'

export const ndarrayTransferHandler: Comlink.TransferHandler<NDArray, WireNDArray> = {
  canHandle: (value: unknown): value is NDArray => value instanceof NDArray,
  serialize(a: NDArray): [WireNDArray, Transferable[]] {
    if (!(a.buffer instanceof SharedArrayBuffer)) {
      throw new NotSharedError(`comlink: array with shape (${a.shape.join(', ')}), dtype ${a.dtype} is backed by an ArrayBuffer; only SharedArrayBuffer-backed arrays cross threads by reference. Make a shared copy with array(a)`)
    }
    const wire: WireNDArray = { buffer: a.buffer, bufferId: bufferId(a.buffer), dtype: a.dtype, shape: [...a.shape], strides: [...a.strides], offset: a.offset, writeable: a.flags.writeable }
    const block = a.arenaBlock
    if (block >= 0) {
      const { start, end } = a.memoryExtent
      retainBlock(a.buffer, block)
      wire.arena = { id: a.arenaId, block, bytes: end - start }
    }
    // nothing in the transfer list: a SharedArrayBuffer is shared by structured clone, never moved
    return [wire, []]
  },
  deserialize(w: WireNDArray): NDArray {
    const buffer = canonicalBuffer(w.bufferId, w.buffer)
    const desc = { buffer, dtype: w.dtype, shape: w.shape, strides: w.strides, offset: w.offset }
    if (w.arena === undefined) return new NDArray(desc, { writeable: w.writeable })
    // this thread runs WASM kernels on it when it uses the same arena (an adopted one)
    if (currentArena()?.id === w.arena.id) noteArenaBuffers([buffer], w.arena.id)
    const token = {}
    remoteBlocks.register(token, { buffer, block: w.arena.block })
    const allocation = { buffer, byteOffset: w.arena.block + BLOCK_HEADER, block: w.arena.block, bytes: w.arena.bytes, arenaId: w.arena.id }
    return new NDArray(desc, { writeable: w.writeable, allocation, keepAlive: token })
  },
}

/** Register the NDArray transfer handler (done on import; call again after clearing comlink's handlers). */
export function registerNDArrayTransfer(): void {
  Comlink.transferHandlers.set(NDARRAY_HANDLER, ndarrayTransferHandler as Comlink.TransferHandler<unknown, unknown>)
}
registerNDArrayTransfer()

// a worker started by startWorker adopts its parent's arena
if (!isMainThread) {
  const handle = (workerData as { arena?: ArenaHandle | null } | null)?.arena
  if (handle && !currentArena()) adoptArena(handle)
}

/** Start a worker thread on a module; TypeScript modules are compiled on the fly through tsx (Node 20 cannot load .ts in workers). */
export function startWorker(module: URL | string): Worker {
  const href = module instanceof URL ? module.href : new URL(module, 'file://').href
  // the worker adopts this thread's arena (comlink.ts, on import there), so its kernels run on our arrays in place
  return new Worker(new URL('./module-bootstrap.mjs', import.meta.url), { workerData: { module: href, arena: arenaHandle() } })
}

/** A comlink proxy for the object a worker exposed with exposeFromWorker. */
export function wrapWorker<T>(worker: Worker): Comlink.Remote<T> {
  return Comlink.wrap<T>(nodeEndpoint(worker))
}

/** In a worker module: expose an object's methods to the thread that started it. */
export function exposeFromWorker(obj: unknown): void {
  if (parentPort === null) throw new Error('exposeFromWorker must be called inside a worker thread')
  Comlink.expose(obj, nodeEndpoint(parentPort))
}

export { Comlink }
export { bufferId, canonicalBuffer } from "./buffer-identity.js"
