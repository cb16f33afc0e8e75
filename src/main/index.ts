import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { app, BrowserWindow, dialog, ipcMain, Menu, session, utilityProcess } from 'electron';
import { startEngineProcess } from './desktop/engine-process';
import { menuActions, menuTemplate } from './desktop/menu';
import { appPaths, useElectronSqlite } from './desktop/paths';
import { guardContents, guardSession, trustedSender } from './desktop/security';
import { DesktopServices } from './desktop/services';
import type { UtilityForkLike, UtilityProcessLike } from './desktop/types';
import { createMainWindow, focusWindow, showView } from './desktop/window';
import { loadDemoData } from './engine/demo';
import { registerIpc } from './ipc';
import { resolveDbPath } from './store/paths';

/**
 * The desktop shell: one instance, one locked-down window, and the same services as the CLI and the browser mode
 * behind the preload bridge, run by the engine in a utilityProcess that owns the database (this process never
 * opens it). The wiring lives in ./desktop, where it is unit-tested with fakes of these Electron objects (and a
 * real engine behind the fake utilityProcess); this file only hands the real ones in.
 */
const paths = appPaths(path.dirname(fileURLToPath(import.meta.url)), process.env, app.isPackaged);
let mainWindow: BrowserWindow | null = null;

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  app.enableSandbox();
  guardContents(app);
  app.on('second-instance', () => focusWindow(mainWindow));
  app.whenReady().then(start, (error: Error) => fail(error));
}

async function start(): Promise<void> {
  try {
    guardSession(session.defaultSession, paths.target);
    useElectronSqlite(process.env, { packaged: app.isPackaged, resourcesPath: process.resourcesPath, appRoot: paths.appRoot });
    // Electron's UtilityProcess is an event emitter with more events than the engine listens to.
    const fork: UtilityForkLike = (modulePath, args, options) => utilityProcess.fork(modulePath, args, options) as UtilityProcessLike;
    const services = await DesktopServices.open((file) => startEngineProcess(fork, paths.engineProcess, file), resolveDbPath());
    registerIpc(ipcMain, services, trustedSender(paths.target, (contents) => mainWindow?.webContents === contents));
    const actions = menuActions<BrowserWindow>({ dialog, services, target: paths.target, window: () => mainWindow, quit: () => app.quit() });
    Menu.setApplicationMenu(Menu.buildFromTemplate(menuTemplate(actions)));
    app.on('window-all-closed', () => app.quit());
    app.on('will-quit', () => void services.close());

    // The window shows at once; the page loads after the first start's demo data, so it never sees half of it.
    const window = createMainWindow(BrowserWindow, paths.preload);
    mainWindow = window;
    window.on('closed', () => (mainWindow = null));
    await loadDemoData(services.engine, { log: console.error });
    // The Start screen: what is loaded and what to look at first, each one click away (issue 16).
    await showView(window, paths.target, 'start');
  } catch (error) {
    fail(error as Error);
  }
}

/** A start that cannot go on (the database cannot be opened, the demo data fails) is reported, then the app ends. */
function fail(error: Error): void {
  dialog.showErrorBox('Influence Lens could not start', error.message);
  app.exit(1);
}
