import fs from 'node:fs';
import path from 'node:path';

/** Our upload folders are `lens-uploads-<pid>-XXXXXX` in the temp folder; the pid tells whether the server lives. */
const UPLOAD_PREFIX = 'lens-uploads-';
const OWN_FOLDER = /^lens-uploads-(\d+)-[A-Za-z0-9]{6}$/;

/** 2 GiB: above the largest export we import (a 1.1 GB tweet archive), small enough to stop a disk-filling upload. */
export const DEFAULT_UPLOAD_LIMIT = 2 * 1024 ** 3;
/** Names of up to 255 bytes: the longest file name ext4, APFS and NTFS accept. */
const NAME_LIMIT_BYTES = 255;

/** The upload limit in bytes from INFLUENCE_LENS_UPLOAD_LIMIT_MB, else the default; a bad value is an error, not ignored. */
export function uploadLimitFromEnv(env: NodeJS.ProcessEnv = process.env): number {
  const raw = env.INFLUENCE_LENS_UPLOAD_LIMIT_MB;
  if (raw === undefined || raw === '') return DEFAULT_UPLOAD_LIMIT;
  const megabytes = Number(raw);
  if (!Number.isInteger(megabytes) || megabytes <= 0) throw new Error(`INFLUENCE_LENS_UPLOAD_LIMIT_MB must be a positive whole number of MiB, not "${raw}"`);
  return megabytes * 1024 ** 2;
}

/**
 * Why an upload name cannot be used, or null: it must be a plain file name, as a browser's File.name is. A path,
 * `.`, `..`, an empty name, a NUL or another control character only come from a crafted request, so they are refused
 * rather than rewritten into something the user did not pick.
 */
export function uploadNameProblem(name: string): string | null {
  if (name === '') return 'the upload has no file name';
  if (name === '.' || name === '..') return `"${name}" is not a file name`;
  if (/[\u0000-\u001f\u007f]/.test(name)) return 'the file name contains a control character';
  if (name.includes('/') || name.includes('\\')) return 'the file name contains a path separator';
  if (Buffer.byteLength(name) > NAME_LIMIT_BYTES) return `the file name is longer than ${NAME_LIMIT_BYTES} bytes`;
  return null;
}

function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the pid exists but belongs to another user.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Removes upload folders left by servers of this user that ended without cleaning up (a crash, kill -9). Only our
 * own prefix, only folders this user owns, and never one whose server process is still running.
 */
export function removeStaleUploadFolders(tmp: string, alive: (pid: number) => boolean = processAlive): string[] {
  const removed: string[] = [];
  for (const entry of fs.readdirSync(tmp, { withFileTypes: true })) {
    const match = OWN_FOLDER.exec(entry.name);
    if (!match || !entry.isDirectory()) continue;
    const folder = path.join(tmp, entry.name);
    const owner = fs.lstatSync(folder).uid;
    if (owner !== process.getuid?.() || alive(Number(match[1]))) continue;
    fs.rmSync(folder, { recursive: true, force: true });
    removed.push(folder);
  }
  return removed;
}

/** This server's upload folder (0700: other local users cannot read what was uploaded). */
export function createUploadRoot(tmp: string): string {
  return fs.mkdtempSync(path.join(tmp, `${UPLOAD_PREFIX}${process.pid}-`));
}

/** A fresh folder per upload, so two uploads of one name do not collide. */
export function uploadTarget(root: string, name: string): string {
  return path.join(fs.mkdtempSync(path.join(root, 'u-')), name);
}

/** Removes the uploads among `paths` (their per-upload folders); paths outside the upload root are left alone. */
export function removeUploads(root: string, paths: readonly string[]): void {
  for (const file of paths) {
    const folder = path.dirname(path.resolve(file));
    if (path.dirname(folder) === root) fs.rmSync(folder, { recursive: true, force: true });
  }
}
