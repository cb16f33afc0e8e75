/**
 * Accounts whose bio states an age under 18 are not scored unless a run asks for it (SPEC: minors scored without
 * consent). The rule is a heuristic over the bio text; its version goes into every run manifest.
 */
export const MINOR_RULE_VERSION = 1;

const MIN_AGE = 5;
const ADULT_AGE = 18;

// "14 y/o", "14yo", "14 y.o.", "14 years old", "14yrs old" - unless it is someone else's age ("mom of a 14 y/o").
const AGE_SUFFIX =
  /(?<!\b(?:of|my|our|his|her|their|to)\s+(?:a\s+|an\s+|two\s+|\d+\s+)?)\b(\d{1,2})\s*(?:y\/o|y\.o\.?|yo|yrs?\.?\s*old|years?\s*old|years?\s*young)\b/i;
// "I'm 15", "im 15", "i am 15", followed by the end, punctuation, "and", "&" or an age word - not "I'm 15 minutes away".
const I_AM = /\b(?:i'?m|i\s+am|i’m)\s+(\d{1,2})(?=\s*(?:$|[,.;:!|/•\-–—)(]|and\b|&|y\/o|yo\b|years?\b|yrs?\b|\s*[^\w\s]))/i;
// "age 13", "aged 13", "age: 13"
const AGE_PREFIX = /\bage[d]?\s*[:=\-]?\s*(\d{1,2})\b/i;

/** The age under 18 a bio states about its author, or null. */
export function statedMinorAge(bio: string | null | undefined): number | null {
  if (!bio) return null;
  for (const pattern of [AGE_SUFFIX, I_AM, AGE_PREFIX]) {
    const match = pattern.exec(bio);
    if (!match) continue;
    const age = Number(match[1]);
    if (age >= MIN_AGE && age < ADULT_AGE) return age;
  }
  return null;
}
