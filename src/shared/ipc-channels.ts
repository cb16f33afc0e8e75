/**
 * The IPC channel names, shared by main, the preload and the page. No imports: the sandboxed preload bundles this
 * file and can load nothing else at run time.
 */
export const CHANNELS = {
  call: 'lens:call',
  cancel: 'lens:cancel',
  /** Progress of a call, tagged with its request id and sent only to the window that made it. */
  progress: 'lens:progress',
  /** Menu actions the page carries out itself (the renderer's menu-events.ts). */
  menu: 'lens:menu',
} as const;

/** What the menu asks of the page. */
export type MenuAction = 'export-report';
