import type { AuditCase } from '../../shared/audit';
import { statedMinorAge } from '../../shared/minors';
import type { EvidenceRow } from './case';
import type { AuditData } from './data';
import type { TopicEvidence } from './topics/assign';

const TEXT_LIMIT = 280;

/**
 * Turns node and row indices into what the audit prints: ids and handles as imported, post ids and texts. Minors'
 * handles and texts are withheld unless `showMinors` (SPEC: minors scored without consent).
 */
export function auditLabeller(data: AuditData, showMinors: boolean) {
  const hidden = (account: number) => !showMinors && statedMinorAge(data.accounts.bios[account]) !== null;
  const account = (node: number) => ({
    accountId: data.accounts.platformIds[node]!,
    handle: hidden(node) ? null : data.accounts.handles[node]!,
  });
  const evidence = (row: EvidenceRow): AuditCase['evidence'][number] => {
    const text = row.post === undefined || hidden(data.posts.author[row.post]!) ? null : (data.posts.text[row.post] ?? null);
    return {
      label: row.label,
      value: row.value ?? null,
      account: row.account === undefined ? null : account(row.account),
      post_id: row.post === undefined ? null : data.posts.platformIds[row.post]!,
      interaction_id: row.interaction === undefined ? null : data.interactions.rowIds[row.interaction]!,
      text: text === null ? null : text.slice(0, TEXT_LIMIT),
    };
  };
  return { account, evidence, hidden };
}

/** A topic assignment's evidence row in the audit's evidence form. */
export function topicEvidenceRow(data: AuditData, row: TopicEvidence): EvidenceRow {
  const notes = [
    row.term ? `naming "${row.term}"` : '',
    row.negated ? `rejected: "${row.negationCue}" governs "${row.governs}"` : '',
    row.conflictingSense ? `cue "${row.senseCue}" of ${row.conflictingSense}` : '',
  ].filter(Boolean);
  const label = row.source === 'post' ? 'own post' : row.source === 'reaction' ? 'reaction to a post' : 'endorsement';
  return {
    label: notes.length > 0 ? `${label} ${notes.join(', ')}` : label,
    value: row.amount,
    ...(row.post !== undefined ? { post: row.post } : {}),
    ...(row.interaction !== undefined ? { interaction: row.interaction, account: data.interactions.actor[row.interaction]! } : {}),
  };
}
