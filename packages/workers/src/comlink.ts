/**
 * comlink support: NDArrays cross comlink endpoints as descriptors over their SharedArrayBuffer, zero-copy, as
 * arguments and return values, in both directions. Import this module on both sides (it registers the transfer
 * handler on import). Everything a Node program needs is here, so an app does not depend on comlink itself:
 *
 *   // main.mjs                                       // stage.mjs (the worker module)
 *   import { startWorker, wrapWorker } from           import { exposeFromWorker } from '@strided/workers/comlink'
 *     '@strided/workers/comlink'                      exposeFromWorker({ scale(a, k) { ...; return a } })
 *   const stage = wrapWorker(startWorker(new URL('./stage.mjs', import.meta.url)))
 *   const y = await stage.scale(x, 2)   // y is a view of x's memory
 *
 * comlink's own typings need the DOM library (Transferable, MessageEvent), which a Node project does not load, so
 * the types here are this package's own: {@link Remote} for a proxy, Node's Worker and MessagePort as endpoints.
 *
 * @packageDocumentation
 * @module @strided/workers/comlink
 */
import { resolve } from 'node:path'
import { pathToFileURL } from 'node:url'
import { Worker, isMainThread, parentPort, workerData, type MessagePort } from 'node:worker_threads'
import * as Comlink from 'comlink/dist/esm/comlink.mjs'
import nodeEndpoint from 'comlink/dist/esm/node-adapter.mjs'
import { NDArray, type DTypeName } from '@strided/core'
import {
  BLOCK_HEADER, adoptArena, arenaHandle, currentArena, noteArenaBuffers, releaseBlock, retainBlock, type ArenaHandle,
} from '@strided/core/internal'
import { bufferId, canonicalBuffer } from './buffer-identity.js'
import { NotSharedError } from './errors.js'
import { threadExecArgv, userWorkerEntry } from './thread-entry.js'

/** What crosses the endpoint: the view's descriptor and its writeable flag. */
export interface WireNDArray {
  /** The memory the view is over, shared by structured clone. */
  buffer: SharedArrayBuffer
  /** Identity of the memory block, so a buffer that comes back is the object this thread already holds. */
  bufferId: string
  /** The view's dtype. */
  dtype: DTypeName
  /** The view's shape. */
  shape: number[]
  /** The view's strides, in elements. */
  strides: number[]
  /** The view's offset into the buffer, in elements. */
  offset: number
  /** Whether the receiver may write through it. */
  writeable: boolean
  /**
   * For arena memory: the arena's id and the block the view lives in. The sender takes a reference count on the
   * block for the receiver, which returns it when its array is collected, so the block outlives the sender's owner.
   */
  arena?: {
    /** The arena's id. */
    id: number
    /** The block's header address. */
    block: number
    /** The block's usable bytes. */
    bytes: number
  }
}

/** Received arena views: returns the sender's count when the receiving array is gone. */
const remoteBlocks = new FinalizationRegistry<{ buffer: SharedArrayBuffer; block: number }>(({ buffer, block }) => releaseBlock(buffer, block))

/** The name of the NDArray transfer handler in comlink's `transferHandlers` map. */
export const NDARRAY_HANDLER = 'strided.ndarray'

/** How a comlink transfer handler turns values of type T into what crosses the endpoint, and back. */
export interface TransferHandler<T, W> {
  /** Whether this handler serialises `value`. */
  canHandle(value: unknown): value is T
  /** What crosses the endpoint, and the buffers or ports to move (not copy) with it. */
  serialize(value: T): [W, (ArrayBuffer | MessagePort)[]]
  /** The value again, on the receiving side. */
  deserialize(wire: W): T
}

/** The handler registered under {@link NDARRAY_HANDLER}: an NDArray crosses as its descriptor, never its data. */
export const ndarrayTransferHandler: TransferHandler<NDArray, WireNDArray> = {
  canHandle: (value: unknown): value is NDArray => value instanceof NDArray,
  serialize(a: NDArray): [WireNDArray, (ArrayBuffer | MessagePort)[]] {
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
  Comlink.transferHandlers.set(NDARRAY_HANDLER, ndarrayTransferHandler as unknown as Comlink.TransferHandler<unknown, unknown>)
}
registerNDArrayTransfer()

// a worker started by startWorker adopts its parent's arena
if (!isMainThread) {
  const handle = (workerData as { arena?: ArenaHandle | null } | null)?.arena
  if (handle && !currentArena()) adoptArena(handle)
}

/**
 * Start a worker thread on a module (a `file:` URL, or a path). The worker adopts this thread's arena when it
 * imports this module, so kernels there run on this thread's arrays in place.
 *
 * The module must be JavaScript Node can load, or TypeScript with a loader the process already runs under
 * (`node --import tsx app.ts`: worker threads inherit the parent's flags).
 *
 * @param module - the worker module: a URL, a URL string, or a path (a relative one resolves against the current
 *   directory)
 * @returns the Node Worker (terminate it when done)
 */
export function startWorker(module: URL | string): Worker {
  // a URL, a URL string (file:///..., as import.meta.resolve gives), or a path relative to the current directory
  const url = module instanceof URL ? module : /^[a-z][a-z0-9+.-]*:\/\//i.test(module) ? new URL(module) : pathToFileURL(resolve(module))
  const { entry, module: href } = userWorkerEntry(url)
  const execArgv = threadExecArgv()
  return new Worker(entry, { workerData: { module: href, arena: arenaHandle() }, ...(execArgv ? { execArgv } : {}) })
}

/**
 * A comlink proxy, seen from the calling side: each method returns a promise of its result, and each property
 * reads as a promise of its value. NDArray arguments and results cross as views of the same memory.
 */
export type Remote<T> = {
  readonly [K in keyof T]: T[K] extends (...args: infer A) => infer R ? (...args: A) => Promise<Awaited<R>> : Promise<Awaited<T[K]>>
}

/** A Node endpoint comlink can talk over: a Worker (from the parent) or a MessagePort (parentPort, a MessageChannel side). */
export type NodeEndpoint = Worker | MessagePort

/**
 * comlink's `wrap` over a Node endpoint: a proxy for the object exposed at the other end.
 *
 * @param endpoint - a Worker or a MessagePort
 * @returns the proxy; {@link releaseRemote} ends it
 */
export function wrap<T>(endpoint: NodeEndpoint): Remote<T> {
  return Comlink.wrap<T>(nodeEndpoint(endpoint)) as unknown as Remote<T>
}

/**
 * comlink's `expose` over a Node endpoint: answer calls from the other end with `obj`'s methods.
 *
 * @param obj - the object whose methods and properties the other side may use
 * @param endpoint - a Worker or a MessagePort
 */
export function expose(obj: object, endpoint: NodeEndpoint): void {
  Comlink.expose(obj, nodeEndpoint(endpoint))
}

/**
 * A proxy for the object a worker started with {@link startWorker} exposed with {@link exposeFromWorker}.
 *
 * @param worker - the worker
 * @returns the proxy
 */
export function wrapWorker<T>(worker: Worker): Remote<T> {
  return wrap<T>(worker)
}

/**
 * In a worker module: expose an object's methods to the thread that started it.
 *
 * @param obj - the object whose methods the parent may call
 * @throws Error when called outside a worker thread
 */
export function exposeFromWorker(obj: object): void {
  if (parentPort === null) throw new Error('exposeFromWorker must be called inside a worker thread')
  expose(obj, parentPort)
}

/**
 * Release a proxy made by {@link wrap} or {@link wrapWorker}: the other side drops its listener, so the
 * worker's event loop may end.
 *
 * @param remote - the proxy
 */
export function releaseRemote(remote: Remote<unknown>): void {
  ;(remote as unknown as Record<symbol, () => void>)[Comlink.releaseProxy]!()
}

/**
 * Mark a value to be passed to the other side by reference (comlink's `proxy`): a callback, say, that a worker
 * calls back on this thread. The other side sees a {@link Remote} of it.
 *
 * @param value - the object or function
 * @returns the same value, marked
 */
export function proxy<T extends object>(value: T): T {
  return Comlink.proxy(value)
}

/**
 * Move, rather than copy, buffers with an argument or a result (comlink's `transfer`). NDArrays need none of
 * this: their SharedArrayBuffer is shared, never moved.
 *
 * @param value - the value sent
 * @param transfers - ArrayBuffers or MessagePorts to move with it
 * @returns the same value, marked
 */
export function transfer<T>(value: T, transfers: (ArrayBuffer | MessagePort)[]): T {
  return Comlink.transfer(value, transfers as never)
}
