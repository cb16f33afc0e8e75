import { z } from 'zod';
import type { DetectedCase, EvidenceRow } from '../case';
import type { AuditData } from '../data';
import { type TopicAssignment } from './assign';
import { atLeast, negatedFlag, reactionsTo, senseConflictFlag, type Flag } from './reading-flags';

/** Thresholds of the misattribution flags, defaults as docs/AUDIT.md gives them with their reasons. */
export const MisattributionOptions = z.object({
  singlePostShare: z.number().min(0).max(1).default(0.6),
  singlePostMinStrength: z.number().min(0).default(3),
  /** The rest of the strength (without the post and its reactions) must stay below this: the topic rests on the post. */
  singlePostRestBelow: z.number().min(0).default(3),
  /** Real reach: reactions from at least this many accounts other than the author. */
  singlePostMinReactors: z.number().int().min(0).default(3),
  /** A post naming this many topics or more (a hashtag soup) makes no single_post case. */
  singlePostSoupTopics: z.number().int().min(2).default(4),
  negatedShare: z.number().min(0).max(1).default(0.5),
  senseMinVotes: z.number().min(0).default(2),
  senseRatio: z.number().min(1).default(2),
  sensePerAmbiguousPost: z.number().min(0).default(0.5),
  endorsementShare: z.number().min(0).max(1).default(0.7),
  endorserNonPosterShare: z.number().min(0).max(1).default(0.8),
  lowShareMinPosts: z.number().int().min(0).default(20),
  lowShare: z.number().min(0).max(1).default(0.05),
  /** The topic must weigh something for a small share of posts to matter: reactions or endorsements lift it here. */
  lowShareMinStrength: z.number().min(0).default(3),
});
export type MisattributionOptions = z.infer<typeof MisattributionOptions>;

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
  const viral = singlePostCases(data, assignments, settings);
  const cases: DetectedCase[] = [];
  for (const assignment of assignments) {
    const single = viral.get(assignment) ?? null;
    const flags = [
      single,
      negatedFlag(assignment, settings.negatedShare),
      senseConflictFlag(assignment, { minVotes: settings.senseMinVotes, ratio: settings.senseRatio, perAmbiguousPost: settings.sensePerAmbiguousPost }),
      endorsementOnly(assignment, settings, data, (account) => posters.has(`${account}\u0000${assignment.topic}`)),
      // One post carrying a topic in a busy account is single_post's case; low_share would say it again.
      single ? null : lowShare(assignment, settings),
    ];
    for (const flag of flags) {
      if (flag) cases.push({ ...flag, accounts: flag.accounts ?? [assignment.account], topic: assignment.topic, strength: assignment.strength });
    }
  }
  return cases;
}

/** single_post candidates of one post: the post, and the assignments that rest on it with their figures. */
interface Candidate { assignment: TopicAssignment; amount: number; rest: number; reactions: number[] }

/**
 * single_post, at most one case per post (docs/AUDIT.md): the post gives at least singlePostShare of a topic's
 * strength, the strength is at least singlePostMinStrength, the rest stays under singlePostRestBelow, at least
 * singlePostMinReactors other accounts reacted (real reach), the author has enough own posts to tell (not thin
 * evidence), and the post names fewer than singlePostSoupTopics topics. When the post carries several topics, the
 * case is the one resting most on it (largest share, then largest strength, then topic id).
 */
function singlePostCases(data: AuditData, assignments: readonly TopicAssignment[], settings: MisattributionOptions): Map<TopicAssignment, Flag> {
  const byPost = new Map<number, Candidate[]>();
  for (const assignment of assignments) {
    if (assignment.thinEvidence !== null || !atLeast(assignment.strength, 1, settings.singlePostMinStrength)) continue;
    const amounts = new Map<number, number>();
    for (const e of assignment.evidence) if (e.post !== undefined) amounts.set(e.post, (amounts.get(e.post) ?? 0) + e.amount);
    for (const [post, amount] of amounts) {
      const own = assignment.evidence.find((e) => e.source === 'post' && e.post === post);
      if (!own || (own.postTopics ?? 1) >= settings.singlePostSoupTopics || !atLeast(amount, settings.singlePostShare, assignment.strength)) continue;
      // An account that names the topic in several other posts has the topic anyway; one post merely went further.
      const rest = assignment.strength - amount;
      if (atLeast(rest, 1, settings.singlePostRestBelow)) continue;
      const reactions = reactionsTo(assignment, new Set([post]));
      const reactors = new Set(reactions.map((i) => data.interactions.actor[i]!).filter((actor) => actor !== assignment.account));
      if (reactors.size < settings.singlePostMinReactors) continue;
      byPost.set(post, [...(byPost.get(post) ?? []), { assignment, amount, rest, reactions }]);
    }
  }
  const cases = new Map<TopicAssignment, Flag>();
  for (const [post, candidates] of byPost) {
    const share = (c: Candidate) => c.amount / c.assignment.strength;
    candidates.sort((a, b) => share(b) - share(a) || b.assignment.strength - a.assignment.strength || (a.assignment.topic < b.assignment.topic ? -1 : 1));
    const { assignment, amount, rest, reactions } = candidates[0]!;
    const own = assignment.evidence.find((e) => e.source === 'post' && e.post === post)!;
    const reactors = new Set(reactions.map((i) => data.interactions.actor[i]!).filter((actor) => actor !== assignment.account)).size;
    const others = candidates.slice(1).map((c) => c.assignment.topic);
    cases.set(assignment, {
      kind: 'single_post',
      evidence: [
        { label: `post naming "${own.term}" with ${reactions.length} reactions from ${reactors} other accounts`, account: assignment.account, post, value: amount },
        { label: 'share of the strength from this post', value: amount / assignment.strength },
        { label: 'strength without this post', value: rest },
        { label: `own posts of the account (${assignment.posts} naming the topic)`, value: assignment.ownPosts },
        ...(others.length > 0 ? [{ label: `the same post also carries ${others.join(', ')} (one case per post)`, value: others.length }] : []),
      ],
      interactions: reactions,
    });
  }
  return cases;
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

function lowShare(assignment: TopicAssignment, settings: MisattributionOptions): Flag | null {
  // Own posts (original, quote, reply) on both sides of the share: retweets never name a topic for their retweeter.
  // At least one post names the topic: a topic no post names is endorsement_only's business, not a small share.
  const ownPosts = assignment.ownPosts;
  if (assignment.posts === 0 || ownPosts < settings.lowShareMinPosts || atLeast(assignment.posts, settings.lowShare, ownPosts)) return null;
  if (!atLeast(assignment.strength, 1, settings.lowShareMinStrength)) return null;
  const topicPosts = assignment.evidence.filter((e) => e.source === 'post');
  return {
    kind: 'low_share',
    evidence: [
      ...topicPosts.map((e): EvidenceRow => ({ label: `post naming "${e.term}"`, account: assignment.account, post: e.post!, value: e.amount })),
      { label: 'posts naming the topic', value: assignment.posts },
      { label: 'own posts', value: ownPosts },
      { label: 'share of own posts naming the topic', value: assignment.posts / ownPosts },
      { label: 'strength, most of it from reactions and endorsements', value: assignment.strength },
    ],
    interactions: reactionsTo(assignment, new Set(topicPosts.map((e) => e.post!))),
  };
}
