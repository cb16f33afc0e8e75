/**
 * The words the rejection rules (negation.ts) are made of, by kind of language rather than by example phrase
 * (docs/AUDIT.md, "Negation with scope"). Verbs are lemmas as wink-nlp gives them ("eating", "ate" -> "eat").
 */
const words = (list: string) => new Set(list.split(' '));

/** Verbs of the author's relation to a thing: consuming it, liking it, following it, supporting it. */
export const RELATION_VERBS = words(
  'eat drink like love enjoy want care support follow watch listen buy use touch trust fancy stand bear stomach ' +
  'tolerate do celebrate play stream smoke cook order need wear vote back recommend consume rate dig',
);

/** Verbs that count as a relation only after "want to" / "need to" ("don't want to hear about X", not "I don't see X"). */
export const WANTED_VERBS = words('see hear read talk know think');

/** Verbs that pass a negation on to the verb after them ("don't want to eat", "won't try to like"). */
export const CATENATIVE_VERBS = words('want need wanna gonna go try plan intend bother');

/** Adverbs that make a negation partial, not a refusal ("I don't always eat bacon", "not just kpop"). */
export const PARTIAL_ADVERBS = words('always only just usually often necessarily merely simply');

/**
 * Words in the object of a negated verb that turn it into praise or a comparison ("don't eat anything but bacon",
 * "never eat enough bacon", "can't get better than X").
 */
export const PRAISE_GUARDS = words('enough but except than better without other');

/** Verbs that reject their object without any negation word ("I quit sugar", "gave up bacon", "I hate kpop"). */
export const REJECTING_VERBS = words('quit stop give cut ditch avoid boycott hate detest despise loathe dislike abstain refuse unfollow mute ban swear skip say');

/** The particle each phrasal rejecting verb needs ("give up", "cut out", "swear off", "abstain from"). */
export const REJECTING_PARTICLES: Readonly<Record<string, readonly string[]>> = {
  give: ['up'], cut: ['out', 'down'], swear: ['off'], abstain: ['from'], refuse: ['to'], say: ['no'],
};

/** Verbs of talking about a thing: "stop tweeting about X" asks others, whoever the subject is. */
export const TALKING_VERBS = words('tweet post talk mention spam share retweet write go bang harp push shove discuss bring moan whine send');

/** States of having had enough of, or being unable to take, a thing ("sick of", "allergic to", "done with"). */
export const AVERSION_STATES: Readonly<Record<string, readonly string[]>> = {
  sick: ['of'], tired: ['of'], fed: ['up'], done: ['with'], bored: ['of', 'with'], through: ['with'],
  allergic: ['to'], intolerant: ['to', 'of'], enough: ['of', 'with', 'about'],
};

/** Aversion states that need a form of "be" (or "so") right before them: "I'm so over X", "I'm off bacon", "I'm against X". */
export const BE_STATES = words('over off against');

/** Nouns and adjectives of liking that a negation turns into a refusal ("not a fan of", "not into", "not keen on"). */
export const LIKING_WORDS: Readonly<Record<string, readonly string[]>> = {
  fan: ['of'], fond: ['of'], into: [], keen: ['on'], interested: ['in'], big: ['on'], bothered: ['about', 'with'],
};

/**
 * Predicates that dismiss their subject as a matter of taste ("X is overrated", "X sucks"). Criticism of a policy
 * ("Brexit is a disaster") is not here: it engages with the topic rather than turning away from it.
 */
export const DISMISSIVE_PREDICATES = words('overrated overhyped gross disgusting nasty boring cringe cringey vile trash garbage rubbish sucks stinks worst yuck awful horrible');

/** The nouns of "couldn't give a damn": what a negated "give a ..." withholds when the author does not care. */
export const INDIFFERENCE_NOUNS = words("damn dam toss monkeys monkey monkey's fig hoot shit fuck crap stuff sod hoot heck flip tinker's");

/** Nouns of a fuss that a negated "get" or "understand" dismisses ("still don't get the kpop hype"). */
export const FUSS_NOUNS = words('hype appeal fuss obsession craze');

/** Verbs that take the author as object before the refused act ("you'll never catch me eating X"). */
export const ME_VERBS = words('catch find see');

/** Time units of an abstention streak ("six months without coffee"). */
export const TIME_UNITS = words('day days week weeks month months year years');

/** What a refusal may be put down to, as its subject ("my faith says no to X", "my doctor says no to X"). */
export const BELIEF_NOUNS = words('faith religion diet doctor body stomach gut conscience');

/** Words after "no X" that make it a refusal or a request ("no bacon for me", "no more kpop please"). */
export const REFUSAL_TAILS = words('for please thanks thank anymore again in on');

/** Forms of "be", as tokens, before a state ("I'm over", "am so done with"). */
export const BE_FORMS = words("be am is are was were 'm 're 's i'm im so being been");

/** Subjects that make a refusal the author's own. "i'm"/"im" are one token in wink's model. */
export const FIRST_PERSON = words("i me we us i'm im myself ourselves");

export const NEGATORS = words("not never no nt n't cannot");

/**
 * Any word whose presence may start a rejection: posts without one are not parsed at all (most posts), which
 * keeps the sentence parse off the audit's critical path. Tokens ending in "n't"/"nt" are triggers as well.
 */
export const TRIGGERS = new Set([
  ...NEGATORS, 'cant', 'dont', 'wont', 'nobody', 'longer', 'hardly', 'quit', 'quitting', 'quits', 'stop', 'stopped', 'stopping',
  'stops', 'gave', 'give', 'giving', 'cut', 'cutting', 'ditch', 'ditched', 'avoid', 'avoiding', 'avoided', 'boycott', 'boycotting',
  'hate', 'hates', 'hated', 'hating', 'detest', 'despise', 'loathe', 'dislike', 'dislikes', 'abstain', 'abstaining', 'refuse',
  'refused', 'refusing', 'unfollow', 'unfollowing', 'mute', 'muting', 'muted', 'ban', 'swore', 'swear', 'sworn', 'used',
  ...Object.keys(AVERSION_STATES), ...BE_STATES, ...DISMISSIVE_PREDICATES, 'allergy', 'intolerance', 'cares', 'skip', 'skipping',
  'skipped', 'says', 'without', ...FUSS_NOUNS,
]);

/** Carriers of a topic in "stop posting photos of X": the rejection is of X, not of photography. */
export const MEDIA_NOUNS = words('photo photos pic pics picture pictures video videos clip clips content post posts tweet tweets thread threads edit edits meme memes take takes recipe recipes');
