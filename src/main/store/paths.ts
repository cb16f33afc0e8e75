import os from 'node:os';
import path from 'node:path';

/** The per-user app data folder, as Electron's app.getPath('userData') would place it on each platform. */
export function userDataDir(env: NodeJS.ProcessEnv = process.env, platform = process.platform): string {
  const home = os.homedir();
  if (platform === 'win32') return path.join(env.APPDATA ?? path.join(home, 'AppData', 'Roaming'), 'influence-lens');
  if (platform === 'darwin') return path.join(home, 'Library', 'Application Support', 'influence-lens');
  return path.join(env.XDG_DATA_HOME ?? path.join(home, '.local', 'share'), 'influence-lens');
}

/**
 * The pseudonym key: one per user, in the app data folder and never in a database (docs/PRIVACY.md), so a
 * database shared alone cannot be reversed by hashing candidate handles.
 */
export function pseudonymKeyPath(env: NodeJS.ProcessEnv = process.env, platform = process.platform): string {
  return path.join(userDataDir(env, platform), 'pseudonym.key');
}

/** Keys moved out of older databases that differ from the user's key, each under its fingerprint. */
export function movedPseudonymKeysDir(env: NodeJS.ProcessEnv = process.env, platform = process.platform): string {
  return path.join(userDataDir(env, platform), 'pseudonym-keys');
}

/** `--db PATH` wins, then INFLUENCE_LENS_DB, then the app data folder. */
export function resolveDbPath(explicit?: string, env: NodeJS.ProcessEnv = process.env): string {
  if (explicit) return path.resolve(explicit);
  if (env.INFLUENCE_LENS_DB) return path.resolve(env.INFLUENCE_LENS_DB);
  return path.join(userDataDir(env), 'workbench.sqlite');
}
