import fs from 'node:fs';
import path from 'node:path';
import type { MenuItemConstructorOptions } from 'electron';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CHANNELS } from '../../../src/shared/ipc-channels';
import { menuActions, menuTemplate } from '../../../src/main/desktop/menu';
import type { RendererTarget } from '../../../src/main/desktop/security';
import { startEngineProcess } from '../../../src/main/desktop/engine-process';
import { DesktopServices } from '../../../src/main/desktop/services';
import { callService } from '../../../src/main/services';
import { datasetsDir, tempDb } from '../../helpers';
import { engineProcessEntry, fakeUtilityFork, type FakeUtilityProcess } from './fake-utility';
import { FakeDialog, FakeWindow } from './fakes';

const karate = path.join(datasetsDir, 'karate', 'karate_club_weighted.csv');
const target: RendererTarget = { kind: 'file', file: '/app/out/renderer/index.html' };

/** The File menu item with this label, as Electron would build it. */
function fileItem(template: MenuItemConstructorOptions[], label: string): MenuItemConstructorOptions {
  const file = template.find((menu) => menu.label === 'File')!;
  return (file.submenu as MenuItemConstructorOptions[]).find((item) => item.label === label)!;
}

/** Clicks a menu item and waits for what it started (the handlers return their promise). */
const click = async (item: MenuItemConstructorOptions) => (item.click as unknown as () => Promise<void> | void)();

describe('the application menu', () => {
  let file: string;
  let dir: string;
  let forks: FakeUtilityProcess[];
  let services: DesktopServices;
  let window: FakeWindow;
  let dialog: FakeDialog;
  let quits: number;
  let template: MenuItemConstructorOptions[];

  // The real engine entry behind a fake utilityProcess, as the app forks it.
  beforeEach(async () => {
    const temp = tempDb();
    temp.db.close();
    ({ file, dir } = temp);
    const utility = fakeUtilityFork();
    forks = utility.forks;
    services = await DesktopServices.open((dbFile) => startEngineProcess(utility.fork, engineProcessEntry, dbFile), file);
    window = new FakeWindow();
    dialog = new FakeDialog(null);
    quits = 0;
    const actions = menuActions({ dialog, services, target, window: () => window, quit: () => quits++ });
    template = menuTemplate(actions, 'linux');
  });
  afterEach(async () => {
    await services.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('has File with Import, Open database, Export report and Quit, and the standard Edit and Window menus', () => {
    const file = template.find((menu) => menu.label === 'File')!;
    const labels = (file.submenu as MenuItemConstructorOptions[]).flatMap((item) => (item.label ? [item.label] : []));
    expect(labels).toEqual(['Import…', 'Open database…', 'Export report…', 'Quit']);
    expect(template.map((menu) => menu.role ?? menu.label)).toEqual(['File', 'editMenu', 'windowMenu']);
    expect(menuTemplate(menuActions({ dialog, services, target, window: () => window, quit: () => {} }), 'darwin')[0]!.role).toBe('appMenu');
  });

  it('Import… imports the chosen files into the dataset the CLI would name, then shows it', async () => {
    dialog.answer = [karate];
    await click(fileItem(template, 'Import…'));
    expect(dialog.opened[0]!.properties).toEqual(['openFile', 'multiSelections']);
    const shown = await services.call('datasets.show', { name: 'karate_club_weighted' }, 'r-show');
    expect(shown.ok && shown.value.accounts).toBe(34);
    expect(window.progress.at(-1)).toBe(-1);
    expect(window.progress.slice(0, -1).every((p) => p > 0 && p <= 1)).toBe(true);
    expect(window.loads).toEqual([`${target.file}#/datasets?dataset=karate_club_weighted`]);
    expect(dialog.errors).toEqual([]);
  });

  it('Import… does nothing when the dialog is cancelled, and shows a failed import in an error box', async () => {
    await click(fileItem(template, 'Import…'));
    const bad = path.join(dir, 'notes.txt');
    fs.writeFileSync(bad, '\u0000\u0001 not a dataset\n');
    dialog.answer = [bad];
    await click(fileItem(template, 'Import…'));
    expect(dialog.errors).toHaveLength(1);
    expect(dialog.errors[0]!.title).toBe('Import failed');
    expect(window.loads).toEqual([]);
    expect(await services.call('datasets.list', {}, 'r-list')).toEqual({ ok: true, value: [] });
  });

  it('Open database… stops the engine on the current database and makes every later call use an engine on the chosen one', async () => {
    const other = tempDb();
    await callService('datasets.import', { paths: [karate], dataset: 'elsewhere' }, { db: other.db });
    other.db.close();
    dialog.answer = [other.file];
    await click(fileItem(template, 'Open database…'));
    expect(forks.map((fork) => [fork.args, fork.killed])).toEqual([[[`--lens-db=${file}`], true], [[`--lens-db=${other.file}`], false]]);
    expect(services.database).toBe(other.file);
    const list = await services.call('datasets.list', {}, 'r1');
    expect(list.ok && (list.value as { dataset: { name: string } }[]).map((d) => d.dataset.name)).toEqual(['elsewhere']);
    expect(window.title).toBe('Influence Lens - workbench.sqlite');
    expect(window.loads).toEqual([`${target.file}#/datasets`]);
    fs.rmSync(other.dir, { recursive: true, force: true });
  });

  it('Open database… keeps the current database when the chosen file cannot be opened', async () => {
    const bad = path.join(dir, 'not-sqlite.sqlite');
    fs.writeFileSync(bad, 'this is not a database, it is plain text of some length'.repeat(20));
    dialog.answer = [bad];
    await click(fileItem(template, 'Open database…'));
    expect(dialog.errors.map((e) => e.title)).toEqual(['Could not open the database']);
    expect(services.database).toBe(file);
    // The engine that could not open the file is stopped; the first one still answers.
    expect(forks.map((fork) => fork.killed)).toEqual([false, true]);
    expect(await services.call('datasets.list', {}, 'r-after')).toEqual({ ok: true, value: [] });
  });

  it('Export report… asks the page to export, and Quit quits', async () => {
    await click(fileItem(template, 'Export report…'));
    expect(window.webContents.sent).toEqual([[CHANNELS.menu, 'export-report']]);
    await click(fileItem(template, 'Quit'));
    expect(quits).toBe(1);
  });
});
