import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { appRoot } from './app-root';

/**
 * Which code made a run. From the source tree (the CLI runs src/ through tsx): the git commit checked out, and
 * whether tracked files differ from it (then the commit alone does not name the code). From a built bundle
 * (out/main, the desktop app): the sha256 of the bundle's JavaScript files, since a packaged app carries no .git.
 */
export interface BuildInfo {
  source: 'git' | 'bundle' | 'unknown';
  hash: string;
  /** Tracked files changed since the commit; null when not a git checkout or git could not say. */
  dirty: boolean | null;
}

function gitCommit(root: string): string | null {
  const gitDir = path.join(root, '.git');
  if (!fs.existsSync(path.join(gitDir, 'HEAD'))) return null;
  const head = fs.readFileSync(path.join(gitDir, 'HEAD'), 'utf8').trim();
  if (!head.startsWith('ref: ')) return head;
  const ref = head.slice('ref: '.length);
  const loose = path.join(gitDir, ref);
  if (fs.existsSync(loose)) return fs.readFileSync(loose, 'utf8').trim();
  const packed = path.join(gitDir, 'packed-refs');
  if (!fs.existsSync(packed)) return null;
  const line = fs.readFileSync(packed, 'utf8').split('\n').find((l) => l.endsWith(` ${ref}`));
  return line ? line.split(' ')[0]! : null;
}

function gitDirty(root: string): boolean | null {
  const status = spawnSync('git', ['status', '--porcelain', '--untracked-files=no'], { cwd: root, encoding: 'utf8' });
  return status.status === 0 ? status.stdout.trim().length > 0 : null;
}

/** Every .js file under the bundle folder (chunks included), by relative path, name and content. */
function bundleHash(bundleDir: string): string {
  const hash = createHash('sha256');
  const files = (fs.readdirSync(bundleDir, { recursive: true }) as string[]).filter((f) => f.endsWith('.js')).sort();
  for (const file of files) {
    hash.update(`${file}\n`);
    hash.update(fs.readFileSync(path.join(bundleDir, file)));
  }
  return hash.digest('hex');
}

function readBuildInfo(): BuildInfo {
  const here = path.dirname(fileURLToPath(import.meta.url));
  if (path.basename(here) === 'main' && path.basename(path.dirname(here)) === 'out') {
    return { source: 'bundle', hash: bundleHash(here), dirty: null };
  }
  const commit = gitCommit(appRoot);
  return commit ? { source: 'git', hash: commit, dirty: gitDirty(appRoot) } : { source: 'unknown', hash: '', dirty: null };
}

let cached: BuildInfo | null = null;

/** Read once per process: a git status takes about 30 ms on this repository. */
export function buildInfo(): BuildInfo {
  return (cached ??= readBuildInfo());
}
