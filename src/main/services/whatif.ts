import { alignRuns } from '../analysis/align';
import { platformIdPositions } from '../analysis/canonical-order';
import { findAccountId } from '../store/account-lookup';
import type { Db } from '../store/db';
import { readRunResults } from '../store/runs';
import type { Removal } from '../../shared/runs';
import { rankScores } from '../scoring/rank';
import type { In, Out, ServiceContext } from './context';
import { ServiceError } from './errors';
import { accountLabeller, finite } from './results';
import { requireReproducible, requireRun, score } from './runs';

/**
 * What-if rescoring: the base run's manifest again with some interactions left out, stored as a run of its own
 * (its manifest names the base and the removal), and every account's score and rank before and after.
 */
export const whatIfHandlers = {
  'runs.whatif': async (context: ServiceContext, input: In<'runs.whatif'>): Promise<Out<'runs.whatif'>> => {
    const base = requireRun(context, input.run);
    const { manifest } = base;
    if (manifest.whatIf) {
      throw new ServiceError('invalid_input', `run ${base.id} is itself a what-if of run ${manifest.whatIf.base}; start from run ${manifest.whatIf.base} and list everything to remove`);
    }
    await requireReproducible(context, base, 'rescored');
    const output = await score(context, {
      dataset: { id: base.datasetId, name: base.datasetName },
      modelId: manifest.model.id,
      params: manifest.params,
      seed: manifest.seed,
      whatIf: { base: base.id, removal: byPlatformId(context.db, base.datasetId, input.remove) },
      ...(manifest.window ? { window: manifest.window } : {}),
    });
    const aligned = alignRuns(readRunResults(context.db, base.id), readRunResults(context.db, output.run.id));
    const before = rankScores(aligned.a).rank;
    const after = rankScores(aligned.b).rank;
    const changed: number[] = [];
    for (let i = 0; i < aligned.accountIds.length; i++) {
      if (!Object.is(aligned.a[i], aligned.b[i])) changed.push(i);
    }
    // Most changed first: by rank movement, then by score change, then by platform id (never storage order).
    const position = platformIdPositions(context.db, base.datasetId, aligned.accountIds);
    const movement = (i: number) => Math.abs((after[i] || aligned.accountIds.length + 1) - (before[i] || aligned.accountIds.length + 1));
    const scoreChange = (i: number) => Math.abs((aligned.b[i] || 0) - (aligned.a[i] || 0));
    changed.sort((x, y) => movement(y) - movement(x) || scoreChange(y) - scoreChange(x) || position[x]! - position[y]!);
    const listed = input.limit === 0 ? changed : changed.slice(0, input.limit);
    const label = accountLabeller(context.db);
    const { whatIf } = requireRun(context, output.run.id).manifest;
    return {
      run: output,
      base: base.id,
      interactions_removed: whatIf!.interactionsRemoved,
      accounts_changed: changed.length,
      accounts: listed.map((i) => ({
        ...label(aligned.accountIds[i]!),
        before: { score: finite(aligned.a[i]!), rank: before[i] || null },
        after: { score: finite(aligned.b[i]!), rank: after[i] || null },
      })),
    };
  },
};

/**
 * Manifests name accounts by platform id only (docs/SECURITY.md): a handle given for removal is recorded as the id it
 * names, so an exported manifest carries no handle. A reference naming no account is kept, and refused downstream.
 */
function byPlatformId(db: Db, datasetId: number, removal: Removal): Removal {
  if (!removal.accounts) return removal;
  const platformId = db.prepare('SELECT platform_id FROM accounts WHERE id = ?').pluck();
  return {
    ...removal,
    accounts: removal.accounts.map((reference) => {
      const id = findAccountId(db, datasetId, reference);
      return id === undefined ? reference : (platformId.get(id) as string);
    }),
  };
}
