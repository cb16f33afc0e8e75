import { benchAnalysis } from './analysis';
import { benchAudit } from './audit';
import { benchFuzz } from './fuzz';
import { benchImport } from './import';
import { benchScore } from './score';
import { benchUi } from './ui';

/** `npm run bench -- <suite> [options]`: each suite prints its figures and ratios against a baseline of the same run. */
const suites: Record<string, (args: string[]) => Promise<void>> = {
  import: benchImport,
  score: benchScore,
  analysis: benchAnalysis,
  audit: benchAudit,
  fuzz: benchFuzz,
  ui: benchUi,
};

const [name = 'import', ...args] = process.argv.slice(2);
const suite = suites[name];
if (!suite) {
  console.error(`unknown bench suite "${name}"; suites: ${Object.keys(suites).join(', ')}`);
  process.exit(2);
}
await suite(args);
