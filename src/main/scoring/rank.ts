/**
 * Accounts ordered by score, highest first; equal scores in account order, unscored (NaN) accounts last. Ranks are
 * competition ranks ("1224"): tied accounts share the lowest rank, which storage order cannot change; an unscored
 * account has rank 0. Only `order` lists tied accounts in storage order: orderTiesBy puts them in a canonical one.
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

/** Whether an order from rankScores has two neighbours with the same score (both unscored counts as a tie). */
export function hasTies(order: Int32Array, scores: Float64Array): boolean {
  for (let i = 1; i < order.length; i++) if (Object.is(scores[order[i]!], scores[order[i - 1]!])) return true;
  return false;
}

/**
 * `order` (from rankScores) with each run of equal scores, unscored accounts included, sorted by `position` (an
 * account's place in a canonical order, such as by platform id), in place; accounts of different scores keep
 * their places.
 */
export function orderTiesBy(order: Int32Array, scores: Float64Array, position: ArrayLike<number>): Int32Array {
  let start = 0;
  for (let i = 1; i <= order.length; i++) {
    if (i < order.length && Object.is(scores[order[i]!], scores[order[start]!])) continue;
    if (i - start > 1) order.subarray(start, i).sort((a, b) => position[a]! - position[b]!);
    start = i;
  }
  return order;
}
