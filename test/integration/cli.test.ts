import { spawn, spawnSync } from 'node:child_process';
import http from 'node:http';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { DatasetTotals } from '../../src/shared/api';
import { datasetsDir, repoRoot, tempDir } from '../helpers';

/** The CLI as a user runs it: a separate process through tsx, with no build step. */
function lens(args: string[], env: NodeJS.ProcessEnv = {}) {
  const result = spawnSync(process.execPath, ['--import', 'tsx', path.join(repoRoot, 'src/main/cli/main.ts'), ...args], {
    cwd: repoRoot,
    encoding: 'utf8',
    env: { ...process.env, INFLUENCE_LENS_DB: '', ...env },
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe('lens CLI', () => {
  const db = path.join(tempDir(), 'cli.sqlite');

  it('import --json prints exactly one JSON object with the dataset totals', () => {
    const file = path.join(datasetsDir, 'karate', 'karate_club_weighted.csv');
    const run = lens(['import', file, '--dataset', 'karate', '--json', '--db', db]);
    expect(run.stderr).not.toMatch(/error/i);
    expect(run.code).toBe(0);
    const lines = run.stdout.trim().split('\n');
    expect(lines).toHaveLength(1);
    const totals = DatasetTotals.strict().parse(JSON.parse(lines[0]!));
    expect(Object.keys(JSON.parse(lines[0]!))).toEqual(['dataset', 'accounts', 'posts', 'interactions', 'cascades', 'unresolved', 'skipped']);
    expect(totals.dataset.name).toBe('karate');
    expect(totals.interactions.edge).toBe(78);
    expect(totals.accounts).toBe(34);
  });

  it('datasets and dataset show list what was imported, as text and JSON', () => {
    const list = lens(['datasets', '--json', '--db', db]);
    expect(list.code).toBe(0);
    expect(JSON.parse(list.stdout).map((d: { dataset: { name: string } }) => d.dataset.name)).toEqual(['karate']);
    const show = lens(['dataset', 'show', 'karate', '--db', db]);
    expect(show.code).toBe(0);
    expect(show.stdout).toContain('karate_club_weighted.csv');
    expect(show.stdout).toMatch(/interactions\s+edge 78/);
  });

  it('the database can be chosen with INFLUENCE_LENS_DB', () => {
    const list = lens(['datasets', '--json'], { INFLUENCE_LENS_DB: db });
    expect(JSON.parse(list.stdout)).toHaveLength(1);
  });

  it('fails with one line on stderr and a non-zero exit code', () => {
    const missing = lens(['dataset', 'show', 'nope', '--db', db]);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toBe('lens: no dataset named "nope"; `lens datasets` lists them\n');
    const badOption = lens(['import', '--bogus', '--db', db]);
    expect(badOption.code).toBe(2);
    expect(badOption.stderr.trim().split('\n')).toHaveLength(1);
    expect(badOption.stderr).toMatch(/^lens: Unknown option '--bogus'.*see `lens import --help`/);
    const badMap = lens(['import', path.join(datasetsDir, 'karate', 'karate_club_weighted.csv'), '--map', 'from', '--db', db]);
    expect(badMap.code).toBe(2);
    expect(badMap.stderr).toBe('lens: --map expects field=column pairs separated by commas, found "from"\n');
  });

  it('every command has --help', () => {
    for (const command of ['import', 'datasets', 'dataset', 'start']) {
      const help = lens([command, '--help']);
      expect(help.code).toBe(0);
      expect(help.stdout).toMatch(new RegExp(`^Usage: lens ${command}`));
      expect(help.stdout).toContain('--db PATH');
    }
    expect(lens(['--help']).stdout).toContain('Commands:');
  });

  it('dataset delete removes the dataset and everything in it', () => {
    const deleted = lens(['dataset', 'delete', 'karate', '--db', db]);
    expect(deleted.code).toBe(0);
    expect(deleted.stdout).toBe('deleted dataset "karate"\n');
    expect(JSON.parse(lens(['datasets', '--json', '--db', db]).stdout)).toEqual([]);
  });

  it('start serves the browser mode on 127.0.0.1 with a token, after loading the demo data once', async () => {
    const startDb = path.join(tempDir(), 'start.sqlite');
    const child = spawn(process.execPath, ['--import', 'tsx', path.join(repoRoot, 'src/main/cli/main.ts'), 'start', '--port', '0', '--db', startDb], {
      cwd: repoRoot,
      env: { ...process.env, INFLUENCE_LENS_DB: '' },
    });
    let stdout = '';
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const url = await new Promise<string>((resolve, reject) => {
      child.stdout.on('data', (chunk: Buffer) => {
        stdout += chunk.toString();
        const match = /Open (http:\/\/127\.0\.0\.1:\d+\/\?token=[0-9a-f]+)/.exec(stdout);
        if (match) resolve(match[1]!);
      });
      child.on('exit', (code) => reject(new Error(`start exited ${code}: ${stderr}`)));
    });
    try {
      expect(stderr).toContain('Electron is not available on this machine');
      const { origin, searchParams } = new URL(url);
      const token = searchParams.get('token')!;
      // The page's own requests carry its Origin; the server refuses POSTs from any other (server.ts).
      const call = (headers: Record<string, string>) => fetch(`${origin}/api/call/datasets.list`, { method: 'POST', headers: { origin, ...headers }, body: '{}' });
      expect((await call({})).status).toBe(401);
      expect((await call({ authorization: 'Bearer 0000' })).status).toBe(401);
      const rebound = await new Promise<number>((resolve) => {
        const request = http.request(`${origin}/api/call/datasets.list?token=${token}`, { method: 'POST', headers: { host: `evil.example:${new URL(origin).port}` } }, (response) => resolve(response.statusCode!));
        request.end('{}');
      });
      expect(rebound).toBe(403);
      const listed = await (await call({ authorization: `Bearer ${token}` })).json();
      expect(listed.ok).toBe(true);
      expect(listed.value.map((d: { dataset: { name: string } }) => d.dataset.name).sort()).toEqual(
        ['demo-world', 'sample-brexit-tweets', 'sample-karate-club', 'sample-twitter15-cascades'],
      );
      const runs = await (await fetch(`${origin}/api/call/runs.list`, { method: 'POST', headers: { origin, authorization: `Bearer ${token}` }, body: '{}' })).json();
      expect(runs.value.map((r: { model: string }) => r.model)).toEqual(['pagerank', 'indegree', 'kred']);
      const bad = await (await fetch(`${origin}/api/call/runs.show`, { method: 'POST', headers: { origin, authorization: `Bearer ${token}` }, body: '{"run":"x"}' })).json();
      expect(bad).toEqual({ ok: false, error: { code: 'invalid_input', message: 'run: Invalid input: expected number, received string' } });
    } finally {
      child.kill('SIGINT');
      await new Promise((resolve) => child.on('exit', resolve));
    }
  });
});
