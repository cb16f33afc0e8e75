import { statedMinorAge } from '../../../shared/minors';
import type { AuditData } from '../data';
import type { DetectedCase } from '../case';
import { gamingCase, type GamingDetector } from './shared';

/**
 * Accounts whose bio states an age under 18 (src/shared/minors.ts). The evidence is the stated age alone: the bio
 * and handle are redacted (docs/AUDIT.md), so no text goes into the case. No interaction undoes a minor, so the
 * what-if removes nothing; scoring excludes minors by default instead.
 */
function detect(data: AuditData): DetectedCase[] {
  const cases: DetectedCase[] = [];
  for (let account = 0; account < data.accounts.count; account++) {
    const age = statedMinorAge(data.accounts.bios[account]);
    if (age !== null) cases.push(gamingCase('minor', [account], [{ label: 'stated age', value: age }], []));
  }
  return cases;
}

export const minor: GamingDetector = { kind: 'minor', defaults: {}, detect };
