import type { AuditCase, StoredAuditCase } from '../../shared/audit';
import type { DetectedCase } from './case';
import type { AuditData } from './data';
import { auditLabeller } from './labels';

/**
 * A detected case as an audit run stores it: every handle and text, each marked when it belongs to a minor (the
 * minors rule of src/shared/minors.ts at audit time, whose version the manifest records), so display can still
 * withhold them.
 */
export function caseStorer(data: AuditData): (detected: DetectedCase) => Omit<StoredAuditCase, 'whatif'> {
  const everything = auditLabeller(data, true);
  const { hidden: isMinor } = auditLabeller(data, false);
  const account = (node: number) => ({ ...everything.account(node), minor: isMinor(node) });
  return (detected) => ({
    kind: detected.kind,
    accounts: detected.accounts.map(account),
    topic: detected.topic,
    strength: detected.strength,
    evidence: detected.evidence.map((row) => ({
      ...everything.evidence(row),
      account: row.account === undefined ? null : account(row.account),
      text_by_minor: row.post !== undefined && isMinor(data.posts.author[row.post]!),
    })),
  });
}

/** A stored case as shown: minors' handles and the texts they wrote withheld unless `showMinors`. */
export function shownCase(stored: StoredAuditCase, showMinors: boolean): AuditCase {
  const account = ({ accountId, handle, minor }: StoredAuditCase['accounts'][number]) => ({
    accountId,
    handle: minor && !showMinors ? null : handle,
  });
  return {
    kind: stored.kind,
    accounts: stored.accounts.map(account),
    topic: stored.topic,
    strength: stored.strength,
    evidence: stored.evidence.map(({ text_by_minor, ...item }) => ({
      ...item,
      account: item.account === null ? null : account(item.account),
      text: text_by_minor && !showMinors ? null : item.text,
    })),
    whatif: stored.whatif,
  };
}
