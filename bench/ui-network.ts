import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium, type Page } from '@playwright/test';
import { WEBGL_CHROMIUM_ARGS, writeBigNetwork } from './network-data';

export interface NetworkSample {
  /** The long task that holds the view's 'network-first-render' mark (NetworkCanvas.tsx): sigma indexing every edge. */
  firstRenderMs: number;
  /** The longest main-thread task after it, while ForceAtlas2 runs in its worker and the view is zoomed and reset. */
  longestAfterMs: number;
}

const WAIT_MS = 180_000;

/** Imports the 10k/100k network into the served database through the CLI (WAL: the server keeps running). */
export function importBigNetwork(repoRoot: string, dbFile: string): void {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lens-bench-network-'));
  const file = path.join(dir, 'big.edges');
  writeBigNetwork(file);
  const args = ['--import', 'tsx', path.join(repoRoot, 'src/main/cli/main.ts'), 'import', file, '--dataset', 'big-network', '--format', 'edgelist', '--edges', 'attention', '--db', dbFile];
  const result = spawnSync(process.execPath, args, { cwd: repoRoot, encoding: 'utf8' });
  fs.rmSync(dir, { recursive: true, force: true });
  if (result.status !== 0) throw new Error(`importing the 10k/100k network failed: ${result.stderr}`);
}

/** One visit: the hub's ego network at 100,000 links drawn, laid out for 50 iterations, zoomed in and reset. */
async function sample(page: Page, url: string): Promise<NetworkSample> {
  await page.goto(`${url}#/propagation?dataset=big-network`);
  await page.getByTestId('ego-account').fill('hub');
  await page.getByTestId('ego-limit').fill('100000');
  await page.evaluate(() => {
    const tasks: { start: number; duration: number }[] = [];
    (window as unknown as { longTasks: typeof tasks }).longTasks = tasks;
    new PerformanceObserver((list) => list.getEntries().forEach((entry) => tasks.push({ start: entry.startTime, duration: entry.duration }))).observe({ type: 'longtask', buffered: false });
  });
  await page.getByTestId('ego-show').click();
  const status = page.getByTestId('ego-graph-layout-status');
  await page.waitForFunction(() => Number(document.querySelector('[data-testid=ego-graph-layout-status]')?.getAttribute('data-iterations')) >= 50, null, { timeout: WAIT_MS });
  await status.waitFor();
  await page.getByTestId('ego-graph-zoom-in').click();
  await page.getByTestId('ego-graph-zoom-reset').click();
  // The zoom animates for 250 ms while the layout keeps moving nodes.
  await page.waitForTimeout(1000);
  const { tasks, mark } = await page.evaluate(() => ({
    tasks: (window as unknown as { longTasks: { start: number; duration: number }[] }).longTasks,
    mark: performance.getEntriesByName('network-first-render').at(-1)?.startTime ?? Number.NaN,
  }));
  if (Number.isNaN(mark)) throw new Error('the network view never marked its first render');
  return {
    firstRenderMs: tasks.filter((task) => task.start <= mark).at(-1)?.duration ?? 0,
    longestAfterMs: Math.max(0, ...tasks.filter((task) => task.start > mark).map((task) => task.duration)),
  };
}

/** `reps` visits, each in a new page of a browser with a GPU process (SwiftShader), as the desktop app has one. */
export async function networkSamples(url: string, reps: number): Promise<NetworkSample[]> {
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: WEBGL_CHROMIUM_ARGS });
  try {
    const samples: NetworkSample[] = [];
    for (let i = 0; i < reps; i++) {
      const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
      try {
        samples.push(await sample(page, url));
      } finally {
        await page.close();
      }
    }
    return samples;
  } finally {
    await browser.close();
  }
}
