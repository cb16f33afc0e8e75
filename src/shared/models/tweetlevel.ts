import { z } from 'zod';
import { InteractionKind, type PostKind } from '../domain';
import { commonParams, defineModel, kindList } from './descriptor';

/** Signs that others listen: passing the account's words on, or naming it. */
export const TWEETLEVEL_INFLUENCE_KINDS: readonly InteractionKind[] = ['retweet', 'quote', 'mention'];
/** Signs that others believe the account: repeating its words under their own name. */
export const TWEETLEVEL_TRUST_KINDS: readonly InteractionKind[] = ['retweet', 'quote'];
/** An account's own words; a retweet repeats someone else's, so it neither converses nor broadcasts. */
export const TWEETLEVEL_OWN_POST_KINDS: readonly PostKind[] = ['original', 'quote', 'reply'];

const componentWeight = (fallback: number, component: string) =>
  z.number().min(0).max(1).default(fallback).describe(`weight of ${component} in the overall score`);

export const tweetlevelModel = defineModel({
  id: 'tweetlevel',
  version: '1',
  label: 'TweetLevel Popularity, Influence, Engagement and Trust',
  description:
    "TweetLevel-style scores from 0 to 100 after Edelman's published four scores: Popularity (how many people " +
    'follow the account), Influence (whether what it says is interesting and how many listen), Engagement ' +
    '(participating in its community rather than broadcasting) and Trust (whether people believe what it says), ' +
    'with an overall score. All interactions and posts count, whatever their time; self-interactions count ' +
    'for nothing and an interaction of weight w counts w. With L(x, m) = 100 x ln(1 + x) / ln(1 + m) (0 when ' +
    'm = 0), m being the highest x in the dataset: Popularity = L(f), f = the imported follower count when ' +
    'known, otherwise the distinct accounts with a `follow` interaction to it (0 when none). Influence = L(i), ' +
    'i = the retweets, quotes and mentions received (`influence_kinds`) / max(1, p)^`post_exponent` (1: per ' +
    "post), p = the account's own posts (originals, quotes, replies; a retweet repeats another's words). " +
    'Engagement = 100 x c / p (0 when p = 0), c = its own posts that are replies or name another account; a ' +
    'post names someone when the account gave a `mention` interaction at the same time as the post (the ' +
    'importer stamps each mention with its post time), so a post of unknown time counts only as a reply. ' +
    'Trust = L(t), t = the distinct accounts that retweeted or quoted it (`trust_kinds`). Overall score = ' +
    '(0.1 Popularity + 0.4 Influence + 0.2 Engagement + 0.3 Trust) / (sum of the weights): Edelman weighted ' +
    'its scores but did not publish the weights, and presented follower count as the least telling, so these ' +
    'are our choice. Every score lies in [0, 100]; an account nobody follows, names or shares and that never ' +
    'posts scores 0.',
  citation:
    'Edelman, TweetLevel (tweetlevel.edelman.com, J. Bentwood, launched November 2009): Popularity, Influence, ' +
    'Engagement and Trust, each weighted from follower, mention, retweet and participation counts. Formulas, ' +
    'constants and weights here are ours.',
  fidelity: 'reconstructed',
  constants: [
    { name: 'post_exponent', value: 1, source: 'ours: Edelman described influence as reactions per post' },
    {
      name: 'popularity_weight',
      value: 0.1,
      source:
        'ours: Edelman presented follower counts as the least telling, published no weights',
    },
    { name: 'influence_weight', value: 0.4, source: 'ours: no published weight' },
    { name: 'engagement_weight', value: 0.2, source: 'ours: no published weight' },
    { name: 'trust_weight', value: 0.3, source: 'ours: no published weight' },
  ],
  params: z
    .strictObject({
      ...commonParams,
      influence_kinds: kindList(TWEETLEVEL_INFLUENCE_KINDS, 'interaction kinds received that count for Influence'),
      trust_kinds: kindList(TWEETLEVEL_TRUST_KINDS, 'interaction kinds whose distinct givers count for Trust'),
      post_exponent: z
        .number()
        .min(0)
        .max(1)
        .default(1)
        .describe('Influence divides by max(1, posts) to this power (0: raw counts, 1: per post)'),
      popularity_weight: componentWeight(0.1, 'Popularity'),
      influence_weight: componentWeight(0.4, 'Influence'),
      engagement_weight: componentWeight(0.2, 'Engagement'),
      trust_weight: componentWeight(0.3, 'Trust'),
    })
    .refine((p) => p.popularity_weight + p.influence_weight + p.engagement_weight + p.trust_weight > 0, {
      error: 'at least one component weight must be positive',
    }),
  outputs: [
    { name: 'score', description: 'overall TweetLevel-style score, 0 to 100' },
    { name: 'popularity', description: 'Popularity, 0 to 100: followers (else distinct follow interactions), log scale' },
    { name: 'influence', description: 'Influence, 0 to 100: retweets, quotes, mentions received per post, log scale' },
    { name: 'engagement', description: 'Engagement, 0 to 100: share of own posts that are replies or mention others' },
    { name: 'trust', description: 'Trust, 0 to 100: distinct accounts that retweeted or quoted it, log scale' },
  ],
  stochastic: false,
});
