/**
 * Int32 slots per record (32 bytes, half a cache line): the key's hash, its length + 1 (0: an empty record), the
 * row id, then the key itself when it has at most INLINE_CHARS characters, two per slot, or else where its
 * characters start in the arena. Ids of up to 10 characters ("u123456", SNAP's numbers, most user ids) are then
 * compared without touching a second cache line: 2M lookups over 100k accounts took 0.25 s instead of 0.6 s.
 */
const STRIDE = 8;
const HASH = 0;
const LENGTH = 1;
const ROW_ID = 2;
const KEY = 3;
const INLINE_CHARS = (STRIDE - KEY) * 2;
/** Row ids are kept as int32: over 2^31 - 1 accounts or posts in one database is beyond any file we read. */
const MAX_ROW_ID = 0x7fffffff;
const INITIAL_SLOTS = 1 << 12;

/** Ids "<prefix><n>" with n below this go to an array indexed by n: at most 16 MiB per prefix. */
const DIRECT_LIMIT = 1 << 22;
const MAX_PREFIX_CHARS = 8;
/** Prefixes with an array of their own; ids of further prefixes go to the hash table. */
const MAX_PREFIXES = 4;

/**
 * Row ids by platform id. Ids that are a short prefix and a canonical decimal number below DIRECT_LIMIT ("12345",
 * "u123": SNAP's and most generated ids) are looked up in an array per prefix, indexed by the number: no hashing,
 * one memory access. Others (Twitter's 19-digit ids, handles) go to a hash table over typed arrays (HashedIds). At
 * 500k accounts, the arrays are 2 MiB where the table is 32 MiB of random accesses: 10M lookups took 6.4 s of a
 * 5M-edge import with the table alone (profiled, loaded machine). Keys stay exact text: "7", "07" and "7.0" are three
 * accounts, since only canonical numbers (no leading zero) take the array.
 */
export class PlatformIdMap {
  private readonly hashed = new HashedIds();
  private readonly arrays = new Map<string, Int32Array>();
  private directCount = 0;
  /**
   * The id last set or found: a tweet's post id is set and then looked up for each of its interactions, and its
   * author for the post and again as the actor; for Twitter's long ids each lookup hashed the id again.
   */
  private lastId: string | null = null;
  private lastRowId = 0;
  /**
   * The prefix last looked up and its array (or undefined): finding it in `arrays` cut the prefix out of the id
   * ("u" of "u123", a new string each time) and hashed it, for every lookup.
   */
  private lastPrefix: string | null = null;
  private lastPrefixArray: Int32Array | undefined;

  get size(): number {
    return this.hashed.size + this.directCount;
  }

  get(platformId: string): number | undefined {
    if (platformId === this.lastId) return this.lastRowId;
    const number = trailingNumber(platformId);
    let rowId: number | undefined;
    if (number !== -1) {
      const array = this.arrayOfPrefix(platformId);
      // A prefix has its array from its first id on, or never: then all its ids are in the hash table.
      if (array !== undefined) rowId = number < array.length && array[number] !== 0 ? array[number] : undefined;
      else rowId = this.hashed.get(platformId);
    } else rowId = this.hashed.get(platformId);
    if (rowId !== undefined) this.remember(platformId, rowId);
    return rowId;
  }

  set(platformId: string, rowId: number): void {
    if (!Number.isInteger(rowId) || rowId < 1 || rowId > MAX_ROW_ID) throw new RangeError(`row id ${rowId} is not from 1 to 2^31 - 1`);
    this.remember(platformId, rowId);
    const number = trailingNumber(platformId);
    if (number === -1) return this.hashed.set(platformId, rowId);
    let array = this.arrayOfPrefix(platformId);
    if (array === undefined || number >= array.length) {
      if (array === undefined && this.arrays.size >= MAX_PREFIXES) return this.hashed.set(platformId, rowId);
      const larger = writtenInt32Array(Math.min(DIRECT_LIMIT, Math.max(1024, 2 ** Math.ceil(Math.log2(number + 1)))));
      if (array !== undefined) larger.set(array);
      array = larger;
      // arrayOfPrefix left the id's prefix in lastPrefix.
      this.arrays.set(this.lastPrefix!, array);
      this.lastPrefixArray = array;
    }
    if (array[number] === 0) this.directCount++;
    array[number] = rowId;
  }

  /** The array of the prefix trailingNumber found in `platformId` (it ends at prefixEnd), if that prefix has one. */
  private arrayOfPrefix(platformId: string): Int32Array | undefined {
    const last = this.lastPrefix;
    if (last !== null && last.length === prefixEnd && platformId.startsWith(last)) return this.lastPrefixArray;
    const prefix = prefixEnd === 0 ? '' : platformId.slice(0, prefixEnd);
    this.lastPrefix = prefix;
    this.lastPrefixArray = this.arrays.get(prefix);
    return this.lastPrefixArray;
  }

  private remember(platformId: string, rowId: number): void {
    this.lastId = platformId;
    this.lastRowId = rowId;
  }
}

/** Where the prefix of the last id given to trailingNumber ends. */
let prefixEnd = 0;

/**
 * The canonical decimal number an id ends with, when it is below DIRECT_LIMIT and follows at most MAX_PREFIX_CHARS
 * other characters; -1 otherwise. Sets prefixEnd. "0" is canonical, "00" and "u07" are not.
 */
function trailingNumber(id: string): number {
  let start = id.length;
  while (start > 0) {
    const code = id.charCodeAt(start - 1);
    if (code < 48 || code > 57) break;
    start--;
  }
  const digits = id.length - start;
  if (digits === 0 || digits > 7 || start > MAX_PREFIX_CHARS || (digits > 1 && id.charCodeAt(start) === 48)) return -1;
  let value = 0;
  for (let i = start; i < id.length; i++) value = value * 10 + id.charCodeAt(i) - 48;
  if (value >= DIRECT_LIMIT) return -1;
  prefixEnd = start;
  return value;
}

/**
 * Row ids by any text id: an open-addressing hash table over typed arrays, short keys inside their record, longer
 * ones copied into one growing arena. A lookup reads one record (and a long key's characters); a Map<string, number>
 * follows pointers to a bucket, an entry and a string object: 10M lookups of "u123"-style ids over 500k accounts took
 * 3.6-4.5 s of CPU instead of 6.7-7.8 s with a Map (loaded machine). The table holds copies of the keys, never the
 * 1 MiB chunk a key was cut from.
 */
class HashedIds {
  private records = writtenInt32Array(INITIAL_SLOTS * STRIDE);
  private mask = INITIAL_SLOTS - 1;
  private readonly chars = new CharArena(INITIAL_SLOTS * 8);
  private count = 0;

  get size(): number {
    return this.count;
  }

  get(platformId: string): number | undefined {
    const at = this.find(platformId, hashOf(platformId));
    return this.records[at + LENGTH] === 0 ? undefined : this.records[at + ROW_ID];
  }

  set(platformId: string, rowId: number): void {
    // At most half full: linear probing stays at about 1.5 probes per hit.
    if ((this.count + 1) * 2 > this.mask + 1) this.grow();
    const hash = hashOf(platformId);
    const at = this.find(platformId, hash);
    const records = this.records;
    if (records[at + LENGTH] === 0) {
      records[at + HASH] = hash;
      records[at + LENGTH] = platformId.length + 1;
      if (platformId.length <= INLINE_CHARS) {
        for (let i = 0; i < platformId.length; i += 2) {
          records[at + KEY + (i >> 1)] = platformId.charCodeAt(i) | ((i + 1 < platformId.length ? platformId.charCodeAt(i + 1) : 0) << 16);
        }
      } else records[at + KEY] = this.chars.append(platformId);
      this.count++;
    }
    records[at + ROW_ID] = rowId;
  }

  /** The record of `key`, or the empty record where it would go. */
  private find(key: string, hash: number): number {
    const { records, mask } = this;
    const stored = key.length + 1;
    for (let slot = hash & mask; ; slot = (slot + 1) & mask) {
      const at = slot * STRIDE;
      const length = records[at + LENGTH]!;
      if (length === 0) return at;
      if (records[at + HASH] === hash && length === stored && this.keyAt(at, key)) return at;
    }
  }

  private keyAt(at: number, key: string): boolean {
    if (key.length <= INLINE_CHARS) {
      const records = this.records;
      for (let i = 0; i < key.length; i++) {
        if (((records[at + KEY + (i >> 1)]! >>> ((i & 1) << 4)) & 0xffff) !== key.charCodeAt(i)) return false;
      }
      return true;
    }
    return this.chars.matches(this.records[at + KEY]!, key);
  }

  private grow(): void {
    const old = this.records;
    const slots = (this.mask + 1) * 2;
    const records = writtenInt32Array(slots * STRIDE);
    const mask = slots - 1;
    for (let from = 0; from < old.length; from += STRIDE) {
      if (old[from + LENGTH] === 0) continue;
      let slot = old[from + HASH]! & mask;
      while (records[slot * STRIDE + LENGTH] !== 0) slot = (slot + 1) & mask;
      // Slot by slot: a subarray() per record (a new view object each) made growing to 500k posts cost 0.17 s.
      const to = slot * STRIDE;
      for (let i = 0; i < STRIDE; i++) records[to + i] = old[from + i]!;
    }
    this.records = records;
    this.mask = mask;
  }
}

/**
 * A zeroed Int32Array with every page already written. A large new array is memory the process has not touched: the
 * first read of a page maps the kernel's shared zero page, and the first write then replaces that mapping, which
 * flushes the TLB of every core running one of the process's threads (the writer's, the collector's). The tables here
 * read a slot before they write it, so each page cost two faults and a flush: growing the id table to 1M records
 * (32 MiB) took 27-230 ms of a tweet import; written once up front, 7-60 ms (profiled with perf, 512 MiB of pages).
 */
function writtenInt32Array(length: number): Int32Array {
  return new Int32Array(length).fill(0);
}

/** FNV-1a over the UTF-16 code units, then MurmurHash3's finaliser so that ids differing in one digit spread apart. */
function hashOf(key: string): number {
  let hash = 0x811c9dc5 ^ key.length;
  for (let i = 0; i < key.length; i++) hash = Math.imul(hash ^ key.charCodeAt(i), 0x01000193);
  hash ^= hash >>> 16;
  hash = Math.imul(hash, 0x85ebca6b);
  hash ^= hash >>> 13;
  hash = Math.imul(hash, 0xc2b2ae35);
  return hash ^ (hash >>> 16);
}

/**
 * A set of row ids, one bit each: an import's ids are dense (numbered on from the largest stored), and a Set<number>
 * of an import's accounts cost a hash lookup per mention and an entry per account. An id of n takes n / 8 bytes of
 * bits at most: 4 MiB at 32M rows.
 */
export class RowIdSet {
  private bits = new Uint32Array(1024);

  has(rowId: number): boolean {
    const word = rowId >>> 5;
    return word < this.bits.length && (this.bits[word]! & (1 << (rowId & 31))) !== 0;
  }

  add(rowId: number): void {
    const word = rowId >>> 5;
    if (word >= this.bits.length) {
      const larger = new Uint32Array(Math.max(word + 1, this.bits.length * 2));
      larger.set(this.bits);
      this.bits = larger;
    }
    this.bits[word]! |= 1 << (rowId & 31);
  }
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
