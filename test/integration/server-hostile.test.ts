import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EngineClient } from '../../src/main/engine/client';
import { startEngineThread } from '../../src/main/engine/thread';
import { newToken } from '../../src/main/server/auth';
import { startServer, type LensServer } from '../../src/main/server/server';
import { launchCommand } from '../../src/main/server/no-token-page';
import { datasetsDir, tempDir } from '../helpers';

// A real `lens serve`: the server on 127.0.0.1 with a real engine thread on a temp database. Each hostile request is
// followed by a good call, which only succeeds while the process (and the server in it) is alive.

const karate = path.join(datasetsDir, 'karate', 'karate_club_weighted.csv');
const UPLOAD_LIMIT = 1 << 20;

let engine: EngineClient;
let server: LensServer;
let token: string;
let tmp: string;

/** Raw HTTP over a socket, for requests fetch refuses to send; the whole answer as text, or the socket error. */
function raw(text: string | Buffer, body?: Buffer): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = net.connect(server.port, '127.0.0.1');
    const chunks: Buffer[] = [];
    socket.on('data', (chunk) => chunks.push(chunk));
    socket.on('error', (error) => reject(new Error(`socket error ${(error as NodeJS.ErrnoException).code} after ${Buffer.concat(chunks).length} bytes`)));
    socket.on('close', () => resolve(Buffer.concat(chunks).toString('latin1')));
    socket.write(text);
    if (body) socket.end(body);
    else socket.end();
  });
}

const statusOf = (answer: string) => Number(/^HTTP\/1\.1 (\d{3})/.exec(answer)?.[1] ?? 0);
const host = () => `127.0.0.1:${server.port}`;
const bearer = () => ({ authorization: `Bearer ${token}`, origin: server.origin });
const cookie = () => ({ cookie: `lens_token_${server.port}=${token}` });

async function call(name: string, input: unknown, headers: Record<string, string> = bearer()) {
  return fetch(`${server.origin}/api/call/${name}`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(input) });
}

/** The good call after each hostile one: the server still answers, from the real database. */
async function expectAlive() {
  const response = await call('datasets.list', {});
  expect(response.status).toBe(200);
  const body = (await response.json()) as { ok: boolean; value: { dataset: { name: string }; accounts: number }[] };
  expect(body.ok).toBe(true);
  expect(body.value.map((summary) => [summary.dataset.name, summary.accounts])).toEqual([['karate', 34]]);
}

beforeAll(async () => {
  tmp = tempDir('lens-server-');
  const staticDir = path.join(tmp, 'renderer');
  fs.mkdirSync(staticDir);
  fs.writeFileSync(path.join(staticDir, 'index.html'), '<!doctype html><title>Influence Lens</title>');
  engine = startEngineThread(path.join(tmp, 'server.sqlite'));
  token = newToken();
  server = await startServer({ engine, token, port: 0, staticDir, uploadLimit: UPLOAD_LIMIT, tmpDir: tmp, launchCommand: 'npm start' });
  const imported = (await (await call('datasets.import', { paths: [karate], dataset: 'karate' })).json()) as { ok: boolean };
  expect(imported.ok).toBe(true);
}, 60_000);

afterAll(async () => {
  await server?.close();
  await engine?.stop();
  fs.rmSync(tmp, { recursive: true, force: true });
});

describe('lens serve against hostile requests', () => {
  it('a 48-character token with a non-ASCII character gets 401 and does not end the process', async () => {
    const hostile = `%C3%A9${'a'.repeat(47)}`;
    expect(decodeURIComponent(hostile)).toHaveLength(48);
    expect((await fetch(`${server.origin}/?token=${hostile}`)).status).toBe(401);
    expect((await fetch(`${server.origin}/api/events`, { headers: { cookie: `lens_token_${server.port}=${hostile}` } })).status).toBe(401);
    await expectAlive();
  });

  it('a bad percent escape in a path gets 400', async () => {
    const answer = await raw(`GET /%E0%A4%A HTTP/1.1\r\nHost: ${host()}\r\nCookie: ${cookie().cookie}\r\nConnection: close\r\n\r\n`);
    expect(statusOf(answer)).toBe(400);
    await expectAlive();
  });

  it('a request target that is not a valid URL gets 400 before the token is checked', async () => {
    const answer = await raw(`GET http://[/ HTTP/1.1\r\nHost: ${host()}\r\nConnection: close\r\n\r\n`);
    expect(statusOf(answer)).toBe(400);
    await expectAlive();
  });

  it('uploads named "..", "", "." or with a NUL or a path get 400 and write nothing', async () => {
    for (const name of ['..', '', '.', 'a%00b.csv', '..%2F..%2Fescape.csv']) {
      const response = await fetch(`${server.origin}/api/upload?name=${name}`, { method: 'POST', headers: bearer(), body: 'x' });
      expect(response.status, name).toBe(400);
    }
    expect(fs.existsSync(path.join(tmp, 'escape.csv'))).toBe(false);
    await expectAlive();
  });

  it('a 20 MB body gets 413, not a reset, with and without a declared length', async () => {
    const body = Buffer.alloc(20 * 1024 * 1024, 0x20);
    const head = (length: string) =>
      `POST /api/call/datasets.list HTTP/1.1\r\nHost: ${host()}\r\nAuthorization: Bearer ${token}\r\nOrigin: ${server.origin}\r\n` +
      `Content-Type: application/json\r\n${length}Connection: close\r\n\r\n`;
    expect(statusOf(await raw(head(`Content-Length: ${body.length}\r\n`), body))).toBe(413);
    const chunked = Buffer.concat([Buffer.from(`${body.length.toString(16)}\r\n`), body, Buffer.from('\r\n0\r\n\r\n')]);
    expect(statusOf(await raw(head('Transfer-Encoding: chunked\r\n'), chunked))).toBe(413);
    expect((await fetch(`${server.origin}/api/call/datasets.list`, { method: 'POST', headers: bearer(), body })).status).toBe(413);
    await expectAlive();
  });

  it('an upload over the limit gets 413 and leaves no file', async () => {
    const response = await fetch(`${server.origin}/api/upload?name=big.csv`, { method: 'POST', headers: bearer(), body: Buffer.alloc(UPLOAD_LIMIT + 1) });
    expect(response.status).toBe(413);
    const uploadRoot = fs.readdirSync(tmp).find((name) => name.startsWith(`lens-uploads-${process.pid}-`))!;
    const files = fs.readdirSync(path.join(tmp, uploadRoot), { recursive: true, withFileTypes: true }).filter((entry) => entry.isFile());
    expect(files).toEqual([]);
    await expectAlive();
  });

  it('unknown routes get 404 and wrong methods 405', async () => {
    expect((await fetch(`${server.origin}/api/nope`, { headers: bearer() })).status).toBe(404);
    expect((await fetch(`${server.origin}/api/test/event-loop`, { headers: bearer() })).status).toBe(404);
    const wrongMethod = await fetch(`${server.origin}/api/call/datasets.list`, { headers: bearer() });
    expect(wrongMethod.status).toBe(405);
    expect(wrongMethod.headers.get('allow')).toBe('POST');
    expect((await fetch(`${server.origin}/api/events`, { method: 'POST', headers: bearer() })).status).toBe(405);
    expect((await fetch(`${server.origin}/`, { method: 'PUT', headers: bearer() })).status).toBe(405);
    await expectAlive();
  });
});

describe('state-changing routes take only a Bearer token from our own origin', () => {
  it('a cookie-only POST from another port of 127.0.0.1 is refused with 403', async () => {
    for (const route of ['/api/call/datasets.delete', '/api/upload?name=x.csv', '/api/cancel/abc']) {
      const response = await fetch(`${server.origin}${route}`, { method: 'POST', headers: { ...cookie(), origin: 'http://127.0.0.1:8888' }, body: '{"name":"karate"}' });
      expect(response.status, route).toBe(403);
    }
    await expectAlive();
  });

  it('a cookie-only POST from our own origin is refused with 401: the cookie is not enough', async () => {
    const response = await call('datasets.delete', { name: 'karate' }, { ...cookie(), origin: server.origin });
    expect(response.status).toBe(401);
    await expectAlive();
  });

  it('a Bearer POST from another origin, or with no Origin and no fetch metadata, is refused with 403', async () => {
    expect((await call('datasets.list', {}, { authorization: `Bearer ${token}`, origin: 'http://127.0.0.1:8888' })).status).toBe(403);
    expect((await call('datasets.list', {}, { authorization: `Bearer ${token}`, origin: 'null' })).status).toBe(403);
    expect((await call('datasets.list', {}, { authorization: `Bearer ${token}` })).status).toBe(403);
    expect((await call('datasets.list', {}, { authorization: `Bearer ${token}`, 'sec-fetch-site': 'same-site' })).status).toBe(403);
    await expectAlive();
  });

  it('Bearer with our own Origin, or with Sec-Fetch-Site: same-origin and no Origin, is accepted', async () => {
    await expectAlive();
    const metadataOnly = await call('datasets.list', {}, { authorization: `Bearer ${token}`, 'sec-fetch-site': 'same-origin' });
    expect(((await metadataOnly.json()) as { ok: boolean }).ok).toBe(true);
    const localhost = await call('datasets.list', {}, { authorization: `Bearer ${token}`, origin: `http://localhost:${server.port}` });
    expect(localhost.status).toBe(200);
  });

  it('an upload is imported and then removed', async () => {
    const upload = await fetch(`${server.origin}/api/upload?name=karate.csv`, { method: 'POST', headers: bearer(), body: fs.readFileSync(karate) });
    const uploaded = ((await upload.json()) as { value: { path: string } }).value.path;
    expect(fs.readFileSync(uploaded)).toEqual(fs.readFileSync(karate));
    const imported = (await (await call('datasets.import', { paths: [uploaded], dataset: 'karate-upload' })).json()) as { ok: boolean; value: { totals: { accounts: number } } };
    expect(imported.ok).toBe(true);
    expect(imported.value.totals.accounts).toBe(34);
    expect(fs.existsSync(uploaded)).toBe(false);
    expect(fs.existsSync(path.dirname(uploaded))).toBe(false);
    expect(((await (await call('datasets.delete', { name: 'karate-upload' })).json()) as { ok: boolean }).ok).toBe(true);
    await expectAlive();
  });
});

describe('the page, the session and the one-time open path', () => {
  it('every answer carries the security headers, refusals included', async () => {
    const answers = [
      await fetch(`${server.origin}/`, { headers: cookie() }),
      await fetch(`${server.origin}/`),
      await fetch(`${server.origin}/api/nope`, { headers: bearer() }),
      await call('datasets.list', {}),
    ];
    expect(answers.map((answer) => answer.status)).toEqual([200, 401, 404, 200]);
    for (const answer of answers) {
      expect(answer.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
      expect(answer.headers.get('content-security-policy')).toContain("script-src 'self'");
      expect(answer.headers.get('x-frame-options')).toBe('DENY');
      expect(answer.headers.get('referrer-policy')).toBe('no-referrer');
      expect(answer.headers.get('x-content-type-options')).toBe('nosniff');
    }
  });

  it('the token in the printed URL sets the cookie and is dropped from the address by a redirect', async () => {
    const response = await fetch(`${server.origin}/?token=${token}`, { redirect: 'manual' });
    expect(response.status).toBe(303);
    expect(response.headers.get('location')).toBe('/');
    expect(response.headers.get('set-cookie')).toBe(`lens_token_${server.port}=${token}; HttpOnly; SameSite=Strict; Path=/`);
  });

  it('/api/session gives the token only to a same-origin fetch with the cookie', async () => {
    const sameOrigin = { 'sec-fetch-site': 'same-origin', 'sec-fetch-dest': 'empty' };
    const session = await fetch(`${server.origin}/api/session`, { headers: { ...cookie(), ...sameOrigin } });
    expect(await session.json()).toEqual({ ok: true, value: { token } });
    expect((await fetch(`${server.origin}/api/session`, { headers: sameOrigin })).status).toBe(401);
    expect((await fetch(`${server.origin}/api/session`, { headers: { ...cookie(), 'sec-fetch-site': 'same-site', 'sec-fetch-dest': 'empty' } })).status).toBe(403);
    expect((await fetch(`${server.origin}/api/session`, { headers: { ...cookie(), 'sec-fetch-site': 'same-origin', 'sec-fetch-dest': 'document' } })).status).toBe(403);
    expect((await fetch(`${server.origin}/api/session`, { headers: cookie() })).status).toBe(403);
  });

  it('the one-time open path sets the cookie once, then is refused', async () => {
    const openUrl = server.openUrl();
    expect(openUrl).not.toContain(token);
    const first = await fetch(openUrl, { redirect: 'manual' });
    expect(first.status).toBe(303);
    expect(first.headers.get('location')).toBe('/');
    const setCookie = first.headers.get('set-cookie')!;
    expect(setCookie).toContain(`lens_token_${server.port}=${token}`);
    const page = await fetch(`${server.origin}/`, { headers: { cookie: setCookie.split(';')[0]! } });
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('Influence Lens');
    const second = await fetch(openUrl, { redirect: 'manual' });
    expect(second.status).toBe(403);
    expect(second.headers.get('set-cookie')).toBeNull();
    expect((await fetch(`${server.origin}/open/not-a-code`, { redirect: 'manual' })).status).toBe(403);
    await expectAlive();
  });
});

describe('the page a browser gets without the token', () => {
  it('is a styled page in plain words that names `npm start` and the line with the link, with no script and nothing remote', async () => {
    for (const address of ['/', '/?token=stale0123', '/account?dataset=karate']) {
      const response = await fetch(`${server.origin}${address}`, { headers: { accept: 'text/html' } });
      expect(response.status).toBe(401);
      expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
      expect(response.headers.get('content-security-policy')).toContain("script-src 'self'");
      const html = await response.text();
      expect(html).toMatch(/^<!doctype html>/);
      expect(html).toContain('<style>');
      expect(html).toContain('where you ran <code>npm start</code>');
      expect(html).toContain(`Open ${server.origin}/?token=`);
      expect(html).not.toContain('lens serve');
      // CSP-safe and offline: no script at all, no attribute that loads anything, no address but the server's own.
      expect(html).not.toMatch(/<script|\son\w+=|\ssrc=|\shref=|@import|url\(/i);
      expect(html.match(/https?:\/\/[^\s<"]+/g)?.every((found) => found.startsWith(`${server.origin}/`))).toBe(true);
    }
  });

  it('HEAD gets the status without the body; the API keeps its one-line refusal', async () => {
    const head = await fetch(`${server.origin}/`, { method: 'HEAD' });
    expect(head.status).toBe(401);
    expect(await head.text()).toBe('');
    const api = await fetch(`${server.origin}/api/events`);
    expect(api.status).toBe(401);
    expect(api.headers.get('content-type')).toBe('text/plain; charset=utf-8');
    expect(await api.text()).toBe('open the workbench with the URL `npm start` printed');
  });

  it('names the command the user typed: npm start (npm sets npm_lifecycle_event), else the lens command', () => {
    expect(launchCommand({ npm_lifecycle_event: 'start' }, ['node', 'main.ts', 'start'])).toBe('npm start');
    expect(launchCommand({}, ['node', 'lens.mjs', 'serve', '--port', '0'])).toBe('npx lens serve');
    expect(launchCommand({}, ['node', 'lens.mjs', 'start'])).toBe('npx lens start');
    expect(launchCommand({ npm_lifecycle_event: 'lens' }, ['node', 'main.ts', 'serve'])).toBe('npx lens serve');
  });
});
