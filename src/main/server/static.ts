import fs from 'node:fs';
import type { ServerResponse } from 'node:http';
import path from 'node:path';
import { pipeline } from 'node:stream';
import { refuse } from './headers';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.json': 'application/json',
  '.ico': 'image/x-icon',
};

/** The decoded path, or null for a bad percent escape (`/%E0%A4%A`) or an escaped NUL. */
function decodedPath(pathname: string): string | null {
  try {
    const decoded = decodeURIComponent(pathname);
    return decoded.includes('\0') ? null : decoded;
  } catch {
    return null;
  }
}

/** A file of the built renderer, never one outside its folder; the page (index.html) for any other path. */
export function serveStatic(root: string, pathname: string, response: ServerResponse): void {
  const decoded = decodedPath(pathname);
  if (decoded === null) return refuse(response, 400, 'the path has a malformed percent escape');
  const requested = path.normalize(path.join(root, decoded));
  const inside = requested.startsWith(root + path.sep) && fs.existsSync(requested) && fs.statSync(requested).isFile();
  const file = inside ? requested : path.join(root, 'index.html');
  if (!fs.existsSync(file)) return refuse(response, 503, 'The workbench page is not built; run `npm run build` first.');
  response.writeHead(200, { 'content-type': TYPES[path.extname(file)] ?? 'application/octet-stream' });
  // A file that vanishes or cannot be read mid-answer ends this response, not the process.
  pipeline(fs.createReadStream(file), response, () => undefined);
}
