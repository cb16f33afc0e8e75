import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { appRoot } from '../app-root';
import type { CommandIo, ParsedArgs } from '../cli/command';
import { serve } from './serve';

/** The Electron binary when this machine has one (its download is skipped where it cannot be fetched). */
function electronBinary(): string | null {
  try {
    const binary = createRequire(import.meta.url)('electron') as unknown;
    return typeof binary === 'string' && fs.existsSync(binary) ? binary : null;
  } catch {
    return null;
  }
}

/** Why the desktop window cannot open here, or null when it can. */
function noWindowReason(electron: string | null, main: string): string | null {
  if (!electron) return 'Electron is not available on this machine';
  if (!fs.existsSync(main)) return 'the app is not built (run `npm run build`)';
  if (process.platform === 'linux' && !process.env.DISPLAY && !process.env.WAYLAND_DISPLAY) return 'there is no display';
  return null;
}

/** `lens start` (described in commands.ts): the desktop app where it can open, else `lens serve`. */
export async function start(args: ParsedArgs, io: CommandIo): Promise<number> {
  const electron = electronBinary();
  const main = path.join(appRoot, 'out', 'main', 'index.js');
  const reason = noWindowReason(electron, main);
  if (reason === null && electron) {
    // The window's better-sqlite3 must match Electron's ABI: built once into native/ (docs/ARCHITECTURE.md).
    const native = spawnSync(process.execPath, [path.join(appRoot, 'scripts', 'electron-sqlite.mjs')], { stdio: 'inherit' });
    if (native.status === 0) {
      const child = spawn(electron, [main], { stdio: 'inherit' });
      return new Promise((resolve) => child.on('exit', (code) => resolve(code ?? 1)));
    }
    io.err('better-sqlite3 could not be built for Electron, so the workbench opens in the browser mode instead.');
    return serve(args, io);
  }
  io.err(`${reason}, so the workbench opens in the browser mode instead.`);
  return serve(args, io);
}
