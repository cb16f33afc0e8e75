import fs from 'node:fs';
import path from 'node:path';
import { findModel } from '../../shared/models';
import { BUNDLE_FILES, BundleManifest, type VerifyDifference, type VerifyOutput } from '../../shared/run-bundle';
import type { RunManifest } from '../../shared/runs';
import { scoresCsv } from '../../shared/scores-csv';
import { buildInfo } from '../build-info';
import { datasetContentHash, findDataset } from '../store/datasets';
import { readRunResults } from '../store/runs';
import type { In, Out, ServiceContext } from './context';
import { ServiceError } from './errors';
import { runProvenance } from './provenance';
import { scoreTable } from './results';
import { computeRun, requireRun } from './runs';

/** More differing score rows than this are counted, not listed: ten show what changed, the count shows how much. */
const LISTED_ROW_DIFFERENCES = 10;

function readBundle(dir: string): { bundle: BundleManifest; scores: string | null; datasetHash: string | null } {
  const file = (name: string) => path.join(dir, name);
  if (!fs.existsSync(file(BUNDLE_FILES.manifest))) {
    throw new ServiceError('not_found', `${dir} is not a run bundle: it has no ${BUNDLE_FILES.manifest} (\`lens runs export\` writes one)`);
  }
  const parsed = BundleManifest.safeParse(JSON.parse(fs.readFileSync(file(BUNDLE_FILES.manifest), 'utf8')));
  if (!parsed.success) throw new ServiceError('invalid_input', `${file(BUNDLE_FILES.manifest)} is not a run manifest: ${parsed.error.issues[0]?.message}`);
  const optional = (name: string) => (fs.existsSync(file(name)) ? fs.readFileSync(file(name), 'utf8') : null);
  return { bundle: parsed.data, scores: optional(BUNDLE_FILES.scores), datasetHash: optional(BUNDLE_FILES.dataset)?.split(/\s+/)[0] ?? null };
}

/** The score rows that differ, line by line (the header included): the first few in full, then how many more. */
export function csvDifferences(bundle: string, database: string): VerifyDifference[] {
  const a = bundle.trimEnd().split('\n');
  const b = database.trimEnd().split('\n');
  const differing: VerifyDifference[] = [];
  for (let line = 0; line < Math.max(a.length, b.length); line++) {
    if (a[line] !== b[line]) differing.push({ what: 'scores', bundle: a[line] ?? '(no row)', database: b[line] ?? '(no row)' });
  }
  if (differing.length <= LISTED_ROW_DIFFERENCES) return differing;
  const more = differing.length - LISTED_ROW_DIFFERENCES;
  return [...differing.slice(0, LISTED_ROW_DIFFERENCES), { what: 'scores', bundle: `${more} more rows`, database: `${more} more rows differ` }];
}

function modelDifference(manifest: RunManifest): VerifyDifference | null {
  if (manifest.model.file) return null; // a user model's version and sha256 are checked when it is rerun
  const model = findModel(manifest.model.id);
  const now = model ? `${model.id} v${model.version}` : `no model ${manifest.model.id}`;
  const then = `${manifest.model.id} v${manifest.model.version}`;
  return now === then ? null : { what: 'model', bundle: then, database: now };
}

async function recomputedCsv(context: ServiceContext, bundle: BundleManifest, dataset: { id: number; name: string }): Promise<string> {
  const { manifest } = bundle;
  const run = await computeRun(context, {
    dataset,
    modelId: manifest.model.id,
    params: manifest.params,
    seed: manifest.seed,
    ...(manifest.whatIf ? { whatIf: { base: manifest.whatIf.base, removal: manifest.whatIf.removal } } : {}),
    ...(manifest.window ? { window: manifest.window } : {}),
  });
  // Labelled with the bundle's model record, so only the numbers (and accounts) can differ.
  return `${scoresCsv(scoreTable(context.db, bundle.run, manifest, run))}\n`;
}

async function verify(context: ServiceContext, dir: string): Promise<VerifyOutput> {
  const { bundle, scores, datasetHash } = readBundle(dir);
  const { manifest } = bundle;
  const differences: VerifyDifference[] = [];
  const notes: string[] = [];
  if (datasetHash !== manifest.dataset.contentHash) {
    differences.push({ what: 'bundle', bundle: `${BUNDLE_FILES.dataset} ${datasetHash ?? 'missing'}`, database: `manifest ${manifest.dataset.contentHash}` });
  }
  const dataset = findDataset(context.db, manifest.dataset.name);
  if (!dataset) {
    differences.push({ what: 'dataset', bundle: `"${manifest.dataset.name}" ${manifest.dataset.contentHash}`, database: 'no dataset of that name' });
    return { run: bundle.run, identical: false, differences, notes };
  }
  const contentHash = datasetContentHash(context.db, dataset.id);
  if (contentHash !== manifest.dataset.contentHash) differences.push({ what: 'dataset', bundle: manifest.dataset.contentHash, database: contentHash });
  if (dataset.id !== manifest.dataset.id) notes.push(`the dataset is number ${dataset.id} here, ${manifest.dataset.id} where the run was made`);
  const provenance = runProvenance(context.db, dataset.id);
  if (manifest.provenance && manifest.provenance.derivationVersion !== provenance.derivationVersion) {
    differences.push({ what: 'derivation', bundle: `version ${manifest.provenance.derivationVersion}`, database: `version ${provenance.derivationVersion}` });
  }
  const build = buildInfo();
  if (manifest.provenance && manifest.provenance.build.hash !== build.hash) {
    notes.push(`made by build ${manifest.provenance.build.source} ${manifest.provenance.build.hash}; this is ${build.source} ${build.hash}`);
  }
  const model = modelDifference(manifest);
  if (model) differences.push(model);
  try {
    const recomputed = await recomputedCsv(context, bundle, { id: dataset.id, name: dataset.name });
    differences.push(...csvDifferences(scores ?? '', recomputed));
  } catch (error) {
    if (error instanceof ServiceError && error.code === 'cancelled') throw error;
    differences.push({ what: 'scores', bundle: BUNDLE_FILES.scores, database: `could not be recomputed: ${(error as Error).message}` });
  }
  return { run: bundle.run, identical: differences.length === 0, differences, notes };
}

/** Portable runs: a run's manifest, scores and dataset hash written to a folder, and checked against a database. */
export const runBundleHandlers = {
  'runs.export': async (context: ServiceContext, input: In<'runs.export'>): Promise<Out<'runs.export'>> => {
    const run = requireRun(context, input.run);
    const table = scoreTable(context.db, run.id, run.manifest, readRunResults(context.db, run.id));
    const bundle: BundleManifest = { run: run.id, exportedAt: new Date().toISOString(), manifest: run.manifest };
    const dir = path.resolve(input.out);
    fs.mkdirSync(dir, { recursive: true });
    fs.writeFileSync(path.join(dir, BUNDLE_FILES.manifest), `${JSON.stringify(bundle, null, 2)}\n`);
    fs.writeFileSync(path.join(dir, BUNDLE_FILES.scores), `${scoresCsv(table)}\n`);
    fs.writeFileSync(path.join(dir, BUNDLE_FILES.dataset), `${run.manifest.dataset.contentHash}  ${run.datasetName}\n`);
    return { run: run.id, dir, files: Object.values(BUNDLE_FILES) };
  },
  'runs.verify': async (context: ServiceContext, input: In<'runs.verify'>): Promise<Out<'runs.verify'>> => verify(context, input.dir),
};
