import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { CSP_HEADER } from '../../shared/csp';
import type { AppLike, SenderEvent, SessionLike, WebContentsLike } from './types';

/** Where the renderer comes from: the built index.html, or electron-vite's dev server while developing. */
export type RendererTarget = { kind: 'file'; file: string } | { kind: 'dev'; url: string };

/** Is this URL our renderer page (any hash route of it), and nothing else? */
export function isRendererUrl(url: string, target: RendererTarget): boolean {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  if (target.kind === 'dev') return parsed.origin === new URL(target.url).origin;
  return parsed.protocol === 'file:' && path.resolve(fileURLToPath(parsed)) === path.resolve(target.file);
}

/**
 * The IPC sender check: the call must come from a frame showing our renderer, inside one of our windows (a page
 * that got into some other web contents, or a frame at another URL, is refused).
 */
export function trustedSender(target: RendererTarget, ours: (contents: WebContentsLike) => boolean) {
  return (event: SenderEvent): boolean => {
    const frame = event.senderFrame;
    return frame !== null && isRendererUrl(frame.url, target) && ours(event.sender);
  };
}

/** Every web contents the app creates, now or later: no navigation away, no new windows, no <webview>. */
export function guardContents(app: AppLike): void {
  app.on('web-contents-created', (_event, contents) => {
    const block = (event: { preventDefault(): void }) => event.preventDefault();
    contents.on('will-navigate', block);
    contents.on('will-redirect', block);
    contents.on('will-attach-webview', block);
    contents.setWindowOpenHandler(() => ({ action: 'deny' }));
  });
}

const REMOTE = ['http://*/*', 'https://*/*', 'ws://*/*', 'wss://*/*'];

/**
 * The session: every permission (camera, notifications, ...) refused, the CSP also sent as a header (it then holds
 * even for a response the meta tag does not reach), and no request to the network except the dev server's.
 */
export function guardSession(session: SessionLike, target: RendererTarget): void {
  session.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  session.setPermissionCheckHandler(() => false);
  const devOrigin = target.kind === 'dev' ? new URL(target.url).origin : null;
  const pages = devOrigin ? [`${devOrigin}/*`] : ['file:///*'];
  session.webRequest.onHeadersReceived({ urls: pages }, (details, callback) => {
    callback({ responseHeaders: { ...details.responseHeaders, 'Content-Security-Policy': [CSP_HEADER] } });
  });
  session.webRequest.onBeforeRequest({ urls: REMOTE }, (details, callback) => {
    callback({ cancel: !devOrigin || !sameHost(details.url, devOrigin) });
  });
}

/** The dev server's page and its hot-reload socket (ws:// on the same host and port). */
function sameHost(url: string, origin: string): boolean {
  try {
    return new URL(url).host === new URL(origin).host;
  } catch {
    return false;
  }
}
