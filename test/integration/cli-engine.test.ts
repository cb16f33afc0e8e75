import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { defaultIo, runCli, type CliIo } from '../../src/main/cli';
import type { EngineClient } from '../../src/main/engine/client';
import { startEngineThread } from '../../src/main/engine/thread';
import { datasetsDir, tempDir } from '../helpers';

const karate = path.join(datasetsDir, 'karate', 'karate_club_weighted.csv');

/** The CLI in this process with the real engine thread, counting the engines it starts and on which files. */
function countingCli() {
  const started: string[] = [];
  const clients: EngineClient[] = [];
  const out: string[] = [];
  const err: string[] = [];
  const io: CliIo = {
    out: (text) => out.push(text),
    err: (text) => err.push(text),
    startEngine: (file) => {
      started.push(file);
      const client = startEngineThread(file);
      clients.push(client);
      return client;
    },
  };
  return { io, started, clients, out, err };
}

describe('the CLI reaches the services through one engine thread', () => {
  it('starts no engine (and creates no database) for help, a usage error, an unknown command or generate', async () => {
    const dir = tempDir();
    const db = path.join(dir, 'never.sqlite');
    const cli = countingCli();
    expect(await runCli(['--help'], cli.io)).toBe(0);
    expect(await runCli(['score', '--help', '--db', db], cli.io)).toBe(0);
    expect(await runCli(['score', '--dataset', 'x', '--db', db], cli.io)).toBe(2);
    expect(await runCli(['nope'], cli.io)).toBe(2);
    expect(await runCli(['generate', '--out', path.join(dir, 'w.jsonl'), '--accounts', '100', '--json', '--db', db], cli.io)).toBe(0);
    expect(cli.started).toEqual([]);
    expect(fs.existsSync(db)).toBe(false);
  });

  it('one engine per command on the --db file, however many calls it makes, and stopped when the command ends', async () => {
    const db = path.join(tempDir(), 'engine.sqlite');
    const cli = countingCli();
    expect(await runCli(['import', karate, '--dataset', 'karate', '--json', '--db', db], cli.io)).toBe(0);
    expect(JSON.parse(cli.out[0]!)).toMatchObject({ accounts: 34, interactions: { edge: 78 } });
    // `models` makes two calls (models.list, models.problems): still one engine.
    expect(await runCli(['models', '--json', '--db', db], cli.io)).toBe(0);
    expect(cli.started).toEqual([db, db]);
    // A stopped engine answers nothing more: each client's channel reports the engine gone.
    for (const client of cli.clients) {
      expect(await client.call('datasets.list', {})).toMatchObject({ ok: false, error: { code: 'internal' } });
    }
  });

  it("a failed call crosses the engine as data: one line on stderr and the error's exit code", async () => {
    const db = path.join(tempDir(), 'engine.sqlite');
    const cli = countingCli();
    expect(await runCli(['dataset', 'show', 'nope', '--db', db], cli.io)).toBe(1);
    expect(cli.err).toEqual(['lens: no dataset named "nope"; `lens datasets` lists them']);
    expect(await runCli(['runs', 'show', '--run', '99', '--db', db], { ...defaultIo, err: (text) => cli.err.push(text) })).toBe(1);
    expect(cli.err[1]).toMatch(/^lens: .*99/);
  });

  it('a file that is not a database fails every call with why, exit 1', async () => {
    const bad = path.join(tempDir(), 'plain.sqlite');
    fs.writeFileSync(bad, 'not a database, only text '.repeat(40));
    const cli = countingCli();
    expect(await runCli(['datasets', '--db', bad], cli.io)).toBe(1);
    expect(cli.err).toHaveLength(1);
    expect(cli.err[0]).toMatch(/^lens: .*not a database/);
  });
});
