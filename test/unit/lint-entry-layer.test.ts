import path from 'node:path';
import { ESLint } from 'eslint';
import { beforeAll, describe, expect, it } from 'vitest';

/** The entry layer through the repository's own eslint.config.js, on small texts placed at real paths. */
const ROOT = path.resolve(__dirname, '../..');
let eslint: ESLint;

beforeAll(() => {
  eslint = new ESLint({ cwd: ROOT });
});

async function layerErrors(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: path.join(ROOT, filePath) });
  return (result?.messages ?? []).filter((m) => m.ruleId === 'layers/imports').map((m) => m.message);
}

describe('the entry layer above cli, server and desktop', () => {
  it('lets the entry and the lens executable compose the CLI with the server', async () => {
    const compose = "import { startServer } from '../server/server';\nimport { runCli } from '../cli/index';\nexport const f = [startServer, runCli];\n";
    expect(await layerErrors('src/main/entry/x.ts', compose)).toEqual([]);
    expect(await layerErrors('src/main/cli/main.ts', "import { serveCommand } from '../entry/serve';\nexport const f = serveCommand;\n")).toEqual([]);
  });

  it('keeps every other file of cli, and server and desktop, below it', async () => {
    const upward = (from: string, specifier: string) => layerErrors(from, `import { x } from '${specifier}';\nexport const f = x;\n`);
    expect(await upward('src/main/cli/index.ts', '../entry/serve')).toEqual([expect.stringContaining("not 'entry'")]);
    expect(await upward('src/main/server/server.ts', '../entry/serve')).toEqual([expect.stringContaining("not 'entry'")]);
    expect(await upward('src/main/index.ts', './entry/serve')).toEqual([expect.stringContaining("not 'entry'")]);
    expect(await upward('src/main/engine/x.ts', '../cli/command')).toEqual([expect.stringContaining("not 'cli'")]);
  });
});
