import { useCallback, useEffect, useRef, useState } from 'react';
import type { ApiError } from '../../../../shared/domain';
import type { ScoreRow } from '../../../../shared/runs';
import { client } from '../../api';

const PAGE = 500;

/** A run's scores fetched page by page (limit/offset) as the table scrolls, so a million rows never load at once. */
export function useScorePages(run: number) {
  const pages = useRef(new Map<number, ScoreRow[] | 'loading'>());
  const [info, setInfo] = useState<{ total: number; columns: string[] } | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [, setLoaded] = useState(0);

  const load = useCallback(
    async (page: number) => {
      const cache = pages.current;
      if (cache.has(page)) return;
      cache.set(page, 'loading');
      const result = await client.call('runs.scores', { run, limit: PAGE, offset: page * PAGE });
      // Another run's table has replaced this cache meanwhile.
      if (pages.current !== cache) return;
      if (!result.ok) {
        cache.delete(page);
        setError(result.error);
        return;
      }
      cache.set(page, result.value.rows);
      setInfo({ total: result.value.total, columns: result.value.columns });
      setLoaded((n) => n + 1);
    },
    [run],
  );

  useEffect(() => {
    pages.current = new Map();
    setInfo(null);
    setError(null);
    void load(0);
  }, [load]);

  const onRangeChange = useCallback(
    (start: number, end: number) => {
      for (let page = Math.floor(start / PAGE); page <= Math.floor(Math.max(start, end - 1) / PAGE); page++) void load(page);
    },
    [load],
  );
  const getRow = (index: number): ScoreRow | undefined => {
    const page = pages.current.get(Math.floor(index / PAGE));
    return Array.isArray(page) ? page[index % PAGE] : undefined;
  };
  return { info, error, getRow, onRangeChange };
}
