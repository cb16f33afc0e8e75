import { describe, expect, it } from 'vitest';
import type { Db } from '../../../src/main/store/db';
import { withReadConnection } from '../../../src/main/tasks/connection';
import { tempDb } from '../../helpers';

describe("a read task's connection", () => {
  it('reads the committed state of the file, refuses every write, and is closed when the read ends, even by a throw', async () => {
    const { db, file } = tempDb();
    db.exec('CREATE TABLE notes (text TEXT NOT NULL) STRICT');
    db.prepare('INSERT INTO notes VALUES (?)').run('committed');
    let used: Db | null = null;
    const read = await withReadConnection(file, (reader) => {
      used = reader;
      return reader.prepare('SELECT text FROM notes').pluck().all();
    });
    expect(read).toEqual(['committed']);
    expect(used!.open).toBe(false);
    const writing = withReadConnection(file, (reader) => {
      used = reader;
      return reader.prepare('INSERT INTO notes VALUES (?)').run('written');
    });
    await expect(writing).rejects.toThrow(/readonly|read-only/i);
    expect(used!.open).toBe(false);
    await expect(withReadConnection(file, (reader) => reader.exec('DELETE FROM notes'))).rejects.toThrow(/readonly|read-only/i);
    expect(db.prepare('SELECT text FROM notes').pluck().all()).toEqual(['committed']);
    db.close();
  });
});
