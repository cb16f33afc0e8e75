import { INTERACTION_KINDS, type InteractionKind } from '../../shared/domain';
import { MOSTLY_TIED_SHARE, type ScoreWarning } from '../../shared/runs';
import { tieSummary, type TieSummary } from '../analysis/tied-ranking';
import type { Db } from '../store/db';

/**
 * The tie counts of a run's scores as Compare reports them (analysis/tied-ranking.ts), NaN (no score) left out; a
 * sorted copy, so the stored column keeps its account order. About 0.15 s for a million accounts.
 */
function scoreTies(scores: Float64Array): TieSummary {
  const sorted = Float64Array.from(scores).sort();
  let scored = sorted.length;
  while (scored > 0 && Number.isNaN(sorted[scored - 1]!)) scored--;
  return tieSummary(sorted.subarray(0, scored));
}

/**
 * The interaction kinds a run's parameters let count, by the parameter that chooses them: every list of kinds
 * (`kinds`, `influence_kinds`, `trust_kinds`) and the kinds of `weights` above 0. Empty for a model that reads no
 * interactions (`followers`) or whose parameters do not say (user models).
 */
export function countedKinds(params: Record<string, unknown>): Array<{ param: string; kinds: InteractionKind[] }> {
  const chosen: Array<{ param: string; kinds: InteractionKind[] }> = [];
  for (const [param, value] of Object.entries(params)) {
    if (Array.isArray(value) && value.length > 0 && value.every(isInteractionKind)) chosen.push({ param, kinds: [...value] });
  }
  const weights = params.weights;
  if (weights && typeof weights === 'object' && !Array.isArray(weights)) {
    const kinds = INTERACTION_KINDS.filter((kind) => Number((weights as Record<string, unknown>)[kind] ?? 0) > 0);
    chosen.push({ param: 'weights', kinds });
  }
  return chosen;
}

function isInteractionKind(value: unknown): value is InteractionKind {
  return typeof value === 'string' && (INTERACTION_KINDS as readonly string[]).includes(value);
}

/** The interaction kinds a dataset has rows of: one index probe per kind on (dataset_id, kind), not a count. */
export function datasetKinds(db: Db, datasetId: number): InteractionKind[] {
  const probe = db.prepare('SELECT EXISTS (SELECT 1 FROM interactions WHERE dataset_id = ? AND kind = ?)').pluck();
  return INTERACTION_KINDS.filter((kind) => probe.get(datasetId, kind) === 1);
}

const listed = (kinds: readonly string[]) => kinds.map((kind) => `\`${kind}\``).join(', ');

/** The warning when the run's parameters let none of the dataset's interaction kinds count; null otherwise. */
export function noInteractionsCounted(model: string, params: Record<string, unknown>, present: readonly InteractionKind[]): ScoreWarning | null {
  const counted = countedKinds(params);
  if (counted.length === 0 || present.length === 0) return null;
  if (counted.some(({ kinds }) => kinds.some((kind) => present.includes(kind)))) return null;
  const what = counted.map(({ param, kinds }) => `${listed(kinds)} (parameter \`${param}\`)`).join('; ');
  return {
    code: 'no_interactions_counted',
    message: `this dataset has only ${listed(present)} interactions; ${model} counts ${what}, so none of them counted. ` +
      `Add ${listed(present)} to ${counted.map(({ param }) => `\`${param}\``).join(' or ')} to score them, or import data with the kinds it counts`,
  };
}

/** Three significant digits: a tied value is named, not printed to 17 digits. */
function shortNumber(value: number): string {
  return Number(value.toPrecision(3)).toLocaleString('en-US');
}

/** The warning when more than half the scored accounts share one score; null otherwise. */
export function mostlyTied(scores: Float64Array, model: string, params: Record<string, unknown>, noneCounted: boolean): ScoreWarning | null {
  const ties = scoreTies(scores);
  // Above half, the largest group is the only one that size, so it has a score to name.
  if (ties.scored < 2 || ties.largest_group <= ties.scored * MOSTLY_TIED_SHARE || ties.largest_group_score === null) return null;
  const tie = { count: ties.largest_group, scored: ties.scored, value: ties.largest_group_score };
  const share = ((100 * tie.count) / tie.scored).toFixed(1);
  const counted = countedKinds(params);
  const why = noneCounted
    ? 'none of the dataset\'s interactions counted (see no_interactions_counted)'
    : counted.length > 0
      ? `${model} found nothing to tell them apart in the interactions it counts (${counted.map(({ param, kinds }) => `\`${param}\`: ${kinds.join(', ')}`).join('; ')}); counting more kinds, or data with more of these interactions, would separate them`
      : `${model} reads no interactions, and what it does read (e.g. follower counts) is the same or missing for them; a model that reads interactions would separate them`;
  return {
    code: 'mostly_tied',
    message: `${tie.count.toLocaleString('en-US')} of ${tie.scored.toLocaleString('en-US')} scored accounts (${share}%) share the score ` +
      `${shortNumber(tie.value)}, so their order in any ranking, top-k list or rank comparison is an arbitrary tie order: ${why}`,
  };
}

/** What a finished run's scores and inputs say about it: `no_interactions_counted`, then `mostly_tied`. */
export function scoreWarnings(db: Db, run: { datasetId: number; model: string; params: Record<string, unknown>; scores: Float64Array }): ScoreWarning[] {
  const ignored = noInteractionsCounted(run.model, run.params, datasetKinds(db, run.datasetId));
  const tied = mostlyTied(run.scores, run.model, run.params, ignored !== null);
  return [ignored, tied].filter((warning): warning is ScoreWarning => warning !== null);
}
