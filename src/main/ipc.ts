import { api, type ApiName } from '../shared/api';
import type { Result } from '../shared/domain';
import { CHANNELS } from '../shared/ipc-channels';
import type { DesktopServices } from './desktop/services';
import type { IpcMainLike, SenderEvent } from './desktop/types';

/** Request ids are the client's own (`r<time>-<n>`); anything else is not from our page. */
const REQUEST_ID = /^[\w-]{1,64}$/;

const refused = (message: string): Result<never> => ({ ok: false, error: { code: 'invalid_input', message } });

/**
 * The Electron transport of the API contract, the twin of the browser mode's POST /api/call: every call checked
 * for its sender and its name looked up in the contract here, then forwarded with its request id to the engine's
 * utilityProcess, where callService validates the input; every answer - failures included - is returned as data.
 * Progress goes back to the web contents that asked, tagged with the request id; cancel takes the same id.
 */
export function registerIpc(ipcMain: IpcMainLike, services: DesktopServices, trusted: (event: SenderEvent) => boolean): void {
  ipcMain.handle(CHANNELS.call, async (event, name, input, requestId) => {
    if (!trusted(event)) return refused('this call did not come from the workbench window');
    if (typeof name !== 'string' || !Object.hasOwn(api, name)) {
      return { ok: false, error: { code: 'not_found', message: `no API call "${String(name)}"` } };
    }
    if (typeof requestId !== 'string' || !REQUEST_ID.test(requestId) || services.isRunning(requestId)) {
      return refused('a call needs a request id of its own');
    }
    const send = (kind: 'import' | 'job') => (progress: unknown) => {
      if (!event.sender.isDestroyed()) event.sender.send(CHANNELS.progress, requestId, { kind, progress });
    };
    return services.call(name as ApiName, input, requestId, { onProgress: send('import'), onJobProgress: send('job') });
  });
  ipcMain.on(CHANNELS.cancel, (event, requestId) => {
    if (trusted(event) && typeof requestId === 'string') services.cancel(requestId);
  });
}
