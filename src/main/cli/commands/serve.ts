import { spawn } from 'node:child_process';
import path from 'node:path';
import { appRoot } from '../../app-root';
import { startEngineThread } from '../../engine/thread';
import { newToken } from '../../server/auth';
import { startServer } from '../../server/server';
import { UsageError, type Command } from '../command';
import { loadDemoData } from '../demo';

/** The built renderer. */
export const rendererDir = () => path.join(appRoot, 'out', 'renderer');

export const serveCommand: Command = {
  name: 'serve',
  summary: 'Serve the workbench in the browser on 127.0.0.1, with a launch token in the printed URL.',
  usage: 'serve [--port N] [--open]',
  details: 'Loads the bundled demo data first when the database is empty. Stop with Ctrl-C.',
  options: { port: { type: 'string' }, open: { type: 'boolean' } },
  async run(args, io) {
    const port = args.values.port === undefined ? 7357 : Number(args.values.port);
    if (!Number.isInteger(port) || port < 0 || port > 65535) throw new UsageError('--port must be a number from 0 to 65535');
    const db = io.openDb(args.values.db as string | undefined);
    await loadDemoData(db, io);
    const file = db.name;
    db.close();
    // From here on the engine thread owns the database; this thread only serves HTTP.
    const engine = startEngineThread(file);
    const unavailable = await engine.opened();
    if (unavailable) {
      io.err(`lens: ${unavailable.message}`);
      return 1;
    }
    const token = newToken();
    const eventLoopEndpoint = process.env.INFLUENCE_LENS_TEST_ENDPOINTS === '1';
    const server = await startServer({ engine, token, port, staticDir: rendererDir(), eventLoopEndpoint });
    const address = server.address();
    const actualPort = typeof address === 'object' && address ? address.port : port;
    const url = `http://127.0.0.1:${actualPort}/?token=${token}`;
    io.out(`Influence Lens is serving ${file}\nOpen ${url}\n(Ctrl-C stops it)`);
    if (args.values.open) spawn('xdg-open', [url], { stdio: 'ignore', detached: true }).on('error', () => undefined).unref();
    await new Promise<void>((resolve) => {
      process.once('SIGINT', () => resolve());
      process.once('SIGTERM', () => resolve());
    });
    await new Promise((resolve) => server.close(resolve));
    await engine.stop();
    return 0;
  },
};
