import { contextBridge, ipcRenderer, webUtils, type IpcRendererEvent } from 'electron';
import type { ApiName } from '../shared/api';
import { CHANNELS, type MenuAction } from '../shared/ipc-channels';

type ProgressListener = (requestId: string, progress: unknown) => void;

/** Subscribes to a channel and returns the unsubscribe; the page never sees ipcRenderer or the IPC event. */
function subscribe<A extends unknown[]>(channel: string, listener: (...args: A) => void): () => void {
  const forward = (_event: IpcRendererEvent, ...args: unknown[]) => listener(...(args as A));
  ipcRenderer.on(channel, forward);
  return () => {
    ipcRenderer.removeListener(channel, forward);
  };
}

/**
 * The narrow, named API the renderer sees: the contract's calls by name (main checks the name, the sender and the
 * input), their progress, cancel, menu actions, and the path of a file the user picked or dropped (the window
 * imports files where they are, so nothing is uploaded). Only type imports from the contract: a sandboxed preload
 * cannot load zod.
 */
const lens = {
  call: (name: ApiName, input: unknown, requestId: string) => ipcRenderer.invoke(CHANNELS.call, name, input, requestId),
  onProgress: (listener: ProgressListener) => subscribe(CHANNELS.progress, listener),
  cancel: (requestId: string) => ipcRenderer.send(CHANNELS.cancel, requestId),
  onMenu: (listener: (action: MenuAction) => void) => subscribe(CHANNELS.menu, listener),
  upload: async (file: File) => ({ ok: true as const, value: { path: webUtils.getPathForFile(file) } }),
};

contextBridge.exposeInMainWorld('lens', lens);
