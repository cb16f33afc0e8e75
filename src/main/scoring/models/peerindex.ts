import type { z } from 'zod';
import { INTERACTION_KINDS } from '../../../shared/domain';
import { peerindexModel } from '../../../shared/models/peerindex';
import type { Csr } from '../graph/csr';
import { defineImplementation, type Contribution, type ModelInput, type ScoreContext } from '../model';
import { inKloutWindow, kloutWindow, type KloutWindow } from './klout-window';
import { ALL_KINDS, flagsOf, giversByTarget, logScale, maxOf, round, rowTotals } from './peerindex-scale';

type PeerIndexParams = z.infer<typeof peerindexModel.params>;

const CANCEL_CHECK_MASK = 0xffff;

interface PeerIndexState {
  window: KloutWindow;
  /** Row v: the distinct accounts that acted on v's posts in the window, weighted by their reactions. */
  reactorsOf: Csr;
  reactions: Float64Array;
  reach: Float64Array;
  /** 1 where the reach is a follower count, 0 where it is the distinct interactors. */
  fromFollowers: Uint8Array;
  posts: Float64Array;
  /** Post counts of the accounts that posted in the window, ascending: the peer group of Activity. */
  posterCounts: Float64Array;
  maxReactions: number;
  maxReach: number;
}

function peerindexState(input: ModelInput, params: PeerIndexParams, context: ScoreContext): PeerIndexState {
  const { interactions, posts } = input;
  if (!interactions || !posts) throw new Error('peerindex needs the interactions and posts loaded');
  const n = input.graph.nodeCount;
  const window = kloutWindow(interactions, posts, params.window_days, params.as_of, context);
  const inWindow = (e: number) => inKloutWindow(window, interactions.time[e]!);

  const reactorsOf = giversByTarget(n, interactions, flagsOf(INTERACTION_KINDS, params.kinds), inWindow, context);
  const reactions = rowTotals(reactorsOf).total;
  const interactors = rowTotals(giversByTarget(n, interactions, ALL_KINDS, inWindow, context)).distinct;
  const reach = new Float64Array(n);
  const fromFollowers = new Uint8Array(n);
  for (let v = 0; v < n; v++) {
    const followers = input.followers[v];
    fromFollowers[v] = followers !== undefined && Number.isFinite(followers) ? 1 : 0;
    reach[v] = fromFollowers[v] ? followers! : interactors[v]!;
  }

  const postCount = new Float64Array(n);
  for (let p = 0; p < posts.count; p++) {
    if ((p & CANCEL_CHECK_MASK) === 0) context.checkCancelled();
    if (inKloutWindow(window, posts.createdAt[p]!)) postCount[posts.author[p]!]!++;
  }
  const posterCounts = postCount.filter((count) => count > 0).sort();
  return {
    window,
    reactorsOf,
    reactions,
    reach,
    fromFollowers,
    posts: postCount,
    posterCounts,
    maxReactions: maxOf(reactions),
    maxReach: maxOf(reach),
  };
}

/** Posters with at most `count` posts: binary search for the first count above it. */
function postersAtOrBelow(sorted: Float64Array, count: number): number {
  let low = 0;
  let high = sorted.length;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if (sorted[mid]! <= count) low = mid + 1;
    else high = mid;
  }
  return low;
}

interface Components {
  authority: number;
  audience: number;
  activity: number;
  score: number;
}

function componentsOf(state: PeerIndexState, params: PeerIndexParams, v: number): Components {
  const authority = logScale(state.reactions[v]!, state.maxReactions);
  const audience = logScale(state.reach[v]!, state.maxReach);
  const posts = state.posts[v]!;
  const activity = posts > 0 ? 100 * (postersAtOrBelow(state.posterCounts, posts) / state.posterCounts.length) : 0;
  const { authority_weight: wa, audience_weight: wu, activity_weight: wc } = params;
  // The weighted mean of numbers in [0, 100] can round a hair above 100.
  const score = Math.min(100, (wa * authority + wu * audience + wc * activity) / (wa + wu + wc));
  return { authority, audience, activity, score };
}

const isoOr = (time: number, fallback: string) => (Number.isFinite(time) ? new Date(time).toISOString() : fallback);

export const peerindexImplementation = defineImplementation<PeerIndexParams>({
  id: peerindexModel.id,
  needs: { followers: true, interactions: true, posts: true },

  score(input, params, context) {
    context.progress(0, 'window');
    const state = peerindexState(input, params, context);
    const n = input.graph.nodeCount;
    const outputs = {
      score: new Float64Array(n),
      authority: new Float64Array(n),
      audience: new Float64Array(n),
      activity: new Float64Array(n),
    };
    for (let v = 0; v < n; v++) {
      const components = componentsOf(state, params, v);
      for (const name of ['score', 'authority', 'audience', 'activity'] as const) outputs[name][v] = components[name];
    }
    context.progress(1, 'combined');
    return {
      outputs,
      stats: {
        as_of: isoOr(state.window.end, 'none'),
        window_start: isoOr(state.window.start, 'none'),
        max_reactions: state.maxReactions,
        max_reach: state.maxReach,
        posters: state.posterCounts.length,
        notes: state.window.notes,
      },
    };
  },

  explain(input, params, _outputs, node, context, limit) {
    const state = peerindexState(input, params, context);
    const { authority, audience, activity, score } = componentsOf(state, params, node);
    const { offsets, targets, weights } = state.reactorsOf;
    const reactions = state.reactions[node]!;
    const contributions: Contribution[] = [];
    for (let e = offsets[node]!; e < offsets[node + 1]!; e++) {
      const count = weights[e]!;
      contributions.push({
        node: targets[e]!,
        label: `${count} reaction${count === 1 ? '' : 's'} (${params.kinds.join(', ')}) in the window`,
        value: count,
        share: reactions > 0 ? count / reactions : null,
      });
    }
    contributions.sort((a, b) => b.value - a.value || a.node! - b.node!);

    const { window } = state;
    const reach = state.reach[node]!;
    const posts = state.posts[node]!;
    const atOrBelow = posts > 0 ? postersAtOrBelow(state.posterCounts, posts) : 0;
    const scale = (x: number, max: number) =>
      max > 0 ? `100 x ln(1 + ${round(x)}) / ln(1 + ${round(max)})` : 'nobody has any: 0';
    return {
      summary:
        `PeerIndex ${score.toFixed(1)} of 100: Authority ${authority.toFixed(1)}, Audience ${audience.toFixed(1)}, ` +
        `Activity ${activity.toFixed(1)}, ` +
        (window.timed ? `${params.window_days} days to ${isoOr(window.end, '')}.` : 'all time (no times).'),
      factors: [
        {
          label: 'window',
          value: window.timed ? `${isoOr(window.start, '')} to ${isoOr(window.end, '')}` : 'none',
          note: window.notes.join('; ') || undefined,
        },
        { label: 'reactions received', value: reactions, note: params.kinds.join(', ') },
        { label: 'authority', value: authority, note: scale(reactions, state.maxReactions) },
        {
          label: state.fromFollowers[node] ? 'reach (followers)' : 'reach (distinct interactors in the window)',
          value: reach,
          note: state.fromFollowers[node] ? 'imported follower count' : 'follower count unknown',
        },
        { label: 'audience', value: audience, note: scale(reach, state.maxReach) },
        { label: 'posts in window', value: posts, note: 'all kinds' },
        {
          label: 'activity',
          value: activity,
          note:
            posts > 0
              ? `100 x ${atOrBelow} of ${state.posterCounts.length} posters have at most ${posts} posts`
              : 'no posts in the window: 0',
        },
        {
          label: 'overall',
          value: score,
          note:
            `(${params.authority_weight} x ${round(authority)} + ${params.audience_weight} x ${round(audience)} + ` +
            `${params.activity_weight} x ${round(activity)}) / ` +
            `${round(params.authority_weight + params.audience_weight + params.activity_weight)}`,
        },
      ],
      contributions: contributions.slice(0, limit),
    };
  },
});
