/// <reference lib="webworker" />
import { createLayoutRun, detectCommunities } from './layout-core';
import type { LayoutReply, LayoutRequest } from './layout-messages';

/**
 * ForceAtlas2 and Louvain off the page's thread. The package's own worker (graphology-layout-forceatlas2/worker)
 * starts from a blob: URL, which the page's Content-Security-Policy (script-src 'self', src/shared/csp.ts) refuses;
 * this one is a file of the build, so the policy stays as strict as it is.
 */
const scope = self as unknown as DedicatedWorkerGlobalScope;
const reply = (message: LayoutReply, transfer: Transferable[] = []) => scope.postMessage(message, transfer);

scope.onmessage = (event: MessageEvent<LayoutRequest>) => {
  const request = event.data;
  try {
    if (request.type === 'communities') {
      const communities = detectCommunities(request.order, request.sources, request.targets, request.seed);
      reply({ type: 'communities', ...communities }, [communities.membership.buffer]);
      return;
    }
    const run = createLayoutRun(request, request);
    // One batch per macrotask, so a stop (terminate) from the page is never kept waiting behind the whole layout.
    const next = () => {
      const step = run.step();
      reply({ type: 'positions', positions: step.positions, iterations: step.iterations, done: step.done }, [step.positions.buffer]);
      if (!step.done) setTimeout(next, 0);
    };
    next();
  } catch (failure) {
    reply({ type: 'error', message: (failure as Error).message });
  }
};
