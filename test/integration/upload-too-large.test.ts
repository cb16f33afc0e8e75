import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EngineClient } from '../../src/main/engine/client';
import { startEngineThread } from '../../src/main/engine/thread';
import { newToken } from '../../src/main/server/auth';
import { startServer, type LensServer } from '../../src/main/server/server';
import { uploadTooLargeMessage } from '../../src/renderer/src/api/http-transport';
import { tempDir } from '../helpers';

// A real `lens serve` with a 5 MiB upload limit (INFLUENCE_LENS_UPLOAD_LIMIT_MB=5 sets the same).
const LIMIT = 5 * 1024 * 1024;

let engine: EngineClient;
let server: LensServer;
let token: string;
let tmp: string;

beforeAll(async () => {
  tmp = tempDir('lens-upload-limit-');
  const staticDir = path.join(tmp, 'renderer');
  fs.mkdirSync(staticDir);
  fs.writeFileSync(path.join(staticDir, 'index.html'), '<!doctype html><title>Influence Lens</title>');
  engine = startEngineThread(path.join(tmp, 'server.sqlite'));
  token = newToken();
  server = await startServer({ engine, token, port: 0, staticDir, uploadLimit: LIMIT, tmpDir: tmp, launchCommand: 'npm start' });
}, 60_000);

afterAll(async () => {
  await server?.close();
  await engine?.stop();
  fs.rmSync(tmp, { recursive: true, force: true });
});

describe('a file over the upload limit, as the page words it', () => {
  it('the 413 carries the limit, and the page names it in MB with the command that has no limit, no setting', async () => {
    const response = await fetch(`${server.origin}/api/upload?name=tweets.jsonl`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, origin: server.origin },
      body: Buffer.alloc(LIMIT + 1),
    });
    expect(response.status).toBe(413);
    expect(response.headers.get('x-upload-limit-bytes')).toBe(String(LIMIT));
    const message = uploadTooLargeMessage('tweets.jsonl', Number(response.headers.get('x-upload-limit-bytes')));
    expect(message).toBe(
      'tweets.jsonl is larger than the 5 MB this page can upload. Import it from a terminal instead, which reads files of any size where they are: npx lens import FILE',
    );
    expect(message).not.toMatch(/INFLUENCE_LENS|bytes/);
  });

  it('the default limit reads 2,048 MB; an answer without the limit still says what to do', () => {
    expect(uploadTooLargeMessage('a.csv', 2 * 1024 * 1024 * 1024)).toContain('the 2,048 MB this page can upload');
    expect(uploadTooLargeMessage('a.csv', null)).toMatch(/^a\.csv is larger than the size this page can upload\. .*npx lens import FILE$/);
  });
});
