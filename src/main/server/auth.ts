import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
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

/**
 * Equal tokens, compared in constant time over their sha256 digests: the digests always have the same length, so
 * timingSafeEqual cannot throw (a 48-character token with one non-ASCII character is 49 bytes and used to end the
 * process), and the length of the expected token does not leak either.
 */
export function sameToken(presented: string | null, token: string): boolean {
  if (presented === null) return false;
  const digest = (text: string) => createHash('sha256').update(text, 'utf8').digest();
  return timingSafeEqual(digest(presented), digest(token));
}

/** The token from `Authorization: Bearer`: the only credential a state-changing route accepts. */
export function bearerToken(request: IncomingMessage): string | null {
  const bearer = /^Bearer (\S+)$/.exec(request.headers.authorization ?? '');
  return bearer ? bearer[1]! : null;
}

/**
 * The cookie is named after the port: browsers send a 127.0.0.1 cookie to every port, so two servers sharing one
 * name would overwrite each other's.
 */
export const cookieName = (port: number) => `lens_token_${port}`;

export function cookieToken(request: IncomingMessage, port: number): string | null {
  const cookie = new RegExp(`(?:^|;\\s*)${cookieName(port)}=([0-9a-f]+)`).exec(request.headers.cookie ?? '');
  return cookie ? cookie[1]! : null;
}

export function sessionCookie(token: string, port: number): string {
  return `${cookieName(port)}=${token}; HttpOnly; SameSite=Strict; Path=/`;
}

/**
 * A state-changing request came from our own page: its Origin is this server's, or (a browser that sends no
 * Origin) its fetch metadata says same-origin. Another port of 127.0.0.1 is the same site (so it gets the cookie)
 * but not the same origin, which is the case this check is for.
 */
export function fromOwnOrigin(request: IncomingMessage, ownOrigins: readonly string[]): boolean {
  const origin = request.headers.origin;
  if (origin !== undefined) return ownOrigins.includes(origin);
  return request.headers['sec-fetch-site'] === 'same-origin';
}

/** The origins the page may be served from: the loopback names a browser can use for this port. */
export const loopbackOrigins = (port: number) => [...LOOPBACK_HOSTS].map((host) => `http://${host}:${port}`);

/**
 * A request the page made with fetch on its own origin (not a navigation, not an embed, not another site): the
 * only kind that may read the token back from /api/session.
 */
export function sameOriginFetch(request: IncomingMessage): boolean {
  return request.headers['sec-fetch-site'] === 'same-origin' && request.headers['sec-fetch-dest'] === 'empty';
}
