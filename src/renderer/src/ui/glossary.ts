import type { CaseKind } from '../../../shared/audit';

/**
 * The page's one glossary: every case kind and every statistic a view prints, with a plain-language name and a
 * one-line tip (what it measures, how to read it, and why it can be n/a). Views show `name` and put `tip` in a
 * tooltip; the snake_case ids stay in data attributes, exports and the CLI. Definitions follow docs/AUDIT.md and
 * SPEC.md; a threshold quoted here is the one the detector runs with.
 */
export interface GlossaryEntry {
  name: string;
  tip: string;
}

/** A Record over CaseKind, so a kind the backend adds without a plain name here does not compile. */
export const CASE_KIND_TERMS: Record<CaseKind, GlossaryEntry> = {
  single_post: {
    name: 'Topic from one post',
    tip: 'One post and its reactions give at least 60% of the topic strength: a single viral post, not a lasting interest.',
  },
  negated: {
    name: 'Topic from a negation',
    tip: 'At least half of the account’s own posts naming the topic reject it ("I don’t eat bacon"), yet it was assigned.',
  },
  sense_conflict: {
    name: 'Topic from another meaning of the word',
    tip: 'The posts and bio point to a different sense of the word (a mother of twins tagged "Minnesota Twins").',
  },
  endorsement_only: {
    name: 'Topic from endorsements alone',
    tip: 'Endorsements give at least 70% of the strength, mostly from accounts that never post about the topic.',
  },
  low_share: {
    name: 'Topic from a small share of posts',
    tip: 'Fewer than 5% of the account’s own posts (of at least 20) name the topic, but reactions lift it high.',
  },
  reciprocity_ring: {
    name: 'Ring of accounts boosting each other',
    tip: 'Three or more accounts that all interact both ways and give at least 70% of their interactions to each other.',
  },
  concentrated_engagement: {
    name: 'Engagement from a few accounts',
    tip: 'The 3 most active reactors give at least 80% of the account’s reactions (of at least 20): a small fan club, not reach.',
  },
  endorsement_burst: {
    name: 'Burst of endorsements',
    tip: 'At least 10 endorsements on one topic within 7 days, mostly from accounts that never post about it.',
  },
  score_jump: {
    name: 'Sudden jump in attention',
    tip: 'Reactions received in a 30-day window are at least 5 times the mean of the earlier windows (and at least 20).',
  },
  follow_back: {
    name: 'Follows back almost everyone',
    tip: 'Follows at least 50 accounts and follows back at least 90% of its followers: a "social capitalist".',
  },
  bot_like_timing: {
    name: 'Posts like clockwork',
    tip: 'At least 20 posts at nearly equal intervals (coefficient of variation below 0.1), as scheduled bots post.',
  },
  minor: {
    name: 'Looks like a minor',
    tip: 'The bio states an age under 18 or calls the author a minor; left out of scoring and hidden unless asked for.',
  },
};

/** Every statistic and note the views print, by the id the API uses for it. */
export const STAT_TERMS = {
  spearman: {
    name: 'Rank agreement (Spearman ρ)',
    tip: 'How alike two rankings are, from −1 (reversed) through 0 (unrelated) to 1 (same order); n/a when a run gives every account the same score.',
  },
  kendall_tau_b: {
    name: 'Pair agreement (Kendall τ-b)',
    tip: 'Of all pairs of accounts, how many both runs order the same way minus how many they order oppositely (−1 to 1, ties allowed); n/a when a run is all ties.',
  },
  jaccard: {
    name: 'Top-k overlap (Jaccard@k)',
    tip: 'Share of accounts the two top-k lists have in common, 0 (none) to 1 (the same list); a tie at the cut widens the list.',
  },
  rbo: {
    name: 'Top-weighted overlap (RBO)',
    tip: 'Rank-biased overlap: like top-k overlap at every depth, the top counting most (0 to 1); low when the leaders differ even if the tails agree.',
  },
  n: {
    name: 'Accounts in both',
    tip: 'Accounts scored by both runs: the figures are over these.',
  },
  only: {
    name: 'Scored by one run only',
    tip: 'Accounts one run scored and the other did not (excluded, or absent from its graph).',
  },
  tied_share: {
    name: 'Tied scores',
    tip: 'Share of a run’s accounts whose score equals another account’s; above 50% the ranking says little and top-k lists depend on how ties are cut.',
  },
  interval: {
    name: '95% range',
    tip: 'Where the figure would fall 95% of the time were the accounts drawn again (seeded bootstrap); wide means the figure is shaky.',
  },
  noise_ceiling: {
    name: 'Agreement with itself (noise ceiling)',
    tip: 'A random (Monte Carlo) model rerun with another seed agrees with itself only this well; no pair with it can be read beyond that.',
  },
  segment: {
    name: 'Among the top accounts',
    tip: 'The same correlations within the first run’s top 10% and top 1%, where models that agree overall often part ways (Cha et al. 2010).',
  },
  strength: {
    name: 'Topic strength',
    tip: 'Evidence for the topic: 1 per own post naming it, 0.5 per reaction to such a post, 1 per endorsement with it.',
  },
  thin_evidence: {
    name: 'Too few posts to judge',
    tip: 'The account has fewer than 5 own posts in the dataset, so "rests on one post" describes the sample, not the account.',
  },
  structural_virality: {
    name: 'How chain-like the spread was (structural virality)',
    tip: 'Mean distance between all pairs of people in a cascade: near 2 for one broadcast, larger for person-to-person chains; n/a when parents are unknown.',
  },
  cascade_size: { name: 'People reached', tip: 'Accounts in the cascade, the original poster included.' },
  depth: { name: 'Longest chain', tip: 'Steps from the original post to the farthest reshare.' },
  max_breadth: { name: 'Widest generation', tip: 'The most accounts at any one step from the original post.' },
  gini: {
    name: 'Inequality (Gini)',
    tip: 'How unevenly the scores are spread, 0 (everyone equal) to 1 (one account has it all).',
  },
  top1_share: { name: 'Share held by the top 1%', tip: 'Share of the total score held by the highest-scoring 1% of accounts.' },
  ccdf: {
    name: 'Share at or above a score (CCDF)',
    tip: 'For each score, the share of accounts scoring at least that much; a straight line on log axes is a heavy tail.',
  },
  log_rank_ratio: {
    name: 'Rank gap',
    tip: 'How far apart the two ranks are, as |log(rank A / rank B)|: 0.69 means one rank is twice the other.',
  },
  score: { name: 'Score', tip: 'The model’s score for the account; models differ in scale, so compare ranks across models.' },
  rank: { name: 'Rank', tip: '1 is the highest score; tied accounts share their mean rank.' },
  na: {
    name: 'n/a',
    tip: 'Not defined here: too few accounts in common, a run that gives everyone the same score, or a value the model does not give.',
  },
} satisfies Record<string, GlossaryEntry>;
export type StatTerm = keyof typeof STAT_TERMS;

const isCaseKind = (id: string): id is CaseKind => Object.hasOwn(CASE_KIND_TERMS, id);

/** The entry for a case kind or statistic id; an id the glossary lacks reads as itself with spaces, never snake_case. */
export function term(id: string): GlossaryEntry {
  if (isCaseKind(id)) return CASE_KIND_TERMS[id];
  if (Object.hasOwn(STAT_TERMS, id)) return STAT_TERMS[id as StatTerm];
  return { name: id.replace(/_/g, ' '), tip: '' };
}

/** The plain name of a case kind, for lists and headings. */
export const caseKindName = (kind: CaseKind): string => CASE_KIND_TERMS[kind].name;
