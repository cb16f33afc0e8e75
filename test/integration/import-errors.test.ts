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
    await expectFailure([file], `${file} at byte 0: the file is empty`);
  });

  it('binary garbage', async () => {
    const file = write('garbage.bin', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x00, 0x01, 0xff, 0xfe, 0x00]));
    await expectFailure([file], `${file} at byte 4: a NUL byte: this is a binary file, not one of the supported text formats`);
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
    await expectFailure([folder], `${path.join(folder, 'readme.txt')}:1: a folder is imported as propagation trees (Twitter15/16), but it holds no tree files`);
    await expectFailure([folder], `1 file(s) in ${folder}, none a tree file`);
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

describe('every bad input gets one line naming the file and a line or byte (issue 15)', () => {
  const v1Status = (followers: string) =>
    `{"id_str": "1", "text": "hi", "user": {"id_str": "2", "screen_name": "alice", "followers_count": ${followers}}}`;

  it('JSON lines nested 5,000 levels deep: refused with the line, skipped with --skip-invalid', async () => {
    const file = write('deep.jsonl', `{"data": ${'['.repeat(5000)}${']'.repeat(5000)}}\n`);
    const reason = 'JSON nested more than 256 levels deep (real tweet and network files nest at most 9): level 257 opens at character 265 of the line';
    await expectFailure([file], `${file}:1: ${reason}`);
    const { db } = tempDb();
    const output = await runImport(db, { paths: [file], skipInvalid: true });
    expect(output.files[0]!.skipped).toBe(1);
    expect(output.files[0]!.skipReasons).toEqual([`line 1: ${reason}`]);
    db.close();
  });

  it('a v1.1 array whose element nests 5,000 levels deep names the byte', async () => {
    const file = write('deep.json', `[${'['.repeat(5000)}${']'.repeat(5000)}]`);
    await expectFailure([file], `${file} at byte 257: JSON nested more than 256 levels deep`);
  });

  it('network JSON nested too deep, and malformed, names the byte', async () => {
    const deep = write('deep-network.json', `[{"inList": ${'['.repeat(300)}${']'.repeat(300)}}]`);
    await expectFailure([deep], `${deep} at byte 266: JSON nested more than 256 levels deep`, { format: 'network-json' });
    const malformed = write('network.json', '[{"inList": [1,2,}]');
    await expectFailure([malformed], `${malformed} at byte 17: malformed JSON: Unexpected token '}'`);
  });

  it('a count beyond 2^53 - 1 is refused with its field named', async () => {
    for (const followers of ['18446744073709551616', '1e300', '-3', '2.5']) {
      const file = write('counts.jsonl', `${v1Status(followers)}\n`);
      await expectFailure([file], `${file}:1: a v1.1 status 1: "user.followers_count" is ${Number(followers)}, not a count: expected a whole number from 0 to 2^53 - 1`);
    }
  });

  it('a CSV time of 1e300 is refused with its line, not written into an INTEGER column', async () => {
    const file = write('times.csv', 'source,target,time\nalice,bob,1e300\n');
    await expectFailure([file], `${file}:2: the time "1e300" is out of range: a time is within ±8640000000000000 ms of 1970`);
  });

  it('control characters from the input are escaped: the message is one line', async () => {
    const file = write('controls.jsonl', '{"id_str": "1", "user": 7}\n{"text": "a\rb\u001b[2J"} \r\u001b[2J\u0000\n');
    const { db } = tempDb();
    const failure = await runImport(db, { paths: [file], format: 'twitter-v1' }).catch((error: Error) => error);
    expect(failure).toBeInstanceOf(Error);
    const message = (failure as Error).message;
    expect(message).toMatch(new RegExp(`^${file.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}:1: `));
    expect(message).not.toMatch(/[\u0000-\u001f\u007f]/);
    db.close();
    const named = write('bad\rname\u001b.csv', 'nothing\n');
    await expectFailure([named], 'bad\\rname\\u001b.csv:1: unrecognised format');
  });
});
