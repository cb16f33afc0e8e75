/**
 * Accounts ordered by score, highest first; equal scores keep account order, unscored (NaN) accounts come last.
 * Ranks are competition ranks ("1224"): tied accounts share the lowest rank; an unscored account has rank 0.
 */
export function rankScores(scores: Float64Array): { order: Int32Array; rank: Int32Array } {
  const order = Int32Array.from(scores.keys());
  order.sort((a, b) => {
    const x = scores[a]!;
    const y = scores[b]!;
    if (Number.isNaN(x) || Number.isNaN(y)) return Number.isNaN(x) ? (Number.isNaN(y) ? a - b : 1) : -1;
    return y - x || a - b;
  });
  const rank = new Int32Array(scores.length);
  for (let position = 0; position < order.length; position++) {
    const node = order[position]!;
    const score = scores[node]!;
    if (Number.isNaN(score)) break;
    const previous = position > 0 ? order[position - 1]! : -1;
    rank[node] = previous >= 0 && scores[previous] === score ? rank[previous]! : position + 1;
  }
  return { order, rank };
}
