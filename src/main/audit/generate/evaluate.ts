import { z } from 'zod';
import { CASE_KINDS, type AuditCase, type CaseKind } from '../../../shared/audit';

const Labelled = z.object({ kind: z.enum(CASE_KINDS), accounts: z.array(z.string()).min(1), topic: z.string().optional() });

/**
 * The labels file `lens generate` writes beside a world: planted cases, and controls (near misses of a kind that
 * must not be flagged: a rejection's look-alike, the main sense of an ambiguous word, an adult bio with numbers).
 */
export const WorldLabels = z.object({
  seed: z.number(),
  accounts: z.number(),
  cases: z.array(Labelled),
  controls: z.array(Labelled).default([]),
});
export type WorldLabels = z.infer<typeof WorldLabels>;
type Labelled = z.infer<typeof Labelled>;

export interface KindScore {
  kind: CaseKind;
  planted: number;
  found: number;
  /** Found cases that match a planted one. */
  correct: number;
  /** Planted cases found. */
  recovered: number;
  controls: number;
  /** Controls of the kind that a found case matches: false positives on near misses. */
  controlsFlagged: number;
  precision: number | null;
  recall: number | null;
}

/**
 * Detector precision and recall against a world's planted cases. A found case matches a planted one of its kind
 * when it has the same subject (and topic, where both name one); a ring matches when at least half of its
 * members are members of the planted ring, whichever member the detector lists first.
 */
export function scoreAudit(labels: WorldLabels, cases: AuditCase[]): KindScore[] {
  const matches = (found: AuditCase, planted: Labelled) => {
    if (found.kind !== planted.kind) return false;
    const members = found.accounts.map((a) => a.accountId);
    if (found.kind === 'reciprocity_ring') {
      return members.filter((id) => planted.accounts.includes(id)).length * 2 >= members.length;
    }
    const topicAgrees = planted.topic === undefined || found.topic === null || found.topic === planted.topic;
    return members[0] === planted.accounts[0] && topicAgrees;
  };
  return CASE_KINDS.map((kind) => {
    const planted = labels.cases.filter((c) => c.kind === kind);
    const found = cases.filter((c) => c.kind === kind);
    const correct = found.filter((f) => planted.some((p) => matches(f, p))).length;
    const recovered = planted.filter((p) => found.some((f) => matches(f, p))).length;
    const controls = labels.controls.filter((c) => c.kind === kind);
    const controlsFlagged = controls.filter((c) => found.some((f) => matches(f, c) && f.topic === (c.topic ?? f.topic))).length;
    return {
      kind,
      planted: planted.length,
      found: found.length,
      correct,
      recovered,
      controls: controls.length,
      controlsFlagged,
      precision: found.length === 0 ? null : correct / found.length,
      recall: planted.length === 0 ? null : recovered / planted.length,
    };
  });
}
