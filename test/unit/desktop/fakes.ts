import type { BrowserWindowConstructorOptions, OpenDialogOptions } from 'electron';
import type { DialogLike, IpcMainLike, SenderEvent, WebContentsLike, WindowLike } from '../../../src/main/desktop/types';

/** Small stand-ins for the Electron objects the desktop modules are handed; each records what was done to it. */
type Listener = (event: SenderEvent, ...args: unknown[]) => unknown;

export class FakeIpcMain implements IpcMainLike {
  readonly handlers = new Map<string, Listener>();
  readonly listeners = new Map<string, Listener>();
  handle(channel: string, listener: Listener): void {
    this.handlers.set(channel, listener);
  }
  on(channel: string, listener: Listener): void {
    this.listeners.set(channel, listener);
  }
  /** What ipcRenderer.invoke would get back. */
  invoke(event: SenderEvent, channel: string, ...args: unknown[]): Promise<unknown> {
    return Promise.resolve(this.handlers.get(channel)!(event, ...args));
  }
  send(event: SenderEvent, channel: string, ...args: unknown[]): void {
    this.listeners.get(channel)!(event, ...args);
  }
}

export class FakeContents implements WebContentsLike {
  readonly sent: unknown[][] = [];
  send(channel: string, ...args: unknown[]): void {
    this.sent.push([channel, ...args]);
  }
  isDestroyed(): boolean {
    return false;
  }
}

export class FakeWindow implements WindowLike {
  readonly webContents = new FakeContents();
  readonly loads: string[] = [];
  readonly progress: number[] = [];
  title = '';
  minimized = false;
  focused = false;
  constructor(readonly options?: BrowserWindowConstructorOptions) {}
  async loadFile(file: string, options?: { hash?: string }): Promise<void> {
    this.loads.push(`${file}#${options?.hash ?? ''}`);
  }
  async loadURL(url: string): Promise<void> {
    this.loads.push(url);
  }
  setProgressBar(progress: number): void {
    this.progress.push(progress);
  }
  setTitle(title: string): void {
    this.title = title;
  }
  isDestroyed(): boolean {
    return false;
  }
  isMinimized(): boolean {
    return this.minimized;
  }
  restore(): void {
    this.minimized = false;
  }
  focus(): void {
    this.focused = true;
  }
}

/** Answers every open dialog with `answer` (null: the user cancelled). */
export class FakeDialog implements DialogLike<FakeWindow> {
  readonly opened: OpenDialogOptions[] = [];
  readonly errors: { title: string; content: string }[] = [];
  constructor(public answer: string[] | null) {}
  async showOpenDialog(_window: FakeWindow, options: OpenDialogOptions) {
    this.opened.push(options);
    return { canceled: this.answer === null, filePaths: this.answer ?? [] };
  }
  showErrorBox(title: string, content: string): void {
    this.errors.push({ title, content });
  }
}

export const frameEvent = (sender: WebContentsLike, url: string | null): SenderEvent => ({ sender, senderFrame: url === null ? null : { url } });
