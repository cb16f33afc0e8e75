import type { Output } from '../../api';

/** The same cells as the CLI's `scores --format csv`: empty for null, quoted when they hold a quote, comma or newline. */
function csvCell(value: string | number | null): string {
  if (value === null) return '';
  const text = String(value);
  return /[",\n\r]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** `account_id,handle,score,rank`, then the model's extra outputs, ending in a newline as the CLI prints it. */
export function scoresCsv(scores: Output<'runs.scores'>): string {
  const [, ...extra] = scores.columns;
  const lines = [['account_id', 'handle', 'score', 'rank', ...extra].join(',')];
  for (const row of scores.rows) {
    const [score, ...rest] = row.values;
    lines.push([row.accountId, row.handle, score ?? null, row.rank, ...rest].map(csvCell).join(','));
  }
  return `${lines.join('\n')}\n`;
}

export function download(text: string, filename: string): void {
  const url = URL.createObjectURL(new Blob([text], { type: 'text/csv' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = filename;
  link.click();
  // The click has queued the download by now; the object URL is not needed after it.
  setTimeout(() => URL.revokeObjectURL(url), 0);
}
