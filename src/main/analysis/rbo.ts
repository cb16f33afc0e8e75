/**
 * Rank-biased overlap (Webber, Moffat & Zobel 2010, "A similarity measure for indefinite rankings", ACM TOIS 28(4)),
 * with ties treated as the paper's section 5 does: tied items all occur at the depth of the first of them, and the
 * agreement at depth d divides the overlap by the mean length of the two prefixes. This is the "w" variant in
 * Corsi & Urbano 2024 ("The Treatment of Ties in Rank-Biased Overlap", SIGIR), whose extrapolation for rankings
 * of different lengths is used here; without ties it is exactly the paper's eq. 32.
 */
import { indexBound, TiedPrefix, type TiedRanking } from './tied-ranking';

/**
 * RBO_ext of two rankings with ties, the shorter (S, s accounts) and the longer (L, l accounts):
 *
 *   RBO_ext = (1-p)/p * sum_{d=1..l} A_d p^d + (X_l + (l-s) A_s) / l * p^l
 *
 *   A_d = 2 X_d / (|S_:d| + |L_:d|)                for d <= s
 *   A_d = 2 (X_d + (d-s) A_s) / (d + |L_:d|)       for s < d <= l   (S extrapolated at its agreement A_s)
 *
 * where |S_:d| is the length of S's tie-extended prefix of depth d (every account whose tie group starts before
 * position d, so |S_:d| >= d) and X_d the number of accounts in both prefixes. Without ties |S_:d| = |L_:d| = d,
 * A_d = X_d / d and this is eq. 32 (eq. 30 for equal lengths). Two empty rankings are identical (1); an empty and a
 * non-empty one share nothing (0).
 *
 * `weights` (bootstrap multiplicities, by account index) counts account i as weights[i] tied copies; lengths and
 * depths then count copies.
 */
export function rboExtrapolated(a: TiedRanking, b: TiedRanking, p = 0.9, weights: Uint32Array | null = null): number {
  if (!(p > 0 && p < 1)) throw new RangeError(`RBO persistence p must lie in (0, 1), got ${p}`);
  const bound = indexBound(a, b);
  const prefixA = new TiedPrefix(a, weights, bound);
  const prefixB = new TiedPrefix(b, weights, bound);
  const [short, long] = prefixA.total <= prefixB.total ? [prefixA, prefixB] : [prefixB, prefixA];
  const s = short.total;
  const l = long.total;
  if (l === 0) return 1;
  if (s === 0) return 0;
  let overlap = 0;
  let sum = 0;
  let weight = 1;
  let agreementS = 0;
  // Every later term and the final one add at most 2 p^d in all (each A_d <= 1), so the walk stops once that is
  // below 2^-60 of the sum so far (under a double's 2^-53 precision) or below 2^-1000: p^d itself never reaches 0
  // for p > 0.5 (p times the least subnormal rounds back to it), and a million steps in subnormals took 50 ms.
  const negligible = () => 2 * weight <= Math.max(2 ** -1000, 2 ** -60 * ((1 - p) / p) * sum);
  for (let d = 1; d <= s && !negligible(); d++) {
    overlap += short.extendTo(d, long.members);
    overlap += long.extendTo(d, short.members);
    weight *= p;
    agreementS = (2 * overlap) / (short.length + long.length);
    sum += agreementS * weight;
  }
  for (let d = s + 1; d <= l && !negligible(); d++) {
    overlap += long.extendTo(d, short.members);
    weight *= p;
    sum += ((2 * (overlap + (d - s) * agreementS)) / (d + long.length)) * weight;
  }
  // The final term (at most 2^-60 relative when the walk stopped early); rounding can push identical rankings a few
  // ulps above 1.
  return Math.min(1, ((1 - p) / p) * sum + ((overlap + (l - s) * agreementS) / l) * weight);
}
