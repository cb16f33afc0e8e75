import fs from 'node:fs';
import path from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { runImport } from '../../src/main/import/run-import';
import { datasetsDir, fixturesDir, tempDb, tempDir } from '../helpers';

const brexit = path.join(datasetsDir, 'twitter-v2', 'brexit.jsonl');

// The pseudonym key lives in the app data folder: a temporary one, never the developer's.
beforeEach(() => {
  process.env.XDG_DATA_HOME = tempDir('lens-data-');
});

describe('--pseudonymize', () => {
  it('replaces handles, names and @handles in texts, the same way in every dataset of the database', async () => {
    const { db } = tempDb();
    const plain = await runImport(db, { paths: [brexit], dataset: 'plain' });
    const first = await runImport(db, { paths: [brexit], dataset: 'pseudo-a', pseudonymize: true });
    await runImport(db, { paths: [brexit], dataset: 'pseudo-b', pseudonymize: true });
    // The same counts: pseudonyms change names, not the graph (handle-only mentions still resolve).
    expect({ ...first.totals, dataset: null }).toEqual({ ...plain.totals, dataset: null });

    const accounts = (name: string) =>
      db.prepare(`SELECT platform_id, handle, display_name FROM accounts JOIN datasets ON datasets.id = accounts.dataset_id
        WHERE datasets.name = ? ORDER BY platform_id`).all(name) as { platform_id: string; handle: string | null; display_name: string | null }[];
    const real = accounts('plain');
    const a = accounts('pseudo-a');
    expect(accounts('pseudo-b')).toEqual(a);
    const realHandles = new Set(real.map((r) => r.handle?.toLowerCase()).filter(Boolean));
    for (const row of a) {
      if (row.handle !== null) expect(row.handle).toMatch(/^user_[0-9a-f]{12}$/);
      if (row.display_name !== null) expect(row.display_name).toMatch(/^Person [0-9a-f]{12}$/);
    }
    const texts = db.prepare(`SELECT text FROM posts JOIN datasets ON datasets.id = posts.dataset_id WHERE datasets.name = 'pseudo-a'`)
      .pluck().all() as string[];
    for (const text of texts) {
      for (const [, handle] of text.matchAll(/@(\w+)/g)) expect(realHandles.has(handle!.toLowerCase()), text).toBe(false);
    }
    expect(texts.some((text) => /@user_[0-9a-f]{12}/.test(text))).toBe(true);
  });

  it('resolves a handle-only mention to the pseudonymized account', async () => {
    const { db } = tempDb();
    const fixture = path.join(fixturesDir, 'twitter-v2-handle-mentions.jsonl');
    expect(fs.existsSync(fixture)).toBe(true);
    const plain = await runImport(db, { paths: [fixture], dataset: 'plain' });
    const pseudo = await runImport(db, { paths: [fixture], dataset: 'pseudo', pseudonymize: true });
    expect(pseudo.totals.interactions).toEqual(plain.totals.interactions);
    expect(pseudo.totals.unresolved).toBe(plain.totals.unresolved);
  });
});
