import fs from 'node:fs';
import type { ServerResponse } from 'node:http';
import path from 'node:path';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.json': 'application/json',
  '.ico': 'image/x-icon',
};

/** A file of the built renderer, never one outside its folder; the page (index.html) for any other path. */
export function serveStatic(root: string, pathname: string, response: ServerResponse): void {
  const requested = path.normalize(path.join(root, decodeURIComponent(pathname)));
  const inside = requested.startsWith(root + path.sep) && fs.existsSync(requested) && fs.statSync(requested).isFile();
  const file = inside ? requested : path.join(root, 'index.html');
  if (!fs.existsSync(file)) {
    response.writeHead(503, { 'content-type': 'text/plain; charset=utf-8' });
    response.end('The workbench page is not built; run `npm run build` first.');
    return;
  }
  response.writeHead(200, {
    'content-type': TYPES[path.extname(file)] ?? 'application/octet-stream',
    'x-content-type-options': 'nosniff',
    'cache-control': 'no-store',
  });
  fs.createReadStream(file).pipe(response);
}
