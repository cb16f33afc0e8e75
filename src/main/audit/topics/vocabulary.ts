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

export const Sense = z.object({
  /** What the word means in this sense, for people ("Kevin Bacon (actor)"). */
  sense: z.string().min(1),
  /** The vocabulary topic of this sense, when it has one (twins <-> minnesota-twins). */
  topic: z.string().optional(),
  /** Words, phrases or hashtags whose presence in a post shows this sense. */
  cues: z.array(Phrase).min(1),
});
export type Sense = z.infer<typeof Sense>;

export const Topic = z.object({
  id: z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/u),
  label: z.string().min(1),
  /** Words and phrases that name the topic; "#x" matches the post's hashtag x. */
  terms: z.array(Phrase).min(1),
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
