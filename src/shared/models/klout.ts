import { z } from 'zod';
import { InteractionKind, type PostKind } from '../domain';
import { commonParams, defineModel, kindList } from './descriptor';

/** Reactions to content. Follows are not; Klout said +K endorsements did not change the score. */
export const KLOUT_DEFAULT_KINDS: readonly InteractionKind[] = ['retweet', 'quote', 'reply', 'mention'];

/** The posts that can earn reactions: a retweet re-shares someone else's post, whose author gets the reactions. */
export const KLOUT_OWN_POST_KINDS: readonly PostKind[] = ['original', 'quote', 'reply'];

export const kloutModel = defineModel({
  id: 'klout',
  version: '1',
  label: 'Klout score',
  description:
    "A Klout-style score from 1 to 100 after Klout's public account of its score (Rao et al. 2015): only a " +
    'recent window counts, reactions per post count more than raw reactions, a reaction counts less when its ' +
    'giver reacts a lot, and unique reactors count more than repeat reactors. Reactions are the retweets, quotes, ' +
    'replies and mentions an account receives from other accounts (`kinds`; follows are not reactions to content, ' +
    'and endorsements are left out because Klout said +K did not change the score) within the `window_days` = 90 ' +
    'days ending at `as_of` (default: the latest interaction or post time in the dataset; a date alone means the ' +
    'end of that UTC day). Interactions and posts of unknown time count only when the dataset has no times at ' +
    'all, and then no window applies. An interaction of weight w counts as w reactions. Uniqueness and ' +
    'selectivity: a reactor who gave an account c reactions adds 1 + ln c (c itself when c < 1), times ' +
    '1 / (1 + ln g), g being the reactions (at least 1) that reactor gave anyone in the window. Ratio: that sum is ' +
    'divided by max(1, p)^`post_exponent` (0.5, a square root), p being the posts the account wrote in the window ' +
    '(originals, quotes and replies; a retweet re-shares another author\'s post), so an account with no posts is ' +
    'divided by 1. With raw the quotient, the score is 1 + 99 x ln(1 + raw) / ln(1 + the highest raw): the top ' +
    'account scores 100, an account without reactions 1.',
  citation:
    'A. Rao, N. Spasojevic, Z. Li, T. DSouza, "Klout score: Measuring influence across multiple social networks", ' +
    'IEEE International Conference on Big Data, 2015 (arXiv:1510.08487).',
  fidelity: 'reconstructed',
  constants: [
    { name: 'window_days', value: 90, source: 'Rao et al. 2015: Klout scored a 90-day window' },
    {
      name: 'post_exponent',
      value: 0.5,
      source:
        'ours: Rao et al. say reactions per post count more than raw reactions, not how much; a square root between the two',
    },
    {
      name: 'selectivity',
      value: '1 / (1 + ln g), g = reactions the reactor gave in the whole window',
      source:
        'ours: Klout describes selectivity without a form; it is counted over the window, not per day',
    },
    {
      name: 'uniqueness',
      value: '1 + ln c for c reactions from one reactor',
      source:
        'ours: Klout says unique reactors count more, not how much',
    },
    {
      name: 'score_scale',
      value: '1 + 99 x ln(1 + raw) / ln(1 + max raw)',
      source:
        "ours: Klout's 1-100 range with the top account at 100; the log form is our choice",
    },
  ],
  params: z.strictObject({
    ...commonParams,
    window_days: z.number().int().min(1).max(36_500).default(90).describe('length of the window, in days'),
    as_of: z
      .union([z.iso.date(), z.iso.datetime({ offset: true })])
      .optional()
      .describe('end of the window (ISO date or date-time); default: the latest time in the dataset'),
    post_exponent: z
      .number()
      .min(0)
      .max(1)
      .default(0.5)
      .describe('reactions are divided by max(1, posts) to this power (0: raw reactions, 1: reactions per post)'),
    kinds: kindList(KLOUT_DEFAULT_KINDS, 'interaction kinds that count as reactions'),
  }),
  outputs: [
    { name: 'score', description: 'Klout-style score, 1 to 100 (the top account 100)' },
    { name: 'reactions', description: 'reactions received in the window' },
    { name: 'posts', description: 'own posts (originals, quotes, replies) in the window' },
    { name: 'reactors', description: 'distinct accounts that reacted in the window' },
  ],
  stochastic: false,
});
