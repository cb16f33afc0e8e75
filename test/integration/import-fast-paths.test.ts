import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { PlatformIdMap } from '../../src/main/import/platform-ids';
import { byCodePoint } from '../../src/main/import/sqlite-sink';
import { derivedRowsDigest } from '../../src/main/store/dataset-digest';
import { datasetTotals } from '../../src/main/store/datasets';
import { realDatasets } from '../real-datasets';
import { tempDb, tempDir } from '../helpers';
import { call } from '../run-helpers';

describe('PlatformIdMap against a Map', () => {
  it('gives the same row id for 200,000 ids of every shape through its growth', () => {
    const map = new PlatformIdMap();
    const naive = new Map<string, number>();
    const shapes = (n: number) => [`u${n}`, String(n), `0${n}`, `${n}.0`, String(1e18 + n * 7919), `handle_${n.toString(36)}`, `é${n}😀`];
    let next = 1;
    for (let n = 0; n < 200_000 / 7; n++) {
      for (const id of shapes(n)) {
        map.set(id, next);
        naive.set(id, next++);
      }
    }
    expect(map.size).toBe(naive.size);
    const differing = [...naive].filter(([id, rowId]) => map.get(id) !== rowId);
    expect(differing).toEqual([]);
    for (const absent of ['u-1', '', 'u', '01', '😀', 'handle_']) expect(map.get(absent)).toBe(naive.get(absent));
    map.set('u5', 42);
    expect(map.get('u5')).toBe(42);
    expect(map.size).toBe(naive.size);
  });

  it('refuses a row id it cannot hold instead of storing another', () => {
    expect(() => new PlatformIdMap().set('u1', 2 ** 31)).toThrow(RangeError);
    expect(() => new PlatformIdMap().set('h1', 0)).toThrow(RangeError);
  });

  it('keeps ids on both sides of the direct arrays\' limits apart', () => {
    const ids = ['4194303', '4194304', 'u4194303', 'u4194304', '9999999', '99999999', 'abcdefgh1', 'abcdefghi1', '0', '00',
      'u0', 'u00', 'x-1', 'x1', 'y1', 'z1', 'w1', 'v1'];
    const map = new PlatformIdMap();
    ids.forEach((id, index) => map.set(id, index + 1));
    expect(ids.map((id) => map.get(id))).toEqual(ids.map((_, index) => index + 1));
    expect(map.size).toBe(ids.length);
    expect(['4194302', 'u1', '000', 'v2', 'abcdefghi2'].map((id) => map.get(id))).toEqual([undefined, undefined, undefined, undefined, undefined]);
  });
});

describe('the posts digest written while importing', () => {
  it('sorts hashtags as SQLite does, astral characters after U+E000-U+FFFF', async () => {
    expect(['\u{1F600}', '\uE000', 'b', 'a'].sort(byCodePoint)).toEqual(['a', 'b', '\uE000', '\u{1F600}']);
    const { db } = tempDb();
    const file = path.join(tempDir(), 'tags.jsonl');
    const tweet = (id: string, tags: string[]) => ({ id, author_id: '1', text: tags.map((tag) => `#${tag}`).join(' '),
      created_at: '2024-01-01T00:00:00.000Z', entities: { hashtags: tags.map((tag) => ({ tag })) } });
    const page = { data: [tweet('10', ['\u{1F600}x', '\uE000y', 'Zed', 'ábc', 'Zed']), tweet('11', [])],
      includes: { users: [{ id: '1', username: 'one', name: 'One' }] } };
    fs.writeFileSync(file, `${JSON.stringify(page)}\n`);
    const { totals } = await call(db, 'datasets.import', { paths: [file], dataset: 'tags' });
    expect(totals.posts).toBe(2);
    const stored = db.prepare('SELECT rows_sha256 FROM datasets WHERE id = ?').pluck().get(totals.dataset.id);
    expect(derivedRowsDigest(db, totals.dataset.id)).toBe(stored);
    db.close();
  });
});

describe('the totals of a new dataset, counted as written', () => {
  it.each(Object.entries(realDatasets))('equal the rows counted back (%s)', async (name, paths) => {
    const { db } = tempDb();
    const { totals } = await call(db, 'datasets.import', { paths, dataset: name, skipInvalid: true });
    expect(totals).toEqual(datasetTotals(db, totals.dataset.id));
    expect(totals.accounts).toBeGreaterThan(0);
    db.close();
  }, 60_000);
});
