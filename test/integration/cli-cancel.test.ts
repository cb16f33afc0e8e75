import { spawn, spawnSync } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { datasetsDir, repoRoot, tempDir } from '../helpers';

const cli = path.join(repoRoot, 'src/main/cli/main.ts');

describe('cancelling a scoring job from the CLI', () => {
  it('Ctrl-C stops the job, exits 1 with "cancelled", and stores no run', async () => {
    const db = path.join(tempDir(), 'cancel.sqlite');
    const network = path.join(datasetsDir, 'congress-twitter', 'congress_network_data.json');
    expect(spawnSync(process.execPath, ['--import', 'tsx', cli, 'import', network, '--dataset', 'congress', '--db', db]).status).toBe(0);
    // A million cascades per account: minutes of work, unless cancelled.
    const child = spawn(process.execPath, ['--import', 'tsx', cli, 'score', '--dataset', 'congress', '--model', 'spread',
      '--param', 'runs=100000', '--param', 'probability=0.2', '--db', db], { cwd: repoRoot });
    let stderr = '';
    let interrupted = false;
    child.stderr.on('data', (chunk: Buffer) => {
      stderr += chunk.toString();
      if (!interrupted && stderr.includes('score: scoring')) {
        interrupted = true;
        setTimeout(() => child.kill('SIGINT'), 500);
      }
    });
    const started = Date.now();
    const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));
    expect(Date.now() - started).toBeLessThan(30_000);
    expect(code).toBe(1);
    expect(stderr.trim().split('\n').at(-1)).toBe('lens: the job was cancelled');
    const runs = spawnSync(process.execPath, ['--import', 'tsx', cli, 'runs', '--json', '--db', db], { encoding: 'utf8' });
    expect(JSON.parse(runs.stdout)).toEqual([]);
  });
});
