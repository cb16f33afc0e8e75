import { PlatformIdMap } from './platform-ids';
import type { AccountRecord } from './records';

/** Values per version in `numbers`: followers, following, postCount, createdAt (null as NaN, which none of them is). */
const NUMBERS = 4;
/** Values per version in `textLengths`: handle, displayName, bio, location (length + 1; 0 for null or missing). */
const TEXTS = 4;
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
  private numbers = new Float64Array(INITIAL_VERSIONS * NUMBERS);
  private textLengths = new Int32Array(INITIAL_VERSIONS * TEXTS);
  /** Where each version's characters start in `chars`: its texts one after the other. */
  private textStarts = new Float64Array(INITIAL_VERSIONS);
  private chars = new Uint16Array(1 << 16);
  private charsUsed = 0;
  private versions = 0;

  /** Whether `record` is the version last remembered for its account. */
  same(record: AccountRecord): boolean {
    const latest = this.latest.get(record.platformId);
    if (latest === undefined) return false;
    const version = latest - 1;
    const numbers = version * NUMBERS;
    if (!sameNumber(this.numbers[numbers]!, record.followers) || !sameNumber(this.numbers[numbers + 1]!, record.following) ||
      !sameNumber(this.numbers[numbers + 2]!, record.postCount) || !sameNumber(this.numbers[numbers + 3]!, record.createdAt)) return false;
    const lengths = version * TEXTS;
    let at = this.textStarts[version]!;
    // Written out per field: an array of the four and its iterator per call cost more than the comparisons.
    if ((at = this.matchText(record.handle, lengths, at)) === -1) return false;
    if ((at = this.matchText(record.displayName, lengths + 1, at)) === -1) return false;
    if ((at = this.matchText(record.bio, lengths + 2, at)) === -1) return false;
    return this.matchText(record.location, lengths + 3, at) !== -1;
  }

  /** Makes `record` its account's last version. */
  remember(record: AccountRecord): void {
    const version = this.versions++;
    if (version * TEXTS >= this.textLengths.length) this.growVersions();
    const numbers = version * NUMBERS;
    this.numbers[numbers] = record.followers ?? Number.NaN;
    this.numbers[numbers + 1] = record.following ?? Number.NaN;
    this.numbers[numbers + 2] = record.postCount ?? Number.NaN;
    this.numbers[numbers + 3] = record.createdAt ?? Number.NaN;
    this.textStarts[version] = this.charsUsed;
    const lengths = version * TEXTS;
    this.storeText(record.handle, lengths);
    this.storeText(record.displayName, lengths + 1);
    this.storeText(record.bio, lengths + 2);
    this.storeText(record.location, lengths + 3);
    this.latest.set(record.platformId, version + 1);
  }

  /** Where the text after this one starts when the text stored at `slot` (from `at`) is `text`; -1 when it is not. */
  private matchText(text: string | null | undefined, slot: number, at: number): number {
    const stored = this.textLengths[slot]!;
    if (text === null || text === undefined) return stored === 0 ? at : -1;
    if (stored !== text.length + 1) return -1;
    const chars = this.chars;
    for (let i = 0; i < text.length; i++) if (chars[at + i] !== text.charCodeAt(i)) return -1;
    return at + text.length;
  }

  private storeText(text: string | null | undefined, slot: number): void {
    if (text === null || text === undefined) {
      this.textLengths[slot] = 0;
      return;
    }
    this.textLengths[slot] = text.length + 1;
    if (this.charsUsed + text.length > this.chars.length) this.growChars(this.charsUsed + text.length);
    for (let i = 0; i < text.length; i++) this.chars[this.charsUsed + i] = text.charCodeAt(i);
    this.charsUsed += text.length;
  }

  private growVersions(): void {
    const grown = <T extends Float64Array | Int32Array>(array: T, make: (length: number) => T) => {
      const larger = make(array.length * 2);
      larger.set(array);
      return larger;
    };
    this.numbers = grown(this.numbers, (length) => new Float64Array(length));
    this.textLengths = grown(this.textLengths, (length) => new Int32Array(length));
    this.textStarts = grown(this.textStarts, (length) => new Float64Array(length));
  }

  private growChars(needed: number): void {
    const larger = new Uint16Array(Math.max(needed, this.chars.length * 2));
    larger.set(this.chars.subarray(0, this.charsUsed));
    this.chars = larger;
  }
}

/** A stored number (NaN for null) against a record's. */
function sameNumber(stored: number, value: number | null | undefined): boolean {
  return value === null || value === undefined ? Number.isNaN(stored) : stored === value;
}
