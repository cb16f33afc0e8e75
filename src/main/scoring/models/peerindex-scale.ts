import { INTERACTION_KINDS } from '../../../shared/domain';
import { buildCsr, type Csr } from '../graph/csr';
import type { InteractionColumns, ScoreContext } from '../model';

const CANCEL_CHECK_MASK = 0xffff;

/**
 * 100 x ln(1 + x) / ln(1 + max): influence figures are heavy-tailed, so a linear scale would put almost everyone
 * near 0. The ratio comes first so that the top account scores exactly 100.
 */
export function logScale(x: number, max: number): number {
  return max > 0 ? 100 * (Math.log1p(x) / Math.log1p(max)) : 0;
}

export function maxOf(values: Float64Array): number {
  let max = 0;
  for (const value of values) if (value > max) max = value;
  return max;
}

/** One flag per entry of `all`. */
export function flagsOf(all: readonly string[], chosen: readonly string[]): Uint8Array {
  return Uint8Array.from(all, (name) => (chosen.includes(name) ? 1 : 0));
}

/**
 * Row v lists the distinct other accounts whose interactions of a flagged kind (and passing `keep`) reach v,
 * weighted by their summed weight; buildCsr merges parallel rows, which is what "distinct" needs.
 */
export function giversByTarget(
  nodeCount: number,
  columns: InteractionColumns,
  kinds: Uint8Array,
  keep: (row: number) => boolean,
  context: ScoreContext,
): Csr {
  const sources = new Int32Array(columns.count);
  const targets = new Int32Array(columns.count);
  const weights = new Float64Array(columns.count);
  let count = 0;
  for (let e = 0; e < columns.count; e++) {
    if ((e & CANCEL_CHECK_MASK) === 0) context.checkCancelled();
    const actor = columns.actor[e]!;
    if (actor === columns.target[e] || !kinds[columns.kind[e]!] || !keep(e)) continue;
    sources[count] = columns.target[e]!;
    targets[count] = actor;
    weights[count] = columns.weight[e]!;
    count++;
  }
  return buildCsr(nodeCount, { count, sources, targets, weights });
}

/** Per row: the summed weight, and the givers with a positive weight. */
export function rowTotals(csr: Csr): { total: Float64Array; distinct: Float64Array } {
  const total = new Float64Array(csr.nodeCount);
  const distinct = new Float64Array(csr.nodeCount);
  for (let v = 0; v < csr.nodeCount; v++) {
    for (let e = csr.offsets[v]!; e < csr.offsets[v + 1]!; e++) {
      total[v]! += csr.weights[e]!;
      if (csr.weights[e]! > 0) distinct[v]!++;
    }
  }
  return { total, distinct };
}

export const ALL_KINDS = new Uint8Array(INTERACTION_KINDS.length).fill(1);

export const round = (x: number) => Number(x.toFixed(4));
