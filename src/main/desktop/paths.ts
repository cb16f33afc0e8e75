import fs from 'node:fs';
import path from 'node:path';
import type { RendererTarget } from './security';

export interface AppPaths {
  preload: string;
  target: RendererTarget;
  /** The engine's utilityProcess entry, built beside the main bundle (electron.vite.config.ts). */
  engineProcess: string;
  /** The project (or packaged app) root, the folder that holds out/. */
  appRoot: string;
}

/**
 * Where the built pieces are, from the main bundle's folder (out/main). The dev server's URL is used only when
 * electron-vite dev set it and the app is not packaged, so a packaged app never loads a page from the network.
 */
export function appPaths(mainDir: string, env: NodeJS.ProcessEnv, packaged: boolean): AppPaths {
  const out = path.resolve(mainDir, '..');
  const devUrl = !packaged ? env.ELECTRON_RENDERER_URL : undefined;
  return {
    preload: path.join(out, 'preload', 'index.cjs'),
    target: devUrl ? { kind: 'dev', url: devUrl } : { kind: 'file', file: path.join(out, 'renderer', 'index.html') },
    engineProcess: path.join(out, 'main', 'engine-process.js'),
    appRoot: path.dirname(out),
  };
}

/**
 * Points openDatabase at a better-sqlite3 binding rebuilt for Electron's ABI when one was shipped (the one in
 * node_modules is built for Node). Set in the environment before the database opens, so the scoring worker
 * threads, which open it themselves, load the same binding. An explicit setting wins.
 */
export function useElectronSqlite(env: NodeJS.ProcessEnv, roots: (string | undefined)[]): string | undefined {
  if (env.INFLUENCE_LENS_SQLITE_BINDING) return env.INFLUENCE_LENS_SQLITE_BINDING;
  const binding = roots
    .filter((root): root is string => root !== undefined)
    .map((root) => path.join(root, 'native', 'better_sqlite3.node'))
    .find((file) => fs.existsSync(file));
  if (binding) env.INFLUENCE_LENS_SQLITE_BINDING = binding;
  return binding;
}
