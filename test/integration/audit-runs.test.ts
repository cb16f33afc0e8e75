import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { defaultIo, runCli, type CliIo } from '../../src/main/cli';
import { JobHost } from '../../src/main/jobs/host';
import { callService } from '../../src/main/services';
import { AuditOutput, CASE_KINDS } from '../../src/shared/audit';
import { MINOR_RULE_VERSION } from '../../src/shared/minors';
import { datasetsDir, repoRoot, tempDb, tempDir } from '../helpers';
import { createHash } from 'node:crypto';

const brexit = path.join(datasetsDir, 'twitter-v2', 'brexit.jsonl');
// With kpop beside it the pages hold cases (a score jump, three sense conflicts); brexit alone holds none since the
// topic reading stopped flagging negations of something else.
const kpop = path.join(datasetsDir, 'twitter-v2', 'kpop.jsonl');
const auditRuns = (db: ReturnType<typeof tempDb>['db']) => db.prepare('SELECT count(*) FROM audit_runs').pluck().get() as number;

async function value<T>(call: Promise<{ ok: true; value: T } | { ok: false; error: { message: string } }>): Promise<T> {
  const result = await call;
  if (!result.ok) throw new Error(result.error.message);
  return result.value;
}

/** The CLI in this process, on the test's database file, with its standard output collected. */
async function lens(file: string, argv: string[]): Promise<{ code: number; out: string }> {
  const lines: string[] = [];
  // The CLI's own engine thread on the file, as `lens` runs it.
  const io: CliIo = { ...defaultIo, out: (text) => lines.push(text), err: () => undefined };
  const code = await runCli([...argv, '--db', file], io);
  return { code, out: lines.join('\n') };
}

describe('stored audit runs on the real brexit and kpop tweets', () => {
  const { db, file } = tempDb();

  it('an audit is stored with its manifest and reads back identically through audit.run, audit.latest and the CLI', async () => {
    await value(callService('datasets.import', { paths: [brexit, kpop], dataset: 'brexit' }, { db }));
    expect(await value(callService('audit.latest', { dataset: 'brexit' }, { db }))).toBeNull();

    const computed = AuditOutput.parse(await value(callService('audit.cases', { dataset: 'brexit', model: 'indegree' }, { db })));
    expect(computed.cases.length).toBeGreaterThan(0);
    const { manifest } = computed;
    expect(manifest.dataset.name).toBe('brexit');
    expect(manifest.dataset.contentHash).toMatch(/^[0-9a-f]{64}$/);
    expect(manifest.kinds).toBeNull();
    expect(manifest.whatIf).toMatchObject({ model: 'indegree', version: '1', seed: 1 });
    expect(manifest.whatIf.params).toMatchObject({ weighted: false });
    // The vocabulary's hash is that of the file's bytes.
    const topics = fs.readFileSync(path.join(repoRoot, 'resources', 'topics.json'));
    expect(manifest.vocabulary.sha256).toBe(createHash('sha256').update(topics).digest('hex'));
    expect(manifest.vocabulary.topics).toBe((JSON.parse(topics.toString()) as unknown[]).length);
    expect(Object.keys(manifest.thresholds).sort()).toEqual([...CASE_KINDS.filter((k) => !['single_post', 'negated', 'sense_conflict', 'endorsement_only', 'low_share'].includes(k)), 'misattribution'].sort());
    expect(manifest.thresholds.misattribution).toHaveProperty('negatedShare');
    expect(manifest.ruleVersions.minors).toBe(MINOR_RULE_VERSION);
    expect(Date.parse(manifest.startedAt)).toBeLessThanOrEqual(Date.parse(manifest.finishedAt));
    // Counts name every kind asked for and add up to the cases.
    expect(Object.keys(manifest.counts).sort()).toEqual([...CASE_KINDS].sort());
    expect(Object.values(manifest.counts).reduce((a, b) => a + b, 0)).toBe(computed.cases.length);
    expect(computed.stale).toEqual([]);

    expect(await value(callService('audit.run', { run: computed.run }, { db }))).toEqual(computed);
    expect(await value(callService('audit.latest', { dataset: 'brexit' }, { db }))).toEqual(computed);
    const listed = await value(callService('audit.runs', { dataset: 'brexit' }, { db }));
    expect(listed).toEqual([
      { id: computed.run, dataset: 'brexit', model: 'indegree', kinds: null, startedAt: manifest.startedAt, finishedAt: manifest.finishedAt, cases: computed.cases.length },
    ]);
  });

  it('lens audit prints the run id; --run shows the same text and JSON again without recomputing; --runs lists runs', async () => {
    const before = auditRuns(db);
    const text = await lens(file, ['audit', '--dataset', 'brexit', '--model', 'indegree', '--kinds', 'score_jump,sense_conflict']);
    expect(text.code).toBe(0);
    const id = before + 1;
    expect(text.out.split('\n')[0]).toMatch(new RegExp(`^audit run ${id} of "brexit", .*: \\d+ cases of sense_conflict, score_jump; what-if indegree v1`));
    expect(text.out).toMatch(/^(sense_conflict|score_jump): /m);
    expect(auditRuns(db)).toBe(id);

    const again = await lens(file, ['audit', '--run', String(id)]);
    expect(again).toEqual(text);
    expect(auditRuns(db)).toBe(id);

    const json = await lens(file, ['audit', '--dataset', 'brexit', '--model', 'indegree', '--kinds', 'sense_conflict', '--json']);
    const computed = AuditOutput.parse(JSON.parse(json.out));
    expect(computed.run).toBe(id + 1);
    expect(computed.manifest.kinds).toEqual(['sense_conflict']);
    expect(computed.cases.length).toBe(3);
    expect(computed.manifest.counts).toEqual({ sense_conflict: 3 });
    const shown = await lens(file, ['audit', '--run', String(id + 1), '--json']);
    expect(JSON.parse(shown.out)).toEqual(JSON.parse(json.out));

    const list = await lens(file, ['audit', '--runs', '--dataset', 'brexit']);
    expect(list.out.split('\n')).toHaveLength(3);
    expect(list.out.split('\n')[1]).toMatch(new RegExp(`^\\s+${id}  brexit  what-if indegree  \\d+ cases of sense_conflict,score_jump  `));
    const missing = await lens(file, ['audit', '--run', '999']);
    expect(missing.code).not.toBe(0);
  });

  it('audit.latest is the newest run, and says when the dataset changed after it', async () => {
    const latest = await value(callService('audit.latest', { dataset: 'brexit' }, { db }));
    expect(latest!.run).toBe(auditRuns(db));
    expect(latest!.manifest.kinds).toEqual(['sense_conflict']);
    await value(callService('datasets.import', { paths: [path.join(datasetsDir, 'twitter-v2', 'two_tweets.jsonl')], dataset: 'brexit' }, { db }));
    const after = await value(callService('audit.latest', { dataset: 'brexit' }, { db }));
    expect(after!.stale).toEqual(['the dataset has changed since (files were added)']);
    expect({ ...after, stale: [] }).toEqual(latest);
  });

  it('a cancelled audit stores nothing', async () => {
    const before = auditRuns(db);
    const abort = new AbortController();
    const phases: string[] = [];
    const result = await callService('audit.cases', { dataset: 'brexit', model: 'indegree' }, {
      db,
      signal: abort.signal,
      onJobProgress: (progress) => {
        phases.push(progress.phase);
        abort.abort();
      },
    });
    expect(phases.length).toBeGreaterThan(0);
    expect(result).toMatchObject({ ok: false, error: { code: 'cancelled' } });
    expect(auditRuns(db)).toBe(before);
  });

  it('a failed audit (the worker runs out of memory) stores nothing', async () => {
    const before = auditRuns(db);
    const jobs = new JobHost({ maxHeapMb: 1 });
    const result = await callService('audit.cases', { dataset: 'brexit', model: 'indegree' }, { db, jobs });
    expect(result).toMatchObject({ ok: false, error: { message: expect.stringMatching(/memory/) } });
    expect(auditRuns(db)).toBe(before);
  });

  it('deleting the dataset deletes its audit runs', async () => {
    await value(callService('datasets.delete', { name: 'brexit' }, { db }));
    expect(auditRuns(db)).toBe(0);
  });
});

describe("a stored audit and minors' privacy", () => {
  it('withholds a minor at display unless show_minors, and the manifest never holds a handle or text', async () => {
    const { db } = tempDb();
    const user = (id: string, screen_name: string, description: string) => ({ id_str: id, screen_name, name: screen_name, description });
    const minor = user('2', 'kiddo', "I'm 15 | gamer");
    const adult = user('1', 'grownup', 'gardener');
    const tweet = (id: string, author: ReturnType<typeof user>, text: string, mention: ReturnType<typeof user>) => ({
      id_str: id,
      created_at: 'Tue Mar 24 10:39:12 +0000 2015',
      text,
      user: author,
      entities: { hashtags: [], user_mentions: [{ id_str: mention.id_str, screen_name: mention.screen_name }] },
    });
    const statuses = path.join(tempDir(), 'statuses.jsonl');
    fs.writeFileSync(statuses, [tweet('10', minor, 'secret recipe @grownup', adult), tweet('11', adult, 'hi @kiddo', minor)].map((t) => JSON.stringify(t)).join('\n'));
    await value(callService('datasets.import', { paths: [statuses], dataset: 'd' }, { db }));

    const computed = await value(callService('audit.cases', { dataset: 'd', kinds: ['minor'] }, { db }));
    expect(computed.cases.map((c) => c.accounts)).toEqual([[{ accountId: '2', handle: null }]]);
    const stored = db.prepare('SELECT manifest, cases FROM audit_runs WHERE id = ?').get(computed.run) as { manifest: string; cases: string };
    expect(stored.manifest).not.toMatch(/kiddo|I'm 15|secret recipe/);
    expect(stored.cases).toContain('"minor":true');

    const hidden = await value(callService('audit.run', { run: computed.run }, { db }));
    expect(hidden).toEqual(computed);
    expect(JSON.stringify(hidden)).not.toMatch(/kiddo|secret recipe/);
    const shown = await value(callService('audit.run', { run: computed.run, show_minors: true }, { db }));
    expect(shown.cases[0]!.accounts).toEqual([{ accountId: '2', handle: 'kiddo' }]);
    const latest = await value(callService('audit.latest', { dataset: 'd', show_minors: true }, { db }));
    expect(latest).toEqual(shown);
  });
});
