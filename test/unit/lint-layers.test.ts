import path from 'node:path';
import { ESLint } from 'eslint';
import { beforeAll, describe, expect, it } from 'vitest';

/**
 * The layer rule as CI runs it: the repository's own eslint.config.js through ESLint's Node API, on small source
 * texts placed at real paths of the tree (the files need not exist: the rule reads only the paths).
 */
const ROOT = path.resolve(__dirname, '../..');
let eslint: ESLint;

beforeAll(() => {
  eslint = new ESLint({ cwd: ROOT });
});

async function layerErrors(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: path.join(ROOT, filePath) });
  return (result?.messages ?? []).filter((m) => m.ruleId === 'layers/imports').map((m) => m.message);
}

describe('layer order of the main process', () => {
  it('fails on an upward import: the store importing the services', async () => {
    const errors = await layerErrors('src/main/store/x.ts', "import { callService } from '../services/index';\nexport const f = callService;\n");
    expect(errors).toHaveLength(1);
    expect(errors[0]).toContain("'store' may import only");
    expect(errors[0]).toContain("not 'services'");
  });

  it('accepts a downward import and an import from its own folder', async () => {
    expect(await layerErrors('src/main/services/x.ts', "import { openDatabase } from '../store/db';\nimport { y } from './y';\nexport const f = [openDatabase, y];\n")).toEqual([]);
    expect(await layerErrors('src/main/scoring/x.ts', "import { runJob } from '../jobs/host';\nimport type { Result } from '../../shared/domain';\nexport const f: [typeof runJob, Result<number> | null] = [runJob, null];\n")).toEqual([]);
  });

  it('fails on a sibling import on the same level (import and scoring; cli and server)', async () => {
    const scoring = await layerErrors('src/main/import/x.ts', "import { scan } from '../scoring/input/scan';\nexport const f = scan;\n");
    expect(scoring).toEqual([expect.stringContaining("not 'scoring'")]);
    const server = await layerErrors('src/main/cli/commands/x.ts', "import { startServer } from '../../server/index';\nexport const f = startServer;\n");
    expect(server).toEqual([expect.stringContaining("not 'server'")]);
  });

  it('counts type-only imports, re-exports and dynamic imports', async () => {
    const code = [
      "import type { Engine } from '../engine/engine';",
      "export { audit } from '../audit/run-audit';",
      "export const load = () => import('../services/index');",
      'export type E = Engine;',
    ].join('\n');
    const errors = await layerErrors('src/main/jobs/x.ts', code);
    expect(errors.map((e) => e.match(/not '(\w+)'/)?.[1])).toEqual(['engine', 'audit', 'services']);
  });

  it('places the desktop entry at the top and the root support files at the bottom', async () => {
    expect(await layerErrors('src/main/index.ts', "import { openDatabase } from './store/db';\nexport const f = openDatabase;\n")).toEqual([]);
    expect(await layerErrors('src/main/index.ts', "import { loadDemoData } from './cli/demo';\nexport const f = loadDemoData;\n")).toEqual([
      expect.stringContaining("not 'cli'"),
    ]);
    expect(await layerErrors('src/main/version.ts', "import { openDatabase } from './store/db';\nexport const f = openDatabase;\n")).toEqual([
      expect.stringContaining("not 'store'"),
    ]);
  });

  it('keeps src/shared free of main and renderer', async () => {
    expect(await layerErrors('src/shared/x.ts', "import { openDatabase } from '../main/store/db';\nexport const f = openDatabase;\n")).toEqual([
      expect.stringContaining("not 'store'"),
    ]);
  });

  it('reports a file in a folder the order does not name, so a new layer cannot import anything unnoticed', async () => {
    expect(await layerErrors('src/main/newfolder/x.ts', 'export const f = 1;\n')).toEqual([expect.stringContaining('is in no layer')]);
  });
});

describe('layer order of the renderer', () => {
  const R = 'src/renderer/src';

  it('lets app import features and ui, and features import ui, api and shared', async () => {
    expect(await layerErrors(`${R}/app/x.tsx`, "import { RunsView } from '../features/runs/RunsView';\nimport { useCall } from '../ui/use-call';\nexport const f = [RunsView, useCall];\n")).toEqual([]);
    const feature = [
      "import { useCall } from '../../ui/use-call';",
      "import { client } from '../../api';",
      "import type { ApiError } from '../../../../shared/domain';",
      "import { RunForm } from './RunForm';",
      'export const f: [unknown, unknown, unknown, ApiError | null] = [useCall, client, RunForm, null];',
    ].join('\n');
    expect(await layerErrors(`${R}/features/runs/x.tsx`, feature)).toEqual([]);
  });

  it('fails when a feature imports another feature or the app', async () => {
    expect(await layerErrors(`${R}/features/compare/x.tsx`, "import { AccountLink } from '../cases/account-link';\nexport const f = AccountLink;\n")).toEqual([
      "'features/compare' imports its sibling 'features/cases' (layer order in eslint.config.js)",
    ]);
    expect(await layerErrors(`${R}/features/compare/x.tsx`, "import type { ViewProps } from '../../app/App';\nexport type P = ViewProps;\n")).toEqual([
      expect.stringContaining("not 'app'"),
    ]);
  });

  it('fails when ui imports a feature or the app', async () => {
    expect(await layerErrors(`${R}/ui/x.tsx`, "import { RunForm } from '../features/runs/RunForm';\nexport const f = RunForm;\n")).toEqual([
      expect.stringContaining("not 'features/runs'"),
    ]);
    expect(await layerErrors(`${R}/ui/x.tsx`, "import { App } from '../app/App';\nexport const f = App;\n")).toEqual([expect.stringContaining("not 'app'")]);
  });
});

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
