import type { Random } from './random';

/**
 * Planted texts composed from parts (subject, verb, object, reason, time, hashtag, emoji), so the words of a kind
 * vary from post to post and from the phrasings any evaluation uses: a rejection is one of six forms (refusing,
 * abstaining, having quit, a belief or an allergy, asking others to stop, dismissing), each with several of each
 * part. "{o}" in a part is the topic's object ("bacon", "#bacon", "any bacon"), "{t}" its plain term.
 */
export interface TopicSpeech {
  /** The ways a post names the topic: the first three plain (for compounds), then a hashtag or with a determiner. */
  objects: readonly string[];
  /** Verbs of the author's relation to the topic ("eat", "listen to") in the forms the rejections need. */
  verb: string;
  gerund: string;
  /** What others post about it ("{o} pics"), for "please stop posting ...". */
  media: readonly string[];
  /** Reasons for a refusal that fit the topic (a diet, a belief, a taste). */
  reasons: readonly string[];
  /** A belief or an allergy that rules the topic out ("I'm allergic to"). */
  beliefs: readonly string[];
  /** Sentences naming the topic with a negation word that praises it or is about something else (controls). */
  nearMisses: readonly string[];
}

export const SPEECH: Record<'bacon' | 'kpop', TopicSpeech> = {
  bacon: {
    objects: ['bacon', 'Bacon', 'bacon', '#bacon', 'any bacon', 'bacon of any kind'],
    verb: 'eat', gerund: 'eating',
    beliefs: ["I'm allergic to", 'As a vegetarian I skip', 'My faith says no to', 'Being Muslim, I avoid'],
    media: ['{t} pics', '{t} recipes', 'photos of {t}', '{t} content'],
    reasons: [' since I went vegetarian', ', I keep halal', ', I keep kosher', ' for religious reasons', ' - doctor\'s orders',
      ' after that pig sanctuary visit', ', it makes me ill', ' (vegan for 6 years now)', ''],
    nearMisses: [
      'Would never say no to {t} on a Sunday', "Can't get enough of {t} lately", 'Nothing beats {t} after a night shift',
      'There is no such thing as too much {t}', "Never met a {t} sandwich I didn't like", "You can't go wrong with {t}",
      "I'll never get tired of {t}", "Don't knock {t} and maple until you've tried it", 'I stopped by the diner for {t} today',
      'No more than 3 strips of {t} per person at the brunch, apparently', "Not gonna lie, the {t} today was perfect",
      "The shop didn't have eggs but it had {t}", "Didn't sleep much, {t} fixed it", 'Never forget the {t} at that little cafe in Leeds',
    ],
  },
  kpop: {
    objects: ['kpop', 'Kpop', 'kpop', '#kpop', 'any kpop'],
    verb: 'listen to', gerund: 'listening to',
    // Not "I'm against kpop": opposing a thing is engaging with it (test/fixtures/audit-labels/CRITERIA.md, rule 1);
    // a rejection turns away from it as one's own interest.
    beliefs: ["I'm allergic to", 'As a jazz purist I skip', 'Being a metalhead, I pass on', 'On principle I avoid'],
    media: ['{t} videos', '{t} edits', '{t} fancams', '{t} threads'],
    reasons: [", it's just not for me", ' - too much for my ears', ', my ex ruined it', ' after the fandom wars', ''],
    nearMisses: [
      'Would never say no to a {t} playlist', "Can't get enough of {t} this week", 'Nothing beats {t} on a long train ride',
      'No such thing as too much {t}', "You can't go wrong with {t} at a party", "I'll never get tired of {t}",
      "Didn't expect the {t} comeback to be this good", 'No skips on this {t} album', "Can't stop streaming the new {t} single",
      "Not gonna lie, {t} got me through exams", "I wasn't at the show but the {t} clips are unreal", 'Never skipping the {t} playlist on leg day',
    ],
  },
};

const SUBJECTS = ['I', 'Honestly I', 'Sorry but I', 'Me? I', 'ok so I', 'Just saying, I'];
const TIMES = ['last year', 'in 2019', 'two years ago', 'back in March', 'for good', 'a while back'];
const EMOJI = ['', '', ' 🙅', ' 🤷', ' 😬', ' 🌱', ' ✋', ' 🙃'];
const GLAD = ['', '', ' 😋', ' 🔥', ' ❤️', ' 🙌'];
const HASHTAGS = ['', '', '', ' #nothanks', ' #justsaying', ' #unpopularopinion'];

const REJECTIONS: readonly ((s: TopicSpeech, r: Random) => string)[] = [
  // refusing
  (s, r) => `${r.pick(SUBJECTS)} ${r.pick(["won't", 'refuse to', 'will never', 'am not going to'])} ${s.verb} {o}${r.pick(s.reasons)}`,
  (s, r) => `You'll never catch me ${s.gerund} {o}${r.pick(s.reasons)}`,
  // abstaining
  (s, r) => `${r.pick(SUBJECTS)} ${r.pick(["don't", 'do not', 'never'])} ${s.verb} {o}${r.pick(s.reasons)}`,
  // The plain term: "No any kpop for me" is not English.
  (s, r) => `No {t} for me${r.pick(s.reasons)}, thanks`,
  // having quit
  (s, r) => `${r.pick(SUBJECTS)} ${r.pick(['gave up', 'quit', 'cut out'])} {o} ${r.pick(TIMES)} and ${r.pick(["don't miss it", 'feel better', 'never looked back'])}`,
  (s, r) => `${r.pick(SUBJECTS)} stopped ${s.gerund} {o} ${r.pick(TIMES)}`,
  (s, r) => `${r.between(2, 9)} ${r.pick(['months', 'years'])} without {o} now`,
  // a belief or an allergy
  (s, r) => `${r.pick(s.beliefs)} {o}`,
  // asking others to stop
  (s, r) => `${r.pick(['Please stop', 'Can everyone stop', 'Could you all stop', 'Begging you to stop'])} ${r.pick(['posting', 'sending me', 'sharing'])} ${r.pick(s.media)}`,
  (s, r) => `Enough with the ${r.pick(s.media)} already`,
  // dismissing
  (_, r) => `{t} is ${r.pick(['overrated', 'gross', 'not worth the hype', 'honestly awful'])}${r.pick([', sorry', ' tbh', ', fight me', ''])}`,
  (_, r) => `${r.pick(SUBJECTS)} ${r.pick(["can't stand", 'hate', 'have never liked', 'really dislike'])} {o}`,
  (_, r) => `${r.pick(['Never understood', "Still don't get", 'Will never understand'])} the {t} hype`,
];

/** "{o}" becomes one of the objects, "{t}" the plain term (in compounds: "the {t} hype", "{t} pics"). */
const fill = (template: string, speech: TopicSpeech, random: Random) =>
  template.replaceAll('{o}', random.pick(speech.objects)).replaceAll('{t}', random.pick(speech.objects.slice(0, 3)));
const capitalise = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

/** A first-person rejection of the topic, in one of the six forms. */
export function rejection(speech: TopicSpeech, random: Random): string {
  const text = fill(random.pick(REJECTIONS)(speech, random), speech, random);
  return capitalise(`${text}${random.pick(EMOJI)}${random.pick(HASHTAGS)}`);
}

/** A post naming the topic with a negation word that does not reject it: praise, or a negation about something else. */
export function nearMiss(speech: TopicSpeech, random: Random): string {
  return capitalise(`${fill(random.pick(speech.nearMisses), speech, random)}${random.pick(GLAD)}`);
}
