/**
 * An order-independent digest of a multiset of rows: each row hashed to 64 bits (two 32-bit lanes of MurmurHash3's
 * mixing over the row's values, with different seeds), the hashes summed lane by lane modulo 2^32. The same rows
 * in any order give the same sum, and rows can be added one at a time as an importer writes them.
 *
 * Why not sha256 per row: JSON.stringify plus sha256 plus a BigInt sum cost 2.7 us per row, which is more than
 * parsing and storing the row (the import ceiling is about 1 us per row), and needed the rows read back through
 * three joins (1.6 us per row). This hash costs about 0.1 us per row. It detects accidental differences (another
 * derivation of the same files), not forged ones; the files themselves are covered by their sha256.
 */
export class RowsDigest {
  rows = 0;
  private lane1 = 0;
  private lane2 = 0;

  /** Adds a row; with `hashes`, also writes its hash (two lanes) there at `at`, so that remove() can take it out again. */
  add(values: readonly unknown[], hashes?: Int32Array, at = 0): void {
    let h1 = SEED_1;
    let h2 = SEED_2;
    for (const value of values) {
      if (value === null || value === undefined) {
        h1 = mix(h1, TAG_NULL);
        h2 = mix(h2, TAG_NULL);
      } else if (typeof value === 'number') {
        FLOAT[0] = value;
        h1 = mix(mix(mix(h1, TAG_NUMBER), WORDS[0]!), WORDS[1]!);
        h2 = mix(mix(mix(h2, TAG_NUMBER), WORDS[0]!), WORDS[1]!);
      } else {
        const text = String(value);
        h1 = mix(mix(h1, TAG_STRING), text.length);
        h2 = mix(mix(h2, TAG_STRING), text.length);
        for (let i = 0; i < text.length; i++) {
          const code = text.charCodeAt(i);
          h1 = mix(h1, code);
          h2 = mix(h2, code);
        }
      }
    }
    const hash1 = finish(h1, values.length);
    const hash2 = finish(h2, values.length);
    this.lane1 = (this.lane1 + hash1) >>> 0;
    this.lane2 = (this.lane2 + hash2) >>> 0;
    this.rows++;
    if (hashes) {
      hashes[at] = hash1;
      hashes[at + 1] = hash2;
    }
  }

  /** Takes out a row added before, by the hash add() wrote for it at `at`. */
  remove(hashes: Int32Array, at: number): void {
    this.lane1 = (this.lane1 - (hashes[at]! >>> 0)) >>> 0;
    this.lane2 = (this.lane2 - (hashes[at + 1]! >>> 0)) >>> 0;
    this.rows--;
  }

  /** `rows sum` as written into the dataset's digest. */
  toString(): string {
    return `${this.rows} ${hex8(this.lane1)}${hex8(this.lane2)}`;
  }
}

const SEED_1 = 0x9747b28c;
const SEED_2 = 0x5bd1e995;
const TAG_NULL = 0x6e756c6c;
const TAG_NUMBER = 0x6e756d62;
const TAG_STRING = 0x73747269;
/** A number is hashed by its IEEE 754 bits, the same for an INTEGER or REAL read back from SQLite as for the value written. */
const FLOAT = new Float64Array(1);
const WORDS = new Uint32Array(FLOAT.buffer);

/** One 32-bit block of MurmurHash3_x86_32. */
function mix(hash: number, block: number): number {
  let k = Math.imul(block, 0xcc9e2d51);
  k = (k << 15) | (k >>> 17);
  k = Math.imul(k, 0x1b873593);
  let h = hash ^ k;
  h = (h << 13) | (h >>> 19);
  return (Math.imul(h, 5) + 0xe6546b64) | 0;
}

/** MurmurHash3's finalisation: every input bit affects every output bit. */
function finish(hash: number, length: number): number {
  let h = hash ^ length;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

function hex8(value: number): string {
  return value.toString(16).padStart(8, '0');
}
