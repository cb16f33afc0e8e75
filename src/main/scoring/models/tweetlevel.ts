import type { z } from 'zod';
import { INTERACTION_KINDS, POST_KINDS } from '../../../shared/domain';
import { TWEETLEVEL_OWN_POST_KINDS, tweetlevelModel } from '../../../shared/models/tweetlevel';
import { defineImplementation, type Contribution, type ModelInput, type ScoreContext } from '../model';
import { flagsOf, giversByTarget, logScale, maxOf, round, rowTotals } from './peerindex-scale';

type TweetLevelParams = z.infer<typeof tweetlevelModel.params>;

const CANCEL_CHECK_MASK = 0xffff;
const MENTION = INTERACTION_KINDS.indexOf('mention');
const REPLY_POST = POST_KINDS.indexOf('reply');
const COMPONENTS = ['popularity', 'influence', 'engagement', 'trust'] as const;
type Component = (typeof COMPONENTS)[number];
const always = () => true;

interface TweetLevelState {
  followers: Float64Array;
  fromFollowers: Uint8Array;
  received: Float64Array;
  posts: Float64Array;
  conversational: Float64Array;
  influenceRaw: Float64Array;
  trusters: Float64Array;
  max: Record<'followers' | 'influence' | 'trust', number>;
}

function tweetlevelState(input: ModelInput, params: TweetLevelParams, context: ScoreContext): TweetLevelState {
  const { interactions, posts } = input;
  if (!interactions || !posts) throw new Error('tweetlevel needs the interactions and posts loaded');
  const n = input.graph.nodeCount;
  const follows = giversByTarget(n, interactions, flagsOf(INTERACTION_KINDS, ['follow']), always, context);
  const followCount = rowTotals(follows).distinct;
  const followers = new Float64Array(n);
  const fromFollowers = new Uint8Array(n);
  for (let v = 0; v < n; v++) {
    const known = input.followers[v];
    fromFollowers[v] = known !== undefined && Number.isFinite(known) ? 1 : 0;
    followers[v] = fromFollowers[v] ? known! : followCount[v]!;
  }
  const influenceKinds = flagsOf(INTERACTION_KINDS, params.influence_kinds);
  const received = rowTotals(giversByTarget(n, interactions, influenceKinds, always, context)).total;
  const trustKinds = flagsOf(INTERACTION_KINDS, params.trust_kinds);
  const trusters = rowTotals(giversByTarget(n, interactions, trustKinds, always, context)).distinct;

  // The importer stamps each mention with its post's author and time, which is how a post is known to name someone.
  const mentionStamps = new Set<string>();
  for (let e = 0; e < interactions.count; e++) {
    if ((e & CANCEL_CHECK_MASK) === 0) context.checkCancelled();
    const actor = interactions.actor[e]!;
    const time = interactions.time[e]!;
    if (interactions.kind[e] === MENTION && actor !== interactions.target[e] && !Number.isNaN(time)) {
      mentionStamps.add(`${actor}:${time}`);
    }
  }
  const own = flagsOf(POST_KINDS, TWEETLEVEL_OWN_POST_KINDS);
  const postCount = new Float64Array(n);
  const conversational = new Float64Array(n);
  for (let p = 0; p < posts.count; p++) {
    if ((p & CANCEL_CHECK_MASK) === 0) context.checkCancelled();
    const kind = posts.kind[p]!;
    if (!own[kind]) continue;
    const author = posts.author[p]!;
    postCount[author]!++;
    if (kind === REPLY_POST || mentionStamps.has(`${author}:${posts.createdAt[p]}`)) conversational[author]!++;
  }

  const influenceRaw = new Float64Array(n);
  for (let v = 0; v < n; v++) influenceRaw[v] = received[v]! / Math.max(1, postCount[v]!) ** params.post_exponent;
  return {
    followers,
    fromFollowers,
    received,
    posts: postCount,
    conversational,
    influenceRaw,
    trusters,
    max: { followers: maxOf(followers), influence: maxOf(influenceRaw), trust: maxOf(trusters) },
  };
}

function componentsOf(state: TweetLevelState, params: TweetLevelParams, v: number): Record<Component | 'score', number> {
  const posts = state.posts[v]!;
  const values = {
    popularity: logScale(state.followers[v]!, state.max.followers),
    influence: logScale(state.influenceRaw[v]!, state.max.influence),
    engagement: posts > 0 ? 100 * (state.conversational[v]! / posts) : 0,
    trust: logScale(state.trusters[v]!, state.max.trust),
  };
  let sum = 0;
  let weights = 0;
  for (const name of COMPONENTS) {
    sum += params[`${name}_weight`] * values[name];
    weights += params[`${name}_weight`];
  }
  // The weighted mean of numbers in [0, 100] can round a hair above 100.
  return { ...values, score: Math.min(100, sum / weights) };
}

export const tweetlevelImplementation = defineImplementation<TweetLevelParams>({
  id: tweetlevelModel.id,
  needs: { followers: true, interactions: true, posts: true },

  score(input, params, context) {
    context.progress(0, 'counts');
    const state = tweetlevelState(input, params, context);
    const n = input.graph.nodeCount;
    const names = ['score', ...COMPONENTS] as const;
    const outputs = Object.fromEntries(names.map((name) => [name, new Float64Array(n)])) as Record<
      (typeof names)[number],
      Float64Array
    >;
    for (let v = 0; v < n; v++) {
      const components = componentsOf(state, params, v);
      for (const name of names) outputs[name][v] = components[name];
    }
    context.progress(1, 'combined');
    return {
      outputs,
      stats: {
        max_followers: state.max.followers,
        max_influence_raw: state.max.influence,
        max_trusters: state.max.trust,
        notes: ['no time window: every interaction and post counts'],
      },
    };
  },

  explain(input, params, _outputs, node, context, limit) {
    const state = tweetlevelState(input, params, context);
    const c = componentsOf(state, params, node);
    const interactions = input.interactions!;
    const influenceKinds = flagsOf(INTERACTION_KINDS, params.influence_kinds);
    const trustKinds = flagsOf(INTERACTION_KINDS, params.trust_kinds);
    // Per giver: what it gave this account of the kinds that count, by kind.
    const byGiver = new Map<number, Float64Array>();
    for (let e = 0; e < interactions.count; e++) {
      const actor = interactions.actor[e]!;
      const kind = interactions.kind[e]!;
      if (interactions.target[e] !== node || actor === node || !(influenceKinds[kind] || trustKinds[kind])) continue;
      const counts = byGiver.get(actor) ?? new Float64Array(INTERACTION_KINDS.length);
      counts[kind]! += interactions.weight[e]!;
      byGiver.set(actor, counts);
    }
    const received = state.received[node]!;
    const contributions: Contribution[] = [...byGiver]
      .map(([giver, counts]) => {
        const value = counts.reduce((sum, count, kind) => sum + (influenceKinds[kind] ? count : 0), 0);
        const given = INTERACTION_KINDS.flatMap((kind, k) => (counts[k]! > 0 ? [`${counts[k]} ${kind}`] : []));
        const trusts = counts.some((count, kind) => trustKinds[kind] === 1 && count > 0);
        return {
          node: giver,
          label: given.join(', ') + (trusts ? ' (counts for Trust)' : ''),
          value,
          share: received > 0 ? value / received : null,
        };
      })
      .sort((a, b) => b.value - a.value || a.node - b.node)
      .slice(0, limit);

    const posts = state.posts[node]!;
    const scale = (x: number, max: number) =>
      max > 0 ? `100 x ln(1 + ${round(x)}) / ln(1 + ${round(max)})` : 'nobody has any: 0';
    const divisor = Math.max(1, posts) ** params.post_exponent;
    const weights = COMPONENTS.map((name) => params[`${name}_weight`]);
    return {
      summary:
        `TweetLevel ${c.score.toFixed(1)} of 100: Popularity ${c.popularity.toFixed(1)}, Influence ` +
        `${c.influence.toFixed(1)}, Engagement ${c.engagement.toFixed(1)}, Trust ${c.trust.toFixed(1)}.`,
      factors: [
        {
          label: state.fromFollowers[node] ? 'followers' : 'followers (distinct follow interactions)',
          value: state.followers[node]!,
          note: state.fromFollowers[node] ? 'imported follower count' : 'follower count unknown',
        },
        { label: 'popularity', value: c.popularity, note: scale(state.followers[node]!, state.max.followers) },
        { label: 'reactions received', value: received, note: params.influence_kinds.join(', ') },
        { label: 'own posts', value: posts, note: 'originals, quotes, replies' },
        { label: 'influence raw', value: state.influenceRaw[node]!, note: `${received} / ${round(divisor)}` },
        { label: 'influence', value: c.influence, note: scale(state.influenceRaw[node]!, state.max.influence) },
        { label: 'conversational posts', value: state.conversational[node]!, note: 'replies or posts naming others' },
        {
          label: 'engagement',
          value: c.engagement,
          note: posts > 0 ? `100 x ${state.conversational[node]} / ${posts}` : 'no own posts: 0',
        },
        { label: 'distinct trusting accounts', value: state.trusters[node]!, note: params.trust_kinds.join(', ') },
        { label: 'trust', value: c.trust, note: scale(state.trusters[node]!, state.max.trust) },
        {
          label: 'overall',
          value: c.score,
          note:
            `(${COMPONENTS.map((name, i) => `${weights[i]} x ${round(c[name])}`).join(' + ')}) / ` +
            `${round(weights.reduce((a, b) => a + b, 0))}`,
        },
      ],
      contributions,
    };
  },
});
