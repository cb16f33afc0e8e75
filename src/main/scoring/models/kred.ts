import type { z } from 'zod';
import { INTERACTION_KINDS, type InteractionKind } from '../../../shared/domain';
import { KRED_OUTREACH_FIRST_LEVEL, KRED_OUTREACH_GROWTH, kredModel } from '../../../shared/models/kred';
import {
  defineImplementation,
  type Contribution,
  type InteractionColumns,
  type ModelInput,
  type ScoreContext,
} from '../model';

type KredParams = z.infer<typeof kredModel.params>;

const CANCEL_CHECK_MASK = 0xffff;

/** Threshold of outreach level `level` (1-based). */
export function kredOutreachThreshold(level: number): number {
  return Math.round(KRED_OUTREACH_FIRST_LEVEL * KRED_OUTREACH_GROWTH ** (level - 1));
}

export function kredOutreachLevel(points: number): number {
  let level = 0;
  while (points >= kredOutreachThreshold(level + 1)) level++;
  return level;
}

function interactionsOf(input: ModelInput): InteractionColumns {
  if (!input.interactions) throw new Error('kred needs the interactions loaded');
  return input.interactions;
}

/** One flag per INTERACTION_KINDS index. */
function kindFlags(kinds: readonly InteractionKind[], except?: InteractionKind): Uint8Array {
  const flags = new Uint8Array(INTERACTION_KINDS.length);
  for (const kind of kinds) if (kind !== except) flags[INTERACTION_KINDS.indexOf(kind)] = 1;
  return flags;
}

/** Points one action earns its target, by acting node: the base points plus the large-audience bonus. */
function pointsPerAction(followers: Float64Array, params: KredParams): Float64Array {
  const result = new Float64Array(followers.length);
  for (let v = 0; v < followers.length; v++) {
    const above = followers[v]! - params.bonus_threshold;
    // NaN (unknown followers) fails the comparison, so unknown audiences earn no bonus.
    const bonus = above > 0 ? params.bonus_points_per_thousand * Math.floor(above / 1000) : 0;
    result[v] = params.points_per_action + bonus;
  }
  return result;
}

interface KredTotals {
  influence: Float64Array;
  outreach: Float64Array;
  maxInfluence: number;
  perAction: Float64Array;
}

function kredTotals(input: ModelInput, params: KredParams, context: ScoreContext): KredTotals {
  const columns = interactionsOf(input);
  const n = input.graph.nodeCount;
  const perAction = pointsPerAction(input.followers, params);
  const influenceKinds = kindFlags(params.kinds);
  const outreachKinds = kindFlags(params.kinds, 'follow');
  const influence = new Float64Array(n);
  const outreach = new Float64Array(n);
  for (let e = 0; e < columns.count; e++) {
    if ((e & CANCEL_CHECK_MASK) === 0) context.checkCancelled();
    const actor = columns.actor[e]!;
    const target = columns.target[e]!;
    if (actor === target) continue;
    const kind = columns.kind[e]!;
    const weight = columns.weight[e]!;
    if (influenceKinds[kind]) influence[target]! += weight * perAction[actor]!;
    if (outreachKinds[kind]) outreach[actor]! += weight * params.outreach_points_per_action;
  }
  let maxInfluence = 0;
  for (let v = 0; v < n; v++) maxInfluence = Math.max(maxInfluence, influence[v]!);
  return { influence, outreach, maxInfluence, perAction };
}

/** The ratio first, so that the top account's ratio is exactly 1 and its score exactly 1000. */
function influenceScore(points: number, maxPoints: number): number {
  return maxPoints > 0 ? 1 + 999 * (points / maxPoints) : 1;
}

const plural = (count: number, word: string) => `${count} ${word}${count === 1 ? '' : 's'}`;

export const kredImplementation = defineImplementation<KredParams>({
  id: kredModel.id,
  // Posts play no part in Kred's rules.
  needs: { followers: true, interactions: true },

  score(input, params, context) {
    context.progress(0, 'points');
    const { influence, outreach, maxInfluence } = kredTotals(input, params, context);
    const n = input.graph.nodeCount;
    const score = new Float64Array(n);
    const level = new Float64Array(n);
    let scored = 0;
    for (let v = 0; v < n; v++) {
      score[v] = influenceScore(influence[v]!, maxInfluence);
      level[v] = kredOutreachLevel(outreach[v]!);
      if (influence[v]! > 0) scored++;
    }
    context.progress(1, 'normalised');
    return {
      outputs: { score, influence_points: influence, outreach_points: outreach, outreach_level: level },
      stats: { max_points: maxInfluence, accounts_with_points: scored },
    };
  },

  explain(input, params, _outputs, node, context, limit) {
    const { influence, outreach, maxInfluence, perAction } = kredTotals(input, params, context);
    const columns = interactionsOf(input);
    const counted = kindFlags(params.kinds);
    const kindCount = INTERACTION_KINDS.length;
    // One entry per (actor, kind) pair, keyed actor * kindCount + kind.
    const byActorKind = new Map<number, { count: number; points: number }>();
    const kindPoints = new Float64Array(kindCount);
    const kindActions = new Float64Array(kindCount);
    let bonusPoints = 0;
    for (let e = 0; e < columns.count; e++) {
      if ((e & CANCEL_CHECK_MASK) === 0) context.checkCancelled();
      const actor = columns.actor[e]!;
      const kind = columns.kind[e]!;
      if (columns.target[e] !== node || actor === node || !counted[kind]) continue;
      const weight = columns.weight[e]!;
      const earned = weight * perAction[actor]!;
      const key = actor * kindCount + kind;
      const entry = byActorKind.get(key) ?? { count: 0, points: 0 };
      entry.count += weight;
      entry.points += earned;
      byActorKind.set(key, entry);
      kindPoints[kind]! += earned;
      kindActions[kind]! += weight;
      bonusPoints += earned - weight * params.points_per_action;
    }

    const points = influence[node]!;
    const score = influenceScore(points, maxInfluence);
    const level = kredOutreachLevel(outreach[node]!);
    const contributions: Contribution[] = [...byActorKind]
      .map(([key, { count, points: earned }]) => {
        const actor = Math.floor(key / kindCount);
        const kind = INTERACTION_KINDS[key % kindCount]!;
        const bonus = perAction[actor]! - params.points_per_action;
        const each = bonus > 0 ? `${perAction[actor]} points (${bonus} bonus)` : `${perAction[actor]} points`;
        return {
          node: actor,
          kind,
          label: `${plural(count, kind)} x ${each}`,
          value: earned,
          share: points > 0 ? earned / points : null,
        };
      })
      .sort((a, b) => b.value - a.value || a.node - b.node || a.kind.localeCompare(b.kind))
      .slice(0, limit);

    const factors: Array<{ label: string; value: number | string; note?: string }> = [
      { label: 'influence points', value: points, note: `bonus points included: ${bonusPoints}` },
      { label: 'most points of any account', value: maxInfluence },
      {
        label: 'normalisation',
        value: maxInfluence > 0 ? `1 + 999 x ${points} / ${maxInfluence}` : 'nobody has points: 1',
        note: 'the top account scores 1000, an account without points 1',
      },
    ];
    INTERACTION_KINDS.forEach((kind, k) => {
      if (kindActions[k]! > 0)
        factors.push({ label: `points from ${kind} actions`, value: kindPoints[k]!, note: plural(kindActions[k]!, 'action') });
    });
    factors.push(
      { label: 'outreach points', value: outreach[node]!, note: 'actions given to others, follows excepted' },
      {
        label: 'outreach level',
        value: level,
        note: `next level at ${kredOutreachThreshold(level + 1)} points; computed from all-time points`,
      },
    );
    return {
      summary:
        `Kred Influence ${score.toFixed(1)} of 1000 from ${points} points for ` +
        `${plural(kindActions.reduce((sum, x) => sum + x, 0), 'action')} received; ` +
        `outreach level ${level} (${outreach[node]} points).`,
      factors,
      contributions,
    };
  },
});
