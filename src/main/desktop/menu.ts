import path from 'node:path';
import type { MenuItemConstructorOptions } from 'electron';
import type { ImportProgress } from '../../shared/api';
import { CHANNELS, type MenuAction } from '../../shared/ipc-channels';
import { pickDatabase, pickImportFiles } from './dialogs';
import type { RendererTarget } from './security';
import type { DesktopServices } from './services';
import type { DialogLike, WindowLike } from './types';
import { showView } from './window';

export interface MenuDeps<W extends WindowLike> {
  dialog: DialogLike<W>;
  services: DesktopServices;
  target: RendererTarget;
  /** The workbench window, if it is open. */
  window: () => W | null;
  quit: () => void;
}

export interface MenuActions {
  importFiles(): Promise<void>;
  openDatabase(): Promise<void>;
  exportReport(): void;
  quit(): void;
}

let importSequence = 0;

const fraction = (p: ImportProgress) => (p.fileIndex + (p.bytesTotal > 0 ? p.bytesRead / p.bytesTotal : 1)) / Math.max(1, p.fileCount);

/** What the File menu does. Failures are shown in a native error box; none escapes as an exception. */
export function menuActions<W extends WindowLike>({ dialog, services, target, window, quit }: MenuDeps<W>): MenuActions {
  const guarded = (title: string, action: (win: W) => Promise<void>) => async () => {
    const win = window();
    if (!win) return;
    try {
      await action(win);
    } catch (error) {
      dialog.showErrorBox(title, (error as Error).message);
    }
  };
  return {
    // The engine imports the chosen files into the dataset the CLI would name (the service's default for no
    // name), progress on the window's taskbar button, then the page reloaded at that dataset so every list shows it.
    importFiles: guarded('Import failed', async (win) => {
      const paths = await pickImportFiles(dialog, win);
      if (!paths) return;
      const result = await services.call('datasets.import', { paths }, `menu-import-${++importSequence}`, {
        onProgress: (progress) => win.setProgressBar(fraction(progress)),
      });
      win.setProgressBar(-1);
      if (!result.ok) throw new Error(result.error.message);
      const dataset = result.value.totals.dataset.name;
      await showView(win, target, `datasets?dataset=${encodeURIComponent(dataset)}`);
    }),
    openDatabase: guarded('Could not open the database', async (win) => {
      const file = await pickDatabase(dialog, win);
      if (!file) return;
      await services.switchDatabase(file);
      win.setTitle(`Influence Lens - ${path.basename(file)}`);
      await showView(win, target, 'datasets');
    }),
    // The page builds the report of the account or case on screen and downloads it, exactly as its own Export
    // report button does; Electron asks where to save it with the native save dialog.
    exportReport: () => {
      const win = window();
      const action: MenuAction = 'export-report';
      if (win && !win.webContents.isDestroyed()) win.webContents.send(CHANNELS.menu, action);
    },
    quit,
  };
}

/** The application menu: File with the workbench's actions, the standard Edit and Window menus (copy, paste, close). */
export function menuTemplate(actions: MenuActions, platform: NodeJS.Platform = process.platform): MenuItemConstructorOptions[] {
  const file: MenuItemConstructorOptions = {
    label: 'File',
    submenu: [
      { label: 'Import…', accelerator: 'CmdOrCtrl+I', click: () => actions.importFiles() },
      { label: 'Open database…', accelerator: 'CmdOrCtrl+O', click: () => actions.openDatabase() },
      { label: 'Export report…', accelerator: 'CmdOrCtrl+E', click: () => actions.exportReport() },
      { type: 'separator' },
      { label: 'Quit', accelerator: 'CmdOrCtrl+Q', click: () => actions.quit() },
    ],
  };
  // On macOS the first menu is always the application's own.
  return [...(platform === 'darwin' ? [{ role: 'appMenu' } as const] : []), file, { role: 'editMenu' }, { role: 'windowMenu' }];
}
