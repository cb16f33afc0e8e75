/** Slots per record: the key's hash, where its characters start, its length + 1 (0: empty slot), the row id. */
const STRIDE = 4;
/** Row ids are kept as int32: over 2^31 - 1 accounts or posts in one database is beyond any file we read. */
const MAX_ROW_ID = 0x7fffffff;
const INITIAL_SLOTS = 1 << 12;

/**
 * Row ids by platform id: an open-addressing hash table over typed arrays, the keys' characters copied into one
 * growing arena. A lookup reads one 16-byte record and the key's characters; a Map<string, number> follows
 * pointers to a bucket, an entry and a string object. 10M lookups of "u123"-style ids over 500k accounts (the
 * import bench's CSV) took 3.6-4.5 s of CPU instead of 6.7-7.8 s with a Map (on a loaded machine), and numeric ids
 * cost the same as the Map<number, number> this replaces for them. Keys are compared as text, so "7", "07" and
 * "7.0" stay three accounts, and the table holds copies, never the 1 MiB chunk a key was cut from.
 */
export class PlatformIdMap {
  private records = new Int32Array(INITIAL_SLOTS * STRIDE);
  private mask = INITIAL_SLOTS - 1;
  private chars = new Uint16Array(INITIAL_SLOTS * 8);
  private charsUsed = 0;
  private count = 0;

  get size(): number {
    return this.count;
  }

  get(platformId: string): number | undefined {
    const at = this.find(platformId, hashOf(platformId));
    return this.records[at + 2] === 0 ? undefined : this.records[at + 3];
  }

  set(platformId: string, rowId: number): void {
    if (!Number.isInteger(rowId) || rowId < 0 || rowId > MAX_ROW_ID) throw new RangeError(`row id ${rowId} is beyond 2^31 - 1`);
    // At most half full: linear probing stays at about 1.5 probes per hit.
    if ((this.count + 1) * 2 > this.mask + 1) this.grow();
    const hash = hashOf(platformId);
    const at = this.find(platformId, hash);
    const records = this.records;
    if (records[at + 2] === 0) {
      records[at] = hash;
      records[at + 1] = this.copyKey(platformId);
      records[at + 2] = platformId.length + 1;
      this.count++;
    }
    records[at + 3] = rowId;
  }

  /** The record of `key`, or the empty record where it would go. */
  private find(key: string, hash: number): number {
    const { records, mask } = this;
    const stored = key.length + 1;
    for (let slot = hash & mask; ; slot = (slot + 1) & mask) {
      const at = slot * STRIDE;
      const length = records[at + 2]!;
      if (length === 0) return at;
      if (records[at] === hash && length === stored && this.keyAt(records[at + 1]!, key)) return at;
    }
  }

  private keyAt(start: number, key: string): boolean {
    const chars = this.chars;
    for (let i = 0; i < key.length; i++) if (chars[start + i] !== key.charCodeAt(i)) return false;
    return true;
  }

  private copyKey(key: string): number {
    const start = this.charsUsed;
    if (start + key.length > this.chars.length) {
      const larger = new Uint16Array(Math.max(this.chars.length * 2, start + key.length));
      larger.set(this.chars);
      this.chars = larger;
    }
    for (let i = 0; i < key.length; i++) this.chars[start + i] = key.charCodeAt(i);
    this.charsUsed += key.length;
    return start;
  }

  private grow(): void {
    const old = this.records;
    const slots = (this.mask + 1) * 2;
    this.records = new Int32Array(slots * STRIDE);
    this.mask = slots - 1;
    for (let from = 0; from < old.length; from += STRIDE) {
      if (old[from + 2] === 0) continue;
      let slot = old[from]! & this.mask;
      while (this.records[slot * STRIDE + 2] !== 0) slot = (slot + 1) & this.mask;
      this.records.set(old.subarray(from, from + STRIDE), slot * STRIDE);
    }
  }
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

