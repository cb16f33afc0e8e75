import { spawn } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import type { Command } from '../command';
import { rendererDir, serveCommand } from './serve';

/** The Electron binary when this machine has one (its download is skipped where it cannot be fetched). */
function electronBinary(): string | null {
  try {
    const binary = createRequire(import.meta.url)('electron') as unknown;
    return typeof binary === 'string' && fs.existsSync(binary) ? binary : null;
  } catch {
    return null;
  }
}

export const startCommand: Command = {
  name: 'start',
  summary: 'Open the workbench: the desktop window where Electron is installed, else the browser mode.',
  usage: 'start [--port N] [--open]',
  details: 'Loads the bundled samples and a generated demo world on first start.',
  options: serveCommand.options,
  async run(args, io) {
    const electron = electronBinary();
    const main = path.resolve(rendererDir(), '..', 'main', 'index.js');
    if (electron && fs.existsSync(main)) {
      const child = spawn(electron, [main], { stdio: 'inherit' });
      return new Promise((resolve) => child.on('exit', (code) => resolve(code ?? 1)));
    }
    io.err('Electron is not available on this machine, so the workbench opens in the browser mode instead.');
    return serveCommand.run(args, io);
  },
};
