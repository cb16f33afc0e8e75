import { PlatformIdMap } from './platform-ids';
import { CharArena } from './typed-arrays';
import type { AccountRecord } from './records';

/**
 * One version: 8 float64 slots (64 bytes, a cache line when aligned), read together when an account repeats, where
 * separate arrays for the numbers, the text start and the text lengths cost a cache miss each (about 60 ms per 512
 * MiB of pages each). Slots 0-3: followers, following, postCount, createdAt (null as NaN, which none of them is);
 * slot 4: where the version's texts start in `chars`; slots 5-6, as four int32: the lengths + 1 of handle,
 * displayName, bio and location (0 for null or missing).
 */
const SLOTS = 8;
const TEXT_START = 4;
const TEXT_LENGTHS = 5 * 2;
const INITIAL_VERSIONS = 1024;

/**
 * The last version of each account's profile, packed into typed arrays: a tweet file repeats the same user object
 * with every page or status, and AccountFilter passes an account on only when it differs from the version before.
 * Keeping each last AccountRecord (an object and its strings, about 350 bytes) held the accounts on the JS heap,
 * where every major garbage collection marked them again: with 200k accounts the old generation grew to 70 MB and
 * the collector's threads took most of a core. Here they are a few typed arrays, which the collector does not walk:
 * 512 MiB of v2 pages imported in about 3.8 s instead of 4.4 s. Equality is exact (the characters are compared), as
 * it was with the objects; a missing field and null are the same, as they are to the sink.
 */
export class AccountVersions {
  /** Version index + 1 of each account's last version, by platform id. */
  private readonly latest = new PlatformIdMap();
  private numbers = new Float64Array(INITIAL_VERSIONS * SLOTS);
  /** The same memory as `numbers`, for the text lengths. */
  private lengths = new Int32Array(this.numbers.buffer);
  private readonly chars = new CharArena(1 << 16);
  private versions = 0;

  /** Whether `record` is the version last remembered for its account. */
  same(record: AccountRecord): boolean {
    const latest = this.latest.get(record.platformId);
    if (latest === undefined) return false;
    const slot = (latest - 1) * SLOTS;
    const numbers = this.numbers;
    if (!sameNumber(numbers[slot]!, record.followers) || !sameNumber(numbers[slot + 1]!, record.following) ||
      !sameNumber(numbers[slot + 2]!, record.postCount) || !sameNumber(numbers[slot + 3]!, record.createdAt)) return false;
    const lengths = slot * 2 + TEXT_LENGTHS;
    let at = numbers[slot + TEXT_START]!;
    // Written out per field: an array of the four and its iterator per call cost more than the comparisons.
    if ((at = this.matchText(record.handle, lengths, at)) === -1) return false;
    if ((at = this.matchText(record.displayName, lengths + 1, at)) === -1) return false;
    if ((at = this.matchText(record.bio, lengths + 2, at)) === -1) return false;
    return this.matchText(record.location, lengths + 3, at) !== -1;
  }

  /** Makes `record` its account's last version. */
  remember(record: AccountRecord): void {
    const version = this.versions++;
    if ((version + 1) * SLOTS > this.numbers.length) this.growVersions();
    const slot = version * SLOTS;
    const numbers = this.numbers;
    numbers[slot] = record.followers ?? Number.NaN;
    numbers[slot + 1] = record.following ?? Number.NaN;
    numbers[slot + 2] = record.postCount ?? Number.NaN;
    numbers[slot + 3] = record.createdAt ?? Number.NaN;
    numbers[slot + TEXT_START] = this.chars.end;
    const lengths = slot * 2 + TEXT_LENGTHS;
    this.storeText(record.handle, lengths);
    this.storeText(record.displayName, lengths + 1);
    this.storeText(record.bio, lengths + 2);
    this.storeText(record.location, lengths + 3);
    this.latest.set(record.platformId, version + 1);
  }

  /** Where the next text starts when the text whose length is at `lengthAt` (from `at`) is `text`; -1 when it is not. */
  private matchText(text: string | null | undefined, lengthAt: number, at: number): number {
    const stored = this.lengths[lengthAt]!;
    if (text === null || text === undefined) return stored === 0 ? at : -1;
    if (stored !== text.length + 1 || !this.chars.matches(at, text)) return -1;
    return at + text.length;
  }

  /** Stores a text's length + 1 (0 for none) at `lengthAt`, and its characters after the version's texts so far. */
  private storeText(text: string | null | undefined, lengthAt: number): void {
    this.lengths[lengthAt] = text === null || text === undefined ? 0 : text.length + 1;
    if (text) this.chars.append(text);
  }

  private growVersions(): void {
    const larger = new Float64Array(this.numbers.length * 2);
    larger.set(this.numbers);
    this.numbers = larger;
    this.lengths = new Int32Array(larger.buffer);
  }
}

/** A stored number (NaN for null) against a record's. */
function sameNumber(stored: number, value: number | null | undefined): boolean {
  return value === null || value === undefined ? Number.isNaN(stored) : stored === value;
}
