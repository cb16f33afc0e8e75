import type { RendererTarget } from './security';
import type { WindowConstructor, WindowLike } from './types';

/**
 * The workbench window. The page gets no Node: context isolation, the Chromium sandbox, no node integration, web
 * security on; it reaches the services only through the preload's named bridge.
 */
export function createMainWindow<W extends WindowLike>(BrowserWindow: WindowConstructor<W>, preload: string): W {
  return new BrowserWindow({
    width: 1400,
    height: 900,
    title: 'Influence Lens',
    backgroundColor: '#ffffff',
    webPreferences: {
      preload,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
    },
  });
}

/**
 * Loads the page at one of its hash routes (`datasets?dataset=karate`). Loading afresh, rather than asking the
 * page to navigate, is how the menu refreshes it after an import or a database switch: every view reads anew.
 */
export function showView(window: WindowLike, target: RendererTarget, route: string): Promise<void> {
  if (target.kind === 'file') return window.loadFile(target.file, { hash: `/${route}` });
  return window.loadURL(`${target.url}#/${route}`);
}

/** A second launch brings the running window to the front instead of opening another workbench. */
export function focusWindow(window: WindowLike | null): void {
  if (!window || window.isDestroyed()) return;
  if (window.isMinimized()) window.restore();
  window.focus();
}
