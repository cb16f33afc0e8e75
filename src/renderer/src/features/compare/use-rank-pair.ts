import { useMemo } from 'react';
import type { ApiError } from '../../../../shared/domain';
import { useCall } from '../../ui/use-call';

export interface RankedAccount {
  id: string;
  handle: string | null;
  /** Rank in run A and run B. */
  x: number;
  y: number;
}

/**
 * Every account's rank in two runs, fetched whole (runs.scores without a limit) and joined on the account. Accounts
 * ranked by only one run are kept in the rank maps (the top-k lists need them) but have no point to plot.
 */
export function useRankPair(a: number | null, b: number | null) {
  const first = useCall('runs.scores', a === null ? null : { run: a });
  const second = useCall('runs.scores', b === null ? null : { run: b });
  const joined = useMemo(() => {
    const left = first.data;
    const right = second.data;
    // useCall keeps the previous answer while a new one loads: only join answers for the runs asked about.
    if (!left || !right || left.run !== a || right.run !== b) return null;
    const rankOf = (rows: typeof left.rows) =>
      new Map(rows.flatMap((row) => (row.rank === null ? [] : [[row.accountId, row.rank] as const])));
    const ranksA = rankOf(left.rows);
    const ranksB = rankOf(right.rows);
    const points: RankedAccount[] = left.rows.flatMap((row) => {
      const y = ranksB.get(row.accountId);
      return row.rank === null || y === undefined ? [] : [{ id: row.accountId, handle: row.handle, x: row.rank, y }];
    });
    return { ranksA, ranksB, points };
  }, [first.data, second.data, a, b]);
  const error: ApiError | null = first.error ?? second.error;
  return { data: joined, error, loading: first.loading || second.loading };
}
