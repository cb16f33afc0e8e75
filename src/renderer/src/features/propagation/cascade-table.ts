import type { Cascade } from './cascade-nodes';

/** Twitter15/16's veracity labels (Ma et al. 2017) as words: the raw true/false read as yes/no flags. */
const RUMOUR_LABELS: Record<string, string> = {
  true: 'true rumour',
  false: 'false rumour',
  unverified: 'unverified rumour',
  'non-rumor': 'non-rumour',
  'non-rumour': 'non-rumour',
};

export const rumourLabel = (label: string | null): string | null => (label === null ? null : (RUMOUR_LABELS[label.toLowerCase()] ?? label));

export type CascadeColumn = 'root' | 'size' | 'depth' | 'breadth' | 'virality' | 'half' | 'label' | 'source' | 'parents';

const VALUE: Record<CascadeColumn, (c: Cascade) => string | number | null> = {
  root: (c) => (c.root_account.handle ?? c.root_account.accountId).toLowerCase(),
  size: (c) => c.size,
  depth: (c) => c.depth,
  breadth: (c) => c.max_breadth,
  virality: (c) => c.structural_virality,
  half: (c) => c.half_size_minutes,
  label: (c) => rumourLabel(c.label),
  source: (c) => c.source,
  parents: (c) => c.parents,
};

export interface SortOrder {
  column: CascadeColumn;
  descending: boolean;
}

/**
 * The cascades in the chosen order, each with its index in the list as served (the URL names a cascade by it).
 * Missing values (no virality for a star) go last either way; ties fall back to the root post id, so equal rows
 * never swap between renders.
 */
export function sortCascades(list: Cascade[], order: SortOrder): { cascade: Cascade; index: number }[] {
  const value = VALUE[order.column];
  const sign = order.descending ? -1 : 1;
  return list
    .map((cascade, index) => ({ cascade, index, key: value(cascade) }))
    .sort((a, b) => {
      if (a.key === null || b.key === null) return a.key === b.key ? tie(a.cascade, b.cascade) : a.key === null ? 1 : -1;
      const compared = a.key < b.key ? -1 : a.key > b.key ? 1 : 0;
      return sign * compared || tie(a.cascade, b.cascade);
    })
    .map(({ cascade, index }) => ({ cascade, index }));
}

const tie = (a: Cascade, b: Cascade) => (a.root_post_id < b.root_post_id ? -1 : a.root_post_id > b.root_post_id ? 1 : a.source < b.source ? -1 : a.source > b.source ? 1 : 0);
