import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHANNELS } from '../../../src/shared/ipc-channels';
import { startEngineProcess } from '../../../src/main/desktop/engine-process';
import { trustedSender, type RendererTarget } from '../../../src/main/desktop/security';
import { DesktopServices } from '../../../src/main/desktop/services';
import { registerIpc } from '../../../src/main/ipc';
import { callService } from '../../../src/main/services';
import { datasetsDir, tempDb, tempDir } from '../../helpers';
import { engineProcessEntry, fakeUtilityFork, type FakeUtilityProcess } from './fake-utility';
import { FakeContents, FakeIpcMain, frameEvent } from './fakes';

const congress = path.join(datasetsDir, 'congress-twitter', 'congress_network_data.json');
const target: RendererTarget = { kind: 'file', file: '/app/out/renderer/index.html' };
const ourUrl = `${pathToFileURL(target.file).href}#/runs`;

type Answer = { ok: boolean; value?: unknown; error?: { code: string; message: string } };

/** The desktop transport end to end: IPC handlers, DesktopServices, the real engine entry behind a fake utilityProcess. */
describe('the engine in a utilityProcess, through the IPC handlers', () => {
  let dir: string;
  let file: string;
  let services: DesktopServices;
  let forks: FakeUtilityProcess[];
  const ipc = new FakeIpcMain();
  const ours = new FakeContents();
  const call = (name: string, input: unknown, requestId: string) =>
    ipc.invoke(frameEvent(ours, ourUrl), CHANNELS.call, name, input, requestId) as Promise<Answer>;
  const progressOf = (requestId: string) => ours.sent.filter(([, id]) => id === requestId).map(([, , payload]) => payload as { kind: string });

  beforeAll(async () => {
    const temp = tempDb();
    ({ dir, file } = temp);
    // The fixture is written before any engine runs; from here on only the engine process opens the file.
    const imported = await callService('datasets.import', { paths: [congress], dataset: 'congress', edges: 'influence' }, { db: temp.db });
    expect(imported.ok).toBe(true);
    temp.db.close();
    const utility = fakeUtilityFork();
    forks = utility.forks;
    services = await DesktopServices.open((dbFile) => startEngineProcess(utility.fork, engineProcessEntry, dbFile), file);
    registerIpc(ipc, services, trustedSender(target, (contents) => contents === ours));
  });
  afterAll(async () => {
    await services.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('scores in the engine process and relays the job progress to the window that asked', async () => {
    const scored = await call('runs.score', { dataset: 'congress', model: 'pagerank' }, 'r-score');
    expect(scored).toMatchObject({ ok: true, value: { run: { model: 'pagerank' }, accounts_scored: 475 } });
    const progress = progressOf('r-score');
    expect(progress.length).toBeGreaterThan(0);
    expect(progress.every((p) => p.kind === 'job')).toBe(true);
    expect(forks).toHaveLength(1);
  });

  it('cancels a long scoring job in the engine by its request id, and stores no run', async () => {
    const before = await call('runs.list', {}, 'r-before');
    // A hundred thousand cascades per account: minutes of work unless cancelled (as cli-cancel.test.ts).
    const pending = call('runs.score', { dataset: 'congress', model: 'spread', params: { runs: 100000, probability: 0.2 } }, 'r-long');
    const started = Date.now();
    while (progressOf('r-long').length === 0 && Date.now() - started < 30_000) await new Promise((resolve) => setTimeout(resolve, 20));
    ipc.send(frameEvent(ours, ourUrl), CHANNELS.cancel, 'r-long');
    expect(await pending).toMatchObject({ ok: false, error: { code: 'cancelled' } });
    expect(Date.now() - started).toBeLessThan(30_000);
    expect(await call('runs.list', {}, 'r-after')).toEqual(before);
  });

  it('returns the engine\'s errors as data: a bad input and an unknown dataset', async () => {
    expect(await call('runs.score', { dataset: 'congress' }, 'r-bad')).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    expect(await call('datasets.show', { name: 'nope' }, 'r-missing')).toMatchObject({ ok: false, error: { code: 'not_found' } });
  });
});

describe('an engine process that cannot start or dies', () => {
  it('a file that is not a database: opening fails with why, and the forked engine is stopped', async () => {
    const bad = path.join(tempDir(), 'plain.sqlite');
    fs.writeFileSync(bad, 'not a database, only text '.repeat(40));
    const { fork, forks } = fakeUtilityFork();
    await expect(DesktopServices.open((dbFile) => startEngineProcess(fork, engineProcessEntry, dbFile), bad)).rejects.toThrow(/not a database/);
    expect(forks.map((f) => f.killed)).toEqual([true]);
  });

  it('a crash of the engine process settles the calls in flight with an error, and the next ones too', async () => {
    const temp = tempDb();
    temp.db.close();
    const { fork, forks } = fakeUtilityFork();
    const services = await DesktopServices.open((dbFile) => startEngineProcess(fork, engineProcessEntry, dbFile), temp.file);
    const imported = services.call('datasets.import', { paths: [congress], dataset: 'congress' }, 'r-import');
    // The process goes away without being asked to (a crash, not kill()).
    await forks[0]!.worker.terminate();
    expect(await imported).toMatchObject({ ok: false, error: { code: 'internal', message: expect.stringMatching(/engine stopped: its process exited/) } });
    expect(await services.call('datasets.list', {}, 'r-next')).toMatchObject({ ok: false, error: { code: 'internal' } });
    await services.close();
    fs.rmSync(temp.dir, { recursive: true, force: true });
  });
});
