import { INTERACTION_KINDS, POST_KINDS, type InteractionKind, type PostKind } from '../src/shared/domain';
import { csrFromEdges } from '../src/main/scoring/graph/csr';
import { makeScoringGraph } from '../src/main/scoring/graph/scoring-graph';
import { ModelInputError, type InteractionColumns, type ModelInput, type ScoreContext } from '../src/main/scoring/model';

/**
 * A model input over a small hand-built graph whose nodes are named: node i is `names[i]`. For unit tests of the
 * algorithms; the end-to-end tests build their inputs from a real database instead.
 */
export function inputFromEdges(
  names: readonly string[],
  edges: ReadonlyArray<readonly [string, string, number?]>,
  extra: Partial<Omit<ModelInput, 'graph'>> = {},
): ModelInput {
  const index = new Map(names.map((name, i) => [name, i]));
  const node = (name: string) => {
    const found = index.get(name);
    if (found === undefined) throw new Error(`unknown node ${name}`);
    return found;
  };
  const incoming = csrFromEdges(
    names.length,
    edges.map(([source, target, weight]) => [node(target), node(source), weight] as const),
  );
  return {
    graph: makeScoringGraph(Int32Array.from(names, (_, i) => i + 1), incoming),
    followers: extra.followers ?? new Float64Array(names.length).fill(Number.NaN),
    interactions: extra.interactions ?? null,
    posts: extra.posts ?? null,
  };
}

/** A context that records progress and resolves node names; cancel() makes the next check throw. */
export function testContext(names: readonly string[] = [], seed = 1): ScoreContext & { phases: string[] } {
  const phases: string[] = [];
  return {
    seed,
    phases,
    progress: (_fraction, phase) => void phases.push(phase),
    checkCancelled: () => undefined,
    nodeOf: (reference) => {
      const found = names.indexOf(reference);
      if (found < 0) throw new ModelInputError(`no account "${reference}"`);
      return found;
    },
    topicStrength: () => new Float64Array(names.length),
  };
}

/** Interaction columns over named nodes, of unknown time; a row's weight is 1 unless given. */
export function interactionColumns(
  names: readonly string[],
  rows: ReadonlyArray<readonly [string, string, InteractionKind, number?]>,
): InteractionColumns {
  const node = (name: string) => names.indexOf(name);
  return {
    count: rows.length,
    actor: Int32Array.from(rows, (row) => node(row[0])),
    target: Int32Array.from(rows, (row) => node(row[1])),
    kind: Uint8Array.from(rows, (row) => INTERACTION_KINDS.indexOf(row[2])),
    weight: Float64Array.from(rows, (row) => row[3] ?? 1),
    time: new Float64Array(rows.length).fill(Number.NaN),
  };
}

/** The default time of hand-built activity: a fixed instant, so windows are reproducible. */
export const T0 = Date.UTC(2012, 2, 31, 12);

export type Act = readonly [actor: string, target: string, kind: InteractionKind, time?: number, weight?: number];
export type Post = readonly [author: string, kind: PostKind, time?: number];

/** A model input from interactions, posts and known follower counts over named accounts; times default to T0. */
export function activityInput(names: readonly string[], acts: readonly Act[], posts: readonly Post[], followers = {}): ModelInput {
  const node = (name: string) => names.indexOf(name);
  const known = followers as Record<string, number>;
  return inputFromEdges(names, [], {
    followers: Float64Array.from(names, (name) => known[name] ?? Number.NaN),
    interactions: {
      count: acts.length,
      actor: Int32Array.from(acts, ([actor]) => node(actor)),
      target: Int32Array.from(acts, ([, target]) => node(target)),
      kind: Uint8Array.from(acts, ([, , kind]) => INTERACTION_KINDS.indexOf(kind)),
      weight: Float64Array.from(acts, ([, , , , weight]) => weight ?? 1),
      time: Float64Array.from(acts, ([, , , time]) => time ?? T0),
    },
    posts: {
      count: posts.length,
      author: Int32Array.from(posts, ([author]) => node(author)),
      createdAt: Float64Array.from(posts, ([, , time]) => time ?? T0),
      kind: Uint8Array.from(posts, ([, kind]) => POST_KINDS.indexOf(kind)),
    },
  });
}
