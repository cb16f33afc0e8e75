import { runImport } from '../src/main/import/run-import';
import { openDatabase } from '../src/main/store/db';
import { jsonCeiling, rowsCeiling } from './ceilings';

/** Measured tasks, each run in its own process by measure.ts. Prints one JSON line. */
const tasks: Record<string, (args: string[]) => Promise<Record<string, unknown>>> = {
  /** `lens <args>` in this process, as the user runs it; nothing else is loaded, so start-up is the CLI's own. */
  async cli(args) {
    const { defaultIo, runCli } = await import('../src/main/cli');
    const lines: string[] = [];
    const code = await runCli(args, { ...defaultIo, out: (text) => lines.push(text), err: () => undefined });
    if (code !== 0) throw new Error(`lens ${args.join(' ')} exited ${code}`);
    return { output: JSON.parse(lines.join('\n')) };
  },
  async import([dbFile, file]) {
    const db = openDatabase(dbFile!);
    const { totals } = await runImport(db, { paths: [file!], dataset: 'bench' });
    db.close();
    return { totals };
  },
  /** The ceiling for a CSV or edge-list file: its lines split and stored through multi-row INSERTs (ceilings.ts). */
  async 'rows-ceiling'([dbFile, file, separator]) {
    return rowsCeiling(dbFile!, file!, separator === 'tab' ? '\t' : separator!);
  },
  async 'json-ceiling'([file]) {
    return jsonCeiling(file!);
  },
};

const [name, ...args] = process.argv.slice(2);
const started = performance.now();
// The scoring and analysis tasks pull in more (graphology); loaded only when one of them runs.
const task =
  tasks[name!] ??
  (await import('./score-tasks')).scoreTasks[name!] ??
  (await import('./analysis-tasks')).analysisTasks[name!] ??
  (await import('./audit-tasks')).auditTasks[name!];
if (!task) throw new Error(`unknown bench task ${name}`);
const detail = await task(args);
const seconds = (performance.now() - started) / 1000;
const peakRssMb = process.resourceUsage().maxRSS / 1024;
console.log(JSON.stringify({ seconds, peakRssMb, detail }));
