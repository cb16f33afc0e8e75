import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { modelDescriptors } from '../../src/shared/models';
import { callService } from '../../src/main/services';
import { datasetsDir, repoRoot, tempDb, tempDir } from '../helpers';

const example = path.join(repoRoot, 'docs', 'examples', 'retweets-per-follower.mjs');

/** A model file built from the example with one part changed. */
function variant(name: string, replace: [string, string][]): string {
  let source = fs.readFileSync(example, 'utf8');
  for (const [from, to] of replace) source = source.replace(from, to);
  const file = path.join(tempDir(), name);
  fs.writeFileSync(file, source);
  return file;
}

describe('models users add without rebuilding the app', () => {
  const { db } = tempDb();
  // Models load only from the app data folder (XDG_DATA_HOME/influence-lens here), never beside the database.
  const dataHome = tempDir();
  process.env.XDG_DATA_HOME = dataHome;
  const appModels = path.join(dataHome, 'influence-lens', 'models');
  const call = async <T>(name: Parameters<typeof callService>[0], input: unknown) => {
    const result = await callService(name, input, { db });
    if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message}`);
    return result.value as T;
  };

  it('the documented example is added, listed, run in the worker, explained, rerun and compared with every built-in', async () => {
    await call('datasets.import', { paths: [path.join(datasetsDir, 'twitter-v2', 'brexit.jsonl')], dataset: 'brexit' });
    const added = await call<{ model: { id: string; file: string }; replaced: boolean }>('models.add', { file: example, trust: true });
    expect(added.model.id).toBe('retweets-per-follower');
    expect(added.model.file).toBe(path.join(appModels, 'retweets-per-follower.mjs'));
    const models = await call<{ id: string; file?: string }[]>('models.list', {});
    expect(models.map((m) => m.id)).toEqual([...modelDescriptors.map((m) => m.id), 'retweets-per-follower']);

    const run = await call<{ run: { id: number; params: Record<string, unknown>; version: string } }>('runs.score', { dataset: 'brexit', model: 'retweets-per-follower', params: { smoothing: 2 } });
    expect(run.run).toMatchObject({ params: { smoothing: 2 }, version: '1' });
    const scores = await call<{ columns: string[]; rows: { accountId: string; values: number[] }[] }>('runs.scores', { run: run.run.id });
    expect(scores.columns).toEqual(['score', 'retweets']);
    // Independently: retweets received per account, from the interactions table.
    const retweets = db
      .prepare("SELECT a.platform_id AS id, count(*) AS n FROM interactions i JOIN accounts a ON a.id = i.target_id WHERE i.kind = 'retweet' AND i.actor_id <> i.target_id GROUP BY a.platform_id")
      .all() as { id: string; n: number }[];
    for (const { id, n } of retweets) expect(scores.rows.find((row) => row.accountId === id)!.values[1]).toBe(n);
    const manifest = await call<{ manifest: { model: { file: string; sha256: string } } }>('runs.show', { run: run.run.id });
    expect(manifest.manifest.model.sha256).toMatch(/^[0-9a-f]{64}$/);

    const explained = await call<{ summary: string }>('runs.explain', { run: run.run.id, account: scores.rows[0]!.accountId });
    expect(explained.summary).toContain('user model retweets-per-follower');
    expect((await call<{ identical: boolean }>('runs.rerun', { run: run.run.id })).identical).toBe(true);

    const builtIns: number[] = [];
    for (const model of modelDescriptors) builtIns.push((await call<{ run: { id: number } }>('runs.score', { dataset: 'brexit', model: model.id })).run.id);
    const compared = await call<{ pairs: { a: number; b: number; n: number }[] }>('analysis.compare', { runs: [run.run.id, ...builtIns] });
    expect(compared.pairs.filter((pair) => pair.a === run.run.id)).toHaveLength(modelDescriptors.length);
  });

  it('broken models fail with an error naming the file, and nothing else is affected', async () => {
    const throwing = variant('throws.mjs', [["id: 'retweets-per-follower'", "id: 'throws'"], ['const retweets = new Float64Array(input.nodeCount);', "throw new Error('boom');"]]);
    const wrongShape = variant('short.mjs', [["id: 'retweets-per-follower'", "id: 'short'"], ['return { score, retweets };', 'return { score: [1, 2], retweets };']]);
    const endless = variant('endless.mjs', [["id: 'retweets-per-follower'", "id: 'endless'"], ['timeLimitSeconds: 30', 'timeLimitSeconds: 1'], ['const retweets = new Float64Array(input.nodeCount);', 'for (;;) {}']]);
    const clash = variant('clash.mjs', [["id: 'retweets-per-follower'", "id: 'pagerank'"]]);
    const notAModel = variant('not-a-model.mjs', [['export default function model', 'export function model']]);

    const refused = await callService('models.add', { file: clash, trust: true }, { db });
    expect(refused).toMatchObject({ ok: false, error: { message: 'the job failed: user model clash.mjs: its id "pagerank" is a built-in model\'s; choose another' } });
    const notAModelRefused = await callService('models.add', { file: notAModel, trust: true }, { db });
    expect(notAModelRefused.ok).toBe(false);
    if (!notAModelRefused.ok) expect(notAModelRefused.error.message).toContain('user model not-a-model.mjs: its default export must be a function');
    for (const file of [throwing, wrongShape, endless]) await call('models.add', { file, trust: true });
    // A file copied in by hand is not approved: listed as a problem, never loaded.
    fs.copyFileSync(notAModel, path.join(appModels, 'not-a-model.mjs'));

    const failures: Record<string, RegExp> = {
      throws: /user model throws\.mjs: score threw: boom/,
      short: /user model short\.mjs: score returned no "score" column of \d+ numbers/,
      endless: /user model .*endless\.mjs: ran past its time limit of 1 s and was stopped/,
    };
    for (const [model, message] of Object.entries(failures)) {
      const result = await callService('runs.score', { dataset: 'brexit', model }, { db });
      expect(result.ok, model).toBe(false);
      if (!result.ok) expect(result.error.message).toMatch(message);
    }
    const problems = await call<{ file: string; error: string }[]>('models.problems', {});
    expect(problems.map((p) => path.basename(p.file))).toEqual(['not-a-model.mjs']);
    expect(problems[0]!.error).toContain('not-a-model.mjs: not approved, so it does not run');
    expect((await call<{ id: string }[]>('models.list', {})).map((m) => m.id)).toContain('retweets-per-follower');
    expect((await callService('runs.score', { dataset: 'brexit', model: 'retweets-per-follower' }, { db })).ok).toBe(true);
    expect((await callService('runs.score', { dataset: 'brexit', model: 'kcore' }, { db })).ok).toBe(true);
  });
});
