import { z } from 'zod';
import type { AuditCase } from '../../shared/audit';
import { statedMinorAge } from '../../shared/minors';
import { readPostTopics } from './topics/read-post';
import type { Vocabulary } from './topics/vocabulary';

/**
 * Judgments made by reading real tweets and bios (test/fixtures/audit-labels, criteria in docs/AUDIT.md), never by
 * running this code. Each item names the dataset file it comes from, relative to ../shared/datasets.
 */
const TopicLabel = z.enum(['present', 'rejected', 'other_sense', 'not_about']);

export const RealLabels = z.object({
  version: z.literal(1),
  labelled_by: z.string(),
  posts: z.array(z.object({
    file: z.string(), post: z.string(), account: z.string(), topic: z.string(), label: TopicLabel,
    sense: z.string().optional(), text: z.string(), note: z.string(),
  })),
  accounts: z.array(z.object({
    file: z.string(), account: z.string(), handle: z.string().optional(), topic: z.string(), label: TopicLabel,
    /** The other sense's topic id, set only where the vocabulary declares that sense. */
    sense: z.string().optional(), note: z.string(),
  })),
  bios: z.array(z.object({
    file: z.string(), account: z.string(), handle: z.string().optional(), bio: z.string(), minor: z.boolean(),
    age: z.number().optional(), age_phrase: z.string().optional(), note: z.string(),
    /** The labeller could not decide from the bio alone: left out of the figures and listed. */
    uncertain: z.boolean().optional(),
  })),
});
export type RealLabels = z.infer<typeof RealLabels>;

/** Precision and recall of one flag against the labels, with the counts behind them. */
export interface FlagScore {
  flag: 'negated' | 'sense_conflict' | 'minor' | 'post rejects topic';
  /** What is judged: (account, topic) pairs or bios. */
  unit: string;
  judged: number;
  positives: number;
  flagged: number;
  truePositives: number;
  precision: number | null;
  recall: number | null;
  /** Flags raised on (account, topic) pairs the labeller did not judge: counted as wrong in precision. */
  unjudgedFlags: string[];
  /** The judgments the flag got wrong, for the docs. */
  misses: string[];
  /** Judgments outside the flag's reach, listed for the reader (an other sense the vocabulary does not know, an uncertain bio). */
  notes: string[];
}

const ratio = (part: number, whole: number) => (whole === 0 ? null : part / whole);

/**
 * Account-level topic flags against the account judgments: a `negated` case on (account, topic) is right when the
 * labeller judged the account to reject the topic, a `sense_conflict` case when the account means another sense.
 * A flag on a pair nobody judged counts against precision: the labeller read every post naming a vocabulary term,
 * so such a flag is on a topic no reader found. sense_conflict can only see senses the vocabulary declares, so its
 * positives are the other-sense judgments with a declared `sense`; the others are listed as out of its reach (and a
 * flag on one of them is not counted wrong: the topic is misattributed, though not for the declared reason).
 */
export function scoreTopicFlag(
  flag: 'negated' | 'sense_conflict',
  labels: RealLabels,
  casesByFile: ReadonlyMap<string, readonly AuditCase[]>,
): FlagScore {
  const wanted = flag === 'negated' ? 'rejected' : 'other_sense';
  const key = (file: string, account: string, topic: string) => `${file} @${account} ${topic}`;
  const inReach = (a: RealLabels['accounts'][number]) => flag === 'negated' || a.sense !== undefined;
  const undeclared = labels.accounts.filter((a) => a.label === wanted && !inReach(a));
  const outOfReach = new Set(undeclared.map((a) => key(a.file, a.account, a.topic)));
  const truth = new Map(labels.accounts.filter((a) => !outOfReach.has(key(a.file, a.account, a.topic)))
    .map((a) => [key(a.file, a.account, a.topic), a.label === wanted]));
  const raised = new Set<string>();
  for (const [file, cases] of casesByFile) {
    for (const found of cases) {
      if (found.kind === flag && found.topic) raised.add(key(file, found.accounts[0]!.accountId, found.topic));
    }
  }
  for (const pair of outOfReach) raised.delete(pair);
  const positives = [...truth.values()].filter(Boolean).length;
  const truePositives = [...raised].filter((pair) => truth.get(pair) === true).length;
  const misses = [
    ...[...truth].filter(([pair, positive]) => positive && !raised.has(pair)).map(([pair]) => `missed: ${pair}`),
    ...[...raised].filter((pair) => truth.get(pair) === false).map((pair) => `wrongly flagged: ${pair}`),
  ];
  return {
    flag, unit: '(account, topic)', judged: truth.size, positives, flagged: raised.size, truePositives,
    precision: ratio(truePositives, raised.size), recall: ratio(truePositives, positives),
    unjudgedFlags: [...raised].filter((pair) => !truth.has(pair)), misses,
    notes: undeclared.map((a) => `other sense the vocabulary does not declare: ${key(a.file, a.account, a.topic)} (${a.note})`),
  };
}

/** The minor rule (the one scoring and the audit use) on every labelled bio. */
export function scoreMinorRule(labels: RealLabels): FlagScore {
  let flagged = 0;
  let truePositives = 0;
  const misses: string[] = [];
  const notes: string[] = [];
  for (const bio of labels.bios) {
    if (bio.uncertain) {
      notes.push(`uncertain, left out: ${bio.file} @${bio.account} ${JSON.stringify(bio.bio)} (read as ${statedMinorAge(bio.bio) === null ? 'adult' : 'minor'})`);
      continue;
    }
    const read = statedMinorAge(bio.bio) !== null;
    if (read) flagged++;
    if (read && bio.minor) truePositives++;
    if (read !== bio.minor) misses.push(`${read ? 'wrongly flagged' : 'missed'}: ${bio.file} @${bio.account} ${JSON.stringify(bio.bio)}`);
  }
  const judged = labels.bios.filter((bio) => !bio.uncertain);
  const positives = judged.filter((bio) => bio.minor).length;
  return {
    flag: 'minor', unit: 'bio', judged: judged.length, positives, flagged, truePositives,
    precision: ratio(truePositives, flagged), recall: ratio(truePositives, positives), unjudgedFlags: [], misses, notes,
  };
}

/**
 * The post-level reading behind `negated`: does the post reject the topic, per (post, topic) judgment. The labeller
 * judged every pair whose post carries a negation word, so this counts the false alarms that scoped negation exists
 * to prevent. A pair whose topic the reader does not find in the text reads as not rejected.
 */
export function scorePostRejections(labels: RealLabels, vocabulary: Vocabulary): FlagScore {
  let flagged = 0;
  let truePositives = 0;
  const misses: string[] = [];
  for (const item of labels.posts) {
    const reading = readPostTopics(vocabulary, item.text).find((r) => r.topic === item.topic);
    const read = reading?.rejected === true;
    const truth = item.label === 'rejected';
    if (read) flagged++;
    if (read && truth) truePositives++;
    if (read !== truth) misses.push(`${read ? `wrongly read as rejecting (${reading!.rejection})` : 'missed'}: ${item.file} post ${item.post} ${item.topic} ${JSON.stringify(item.text)}`);
  }
  const positives = labels.posts.filter((item) => item.label === 'rejected').length;
  return {
    flag: 'post rejects topic', unit: '(post, topic)', judged: labels.posts.length, positives, flagged, truePositives,
    precision: ratio(truePositives, flagged), recall: ratio(truePositives, positives), unjudgedFlags: [], misses, notes: [],
  };
}
