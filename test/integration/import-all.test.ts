import { describe, expect, it } from 'vitest';
import { runImport } from '../../src/main/import/run-import';
import { snapshot, tempDb } from '../helpers';
import { realDatasets } from '../real-datasets';

describe('all real datasets in one database', () => {
  it('import with references intact (foreign keys are paused during an import), and a second import changes nothing', async () => {
    const { db } = tempDb();
    for (const [dataset, paths] of Object.entries(realDatasets)) {
      const { files } = await runImport(db, { paths, dataset });
      expect(files.every((file) => file.status === 'imported'), dataset).toBe(true);
    }
    expect(db.pragma('foreign_key_check')).toEqual([]);
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    const before = snapshot(db);
    expect(before.integrity).toBe('ok');
    for (const [dataset, paths] of Object.entries(realDatasets)) {
      const { files } = await runImport(db, { paths, dataset });
      expect(files.every((file) => file.status === 'unchanged'), dataset).toBe(true);
    }
    expect(snapshot(db)).toEqual(before);
  });
});
