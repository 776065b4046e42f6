/**
 * One JavaScript object per shared memory block, per thread.
 *
 * A SharedArrayBuffer posted to another thread arrives as a new object over the same memory, and one
 * posted back arrives as yet another. Code that compares buffers by identity (the overlap checker,
 * hazard ordering) would then think two views of one block live in different memory. So every shared
 * buffer that crosses a thread gets an id; on arrival, a buffer whose id this thread has seen is replaced
 * by the object it already holds.
 */
import { threadId } from 'node:worker_threads'

const idOf = new WeakMap<SharedArrayBuffer, string>()
const byId = new Map<string, WeakRef<SharedArrayBuffer>>()
const forget = new FinalizationRegistry<string>((id) => {
  if (byId.get(id)?.deref() === undefined) byId.delete(id)
})
let counter = 0

function remember(buffer: SharedArrayBuffer, id: string): void {
  idOf.set(buffer, id)
  byId.set(id, new WeakRef(buffer))
  forget.register(buffer, id)
}

/** The id that travels with `buffer` (assigned on first use; unique within the process). */
export function bufferId(buffer: SharedArrayBuffer): string {
  let id = idOf.get(buffer)
  if (id === undefined) {
    id = `${threadId}:${++counter}`
    remember(buffer, id)
  }
  return id
}

/** The object this thread already holds for the memory block `id`, or `incoming` (then remembered). */
export function canonicalBuffer(id: string, incoming: SharedArrayBuffer): SharedArrayBuffer {
  const known = byId.get(id)?.deref()
  if (known !== undefined && known.byteLength === incoming.byteLength) return known
  remember(incoming, id)
  return incoming
}
