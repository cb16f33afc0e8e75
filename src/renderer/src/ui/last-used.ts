/**
 * What the reader last worked on, kept in the browser's localStorage so a view opens where they left off: the
 * dataset (shared by every view, so moving from Compare to Account stays on the same data), the runs compared per
 * dataset, and the account last looked at per dataset. The URL still wins: these only fill what it leaves out.
 * Storage can be absent or full (private windows, quotas); then nothing is remembered and nothing fails.
 */
const PREFIX = 'influence-lens:';

/** The storage used; tests pass a Map-backed one. */
export interface KeyValueStore {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
}

function defaultStore(): KeyValueStore | null {
  try {
    return typeof window === 'undefined' ? null : window.localStorage;
  } catch {
    return null;
  }
}

function read(key: string, store: KeyValueStore | null): string | null {
  try {
    return store?.getItem(PREFIX + key) ?? null;
  } catch {
    return null;
  }
}

function write(key: string, value: string, store: KeyValueStore | null): void {
  try {
    store?.setItem(PREFIX + key, value);
  } catch {
    // A full or disabled storage only means the next visit starts from the defaults.
  }
}

export const lastDataset = (store = defaultStore()): string | null => read('dataset', store);
export const rememberDataset = (name: string, store = defaultStore()): void => {
  if (name) write('dataset', name, store);
};

export function lastRuns(dataset: string, store = defaultStore()): number[] | null {
  const text = read(`runs:${dataset}`, store);
  if (text === null) return null;
  const ids = text.split(',').map(Number).filter((id) => Number.isInteger(id) && id > 0);
  return ids.length > 0 ? ids : null;
}
export const rememberRuns = (dataset: string, runs: readonly number[], store = defaultStore()): void => {
  if (runs.length > 0) write(`runs:${dataset}`, runs.join(','), store);
};

export const lastAccount = (dataset: string, store = defaultStore()): string | null => read(`account:${dataset}`, store);
export const rememberAccount = (dataset: string, account: string, store = defaultStore()): void => {
  if (account) write(`account:${dataset}`, account, store);
};

/**
 * The dataset a view opens on when its URL names none: the one last used if it still exists, else the dataset
 * with the most recent run (what the reader worked on last, even in another window or the CLI), else the most
 * recently updated dataset. Never the alphabetically first: after an import that is rarely the one wanted.
 */
export function preferredDataset(
  datasets: readonly { name: string; updatedAt: string }[],
  runs: readonly { dataset: string; id: number }[],
  remembered: string | null,
): string | null {
  const names = new Set(datasets.map((d) => d.name));
  if (remembered !== null && names.has(remembered)) return remembered;
  const latestRun = [...runs].filter((run) => names.has(run.dataset)).sort((a, b) => b.id - a.id)[0];
  if (latestRun) return latestRun.dataset;
  const newest = [...datasets].sort((a, b) => b.updatedAt.localeCompare(a.updatedAt) || a.name.localeCompare(b.name))[0];
  return newest?.name ?? null;
}

/**
 * The runs Compare preselects on a dataset: the ones last compared there if they all still exist, else the latest
 * base run of each model (by id, the order runs are stored in), oldest model first, so every model appears once.
 */
export function preferredRuns(
  runs: readonly { id: number; dataset: string; model: string; kind: string }[],
  dataset: string,
  remembered: readonly number[] | null,
): number[] {
  const ofDataset = runs.filter((run) => run.dataset === dataset);
  const ids = new Set(ofDataset.map((run) => run.id));
  if (remembered && remembered.length >= 2 && remembered.every((id) => ids.has(id))) return [...remembered].sort((a, b) => a - b);
  const latest = new Map<string, number>();
  for (const run of ofDataset) if (run.kind === 'base' && run.id > (latest.get(run.model) ?? 0)) latest.set(run.model, run.id);
  return [...latest.values()].sort((a, b) => a - b);
}
