import type { DialogLike, WindowLike } from './types';

/** The files to import (formats are detected from content, so every file is offered); null when cancelled. */
export async function pickImportFiles<W extends WindowLike>(dialog: DialogLike<W>, window: W): Promise<string[] | null> {
  const picked = await dialog.showOpenDialog(window, {
    title: 'Import files',
    buttonLabel: 'Import',
    properties: ['openFile', 'multiSelections'],
    filters: [
      { name: 'Data files', extensions: ['csv', 'tsv', 'txt', 'json', 'jsonl', 'gexf', 'graphml', 'xml', 'edgelist', 'edges'] },
      { name: 'All files', extensions: ['*'] },
    ],
  });
  return picked.canceled || picked.filePaths.length === 0 ? null : picked.filePaths;
}

/** A workbench database to switch to; null when cancelled. */
export async function pickDatabase<W extends WindowLike>(dialog: DialogLike<W>, window: W): Promise<string | null> {
  const picked = await dialog.showOpenDialog(window, {
    title: 'Open database',
    buttonLabel: 'Open',
    properties: ['openFile'],
    filters: [
      { name: 'Workbench database', extensions: ['sqlite', 'sqlite3', 'db'] },
      { name: 'All files', extensions: ['*'] },
    ],
  });
  return picked.canceled ? null : (picked.filePaths[0] ?? null);
}
