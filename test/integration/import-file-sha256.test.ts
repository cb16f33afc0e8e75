import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runImport } from '../../src/main/import/run-import';
import { datasetsDir, tempDb, tempDir } from '../helpers';

// Each file's sha256 is computed on the import's writer thread from the chunks the import thread read (writer.ts).
// Checked against a hash of the file on disk, for files of many chunks and for many files in one import.

const sha256Of = (file: string) => createHash('sha256').update(fs.readFileSync(file)).digest('hex');

function storedHashes(db: ReturnType<typeof tempDb>['db']): Map<string, string> {
  const rows = db.prepare('SELECT path, sha256 FROM source_files').all() as { path: string; sha256: string }[];
  return new Map(rows.map((row) => [row.path, row.sha256]));
}

describe('the sha256 stored for each imported file', () => {
  it('is the file\'s, for a file of several 1 MiB chunks and the next file of the same import', async () => {
    const dir = tempDir('lens-sha-');
    const brexit = fs.readFileSync(path.join(datasetsDir, 'twitter-v2', 'brexit.jsonl'));
    // Real pages four times over: 1.4 MB, two chunks; the repeated posts are stored once.
    const large = path.join(dir, 'brexit-x4.jsonl');
    fs.writeFileSync(large, Buffer.concat([brexit, brexit, brexit, brexit]));
    const kpop = path.join(datasetsDir, 'twitter-v2', 'kpop.jsonl');
    const { db } = tempDb();
    await runImport(db, { paths: [large, kpop], dataset: 'pages' });
    const stored = storedHashes(db);
    expect(stored.get(large)).toBe(sha256Of(large));
    expect(stored.get(kpop)).toBe(sha256Of(kpop));
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('is each file\'s for the 40 tree files of a Twitter15 release and its label file', async () => {
    const release = path.join(datasetsDir, 'cascades-twitter15');
    const { db } = tempDb();
    await runImport(db, { paths: [release], dataset: 't15' });
    const stored = storedHashes(db);
    const trees = fs.readdirSync(path.join(release, 'tree')).map((name) => path.join(release, 'tree', name));
    expect(trees).toHaveLength(40);
    for (const file of [...trees, path.join(release, 'label.txt')]) expect(stored.get(file), file).toBe(sha256Of(file));
  });
});
