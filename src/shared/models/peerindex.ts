import { z } from 'zod';
import { InteractionKind } from '../domain';
import { commonParams, defineModel, kindList } from './descriptor';

/** Acting on an account's posts: sharing, quoting or answering them. A mention need not concern a post. */
export const PEERINDEX_DEFAULT_KINDS: readonly InteractionKind[] = ['retweet', 'quote', 'reply'];

const componentWeight = (fallback: number, component: string) =>
  z.number().min(0).max(1).default(fallback).describe(`weight of ${component} in the overall score`);

export const peerindexModel = defineModel({
  id: 'peerindex',
  version: '1',
  label: 'PeerIndex Authority, Audience and Activity',
  description:
    "A PeerIndex-style score from 0 to 100 after PeerIndex's published structure: Authority (how much others act " +
    "on the account's posts), Audience (reach relative to the rest of the population) and Activity (activity " +
    'compared with others in the same topics), each 0 to 100, combined into one overall score. Only the ' +
    '`window_days` = 120 days ending at `as_of` count (default: the latest interaction or post time in the ' +
    'dataset; a date alone means the end of that UTC day; interactions and posts of unknown time count only when ' +
    'the dataset has no times at all, and then no window applies). PeerIndex measured authority per topic; here ' +
    'the dataset is one topic community, so every account is compared with every other. Authority: a = the ' +
    'retweets, quotes and replies (`kinds`) the account received from other accounts in the window, an ' +
    'interaction of weight w counting w; Authority = 100 x ln(1 + a) / ln(1 + the highest a). Audience: r = the ' +
    "account's imported follower count when known, otherwise the distinct other accounts that interacted with it " +
    'in any way in the window; Audience = 100 x ln(1 + r) / ln(1 + the highest r). Activity: p = the posts of ' +
    'any kind (originals, retweets, quotes, replies) the account wrote in the window; among the accounts with ' +
    'p > 0, Activity = 100 x (accounts whose p is at most this one) / (accounts with p > 0), and 0 when p = 0. ' +
    'A component whose highest raw value is 0 is 0 for everyone. Overall score = (0.5 Authority + 0.3 Audience ' +
    '+ 0.2 Activity) / (sum of the weights) (`authority_weight`, `audience_weight`, `activity_weight`): ' +
    'PeerIndex said authority matters most and published no weights, so these are our choice. Every score ' +
    'lies in [0, 100]; an account with no reactions, no audience and no posts scores 0.',
  citation:
    'PeerIndex, "About your PeerIndex score" and "How is my PeerIndex calculated?" (help.peerindex.com, ' +
    '2010-2012): Authority per benchmark topic from others acting on shared content, Audience as reach relative ' +
    'to the population, Activity relative to others in the same topics. Formulas, constants and weights here are ours.',
  fidelity: 'reconstructed',
  constants: [
    { name: 'window_days', value: 120, source: 'ours: PeerIndex scored a rolling window of unpublished length' },
    {
      name: 'authority_weight',
      value: 0.5,
      source:
        'ours: PeerIndex said authority counts most and published no weights',
    },
    { name: 'audience_weight', value: 0.3, source: 'ours: no published weight' },
    { name: 'activity_weight', value: 0.2, source: 'ours: no published weight' },
  ],
  params: z
    .strictObject({
      ...commonParams,
      window_days: z.number().int().min(1).max(36_500).default(120).describe('length of the window, in days'),
      as_of: z
        .union([z.iso.date(), z.iso.datetime({ offset: true })])
        .optional()
        .describe('end of the window (ISO date or date-time); default: the latest time in the dataset'),
      kinds: kindList(PEERINDEX_DEFAULT_KINDS, 'interaction kinds that count as acting on posts (Authority)'),
      authority_weight: componentWeight(0.5, 'Authority'),
      audience_weight: componentWeight(0.3, 'Audience'),
      activity_weight: componentWeight(0.2, 'Activity'),
    })
    .refine((p) => p.authority_weight + p.audience_weight + p.activity_weight > 0, {
      error: 'at least one component weight must be positive',
    }),
  outputs: [
    { name: 'score', description: 'overall PeerIndex-style score, 0 to 100' },
    { name: 'authority', description: 'Authority, 0 to 100: reactions to posts received in the window, log scale' },
    { name: 'audience', description: 'Audience, 0 to 100: followers (else distinct interactors), log scale' },
    { name: 'activity', description: 'Activity, 0 to 100: percentile rank of posts in the window among posters' },
  ],
  stochastic: false,
});
