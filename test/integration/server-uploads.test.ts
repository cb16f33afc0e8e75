import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { startEngineThread } from '../../src/main/engine/thread';
import { newToken, sameToken } from '../../src/main/server/auth';
import { OneTimeCodes, OPEN_CODE_LIFETIME_MS } from '../../src/main/server/open-codes';
import { startServer } from '../../src/main/server/server';
import { DEFAULT_UPLOAD_LIMIT, removeStaleUploadFolders, uploadLimitFromEnv, uploadNameProblem } from '../../src/main/server/uploads';
import { tempDir } from '../helpers';

// A pid above Linux's pid_max (2^22): no process has it, like the server that crashed and left its folder.
const DEAD_PID = 9_999_999;

describe('upload folders', () => {
  it('a starting server removes folders left by dead servers of this user, and its own when it stops', async () => {
    const tmp = tempDir('lens-server-tmp-');
    const crashed = path.join(tmp, `lens-uploads-${DEAD_PID}-AbC123`);
    const running = path.join(tmp, `lens-uploads-${process.pid}-XyZ789`);
    const unrelated = path.join(tmp, 'lens-uploads-notours');
    for (const folder of [crashed, running, unrelated]) fs.mkdirSync(path.join(folder, 'u-1'), { recursive: true });
    fs.writeFileSync(path.join(crashed, 'u-1', 'tweets.jsonl'), Buffer.alloc(21 * 1024));
    const engine = startEngineThread(path.join(tmp, 'db.sqlite'));
    const server = await startServer({ engine, token: newToken(), port: 0, staticDir: tmp, tmpDir: tmp, launchCommand: 'npm start' });
    const ours = fs.readdirSync(tmp).filter((name) => name.startsWith(`lens-uploads-${process.pid}-`) && path.join(tmp, name) !== running);
    expect(ours).toHaveLength(1);
    expect(fs.statSync(path.join(tmp, ours[0]!)).mode & 0o777).toBe(0o700);
    expect(fs.existsSync(crashed)).toBe(false);
    expect(fs.existsSync(running)).toBe(true);
    expect(fs.existsSync(unrelated)).toBe(true);
    await server.close();
    await engine.stop();
    expect(fs.existsSync(path.join(tmp, ours[0]!))).toBe(false);
    fs.rmSync(tmp, { recursive: true, force: true });
  });

  it('the sweep asks whether each pid is alive and touches nothing else', () => {
    const tmp = tempDir('lens-server-tmp-');
    fs.mkdirSync(path.join(tmp, 'lens-uploads-41-aaaaaa'));
    fs.mkdirSync(path.join(tmp, 'lens-uploads-42-bbbbbb'));
    fs.writeFileSync(path.join(tmp, 'lens-uploads-43-cccccc'), 'a file, not a folder');
    const asked: number[] = [];
    const removed = removeStaleUploadFolders(tmp, (pid) => (asked.push(pid), pid === 42));
    expect(asked.sort()).toEqual([41, 42]);
    expect(removed).toEqual([path.join(tmp, 'lens-uploads-41-aaaaaa')]);
    expect(fs.readdirSync(tmp).sort()).toEqual(['lens-uploads-42-bbbbbb', 'lens-uploads-43-cccccc']);
    fs.rmSync(tmp, { recursive: true, force: true });
  });

  it('upload names: a plain file name only', () => {
    expect(uploadNameProblem('karate_club_weighted.csv')).toBeNull();
    expect(uploadNameProblem('données été.jsonl')).toBeNull();
    for (const bad of ['', '.', '..', 'a\0b', 'a\nb', '../x', 'a/b', 'a\\b', 'é'.repeat(128)]) expect(uploadNameProblem(bad), JSON.stringify(bad)).not.toBeNull();
  });

  it('the upload limit: 2 GiB by default, a whole number of MiB from the environment, an error otherwise', () => {
    expect(uploadLimitFromEnv({})).toBe(DEFAULT_UPLOAD_LIMIT);
    expect(uploadLimitFromEnv({ INFLUENCE_LENS_UPLOAD_LIMIT_MB: '64' })).toBe(64 * 1024 * 1024);
    for (const bad of ['0', '-1', '1.5', 'lots']) expect(() => uploadLimitFromEnv({ INFLUENCE_LENS_UPLOAD_LIMIT_MB: bad })).toThrow(/INFLUENCE_LENS_UPLOAD_LIMIT_MB/);
  });
});

describe('tokens and one-time codes', () => {
  it('token comparison cannot throw, whatever the length or characters', () => {
    const token = newToken();
    expect(sameToken(token, token)).toBe(true);
    for (const other of [null, '', 'é' + token.slice(1), token + 'a', token.slice(0, -1), 'é'.repeat(48)]) expect(sameToken(other, token)).toBe(false);
  });

  it('a code works once and only within its lifetime', () => {
    let now = 1_000_000;
    const codes = new OneTimeCodes(() => now);
    const once = codes.issue();
    expect(codes.redeem(once)).toBe(true);
    expect(codes.redeem(once)).toBe(false);
    const late = codes.issue();
    now += OPEN_CODE_LIFETIME_MS - 1;
    const inTime = codes.issue();
    expect(codes.redeem(inTime)).toBe(true);
    now += 1;
    expect(codes.redeem(late)).toBe(false);
    expect(codes.redeem('never-issued')).toBe(false);
  });
});
