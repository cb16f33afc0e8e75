import fs from 'node:fs';
import { seededRandom } from '../src/shared/random';

/**
 * A 10,000-account, 100,000-link network around one hub (seeded, distinct pairs), as an edge list: the size issue 16
 * asks the network view to stay smooth at. Shared by the E2E (it renders) and `npm run bench -- ui` (how fast).
 */
export function writeBigNetwork(file: string): void {
  const random = seededRandom(7);
  const pairs = new Set<string>();
  for (let i = 1; i < 10_000; i++) pairs.add(`hub n${i}`);
  while (pairs.size < 100_000) {
    const a = 1 + Math.floor(random() * 9_999);
    const b = 1 + Math.floor(random() ** 2 * 9_999);
    if (a !== b) pairs.add(`n${a} n${b}`);
  }
  fs.writeFileSync(file, [...pairs].join('\n') + '\n');
}

/**
 * Chromium's GPU process on SwiftShader instead of --disable-gpu. With --disable-gpu the compositor reads every WebGL
 * frame back on the page's thread (GLES2::ReadPixels in Commit), so a 100,000-edge frame drawn in software blocked the
 * page 10-24 s per frame in a trace; with a GPU process, as the desktop app has, the page's own work is measured.
 */
export const WEBGL_CHROMIUM_ARGS = ['--no-sandbox', '--use-gl=angle', '--use-angle=swiftshader', '--enable-unsafe-swiftshader', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];
