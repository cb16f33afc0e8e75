// Builds better-sqlite3 for Electron's ABI into native/better_sqlite3.node, leaving node_modules' Node build (used
// by the CLI, the tests and the browser mode) untouched. The Electron main process points better-sqlite3 at it
// through INFLUENCE_LENS_SQLITE_BINDING. Needs Electron's headers, which @electron/rebuild downloads once.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { rebuild } from '@electron/rebuild';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const readVersion = (pkg) => JSON.parse(fs.readFileSync(path.join(root, 'node_modules', pkg, 'package.json'), 'utf8')).version;
const electronVersion = readVersion('electron');
const sqliteVersion = readVersion('better-sqlite3');
const target = path.join(root, 'native', 'better_sqlite3.node');
const stamp = path.join(root, 'native', 'built-for.txt');
const wanted = `better-sqlite3 ${sqliteVersion} for electron ${electronVersion}\n`;

if (fs.existsSync(target) && fs.existsSync(stamp) && fs.readFileSync(stamp, 'utf8') === wanted) {
  console.log(`native/better_sqlite3.node is current (${wanted.trim()})`);
  process.exit(0);
}
const buildPath = path.join(root, 'native', 'build');
fs.rmSync(buildPath, { recursive: true, force: true });
fs.mkdirSync(path.join(buildPath, 'node_modules'), { recursive: true });
fs.writeFileSync(path.join(buildPath, 'package.json'), JSON.stringify({ name: 'lens-native', private: true, dependencies: { 'better-sqlite3': sqliteVersion } }));
fs.cpSync(path.join(root, 'node_modules', 'better-sqlite3'), path.join(buildPath, 'node_modules', 'better-sqlite3'), { recursive: true });
console.log(`building ${wanted.trim()} ...`);
await rebuild({ buildPath, electronVersion, force: true, onlyModules: ['better-sqlite3'] });
fs.copyFileSync(path.join(buildPath, 'node_modules', 'better-sqlite3', 'build', 'Release', 'better_sqlite3.node'), target);
fs.writeFileSync(stamp, wanted);
fs.rmSync(buildPath, { recursive: true, force: true });
console.log(`wrote ${path.relative(root, target)}`);
