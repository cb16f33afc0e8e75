import { compileVocabulary, matchPost } from './match';
import { compileSenses, signatureWords } from './senses';
import { tokenize } from './tokens';
import type { Vocabulary } from './vocabulary';

/** How one post reads on one topic: the post-level answer the audit's flags are built from. */
export interface PostTopicReading {
  /** Vocabulary topic id. */
  topic: string;
  /** The first term that named it. */
  term: string;
  /** The post rejects the topic (docs/AUDIT.md, "Negation with scope"). */
  rejected: boolean;
  /** The words that reject it ("don't eat") and the term they govern ("bacon"), when rejected. */
  rejection: string | null;
  governs: string | null;
  /** Every term naming the topic in this post is ambiguous (shared with another sense). */
  ambiguous: boolean;
  /** For topics with other senses: the signature words of each sense in this post, the topic's own sense first. */
  senses: { sense: string; own: boolean; words: string[] }[];
}

/**
 * The topics a post names, each with whether the post rejects it and the sense votes the post casts: what the
 * evaluation bench compares with hand labels. `hashtags` are the post's hashtags, lower-cased, without '#'.
 */
export function readPostTopics(vocabulary: Vocabulary, text: string | null, hashtags: readonly string[] = []): PostTopicReading[] {
  const compiled = compileVocabulary(vocabulary);
  const senses = compileSenses(vocabulary);
  const tokens = text ? tokenize(text) : [];
  return matchPost(compiled, text, hashtags).map((mention) => {
    const topicSenses = senses[mention.topic];
    const words = topicSenses ? signatureWords(topicSenses, tokens, hashtags, mention.ambiguous) : new Map<number, string[]>();
    return {
      topic: vocabulary[mention.topic]!.id,
      term: mention.term,
      rejected: mention.negated,
      rejection: mention.negation ?? null,
      governs: mention.governs ?? null,
      ambiguous: mention.ambiguous,
      senses: (topicSenses?.readings ?? []).map((reading, at) => ({ ...reading, words: words.get(at) ?? [] })),
    };
  });
}
