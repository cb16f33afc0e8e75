import type { CaseKind } from '../../shared/audit';

/** The kinds of audit case (docs/AUDIT.md defines each) live in the shared contract. */
export { CASE_KINDS, type CaseKind } from '../../shared/audit';

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
