import type { Communities, LayoutGraph, LayoutLimits, StopReason } from './layout-core';

/** What the page asks of the layout worker (fa2.worker.ts): one request per worker, answered by messages below. */
export type LayoutRequest =
  | ({ type: 'layout' } & LayoutGraph & LayoutLimits)
  | { type: 'communities'; order: number; sources: Uint32Array; targets: Uint32Array; seed: number };

export type LayoutReply =
  | { type: 'positions'; positions: Float32Array; iterations: number; done: StopReason | null }
  | ({ type: 'communities' } & Communities)
  | { type: 'error'; message: string };
