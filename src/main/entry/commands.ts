import type { Command } from '../cli/command';

const options = { port: { type: 'string' }, open: { type: 'boolean' } } as const;

/**
 * `lens serve` and `lens start` as the CLI lists them. They live above cli, server and desktop, which as siblings
 * may not import each other; their bodies (serve.ts with the HTTP server, start.ts with Electron's launcher) load
 * only when one of them runs, so no other command loads the server's modules.
 */
export const serveCommand: Command = {
  name: 'serve',
  summary: 'Serve the workbench in the browser on 127.0.0.1, with a launch token in the printed URL.',
  usage: 'serve [--port N] [--open]',
  details: 'Loads the bundled demo data first when the database is empty. Stop with Ctrl-C.',
  options,
  run: async (args, io) => (await import('./serve')).serve(args, io),
};

export const startCommand: Command = {
  name: 'start',
  summary: 'Open the workbench: the desktop window where Electron is installed, else the browser mode.',
  usage: 'start [--port N] [--open]',
  details: 'Loads the bundled samples and a generated demo world on first start.',
  options,
  run: async (args, io) => (await import('./start')).start(args, io),
};
