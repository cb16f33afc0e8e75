import type { ScoresOutput } from './runs';

/** Empty for null; quoted when it holds a quote, comma or newline. */
function csvCell(value: string | number | null): string {
  if (value === null) return '';
  const text = String(value);
  return /[",\n\r]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** A run's scores as `lens scores --format csv` prints them: `account_id,handle,score,rank`, then extra outputs. */
export function scoresCsv(scores: ScoresOutput): string {
  const [, ...extra] = scores.columns;
  const lines = [['account_id', 'handle', 'score', 'rank', ...extra].join(',')];
  for (const row of scores.rows) {
    const [score, ...rest] = row.values;
    lines.push([row.accountId, row.handle, score ?? null, row.rank, ...rest].map(csvCell).join(','));
  }
  return lines.join('\n');
}
