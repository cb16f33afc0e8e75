import { HashedIds } from './hashed-ids';
import { writtenInt32Array } from './typed-arrays';

/** Row ids are kept as int32: over 2^31 - 1 accounts or posts in one database is beyond any file we read. */
const MAX_ROW_ID = 0x7fffffff;

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
