import { describe, expect, it } from 'vitest';
import {
  lastDataset,
  lastRuns,
  preferredDataset,
  preferredRuns,
  rememberDataset,
  rememberRuns,
  type KeyValueStore,
} from '../../../src/renderer/src/ui/last-used';

function memoryStore(): KeyValueStore & { map: Map<string, string> } {
  const map = new Map<string, string>();
  return { map, getItem: (key) => map.get(key) ?? null, setItem: (key, value) => void map.set(key, value) };
}

const datasets = [
  { name: 'aardvark', updatedAt: '2026-01-01T00:00:00Z' },
  { name: 'congress', updatedAt: '2026-01-03T00:00:00Z' },
  { name: 'demo', updatedAt: '2026-01-02T00:00:00Z' },
];
const runs = [
  { id: 1, dataset: 'demo', model: 'kred', kind: 'base' },
  { id: 2, dataset: 'demo', model: 'pagerank', kind: 'base' },
  { id: 3, dataset: 'demo', model: 'kred', kind: 'base' },
  { id: 4, dataset: 'demo', model: 'kred', kind: 'whatif' },
  { id: 5, dataset: 'congress', model: 'pagerank', kind: 'base' },
  { id: 6, dataset: 'demo', model: 'spread', kind: 'window' },
];

describe('the dataset a view opens on', () => {
  it('is the one last used while it exists, never the alphabetically first', () => {
    expect(preferredDataset(datasets, runs, 'demo')).toBe('demo');
    expect(preferredDataset(datasets, runs, 'deleted')).toBe('demo');
    expect(preferredDataset(datasets, runs.slice(0, 5), null)).toBe('congress');
    expect(preferredDataset(datasets, [], null)).toBe('congress');
    expect(preferredDataset([], [], 'demo')).toBeNull();
  });

  it('is remembered in storage and survives a failing storage', () => {
    const store = memoryStore();
    expect(lastDataset(store)).toBeNull();
    rememberDataset('congress', store);
    expect(lastDataset(store)).toBe('congress');
    const broken: KeyValueStore = {
      getItem: () => {
        throw new Error('denied');
      },
      setItem: () => {
        throw new Error('quota');
      },
    };
    expect(() => rememberDataset('x', broken)).not.toThrow();
    expect(lastDataset(broken)).toBeNull();
  });
});

describe('the runs Compare preselects', () => {
  it('is the latest base run of each model on the dataset', () => {
    expect(preferredRuns(runs, 'demo', null)).toEqual([2, 3]);
    expect(preferredRuns(runs, 'congress', null)).toEqual([5]);
  });

  it('is the runs last compared there while they all exist', () => {
    const store = memoryStore();
    rememberRuns('demo', [3, 1], store);
    expect(lastRuns('demo', store)).toEqual([3, 1]);
    expect(preferredRuns(runs, 'demo', lastRuns('demo', store))).toEqual([1, 3]);
    expect(preferredRuns(runs, 'demo', [1, 99])).toEqual([2, 3]);
  });
});
