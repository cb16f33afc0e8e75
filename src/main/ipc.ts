import type { IpcMain, WebContents } from 'electron';
import { api, type ApiName } from '../shared/api';
import { JobHost } from './jobs/host';
import { callService } from './services';
import type { Db } from './store/db';

/**
 * The Electron transport of the API contract: one handler for every call, validated by callService like the
 * HTTP server's, progress sent back to the window that asked, cancel by request id.
 */
export function registerIpc(ipcMain: IpcMain, db: Db): void {
  const jobs = new JobHost();
  const running = new Map<string, AbortController>();
  const progress = (sender: WebContents, requestId: string, kind: 'import' | 'job') => (value: unknown) => {
    if (!sender.isDestroyed()) sender.send('lens:progress', requestId, { kind, progress: value });
  };
  ipcMain.handle('lens:call', async (event, name: unknown, input: unknown, requestId: unknown) => {
    if (typeof name !== 'string' || !(name in api)) {
      return { ok: false, error: { code: 'not_found', message: `no API call "${String(name)}"` } };
    }
    const id = String(requestId);
    const abort = new AbortController();
    running.set(id, abort);
    try {
      return await callService(name as ApiName, input, {
        db,
        jobs,
        signal: abort.signal,
        onProgress: progress(event.sender, id, 'import'),
        onJobProgress: progress(event.sender, id, 'job'),
      });
    } finally {
      running.delete(id);
    }
  });
  ipcMain.on('lens:cancel', (_event, requestId: unknown) => running.get(String(requestId))?.abort());
}
