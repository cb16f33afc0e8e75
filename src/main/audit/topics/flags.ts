import { z } from 'zod';
import type { DetectedCase, EvidenceRow } from '../case';
import type { AuditData } from '../data';
import { postKindIndex } from '../data';
import type { TopicAssignment, TopicEvidence } from './assign';

/** Thresholds of the misattribution flags, defaults as docs/AUDIT.md gives them. */
export const MisattributionOptions = z.object({
  singlePostShare: z.number().min(0).max(1).default(0.6),
  singlePostMinStrength: z.number().min(0).default(3),
  /** The rest of the strength (without the post and its reactions) must stay below this: the topic rests on the post. */
  singlePostRestBelow: z.number().min(0).default(3),
  negatedShare: z.number().min(0).max(1).default(0.5),
  senseConflictShare: z.number().min(0).max(1).default(0.5),
  endorsementShare: z.number().min(0).max(1).default(0.7),
  endorserNonPosterShare: z.number().min(0).max(1).default(0.8),
  lowShareMinPosts: z.number().int().min(0).default(20),
  lowShare: z.number().min(0).max(1).default(0.05),
});
export type MisattributionOptions = z.infer<typeof MisattributionOptions>;

/** Shares are compared with a little slack so that 3 of 5 counts as "at least 60%" despite rounding. */
const atLeast = (part: number, share: number, whole: number) => part >= share * whole - 1e-9;

type Flag = Omit<DetectedCase, 'accounts' | 'topic' | 'strength'> & { accounts?: number[] };

/**
 * The misattribution flags on each assignment, in assignment order and then kind order. `assignments` must be the
 * whole list from assignTopics: endorsement_only asks it whether each endorser posts about the topic.
 * The interactions of each case are those the what-if removes: the reactions to the one post (single_post), to
 * the negated or conflicting posts (negated, sense_conflict), to all the topic's posts (low_share), or the
 * endorsements (endorsement_only). Posts themselves are not interactions and stay.
 */
export function misattributionFlags(
  data: AuditData,
  assignments: readonly TopicAssignment[],
  options: Partial<MisattributionOptions> = {},
): DetectedCase[] {
  const settings = MisattributionOptions.parse(options);
  const posters = new Set(assignments.filter((a) => a.posts > 0).map((a) => `${a.account}\u0000${a.topic}`));
  const ownPosts = new Int32Array(data.accounts.count);
  const retweet = postKindIndex('retweet');
  for (let post = 0; post < data.posts.count; post++) if (data.posts.kind[post] !== retweet) ownPosts[data.posts.author[post]!]!++;
  const cases: DetectedCase[] = [];
  for (const assignment of assignments) {
    const flags = [
      singlePost(assignment, settings),
      postShare(assignment, 'negated', settings.negatedShare, (e) => e.negated === true,
        (e) => `"${e.negationCue}" before "${e.term}"`),
      postShare(assignment, 'sense_conflict', settings.senseConflictShare, (e) => e.conflictingSense !== undefined,
        (e) => `"${e.term}" with "${e.senseCue}", a cue of ${e.conflictingSense}`),
      endorsementOnly(assignment, settings, data, (account) => posters.has(`${account}\u0000${assignment.topic}`)),
      lowShare(assignment, settings, ownPosts[assignment.account]!),
    ];
    for (const flag of flags) {
      if (flag) cases.push({ ...flag, accounts: flag.accounts ?? [assignment.account], topic: assignment.topic, strength: assignment.strength });
    }
  }
  return cases;
}

const reactionsTo = (assignment: TopicAssignment, posts: ReadonlySet<number>) =>
  assignment.evidence.filter((e) => e.source === 'reaction' && posts.has(e.post!)).map((e) => e.interaction!);

const postRow = (assignment: TopicAssignment, e: TopicEvidence, label: string): EvidenceRow =>
  ({ label, account: assignment.account, post: e.post!, value: e.amount });

function singlePost(assignment: TopicAssignment, settings: MisattributionOptions): Flag | null {
  if (!atLeast(assignment.strength, 1, settings.singlePostMinStrength)) return null;
  const byPost = new Map<number, number>();
  for (const e of assignment.evidence) if (e.post !== undefined) byPost.set(e.post, (byPost.get(e.post) ?? 0) + e.amount);
  let top = -1;
  for (const [post, amount] of byPost) if (top < 0 || amount > byPost.get(top)!) top = post;
  if (top < 0 || !atLeast(byPost.get(top)!, settings.singlePostShare, assignment.strength)) return null;
  // An account that names the topic in several other posts has the topic anyway; one post merely went further.
  const rest = assignment.strength - byPost.get(top)!;
  if (atLeast(rest, 1, settings.singlePostRestBelow)) return null;
  const own = assignment.evidence.find((e) => e.source === 'post' && e.post === top)!;
  const interactions = reactionsTo(assignment, new Set([top]));
  return {
    kind: 'single_post',
    evidence: [
      { label: `post naming "${own.term}" with ${interactions.length} reactions`, account: assignment.account, post: top, value: byPost.get(top)! },
      { label: 'share of the strength from this post', value: byPost.get(top)! / assignment.strength },
      { label: 'strength without this post', value: rest },
    ],
    interactions,
  };
}

function postShare(
  assignment: TopicAssignment,
  kind: 'negated' | 'sense_conflict',
  share: number,
  flagged: (e: TopicEvidence) => boolean,
  reason: (e: TopicEvidence) => string,
): Flag | null {
  const hits = assignment.evidence.filter((e) => e.source === 'post' && flagged(e));
  if (hits.length === 0 || !atLeast(hits.length, share, assignment.posts)) return null;
  return {
    kind,
    evidence: [
      ...hits.map((e) => postRow(assignment, e, reason(e))),
      { label: `share of the ${assignment.posts} posts naming the topic`, value: hits.length / assignment.posts },
    ],
    interactions: reactionsTo(assignment, new Set(hits.map((e) => e.post!))),
  };
}

function endorsementOnly(
  assignment: TopicAssignment,
  settings: MisattributionOptions,
  data: AuditData,
  postsAboutTopic: (account: number) => boolean,
): Flag | null {
  const endorsements = assignment.evidence.filter((e) => e.source === 'endorsement');
  const total = endorsements.reduce((sum, e) => sum + e.amount, 0);
  if (total === 0 || !atLeast(total, settings.endorsementShare, assignment.strength)) return null;
  const endorsers = [...new Set(endorsements.map((e) => data.interactions.actor[e.interaction!]!))].sort((a, b) => a - b);
  const silent = endorsers.filter((account) => !postsAboutTopic(account));
  if (!atLeast(silent.length, settings.endorserNonPosterShare, endorsers.length)) return null;
  return {
    kind: 'endorsement_only',
    accounts: [assignment.account, ...endorsers],
    evidence: [
      ...endorsements.map((e): EvidenceRow => {
        const actor = data.interactions.actor[e.interaction!]!;
        const label = postsAboutTopic(actor) ? 'endorsement by an account that posts about the topic'
          : 'endorsement by an account that never posts about the topic';
        return { label, account: actor, interaction: e.interaction!, value: e.amount };
      }),
      { label: 'share of the strength from endorsements', value: total / assignment.strength },
      { label: 'share of endorsers who never post about the topic', value: silent.length / endorsers.length },
    ],
    interactions: endorsements.map((e) => e.interaction!),
  };
}

function lowShare(assignment: TopicAssignment, settings: MisattributionOptions, ownPosts: number): Flag | null {
  // Own posts (original, quote, reply) on both sides of the share: retweets never name a topic for their retweeter.
  // At least one post names the topic: a topic no post names is endorsement_only's business, not a small share.
  if (assignment.posts === 0 || ownPosts < settings.lowShareMinPosts || atLeast(assignment.posts, settings.lowShare, ownPosts)) return null;
  const topicPosts = assignment.evidence.filter((e) => e.source === 'post');
  return {
    kind: 'low_share',
    evidence: [
      ...topicPosts.map((e) => postRow(assignment, e, `post naming "${e.term}"`)),
      { label: 'posts naming the topic', value: assignment.posts },
      { label: 'own posts', value: ownPosts },
      { label: 'share of own posts naming the topic', value: assignment.posts / ownPosts },
    ],
    interactions: reactionsTo(assignment, new Set(topicPosts.map((e) => e.post!))),
  };
}
