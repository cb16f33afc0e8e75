/**
 * Ordering of accounts by score for the rank statistics. Runs hold up to millions of accounts, and a comparator
 * sort of an index array that size costs hundreds of milliseconds, so indices are ordered by an LSD radix sort on
 * the scores' IEEE 754 bit patterns instead: linear time, and stable, which the tie-breaking rules rely on.
 */

// Which 32-bit half of a Float64 holds the sign and exponent depends on the platform's byte order.
const HIGH_WORD = new Uint8Array(new Uint32Array([1]).buffer)[0] === 1 ? 1 : 0;
const LOW_WORD = 1 - HIGH_WORD;

// Three digits per 32-bit word (11 + 11 + 10 bits): 2048 buckets stay in L1 cache while scattering.
const DIGIT_BITS = 11;
const RADIX = 1 << DIGIT_BITS;
const DIGIT_MASK = RADIX - 1;
const PASSES = 6;

/**
 * Stable sort of `indices` (positions in `values`) by value, ascending or descending; equal values keep the order
 * they have in `indices`. Throws on NaN, which has no place in an order.
 */
export function sortIndicesByValue(values: Float64Array, indices: Uint32Array, descending: boolean): Uint32Array {
  const n = indices.length;
  const floats = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const v = values[indices[i]!]!;
    if (Number.isNaN(v)) throw new RangeError('cannot order NaN: unscored accounts must be filtered out first');
    // Adding 0 turns -0 into +0: the two zeros are equal scores and must tie.
    floats[i] = (descending ? -v : v) + 0;
  }
  const words = new Uint32Array(floats.buffer);
  let high = new Uint32Array(n);
  let low = new Uint32Array(n);
  const counts = new Uint32Array(PASSES * RADIX);
  for (let i = 0; i < n; i++) {
    let h = words[2 * i + HIGH_WORD]!;
    let l = words[2 * i + LOW_WORD]!;
    // Bit patterns order like unsigned integers once negatives are inverted and positives get the sign bit set.
    if (h >>> 31) {
      h = ~h >>> 0;
      l = ~l >>> 0;
    } else {
      h = (h | 0x80000000) >>> 0;
    }
    high[i] = h;
    low[i] = l;
    counts[l & DIGIT_MASK]!++;
    counts[RADIX + ((l >>> DIGIT_BITS) & DIGIT_MASK)]!++;
    counts[2 * RADIX + (l >>> (2 * DIGIT_BITS))]!++;
    counts[3 * RADIX + (h & DIGIT_MASK)]!++;
    counts[4 * RADIX + ((h >>> DIGIT_BITS) & DIGIT_MASK)]!++;
    counts[5 * RADIX + (h >>> (2 * DIGIT_BITS))]!++;
  }

  let order = indices.slice();
  let nextOrder = new Uint32Array(n);
  let nextHigh = new Uint32Array(n);
  let nextLow = new Uint32Array(n);
  const offsets = new Uint32Array(RADIX);
  for (let pass = 0; pass < PASSES; pass++) {
    const lowPass = pass < 3;
    const keys = lowPass ? low : high;
    const shift = (pass % 3) * DIGIT_BITS;
    const base = pass * RADIX;
    // A digit shared by every key leaves the order unchanged (typical for exponent bits of similar scores).
    if (n === 0 || counts[base + ((keys[0]! >>> shift) & DIGIT_MASK)] === n) continue;
    let sum = 0;
    for (let d = 0; d < RADIX; d++) {
      offsets[d] = sum;
      sum += counts[base + d]!;
    }
    for (let i = 0; i < n; i++) {
      const target = offsets[(keys[i]! >>> shift) & DIGIT_MASK]!++;
      nextOrder[target] = order[i]!;
      nextHigh[target] = high[i]!;
      // Low words are no longer read once the low passes are done.
      if (lowPass) nextLow[target] = low[i]!;
    }
    [order, nextOrder] = [nextOrder, order];
    [high, nextHigh] = [nextHigh, high];
    if (lowPass) [low, nextLow] = [nextLow, low];
  }
  return order;
}

/** The accounts a run scored (non-NaN), highest score first, ties broken by account index ascending. */
export function rankingOrder(scores: Float64Array): Uint32Array {
  let scored = 0;
  for (let i = 0; i < scores.length; i++) if (!Number.isNaN(scores[i]!)) scored++;
  const indices = new Uint32Array(scored);
  let next = 0;
  for (let i = 0; i < scores.length; i++) if (!Number.isNaN(scores[i]!)) indices[next++] = i;
  return sortIndicesByValue(scores, indices, true);
}

/**
 * values[order[0]], values[order[1]], …: scans that compare neighbours in an order run several times faster over
 * this copy than through `order`, whose random reads would each wait on a cache miss.
 */
export function gather(values: Float64Array, order: Uint32Array): Float64Array {
  const out = new Float64Array(order.length);
  for (let i = 0; i < order.length; i++) out[i] = values[order[i]!]!;
  return out;
}

/** 0, 1, …, n-1: the order of accounts by index. */
export function identityOrder(n: number): Uint32Array {
  const order = new Uint32Array(n);
  for (let i = 0; i < n; i++) order[i] = i;
  return order;
}
