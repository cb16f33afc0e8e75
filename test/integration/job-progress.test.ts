import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { JobProgress } from '../../src/shared/runs';
import { callService } from '../../src/main/services';
import { datasetsDir, tempDb } from '../helpers';

/** Every progress event a call sent, and whether the call had answered when each came. */
async function progressOf(run: (onJobProgress: (progress: JobProgress) => void) => Promise<{ ok: boolean }>) {
  const events: JobProgress[] = [];
  const result = await run((progress) => events.push(progress));
  expect(result.ok).toBe(true);
  return events;
}

/** The bar a user sees: moves forward only, never full and never "done" before the answer. */
function expectHonest(events: JobProgress[]): void {
  expect(events.length).toBeGreaterThan(1);
  for (let i = 1; i < events.length; i++) expect(events[i]!.fraction).toBeGreaterThanOrEqual(events[i - 1]!.fraction);
  for (const event of events) {
    expect(event.fraction).toBeLessThan(1);
    expect(event.phase).not.toBe('done');
  }
}

describe('job progress as the page shows it (real SQLite, real job threads)', () => {
  const file = path.join(datasetsDir, 'twitter-v1', 'germanwings-crash-all-rnr-threads.non-rumours.json');

  it('a score moves forward through loading and the model, past half the bar, and never reads done before its answer', async () => {
    const { db } = tempDb();
    expect((await callService('datasets.import', { paths: [file], dataset: 'gw' }, { db })).ok).toBe(true);
    // First with the graph built, then read from the graph cache (no fraction going back between the stages).
    for (const model of ['indegree', 'indegree']) {
      const events = await progressOf((onJobProgress) => callService('runs.score', { dataset: 'gw', model }, { db, onJobProgress }));
      expectHonest(events);
      expect(events.some((event) => event.phase === 'scoring')).toBe(true);
      expect(events.at(-1)!.fraction).toBeGreaterThan(0.5);
      expect(events.at(-1)!.phase).toBe('finishing');
    }
  });

  it('windows fill one bar, each window its own part of it, named with its dates', async () => {
    const { db } = tempDb();
    expect((await callService('datasets.import', { paths: [file], dataset: 'gw' }, { db })).ok).toBe(true);
    const events = await progressOf((onJobProgress) => callService('analysis.windows', { dataset: 'gw', model: 'indegree', window: '1d', step: '12h' }, { db, onJobProgress }));
    expectHonest(events);
    const windows = new Set(events.map((event) => /^window (\d+) of (\d+) \(\d{4}-\d\d-\d\d to \d{4}-\d\d-\d\d\): /.exec(event.phase)?.[1]));
    expect(windows.has(undefined)).toBe(false);
    expect(windows.size).toBeGreaterThan(1);
    const count = Number(/ of (\d+) /.exec(events[0]!.phase)![1]);
    expect(windows.size).toBe(count);
    expect(events.at(-1)!.fraction).toBeGreaterThan((count - 1) / count);
  });
});
