// The `lens` executable: `npm run lens` runs it from source, the build emits it as out/main/cli.js.
import { runCli } from './index';

process.exitCode = await runCli(process.argv.slice(2));
