import { contextBridge, ipcRenderer, webUtils } from 'electron';

type ProgressListener = (requestId: string, progress: unknown) => void;

/**
 * The narrow, named API the renderer sees: the API contract's calls by name, their progress, cancel, and the path
 * of a file the user picked or dropped (the window imports files where they are, so nothing is uploaded).
 */
const lens = {
  call: (name: string, input: unknown, requestId: string) => ipcRenderer.invoke('lens:call', name, input, requestId),
  onProgress: (listener: ProgressListener) => {
    ipcRenderer.on('lens:progress', (_event, requestId: string, progress: unknown) => listener(requestId, progress));
  },
  cancel: (requestId: string) => ipcRenderer.send('lens:cancel', requestId),
  upload: async (file: File) => ({ ok: true, value: { path: webUtils.getPathForFile(file) } }),
};

contextBridge.exposeInMainWorld('lens', lens);

export type LensBridge = typeof lens;
