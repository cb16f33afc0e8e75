import { spawn } from 'node:child_process';
import path from 'node:path';
import { appRoot } from '../app-root';
import { UsageError, type CommandIo, type ParsedArgs } from '../cli/command';
import { jobProgressReporter } from '../cli/progress';
import { loadDemoData } from '../engine/demo';
import { newToken } from '../server/auth';
import { launchCommand } from '../server/no-token-page';
import { startServer } from '../server/server';
import { resolveDbPath } from '../store/paths';

/** The built renderer. */
const rendererDir = () => path.join(appRoot, 'out', 'renderer');

/**
 * `lens serve` (described in commands.ts): the CLI's engine thread owns the database (the demo load goes through it
 * too), this thread only serves HTTP and forwards calls.
 */
export async function serve(args: ParsedArgs, io: CommandIo): Promise<number> {
  const port = args.values.port === undefined ? 7357 : Number(args.values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new UsageError('--port must be a number from 0 to 65535');
  const explicitDb = args.values.db as string | undefined;
  const engine = io.engine(explicitDb);
  const unavailable = await engine.opened();
  if (unavailable) {
    io.err(`lens: ${unavailable.message}`);
    return 1;
  }
  // On a terminal the running job's phase is drawn as a bar, cleared before each step's line; elsewhere the lines suffice.
  const bar = process.stderr.isTTY ? jobProgressReporter(process.stderr) : null;
  await loadDemoData(engine, { log: (text) => (bar?.done(), io.err(text)), onJobProgress: bar?.report });
  // The model descriptors (JSON schemas of every model's parameters) take about 120 ms to build, once per engine:
  // built now, before the URL is printed, so the first visit to the Models view does not wait for them.
  await engine.call('models.list', {});
  const token = newToken();
  const eventLoopEndpoint = process.env.INFLUENCE_LENS_TEST_ENDPOINTS === '1';
  const server = await startServer({ engine, token, port, staticDir: rendererDir(), eventLoopEndpoint, launchCommand: launchCommand(process.env, process.argv) });
  const url = `${server.origin}/?token=${token}`;
  io.out(`Influence Lens is serving ${resolveDbPath(explicitDb)}\nOpen ${url}\n(Ctrl-C stops it)`);
  // The browser gets a one-time path, never the token: a command line is visible to every local user.
  if (args.values.open) spawn('xdg-open', [server.openUrl()], { stdio: 'ignore', detached: true }).on('error', () => undefined).unref();
  await new Promise<void>((resolve) => {
    process.once('SIGINT', () => resolve());
    process.once('SIGTERM', () => resolve());
  });
  // The engine is stopped by runCli once this command returns.
  await server.close();
  return 0;
}
