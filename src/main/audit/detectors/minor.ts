import { statedMinorAge } from '../../../shared/minors';
import type { AuditData } from '../data';
import type { DetectedCase } from '../case';
import { gamingCase, type GamingDetector } from './shared';

/**
 * Accounts whose bio states an age under 18 (src/shared/minors.ts). The evidence is the stated age and the few words
 * read as it ("I'm 15", "14 y/o"), so a reader can check the reading; the rest of the bio and the handle are
 * redacted (docs/AUDIT.md). No interaction undoes a minor, so the what-if removes nothing; scoring excludes minors
 * by default instead.
 */
function detect(data: AuditData): DetectedCase[] {
  const cases: DetectedCase[] = [];
  for (let account = 0; account < data.accounts.count; account++) {
    const stated = statedMinorAge(data.accounts.bios[account]);
    if (stated === null) continue;
    const evidence = stated.age === null
      ? { label: `says the author is a minor: "${stated.phrase}"` }
      : { label: `stated age, read from "${stated.phrase}"`, value: stated.age };
    cases.push(gamingCase('minor', [account], [evidence], []));
  }
  return cases;
}

export const minor: GamingDetector = { kind: 'minor', defaults: {}, detect };
