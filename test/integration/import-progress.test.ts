import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ImportProgress } from '../../src/shared/api';
import { runImport } from '../../src/main/import/run-import';
import { datasetsDir, tempDb } from '../helpers';

describe('import progress', () => {
  it('reports bytes read per file, rising to each file size', async () => {
    const { db } = tempDb();
    const files = [path.join(datasetsDir, 'congress-twitter', 'congress.edgelist'), path.join(datasetsDir, 'twitter-v2', 'flat.jsonl')];
    const events: ImportProgress[] = [];
    await runImport(db, { paths: files, dataset: 'p', onProgress: (event) => events.push(event) });
    files.forEach((file, index) => {
      const mine = events.filter((event) => event.fileIndex === index);
      expect(mine.length).toBeGreaterThan(0);
      expect(mine.every((event) => event.file === file && event.fileCount === 2 && event.bytesTotal === fs.statSync(file).size)).toBe(true);
      const read = mine.map((event) => event.bytesRead);
      expect(read).toEqual([...read].sort((a, b) => a - b));
      expect(read.at(-1)).toBe(fs.statSync(file).size);
    });
    expect(events.at(-1)!.records).toBeGreaterThan(0);
  });
});
