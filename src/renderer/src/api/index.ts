import type { MenuAction } from '../../../shared/ipc-channels';
import { createClient, type LensClient, type Transport } from './client';
import { httpTransport } from './http-transport';

declare global {
  interface Window {
    /** The Electron preload bridge, absent in the browser mode; only the window has a menu. */
    lens?: Transport & { onMenu(listener: (action: MenuAction) => void): () => void };
  }
}

/** The same client in both modes: the preload bridge in the Electron window, HTTP in the browser. */
export const client: LensClient = createClient(window.lens ?? httpTransport());
export type { Input, Output, Progress } from './client';
