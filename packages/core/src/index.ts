/**
 * @strided/core — NumPy-exact strided views over SharedArrayBuffer: dtypes, creation, views, indexing,
 * overlap checking, kernels and .npy I/O. Everything here is synchronous and runs on the calling thread.
 */
export * from './errors.js'
export { DTYPES, DTYPE_NAMES, DEFAULT_DTYPE, dtype, typedView, type DType, type DTypeName, type Scalar, type TypedArray } from './dtype.js'
export { type ArrayDescriptor, toDescriptor } from './descriptor.js'
export { NDArray, type Flags, type NestedArray, type CopyOrder } from './ndarray.js'
export * from './creation.js'
export * from './views.js'
export { take, compress } from './selection.js'
export { random, Xoshiro128 } from './random.js'
export { parseIndexExpression, normalizeSlice, type IndexItem, type SliceSpec } from './indexing.js'
export { shapeSize, contiguousStrides, isCContiguous, isFContiguous, normalizeAxis, normalizeAxes, type Order } from './shape.js'
export { reshapeStrides } from './reshape.js'
export * from './overlap/index.js'
export * from './npy/index.js'
export * from './format/index.js'
export * from './ops/index.js'
export * from './memory/index.js'
export { setWasmEnabled, wasmEnabled } from './kernels/wasm/backend.js'
