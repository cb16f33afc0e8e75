import type { CaseKind } from '../../../shared/audit';
import { CASE_KIND_TERMS, term } from './glossary';

/**
 * A case kind or statistic under its plain name, its one-line explanation as the tooltip (ui/glossary.ts). `short`
 * replaces the name where a column is narrow ("RBO"); the tooltip then starts with the plain name.
 */
export function Term({ id, short }: { id: string; short?: string }) {
  const entry = term(id);
  const tip = short ? `${entry.name}: ${entry.tip}` : entry.tip;
  return (
    <span className="term" title={tip} data-term={id} style={{ textDecoration: 'underline dotted', textUnderlineOffset: 3, cursor: 'help' }}>
      {short ?? entry.name}
    </span>
  );
}

/** A case kind as a tag: its plain name, the explanation on hover, the id in data-kind for tests and exports. */
export function CaseKindTag({ kind }: { kind: CaseKind }) {
  const entry = CASE_KIND_TERMS[kind];
  return (
    <span className="tag" title={entry.tip} data-kind={kind}>
      {entry.name}
    </span>
  );
}
