import type { DatasetDetail, DatasetSummary, DatasetTotals } from '../../shared/api';
import { INTERACTION_KINDS } from '../../shared/domain';

const n = (value: number) => value.toLocaleString('en-US');

export function formatTotals(totals: DatasetTotals): string {
  const kinds = INTERACTION_KINDS.filter((kind) => totals.interactions[kind] > 0)
    .map((kind) => `${kind} ${n(totals.interactions[kind])}`)
    .join(', ');
  return [
    `dataset "${totals.dataset.name}" (id ${totals.dataset.id})`,
    `  accounts      ${n(totals.accounts)}`,
    `  posts         ${n(totals.posts)}`,
    `  interactions  ${kinds || 'none'}`,
    `  cascades      ${n(totals.cascades)}`,
    `  unresolved    ${n(totals.unresolved)}`,
    `  skipped       ${n(totals.skipped)}`,
  ].join('\n');
}

export function formatDatasetList(datasets: DatasetSummary[]): string {
  if (datasets.length === 0) return 'No datasets yet. Import one with `lens import PATH`.';
  const header = ['id', 'name', 'accounts', 'posts', 'interactions', 'cascades', 'edges', 'rules', 'updated'];
  const rows = datasets.map((d) => [
    String(d.dataset.id), d.dataset.name, n(d.accounts), n(d.posts),
    n(Object.values(d.interactions).reduce((a, b) => a + b, 0)), n(d.cascades), edgeDirection(d),
    `v${d.derivation.version}${d.derivation.reimport ? ' (old)' : ''}`, d.updatedAt.slice(0, 19).replace('T', ' '),
  ]);
  const outdated = datasets.filter((d) => d.derivation.reimport);
  return [table([header, ...rows]), ...outdated.map((d) => `"${d.dataset.name}" was imported under older derivation rules; re-import it: ${d.derivation.reimport}`)].join('\n');
}

/** The declared direction of a dataset's plain edges; '-' when it has none to declare. */
function edgeDirection(d: DatasetSummary): string {
  if (d.edgeDirection) return d.edgeDirection;
  return d.interactions.edge > 0 ? 'undeclared' : '-';
}

/** Derivation version, edge direction and content hash, with how to re-import a dataset made under older rules. */
function provenanceLines(detail: DatasetDetail): string[] {
  const { version, current, reimport } = detail.derivation;
  return [
    `  derivation    rules v${version}${reimport ? ` (current v${current}); re-import: ${reimport}` : ''}`,
    `  edges         ${edgeDirection(detail)}${detail.edgeDirection === null && detail.interactions.edge > 0 ? ' (read as attention; declare with --edges at import)' : ''}`,
    `  content hash  ${detail.contentHash}`,
  ];
}

export function formatDatasetDetail(detail: DatasetDetail): string {
  const lines = [formatTotals(detail), `  placeholders  ${n(detail.placeholders)} (accounts known only by id)`];
  if (detail.timeSpan.first) lines.push(`  time span     ${detail.timeSpan.first} .. ${detail.timeSpan.last}`);
  lines.push(`  pseudonymized ${detail.pseudonymized ? 'yes' : 'no'}`, ...provenanceLines(detail), '', 'Sources:');
  lines.push(table([['format', 'records', 'skipped', 'size', 'sha256', 'path'],
    ...detail.sources.map((s) => [s.format, n(s.records), n(s.skipped), n(s.size), s.sha256.slice(0, 12), s.path])]));
  if (detail.topHashtags.length > 0) {
    lines.push('', `Top hashtags: ${detail.topHashtags.map((h) => `#${h.tag} (${h.posts})`).join(', ')}`);
  }
  return lines.join('\n');
}

function table(rows: string[][]): string {
  const widths = rows[0]!.map((_, column) => Math.max(...rows.map((row) => row[column]!.length)));
  return rows.map((row) => row.map((cell, column) => cell.padEnd(widths[column]!)).join('  ').trimEnd()).join('\n');
}

/** An account as the CLI names it: @handle where it has one, else its id as imported. */
export const accountName = (account: { accountId: string; handle: string | null }) =>
  account.handle ? `@${account.handle}` : account.accountId;

/** A figure to 4 significant digits, '-' for none. */
export const shortNumber = (value: number | null) => (value === null ? '-' : String(Number(value.toPrecision(4))));
