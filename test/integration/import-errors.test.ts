import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runImport } from '../../src/main/import/run-import';
import { datasetsDir, snapshot, tempDb, tempDir } from '../helpers';

/** Bad inputs that no single format owns; each must fail with its message and leave the database unchanged. */
function write(name: string, content: string | Buffer): string {
  const file = path.join(tempDir(), name);
  fs.writeFileSync(file, content);
  return file;
}

async function expectFailure(paths: string[], message: string | RegExp, options: Parameters<typeof runImport>[1] extends infer R ? Partial<R> : never = {}) {
  const { db } = tempDb();
  // A dataset that exists before the failure must come out of it exactly as it was.
  await runImport(db, { paths: [path.join(datasetsDir, 'karate', 'karate_club_weighted.csv')], dataset: 'target' });
  const before = snapshot(db);
  await expect(runImport(db, { dataset: 'target', ...options, paths })).rejects.toThrow(message);
  expect(snapshot(db)).toEqual(before);
  db.close();
}

describe('bad inputs common to every format', () => {
  it('a missing path', async () => {
    await expectFailure(['/no/such/file.jsonl'], '/no/such/file.jsonl: no such file or folder');
  });

  it('an empty file', async () => {
    const file = write('empty.csv', '');
    await expectFailure([file], `${file}: the file is empty`);
  });

  it('binary garbage', async () => {
    const file = write('garbage.bin', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x00, 0x01, 0xff, 0xfe, 0x00]));
    await expectFailure([file], `${file}: this is a binary file, not one of the supported text formats`);
  });

  it('text in no supported format', async () => {
    const file = write('notes.txt', 'Dear diary: today I imported nothing.\n');
    await expectFailure([file], /notes\.txt:1: unrecognised format: the first line "Dear diary: today I imported nothing\." is not JSON/);
  });

  it('invalid UTF-8 names its line and byte', async () => {
    const file = write('latin1.csv', Buffer.concat([Buffer.from('source,target\nalice,bob\n'), Buffer.from([0x63, 0xe9, 0x2c, 0x64, 0x0a])]));
    await expectFailure([file], `${file}:3: invalid UTF-8 at byte 25; the file must be UTF-8 text`);
  });

  it('a 10 MB single line', async () => {
    const file = write('huge.jsonl', `{"data": [${'"x",'.repeat(2_600_000)}`);
    await expectFailure([file], `${file}:1: line is longer than 8 MiB; this does not look like a line-based file of a supported format`);
  });

  it('a folder without tree files', async () => {
    const folder = tempDir();
    fs.writeFileSync(path.join(folder, 'readme.txt'), 'nothing here\n');
    await expectFailure([folder], `${folder}: a folder is imported as propagation trees (Twitter15/16), but it holds no tree files`);
  });

  it('a file that breaks halfway through a multi-file import rolls back the files before it', async () => {
    const good = path.join(datasetsDir, 'twitter-v2', 'two_tweets.jsonl');
    const broken = write('broken.jsonl', `${fs.readFileSync(good, 'utf8').trim()}\n{"data": [{"id": "1", "text": "cut`);
    await expectFailure([good, broken], `${broken}:2:`);
  });

  it('a wrong format forced with --format', async () => {
    const csv = path.join(datasetsDir, 'karate', 'karate_club_nodes.csv');
    await expectFailure([csv], `${csv}:1: expected a JSON object (one per line), found "id,club"`, { format: 'twitter-v2' });
    const gexf = path.join(datasetsDir, 'lesmis', 'les_miserables.gexf');
    await expectFailure([gexf], `${gexf}:1: expected a JSON object (one per line), found "<?xml version=\\"1.0\\" encoding=\\"UTF-8\\"?>"`, { format: 'twitter-v1' });
    const tweets = path.join(datasetsDir, 'twitter-v2', 'brexit.jsonl');
    await expectFailure([tweets], /brexit\.jsonl:1: no "source" or "target" column: the header has .{0,700} and \d+ more; map them with --map/, { format: 'csv' });
  });

  it('a cancelled import leaves nothing behind', async () => {
    const abort = new AbortController();
    abort.abort();
    await expectFailure([path.join(datasetsDir, 'congress-twitter', 'congress.edgelist')], 'import cancelled; the database is unchanged', {
      signal: abort.signal,
    });
  });

  it('pseudonymizing into a dataset that holds real handles is refused', async () => {
    await expectFailure([path.join(datasetsDir, 'twitter-v2', 'two_tweets.jsonl')], '--pseudonymize can only be used for a new dataset', {
      pseudonymize: true,
    });
  });
});
