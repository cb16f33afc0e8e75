import type { RunSummary } from '../../../shared/runs';
import { formatNumber } from './format';

/** What a label needs of a run: the summary fields that tell runs of one model apart. */
export type LabelledRun = Pick<RunSummary, 'id' | 'dataset' | 'model' | 'params' | 'seed' | 'kind'>;

/** Parameters flattened to dotted keys (`weights.mention`), so a nested difference is named where it lies. */
function flatten(params: Record<string, unknown>, prefix = ''): Map<string, unknown> {
  const flat = new Map<string, unknown>();
  for (const [key, value] of Object.entries(params)) {
    const name = prefix ? `${prefix}.${key}` : key;
    if (value !== null && typeof value === 'object' && !Array.isArray(value)) {
      for (const [inner, innerValue] of flatten(value as Record<string, unknown>, name)) flat.set(inner, innerValue);
    } else flat.set(name, value);
  }
  return flat;
}

const same = (a: unknown, b: unknown): boolean => JSON.stringify(a) === JSON.stringify(b);

/** "alpha 0.85", "influence direction", "kinds retweet+mention", "not weighted": one parameter in words. */
export function describeParam(key: string, value: unknown): string {
  const words = key.replace(/_/g, ' ');
  if (key === 'edge_direction' && typeof value === 'string') return `${value} direction`;
  if (value === true) return words;
  if (value === false) return `not ${words}`;
  if (value === undefined) return `${words} default`;
  if (typeof value === 'number') return `${words} ${formatNumber(value)}`;
  if (Array.isArray(value)) return `${words} ${value.map(String).join('+')}`;
  return `${words} ${String(value)}`;
}

/** Every parameter of a run in words, nested ones by their dotted key: the full list a run's row and detail show. */
export function paramWords(params: Record<string, unknown>): string[] {
  return [...flatten(params)].map(([key, value]) => describeParam(key, value));
}

/**
 * What sets this run apart from the other runs of its model on its dataset: the parameters whose values differ
 * among them (in the run's own key order), and the seed when the seeds differ. Empty for a run with no sibling, so
 * a lone run's label stays short; its full parameters are in the run's detail.
 */
export function runDifferences(run: LabelledRun, all: readonly LabelledRun[]): string[] {
  const siblings = all.filter((other) => other.dataset === run.dataset && other.model === run.model);
  if (siblings.length < 2) return [];
  const mine = flatten(run.params);
  const flats = siblings.map((other) => flatten(other.params));
  const keys = [...new Set([...mine.keys(), ...flats.flatMap((flat) => [...flat.keys()])])];
  const differing = keys.filter((key) => flats.some((flat) => !same(flat.get(key), mine.get(key))));
  const parts = differing.map((key) => describeParam(key, mine.get(key)));
  if (siblings.some((other) => other.seed !== run.seed)) parts.push(`seed ${run.seed}`);
  return parts;
}

const KIND_WORDS: Record<RunSummary['kind'], string | null> = { base: null, whatif: 'what-if', window: 'window' };

/**
 * The one label of a run on every picker, card and table: "#7 PageRank, influence direction, alpha 0.85" beside
 * "#4 PageRank, alpha 0.5". `modelName` is the model's label from models.list, the model id until that has come.
 */
export function runLabelText(run: LabelledRun, all: readonly LabelledRun[], modelName: string = run.model): string {
  const kind = KIND_WORDS[run.kind];
  return [`#${run.id} ${modelName}`, ...(kind ? [kind] : []), ...runDifferences(run, all)].join(', ');
}
