import { z } from 'zod';
import bundledTopics from '../../../../resources/topics.json';
import { tokenize } from './tokens';

/**
 * A term or cue must read back as itself after tokenising, or it could never match a post: lower case, single
 * spaces, no punctuation but inner apostrophes, hashtags as one "#tag" token.
 */
const Phrase = z
  .string()
  .min(1)
  .refine((phrase) => tokenize(phrase).join(' ') === phrase, { message: 'must be lower-case words or one #hashtag, as tokenised' });

/** A hashtag in a signature: "#x", matched against a post's or a bio's hashtags. */
const Hashtag = Phrase.refine((phrase) => phrase.startsWith('#'), { message: 'must be a #hashtag' });

/**
 * What shows one meaning of an ambiguous term (docs/AUDIT.md, "Sense from context"): `cues` are context words that
 * count in a post naming the term; `bio` words count in the account's bio and in any of its posts, like `hashtags`.
 */
const signature = {
  cues: z.array(Phrase).min(1),
  bio: z.array(Phrase).default([]),
  hashtags: z.array(Hashtag).default([]),
};
export const Signature = z.object(signature);
export type Signature = z.infer<typeof Signature>;

export const Sense = z.object({
  /** What the word means in this sense, for people ("Kevin Bacon (actor)"). */
  sense: z.string().min(1),
  /** The vocabulary topic of this sense, when it has one (twins <-> minnesota-twins). */
  topic: z.string().optional(),
  ...signature,
});
export type Sense = z.infer<typeof Sense>;

export const Topic = z.object({
  id: z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/u),
  label: z.string().min(1),
  /** Words and phrases that name the topic; "#x" matches the post's hashtag x. */
  terms: z.array(Phrase).min(1),
  /** The terms that other senses share ("bacon" of bacon, not "crispy bacon"): only mentions by these are read for sense. */
  ambiguous: z.array(Phrase).default([]),
  /** What shows the topic's own sense; required when the topic has other senses. */
  signature: Signature.optional(),
  /** Other meanings of the topic's ambiguous terms. */
  senses: z.array(Sense),
});
export type Topic = z.infer<typeof Topic>;

export const Vocabulary = z.array(Topic).superRefine((topics, context) => {
  const ids = new Set<string>();
  for (const [index, topic] of topics.entries()) {
    if (ids.has(topic.id)) context.addIssue({ code: 'custom', path: [index, 'id'], message: `duplicate topic id ${topic.id}` });
    ids.add(topic.id);
  }
  for (const [index, topic] of topics.entries()) {
    if (topic.senses.length > 0 && topic.signature === undefined) {
      context.addIssue({ code: 'custom', path: [index, 'signature'], message: `topic ${topic.id} has senses but no signature of its own` });
    }
    for (const term of topic.ambiguous) {
      if (!topic.terms.includes(term)) context.addIssue({ code: 'custom', path: [index, 'ambiguous'], message: `ambiguous "${term}" is not a term of ${topic.id}` });
    }
    for (const [at, sense] of topic.senses.entries()) {
      if (sense.topic !== undefined && (!ids.has(sense.topic) || sense.topic === topic.id)) {
        context.addIssue({ code: 'custom', path: [index, 'senses', at, 'topic'], message: `unknown or own topic ${sense.topic}` });
      }
    }
  }
});
export type Vocabulary = z.infer<typeof Vocabulary>;

/** Validates a vocabulary read from a file of the user's (same shape as resources/topics.json); throws a ZodError. */
export function parseVocabulary(json: unknown): Vocabulary {
  return Vocabulary.parse(json);
}

let bundled: Vocabulary | undefined;

/** The vocabulary shipped in resources/topics.json, validated once; imported so the bundler carries it along. */
export function defaultVocabulary(): Vocabulary {
  bundled ??= parseVocabulary(bundledTopics);
  return bundled;
}
