/**
 * Work sharing between the scoring thread and one helper thread over shared control words. Each step (one
 * iteration) is cut into a fixed list of chunks; both threads claim chunks with compare-and-swap until none is
 * left, and the step ends once every chunk is done. Which thread ran which chunk does not matter to the result
 * as long as each chunk writes only its own outputs, and a helper that the OS descheduled only costs the chunk
 * it holds, not half of every step. Only Atomics are used, so the steady loop touches neither event loop.
 */
const GENERATION = 0;
/** (step << CHUNK_BITS) + next unclaimed chunk. */
const NEXT = 1;
const DONE = 2;
const STOPPED = 3;
const FAILED = 4;

const CHUNK_BITS = 8;
const MAX_CHUNKS = (1 << CHUNK_BITS) - 1;

/** A chunk lasts a millisecond or less, while waking from Atomics.wait costs tens of microseconds: spin first. */
const SPINS = 10_000;

export type ChunkRunner = (chunk: number, step: number) => void;

export function createControl(): Int32Array {
  return new Int32Array(new SharedArrayBuffer(5 * Int32Array.BYTES_PER_ELEMENT));
}

/**
 * Runs step `step` (1, 2, ... in order) on both threads; returns once all `chunks` chunks are done, with the
 * number this thread ran. A helper still starting up leaves them all to this thread.
 */
export function runStep(control: Int32Array, step: number, chunks: number, run: ChunkRunner): number {
  Atomics.store(control, DONE, 0);
  Atomics.store(control, NEXT, step << CHUNK_BITS);
  Atomics.store(control, GENERATION, step);
  Atomics.notify(control, GENERATION);
  const ran = claimChunks(control, chunks, run);
  for (let spin = 0; spin < SPINS && Atomics.load(control, DONE) !== chunks; spin++);
  for (let done = Atomics.load(control, DONE); done !== chunks; done = Atomics.load(control, DONE)) {
    if (Atomics.load(control, FAILED) !== 0) throw new Error('the kernel helper thread failed');
    Atomics.wait(control, DONE, done);
  }
  return ran;
}

/** Ends the helper's loop. */
export function stopHelper(control: Int32Array): void {
  Atomics.store(control, STOPPED, 1);
  Atomics.add(control, GENERATION, 1);
  Atomics.notify(control, GENERATION);
}

/** The helper's loop: joins every step until stopHelper. A failing chunk is reported to the scoring thread. */
export function serveSteps(control: Int32Array, chunks: number, run: ChunkRunner): void {
  let seen = 0;
  for (;;) {
    for (let spin = 0; spin < SPINS && Atomics.load(control, GENERATION) === seen; spin++);
    while (Atomics.load(control, GENERATION) === seen) Atomics.wait(control, GENERATION, seen);
    if (Atomics.load(control, STOPPED) !== 0) return;
    seen = Atomics.load(control, GENERATION);
    try {
      claimChunks(control, chunks, run);
    } catch (error) {
      Atomics.store(control, FAILED, 1);
      Atomics.notify(control, DONE);
      throw error;
    }
  }
}

/**
 * A claim carries its step, so a helper that wakes late can only claim chunks of the step in progress: the next
 * step does not start before every chunk of this one is done.
 */
function claimChunks(control: Int32Array, chunks: number, run: ChunkRunner): number {
  let ran = 0;
  for (;;) {
    const ticket = Atomics.load(control, NEXT);
    const chunk = ticket & MAX_CHUNKS;
    if (chunk >= chunks) return ran;
    if (Atomics.compareExchange(control, NEXT, ticket, ticket + 1) !== ticket) continue;
    run(chunk, ticket >>> CHUNK_BITS);
    ran++;
    if (Atomics.add(control, DONE, 1) + 1 === chunks) Atomics.notify(control, DONE);
  }
}
