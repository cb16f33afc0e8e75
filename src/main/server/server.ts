import fs from 'node:fs';
import http, { type IncomingMessage, type ServerResponse } from 'node:http';
import os from 'node:os';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { api, type ApiName } from '../../shared/api';
import type { EngineClient } from '../engine/client';
import { bearerToken, cookieToken, fromOwnOrigin, loopbackHost, loopbackOrigins, sameOriginFetch, sameToken, sessionCookie } from './auth';
import { readBody, writeBody } from './body';
import { json, refuse, setSecurityHeaders } from './headers';
import { noTokenPage } from './no-token-page';
import { OneTimeCodes } from './open-codes';
import { findRoute, type Route } from './routes';
import { GracefulClose } from './shutdown';
import { serveStatic } from './static';
import { createUploadRoot, removeStaleUploadFolders, removeUploads, uploadLimitFromEnv, uploadNameProblem, uploadTarget } from './uploads';

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
  /** Bytes per upload; INFLUENCE_LENS_UPLOAD_LIMIT_MB or 2 GiB when not given (uploads.ts). */
  uploadLimit?: number;
  /** Where upload folders go (the system temp folder when not given). */
  tmpDir?: string;
  /** The command the user started this server with (`npm start`), named on the page shown without the token. */
  launchCommand: string;
}

export interface LensServer {
  http: http.Server;
  port: number;
  /** `http://127.0.0.1:PORT` */
  origin: string;
  /** A one-time URL that sets the session cookie and redirects to the page (for `--open`: no token on a command line). */
  openUrl(): string;
  close(): Promise<void>;
}

/** 16 MiB per call input: the largest real input (a what-if over 100k accounts) is under 4 MiB. */
const CALL_BODY_LIMIT = 16 << 20;

/**
 * The browser mode: the renderer and the API contract on 127.0.0.1 only, defended as docs/SECURITY.md describes.
 * Every request needs a loopback Host header and the launch token; state-changing routes take it only as
 * `Authorization: Bearer` from our own origin. Calls are forwarded to the engine (engine/client.ts) by name with the
 * page's request id, their progress pushed as server-sent events and a cancel relayed; this thread parses no data
 * and opens no database. No request can end the process: every handler's failure becomes a 4xx or 500 answer.
 */
export async function startServer(options: ServerOptions): Promise<LensServer> {
  const delay = options.eventLoopEndpoint ? monitorEventLoopDelay({ resolution: 10 }) : null;
  delay?.enable();
  const uploadLimit = options.uploadLimit ?? uploadLimitFromEnv();
  const tmp = options.tmpDir ?? os.tmpdir();
  removeStaleUploadFolders(tmp);
  const uploads = createUploadRoot(tmp);
  const removeUploadRoot = () => fs.rmSync(uploads, { recursive: true, force: true });
  process.once('exit', removeUploadRoot);
  const codes = new OneTimeCodes();
  const streams = new Set<ServerResponse>();
  const push = (event: unknown) => {
    for (const stream of streams) stream.write(`data: ${JSON.stringify(event)}\n\n`);
  };
  let port = options.port;

  const server = http.createServer((request, response) => {
    shutdown.request(request, response);
    setSecurityHeaders(response);
    // A client that goes away mid-request is not an error of ours; without a listener it would end the process.
    request.on('error', () => undefined);
    response.on('error', () => undefined);
    handle(request, response).catch(() => refuse(response, 500, 'the server failed on this request; it keeps running'));
  });
  const shutdown = new GracefulClose(server);
  // Requests Node's parser rejects (a malformed request line or header) get a 400 instead of a dropped socket.
  server.on('clientError', (_error, socket) => {
    if (socket.writable) socket.end('HTTP/1.1 400 Bad Request\r\nconnection: close\r\ncontent-length: 0\r\n\r\n');
    else socket.destroy();
  });

  async function handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    if (!loopbackHost(request, port)) return refuse(response, 403, 'this server answers only to 127.0.0.1 and localhost');
    const url = requestUrl(request.url, port);
    if (!url) return refuse(response, 400, 'the request target is not a valid URL');
    if (url.pathname.startsWith('/open/')) return openWithCode(request, response, url.pathname.slice('/open/'.length));
    const cookie = cookieToken(request, port);
    const bearer = bearerToken(request);
    const query = url.pathname.startsWith('/api/') ? null : url.searchParams.get('token');
    const anyCredential = [bearer, cookie, query].some((token) => sameToken(token, options.token));
    if (!anyCredential) {
      if (!url.pathname.startsWith('/api/')) return noToken(request, response);
      return refuse(response, 401, `open the workbench with the URL \`${options.launchCommand}\` printed`);
    }
    if (!url.pathname.startsWith('/api/')) return page(request, response, url, sameToken(query, options.token));
    const route = findRoute(url.pathname, Boolean(delay));
    if (!route) return refuse(response, 404, `no API route ${url.pathname}`);
    if (request.method !== route.method) {
      response.setHeader('allow', route.method);
      return refuse(response, 405, `${url.pathname} takes ${route.method}`);
    }
    if (route.stateChanging) {
      if (!fromOwnOrigin(request, loopbackOrigins(port))) return refuse(response, 403, 'this request does not come from the workbench page');
      if (!sameToken(bearer, options.token)) return refuse(response, 401, 'a call that changes state needs `Authorization: Bearer <token>`');
    }
    return answerApi(route, request, response, url);
  }

  function answerApi(route: Route, request: IncomingMessage, response: ServerResponse, url: URL): Promise<void> | void {
    const rest = url.pathname.slice(route.path.length);
    switch (route.name) {
      case 'call':
        return handleCall(request, response, rest);
      case 'cancel':
        options.engine.cancel(rest);
        return json(response, { ok: true, value: null });
      case 'upload':
        return handleUpload(request, response, url.searchParams.get('name') ?? '');
      case 'events':
        // A page's event stream reconnects when close() ends it: no new one may hold the server open.
        if (shutdown.closing) return refuse(response, 503, 'the workbench is stopping');
        return openStream(response, streams);
      case 'session':
        // The token for the page to send as Bearer; readable only by a same-origin fetch (docs/SECURITY.md).
        if (!sameOriginFetch(request)) return refuse(response, 403, 'the session is given only to the workbench page');
        return json(response, { ok: true, value: { token: options.token } });
      case 'event-loop':
        return json(response, eventLoopDelay(delay!, url));
    }
  }

  /** The page: a token in the query sets the cookie and is dropped from the address bar by a redirect. */
  function page(request: IncomingMessage, response: ServerResponse, url: URL, queryToken: boolean): void {
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      response.setHeader('allow', 'GET, HEAD');
      return refuse(response, 405, 'the page is only read');
    }
    if (!queryToken) return serveStatic(options.staticDir, url.pathname, response);
    url.searchParams.delete('token');
    response.writeHead(303, { 'set-cookie': sessionCookie(options.token, port), location: url.pathname + url.search });
    response.end();
  }

  /** A browser asking for the page without the token gets a page that says where the link with it is. */
  function noToken(request: IncomingMessage, response: ServerResponse): void {
    response.writeHead(401, { 'content-type': 'text/html; charset=utf-8' });
    response.end(request.method === 'HEAD' ? undefined : noTokenPage(options.launchCommand, `http://127.0.0.1:${port}`));
  }

  function openWithCode(request: IncomingMessage, response: ServerResponse, code: string): void {
    if (request.method !== 'GET') return refuse(response, 405, 'an open link is only followed');
    if (!codes.redeem(code)) return refuse(response, 403, 'this open link was used already or has expired; run `lens serve --open` again');
    response.writeHead(303, { 'set-cookie': sessionCookie(options.token, port), location: '/' });
    response.end();
  }

  async function handleCall(request: IncomingMessage, response: ServerResponse, name: string) {
    const body = await readBody(request, CALL_BODY_LIMIT);
    if (!body.ok) return refuse(response, body.status, body.message);
    if (!Object.hasOwn(api, name)) return json(response, { ok: false, error: { code: 'not_found', message: `no API call "${name}"` } });
    let input: unknown;
    try {
      input = JSON.parse(body.value || '{}');
    } catch {
      return json(response, { ok: false, error: { code: 'invalid_input', message: 'the request body is not JSON' } });
    }
    const requestId = String(request.headers['x-request-id'] ?? '');
    const result = await options.engine.call(name as ApiName, input, {
      requestId,
      onProgress: (progress) => push({ requestId, kind: 'import', progress }),
      onJobProgress: (progress) => push({ requestId, kind: 'job', progress }),
    });
    // An uploaded file is only needed until it is imported.
    if (name === 'datasets.import' && result.ok) removeUploads(uploads, importedPaths(input));
    json(response, result);
  }

  async function handleUpload(request: IncomingMessage, response: ServerResponse, name: string) {
    const problem = uploadNameProblem(name);
    if (problem) return refuse(response, 400, problem);
    const target = uploadTarget(uploads, name);
    const written = await writeBody(request, target, uploadLimit);
    // The page names the limit in its own words (renderer api/http-transport.ts), so it is sent as a number.
    if (!written.ok && written.status === 413) response.setHeader('x-upload-limit-bytes', String(uploadLimit));
    if (!written.ok) return refuse(response, written.status, written.message);
    json(response, { ok: true, value: { path: target } });
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, '127.0.0.1', () => resolve());
  });
  const address = server.address();
  // With port 0 the system chose it.
  port = typeof address === 'object' && address ? address.port : options.port;
  const origin = `http://127.0.0.1:${port}`;
  return {
    http: server,
    port,
    origin,
    openUrl: () => `${origin}/open/${codes.issue()}`,
    async close() {
      const closed = shutdown.close();
      for (const stream of streams) stream.end();
      await closed;
      delay?.disable();
      process.off('exit', removeUploadRoot);
      removeUploadRoot();
    },
  };
}

/** The request target as a URL, or null when it is not one (`GET http://[/ HTTP/1.1`). */
function requestUrl(target: string | undefined, port: number): URL | null {
  try {
    return new URL(target ?? '/', `http://127.0.0.1:${port}`);
  } catch {
    return null;
  }
}

function importedPaths(input: unknown): string[] {
  const paths = (input as { paths?: unknown }).paths;
  return Array.isArray(paths) ? paths.filter((item): item is string => typeof item === 'string') : [];
}

/** The delay percentiles in milliseconds (the histogram counts nanoseconds); `?reset=1` starts a new window. */
function eventLoopDelay(delay: ReturnType<typeof monitorEventLoopDelay>, url: URL) {
  const ms = (ns: number) => ns / 1e6;
  const value = { p50: ms(delay.percentile(50)), p99: ms(delay.percentile(99)), max: ms(delay.max), samples: delay.count };
  if (url.searchParams.get('reset') === '1') delay.reset();
  return { ok: true, value };
}

function openStream(response: ServerResponse, streams: Set<ServerResponse>): void {
  response.writeHead(200, { 'content-type': 'text/event-stream', connection: 'keep-alive' });
  response.write(': connected\n\n');
  streams.add(response);
  response.on('close', () => streams.delete(response));
}
