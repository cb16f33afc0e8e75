import type { ScoringGraph } from '../model';
import { rowWeightSums, transpose, type Csr } from './csr';

export function makeScoringGraph(accountIds: Int32Array, out: Csr): ScoringGraph {
  let incoming: Csr | null = null;
  return {
    nodeCount: out.nodeCount,
    accountIds,
    out,
    outWeight: rowWeightSums(out),
    incoming: () => (incoming ??= transpose(out)),
  };
}
