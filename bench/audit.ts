import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import type { KindScore } from '../src/main/audit/generate/evaluate';
import type { FlagScore } from '../src/main/audit/real-labels';
import { fmt, measureInChild } from './measure';

const TARGET = 0.9;
/** Real text is harder than our own worlds; issue 12 sets 0.85 there for the language flags. */
const REAL_TARGET = 0.85;
const DATASETS_DIR = path.resolve(import.meta.dirname, '..', '..', 'shared', 'datasets');

const share = (value: number | null) => (value === null ? '-' : value.toFixed(2));

/** Precision and recall on the labels read from real tweets and bios, with the count of positives behind each. */
function printRealLabels(dir: string): void {
  const run = measureInChild('audit-real', [dir, DATASETS_DIR]);
  const { scores, auditSeconds } = run.detail as { scores: FlagScore[]; auditSeconds: number };
  console.log(`real labels (test/fixtures/audit-labels, audited in ${fmt(auditSeconds, 1)} s; target: both at least ${REAL_TARGET})`);
  for (const score of scores) {
    const meets = (score.precision ?? 1) >= REAL_TARGET && (score.recall ?? 1) >= REAL_TARGET;
    const few = score.positives < 10 ? `  (only ${score.positives} positive${score.positives === 1 ? '' : 's'} in the real data: a weak test)` : '';
    console.log(`  ${score.flag.padEnd(16)} ${String(score.judged).padStart(4)} ${score.unit} judged, ${String(score.positives).padStart(3)} positive, ` +
      `${String(score.flagged).padStart(3)} flagged  precision ${share(score.precision)}  recall ${share(score.recall)}  ${meets ? 'meets' : 'MISSES'}${few}`);
    for (const line of [...score.misses, ...score.unjudgedFlags.map((pair) => `flagged, not judged: ${pair}`), ...score.notes]) console.log(`      ${line}`);
  }
  console.log('');
}

/**
 * `npm run bench -- audit [--seeds 1,2,3] [--sizes 1000,5000]`: generated worlds with planted cases, each imported
 * and audited in its own process; precision and recall per case kind against the planted labels.
 */
export async function benchAudit(argv: string[]): Promise<void> {
  const { values } = parseArgs({ args: argv, options: { seeds: { type: 'string', default: '1,2,3' }, sizes: { type: 'string', default: '1000,5000' } } });
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lens-bench-audit-'));
  const worst = new Map<string, { precision: number; recall: number; controlsFlagged: number; controls: number }>();
  try {
    printRealLabels(dir);
    for (const size of values.sizes.split(',').map(Number)) {
      for (const seed of values.seeds.split(',').map(Number)) {
        const run = measureInChild('audit-world', [dir, String(seed), String(size)]);
        const detail = run.detail as { generateSeconds: number; importSeconds: number; auditSeconds: number; cases: number; scores: KindScore[] };
        console.log(`world seed ${seed}, ${fmt(size, 0)} accounts: generated in ${fmt(detail.generateSeconds, 1)} s, imported in ${fmt(detail.importSeconds, 1)} s, ` +
          `audited in ${fmt(detail.auditSeconds, 1)} s (${detail.cases} cases), peak RSS ${fmt(run.peakRssMb, 0)} MB`);
        for (const score of detail.scores) {
          const previous = worst.get(score.kind) ?? { precision: 1, recall: 1, controlsFlagged: 0, controls: 0 };
          worst.set(score.kind, { precision: Math.min(previous.precision, score.precision ?? 0), recall: Math.min(previous.recall, score.recall ?? 0),
            controlsFlagged: previous.controlsFlagged + score.controlsFlagged, controls: previous.controls + score.controls });
          console.log(`  ${score.kind.padEnd(24)} planted ${String(score.planted).padStart(3)}  found ${String(score.found).padStart(4)}  ` +
            `precision ${share(score.precision)}  recall ${share(score.recall)}  controls flagged ${score.controlsFlagged} of ${score.controls}`);
        }
      }
    }
    console.log('\nworst over all worlds (target: both at least 0.9 for every kind; controls flagged summed over the worlds)');
    for (const [kind, { precision, recall, controlsFlagged, controls }] of worst) {
      console.log(`  ${kind.padEnd(24)} precision ${precision.toFixed(2)}  recall ${recall.toFixed(2)}  controls flagged ${controlsFlagged} of ${controls}  ` +
        `${precision >= TARGET && recall >= TARGET ? 'meets' : 'MISSES'}`);
    }
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
