import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { PlatformIdMap, RowIdSet } from '../../src/main/import/platform-ids';
import { tempDb, tempDir } from '../helpers';
import { call } from '../run-helpers';

describe('PlatformIdMap', () => {
  it('keeps apart ids that differ as text but not as numbers, and ids beyond 2^53', () => {
    const ids = ['7', '07', '007', '0', '00', '-7', '+7', '7.0', '7 ', '1e3', '1000', '999999999999999',
      '9007199254740992', '9007199254740993', '1234567890123456789', '1234567890123456788', 'u7', ''];
    const map = new PlatformIdMap();
    ids.forEach((id, index) => map.set(id, index + 1));
    ids.forEach((id, index) => expect(map.get(id)).toBe(index + 1));
    expect(map.get('8')).toBeUndefined();
    expect(map.get('0007')).toBeUndefined();
  });

  it('answers from the id last set or found only for that id, and a row id set again replaces it', () => {
    const map = new PlatformIdMap();
    const id = '1234567890123456789';
    map.set(id, 5);
    expect(map.get('1234567890123456788')).toBeUndefined();
    expect(map.get(id)).toBe(5);
    map.set(id, 6);
    expect(map.get(id)).toBe(6);
    map.set('u1', 7);
    expect(map.get(id)).toBe(6);
    // An id built anew (another string object with the same text) is the same id.
    expect(map.get(['u', '1'].join(''))).toBe(7);
    expect(() => map.set('u2', 0)).toThrow(RangeError);
    expect(map.get('u2')).toBeUndefined();
  });
});

describe('PlatformIdMap against a Map, with prefixes interleaved', () => {
  it('gives every id its row id, over more prefixes than get arrays, numbers that grow the arrays and ids that share a prefix', () => {
    const prefixes = ['', 'u', 'user', 'us', 'x1_', 'z', 'u0', 'abcdefgh', 'abcdefghi'];
    const reference = new Map<string, number>();
    const map = new PlatformIdMap();
    let state = 7;
    const next = () => (state = (Math.imul(state, 1103515245) + 12345) >>> 0);
    for (let rowId = 1; rowId <= 20_000; rowId++) {
      const id = `${prefixes[next() % prefixes.length]}${next() % (rowId < 10_000 ? 5_000 : 3_000_000)}`;
      map.set(id, rowId);
      reference.set(id, rowId);
      // A lookup of another id between two sets, as a sink does.
      const other = `${prefixes[next() % prefixes.length]}${next() % 5_000}`;
      expect(map.get(other)).toBe(reference.get(other));
    }
    for (const [id, rowId] of reference) expect(map.get(id)).toBe(rowId);
    expect(map.size).toBe(reference.size);
    expect(map.get('u00')).toBeUndefined();
    expect(map.get('user')).toBeUndefined();
  });
});

describe('PlatformIdMap with ids of 11 to 19 digits (kept as numbers, not text)', () => {
  it('keeps them apart from each other, from longer numbers and from texts of the same length', () => {
    const ids = ['12345678901', '012345678901', '00000000000', '1234567890 ', '1234567890a', '99999999999', '10000000000',
      '999999999999999999', '1000000000000000000', '1000000000000000001', '9999999999999999999', '10000000000000000000',
      '1234567890123456789', '123456789012345678', '12345678901234567890', '1234567890123456789x', '２３４５６７８９０１２', 'abcdefghijk'];
    const map = new PlatformIdMap();
    ids.forEach((id, index) => map.set(id, index + 1));
    ids.forEach((id, index) => expect(map.get(id)).toBe(index + 1));
    expect(map.size).toBe(ids.length);
    for (const absent of ['12345678902', '02345678901', '1234567890123456788', '9999999999999999998', '19999999999']) {
      expect(map.get(absent)).toBeUndefined();
    }
  });

  it('agrees with a Map over 60k snowflake-like and random ids, looked up between sets', () => {
    const reference = new Map<string, number>();
    const map = new PlatformIdMap();
    let state = 11;
    const next = () => (state = (Math.imul(state, 1103515245) + 12345) >>> 0);
    // Twitter's ids: a time in the high bits, a sequence in the low ones, so neighbours differ in a few digits.
    let snowflake = 1_500_000_000_000_000_000n;
    for (let rowId = 1; rowId <= 60_000; rowId++) {
      snowflake += BigInt(1 + (next() % 4096));
      const id = rowId % 3 === 0 ? String(next() % 2 ** 31) + String(next()).padStart(10, '0') : String(snowflake);
      map.set(id, rowId);
      reference.set(id, rowId);
      const other = String(snowflake - BigInt(next() % 100_000));
      expect(map.get(other)).toBe(reference.get(other));
    }
    for (const [id, rowId] of reference) expect(map.get(id)).toBe(rowId);
    expect(map.size).toBe(reference.size);
  });
});

describe('RowIdSet', () => {
  it('holds exactly the row ids added, far apart or not', () => {
    const set = new RowIdSet();
    const added = [1, 2, 31, 32, 33, 1023, 40_000, 2_000_000, 2 ** 28 - 1];
    for (const rowId of added) set.add(rowId);
    for (const rowId of added) expect(set.has(rowId)).toBe(true);
    for (const rowId of [0, 3, 30, 34, 1022, 1024, 39_999, 40_001, 1_999_999, 2 ** 28 - 2]) expect(set.has(rowId)).toBe(false);
  });
});

describe('accounts named by ids that look alike', () => {
  it('an edge list with 7, 07 and 7.0 imports three accounts', async () => {
    const { db } = tempDb();
    const file = path.join(tempDir(), 'alike.edgelist');
    fs.writeFileSync(file, '7 07\n07 7.0\n7.0 7\n9007199254740992 9007199254740993\n');
    const { totals } = await call(db, 'datasets.import', { paths: [file], dataset: 'alike' });
    expect(totals.accounts).toBe(5);
    const platformIds = db.prepare('SELECT platform_id FROM accounts WHERE dataset_id = ? ORDER BY platform_id').pluck().all(totals.dataset.id);
    expect(platformIds).toEqual(['07', '7', '7.0', '9007199254740992', '9007199254740993']);
    db.close();
  });
});
