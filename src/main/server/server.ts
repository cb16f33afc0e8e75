import fs from 'node:fs';
import http, { type IncomingMessage, type ServerResponse } from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { api, type ApiName } from '../../shared/api';
import type { EngineClient } from '../engine/client';
import { loopbackHost, presentedToken, sameToken } from './auth';
import { serveStatic } from './static';

export interface ServerOptions {
  /** The engine that owns the database: this thread forwards calls to it and never touches SQLite. */
  engine: EngineClient;
  token: string;
  port: number;
  /** The built renderer (out/renderer). */
  staticDir: string;
  /**
   * Only for tests (INFLUENCE_LENS_TEST_ENDPOINTS=1): GET /api/test/event-loop answers this thread's event-loop
   * delay since the last reset, so a test can show that calls in flight do not stall it.
   */
  eventLoopEndpoint?: boolean;
}

const BODY_LIMIT = 16 << 20;

/**
 * The browser mode: the renderer and the API contract on 127.0.0.1 only. Every request needs the launch token
 * (query, bearer header, or the cookie the page gets with it) and a loopback Host header; calls are forwarded
 * to the engine (engine/client.ts) by name with the page's request id, their progress pushed to the page as
 * server-sent events and a cancel relayed; this thread parses no data and opens no database.
 */
export function startServer(options: ServerOptions): Promise<http.Server> {
  const delay = options.eventLoopEndpoint ? monitorEventLoopDelay({ resolution: 10 }) : null;
  delay?.enable();
  const streams = new Set<ServerResponse>();
  const uploads = fs.mkdtempSync(path.join(os.tmpdir(), 'lens-uploads-'));
  const push = (event: unknown) => {
    for (const stream of streams) stream.write(`data: ${JSON.stringify(event)}\n\n`);
  };

  const server = http.createServer((request, response) => {
    // The port the server listens on: with port 0 the system chose it.
    const address = server.address();
    const port = typeof address === 'object' && address ? address.port : options.port;
    const url = new URL(request.url ?? '/', `http://127.0.0.1:${port}`);
    if (!loopbackHost(request, port)) return refuse(response, 403, 'this server answers only to 127.0.0.1 and localhost');
    if (!sameToken(presentedToken(request, url), options.token)) {
      return refuse(response, 401, 'open the workbench with the URL (and its token) that `lens serve` printed');
    }
    response.setHeader('set-cookie', `lens_token=${options.token}; HttpOnly; SameSite=Strict; Path=/`);
    if (url.pathname === '/api/events') return openStream(response, streams);
    if (request.method === 'POST' && url.pathname.startsWith('/api/call/')) {
      return void handleCall(request, response, url.pathname.slice('/api/call/'.length));
    }
    if (request.method === 'POST' && url.pathname.startsWith('/api/cancel/')) {
      options.engine.cancel(url.pathname.slice('/api/cancel/'.length));
      return json(response, { ok: true, value: null });
    }
    if (delay && url.pathname === '/api/test/event-loop') return json(response, eventLoopDelay(delay, url));
    if (request.method === 'POST' && url.pathname === '/api/upload') return void handleUpload(request, response, url);
    if (url.pathname.startsWith('/api/')) return refuse(response, 404, `no API route ${url.pathname}`);
    serveStatic(options.staticDir, url.pathname, response);
  });

  async function handleCall(request: IncomingMessage, response: ServerResponse, name: string) {
    if (!Object.hasOwn(api, name)) return json(response, { ok: false, error: { code: 'not_found', message: `no API call "${name}"` } });
    let input: unknown;
    try {
      input = JSON.parse((await readBody(request)) || '{}');
    } catch {
      return json(response, { ok: false, error: { code: 'invalid_input', message: 'the request body is not JSON' } });
    }
    const requestId = String(request.headers['x-request-id'] ?? '');
    const result = await options.engine.call(name as ApiName, input, {
      requestId,
      onProgress: (progress) => push({ requestId, kind: 'import', progress }),
      onJobProgress: (progress) => push({ requestId, kind: 'job', progress }),
    });
    json(response, result);
  }

  async function handleUpload(request: IncomingMessage, response: ServerResponse, url: URL) {
    const name = path.basename(url.searchParams.get('name') ?? 'upload');
    const target = path.join(fs.mkdtempSync(path.join(uploads, 'u-')), name);
    await new Promise<void>((resolve, reject) => request.pipe(fs.createWriteStream(target)).on('finish', resolve).on('error', reject));
    json(response, { ok: true, value: { path: target } });
  }

  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, '127.0.0.1', () => resolve(server));
    server.on('close', () => {
      delay?.disable();
      for (const stream of streams) stream.end();
      fs.rmSync(uploads, { recursive: true, force: true });
    });
  });
}

/** The delay percentiles in milliseconds (the histogram counts nanoseconds); `?reset=1` starts a new window. */
function eventLoopDelay(delay: ReturnType<typeof monitorEventLoopDelay>, url: URL) {
  const ms = (ns: number) => ns / 1e6;
  const value = { p50: ms(delay.percentile(50)), p99: ms(delay.percentile(99)), max: ms(delay.max), samples: delay.count };
  if (url.searchParams.get('reset') === '1') delay.reset();
  return { ok: true, value };
}

function openStream(response: ServerResponse, streams: Set<ServerResponse>): void {
  response.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-store', connection: 'keep-alive' });
  response.write(': connected\n\n');
  streams.add(response);
  response.on('close', () => streams.delete(response));
}

function readBody(request: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    let size = 0;
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > BODY_LIMIT) {
        reject(new Error('request body too large'));
        request.destroy();
      } else chunks.push(chunk);
    });
    request.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    request.on('error', reject);
  });
}

function json(response: ServerResponse, body: unknown): void {
  response.writeHead(200, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' });
  response.end(JSON.stringify(body));
}

function refuse(response: ServerResponse, status: number, message: string): void {
  response.writeHead(status, { 'content-type': 'text/plain; charset=utf-8' });
  response.end(message);
}
