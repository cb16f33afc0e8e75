import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { appRoot } from '../app-root';
import { generateWorld } from '../audit/generate/generate';
import { writeWorld } from '../audit/generate/write';
import type { EngineClient } from './client';

/** The bundled samples, each its own dataset; importing them again changes nothing. */
const samples = [
  { dataset: 'sample-brexit-tweets', paths: ['brexit.jsonl'] },
  { dataset: 'sample-karate-club', paths: ['karate_club_weighted.csv'] },
  { dataset: 'sample-twitter15-cascades', paths: ['twitter15'] },
];

const DEMO_WORLD = { dataset: 'demo-world', seed: 1, accounts: 1000 };
const DEMO_MODELS = ['pagerank', 'indegree', 'kred'];

/** The value of a call, or its error's message thrown: a first start that cannot load the demo data does not start. */
async function valueOf<T>(call: Promise<{ ok: true; value: T } | { ok: false; error: { message: string } }>): Promise<T> {
  const result = await call;
  if (!result.ok) throw new Error(result.error.message);
  return result.value;
}

/**
 * First start: with no datasets, load the bundled samples and a generated world with planted cases, and score the
 * world with a few models, so that every view has something to show. Every call goes through the engine, so the
 * caller (`lens serve`, the Electron main process) never opens the database; only the world's files are written
 * here, to a temporary folder the engine imports from.
 */
export async function loadDemoData(engine: EngineClient, log: (text: string) => void): Promise<void> {
  const existing = await valueOf(engine.call('datasets.list', {}));
  if (existing.length > 0) return;
  log('First start: loading the bundled samples and a generated demo world...');
  const sampleDir = path.join(appRoot, 'resources', 'sample');
  for (const sample of samples) {
    await valueOf(engine.call('datasets.import', { paths: sample.paths.map((file) => path.join(sampleDir, file)), dataset: sample.dataset }));
  }
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lens-demo-'));
  try {
    const files = writeWorld(generateWorld(DEMO_WORLD), path.join(dir, 'demo-world.jsonl'));
    const paths = files.filter((file) => !file.endsWith('.labels.json'));
    await valueOf(engine.call('datasets.import', { paths, dataset: DEMO_WORLD.dataset }));
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
  for (const model of DEMO_MODELS) {
    await valueOf(engine.call('runs.score', { dataset: DEMO_WORLD.dataset, model }));
  }
}
