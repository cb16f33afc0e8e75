import type { ServerResponse } from 'node:http';
import { CSP_HEADER } from '../../shared/csp';

const SECURITY_HEADERS: Record<string, string> = {
  // The page's policy plus frame-ancestors 'none' (src/shared/csp.ts).
  'content-security-policy': CSP_HEADER,
  'x-frame-options': 'DENY',
  // The page's URL once held the token; no request it makes names where it came from.
  'referrer-policy': 'no-referrer',
  'x-content-type-options': 'nosniff',
  'cache-control': 'no-store',
};

/** Set before anything is written, so every answer (refusals and errors included) carries them. */
export function setSecurityHeaders(response: ServerResponse): void {
  for (const [name, value] of Object.entries(SECURITY_HEADERS)) response.setHeader(name, value);
}

export function json(response: ServerResponse, body: unknown, status = 200): void {
  response.writeHead(status, { 'content-type': 'application/json; charset=utf-8' });
  response.end(JSON.stringify(body));
}

export function refuse(response: ServerResponse, status: number, message: string): void {
  if (response.headersSent) return void response.destroy();
  // A 413 is sent while the client may still be sending. Keeping the connection (even when the client asked to
  // close it) lets Node read and discard the rest; closing a socket with unread data sends a reset, and the
  // client's kernel drops our 413 with it. The server's requestTimeout bounds how long the rest may take.
  const connection = status === 413 ? { connection: 'keep-alive' } : {};
  response.writeHead(status, { 'content-type': 'text/plain; charset=utf-8', ...connection });
  response.end(message);
}
