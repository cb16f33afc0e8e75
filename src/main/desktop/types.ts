import type { BrowserWindowConstructorOptions, MenuItemConstructorOptions, OpenDialogOptions, OpenDialogReturnValue } from 'electron';

/**
 * The parts of Electron's API the desktop modules use, as narrow structural types: index.ts passes the real
 * objects, the unit tests small fakes. Only `import type` from electron here, so nothing loads Electron in tests.
 */
export interface WebContentsLike {
  send(channel: string, ...args: unknown[]): void;
  isDestroyed(): boolean;
}

export interface FrameLike {
  url: string;
}

/** An IPC event: who sent it (the page's web contents and the frame inside it). */
export interface SenderEvent {
  sender: WebContentsLike;
  senderFrame: FrameLike | null;
}

export interface IpcMainLike {
  handle(channel: string, listener: (event: SenderEvent, ...args: unknown[]) => unknown): void;
  on(channel: string, listener: (event: SenderEvent, ...args: unknown[]) => void): void;
}

export interface WindowLike {
  webContents: WebContentsLike;
  loadFile(file: string, options?: { hash?: string }): Promise<void>;
  loadURL(url: string): Promise<void>;
  setProgressBar(progress: number): void;
  setTitle(title: string): void;
  isDestroyed(): boolean;
  isMinimized(): boolean;
  restore(): void;
  focus(): void;
}

export type WindowConstructor<W extends WindowLike> = new (options: BrowserWindowConstructorOptions) => W;

/** Generic in the window type: Electron's dialogs take its own BrowserWindow, the fakes a fake window. */
export interface DialogLike<W extends WindowLike = WindowLike> {
  showOpenDialog(window: W, options: OpenDialogOptions): Promise<OpenDialogReturnValue>;
  showErrorBox(title: string, content: string): void;
}

export interface MenuLike {
  buildFromTemplate(template: MenuItemConstructorOptions[]): unknown;
  setApplicationMenu(menu: never): void;
}

/** A navigation or new-window attempt: the handlers only ever cancel it. */
export interface PreventableEvent {
  preventDefault(): void;
}

export interface GuardedContentsLike {
  on(event: 'will-navigate' | 'will-redirect' | 'will-attach-webview', listener: (event: PreventableEvent) => void): unknown;
  setWindowOpenHandler(handler: () => { action: 'deny' }): void;
}

export interface AppLike {
  on(event: 'web-contents-created', listener: (event: unknown, contents: GuardedContentsLike) => void): unknown;
}

export interface HeadersDetails {
  url: string;
  responseHeaders?: Record<string, string[]>;
}

export interface SessionLike {
  setPermissionRequestHandler(handler: (contents: unknown, permission: string, callback: (granted: boolean) => void) => void): void;
  setPermissionCheckHandler(handler: () => boolean): void;
  webRequest: {
    onHeadersReceived(
      filter: { urls: string[] },
      listener: (details: HeadersDetails, callback: (response: { responseHeaders: Record<string, string[]> }) => void) => void,
    ): void;
    onBeforeRequest(filter: { urls: string[] }, listener: (details: { url: string }, callback: (response: { cancel: boolean }) => void) => void): void;
  };
}

/** A forked Electron utilityProcess (the engine's process): messages both ways, its exit, and kill. */
export interface UtilityProcessLike {
  postMessage(message: unknown): void;
  on(event: 'message', listener: (message: unknown) => void): unknown;
  on(event: 'exit', listener: (code: number) => void): unknown;
  kill(): boolean;
}

/** Electron's utilityProcess.fork, narrowed to what the engine needs. */
export type UtilityForkLike = (
  modulePath: string,
  args: string[],
  options: { serviceName: string; stdio: 'inherit' | 'ignore' },
) => UtilityProcessLike;
