import os from 'node:os';
import path from 'node:path';

/** The per-user app data folder, as Electron's app.getPath('userData') would place it on each platform. */
export function userDataDir(env: NodeJS.ProcessEnv = process.env, platform = process.platform): string {
  const home = os.homedir();
  if (platform === 'win32') return path.join(env.APPDATA ?? path.join(home, 'AppData', 'Roaming'), 'influence-lens');
  if (platform === 'darwin') return path.join(home, 'Library', 'Application Support', 'influence-lens');
  return path.join(env.XDG_DATA_HOME ?? path.join(home, '.local', 'share'), 'influence-lens');
}

/** `--db PATH` wins, then INFLUENCE_LENS_DB, then the app data folder. */
export function resolveDbPath(explicit?: string, env: NodeJS.ProcessEnv = process.env): string {
  if (explicit) return path.resolve(explicit);
  if (env.INFLUENCE_LENS_DB) return path.resolve(env.INFLUENCE_LENS_DB);
  return path.join(userDataDir(env), 'workbench.sqlite');
}
