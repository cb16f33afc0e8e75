import { withFidelity } from './models/fidelity';
import type { ScoresOutput } from './runs';

/**
 * A text cell a spreadsheet would read as a formula (=, +, -, @) or that starts with a tab or carriage return gets a
 * leading apostrophe (OWASP's CSV-injection advice): an account id `=HYPERLINK(...)` stays text. Numbers are never
 * touched, so a negative score stays a number.
 */
const FORMULA_START = /^[=+\-@\t\r]/;

/** Empty for null; text neutralised as above; quoted when it holds a quote, comma or newline. */
function csvCell(value: string | number | null): string {
  if (value === null) return '';
  const text = typeof value === 'string' && FORMULA_START.test(value) ? `'${value}` : String(value);
  return /[",\n\r]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/**
 * A run's scores as `lens scores --format csv` prints them: `account_id,handle,score,rank`, the model's extra
 * outputs, then `model`, the same on every row: "kred v1 (reconstructed)". The model and its fidelity travel with
 * every row, so a "score" pasted elsewhere still says it is our reconstruction, and the file stays plain CSV (no
 * comment lines, `score` keeps its name for every reader that looks it up).
 */
export function scoresCsv(scores: ScoresOutput): string {
  const [, ...extra] = scores.columns;
  const model = withFidelity(`${scores.model.id} v${scores.model.version}`, scores.model.fidelity ?? undefined);
  const lines = [['account_id', 'handle', 'score', 'rank', ...extra, 'model'].join(',')];
  for (const row of scores.rows) {
    const [score, ...rest] = row.values;
    lines.push([row.accountId, row.handle, score ?? null, row.rank, ...rest, model].map(csvCell).join(','));
  }
  return lines.join('\n');
}
