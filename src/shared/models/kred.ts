import { z } from 'zod';
import { InteractionKind } from '../domain';
import { commonParams, defineModel, kindList } from './descriptor';

/**
 * Outreach level k (k = 1, 2, ...) is reached at round(100 x 2.7^(k-1)) points. Kred publishes only the first two
 * levels (100 and 270) and says the levels never end, so the rest continue the ratio of those two.
 */
export const KRED_OUTREACH_FIRST_LEVEL = 100;
export const KRED_OUTREACH_GROWTH = 2.7;

export const KRED_DEFAULT_KINDS: readonly InteractionKind[] = ['retweet', 'quote', 'reply', 'mention', 'follow'];

const points = (fallback: number, description: string) =>
  z.number().min(0).max(1e6).default(fallback).describe(description);

export const kredModel = defineModel({
  id: 'kred',
  version: '1',
  label: 'Kred Influence and Outreach',
  description:
    "Kred Influence (1 to 1000) and Outreach level after Kred's published scoring rules (PeopleBrowsr, " +
    '"Kred Rules" and "How We Calculate Kred Outreach", 2011). Influence: every retweet, quote, reply, mention or ' +
    'follow an account receives (the `kinds` parameter; a quote counts as a retweet with a comment; endorsements ' +
    'and plain graph edges count only when listed) earns it `points_per_action` = 10 points, plus ' +
    '`bonus_points_per_thousand` = 1 point for every whole 1,000 followers the acting account has above ' +
    '`bonus_threshold` = 10,000 (our reading of "more points when the actor has over 10,000 followers"; an actor ' +
    'whose follower count is unknown earns no bonus). An interaction of weight w counts as w actions, and an ' +
    "account's interactions with itself count for nothing. The score is 1 + 999 x points / (the most points of " +
    'any account), so the top account scores 1000 and an account without points 1 (everyone 1 when nobody has ' +
    'points). Kred describes its points-to-score curve as steepening at higher scores but published its points only ' +
    'as a chart, so this curve is linear: ranks are the same under any increasing curve, the spacing of the ' +
    'values is not Kred\'s. Outreach: every action of the same kinds given to another account, follows excepted, earns ' +
    '`outreach_points_per_action` = 10 points; the outreach level is the number of thresholds reached among ' +
    '100, 270, 729, 1,968, 5,314, 14,349, ... points (level k at 100 x 2.7^(k-1), rounded: Kred publishes the ' +
    'first two, the ratio 2.7 continues them, and the levels never end). No time window applies: all ' +
    'interactions count whatever their time, so as data grows points and the outreach level never decrease.',
  citation:
    'PeopleBrowsr, "Kred Rules" (score.kred/rules) and "How We Calculate Kred Outreach", Kred blog, December 2011.',
  fidelity: 'reconstructed',
  constants: [
    {
      name: 'points_per_action',
      value: 10,
      source:
        'Kred rules: "10 points for common actions" (retweet, reply, mention, follow)',
    },
    {
      name: 'bonus_threshold',
      value: 10_000,
      source:
        'Kred rules: more points "if the influenced person has more than 10,000 followers"',
    },
    {
      name: 'bonus_points_per_thousand',
      value: 1,
      source:
        'ours: Kred does not say how many more points; 1 per whole 1,000 followers above the threshold',
    },
    {
      name: 'outreach_points_per_action',
      value: 10,
      source:
        'Kred outreach rules: as influence points, for actions given',
    },
    {
      name: 'outreach_first_level',
      value: KRED_OUTREACH_FIRST_LEVEL,
      source:
        'Kred outreach rules: level 1 at 100 points',
    },
    {
      name: 'outreach_growth',
      value: KRED_OUTREACH_GROWTH,
      source:
        'Kred publishes level 2 at 270 points; the ratio 2.7 continues the levels (ours)',
    },
    {
      name: 'influence_scale',
      value: '1 + 999 x points / max points',
      source:
        'Kred normalises to 1-1000 with the top account at 1000; its points-to-score curve steepens at higher scores, but its points are published only as a chart, so the curve here is linear (ours)',
    },
  ],
  params: z.strictObject({
    ...commonParams,
    points_per_action: points(10, 'influence points for each action received'),
    bonus_threshold: z
      .number()
      .int()
      .min(0)
      .max(1e12)
      .default(10_000)
      .describe('actors with more followers than this earn the bonus'),
    bonus_points_per_thousand: points(1, 'extra points per action for every whole 1,000 followers above the threshold'),
    outreach_points_per_action: points(10, 'outreach points for each action given (follows excepted)'),
    kinds: kindList(KRED_DEFAULT_KINDS, 'interaction kinds that count as actions'),
  }),
  outputs: [
    { name: 'score', description: 'Kred Influence, 1 to 1000 (the top account 1000)' },
    { name: 'influence_points', description: 'points for actions received, bonus included' },
    { name: 'outreach_points', description: 'points for actions given to others, follows excepted' },
    { name: 'outreach_level', description: 'outreach thresholds reached (100, 270, 729, ... points)' },
  ],
  stochastic: false,
});
