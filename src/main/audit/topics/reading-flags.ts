import type { DetectedCase, EvidenceRow } from '../case';
import type { TopicAssignment, TopicEvidence } from './assign';
import { outvotedBy, type OutvotedRule, type SenseTally, type Voter } from './senses';

/** A flag before it gets its subject, topic and strength. */
export type Flag = Omit<DetectedCase, 'accounts' | 'topic' | 'strength'> & { accounts?: number[] };

/** Shares are compared with a little slack so that 3 of 5 counts as "at least 60%" despite rounding. */
export const atLeast = (part: number, share: number, whole: number) => part >= share * whole - 1e-9;

export const reactionsTo = (assignment: TopicAssignment, posts: ReadonlySet<number>) =>
  assignment.evidence.filter((e) => e.source === 'reaction' && posts.has(e.post!)).map((e) => e.interaction!);

/**
 * negated: at least `share` of the account's own posts naming the topic reject it (reject.ts). Own posts are the
 * account's word on the topic; reactions and endorsements are other people's and say nothing of its stance.
 */
export function negatedFlag(assignment: TopicAssignment, share: number): Flag | null {
  const hits = assignment.evidence.filter((e) => e.source === 'post' && e.negated === true);
  if (hits.length === 0 || !atLeast(hits.length, share, assignment.posts)) return null;
  const row = (e: TopicEvidence): EvidenceRow => ({
    label: `rejects "${assignment.topic}": "${e.negationCue}" governs "${e.governs}"`, account: assignment.account, post: e.post!, value: e.amount,
  });
  return {
    kind: 'negated',
    evidence: [
      ...hits.map(row),
      { label: `share of the ${assignment.posts} posts naming the topic that reject it`, value: hits.length / assignment.posts },
    ],
    interactions: reactionsTo(assignment, new Set(hits.map((e) => e.post!))),
  };
}

const voterRow = (assignment: TopicAssignment, tally: SenseTally, voter: Voter): EvidenceRow => {
  const words = voter.words.map((w) => `"${w}"`).join(', ');
  const sense = `${tally.sense}${tally.own ? ' (this topic\'s sense)' : ''}`;
  return voter.source === 'bio'
    ? { label: `bio votes for ${sense}: ${words}`, account: assignment.account, value: voter.words.length }
    : { label: `post votes for ${sense}: ${words}`, account: assignment.account, post: voter.source, value: voter.words.length };
};

/**
 * sense_conflict: the bio and posts clearly outvote the topic's own sense (senses.ts, outvotedBy). The evidence
 * lists every vote for the winning sense and for the topic's own, then the counts.
 */
export function senseConflictFlag(assignment: TopicAssignment, rule: OutvotedRule): Flag | null {
  if (!assignment.senses) return null;
  const winner = outvotedBy(assignment.senses, assignment.ambiguousPosts, rule);
  if (!winner) return null;
  const own = assignment.senses[0]!;
  const ambiguous = new Set(assignment.evidence.filter((e) => e.source === 'post' && e.ambiguous).map((e) => e.post!));
  return {
    kind: 'sense_conflict',
    evidence: [
      ...winner.voters.map((voter) => voterRow(assignment, winner, voter)),
      ...own.voters.map((voter) => voterRow(assignment, own, voter)),
      { label: `votes for ${winner.sense}`, value: winner.votes },
      { label: `votes for ${own.sense} (this topic's sense)`, value: own.votes },
      { label: 'posts naming the topic only through an ambiguous term', value: assignment.ambiguousPosts },
    ],
    interactions: reactionsTo(assignment, ambiguous),
  };
}
