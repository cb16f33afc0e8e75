import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));

export interface Measurement {
  seconds: number;
  /** Seen from outside: process start, module loading and exit included. */
  wallSeconds: number;
  peakRssMb: number;
  detail?: Record<string, unknown>;
}

/**
 * Runs one measured task in a fresh Node process, so its peak RSS is its own and not the generator's or an
 * earlier task's. The task prints one JSON line: {seconds, detail}.
 */
export function measureInChild(task: string, args: string[], nodeOptions: string[] = []): Measurement {
  const started = performance.now();
  const result = spawnSync(process.execPath, [...nodeOptions, '--import', 'tsx', path.join(here, 'tasks.ts'), task, ...args], {
    encoding: 'utf8',
    maxBuffer: 1 << 24,
  });
  const wallSeconds = (performance.now() - started) / 1000;
  if (result.status !== 0) throw new Error(`bench task ${task} failed:\n${result.stderr}`);
  const lines = result.stdout.trim().split('\n');
  return { ...(JSON.parse(lines[lines.length - 1]!) as Omit<Measurement, 'wallSeconds'>), wallSeconds };
}

export const fmt = (value: number, digits = 1) => value.toLocaleString('en-US', { maximumFractionDigits: digits });

/** Runs the built `lens` (out/main/cli.js) as a user would, with its wall time and peak RSS seen from outside. */
export function measureBuiltCli(args: string[]): Measurement {
  const started = performance.now();
  const result = spawnSync(process.execPath, ['--import', path.join(here, 'peak-rss.mjs'), path.join(here, '..', 'out', 'main', 'cli.js'), ...args], {
    encoding: 'utf8',
    maxBuffer: 1 << 24,
  });
  const wallSeconds = (performance.now() - started) / 1000;
  if (result.status !== 0) throw new Error(`lens ${args.join(' ')} failed:\n${result.stderr}`);
  const peak = /peak-rss-mb ([\d.]+)/.exec(result.stderr);
  const output = JSON.parse(result.stdout) as { seconds: number };
  return { seconds: output.seconds, wallSeconds, peakRssMb: Number(peak?.[1] ?? Number.NaN), detail: output };
}

/** Builds the app (electron-vite), so that measured runs use the bundles a release ships. */
export function buildApp(): void {
  const result = spawnSync('npx', ['electron-vite', 'build'], { cwd: path.join(here, '..'), encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`electron-vite build failed:\n${result.stderr}`);
}
