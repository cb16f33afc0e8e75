import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { EngineClient } from '../../src/main/engine/client';
import { startEngineThread } from '../../src/main/engine/thread';
import { newToken } from '../../src/main/server/auth';
import { startServer } from '../../src/main/server/server';
import { tempDir } from '../helpers';

// Ctrl-C on `lens serve` closes the server and waits for its sockets. Chromium opens sockets ahead of need
// (preconnect) that carry no request: Node counts them as busy, not idle, until its request timeout (300 s), so
// `lens serve` did not stop for 5 minutes after a browser had been on the page (a CI run timed out on it).

const tmp = tempDir('lens-server-close-');
let engine: EngineClient;
const token = newToken();
const staticDir = path.join(tmp, 'renderer');

beforeAll(() => {
  fs.mkdirSync(staticDir);
  fs.writeFileSync(path.join(staticDir, 'index.html'), '<!doctype html><title>Influence Lens</title>');
  engine = startEngineThread(path.join(tmp, 'close.sqlite'));
});

afterAll(async () => {
  await engine.stop();
  fs.rmSync(tmp, { recursive: true, force: true });
});

const within = <T>(promise: Promise<T>, ms: number) =>
  Promise.race([promise, new Promise<string>((resolve) => setTimeout(() => resolve(`still waiting after ${ms} ms`), ms))]);

it('close() ends within seconds although a browser holds a preconnected socket without a request', async () => {
  const server = await startServer({ engine, token, port: 0, staticDir, tmpDir: tmp, launchCommand: 'npm start' });
  const preconnect = net.connect(server.port, '127.0.0.1');
  const socketClosed = new Promise<string>((resolve) => preconnect.on('close', () => resolve('closed')));
  preconnect.on('error', () => undefined);
  await new Promise((resolve) => preconnect.on('connect', resolve));
  const started = performance.now();
  expect(await within(server.close().then(() => 'closed'), 10_000)).toBe('closed');
  expect(performance.now() - started).toBeLessThan(5_000);
  expect(await within(socketClosed, 1_000)).toBe('closed');
}, 30_000);

it('a request in flight when close() starts still gets its answer, with the connection closed after it', async () => {
  const server = await startServer({ engine, token, port: 0, staticDir, tmpDir: tmp, launchCommand: 'npm start' });
  const socket = net.connect(server.port, '127.0.0.1');
  let answer = '';
  socket.on('data', (chunk: Buffer) => (answer += chunk.toString('latin1')));
  const socketClosed = new Promise<void>((resolve) => socket.on('close', () => resolve()));
  await new Promise((resolve) => socket.on('connect', resolve));
  const body = '{}';
  // The head only: the request is in flight (its body not sent) when the server starts to close.
  socket.write(`POST /api/call/datasets.list HTTP/1.1\r\nHost: 127.0.0.1:${server.port}\r\nAuthorization: Bearer ${token}\r\n` +
    `Origin: ${server.origin}\r\nContent-Type: application/json\r\nContent-Length: ${body.length}\r\nConnection: keep-alive\r\n\r\n`);
  await new Promise((resolve) => setTimeout(resolve, 100));
  const closed = server.close();
  socket.write(body);
  await closed;
  await socketClosed;
  expect(answer).toMatch(/^HTTP\/1\.1 200 /);
  expect(answer.toLowerCase()).toContain('connection: close');
  expect(answer).toContain('"ok":true');
}, 30_000);

it('close() ends an open event stream and refuses its reconnect on the same socket', async () => {
  const server = await startServer({ engine, token, port: 0, staticDir, tmpDir: tmp, launchCommand: 'npm start' });
  const request = `GET /api/events HTTP/1.1\r\nHost: 127.0.0.1:${server.port}\r\nCookie: lens_token_${server.port}=${token}\r\nConnection: keep-alive\r\n\r\n`;
  const socket = net.connect(server.port, '127.0.0.1');
  socket.on('error', () => undefined);
  let received = '';
  const answers: string[] = [];
  const connected = new Promise<void>((resolve) => {
    socket.on('data', (chunk: Buffer) => {
      received += chunk.toString('latin1');
      if (received.includes(': connected')) resolve();
      // The end of the chunked stream: reconnect at once on the same socket, as a page's EventSource may.
      if (received.endsWith('0\r\n\r\n')) {
        answers.push(received);
        received = '';
        if (socket.writable) socket.write(request);
      }
    });
  });
  const socketClosed = new Promise<void>((resolve) => socket.on('close', () => resolve()));
  socket.write(request);
  await connected;
  const started = performance.now();
  expect(await within(server.close().then(() => 'closed'), 10_000)).toBe('closed');
  expect(performance.now() - started).toBeLessThan(1_000);
  await socketClosed;
  expect(answers[0]).toMatch(/^HTTP\/1\.1 200 [\s\S]*: connected/);
  // Either the socket closed after the stream, or the reconnect was told that the server is stopping.
  expect(answers.slice(1).every((answer) => /^HTTP\/1\.1 503 /.test(answer))).toBe(true);
}, 30_000);
