import type { z } from 'zod';
import type { CascadeSummary } from '../../../../shared/analysis';
import type { ApiError } from '../../../../shared/domain';
import { client } from '../../api';
import type { Account } from '../../ui/account-link';

export type Cascade = z.infer<typeof CascadeSummary>;

/** One node of a propagation tree: its parent's index (-1 for the root) and its delay after the root post. */
export interface CascadeNode {
  post_id: string;
  parent: number;
  account: Account | null;
  delay_minutes: number;
}

export async function fetchCascadeNodes(dataset: string, cascade: Cascade): Promise<{ ok: true; nodes: CascadeNode[] } | { ok: false; error: ApiError }> {
  const input = { dataset, cascade_id: cascade.cascade_id, root_post_id: cascade.root_post_id, source: cascade.source };
  const result = await client.call('analysis.cascade', input);
  if (!result.ok) return result;
  return { ok: true, nodes: result.value.nodes.map((node) => ({ ...node, delay_minutes: node.delay_minutes ?? Number.NaN })) };
}
