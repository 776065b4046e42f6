// The structured-clone peer: what users write without SharedArrayBuffer. The main thread posts plain
// ArrayBuffer-backed Float64Arrays (copied by structured clone), this worker runs a plain loop and posts the
// answer back (for add, the result array is cloned back too). Plain JavaScript, so it needs no loader.
import { parentPort } from 'node:worker_threads'

function sum(a) {
  let s0 = 0, s1 = 0, s2 = 0, s3 = 0
  const n = a.length
  let i = 0
  for (; i + 4 <= n; i += 4) { s0 += a[i]; s1 += a[i + 1]; s2 += a[i + 2]; s3 += a[i + 3] }
  for (; i < n; i++) s0 += a[i]
  return (s0 + s1) + (s2 + s3)
}

function add(a, b) {
  const n = a.length
  const c = new Float64Array(n)
  for (let i = 0; i < n; i++) c[i] = a[i] + b[i]
  return c
}

parentPort.on('message', (m) => {
  if (m.op === 'sum') parentPort.postMessage({ id: m.id, value: sum(m.a) })
  else if (m.op === 'add') {
    const c = add(m.a, m.b)
    parentPort.postMessage({ id: m.id, value: c })
  } else parentPort.postMessage({ id: m.id, error: `unknown op ${m.op}` })
})
