import type { RunResults } from '../store/runs';

/**
 * Two runs' scores over the union of their accounts (row ids ascending, as runs store them), NaN where a run did
 * not score the account: what the rank statistics compare.
 */
export function alignRuns(a: RunResults, b: RunResults): { accountIds: Int32Array; a: Float64Array; b: Float64Array } {
  const idsA = a.accountIds;
  const idsB = b.accountIds;
  const scoreA = a.outputs[0]![1];
  const scoreB = b.outputs[0]![1];
  const union = new Int32Array(idsA.length + idsB.length);
  const alignedA = new Float64Array(union.length);
  const alignedB = new Float64Array(union.length);
  let i = 0;
  let j = 0;
  let n = 0;
  while (i < idsA.length || j < idsB.length) {
    const nextA = i < idsA.length ? idsA[i]! : Number.POSITIVE_INFINITY;
    const nextB = j < idsB.length ? idsB[j]! : Number.POSITIVE_INFINITY;
    const id = Math.min(nextA, nextB);
    union[n] = id;
    alignedA[n] = nextA === id ? scoreA[i++]! : Number.NaN;
    alignedB[n] = nextB === id ? scoreB[j++]! : Number.NaN;
    n++;
  }
  return { accountIds: union.slice(0, n), a: alignedA.slice(0, n), b: alignedB.slice(0, n) };
}
