import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ApiError } from '../../src/shared/domain';
import type { EngineClient } from '../../src/main/engine/client';
import { startEngineThread } from '../../src/main/engine/thread';
import { newToken } from '../../src/main/server/auth';
import { startServer, type LensServer } from '../../src/main/server/server';
import { pageImportError, type UploadedFile } from '../../src/renderer/src/features/datasets/import-errors';
import { tempDir } from '../helpers';

// Hostile uploads through a real `lens serve` (server, engine thread, SQLite file): the error crosses the HTTP
// transport as the page receives it, and the page's wording of it names the file as the user chose it, its line,
// and the page's own menus, never the temporary copy, a command-line flag or escaped JSON.

let engine: EngineClient;
let server: LensServer;
let token: string;
let tmp: string;

const headers = () => ({ authorization: `Bearer ${token}`, origin: server.origin });

async function call(name: string, input: unknown): Promise<{ ok: true; value: unknown } | { ok: false; error: ApiError }> {
  const response = await fetch(`${server.origin}/api/call/${name}`, { method: 'POST', headers: { ...headers(), 'content-type': 'application/json' }, body: JSON.stringify(input) });
  return response.json() as never;
}

async function upload(name: string, body: string | Uint8Array<ArrayBuffer>): Promise<UploadedFile> {
  const response = await fetch(`${server.origin}/api/upload?name=${encodeURIComponent(name)}`, { method: 'POST', headers: headers(), body });
  const answer = (await response.json()) as { ok: true; value: { path: string } };
  expect(answer.ok).toBe(true);
  return { name, path: answer.value.path };
}

/** Uploads the file, then previews and imports it as the page does; the first failure, and what the page shows. */
async function failure(name: string, body: string | Uint8Array<ArrayBuffer>, extra: Record<string, unknown> = {}) {
  const file = await upload(name, body);
  const preview = await call('datasets.preview', { paths: [file.path] });
  const result = preview.ok ? await call('datasets.import', { paths: [file.path], dataset: name, ...extra }) : preview;
  if (result.ok) throw new Error(`${name} was accepted`);
  const shown = pageImportError(result.error, [file])!;
  return { file, error: result.error, shown: shown.message };
}

function expectPageWords(message: string) {
  expect(message).not.toMatch(/lens-uploads|[\\/]tmp[\\/]|u-[A-Za-z0-9]{6}/);
  expect(message).not.toMatch(/--[a-z]/);
  expect(message).not.toContain('\\"');
}

beforeAll(async () => {
  tmp = tempDir('lens-upload-errors-');
  const staticDir = path.join(tmp, 'renderer');
  fs.mkdirSync(staticDir);
  fs.writeFileSync(path.join(staticDir, 'index.html'), '<!doctype html><title>Influence Lens</title>');
  engine = startEngineThread(path.join(tmp, 'server.sqlite'));
  token = newToken();
  server = await startServer({ engine, token, port: 0, staticDir, tmpDir: tmp, launchCommand: 'npm start' });
}, 60_000);

afterAll(async () => {
  await server?.close();
  await engine?.stop();
  fs.rmSync(tmp, { recursive: true, force: true });
});

describe('upload errors in the page\'s language', () => {
  it('a CSV without a target column: the CLI keeps its flag, the page points at its column menu', async () => {
    const { file, error, shown } = await failure('no target.csv', 'from,when\na,2020\nb,2021\n');
    expect(error.code).toBe('import_failed');
    expect(error.message).toBe(`${file.path}:1: no "target" column: the header has from, when; map one with --map target=COLUMN`);
    expect(error.details).toEqual({ file: file.path, line: 1, reason: 'no "target" column: the header has from, when', fix: { option: 'map', roles: ['target'] } });
    expect(shown).toBe('no target.csv, line 1: no "target" column: the header has from, when. Choose the column for “target” in the CSV columns menus above.');
    expectPageWords(shown);
  });

  it('text in no known format: the preview fails and the page points at its Format menu', async () => {
    const { error, shown } = await failure('notes.txt', 'hello world this is prose\nnot a dataset\n');
    expect(error.code).toBe('invalid_input');
    expect(error.message).toMatch(/notes\.txt:1: unrecognised format: .*; name the format with --format$/);
    expect(shown).toBe('notes.txt, line 1: unrecognised format: the first line "hello world this is prose" is not JSON, XML, CSV with a header, ' +
      'an edge list or a propagation tree. Choose the format in the Format menu above.');
    expectPageWords(shown);
  });

  it('a quoted excerpt of JSON reads as the file has it, not as escaped JSON', async () => {
    const { error, shown } = await failure('weights.edgelist', '1 2 {"weight": "heavy"}\n');
    expect(error.message).toContain('found "1 2 {\\"weight\\": \\"heavy\\"}"');
    expect(shown).toBe('weights.edgelist, line 1: the weight "heavy" is not a number; expected "source target", "source target weight" or ' +
      '"source target {\'weight\': w}", found “1 2 {"weight": "heavy"}”');
    expectPageWords(shown);
  });

  it('a binary file, a broken quote and broken XML: each named by its own name with its line or byte', async () => {
    const binary = await failure('photo.jpg', Uint8Array.from([0xff, 0xd8, 0, 0, 10, 13]));
    expect(binary.shown).toMatch(/^photo\.jpg, byte \d+: /);
    const quote = await failure('quotes.csv', 'source,target\n"a,b\nc,d\n');
    expect(quote.shown).toBe('quotes.csv, line 2: malformed CSV: the quoted cell opened on this line is not closed before the end of the file');
    const xml = await failure('graph.gexf', '<gexf><graph><nodes><node id="1"/></nodes>');
    expect(xml.shown).toMatch(/^graph\.gexf, (line|byte) \d+: malformed XML/);
    for (const { shown } of [binary, quote, xml]) expectPageWords(shown);
  });

  it('an error without details (a refusal of the dataset) still loses the temporary folder', async () => {
    const first = await upload('a.edges', '1 2\n');
    expect((await call('datasets.import', { paths: [first.path], dataset: 'declared', edges: 'attention' })).ok).toBe(true);
    const second = await upload('b.edges', '2 3\n');
    const refused = await call('datasets.import', { paths: [second.path], dataset: 'declared', edges: 'influence' });
    if (refused.ok) throw new Error('a contradicting declaration was accepted');
    const shown = pageImportError(refused.error, [second])!.message;
    expect(shown).not.toMatch(/lens-uploads|[\\/]tmp[\\/]/);
  });
});
