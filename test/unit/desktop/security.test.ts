import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { appPaths, useElectronSqlite } from '../../../src/main/desktop/paths';
import { guardContents, guardSession, type RendererTarget } from '../../../src/main/desktop/security';
import type { GuardedContentsLike, HeadersDetails, PreventableEvent, SessionLike } from '../../../src/main/desktop/types';
import { createMainWindow, focusWindow, showView } from '../../../src/main/desktop/window';
import { CSP_HEADER, PAGE_CSP } from '../../../src/shared/csp';
import { setSecurityHeaders } from '../../../src/main/server/headers';
import { repoRoot, tempDir } from '../../helpers';
import { FakeWindow } from './fakes';

const fileTarget: RendererTarget = { kind: 'file', file: '/app/out/renderer/index.html' };

/** A web contents that records its guards, and an event that records being cancelled. */
function fakeContents() {
  const guards = new Map<string, (event: PreventableEvent) => void>();
  let openHandler: (() => { action: string }) | undefined;
  const contents: GuardedContentsLike = {
    on: (event, listener) => guards.set(event, listener),
    setWindowOpenHandler: (handler) => (openHandler = handler),
  };
  return { contents, guards, openWindow: () => openHandler!() };
}

function blocked(listener: ((event: PreventableEvent) => void) | undefined): boolean {
  let prevented = false;
  listener!({ preventDefault: () => (prevented = true) });
  return prevented;
}

/** A session that records its handlers, to call them as Chromium would. */
function fakeSession() {
  const recorded: {
    permission?: (contents: unknown, permission: string, callback: (granted: boolean) => void) => void;
    check?: () => boolean;
    headers?: { urls: string[]; listener: (details: HeadersDetails, callback: (r: { responseHeaders: Record<string, string[]> }) => void) => void };
    request?: { urls: string[]; listener: (details: { url: string }, callback: (r: { cancel: boolean }) => void) => void };
  } = {};
  const session: SessionLike = {
    setPermissionRequestHandler: (handler) => (recorded.permission = handler),
    setPermissionCheckHandler: (handler) => (recorded.check = handler),
    webRequest: {
      onHeadersReceived: (filter, listener) => (recorded.headers = { urls: filter.urls, listener }),
      onBeforeRequest: (filter, listener) => (recorded.request = { urls: filter.urls, listener }),
    },
  };
  const cancels = (url: string) => {
    let cancel: boolean | undefined;
    recorded.request!.listener({ url }, (response) => (cancel = response.cancel));
    return cancel;
  };
  return { session, recorded, cancels };
}

describe('the desktop security setup', () => {
  it('blocks navigation, redirects, webviews and new windows in every web contents', () => {
    let created: ((event: unknown, contents: GuardedContentsLike) => void) | undefined;
    guardContents({ on: (_event, listener) => (created = listener) });
    const { contents, guards, openWindow } = fakeContents();
    created!({}, contents);
    expect(blocked(guards.get('will-navigate'))).toBe(true);
    expect(blocked(guards.get('will-redirect'))).toBe(true);
    expect(blocked(guards.get('will-attach-webview'))).toBe(true);
    expect(openWindow()).toEqual({ action: 'deny' });
  });

  it('denies every permission, sends the CSP header and cancels every network request', () => {
    const { session, recorded, cancels } = fakeSession();
    guardSession(session, fileTarget);
    let granted: boolean | undefined;
    recorded.permission!({}, 'media', (answer) => (granted = answer));
    expect(granted).toBe(false);
    expect(recorded.check!()).toBe(false);
    expect(recorded.headers!.urls).toEqual(['file:///*']);
    let headers: Record<string, string[]> | undefined;
    recorded.headers!.listener({ url: 'file:///app/out/renderer/index.html', responseHeaders: { a: ['b'] } }, (r) => (headers = r.responseHeaders));
    expect(headers).toEqual({ a: ['b'], 'Content-Security-Policy': [CSP_HEADER] });
    expect(cancels('https://example.com/track.js')).toBe(true);
    expect(cancels('ws://localhost:5173/')).toBe(true);
  });

  it('lets the dev server through, and only it', () => {
    const { session, recorded, cancels } = fakeSession();
    guardSession(session, { kind: 'dev', url: 'http://localhost:5173' });
    expect(recorded.headers!.urls).toEqual(['http://localhost:5173/*']);
    expect(cancels('http://localhost:5173/src/main.tsx')).toBe(false);
    expect(cancels('ws://localhost:5173/')).toBe(false);
    expect(cancels('http://localhost:8080/')).toBe(true);
  });

  it('the page meta tag, the desktop header and the server header are one policy (src/shared/csp.ts)', () => {
    const html = fs.readFileSync(path.join(repoRoot, 'src', 'renderer', 'index.html'), 'utf8');
    const metas = [...html.matchAll(/http-equiv="Content-Security-Policy"\s+content="([^"]+)"/g)];
    expect(metas.map((meta) => meta[1])).toEqual([PAGE_CSP]);
    expect(CSP_HEADER).toBe(`${PAGE_CSP}; frame-ancestors 'none'`);
    const served = new Map<string, string>();
    setSecurityHeaders({ setHeader: (name: string, value: string) => served.set(name, value) } as never);
    expect(served.get('content-security-policy')).toBe(CSP_HEADER);
  });
});

describe('the window', () => {
  it('is isolated and sandboxed, without Node, and loads the page at a route', async () => {
    const window = createMainWindow(FakeWindow, '/app/out/preload/index.cjs');
    expect(window.options!.webPreferences).toMatchObject({
      preload: '/app/out/preload/index.cjs',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
      webviewTag: false,
    });
    await showView(window, fileTarget, 'datasets');
    await showView(window, { kind: 'dev', url: 'http://localhost:5173' }, 'runs?dataset=k');
    expect(window.loads).toEqual(['/app/out/renderer/index.html#/datasets', 'http://localhost:5173#/runs?dataset=k']);
  });

  it('comes to the front when a second instance starts', () => {
    const window = new FakeWindow();
    window.minimized = true;
    focusWindow(window);
    expect(window.minimized).toBe(false);
    expect(window.focused).toBe(true);
    expect(() => focusWindow(null)).not.toThrow();
  });
});

describe('the app paths', () => {
  it('finds the built pieces from out/main, and uses the dev server only when not packaged', () => {
    const env = { ELECTRON_RENDERER_URL: 'http://localhost:5173' };
    expect(appPaths('/app/out/main', {}, false)).toEqual({
      preload: '/app/out/preload/index.cjs',
      target: { kind: 'file', file: '/app/out/renderer/index.html' },
      engineProcess: '/app/out/main/engine-process.js',
      appRoot: '/app',
    });
    expect(appPaths('/app/out/main', env, false).target).toEqual({ kind: 'dev', url: 'http://localhost:5173' });
    expect(appPaths('/app/out/main', env, true).target.kind).toBe('file');
  });

  it('in development: an explicit INFLUENCE_LENS_SQLITE_BINDING wins, else a rebuilt binding when one is there', () => {
    const root = tempDir();
    const dev = { packaged: false, resourcesPath: undefined, appRoot: root };
    const env: NodeJS.ProcessEnv = {};
    expect(useElectronSqlite(env, dev)).toBeUndefined();
    expect(env.INFLUENCE_LENS_SQLITE_BINDING).toBeUndefined();
    const binding = shipBinding(root);
    expect(useElectronSqlite(env, dev)).toBe(binding);
    expect(env.INFLUENCE_LENS_SQLITE_BINDING).toBe(binding);
    const chosen: NodeJS.ProcessEnv = { INFLUENCE_LENS_SQLITE_BINDING: '/chosen.node' };
    expect(useElectronSqlite(chosen, dev)).toBe('/chosen.node');
    expect(chosen.INFLUENCE_LENS_SQLITE_BINDING).toBe('/chosen.node');
    fs.rmSync(root, { recursive: true, force: true });
  });

  it('packaged: always the binding in resources, whatever the environment says; none there stops the start', () => {
    const resources = tempDir();
    const appRoot = tempDir();
    shipBinding(appRoot);
    const packaged = { packaged: true, resourcesPath: resources, appRoot };
    const env: NodeJS.ProcessEnv = { INFLUENCE_LENS_SQLITE_BINDING: '/tmp/attacker.node' };
    // Not the one beside the app root either: only resources/native is the packaged app's own.
    expect(() => useElectronSqlite(env, packaged)).toThrow(/SQLite driver is missing .*reinstall/);
    expect(() => useElectronSqlite({}, { ...packaged, resourcesPath: undefined })).toThrow(/SQLite driver is missing/);
    const shipped = shipBinding(resources);
    expect(useElectronSqlite(env, packaged)).toBe(shipped);
    expect(env.INFLUENCE_LENS_SQLITE_BINDING).toBe(shipped);
    for (const dir of [resources, appRoot]) fs.rmSync(dir, { recursive: true, force: true });
  });
});

/** A (empty) native/better_sqlite3.node under root, as the build ships it. */
function shipBinding(root: string): string {
  const binding = path.join(root, 'native', 'better_sqlite3.node');
  fs.mkdirSync(path.dirname(binding));
  fs.writeFileSync(binding, '');
  return binding;
}

