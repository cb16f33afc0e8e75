import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { callService } from '../../src/main/services';
import { openDatabase } from '../../src/main/store/db';
import { sandboxMode } from '../../src/main/scoring/user-models/sandbox';
import { datasetsDir, repoRoot, tempDb, tempDir } from '../helpers';

const example = path.join(repoRoot, 'docs', 'examples', 'retweets-per-follower.mjs');

/** The example with its id changed and one piece of hostile code at `at` (top level or inside score). */
function hostileModel(dir: string, id: string, topLevel: string, inScore = ''): string {
  let source = fs.readFileSync(example, 'utf8').replace("id: 'retweets-per-follower'", `id: '${id}'`);
  source = `${topLevel}\n${source}`.replace('const retweets = new Float64Array(input.nodeCount);', `${inScore}\n      const retweets = new Float64Array(input.nodeCount);`);
  const file = path.join(dir, `${id}.mjs`);
  fs.writeFileSync(file, source);
  return file;
}

describe('user model code runs only when the user approved it, and confined', () => {
  const { db, dir: dbDir } = tempDb();
  const dataHome = tempDir();
  process.env.XDG_DATA_HOME = dataHome;
  const appData = path.join(dataHome, 'influence-lens');
  const markers = tempDir();
  const marker = (name: string) => path.join(markers, name);
  const call = async <T>(name: Parameters<typeof callService>[0], input: unknown) => {
    const result = await callService(name, input, { db });
    if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message}`);
    return result.value as T;
  };

  it('a model file dropped beside a database never runs: not when listing, scoring a built-in or opening the database', async () => {
    await call('datasets.import', { paths: [path.join(datasetsDir, 'twitter-v2', 'brexit.jsonl')], dataset: 'brexit' });
    const besideDb = path.join(dbDir, 'models');
    fs.mkdirSync(besideDb);
    // Unconfined, this would write the marker as soon as it is imported.
    hostileModel(besideDb, 'planted', `import fs from 'node:fs'; fs.writeFileSync(${JSON.stringify(marker('planted'))}, 'ran');`);
    const ids = (await call<{ id: string }[]>('models.list', {})).map((model) => model.id);
    expect(ids).not.toContain('planted');
    expect(await call('models.problems', {})).toEqual([]);
    expect((await callService('runs.score', { dataset: 'brexit', model: 'kcore' }, { db })).ok).toBe(true);
    const planted = await callService('runs.score', { dataset: 'brexit', model: 'planted' }, { db });
    expect(planted).toMatchObject({ ok: false, error: { code: 'not_found' } });
    openDatabase(db.name).close();
    expect(fs.existsSync(marker('planted'))).toBe(false);
  });

  it('approval is by sha256 in a 0600 file of the app data folder; a changed file is listed as changed and not run', async () => {
    await call('models.add', { file: example, trust: true });
    const approvals = path.join(appData, 'approved-models.json');
    expect(fs.statSync(approvals).mode & 0o777).toBe(0o600);
    const stored = JSON.parse(fs.readFileSync(approvals, 'utf8')) as { format: number; models: { name: string; sha256: string; info: { id: string } }[] };
    expect(stored.format).toBe(1);
    expect(stored.models).toMatchObject([{ name: 'retweets-per-follower.mjs', info: { id: 'retweets-per-follower' } }]);
    expect(stored.models[0]!.sha256).toMatch(/^[0-9a-f]{64}$/);

    const copy = path.join(appData, 'models', 'retweets-per-follower.mjs');
    fs.appendFileSync(copy, '\n// edited after approval\n');
    expect((await call<{ id: string }[]>('models.list', {})).map((m) => m.id)).not.toContain('retweets-per-follower');
    const problems = await call<{ file: string; error: string }[]>('models.problems', {});
    expect(problems).toEqual([{ file: copy, error: expect.stringMatching(/retweets-per-follower\.mjs: changed since approved \(sha256 [0-9a-f]{12}, approved [0-9a-f]{12}\), so it does not run/) }]);
    expect(await callService('runs.score', { dataset: 'brexit', model: 'retweets-per-follower' }, { db })).toMatchObject({ ok: false, error: { code: 'not_found' } });

    await call('models.add', { file: copy, trust: true }); // approving the edited bytes again
    expect(await call('models.problems', {})).toEqual([]);
    expect((await callService('runs.score', { dataset: 'brexit', model: 'retweets-per-follower' }, { db })).ok).toBe(true);
  });

  it.runIf(sandboxMode().kind === 'process')('a model that writes a file or starts a process fails naming its file, and writes nothing', async () => {
    const source = tempDir();
    const writer = hostileModel(source, 'writer', `import fs from 'node:fs';`, `fs.writeFileSync(${JSON.stringify(marker('writer'))}, 'ran');`);
    const spawner = hostileModel(source, 'spawner', `import { execFileSync } from 'node:child_process';`, `execFileSync('touch', [${JSON.stringify(marker('spawner'))}]);`);
    const reader = hostileModel(source, 'reader', `import fs from 'node:fs';`, `fs.readFileSync(${JSON.stringify(db.name)});`);
    const loadWriter = hostileModel(source, 'load-writer', `import fs from 'node:fs'; fs.writeFileSync(${JSON.stringify(marker('load-writer'))}, 'ran');`);
    for (const file of [writer, spawner, reader]) await call('models.add', { file, trust: true });
    const refused = await callService('models.add', { file: loadWriter, trust: true }, { db });
    expect(refused.ok).toBe(false);
    if (!refused.ok) expect(refused.error.message).toMatch(/user model load-writer\.mjs: cannot be loaded: Access to this API has been restricted \(the sandbox lets a model read only its own file/);
    for (const model of ['writer', 'spawner', 'reader']) {
      const result = await callService('runs.score', { dataset: 'brexit', model }, { db });
      expect(result.ok, model).toBe(false);
      if (!result.ok) expect(result.error.message).toMatch(new RegExp(`user model ${model}\\.mjs: score threw: Access to this API has been restricted \\(the sandbox`));
    }
    expect(fs.readdirSync(markers)).toEqual([]);
  });

  it('the sandbox is a Node permission-model child where the runtime has one, else the isolated thread, said plainly', () => {
    expect(sandboxMode({ node: '20.20.2' } as NodeJS.ProcessVersions, new Set(['--experimental-permission']))).toEqual({ kind: 'process', permissionFlag: '--experimental-permission' });
    expect(sandboxMode({ node: '22.14.0' } as NodeJS.ProcessVersions, new Set(['--permission', '--experimental-permission']))).toEqual({ kind: 'process', permissionFlag: '--permission' });
    expect(sandboxMode({ node: '18.20.0' } as NodeJS.ProcessVersions, new Set())).toEqual({ kind: 'thread', reason: 'Node 18.20.0 has no permission model' });
    expect(sandboxMode({ node: '20.18.0', electron: '33.0.0' } as NodeJS.ProcessVersions, new Set(['--experimental-permission'])).kind).toBe('thread');
    expect(sandboxMode().kind).toBe(Number(process.versions.node.split('.')[0]) >= 20 ? 'process' : 'thread');
  });
});

describe('the sandbox does not change scores', () => {
  it('the example scores the same bytes in the permission-model child as in a thread', async () => {
    const { openModelSession } = await import('../../src/main/scoring/user-models/sandbox');
    const { createHash } = await import('node:crypto');
    const sha256 = createHash('sha256').update(fs.readFileSync(example)).digest('hex');
    // 5 accounts, retweets 0->1, 2->1, 3->1, 1->4, a self-retweet 4->4 and a reply 0->4; followers with one unknown.
    const input = {
      nodeCount: 5,
      followers: Float64Array.from([10, 3, NaN, 0, 7]),
      interactions: { count: 6, actor: Int32Array.from([0, 2, 3, 1, 4, 0]), target: Int32Array.from([1, 1, 1, 4, 4, 4]), kind: Uint8Array.from([0, 0, 0, 0, 0, 2]) },
    };
    const scores = [];
    for (const mode of [sandboxMode(), { kind: 'thread', reason: 'compared' } as const]) {
      const session = await openModelSession(example, sha256, { timeLimitMs: 10_000 }, mode);
      const params = await session.parseParams({ smoothing: 0.5 });
      scores.push((await session.score(input, params)) as { score: Float64Array });
      session.close();
    }
    const bytes = (column: Float64Array) => Buffer.from(column.buffer, column.byteOffset, column.byteLength);
    expect(bytes(scores[0]!.score)).toEqual(bytes(scores[1]!.score));
    expect(Array.from(scores[0]!.score)).toEqual([0, 3 / 3.5, 0, 0, 1 / 7.5]);
  });
});
