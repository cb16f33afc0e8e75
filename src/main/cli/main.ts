// The `lens` executable: `npm run lens` runs it from source, the build emits it as out/main/cli.js. It is the
// composition root above cli, server and desktop (eslint.config.js): the CLI's commands plus the two that start
// the server or the desktop app.
import { serveCommand, startCommand } from '../entry/commands';
import { commands, defaultIo, runCli } from './index';

process.exitCode = await runCli(process.argv.slice(2), defaultIo, [...commands, serveCommand, startCommand]);
