import fs from 'node:fs';
import path from 'node:path';
import { generateWorld } from '../src/main/audit/generate/generate';
import { scoreAudit, WorldLabels } from '../src/main/audit/generate/evaluate';
import { writeWorld } from '../src/main/audit/generate/write';
import { runImport } from '../src/main/import/run-import';
import { callService } from '../src/main/services';
import { openDatabase } from '../src/main/store/db';
import { scoreRealLabels } from './audit-real';

const seconds = (start: number) => (performance.now() - start) / 1000;

export const auditTasks: Record<string, (args: string[]) => Promise<Record<string, unknown>>> = {
  /** The real tweets and bios judged by reading, each file imported and audited through the service. */
  async 'audit-real'([dir, datasetsDir]) {
    return { ...(await scoreRealLabels(datasetsDir!, path.join(dir!, 'real.sqlite'))) };
  },
  /** One world: generated, imported, audited through the service (the scoring worker), scored against its labels. */
  async 'audit-world'([dir, seed, accounts]) {
    let start = performance.now();
    const out = path.join(dir!, `world-${seed}-${accounts}.jsonl`);
    const files = writeWorld(generateWorld({ seed: Number(seed), accounts: Number(accounts) }), out);
    const generateSeconds = seconds(start);
    const db = openDatabase(path.join(dir!, `world-${seed}-${accounts}.sqlite`));
    start = performance.now();
    await runImport(db, { paths: files.filter((file) => !file.endsWith('.labels.json')), dataset: 'world' });
    const importSeconds = seconds(start);
    start = performance.now();
    const audit = await callService('audit.cases', { dataset: 'world', model: 'indegree' }, { db });
    const auditSeconds = seconds(start);
    db.close();
    if (!audit.ok) throw new Error(audit.error.message);
    const labels = WorldLabels.parse(JSON.parse(fs.readFileSync(files.find((file) => file.endsWith('.labels.json'))!, 'utf8')));
    return { generateSeconds, importSeconds, auditSeconds, cases: audit.value.cases.length, scores: scoreAudit(labels, audit.value.cases) };
  },
};
