import { EventEmitter } from 'node:events';
import { describe, expect, it, vi } from 'vitest';
import { CHANNELS } from '../../../src/shared/ipc-channels';
import { createClient, type Progress } from '../../../src/renderer/src/api/client';

/** Only the electron module is replaced: an ipcRenderer that is an event emitter, a contextBridge that records. */
const electron = vi.hoisted(() => ({
  exposed: new Map<string, unknown>(),
  invoked: [] as unknown[][],
  sent: [] as unknown[][],
}));
vi.mock('electron', async () => {
  const { EventEmitter: Emitter } = await import('node:events');
  const ipcRenderer = Object.assign(new Emitter(), {
    invoke: async (...args: unknown[]) => {
      electron.invoked.push(args);
      return { ok: true, value: [] };
    },
    send: (...args: unknown[]) => electron.sent.push(args),
  });
  return {
    ipcRenderer,
    contextBridge: { exposeInMainWorld: (key: string, api: unknown) => electron.exposed.set(key, api) },
    webUtils: { getPathForFile: (file: { name: string }) => `/picked/${file.name}` },
  };
});

type Bridge = {
  call(name: string, input: unknown, requestId: string): Promise<unknown>;
  onProgress(listener: (requestId: string, progress: unknown) => void): () => void;
  onMenu(listener: (action: string) => void): () => void;
  cancel(requestId: string): void;
  upload(file: { name: string }): Promise<unknown>;
};

const load = async () => {
  await import('../../../src/preload/index');
  const { ipcRenderer } = (await import('electron')) as unknown as { ipcRenderer: EventEmitter };
  return { bridge: electron.exposed.get('lens') as Bridge, ipcRenderer };
};

describe('the preload bridge', () => {
  it('exposes named functions only, never ipcRenderer', async () => {
    const { bridge } = await load();
    expect([...electron.exposed.keys()]).toEqual(['lens']);
    expect(Object.keys(bridge).sort()).toEqual(['call', 'cancel', 'onMenu', 'onProgress', 'upload']);
    for (const value of Object.values(bridge)) expect(typeof value).toBe('function');
  });

  it('calls and cancels over the lens channels, and names a picked file by its path', async () => {
    const { bridge } = await load();
    await bridge.call('datasets.list', {}, 'r1');
    bridge.cancel('r1');
    expect(electron.invoked).toContainEqual([CHANNELS.call, 'datasets.list', {}, 'r1']);
    expect(electron.sent).toContainEqual([CHANNELS.cancel, 'r1']);
    expect(await bridge.upload({ name: 'karate.csv' })).toEqual({ ok: true, value: { path: '/picked/karate.csv' } });
  });

  it('hands progress and menu actions to listeners without the IPC event, until they unsubscribe', async () => {
    const { bridge, ipcRenderer } = await load();
    const progress: unknown[][] = [];
    const unsubscribe = bridge.onProgress((...args) => progress.push(args));
    const menu: string[] = [];
    const stopMenu = bridge.onMenu((action) => menu.push(action));
    ipcRenderer.emit(CHANNELS.progress, { sender: 'ipc event' }, 'r1', { kind: 'job' });
    ipcRenderer.emit(CHANNELS.menu, { sender: 'ipc event' }, 'export-report');
    unsubscribe();
    stopMenu();
    ipcRenderer.emit(CHANNELS.progress, {}, 'r1', { kind: 'job' });
    ipcRenderer.emit(CHANNELS.menu, {}, 'export-report');
    expect(progress).toEqual([['r1', { kind: 'job' }]]);
    expect(menu).toEqual(['export-report']);
    expect(ipcRenderer.listenerCount(CHANNELS.progress) + ipcRenderer.listenerCount(CHANNELS.menu)).toBe(0);
  });
});

describe('the client over the bridge', () => {
  it('listens to progress only while a call that wants it runs, and routes it by request id', async () => {
    const { bridge, ipcRenderer } = await load();
    const client = createClient(bridge as Parameters<typeof createClient>[0]);
    await client.call('datasets.list', {});
    expect(ipcRenderer.listenerCount(CHANNELS.progress)).toBe(0);
    const seen: Progress[] = [];
    const pending = client.call('datasets.list', {}, { onProgress: (p) => seen.push(p) });
    expect(ipcRenderer.listenerCount(CHANNELS.progress)).toBe(1);
    const requestId = electron.invoked.at(-1)![3];
    ipcRenderer.emit(CHANNELS.progress, {}, 'someone-else', { kind: 'job', progress: { fraction: 0.1, phase: 'x' } });
    ipcRenderer.emit(CHANNELS.progress, {}, requestId, { kind: 'job', progress: { fraction: 0.5, phase: 'pagerank' } });
    expect(await pending).toEqual({ ok: true, value: [] });
    expect(seen).toEqual([{ kind: 'job', progress: { fraction: 0.5, phase: 'pagerank' } }]);
    expect(ipcRenderer.listenerCount(CHANNELS.progress)).toBe(0);
  });
});
