/**
 * Accounts whose bio states an age under 18 are not scored unless a run asks for it (SPEC: minors scored without
 * consent). The rule reads the author's own stated age only; its version goes into every run manifest. A false
 * minor is removed from every score by default, so the rule leans to "not an age" wherever a number could be
 * something else (docs/AUDIT.md, "Ages in bios", lists what counts).
 *
 * Kept free of Node-only imports and of an NLP model: the renderer imports it too, and the forms people use to
 * state their age are few and short, so a clause split and a handful of rules read them.
 */
export const MINOR_RULE_VERSION = 3;

export interface StatedAge {
  /** Null when the bio says the author is a minor without a number ("Minor", "I'm a minor"). */
  age: number | null;
  /** The words read as the age, as the bio writes them ("I'm 15", "14 y/o", "16" as its own clause). */
  phrase: string;
}

const ADULT_AGE = 18;
/** Below 10, a "5yo" is far more often a child's, a pet's or a whisky's age than an author's. */
const MIN_WRITTEN_AGE = 10;
/** A bare number standing alone as a clause ("17 | she/her") is read as an age only from 13, the platforms' minimum. */
const MIN_BARE_AGE = 13;

const NUMBER_WORDS: Record<string, number> = {
  ten: 10, eleven: 11, twelve: 12, thirteen: 13, fourteen: 14, fifteen: 15, sixteen: 16, seventeen: 17,
};
const NUMBER = `(\\d{1,2}|${Object.keys(NUMBER_WORDS).join('|')})`;
const toNumber = (text: string) => NUMBER_WORDS[text.toLowerCase()] ?? Number(text);

/** Clause breaks people put between the parts of a bio: bars, bullets, commas, slashes between words, emoji, lines. */
const CLAUSE_BREAK = /\s*(?:[|•·;,\n\r]|\s[-–—~]\s|\s\/+\s|\p{Extended_Pictographic}|\p{Regional_Indicator}{2})\s*/u;

/** Words after which a written age is someone else's or a thing's ("mom of a 14 y/o", "our 15-year-old shop"). */
const OTHERS_BEFORE = /\b(?:of|my|our|his|her|their|your|to|this|these|with|has|have|raising|parenting|teaching|coaching|coach)\s+(?:a\s+|an\s+|two\s+|three\s+|\d+\s+)?$/i;
/** Nouns a written age can describe that are not the author: family, pets, drinks, businesses and things. */
const NOT_THE_AUTHOR = new RegExp(`\\b(?:${[
  'daughters?', 'sons?', 'kids', 'child(?:ren)?', 'bab(?:y|ies)', 'toddlers?', 'twins', 'triplets', 'boys', 'girls',
  'sisters?', 'brothers?', 'siblings?', 'nieces?', 'nephews?', 'grand\\w+', 'step\\w+', 'mom', 'mum', 'mother', 'dad',
  'father', 'parent', 'students', 'players', 'pupils', 'team', 'squad',
  'dogs?', 'cats?', 'pups?', 'puppy', 'kittens?', 'labrador', 'lab', 'terrier', 'spaniel', 'horses?', 'pony', 'tortoise',
  'port', 'tawny', 'whisk(?:e)?y', 'scotch', 'malt', 'bourbon', 'rum', 'cognac', 'brandy', 'wine', 'vintage', 'cheddar',
  'cheese', 'shop', 'store', 'business', 'company', 'brand', 'bakery', 'cafe', 'pub', 'bar', 'restaurant', 'brewery',
  'distillery', 'winery', 'studio', 'firm', 'agency', 'blog', 'channel', 'podcast', 'account', 'page', 'band', 'club',
  'charity', 'farm', 'car', 'house', 'tree', 'bonsai', 'guitar',
].join('|')})\\b`, 'i');
/** A bio that speaks for an organisation, or says how long it has existed: its numbers are not a person's age. */
const ORGANISATION = /\b(?:est\.?\s*(?:in\s+)?\d{4}|established|founded|since\s+\d{4}|we\s+(?:are|make|sell|brew|bake|serve)|family[\s-](?:run|owned))\b/i;
/** Someone else's age is in the bio: a parent's or a coach's numbers ("mum of 3 | 14 | 12") are not the author's. */
const OTHERS_IN_BIO = /\b(?:mom|mum|mother|mama|dad|father|papa|parent|coach|teacher)\s+(?:of|to)\b|\bmy\s+(?:kids|daughters?|sons?|boys|girls|children)\b/i;
/** Work words: "15 yrs" beside them is experience, not an age. */
const WORK = /\b(?:experience|exp|career|industry|professional|veteran|years?\s+in|marketing|engineer|developer|consultant|manager|director|founder|ceo|nurse|doctor|lawyer|journalist|designer|photographer|realtor|specialist|expert)\b/i;

/** "14 y/o", "14yo", "14 y.o.", "14 years old", "14-year-old", "14 yrs old", "fifteen years young". */
const WRITTEN_AGE = new RegExp(`\\b${NUMBER}\\s*-?\\s*(?:y\\/o|y\\.o\\.?|yo|yrs?\\.?[\\s-]*old|years?[\\s-]*old|years?[\\s-]*young)(?![\\w/])`, 'i');
/** "I'm 15", "im 15", "i am 15", "I'm a 15" - unless a unit follows the number (NOT_AN_AGE_AFTER). */
const I_AM = new RegExp(`\\b(?:i'?m|i’m|i\\s+am)\\s+(?:a\\s+|only\\s+|just\\s+)?${NUMBER}\\b`, 'i');
/** "age 13", "aged 13", "age: 13" */
const AGE_PREFIX = new RegExp(`\\bage[d]?\\s*[:=\\-]?\\s*${NUMBER}\\b`, 'i');
/** A clause that is only a number ("16.", "17!") or a number and "yrs" ("15 yrs"). */
const BARE = new RegExp(`^${NUMBER}[.!]?$`, 'i');
const BARE_YEARS = new RegExp(`^${NUMBER}\\s*(?:yrs?|years?)\\.?$`, 'i');

/**
 * Units, measures and prepositions after a number that make "I'm 15 ..." something other than an age: "I'm 15
 * minutes away", "I'm 5'9", "I'm 10/10", "I'm 15 years in", "I'm 12 for 12".
 */
const NOT_AN_AGE_AFTER = new RegExp(`^(?:\\s*[.,:/×x'’′″"%-]\\s*\\d|['’′″"%]|\\s*(?:${[
  'minutes?', 'mins?', 'hours?', 'hrs?', 'days?', 'weeks?', 'wks?', 'months?', 'miles?', 'mi', 'km', 'k', 'ft', 'feet',
  'foot', 'inch(?:es)?', 'in', 'cm', 'm', 'lbs?', 'kg', 'st', 'stone', 'percent', 'pts?', 'points?', 'steps?',
  'goals?', 'games?', 'times?', 'degrees?', 'sec(?:onds?)?', 'of', 'for', 'out', 'x', 'toes', 'and\\s+\\d',
].join('|')})\\b|\\s*(?:yrs?|years?)\\b(?!\\s*(?:old|young)\\b|\\.?\\s*$))`, 'i');

/** The words after a written age ("14 y/o ..."): a family member, pet, drink or business makes it not the author's. */
/**
 * A bio that calls its author a minor in words: the clause "Minor" on its own ("Heller | Minor | ADHD", a real bio
 * in the labelled set) or "I'm a minor". "Minor league", "minor key" and "minors follow at your own risk" are not
 * about the author, and the clause rule never sees them since they are not the whole clause.
 */
const MINOR_CLAUSE = /^(?:a\s+)?minor[.!]?$/i;
const I_AM_A_MINOR = /\b(?:i'?m|i’m|i\s+am)\s+(?:still\s+)?a\s+minor\b(?!\s+(?:league|leaguer|key|chord|detail|character|role|player|celebrity|injury))/i;

function describesAuthor(before: string, after: string): boolean {
  if (OTHERS_BEFORE.test(before)) return false;
  const next = after.trim().split(/\s+/).slice(0, 3).join(' ');
  return !NOT_THE_AUTHOR.test(next);
}

function minor(age: number, min: number, phrase: string): StatedAge | null {
  return age >= min && age < ADULT_AGE ? { age, phrase: phrase.trim() } : null;
}

/** The first stated age of the author under 18 in one clause of the bio. */
function clauseAge(clause: string, bio: { organisation: boolean; othersAges: boolean; work: boolean }): StatedAge | null {
  const inWords = MINOR_CLAUSE.exec(clause) ?? I_AM_A_MINOR.exec(clause);
  if (inWords) return { age: null, phrase: inWords[0].trim() };
  const iAm = I_AM.exec(clause);
  if (iAm && !NOT_AN_AGE_AFTER.test(clause.slice(iAm.index + iAm[0].length))) {
    return minor(toNumber(iAm[1]!), MIN_WRITTEN_AGE, iAm[0]);
  }
  if (bio.organisation || NOT_THE_AUTHOR.test(clause.replace(WRITTEN_AGE, ' '))) return null;
  const written = WRITTEN_AGE.exec(clause);
  if (written && describesAuthor(clause.slice(0, written.index), clause.slice(written.index + written[0].length))) {
    return minor(toNumber(written[1]!), MIN_WRITTEN_AGE, written[0]);
  }
  const prefixed = AGE_PREFIX.exec(clause);
  if (prefixed && !OTHERS_BEFORE.test(clause.slice(0, prefixed.index))) return minor(toNumber(prefixed[1]!), MIN_WRITTEN_AGE, prefixed[0]);
  if (bio.othersAges) return null;
  const bare = BARE.exec(clause);
  if (bare) return minor(toNumber(bare[1]!), MIN_BARE_AGE, bare[0]);
  const years = BARE_YEARS.exec(clause);
  if (years && !bio.work) return minor(toNumber(years[1]!), MIN_BARE_AGE, years[0]);
  return null;
}

/**
 * The age under 18 a bio states about its author, with the words read as that age, or null. Counts: "I'm 15",
 * "15 y/o", "15 years old", "age 15", and a number alone between clause breaks ("17 | she/her", "jess, 15", "16.",
 * "15 yrs"), and the author called a minor in words ("Minor" as its own clause, "I'm a minor"). Does not count: heights ("5'9"), others' ages ("mom of a 14 y/o", "my daughter turns 13"), things'
 * ages ("est. 2012, 11 years old", "10yo tawny port"), years of experience, counts, dates, scores, and school
 * years ("sophomore", "class of 2027"), which name a range of ages and are used at university too.
 */
export function statedMinorAge(bio: string | null | undefined): StatedAge | null {
  if (!bio || !/\d|teen|ten|eleven|twelve|minor/i.test(bio)) return null;
  const context = { organisation: ORGANISATION.test(bio), othersAges: OTHERS_IN_BIO.test(bio), work: WORK.test(bio) };
  for (const clause of bio.split(CLAUSE_BREAK)) {
    if (!clause) continue;
    const found = clauseAge(clause.trim(), context);
    if (found) return found;
  }
  return null;
}
