import type { z } from 'zod';
import { INTERACTION_KINDS } from '../../../shared/domain';
import { indegreeModel } from '../../../shared/models/indegree';
import { defineImplementation, type Contribution, type InteractionColumns, type ModelInput } from '../model';

type IndegreeParams = z.infer<typeof indegreeModel.params>;

const CANCEL_CHECK_MASK = 0xfffff;
const KIND_COUNT = INTERACTION_KINDS.length;

function interactionsOf(input: ModelInput): InteractionColumns {
  if (!input.interactions) throw new Error('indegree needs the interactions loaded');
  return input.interactions;
}

/** One flag per INTERACTION_KINDS index. */
function kindFlags(params: IndegreeParams): Uint8Array {
  const flags = new Uint8Array(KIND_COUNT);
  for (const kind of params.kinds) flags[INTERACTION_KINDS.indexOf(kind)] = 1;
  return flags;
}

export const indegreeImplementation = defineImplementation<IndegreeParams>({
  id: indegreeModel.id,
  // The graph merges kinds into one weight; counting by kind needs the interaction rows.
  needs: { interactions: true },

  score(input, params, context) {
    const columns = interactionsOf(input);
    const counted = kindFlags(params);
    const score = new Float64Array(input.graph.nodeCount);
    let total = 0;
    for (let i = 0; i < columns.count; i++) {
      if ((i & CANCEL_CHECK_MASK) === 0) {
        context.checkCancelled();
        context.progress(i / columns.count, 'counting interactions');
      }
      const target = columns.target[i]!;
      if (!counted[columns.kind[i]!] || columns.actor[i] === target) continue;
      score[target]! += params.weighted ? columns.weight[i]! : 1;
      total++;
    }
    context.progress(1, 'done');
    return { outputs: { score }, stats: { interactions_counted: total } };
  },

  explain(input, params, outputs, node, context, limit) {
    const columns = interactionsOf(input);
    const counted = kindFlags(params);
    const perKind = new Float64Array(KIND_COUNT);
    // Keyed actor * KIND_COUNT + kind.
    const byActorKind = new Map<number, number>();
    const actors = new Set<number>();
    for (let i = 0; i < columns.count; i++) {
      if ((i & CANCEL_CHECK_MASK) === 0) context.checkCancelled();
      const actor = columns.actor[i]!;
      const kind = columns.kind[i]!;
      if (columns.target[i] !== node || actor === node || !counted[kind]) continue;
      const value = params.weighted ? columns.weight[i]! : 1;
      perKind[kind]! += value;
      const key = actor * KIND_COUNT + kind;
      byActorKind.set(key, (byActorKind.get(key) ?? 0) + value);
      actors.add(actor);
    }
    const total = outputs.score![node]!;
    const contributions: Contribution[] = [...byActorKind]
      .map(([key, value]) => {
        const kind = INTERACTION_KINDS[key % KIND_COUNT]!;
        return {
          node: Math.floor(key / KIND_COUNT),
          kind,
          label: params.weighted ? `${kind}s weighing ${value}` : `${value} x ${kind}`,
          value,
          share: total > 0 ? value / total : null,
        };
      })
      .sort((a, b) => b.value - a.value || a.node - b.node || a.kind.localeCompare(b.kind))
      .slice(0, limit);
    const factors = params.kinds.map((kind) => ({
      label: `${kind} received`,
      value: perKind[INTERACTION_KINDS.indexOf(kind)]!,
      note: params.weighted ? 'sum of stored weights' : 'interactions',
    }));
    return {
      summary:
        (params.weighted ? `Interactions received weigh ${total} in all` : `${total} interactions received`) +
        ` from ${actors.size} accounts, counting ${params.kinds.join(', ')}.`,
      factors,
      contributions,
    };
  },
});
