import type { EdgeReading, ScoreWarning } from '../../../shared/runs';

/** What each warning code is called on the page; the message says why and what to change. */
const TITLES: Record<string, string> = {
  mostly_tied: 'Most accounts tie',
  no_interactions_counted: 'No interactions counted',
  direction_undeclared: 'Edge direction not declared',
  direction_overridden: 'Edge direction overridden',
  derivation_outdated: 'Imported under older rules',
};

const titleOf = (code: string) => TITLES[code] ?? code.replaceAll('_', ' ');

/**
 * A run's warnings as plain text to follow its label where only text fits (a menu option, a checkbox): " ⚠ most
 * accounts tie". Empty for a run without warnings or one stored before they were kept.
 */
export function warningSuffix(warnings: readonly ScoreWarning[] | null): string {
  if (!warnings || warnings.length === 0) return '';
  return ` ⚠ ${warnings.map((w) => titleOf(w.code).toLowerCase()).join(', ')}`;
}

/** Each warning's name and message, one per paragraph, for a tooltip. */
export const warningDetails = (warnings: readonly ScoreWarning[]): string => warnings.map((w) => `${titleOf(w.code)}: ${w.message}`).join('\n\n');

const WARNING_STYLE = { background: '#fff6e0', color: '#6b4a00', border: '1px solid #f0d28a' } as const;

/**
 * A run's stored warnings, wherever a run is shown. `compact` is one line for tables and cards (the messages in its
 * tooltip); otherwise each warning with its reason and what to change. `null`: the run was stored before warnings
 * were kept, so nobody checked it.
 */
export function RunWarnings({ warnings, compact = false }: { warnings: readonly ScoreWarning[] | null; compact?: boolean }) {
  if (warnings === null) {
    return (
      <span className="muted" data-testid="run-warnings-unchecked" title="Stored before warnings were kept with runs: rerun it to check.">
        not checked
      </span>
    );
  }
  if (warnings.length === 0) return null;
  if (compact) {
    return (
      <span data-testid="run-warnings" title={warningDetails(warnings)}
        style={{ ...WARNING_STYLE, borderRadius: 3, padding: '0 6px', fontSize: 12, whiteSpace: 'nowrap' }}>
        ⚠ {warnings.map((w) => titleOf(w.code)).join(', ')}
      </span>
    );
  }
  return (
    <div className="notice" role="status" data-testid="run-warnings" style={WARNING_STYLE}>
      {warnings.map((warning) => (
        <div key={warning.code} data-code={warning.code} style={{ margin: '2px 0' }}>
          <strong>⚠ {titleOf(warning.code)}:</strong> {warning.message}
        </div>
      ))}
    </div>
  );
}

/** The two readings of a plain graph edge A → B, in the words the import preview asks with. */
export const EDGE_MEANINGS = {
  influence: 'A → B means A influences B',
  attention: 'A → B means A follows, retweets or mentions B',
} as const;

/**
 * How a run read the plain graph edges: the direction it used and whether the dataset declared it. Nothing for a
 * run whose dataset declared none and that did not warn about it (no plain edges, or a model without the parameter).
 */
export function EdgeReadingNote({ edges, warnings }: { edges: EdgeReading; warnings: readonly ScoreWarning[] | null }) {
  const undeclared = warnings?.some((w) => w.code === 'direction_undeclared') ?? false;
  if (edges.read === null || (edges.declared === null && !undeclared)) return null;
  const source = edges.declared === null ? 'not declared at import' : edges.declared === edges.read ? 'as declared at import' : `the dataset declares ${edges.declared}`;
  return (
    <span data-testid="edge-reading" title={EDGE_MEANINGS[edges.read]}>
      edges read as {edges.read} ({source})
    </span>
  );
}
