import type { AuditData } from '../data';
import { kindIndex, postKindIndex } from '../data';
import { compileVocabulary, matchPost, type CompiledVocabulary } from './match';
import { compileSenses, tallySenses, type SenseTally } from './senses';
import type { Vocabulary } from './vocabulary';

/** Strength per piece of evidence (docs/AUDIT.md, "Topics"). Interaction weights are not used: each counts once. */
export const POST_STRENGTH = 1;
export const REACTION_STRENGTH = 0.5;
export const ENDORSEMENT_STRENGTH = 1;

/**
 * Below this many own posts (originals, quotes, replies) in the dataset an account's topics carry a "thin evidence"
 * note instead of single_post or low_share cases: with 4 posts, any one post is a quarter of what the account
 * said, so a topic resting on one post is the normal state, not an oddity (docs/AUDIT.md).
 */
export const THIN_EVIDENCE_POSTS = 5;

export interface TopicEvidence {
  source: 'post' | 'reaction' | 'endorsement';
  /** The account's own post naming the topic; for a reaction, the post reacted to. */
  post?: number;
  /** The reaction or endorsement interaction. */
  interaction?: number;
  amount: number;
  /** Posts only: the post rejects the topic; the words that reject it and the term they govern (reject.ts). */
  negated?: boolean;
  negationCue?: string;
  governs?: string;
  /** Posts only: the post names the topic only through ambiguous terms, so its sense needs reading. */
  ambiguous?: boolean;
  /** Posts only: how many topics the post names (a hashtag soup names many). */
  postTopics?: number;
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
  /** Of those, the posts naming it only through ambiguous terms. */
  ambiguousPosts: number;
  /** All the account's own posts in the dataset. */
  ownPosts: number;
  /** Set when the account has too few own posts to say whether a topic is odd (THIN_EVIDENCE_POSTS). */
  thinEvidence: string | null;
  /** Votes of the bio and posts per sense, own sense first, when the topic's posts name it ambiguously. */
  senses?: SenseTally[];
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
    if (!found) topics.set(topic, (found = { account, topic, strength: 0, posts: 0, ambiguousPosts: 0, ownPosts: 0, thinEvidence: null, evidence: [] }));
    return found;
  };
  const { posts, interactions } = data;
  const retweetPost = postKindIndex('retweet');
  const topicsOfPost = new Map<number, string[]>();
  const ownPosts = new Int32Array(data.accounts.count);
  for (let post = 0; post < posts.count; post++) {
    const author = posts.author[post]!;
    // A retweet's text and tags belong to the post it retweets; the retweet counts as a reaction below.
    if (posts.kind[post] === retweetPost || (only >= 0 && author !== only)) continue;
    ownPosts[author]!++;
    const mentions = matchPost(vocabulary, posts.text[post] ?? null, posts.hashtags[post] ?? []);
    if (mentions.length === 0) continue;
    const ids: string[] = [];
    for (const mention of mentions) {
      const id = vocabulary.topics[mention.topic]!.id;
      ids.push(id);
      const target = assignment(author, id);
      target.posts++;
      if (mention.ambiguous) target.ambiguousPosts++;
      target.evidence.push({
        source: 'post', post, amount: POST_STRENGTH, term: mention.term, postTopics: mentions.length,
        ...(mention.ambiguous ? { ambiguous: true } : {}),
        ...(mention.negated ? { negated: true, negationCue: mention.negation, governs: mention.governs } : {}),
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
      found.ownPosts = ownPosts[found.account]!;
      found.thinEvidence = thinEvidence(found.ownPosts);
      result.push(found);
    }
  }
  readSenses(data, vocabulary, result);
  return result.sort((a, b) => a.account - b.account || b.strength - a.strength || (a.topic < b.topic ? -1 : a.topic > b.topic ? 1 : 0));
}

/** The note on an account with fewer than THIN_EVIDENCE_POSTS own posts, else null. */
export function thinEvidence(ownPosts: number): string | null {
  return ownPosts >= THIN_EVIDENCE_POSTS ? null
    : `thin evidence: ${ownPosts} own post${ownPosts === 1 ? '' : 's'} in this dataset, too few to tell an odd topic from the account's interests (${THIN_EVIDENCE_POSTS} needed)`;
}

/** Tallies the sense votes of every assignment whose posts name its topic ambiguously (senses.ts). */
function readSenses(data: AuditData, vocabulary: CompiledVocabulary, assignments: TopicAssignment[]): void {
  const senses = compileSenses(vocabulary.topics);
  const index = new Map(vocabulary.topics.map((topic, at) => [topic.id, at]));
  const wanted = assignments.filter((a) => a.ambiguousPosts > 0 && senses[index.get(a.topic) ?? -1]);
  if (wanted.length === 0) return;
  const postsOf = ownPostsByAccount(data, new Set(wanted.map((a) => a.account)));
  for (const assignment of wanted) {
    const near = new Set(assignment.evidence.filter((e) => e.ambiguous).map((e) => e.post!));
    const posts = (postsOf.get(assignment.account) ?? []).map((post) => ({ post, text: data.posts.text[post] ?? null, hashtags: data.posts.hashtags[post] ?? [] }));
    assignment.senses = tallySenses(senses[index.get(assignment.topic)!]!, data.accounts.bios[assignment.account] ?? null, posts, (post) => near.has(post));
  }
}

function ownPostsByAccount(data: AuditData, accounts: ReadonlySet<number>): Map<number, number[]> {
  const byAccount = new Map<number, number[]>();
  const retweet = postKindIndex('retweet');
  for (let post = 0; post < data.posts.count; post++) {
    const author = data.posts.author[post]!;
    if (data.posts.kind[post] === retweet || !accounts.has(author)) continue;
    const list = byAccount.get(author);
    if (list) list.push(post);
    else byAccount.set(author, [post]);
  }
  return byAccount;
}
