import {
  AVERSION_STATES, BE_FORMS, BE_STATES, BELIEF_NOUNS, CATENATIVE_VERBS, DISMISSIVE_PREDICATES, FIRST_PERSON, FUSS_NOUNS,
  INDIFFERENCE_NOUNS, LIKING_WORDS, ME_VERBS, MEDIA_NOUNS, NEGATORS, PARTIAL_ADVERBS, PRAISE_GUARDS, REFUSAL_TAILS, REJECTING_PARTICLES, REJECTING_VERBS,
  RELATION_VERBS, TALKING_VERBS, TIME_UNITS, WANTED_VERBS,
} from './lexicon';
import type { Word } from './nlp';

/** A rejection found in a sentence: the words that reject, and the term they govern. */
export interface Rejection {
  phrase: string;
  governs: string;
}

/** Tokens that end a clause: a negation never reaches across them (docs/AUDIT.md, "Negation with scope"). */
const CLAUSE_WORDS = new Set(['but', 'yet', 'because', 'cause', 'cuz', 'coz', 'though', 'although', 'while', 'whereas',
  'unless', 'if', 'when', 'since', 'until', 'so', 'or', 'how', 'why', 'what', 'where', 'who', 'which', 'whether']);
const HYPOTHETICAL = new Set(['if', 'unless', 'whether']);
const WH_SUBJECTS = new Set(['who', 'what', 'which']);
const SEPARATORS = new Set(['punctuation', 'emoji', 'emoticon', 'url', 'mention', 'symbol']);
const SKIPPABLE = new Set(['AUX', 'ADV', 'PART', 'INTJ']);
const OBJECT_POS = new Set(['DET', 'ADJ', 'NUM', 'NOUN', 'PROPN', 'CCONJ', 'ADP', 'PART', 'ADV', 'PRON', 'X', 'SYM']);
/** A rejection reaches at most this many words past its verb: "don't eat any of the crispy bacon" is 5. */
const OBJECT_REACH = 6;

const isNegator = (w: Word | undefined) => w !== undefined && (NEGATORS.has(w.normal) || NEGATORS.has(w.text));

function isBoundary(words: readonly Word[], at: number): boolean {
  const w = words[at]!;
  if (SEPARATORS.has(w.type) && w.text !== "'" && w.text !== '-' && w.text !== '&') return true;
  // "so" joins clauses only before a new subject ("so I quit"), not before a state ("so overrated", "so over it").
  if (CLAUSE_WORDS.has(w.text)) return w.text !== 'so' || ['PRON', 'PROPN', 'DET', 'NOUN'].includes(words[at + 1]?.pos ?? '');
  if (w.text === 'that') return w.pos === 'SCONJ' || w.pos === 'PRON';
  // "and" starts a new clause when a subject follows ("gave up bacon and I love it").
  return (w.text === 'and' || w.text === '&') && (words[at + 1]?.pos === 'PRON');
}

/** The clause [start, end) around the term at [s, e). */
function clauseOf(words: readonly Word[], s: number, e: number): [number, number] {
  let start = s;
  while (start > 0 && !isBoundary(words, start - 1)) start--;
  let end = e;
  while (end < words.length && !isBoundary(words, end)) end++;
  return [start, end];
}

/**
 * A hashtag is a label, not a word of the sentence, when it stands among other hashtags or apart from the words
 * around it ("... sold on lies #brexit"): then no negation in the sentence reaches it.
 */
export function isLabel(words: readonly Word[], s: number): boolean {
  if (words[s]!.type !== 'hashtag') return false;
  const before = words[s - 1];
  const after = words[s + 1];
  if (before?.type === 'hashtag' || after?.type === 'hashtag') return true;
  const apart = (w: Word | undefined) => w === undefined || SEPARATORS.has(w.type);
  return apart(before) && apart(after);
}

/** The phrase as written: "do n't eat" -> "don't eat". */
const phraseOf = (words: readonly Word[], from: number, to: number) =>
  words.slice(/^(n't|nt)$/u.test(words[from]!.text) && from > 0 ? from - 1 : from, to + 1).reduce((text, w, i) => (i === 0 ? w.text : /^('|n't$|nt$)/u.test(w.text) ? text + w.text : `${text} ${w.text}`), '');

/** Nothing but object words between `from` and the term, within reach, and no word that turns it into praise. */
function reachesTerm(words: readonly Word[], from: number, s: number): boolean {
  if (s - from > OBJECT_REACH) return false;
  for (let at = from; at < s; at++) {
    const w = words[at]!;
    if (PRAISE_GUARDS.has(w.text)) return false;
    if (!OBJECT_POS.has(w.pos) && !(w.pos === 'VERB' && (RELATION_VERBS.has(w.lemma) || TALKING_VERBS.has(w.lemma)))) return false;
  }
  return true;
}

/**
 * The subject of the verb at `at`, looking back to the clause start: the author ("I", "we") or nobody (an
 * imperative or a clipped "dont eat pork") counts; anyone else ("my son", "they", "who") does not.
 */
function authorsOwn(words: readonly Word[], clauseStart: number, at: number): boolean {
  if (clauseStart > 0 && WH_SUBJECTS.has(words[clauseStart - 1]!.text)) return false;
  for (let back = at - 1; back >= clauseStart; back--) {
    const w = words[back]!;
    if (FIRST_PERSON.has(w.text)) return true;
    // "my faith says no to X": a belief or a body of the author's own speaks for the author.
    if (BELIEF_NOUNS.has(w.text) && words[back - 1]?.text === 'my') return true;
    if (w.pos === 'PRON' || w.pos === 'NOUN' || w.pos === 'PROPN') return false;
  }
  return true;
}

const negatedBefore = (words: readonly Word[], clauseStart: number, at: number) =>
  words.slice(Math.max(clauseStart, at - 3), at).some(isNegator);

/** "I don't eat bacon", "never liked kpop", "can't stand #brexit", "not a fan of", "don't want to hear about X". */
function negatedRelation(words: readonly Word[], c: number, s: number, question: boolean): Rejection | null {
  if (question) return null;
  for (let n = c; n < s; n++) {
    if (!isNegator(words[n]) || words[n + 1]?.text === 'more' || words[n + 1]?.text === 'such') continue;
    let wanted = false;
    let me = false;
    for (let at = n + 1; at < s; at++) {
      const w = words[at]!;
      if (PARTIAL_ADVERBS.has(w.text)) break;
      // "you'll never catch me eating X": the refusal is the author's, whoever the grammatical subject is.
      if (ME_VERBS.has(w.lemma) && words[at + 1]?.text === 'me') {
        me = true;
        at++;
        continue;
      }
      // "still don't get the kpop hype", "never understood the appeal of X".
      if ((w.lemma === 'get' || w.lemma === 'understand') && words.slice(at + 1, Math.min(words.length, s + 3)).some((x) => FUSS_NOUNS.has(x.text))) {
        if (authorsOwn(words, c, n)) return { phrase: phraseOf(words, n, at), governs: '' };
        break;
      }
      // "couldn't give a damn about X", "don't give a monkey's about X": indifference, the author's turning away.
      if (w.lemma === 'give' && ['a', 'an', 'two'].includes(words[at + 1]?.text ?? '')) {
        let noun = at + 2;
        if (['flying', 'single', 'rat', "rat's"].includes(words[noun]?.text ?? '')) noun++;
        if (!INDIFFERENCE_NOUNS.has(words[noun]?.text ?? '')) break;
        if (words[noun + 1]?.text === "'s" || words[noun + 1]?.text === "'") noun++;
        if (reachesTerm(words, noun + 1, s) && authorsOwn(words, c, n)) return { phrase: phraseOf(words, n, noun), governs: '' };
        break;
      }
      const liking = LIKING_WORDS[w.text];
      if (liking && (liking.length === 0 || liking.includes(words[at + 1]?.text ?? ''))) {
        const object = at + 1 + (liking.length === 0 ? 0 : 1);
        if (reachesTerm(words, object, s) && authorsOwn(words, c, n)) return { phrase: phraseOf(words, n, object - 1), governs: '' };
        break;
      }
      if (w.pos === 'VERB' || (w.pos === 'AUX' && w.lemma === 'do' && words[at + 1] && !isNegator(words[at + 1]) && words[at + 1]!.pos !== 'VERB')) {
        const wantsObject = w.lemma === 'want' && words[at + 1]?.text !== 'to';
        if (RELATION_VERBS.has(w.lemma) && (wantsObject || !CATENATIVE_VERBS.has(w.lemma)) || (wanted && WANTED_VERBS.has(w.lemma))) {
          if (reachesTerm(words, at + 1, s) && (me || authorsOwn(words, c, n))) return { phrase: phraseOf(words, n, at), governs: '' };
          break;
        }
        if (!CATENATIVE_VERBS.has(w.lemma)) break;
        wanted = true;
        continue;
      }
      if (!SKIPPABLE.has(w.pos) && !(w.pos === 'DET' && (w.text === 'a' || w.text === 'an')) && !BE_FORMS.has(w.text) && w.pos !== 'ADJ') break;
    }
  }
  return null;
}

/** "quit sugar", "gave up bacon", "stopped eating meat", "I hate kpop", "stop tweeting about #brexit", "used to love X". */
function rejectingVerb(words: readonly Word[], c: number, s: number, question: boolean): Rejection | null {
  for (let at = c; at < s; at++) {
    const w = words[at]!;
    if (w.lemma === 'use' && words[at + 1]?.text === 'to' && RELATION_VERBS.has(words[at + 2]?.lemma ?? '')) {
      if (!question && reachesTerm(words, at + 3, s) && authorsOwn(words, c, at)) return { phrase: phraseOf(words, at, at + 2), governs: '' };
      continue;
    }
    // A noun reading ("no skips on this album") is no verb, unless a gerund follows (the tagger's "all stop sending").
    if (!REJECTING_VERBS.has(w.lemma) || (w.pos === 'NOUN' && words[at + 1]?.pos !== 'VERB') || negatedBefore(words, c, at)) continue;
    const particles = REJECTING_PARTICLES[w.lemma];
    let next = at + 1;
    if (particles) {
      if (!particles.includes(words[next]?.text ?? '')) continue;
      next++;
      if (w.lemma === 'cut' && words[next - 1]!.text === 'down' && words[next]?.text === 'on') next++;
      if (w.lemma === 'say' && words[next]?.text === 'to') next++;
    }
    const gerund = words[next];
    const talking = gerund?.pos === 'VERB' && TALKING_VERBS.has(gerund.lemma);
    if ((w.lemma === 'stop' || w.lemma === 'quit') && gerund?.pos === 'ADP') continue; // "stopped by the bakery"
    if (gerund?.pos === 'VERB' && (RELATION_VERBS.has(gerund.lemma) || talking)) next++;
    if (!reachesTerm(words, next, s)) continue;
    if (talking || (!question && authorsOwn(words, c, at))) return { phrase: phraseOf(words, at, next - 1), governs: '' };
  }
  return null;
}

/** "sick of", "done with", "allergic to", "had enough of", "I'm so over X", "I'm off bacon". */
function aversionState(words: readonly Word[], c: number, s: number): Rejection | null {
  for (let at = c; at < s; at++) {
    const w = words[at]!;
    // "six months without coffee": an abstention streak.
    if (w.text === 'without' && TIME_UNITS.has(words[at - 1]?.text ?? '') && reachesTerm(words, at + 1, s)) {
      return { phrase: phraseOf(words, at - (words[at - 2]?.pos === 'NUM' ? 2 : 1), at), governs: '' };
    }
    const preps = AVERSION_STATES[w.text];
    const beState = BE_STATES.has(w.text) && BE_FORMS.has(words[at - 1]?.text ?? '');
    if (!preps && !beState) continue;
    if (negatedBefore(words, c, at) || (w.text === 'enough' && ['get', 'got', 'getting'].includes(words[at - 1]?.text ?? ''))) continue;
    let next = at + 1;
    if (preps) {
      if (!preps.includes(words[next]?.text ?? '')) continue;
      next++;
      if (w.text === 'fed' && words[next]?.text === 'with') next++;
    }
    const asks = w.text === 'enough';
    if (reachesTerm(words, next, s) && (asks || authorsOwn(words, c, at))) return { phrase: phraseOf(words, at, next - 1), governs: '' };
  }
  return null;
}

/** "no more kpop", "no bacon for me", "please no #brexit", "nobody cares about X". */
function refusal(words: readonly Word[], c: number, s: number, e: number, end: number): Rejection | null {
  for (let at = c; at < s; at++) {
    const w = words[at]!;
    if ((w.text === 'nobody' || (w.text === 'no' && words[at + 1]?.text === 'one')) && words.slice(at, s).some((x) => x.lemma === 'care')) {
      return { phrase: phraseOf(words, at, s - 1), governs: '' };
    }
    if (w.text !== 'no' || negatedBefore(words, c, at)) continue;
    const more = words[at + 1]?.text === 'more';
    if (more && words[at + 2]?.text === 'than') continue;
    const pleaded = words[at - 1]?.text === 'please';
    // "no X for me", "no X please", but "for" only as "for me"/"for us" ("there's no black box for the human being"
    // denies a thing exists, it refuses nothing) and "in"/"on" only as "in my feed", "on my timeline" (not "on a Sunday").
    const tail = words.slice(e, Math.min(end, e + 2)).some((x, i) => {
      const next = words[e + i + 1]?.text;
      if (x.text === 'for') return next === 'me' || next === 'us';
      return REFUSAL_TAILS.has(x.text) && (!['in', 'on'].includes(x.text) || next === 'my');
    });
    if ((more || pleaded || tail) && reachesTerm(words, at + (more ? 2 : 1), s)) return { phrase: phraseOf(words, at - (pleaded ? 1 : 0), at + (more ? 1 : 0)), governs: '' };
  }
  return null;
}

/** "X is overrated", "X sucks", "overrated X", "X is not for me", "X allergy". */
function dismissal(words: readonly Word[], c: number, s: number, e: number, end: number): Rejection | null {
  if (s - c <= 2 && words.slice(c, s).some((w) => w.text === 'overrated' || w.text === 'overhyped')) return { phrase: words[s - 1]!.text, governs: '' };
  let at = e;
  while (at < end && (BE_FORMS.has(words[at]!.text) || words[at]!.pos === 'AUX' || words[at]!.pos === 'ADV' || ['the', 'a', 'kinda'].includes(words[at]!.text))) at++;
  const w = words[at];
  if (!w || at >= end) return null;
  if (DISMISSIVE_PREDICATES.has(w.text) && !negatedBefore(words, e, at)) return { phrase: phraseOf(words, e, at), governs: '' };
  if (w.text === 'allergy' || w.text === 'intolerance') return { phrase: w.text, governs: '' };
  if (isNegator(w) && ((words[at + 1]?.text === 'for' && words[at + 2]?.text === 'me') || (words[at + 1]?.text === 'my' && ['thing', 'cup', 'jam'].includes(words[at + 2]?.text ?? '')))) {
    return { phrase: phraseOf(words, e, at + 2), governs: '' };
  }
  if (isNegator(w) && words[at + 1]?.text === 'worth') return { phrase: phraseOf(words, e, at + 1), governs: '' };
  return null;
}

/**
 * Whether the sentence rejects the term at [s, e): the rules above, each confined to the term's clause. A
 * hypothetical clause ("if you don't like X") rejects nothing, and a question ("who doesn't love X?") rejects only
 * by asking others to stop.
 */
export function rejectionOf(words: readonly Word[], s: number, e: number): Rejection | null {
  if (isLabel(words, s)) return null;
  // "photos of X", "X recipes": the media carry the rejected thing, they are not what is rejected.
  if (e - s === 1 && MEDIA_NOUNS.has(words[s]!.text) && (words[e]?.text === 'of' || ['NOUN', 'PROPN'].includes(words[s - 1]?.pos ?? ''))) return null;
  const [c, end] = clauseOf(words, s, e);
  if (c > 0 && HYPOTHETICAL.has(words[c - 1]!.text)) return null;
  const question = words.slice(e).some((w) => w.text === '?');
  const found = negatedRelation(words, c, s, question) ?? rejectingVerb(words, c, s, question) ?? aversionState(words, c, s)
    ?? refusal(words, c, s, e, end) ?? (question ? null : dismissal(words, c, s, e, end));
  return found && { ...found, governs: phraseOf(words, s, e - 1) };
}
