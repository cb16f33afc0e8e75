#!/usr/bin/env node
// The `lens` command of the package (`npx lens ...`): runs the built CLI, out/main/cli.js, which the `prepare`
// script builds after `npm ci`. `npm run lens -- ...` runs the same CLI from source through tsx, for development.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const built = fileURLToPath(new URL('../out/main/cli.js', import.meta.url));
if (!existsSync(built)) {
  process.stderr.write(`lens: ${built} is missing; build it with \`npm run build\` (npm ci runs it as the prepare step)\n`);
  process.exit(1);
}
await import(built);
