/**
 * Buffers of batches handed back by the thread that wrote them, reused for the next batches.
 *
 * A million-row import moves about 120 batches of half a MB each from the parse worker to the
 * main thread. Without reuse every batch is a fresh allocation on the worker and, once written,
 * garbage on the main thread that only its next GC frees: some 30 MB of RSS for nothing. With
 * the buffers sent back with each acknowledgement (see parse-in-worker.ts), the worker cycles
 * through a handful.
 *
 * The pool is module state, so one per thread. Only the parse worker is given buffers back; when
 * parsing runs on the main thread the pool stays empty and every copy is a fresh allocation.
 */

/** Buffers are allocated in power-of-two sizes so that a returned one fits later batches. */
const MIN_BYTES = 4096;
/** Free buffers kept per size: more than the batches that can be in flight at once. */
const MAX_FREE_PER_SIZE = 16;

const free = new Map<number, ArrayBuffer[]>();

function sizeClass(bytes: number): number {
  let size = MIN_BYTES;
  while (size < bytes) size *= 2;
  return size;
}

function allocate(bytes: number): ArrayBuffer {
  const size = sizeClass(bytes);
  return free.get(size)?.pop() ?? new ArrayBuffer(size);
}

/** Gives buffers back for reuse (they must no longer be read by anyone). */
export function recycleBuffers(buffers: readonly ArrayBuffer[]): void {
  for (const buffer of buffers) {
    // Only buffers of this pool's sizes; a detached (zero-length) one is of no use.
    if (buffer.byteLength !== sizeClass(buffer.byteLength)) continue;
    let list = free.get(buffer.byteLength);
    if (!list) {
      list = [];
      free.set(buffer.byteLength, list);
    }
    if (list.length < MAX_FREE_PER_SIZE) list.push(buffer);
  }
}

/** `source[from, to)` copied into a buffer of its own (transferable), recycled when possible. */
export function copyInts(source: Int32Array, from: number, to: number): Int32Array {
  const out = new Int32Array(allocate((to - from) * 4), 0, to - from);
  out.set(source.subarray(from, to));
  return out;
}

/** {@link copyInts} for figures. */
export function copyFloats(source: Float64Array, from: number, to: number): Float64Array {
  const out = new Float64Array(allocate((to - from) * 8), 0, to - from);
  out.set(source.subarray(from, to));
  return out;
}
