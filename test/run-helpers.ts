import fs from 'node:fs';
import path from 'node:path';
import { callService } from '../src/main/services';
import type { Db } from '../src/main/store/db';
import { tempDir } from './helpers';

function unwrap<T>(result: { ok: true; value: T } | { ok: false; error: { code: string; message: string } }): T {
  if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message}`);
  return result.value;
}

/** Imports edges written as a SNAP-style edge list (one "source target [weight]" per line) into a dataset. */
export async function importEdges(db: Db, dataset: string, edges: ReadonlyArray<readonly (string | number)[]>) {
  const file = path.join(tempDir(), `${dataset}.edges`);
  fs.writeFileSync(file, `${edges.map((edge) => edge.join(' ')).join('\n')}\n`);
  return unwrap(await callService('datasets.import', { paths: [file], dataset, format: 'edgelist' }, { db }));
}

/** Runs a model through the real scoring worker and reads every column back, keyed by account id as imported. */
export async function scoreRun(db: Db, dataset: string, model: string, params: Record<string, unknown> = {}, seed?: number) {
  const run = unwrap(await callService('runs.score', { dataset, model, params, seed }, { db }));
  const scores = unwrap(await callService('runs.scores', { run: run.run.id }, { db }));
  const column = (name: string) => {
    const at = scores.columns.indexOf(name);
    if (at < 0) throw new Error(`run has no column ${name}`);
    return Object.fromEntries(scores.rows.map((row) => [row.accountId, row.values[at]!]));
  };
  return { run, scores, column, score: column('score') };
}

export async function call<N extends Parameters<typeof callService>[0]>(db: Db, name: N, input: unknown) {
  return unwrap(await callService(name, input, { db }));
}
