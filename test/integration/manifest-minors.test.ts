import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { defaultIo, runCli, type CliIo } from '../../src/main/cli';
import { datasetsDir, tempDb } from '../helpers';
import { call } from '../run-helpers';

/**
 * Manifests travel with exports and reports: the accounts excluded as likely minors are counted, listed by platform
 * id only when the run asks, and never by handle. On the real pages, whose two such bios the labeller read
 * (test/fixtures/audit-labels): "Heller | Minor | ..." (flat.jsonl) and "17 — ..." (kpop.jsonl).
 */
describe('run manifests and minors', () => {
  const { db, file } = tempDb();
  const minors = ['1359750175183540224', '1697008537'];

  it('count the excluded minors and withhold their ids and handles unless asked', async () => {
    const files = ['flat.jsonl', 'kpop.jsonl'].map((file) => path.join(datasetsDir, 'twitter-v2', file));
    await call(db, 'datasets.import', { paths: files, dataset: 'pages' });
    const handles = db.prepare(`SELECT handle FROM accounts WHERE platform_id IN (${minors.map(() => '?').join(',')})`).pluck().all(...minors) as string[];
    expect(handles.filter(Boolean)).toHaveLength(2);

    const plain = await call(db, 'runs.score', { dataset: 'pages', model: 'indegree' });
    const manifest = (await call(db, 'runs.show', { run: plain.run.id })).manifest;
    expect(manifest.excluded).toEqual({ minors: 2, accounts: [] });
    const text = JSON.stringify(manifest);
    for (const secret of [...minors, ...handles]) expect(text).not.toContain(secret);

    const asked = await call(db, 'runs.score', { dataset: 'pages', model: 'indegree', record_minor_ids: true });
    const listed = (await call(db, 'runs.show', { run: asked.run.id })).manifest;
    expect(listed.excluded.accounts.map((a) => a.accountId).sort()).toEqual(minors);
    for (const handle of handles) expect(JSON.stringify(listed)).not.toContain(handle);
  });

  it('lens score asks for the ids with --record-minor-ids', async () => {
    const lines: string[] = [];
    const io: CliIo = { ...defaultIo, out: (text) => lines.push(text), err: () => undefined };
    expect(await runCli(['score', '--dataset', 'pages', '--model', 'indegree', '--record-minor-ids', '--json', '--db', file], io)).toBe(0);
    const { run } = JSON.parse(lines.join('\n')) as { run: { id: number } };
    const manifest = (await call(db, 'runs.show', { run: run.id })).manifest;
    expect(manifest.excluded.accounts.map((a) => a.accountId).sort()).toEqual(minors);
  });
});
