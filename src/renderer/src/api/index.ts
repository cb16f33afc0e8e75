import { createClient, type LensClient, type Transport } from './client';
import { httpTransport } from './http-transport';

/** What the application menu asks of the page (main's desktop/channels.ts; the renderer may not import main). */
export type MenuAction = 'export-report';

declare global {
  interface Window {
    /** The Electron preload bridge, absent in the browser mode; only the window has a menu. */
    lens?: Transport & { onMenu(listener: (action: MenuAction) => void): () => void };
  }
}

/** The same client in both modes: the preload bridge in the Electron window, HTTP in the browser. */
export const client: LensClient = createClient(window.lens ?? httpTransport());
export type { Input, Output, Progress } from './client';
