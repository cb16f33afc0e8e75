import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { resolveDbPath, userDataDir } from '../../src/main/store/paths';

describe('database location', () => {
  it('defaults to the per-user app data folder of each platform', () => {
    expect(userDataDir({}, 'linux')).toBe(path.join(os.homedir(), '.local/share/influence-lens'));
    expect(userDataDir({ XDG_DATA_HOME: '/x' }, 'linux')).toBe('/x/influence-lens');
    expect(userDataDir({}, 'darwin')).toBe(path.join(os.homedir(), 'Library/Application Support/influence-lens'));
    expect(userDataDir({ APPDATA: 'C:/Users/u/AppData/Roaming' }, 'win32')).toBe(path.join('C:/Users/u/AppData/Roaming', 'influence-lens'));
    expect(resolveDbPath(undefined, {})).toBe(path.join(userDataDir({}), 'workbench.sqlite'));
  });

  it('--db wins over INFLUENCE_LENS_DB, which wins over the default', () => {
    expect(resolveDbPath('/tmp/a.sqlite', { INFLUENCE_LENS_DB: '/tmp/b.sqlite' })).toBe('/tmp/a.sqlite');
    expect(resolveDbPath(undefined, { INFLUENCE_LENS_DB: '/tmp/b.sqlite' })).toBe('/tmp/b.sqlite');
  });
});
