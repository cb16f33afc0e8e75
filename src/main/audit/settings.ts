import type { AuditManifest, CaseKind } from '../../shared/audit';
import { MINOR_RULE_VERSION } from '../../shared/minors';
import { gamingDetectors } from './detectors';
import { MisattributionOptions } from './topics/flags';

export const TOPIC_KINDS = ['single_post', 'negated', 'sense_conflict', 'endorsement_only', 'low_share'] as const;

/** Whether an audit of `kinds` (null: all) looks for `kind`. */
export const asksFor = (kinds: readonly CaseKind[] | null, kind: CaseKind) => kinds === null || kinds.includes(kind);

/**
 * The thresholds and rule versions an audit of `kinds` runs with: each detector's defaults under its kind, the
 * topic flags' under "misattribution". One function, so the worker records what it used and a stored run can be
 * checked against what an audit would use now.
 */
export function auditSettings(kinds: readonly CaseKind[] | null): Pick<AuditManifest, 'thresholds' | 'ruleVersions'> {
  const thresholds: AuditManifest['thresholds'] = {};
  for (const detector of gamingDetectors) {
    if (asksFor(kinds, detector.kind)) thresholds[detector.kind] = { ...detector.defaults };
  }
  if (TOPIC_KINDS.some((kind) => asksFor(kinds, kind))) thresholds.misattribution = MisattributionOptions.parse({});
  return { thresholds, ruleVersions: { minors: MINOR_RULE_VERSION } };
}
