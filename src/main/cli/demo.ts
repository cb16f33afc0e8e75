import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { appRoot } from '../app-root';
import { generateWorld } from '../audit/generate/generate';
import { writeWorld } from '../audit/generate/write';
import { callService } from '../services';
import type { Db } from '../store/db';
import type { CommandIo } from './command';

/** The bundled samples, each its own dataset; importing them again changes nothing. */
const samples = [
  { dataset: 'sample-brexit-tweets', paths: ['brexit.jsonl'] },
  { dataset: 'sample-karate-club', paths: ['karate_club_weighted.csv'] },
  { dataset: 'sample-twitter15-cascades', paths: ['twitter15'] },
];

const DEMO_WORLD = { dataset: 'demo-world', seed: 1, accounts: 1000 };
const DEMO_MODELS = ['pagerank', 'indegree', 'kred'];

/**
 * First start: with no datasets, load the bundled samples and a generated world with planted cases, and score the
 * world with a few models, so that every view has something to show.
 */
export async function loadDemoData(db: Db, io: CommandIo): Promise<void> {
  const existing = db.prepare('SELECT count(*) FROM datasets').pluck().get() as number;
  if (existing > 0) return;
  io.err('First start: loading the bundled samples and a generated demo world...');
  const sampleDir = path.join(appRoot, 'resources', 'sample');
  for (const sample of samples) {
    const result = await callService('datasets.import', { paths: sample.paths.map((file) => path.join(sampleDir, file)), dataset: sample.dataset }, { db });
    if (!result.ok) throw new Error(result.error.message);
  }
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lens-demo-'));
  try {
    const files = writeWorld(generateWorld(DEMO_WORLD), path.join(dir, 'demo-world.jsonl'));
    const paths = files.filter((file) => !file.endsWith('.labels.json'));
    const imported = await callService('datasets.import', { paths, dataset: DEMO_WORLD.dataset }, { db });
    if (!imported.ok) throw new Error(imported.error.message);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
  for (const model of DEMO_MODELS) {
    const scored = await callService('runs.score', { dataset: DEMO_WORLD.dataset, model }, { db });
    if (!scored.ok) throw new Error(scored.error.message);
  }
}
