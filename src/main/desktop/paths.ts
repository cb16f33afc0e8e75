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

/** Where the app runs from, as Electron reports it (app.isPackaged, process.resourcesPath). */
export interface AppLocation {
  packaged: boolean;
  /** The packaged app's resources folder; in development Electron's own, which holds no binding of ours. */
  resourcesPath: string | undefined;
  appRoot: string;
}

const BINDING = path.join('native', 'better_sqlite3.node');

/**
 * Points openDatabase at a better-sqlite3 binding rebuilt for Electron's ABI (the one in node_modules is built for
 * Node). Set in the environment before the database opens, so the engine process and its scoring threads, which
 * open it themselves, load the same binding.
 *
 * A packaged app always uses the binding it ships (resources/native, electron-builder.yml) and ignores any
 * INFLUENCE_LENS_SQLITE_BINDING it was started with: that variable names a native library to load into the
 * process, so honouring it would let whoever sets the user's environment run code inside a signed app. Only in
 * development does an explicit setting win (to try another build); otherwise the first rebuilt binding found.
 */
export function useElectronSqlite(env: NodeJS.ProcessEnv, location: AppLocation): string | undefined {
  if (location.packaged) {
    const shipped = location.resourcesPath === undefined ? undefined : path.join(location.resourcesPath, BINDING);
    if (!shipped || !fs.existsSync(shipped)) throw new Error(`the app's SQLite driver is missing (${shipped ?? BINDING}); reinstall Influence Lens`);
    env.INFLUENCE_LENS_SQLITE_BINDING = shipped;
    return shipped;
  }
  if (env.INFLUENCE_LENS_SQLITE_BINDING) return env.INFLUENCE_LENS_SQLITE_BINDING;
  const binding = [location.resourcesPath, location.appRoot]
    .filter((root): root is string => root !== undefined)
    .map((root) => path.join(root, BINDING))
    .find((file) => fs.existsSync(file));
  if (binding) env.INFLUENCE_LENS_SQLITE_BINDING = binding;
  return binding;
}
