import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CHANNELS } from '../../../src/shared/ipc-channels';
import { isRendererUrl, trustedSender, type RendererTarget } from '../../../src/main/desktop/security';
import { startEngineProcess } from '../../../src/main/desktop/engine-process';
import { DesktopServices } from '../../../src/main/desktop/services';
import { registerIpc } from '../../../src/main/ipc';
import { datasetsDir, tempDb } from '../../helpers';
import { engineProcessEntry, fakeUtilityFork } from './fake-utility';
import { FakeContents, FakeIpcMain, frameEvent } from './fakes';

const karate = path.join(datasetsDir, 'karate', 'karate_club_weighted.csv');
const target: RendererTarget = { kind: 'file', file: '/app/out/renderer/index.html' };
const ourUrl = `${pathToFileURL(target.file).href}#/datasets?dataset=x`;

describe('the IPC handlers', () => {
  let ipc: FakeIpcMain;
  let ours: FakeContents;
  let services: DesktopServices;
  let dir: string;

  // The real engine entry behind a fake utilityProcess: every call below crosses to it and back as messages.
  beforeEach(async () => {
    const temp = tempDb();
    temp.db.close();
    dir = temp.dir;
    ipc = new FakeIpcMain();
    ours = new FakeContents();
    const { fork } = fakeUtilityFork();
    services = await DesktopServices.open((file) => startEngineProcess(fork, engineProcessEntry, file), temp.file);
    registerIpc(ipc, services, trustedSender(target, (contents) => contents === ours));
  });
  afterEach(async () => {
    await services.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  const call = (name: unknown, input: unknown, requestId: unknown = 'r1', event = frameEvent(ours, ourUrl)) =>
    ipc.invoke(event, CHANNELS.call, name, input, requestId) as Promise<{ ok: boolean; value?: unknown; error?: { code: string; message: string } }>;

  it('answers our page with the real services', async () => {
    expect(await call('datasets.list', {})).toEqual({ ok: true, value: [] });
  });

  it('refuses a frame at another URL, another web contents, and a frame that is gone', async () => {
    const foreign = [
      frameEvent(ours, 'https://evil.example/#/datasets'),
      frameEvent(ours, 'file:///tmp/other/index.html'),
      frameEvent(new FakeContents(), ourUrl),
      frameEvent(ours, null),
    ];
    for (const event of foreign) {
      const result = await call('datasets.list', {}, 'r1', event);
      expect(result).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    }
  });

  it('returns bad names, inputs and request ids as data', async () => {
    expect(await call('datasets.nope', {})).toMatchObject({ ok: false, error: { code: 'not_found' } });
    expect(await call('toString', {})).toMatchObject({ ok: false, error: { code: 'not_found' } });
    expect(await call('datasets.show', { name: 42 })).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    expect(await call('datasets.import', { paths: [] })).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    expect(await call('datasets.list', {}, { not: 'an id' })).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
  });

  it('sends progress to the web contents that asked, tagged with its request id', async () => {
    const result = await call('datasets.import', { paths: [karate], dataset: 'karate' }, 'r-import');
    expect(result.ok).toBe(true);
    expect(ours.sent.length).toBeGreaterThan(0);
    for (const [channel, requestId, payload] of ours.sent) {
      expect(channel).toBe(CHANNELS.progress);
      expect(requestId).toBe('r-import');
      expect(payload).toMatchObject({ kind: 'import', progress: { file: karate, bytesTotal: fs.statSync(karate).size } });
    }
  });

  it('cancels a call by its request id, and only for our page', async () => {
    const pending = call('datasets.import', { paths: [karate], dataset: 'karate' }, 'r-cancel');
    ipc.send(frameEvent(new FakeContents(), ourUrl), CHANNELS.cancel, 'r-cancel');
    ipc.send(frameEvent(ours, ourUrl), CHANNELS.cancel, 'r-cancel');
    expect(await pending).toMatchObject({ ok: false, error: { code: 'cancelled' } });
    expect(await call('datasets.list', {})).toEqual({ ok: true, value: [] });
  });

  it('refuses a request id that is already running', async () => {
    const first = call('datasets.import', { paths: [karate], dataset: 'karate' }, 'r-same');
    expect(await call('datasets.list', {}, 'r-same')).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    expect((await first).ok).toBe(true);
  });
});

describe('the renderer URL check', () => {
  it('accepts any route of the built page, and nothing beside it', () => {
    expect(isRendererUrl(ourUrl, target)).toBe(true);
    expect(isRendererUrl('file:///app/out/renderer/other.html', target)).toBe(false);
    expect(isRendererUrl('not a url', target)).toBe(false);
  });

  it('accepts the dev server origin only', () => {
    const dev: RendererTarget = { kind: 'dev', url: 'http://localhost:5173' };
    expect(isRendererUrl('http://localhost:5173/#/runs', dev)).toBe(true);
    expect(isRendererUrl('http://localhost:5174/', dev)).toBe(false);
    expect(isRendererUrl(ourUrl, dev)).toBe(false);
  });
});
