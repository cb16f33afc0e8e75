import type { z } from 'zod';
import { INTERACTION_KINDS, POST_KINDS } from '../../../shared/domain';
import { KLOUT_OWN_POST_KINDS, kloutModel } from '../../../shared/models/klout';
import { buildCsr, type Csr } from '../graph/csr';
import { defineImplementation, type Contribution, type ModelInput, type ScoreContext } from '../model';
import { inKloutWindow, kloutWindow, type KloutWindow } from './klout-window';

type KloutParams = z.infer<typeof kloutModel.params>;

const CANCEL_CHECK_MASK = 0xffff;

/** Rule 2: a reaction from an account that reacts g times in the window weighs 1 / (1 + ln g). */
export const kloutSelectivity = (given: number): number => 1 / (1 + Math.log(Math.max(1, given)));

/** Rule 3: c reactions from one reactor count as 1 + ln c; below one reaction (fractional weights) linearly. */
export const kloutUniqueness = (count: number): number => (count < 1 ? count : 1 + Math.log(count));

interface KloutState {
  window: KloutWindow;
  /** Row v lists the distinct accounts that reacted to v in the window; weights are their reaction counts. */
  reactorsOf: Csr;
  given: Float64Array;
  posts: Float64Array;
  divisor: Float64Array;
  raw: Float64Array;
  maxRaw: number;
}

function flags(all: readonly string[], chosen: readonly string[]): Uint8Array {
  return Uint8Array.from(all, (name) => (chosen.includes(name) ? 1 : 0));
}

function kloutState(input: ModelInput, params: KloutParams, context: ScoreContext): KloutState {
  const { interactions, posts } = input;
  if (!interactions || !posts) throw new Error('klout needs the interactions and posts loaded');
  const n = input.graph.nodeCount;
  const window = kloutWindow(interactions, posts, params.window_days, params.as_of, context);

  const reacting = flags(INTERACTION_KINDS, params.kinds);
  const targets = new Int32Array(interactions.count);
  const actors = new Int32Array(interactions.count);
  const weights = new Float64Array(interactions.count);
  const given = new Float64Array(n);
  let kept = 0;
  for (let e = 0; e < interactions.count; e++) {
    if ((e & CANCEL_CHECK_MASK) === 0) context.checkCancelled();
    const actor = interactions.actor[e]!;
    const target = interactions.target[e]!;
    if (actor === target || !reacting[interactions.kind[e]!] || !inKloutWindow(window, interactions.time[e]!)) continue;
    targets[kept] = target;
    actors[kept] = actor;
    weights[kept] = interactions.weight[e]!;
    given[actor]! += interactions.weight[e]!;
    kept++;
  }
  // Grouping reactions by (target, reactor) is what the uniqueness rule needs; buildCsr merges parallel edges.
  const reactorsOf = buildCsr(n, { count: kept, sources: targets, targets: actors, weights });

  const own = flags(POST_KINDS, KLOUT_OWN_POST_KINDS);
  const postCount = new Float64Array(n);
  for (let p = 0; p < posts.count; p++) {
    if ((p & CANCEL_CHECK_MASK) === 0) context.checkCancelled();
    if (own[posts.kind[p]!] && inKloutWindow(window, posts.createdAt[p]!)) postCount[posts.author[p]!]!++;
  }

  const divisor = new Float64Array(n);
  const raw = new Float64Array(n);
  let maxRaw = 0;
  for (let v = 0; v < n; v++) {
    let reach = 0;
    for (let e = reactorsOf.offsets[v]!; e < reactorsOf.offsets[v + 1]!; e++) {
      reach += kloutUniqueness(reactorsOf.weights[e]!) * kloutSelectivity(given[reactorsOf.targets[e]!]!);
    }
    divisor[v] = Math.max(1, postCount[v]!) ** params.post_exponent;
    raw[v] = reach / divisor[v]!;
    maxRaw = Math.max(maxRaw, raw[v]!);
  }
  return { window, reactorsOf, given, posts: postCount, divisor, raw, maxRaw };
}

/** The ratio first, so that the top account's ratio is exactly 1 and its score exactly 100. */
function kloutScore(raw: number, maxRaw: number): number {
  return maxRaw > 0 ? 1 + 99 * (Math.log1p(raw) / Math.log1p(maxRaw)) : 1;
}

const isoOr = (time: number, fallback: string) => (Number.isFinite(time) ? new Date(time).toISOString() : fallback);

const round = (x: number) => Number(x.toFixed(4));

export const kloutImplementation = defineImplementation<KloutParams>({
  id: kloutModel.id,
  needs: { interactions: true, posts: true },

  score(input, params, context) {
    context.progress(0, 'window');
    const state = kloutState(input, params, context);
    const n = input.graph.nodeCount;
    const { offsets, weights } = state.reactorsOf;
    const score = new Float64Array(n);
    const reactions = new Float64Array(n);
    const reactors = new Float64Array(n);
    for (let v = 0; v < n; v++) {
      score[v] = kloutScore(state.raw[v]!, state.maxRaw);
      for (let e = offsets[v]!; e < offsets[v + 1]!; e++) {
        reactions[v]! += weights[e]!;
        if (weights[e]! > 0) reactors[v]!++;
      }
    }
    context.progress(1, 'normalised');
    return {
      outputs: { score, reactions, posts: state.posts, reactors },
      stats: {
        as_of: isoOr(state.window.end, 'none'),
        window_start: isoOr(state.window.start, 'none'),
        max_raw: state.maxRaw,
        notes: state.window.notes,
      },
    };
  },

  explain(input, params, _outputs, node, context, limit) {
    const state = kloutState(input, params, context);
    const { offsets, targets, weights } = state.reactorsOf;
    const raw = state.raw[node]!;
    const divisor = state.divisor[node]!;
    let reactions = 0;
    let reactors = 0;
    let reach = 0;
    const contributions: Contribution[] = [];
    for (let e = offsets[node]!; e < offsets[node + 1]!; e++) {
      const reactor = targets[e]!;
      const count = weights[e]!;
      const selectivity = kloutSelectivity(state.given[reactor]!);
      const counted = kloutUniqueness(count) * selectivity;
      reactions += count;
      if (count > 0) reactors++;
      reach += counted;
      contributions.push({
        node: reactor,
        label:
          `${count} reaction${count === 1 ? '' : 's'} (counted ${round(kloutUniqueness(count))}); ` +
          `reacted ${state.given[reactor]} times in the window (selectivity ${round(selectivity)})`,
        value: counted / divisor,
        share: raw > 0 ? counted / divisor / raw : null,
      });
    }
    contributions.sort((a, b) => b.value - a.value || (a.node ?? 0) - (b.node ?? 0));

    const { window } = state;
    const score = kloutScore(raw, state.maxRaw);
    const period = window.timed
      ? `${params.window_days} days to ${isoOr(window.end, '')}`
      : 'all time (the dataset has no times)';
    return {
      summary:
        `Klout ${score.toFixed(1)} of 100 from ${reactions} reactions by ${reactors} accounts ` +
        `on ${state.posts[node]} posts, ${period}.`,
      factors: [
        {
          label: 'window',
          value: window.timed ? `${isoOr(window.start, '')} to ${isoOr(window.end, '')}` : 'none',
          note: window.notes.join('; ') || undefined,
        },
        { label: 'posts in window', value: state.posts[node]!, note: 'originals, quotes and replies' },
        { label: 'reactions in window', value: reactions, note: params.kinds.join(', ') },
        { label: 'unique reactors', value: reactors },
        {
          label: 'selectivity-weighted reach',
          value: reach,
          note: 'sum over reactors of (1 + ln reactions) / (1 + ln reactions they gave anyone)',
        },
        { label: 'ratio divisor', value: divisor, note: `max(1, posts)^${params.post_exponent}` },
        { label: 'raw', value: raw, note: 'reach / divisor' },
        { label: 'highest raw in the dataset', value: state.maxRaw },
        {
          label: 'normalisation',
          value:
            state.maxRaw > 0
              ? `1 + 99 x ln(1 + ${round(raw)}) / ln(1 + ${round(state.maxRaw)})`
              : 'no reactions: 1',
          note: 'the top account scores 100, an account without reactions 1',
        },
      ],
      contributions: contributions.slice(0, limit),
    };
  },
});
