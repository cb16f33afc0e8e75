import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/main/store/db';
import { tempDir } from '../helpers';

const mode = (file: string) => fs.statSync(file).mode & 0o777;

describe.skipIf(process.platform === 'win32')('database file permissions', () => {
  it('creates the folder 0700 and the database, its WAL and shared memory 0600', () => {
    const dir = path.join(tempDir(), 'new', 'folder');
    const file = path.join(dir, 'workbench.sqlite');
    const db = openDatabase(file);
    db.exec('CREATE TABLE t (x INTEGER) STRICT; INSERT INTO t VALUES (1)');
    expect(mode(dir)).toBe(0o700);
    for (const name of [file, `${file}-wal`, `${file}-shm`]) expect(mode(name), name).toBe(0o600);
    db.close();
  });

  it('tightens an existing database file readable by others', () => {
    const file = path.join(tempDir(), 'workbench.sqlite');
    openDatabase(file).close();
    fs.chmodSync(file, 0o644);
    openDatabase(file).close();
    expect(mode(file)).toBe(0o600);
  });
});
