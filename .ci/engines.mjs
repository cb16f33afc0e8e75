// Lists installed packages whose `engines.node` the running Node does not satisfy (what `npm ci` reports as
// EBADENGINE): the README states one Node version, and every dependency must accept it.
import fs from 'node:fs';
import semver from 'semver';

const lock = JSON.parse(fs.readFileSync('package-lock.json', 'utf8'));
const refused = Object.entries(lock.packages)
  .filter(([where, entry]) => where && entry.engines?.node && !entry.optional)
  .filter(([, entry]) => !semver.satisfies(process.versions.node, entry.engines.node, { includePrerelease: true }))
  .map(([where, entry]) => `${where.replace(/^node_modules\//, '')} wants Node ${entry.engines.node}`);
if (refused.length > 0) {
  console.error(`== engines: ${refused.length} package(s) refuse Node ${process.versions.node}:\n${refused.join('\n')}`);
  process.exit(1);
}
console.log(`== engines: every installed package accepts Node ${process.versions.node}`);
