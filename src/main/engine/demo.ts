import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { appRoot } from '../app-root';
import { generateWorld } from '../audit/generate/generate';
import { writeWorld } from '../audit/generate/write';
import type { JobProgress } from '../../shared/runs';
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

/** One thing the first start loads, named as the start prints it. */
interface DemoStep {
  what: string;
  run: (onJobProgress: (progress: JobProgress) => void) => Promise<unknown>;
}

/** How a first start shows what it loads: one line per step, and the running job's phase and fraction. */
export interface DemoReporter {
  log: (text: string) => void;
  onJobProgress?: (progress: JobProgress) => void;
}

function demoSteps(engine: EngineClient, sampleDir: string, worldDir: string): DemoStep[] {
  const importing = (dataset: string, paths: string[]): DemoStep => ({
    what: `importing ${dataset} (${paths.map((file) => path.basename(file)).join(', ')})`,
    run: () => valueOf(engine.call('datasets.import', { paths, dataset })),
  });
  return [
    ...samples.map((sample) => importing(sample.dataset, sample.paths.map((file) => path.join(sampleDir, file)))),
    {
      what: `generating ${DEMO_WORLD.dataset} (${DEMO_WORLD.accounts} accounts with planted cases, seed ${DEMO_WORLD.seed})`,
      run: async () => writeWorld(generateWorld(DEMO_WORLD), path.join(worldDir, 'demo-world.jsonl')),
    },
    {
      what: `importing ${DEMO_WORLD.dataset}`,
      run: () => {
        const paths = fs.readdirSync(worldDir).filter((file) => !file.endsWith('.labels.json')).map((file) => path.join(worldDir, file));
        return valueOf(engine.call('datasets.import', { paths, dataset: DEMO_WORLD.dataset }));
      },
    },
    ...DEMO_MODELS.map((model): DemoStep => ({
      what: `scoring ${DEMO_WORLD.dataset} with ${model}`,
      run: (onJobProgress) => valueOf(engine.call('runs.score', { dataset: DEMO_WORLD.dataset, model }, { onJobProgress })),
    })),
    // Stored once here, the Cases view and the account pages open on it instead of auditing on their first visit.
    {
      what: `auditing ${DEMO_WORLD.dataset} (gaming and misattributed topics)`,
      run: (onJobProgress) => valueOf(engine.call('audit.cases', { dataset: DEMO_WORLD.dataset }, { onJobProgress })),
    },
  ];
}

/**
 * First start: with no datasets, load the bundled samples and a generated world with planted cases, score the
 * world with a few models and audit it, so that every view has something to show. Each step is printed as it
 * starts and with its time when it ends. Every call goes through the engine, so the caller (`lens serve`, the
 * Electron main process) never opens the database; only the world's files are written here, to a temporary folder
 * the engine imports from.
 */
export async function loadDemoData(engine: EngineClient, reporter: DemoReporter): Promise<void> {
  const existing = await valueOf(engine.call('datasets.list', {}));
  if (existing.length > 0) return;
  const worldDir = fs.mkdtempSync(path.join(os.tmpdir(), 'lens-demo-'));
  const steps = demoSteps(engine, path.join(appRoot, 'resources', 'sample'), worldDir);
  reporter.log(`First start: loading the demo data in ${steps.length} steps (once; later starts open at once).`);
  const started = performance.now();
  try {
    for (const [index, step] of steps.entries()) {
      reporter.log(`[${index + 1}/${steps.length}] ${step.what}...`);
      const stepStarted = performance.now();
      await step.run((progress) => reporter.onJobProgress?.(progress));
      reporter.log(`[${index + 1}/${steps.length}] ${step.what}: done in ${seconds(stepStarted)} s`);
    }
  } finally {
    fs.rmSync(worldDir, { recursive: true, force: true });
  }
  reporter.log(`First start: the demo data is loaded (${seconds(started)} s).`);
}

const seconds = (since: number) => ((performance.now() - since) / 1000).toFixed(1);
