import path from 'node:path';
import { app, BrowserWindow, ipcMain } from 'electron';
import { registerIpc } from './ipc';
import { openDatabase } from './store/db';
import { resolveDbPath } from './store/paths';

/** The desktop shell: the renderer in a locked-down window, the services behind the preload bridge. */
function createWindow(): void {
  const window = new BrowserWindow({
    width: 1280,
    height: 800,
    title: 'Influence Lens',
    webPreferences: {
      preload: path.join(__dirname, '../preload/index.cjs'),
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
    },
  });
  window.webContents.setWindowOpenHandler(() => ({ action: 'deny' }));
  window.webContents.on('will-navigate', (event) => event.preventDefault());
  void window.loadFile(path.join(__dirname, '../renderer/index.html'));
}

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  void app.whenReady().then(() => {
    const db = openDatabase(resolveDbPath());
    registerIpc(ipcMain, db);
    createWindow();
    app.on('window-all-closed', () => {
      db.close();
      app.quit();
    });
  });
}
