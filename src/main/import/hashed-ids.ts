import { CharArena, writtenInt32Array } from './typed-arrays';

/**
 * Int32 slots per record (32 bytes, half a cache line): the key's hash, its length + 1 (0: an empty record), the
 * row id, then the key itself when it has at most INLINE_CHARS characters, two per slot, or else where its
 * characters start in the arena. Ids of up to 10 characters ("u123456", SNAP's numbers, most user ids) are then
 * compared without touching a second cache line: 2M lookups over 100k accounts took 0.25 s instead of 0.6 s.
 * Numbers of 11 to 19 digits (Twitter's post and newer user ids) are kept inline as numbers instead, in three slots
 * (readLongNumber), with their length + 1 negated so that they never compare equal to a text key.
 */
const STRIDE = 8;
const HASH = 0;
const LENGTH = 1;
const ROW_ID = 2;
const KEY = 3;
const INLINE_CHARS = (STRIDE - KEY) * 2;
const INITIAL_SLOTS = 1 << 12;

/**
 * Row ids by any text id: an open-addressing hash table over typed arrays, short keys inside their record, longer
 * ones copied into one growing arena. A lookup reads one record (and a long key's characters); a Map<string, number>
 * follows pointers to a bucket, an entry and a string object: 10M lookups of "u123"-style ids over 500k accounts took
 * 3.6-4.5 s of CPU instead of 6.7-7.8 s with a Map (loaded machine). The table holds copies of the keys, never the
 * 1 MiB chunk a key was cut from.
 */
export class HashedIds {
  private records = writtenInt32Array(INITIAL_SLOTS * STRIDE);
  private mask = INITIAL_SLOTS - 1;
  private readonly chars = new CharArena(INITIAL_SLOTS * 8);
  private count = 0;

  get size(): number {
    return this.count;
  }

  get(platformId: string): number | undefined {
    const at = readLongNumber(platformId)
      ? this.findNumber(platformId.length, numberHash(platformId.length))
      : this.find(platformId, hashOf(platformId));
    return this.records[at + LENGTH] === 0 ? undefined : this.records[at + ROW_ID];
  }

  set(platformId: string, rowId: number): void {
    // At most three quarters full: linear probing then takes about 2.5 probes per hit, mostly in the record's cache
    // line or the next, where the first access to a record of a table of many MiB misses the cache and the TLB
    // (about 0.2 us here, a page walk in a virtual machine). At most half full, as before, the tables were twice
    // the size, and 512 MiB of tweet pages with 430k ids took 0.1-0.2 s longer (two sets of 6 and 8 paired runs).
    if ((this.count + 1) * 4 > (this.mask + 1) * 3) this.grow();
    const isNumber = readLongNumber(platformId);
    const hash = isNumber ? numberHash(platformId.length) : hashOf(platformId);
    const at = isNumber ? this.findNumber(platformId.length, hash) : this.find(platformId, hash);
    const records = this.records;
    if (records[at + LENGTH] === 0) {
      records[at + HASH] = hash;
      records[at + LENGTH] = isNumber ? -(platformId.length + 1) : platformId.length + 1;
      if (isNumber) {
        records[at + KEY] = lowDigits;
        records[at + KEY + 1] = middleDigits;
        records[at + KEY + 2] = topDigit;
      } else if (platformId.length <= INLINE_CHARS) {
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

  /** The record of the number readLongNumber last read, of `length` digits, or the empty record where it would go. */
  private findNumber(length: number, hash: number): number {
    const { records, mask } = this;
    const stored = -(length + 1);
    for (let slot = hash & mask; ; slot = (slot + 1) & mask) {
      const at = slot * STRIDE;
      const found = records[at + LENGTH]!;
      if (found === 0) return at;
      if (records[at + HASH] === hash && found === stored && records[at + KEY] === lowDigits && records[at + KEY + 1] === middleDigits &&
        records[at + KEY + 2] === topDigit) return at;
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

/** The parts of the number readLongNumber last read: its last 9 digits, the 9 before those, and the digit before. */
let lowDigits = 0;
let middleDigits = 0;
let topDigit = 0;

/**
 * Whether `key` is a number of 11 to 19 digits without a leading zero, which is then read into lowDigits,
 * middleDigits and topDigit (each fits an int32; with the length they give the key back). Twitter's 18- and
 * 19-digit ids were compared as text kept in the arena, a second cache miss per lookup.
 */
function readLongNumber(key: string): boolean {
  const length = key.length;
  if (length < 11 || length > 19 || key.charCodeAt(0) === 48 /* 0 */) return false;
  let top = 0;
  let middle = 0;
  let low = 0;
  for (let i = 0; i < length; i++) {
    const digit = key.charCodeAt(i) - 48;
    if (digit < 0 || digit > 9) return false;
    const place = length - 1 - i;
    if (place < 9) low = low * 10 + digit;
    else if (place < 18) middle = middle * 10 + digit;
    else top = digit;
  }
  lowDigits = low;
  middleDigits = middle;
  topDigit = top;
  return true;
}

/** The hash of the number readLongNumber last read, of `length` digits: its parts mixed, then MurmurHash3's finaliser. */
function numberHash(length: number): number {
  let hash = lowDigits ^ Math.imul(middleDigits, 0x9e3779b1) ^ Math.imul(topDigit * 32 + length, 0x85ebca77);
  hash ^= hash >>> 16;
  hash = Math.imul(hash, 0x85ebca6b);
  hash ^= hash >>> 13;
  hash = Math.imul(hash, 0xc2b2ae35);
  return hash ^ (hash >>> 16);
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
