import fs from 'node:fs';
import Database from 'better-sqlite3';
import { runImport } from '../src/main/import/run-import';
import { openDatabase } from '../src/main/store/db';
import { csvRows } from './generate';

/** Measured tasks, each run in its own process by measure.ts. Prints one JSON line. */
const tasks: Record<string, (args: string[]) => Promise<Record<string, unknown>>> = {
  /** `lens <args>` in this process, as the user runs it; nothing else is loaded, so start-up is the CLI's own. */
  async cli(args) {
    const { runCli } = await import('../src/main/cli');
    const lines: string[] = [];
    const code = await runCli(args, { out: (text) => lines.push(text), err: () => undefined, openDb: (file) => openDatabase(file!) });
    if (code !== 0) throw new Error(`lens ${args.join(' ')} exited ${code}`);
    return { output: JSON.parse(lines.join('\n')) };
  },
  async import([dbFile, file]) {
    const db = openDatabase(dbFile!);
    const { totals } = await runImport(db, { paths: [file!], dataset: 'bench' });
    db.close();
    return { totals };
  },
  /** The ceiling for row imports: the same rows through a plain prepared INSERT, one transaction, no parsing. */
  async 'sqlite-ceiling'([dbFile, rows, accounts, seed]) {
    const db = new Database(dbFile!);
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = NORMAL');
    db.exec('CREATE TABLE rows (actor TEXT NOT NULL, target TEXT NOT NULL, kind TEXT NOT NULL, time INTEGER, weight REAL) STRICT');
    const insert = db.prepare('INSERT INTO rows VALUES (?, ?, ?, ?, ?)');
    db.transaction(() => {
      for (const row of csvRows(Number(rows), Number(accounts), Number(seed))) insert.run(row.source, row.target, row.kind, row.time, 1);
    })();
    db.close();
    return {};
  },
  /** The ceiling for tweet files: JSON.parse of every line, nothing else. */
  async 'json-ceiling'([file]) {
    let lines = 0;
    let pending = '';
    for await (const chunk of fs.createReadStream(file!, { encoding: 'utf8', highWaterMark: 1 << 20 })) {
      const parts = (pending + chunk).split('\n');
      pending = parts.pop()!;
      for (const line of parts) {
        if (!line) continue;
        JSON.parse(line);
        lines++;
      }
    }
    if (pending) {
      JSON.parse(pending);
      lines++;
    }
    return { lines };
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
