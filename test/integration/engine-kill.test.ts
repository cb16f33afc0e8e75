import { spawn } from 'node:child_process';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { callService } from '../../src/main/services';
import { Engine } from '../../src/main/engine/engine';
import { openDatabase } from '../../src/main/store/db';
import { writeEdgeList } from '../engine-helpers';
import { repoRoot, tempDir } from '../helpers';
import { realDatasets } from '../real-datasets';

// kill -9 of a process whose engine thread is importing or scoring, at several points: the database passes
// integrity_check and holds exactly the datasets and runs committed before, and the next engine removes the
// staging rows the import left.
const child = path.join(repoRoot, 'test', 'fixtures', 'workers', 'engine-child.ts');
let dir: string;
let bigFile: string;

/** Runs the child until it says it has made its call, waits `delayMs`, then kills it with SIGKILL. */
async function killDuring(dbFile: string, args: string[], delayMs: number): Promise<'killed' | 'finished'> {
  const process_ = spawn(process.execPath, ['--import', 'tsx', child, dbFile, ...args], { cwd: repoRoot, stdio: ['ignore', 'pipe', 'inherit'] });
  let output = '';
  const exited = new Promise((resolve) => process_.once('exit', resolve));
  await new Promise<void>((resolve, reject) => {
    process_.stdout.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes('calling')) resolve();
    });
    process_.once('exit', (code) => reject(new Error(`child exited ${code} before its call: ${output}`)));
  });
  await new Promise((resolve) => setTimeout(resolve, delayMs));
  const finished = output.includes('done');
  process_.kill('SIGKILL');
  await exited;
  return finished ? 'finished' : 'killed';
}

function state(dbFile: string) {
  const db = openDatabase(dbFile);
  try {
    return {
      integrity: db.pragma('integrity_check', { simple: true }),
      foreignKeys: (db.pragma('foreign_key_check') as unknown[]).length,
      datasets: db.prepare('SELECT name FROM datasets WHERE staged_by IS NULL ORDER BY name').pluck().all(),
      staging: db.prepare('SELECT count(*) FROM datasets WHERE staged_by IS NOT NULL').pluck().get() as number,
      runs: db.prepare('SELECT id FROM runs ORDER BY id').pluck().all() as number[],
    };
  } finally {
    db.close();
  }
}

beforeAll(async () => {
  dir = tempDir('lens-kill-');
  // 3M edges: the import runs at about 0.5M rows/s, so it is still running at the last kill (3 s) on a quiet machine.
  bigFile = writeEdgeList(path.join(dir, 'big.edgelist'), 3_000_000);
}, 60_000);

async function seeded(name: string): Promise<string> {
  const file = path.join(dir, `${name}.sqlite`);
  const db = openDatabase(file);
  for (const [dataset, paths] of [['karate', realDatasets.karate!], ['congress', realDatasets.congress!]] as const) {
    const result = await callService('datasets.import', { paths, dataset }, { db });
    expect(result.ok).toBe(true);
  }
  expect((await callService('runs.score', { dataset: 'karate', model: 'pagerank' }, { db })).ok).toBe(true);
  db.close();
  return file;
}

describe('kill -9 of the engine process', () => {
  it('during an import, at several points, leaves the datasets and runs committed before and no trace of the import', async () => {
    const file = await seeded('import');
    const before = state(file);
    for (const delayMs of [100, 700, 1500, 3000]) {
      expect(await killDuring(file, ['import', bigFile, 'big'], delayMs)).toBe('killed');
      const after = state(file);
      expect(after.integrity).toBe('ok');
      expect(after.foreignKeys).toBe(0);
      expect(after.datasets).toEqual(before.datasets);
      expect(after.runs).toEqual(before.runs);
      console.log(`import killed after ${delayMs} ms: ${after.staging} staging dataset(s) left for the next engine`);
    }
    Engine.open(file).close();
    expect(state(file)).toEqual({ ...before, staging: 0 });
  }, 300_000);

  it('during a score, at several points, leaves whole runs only', async () => {
    const file = await seeded('score');
    const before = state(file);
    for (const delayMs of [0, 50, 100, 150, 200, 250, 300, 1500]) {
      const outcome = await killDuring(file, ['score', 'congress', 'pagerank'], delayMs);
      const after = state(file);
      expect(after.integrity).toBe('ok');
      expect(after.datasets).toEqual(before.datasets);
      // A run is there whole (all its outputs readable) or not at all; one that finished before the kill stays.
      const added = after.runs.filter((id) => !before.runs.includes(id));
      if (outcome === 'finished') expect(added).toHaveLength(1);
      expect(added.length).toBeLessThanOrEqual(1);
      const db = openDatabase(file);
      for (const id of after.runs) expect((await callService('runs.scores', { run: id, limit: 5 }, { db })).ok).toBe(true);
      db.close();
      console.log(`score killed after ${delayMs} ms: ${outcome}, runs ${after.runs.join(', ')}`);
      before.runs = after.runs;
    }
  }, 300_000);
});
