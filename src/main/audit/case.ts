/** The kinds of audit case (docs/AUDIT.md defines each). */
export const CASE_KINDS = [
  'single_post',
  'negated',
  'sense_conflict',
  'endorsement_only',
  'low_share',
  'reciprocity_ring',
  'concentrated_engagement',
  'endorsement_burst',
  'score_jump',
  'follow_back',
  'bot_like_timing',
  'minor',
] as const;
export type CaseKind = (typeof CASE_KINDS)[number];

/** One row of evidence; indices refer to AuditData. */
export interface EvidenceRow {
  label: string;
  value?: number;
  account?: number;
  post?: number;
  interaction?: number;
}

/** A case as a detector finds it, before it is labelled with ids and handles for output. */
export interface DetectedCase {
  kind: CaseKind;
  /** Account nodes; the first is the case's subject. */
  accounts: number[];
  topic: string | null;
  strength: number | null;
  evidence: EvidenceRow[];
  /** Interaction indices whose removal undoes the case (the what-if leaves them out). */
  interactions: number[];
}
