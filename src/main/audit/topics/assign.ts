import type { AuditData } from '../data';
import { kindIndex, postKindIndex } from '../data';
import { compileVocabulary, matchPost, type CompiledVocabulary } from './match';
import type { Vocabulary } from './vocabulary';

/** Strength per piece of evidence (docs/AUDIT.md, "Topics"). Interaction weights are not used: each counts once. */
export const POST_STRENGTH = 1;
export const REACTION_STRENGTH = 0.5;
export const ENDORSEMENT_STRENGTH = 1;

export interface TopicEvidence {
  source: 'post' | 'reaction' | 'endorsement';
  /** The account's own post naming the topic; for a reaction, the post reacted to. */
  post?: number;
  /** The reaction or endorsement interaction. */
  interaction?: number;
  amount: number;
  /** Posts only: every mention is negated, and by which cue (the first). */
  negated?: boolean;
  negationCue?: string;
  /** Posts only: the post carries cues of another sense of the topic, and the first such cue. */
  conflictingSense?: string;
  senseCue?: string;
  /** Posts only: the term that named the topic. */
  term?: string;
}

export interface TopicAssignment {
  account: number;
  /** A vocabulary topic id; an endorsement topic the vocabulary does not know stays as its lower-cased name. */
  topic: string;
  strength: number;
  /** Own posts (original, quote, reply) naming the topic. */
  posts: number;
  evidence: TopicEvidence[];
}

/** Every (account, topic) with evidence, ordered by account, then strength descending, then topic id. */
export function assignTopics(data: AuditData, vocabulary: Vocabulary): TopicAssignment[] {
  return collect(data, compileVocabulary(vocabulary), -1);
}

/** The assignments of one account, as assignTopics would give them. */
export function accountTopics(data: AuditData, vocabulary: Vocabulary, account: number): TopicAssignment[] {
  return collect(data, compileVocabulary(vocabulary), account);
}

/** Resolves an endorsement's topic name to a vocabulary topic id (by id, label or term), else keeps the name. */
export function endorsementTopic(vocabulary: CompiledVocabulary, name: string): string {
  const index = vocabulary.byName.get(name.trim().toLowerCase());
  return index === undefined ? name.trim().toLowerCase() : vocabulary.topics[index]!.id;
}

/**
 * One pass over the posts (matching each against the term index), then one over the interactions. A reaction is a
 * retweet, quote or reply interaction whose own post (`interactions.post`, the retweet/quote/reply itself) has as
 * parent a post naming the topic; it is credited to that post's author. Going through the post's parent, rather
 * than the interaction's target, ties each reaction to the one post it reacted to, which single_post needs.
 * `only` >= 0 restricts the work to that account's posts and endorsements.
 */
function collect(data: AuditData, vocabulary: CompiledVocabulary, only: number): TopicAssignment[] {
  const byAccount = new Map<number, Map<string, TopicAssignment>>();
  const assignment = (account: number, topic: string) => {
    let topics = byAccount.get(account);
    if (!topics) byAccount.set(account, (topics = new Map()));
    let found = topics.get(topic);
    if (!found) topics.set(topic, (found = { account, topic, strength: 0, posts: 0, evidence: [] }));
    return found;
  };
  const { posts, interactions } = data;
  const retweetPost = postKindIndex('retweet');
  const topicsOfPost = new Map<number, string[]>();
  for (let post = 0; post < posts.count; post++) {
    const author = posts.author[post]!;
    // A retweet's text and tags belong to the post it retweets; the retweet counts as a reaction below.
    if (posts.kind[post] === retweetPost || (only >= 0 && author !== only)) continue;
    const mentions = matchPost(vocabulary, posts.text[post] ?? null, posts.hashtags[post] ?? []);
    if (mentions.length === 0) continue;
    const ids: string[] = [];
    for (const mention of mentions) {
      const id = vocabulary.topics[mention.topic]!.id;
      ids.push(id);
      const target = assignment(author, id);
      target.posts++;
      target.evidence.push({
        source: 'post', post, amount: POST_STRENGTH, term: mention.term,
        ...(mention.negated ? { negated: true, negationCue: mention.negation } : {}),
        ...(mention.conflictingSense ? { conflictingSense: mention.conflictingSense, senseCue: mention.cue } : {}),
      });
    }
    topicsOfPost.set(post, ids);
  }
  const reactionKinds = new Set([kindIndex('retweet'), kindIndex('quote'), kindIndex('reply')]);
  const endorse = kindIndex('endorse');
  for (let interaction = 0; interaction < interactions.count; interaction++) {
    const kind = interactions.kind[interaction]!;
    if (reactionKinds.has(kind)) {
      const own = interactions.post[interaction]!;
      const reactedTo = own >= 0 ? posts.parent[own]! : -1;
      const ids = reactedTo >= 0 ? topicsOfPost.get(reactedTo) : undefined;
      if (!ids) continue;
      for (const id of ids) {
        assignment(posts.author[reactedTo]!, id).evidence.push({ source: 'reaction', post: reactedTo, interaction, amount: REACTION_STRENGTH });
      }
    } else if (kind === endorse) {
      const name = interactions.topic[interaction];
      const target = interactions.target[interaction]!;
      if (!name || (only >= 0 && target !== only)) continue;
      assignment(target, endorsementTopic(vocabulary, name)).evidence.push({ source: 'endorsement', interaction, amount: ENDORSEMENT_STRENGTH });
    }
  }
  const result: TopicAssignment[] = [];
  for (const topics of byAccount.values()) {
    for (const found of topics.values()) {
      found.strength = found.evidence.reduce((sum, { amount }) => sum + amount, 0);
      result.push(found);
    }
  }
  return result.sort((a, b) => a.account - b.account || b.strength - a.strength || (a.topic < b.topic ? -1 : a.topic > b.topic ? 1 : 0));
}
