import os from 'node:os';
import fs from 'node:fs';
import path from 'node:path';
import { expect, test, type APIRequestContext } from '@playwright/test';
import { writeEdgeList } from '../engine-helpers';
import { startServer } from './server';

// The browser mode's request thread only forwards calls to the engine thread: while an import, an audit and a
// compare run, its event loop stays responsive. Measured with perf_hooks.monitorEventLoopDelay through the
// test-only endpoint, on a server of its own (its import and runs would change what the other specs see).
test('the server request thread keeps its event loop free while an import, an audit and a compare run', async ({ page, request }) => {
  test.setTimeout(300_000);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lens-e2e-loop-'));
  const server = await startServer(path.join(dir, 'loop.sqlite'), { INFLUENCE_LENS_TEST_ENDPOINTS: '1' });
  try {
    const { url } = server;
    const { origin } = new URL(url);
    const token = new URL(url).searchParams.get('token')!;
    await page.goto(url);
    // State-changing calls need the Bearer token and our own Origin (docs/SECURITY.md).
    const headers = { authorization: `Bearer ${token}`, origin };
    const call = async (api: APIRequestContext, name: string, input: unknown) => {
      const response = await api.post(`${origin}/api/call/${name}`, { headers: { ...headers, 'x-request-id': `${name}-${Date.now()}` }, data: input });
      const body = (await response.json()) as { ok: boolean; value?: unknown; error?: { code: string; message: string } };
      if (!body.ok) throw new Error(`${name}: ${body.error!.code}: ${body.error!.message}`);
      return body.value as Record<string, unknown>;
    };
    const eventLoop = async (reset: boolean) => {
      const response = await request.get(`${origin}/api/test/event-loop${reset ? '?reset=1' : ''}`, { headers });
      return ((await response.json()) as { value: { p50: number; p99: number; max: number; samples: number } }).value;
    };
    const edges = writeEdgeList(path.join(dir, 'loop.edgelist'), 1_000_000);
    const pagerank = (await call(request, 'runs.score', { dataset: 'demo-world', model: 'pagerank' })) as { run: { id: number } };
    const indegree = (await call(request, 'runs.score', { dataset: 'demo-world', model: 'indegree' })) as { run: { id: number } };
    await eventLoop(true);
    const started = performance.now();
    const [imported] = await Promise.all([
      call(request, 'datasets.import', { paths: [edges], dataset: 'loop', edges: 'attention' }),
      call(request, 'audit.cases', { dataset: 'demo-world' }),
      call(request, 'analysis.compare', { runs: [pagerank.run.id, indegree.run.id] }),
    ]);
    const seconds = (performance.now() - started) / 1000;
    const delay = await eventLoop(false);
    console.log(`request thread during import + audit + compare (${seconds.toFixed(1)} s): p50 ${delay.p50.toFixed(1)} ms, ` +
      `p99 ${delay.p99.toFixed(1)} ms, max ${delay.max.toFixed(1)} ms over ${delay.samples} samples`);
    expect((imported as { totals: { interactions: { edge: number } } }).totals.interactions.edge).toBe(1_000_000);
    expect(delay.samples).toBeGreaterThan(50);
    expect(delay.p99).toBeLessThan(50);
  } finally {
    await server.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
