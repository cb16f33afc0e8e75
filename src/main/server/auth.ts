import { randomBytes, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';

export const newToken = () => randomBytes(24).toString('hex');

const LOOPBACK_HOSTS = new Set(['127.0.0.1', 'localhost', '[::1]']);

/** A Host header naming another machine means a page elsewhere is talking to us through DNS rebinding. */
export function loopbackHost(request: IncomingMessage, port: number): boolean {
  const host = request.headers.host ?? '';
  const at = host.lastIndexOf(':');
  const name = at > 0 && !host.endsWith(']') ? host.slice(0, at) : host;
  const hostPort = at > 0 && !host.endsWith(']') ? Number(host.slice(at + 1)) : 80;
  return LOOPBACK_HOSTS.has(name) && hostPort === port;
}

/** The token from `Authorization: Bearer`, the `token` query parameter, or the cookie the page got with it. */
export function presentedToken(request: IncomingMessage, url: URL): string | null {
  const bearer = /^Bearer (\S+)$/.exec(request.headers.authorization ?? '');
  if (bearer) return bearer[1]!;
  const query = url.searchParams.get('token');
  if (query) return query;
  const cookie = /(?:^|;\s*)lens_token=([0-9a-f]+)/.exec(request.headers.cookie ?? '');
  return cookie ? cookie[1]! : null;
}

export function sameToken(presented: string | null, token: string): boolean {
  if (presented === null || presented.length !== token.length) return false;
  return timingSafeEqual(Buffer.from(presented), Buffer.from(token));
}
