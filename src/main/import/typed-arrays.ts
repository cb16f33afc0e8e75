/** Typed arrays for the import's tables, kept off the JS heap, where the garbage collector does not walk them. */

/**
 * A zeroed Int32Array with every page already written. A large new array is memory the process has not touched: the
 * first read of a page maps the kernel's shared zero page, and the first write then replaces that mapping, which
 * flushes the TLB of every core running one of the process's threads (the writer's, the collector's). The tables here
 * read a slot before they write it, so each page cost two faults and a flush: growing the id table to 1M records
 * (32 MiB) took 27-230 ms of a tweet import; written once up front, 7-60 ms (profiled with perf, 512 MiB of pages).
 */
export function writtenInt32Array(length: number): Int32Array {
  return new Int32Array(length).fill(0);
}

/**
 * Texts copied one after the other into one growing array of UTF-16 code units: keys and profile texts kept off the
 * JS heap, where the garbage collector does not walk them (a string object each would be marked at every major GC).
 */
export class CharArena {
  private chars: Uint16Array;
  private used = 0;

  constructor(initialChars: number) {
    this.chars = new Uint16Array(initialChars);
  }

  /** Where the next text appended starts. */
  get end(): number {
    return this.used;
  }

  /** Copies `text` in; returns where it starts. */
  append(text: string): number {
    const start = this.used;
    if (start + text.length > this.chars.length) {
      const larger = new Uint16Array(Math.max(this.chars.length * 2, start + text.length));
      larger.set(this.chars.subarray(0, start));
      this.chars = larger;
    }
    const chars = this.chars;
    for (let i = 0; i < text.length; i++) chars[start + i] = text.charCodeAt(i);
    this.used += text.length;
    return start;
  }

  /** Whether the text.length code units from `start` are `text`. */
  matches(start: number, text: string): boolean {
    const chars = this.chars;
    for (let i = 0; i < text.length; i++) if (chars[start + i] !== text.charCodeAt(i)) return false;
    return true;
  }
}
