import { contextBridge } from 'electron';

/** The narrow, named API the renderer sees; it grows call by call from the shared contract. */
const lens = {
  version: '0.1.0',
};

contextBridge.exposeInMainWorld('lens', lens);

export type LensBridge = typeof lens;
