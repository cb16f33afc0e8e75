/**
 * Rank-biased overlap (Webber, Moffat & Zobel 2010, "A similarity measure for indefinite rankings", ACM TOIS 28(4)).
 * Rankings here are strict (ties already broken by account index), so the paper's tie-free definitions apply.
 */

function indexBound(order: Uint32Array): number {
  let max = -1;
  for (let i = 0; i < order.length; i++) if (order[i]! > max) max = order[i]!;
  return max + 1;
}

/**
 * RBO_ext, the extrapolated point estimate of eq. 32 for rankings of possibly different lengths s <= l:
 *
 *   RBO_ext = (1-p)/p * ( sum_{d=1..l} X_d/d p^d + sum_{d=s+1..l} X_s (d-s)/(s d) p^d ) + ((X_l - X_s)/l + X_s/s) p^l
 *
 * where X_d is the overlap of the first d items of each list (the shorter list contributing all of its s items once
 * d > s). Equal lengths reduce to eq. 30. Two empty rankings are identical (1); an empty and a non-empty one share
 * nothing (0). Each ranking must list an account at most once.
 */
export function rboExtrapolated(orderA: Uint32Array, orderB: Uint32Array, p = 0.9): number {
  if (!(p > 0 && p < 1)) throw new RangeError(`RBO persistence p must lie in (0, 1), got ${p}`);
  const [long, short] = orderA.length >= orderB.length ? [orderA, orderB] : [orderB, orderA];
  const l = long.length;
  const s = short.length;
  if (l === 0) return 1;
  if (s === 0) return 0;
  const bound = Math.max(indexBound(long), indexBound(short));
  const inLong = new Uint8Array(bound);
  const inShort = new Uint8Array(bound);
  let overlap = 0;
  let sum = 0;
  let weight = 1;
  // Once p^d underflows to 0, every later term and the final p^l term are exactly 0: deep tails are skipped.
  for (let d = 1; d <= s && weight > 0; d++) {
    const a = long[d - 1]!;
    const b = short[d - 1]!;
    if (a === b) {
      overlap++;
    } else {
      overlap += inShort[a]! + inLong[b]!;
    }
    inLong[a] = 1;
    inShort[b] = 1;
    weight *= p;
    sum += (overlap / d) * weight;
  }
  const overlapS = overlap;
  for (let d = s + 1; d <= l && weight > 0; d++) {
    overlap += inShort[long[d - 1]!]!;
    weight *= p;
    sum += ((overlap + (overlapS * (d - s)) / s) / d) * weight;
  }
  // Rounding can push identical rankings a few ulps above 1.
  return Math.min(1, ((1 - p) / p) * sum + ((overlap - overlapS) / l + overlapS / s) * weight);
}
