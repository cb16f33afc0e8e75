import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The folder holding the app's package.json (the project, or a packaged app's root), found from this module
 * whether it runs from the source tree or from a bundle chunk: out/, resources/ and scripts/ hang off it.
 */
export const appRoot: string = (() => {
  let dir = path.dirname(fileURLToPath(import.meta.url));
  while (!fs.existsSync(path.join(dir, 'package.json'))) {
    const parent = path.dirname(dir);
    if (parent === dir) throw new Error('cannot find the app folder (no package.json above the running code)');
    dir = parent;
  }
  return dir;
})();
