import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadAuditData, type AuditData } from '../../src/main/audit/data';
import { placeIndex, placeSummary, type PlaceIndex } from '../../src/main/audit/places';
import { runImport } from '../../src/main/import/run-import';
import type { Db } from '../../src/main/store/db';
import { datasetsDir, tempDb } from '../helpers';

const v2 = (name: string) => path.join(datasetsDir, 'twitter-v2', name);

describe('places of the real Twitter v2 profiles', () => {
  let db: Db;
  let data: AuditData;
  let index: PlaceIndex;
  const placeOfUser = (platformId: string) => index.placeOf(data.accounts.platformIds.indexOf(platformId));
  const handlesIn = (query: string) => index.accountsIn(query).map((account) => data.accounts.handles[account]);

  beforeAll(async () => {
    db = tempDb().db;
    const { totals } = await runImport(db, { paths: [v2('users.jsonl'), v2('brexit.jsonl')], dataset: 'places' });
    data = loadAuditData(db, totals.dataset.id);
    index = placeIndex(data);
  });

  afterAll(() => db.close());

  it('places the accounts whose profiles name a place', () => {
    const summary = placeSummary(data, 5);
    expect(summary.resolved + summary.unresolved + summary.empty).toBe(data.accounts.count);
    // Of the profiles that give a location, most name a real place; the rest are jokes, counties and "Europe".
    expect(summary.resolved / (summary.resolved + summary.unresolved)).toBeGreaterThan(0.7);
    expect(summary.places[0]).toMatchObject({ place: { id: 'geonames:2643743', name: 'London' } });
    expect(summary.countries.slice(0, 2).map((row) => row.country)).toEqual(['GB', 'US']);
  });

  it('reads the locations these accounts wrote', () => {
    // Each comment is the profile's location in the data.
    expect(placeOfUser('95500726')).toMatchObject({ name: 'Portland', country: 'US', admin1: 'OR' }); // "Portland, OR"
    expect(placeOfUser('119369819')).toMatchObject({ kind: 'region', country: 'US', admin1: 'NC' }); // "NC"
    expect(placeOfUser('2722354677')).toMatchObject({ name: 'Kitchener', country: 'CA' }); // "Kitchener, Ontario, Canada"
    expect(placeOfUser('1726979365')).toMatchObject({ name: 'Queens', admin1: 'NY' }); // "Queens, New york"
    expect(placeOfUser('3174803799')).toMatchObject({ kind: 'country', country: 'US' }); // "Estados Unidos"
    expect(placeOfUser('930931544692350976')).toMatchObject({ name: 'Glasgow', country: 'GB', admin1: 'SCT' }); // "Glasgow, Scotland"
    expect(placeOfUser('1327964026840739840')).toMatchObject({ name: 'Derry', admin1: 'NIR' }); // "Derry, Northern Ireland"
    expect(placeOfUser('768817790413340672')).toMatchObject({ kind: 'country', country: 'DE' }); // "Deutschland"
    expect(placeOfUser('2612666506')).toBeNull(); // "he/him (20)"
    expect(placeOfUser('1256895660')).toBeNull(); // "Europe"
  });

  it('finds the accounts in a place as a user types it', () => {
    const london = handlesIn('London, England');
    expect(london).toEqual(expect.arrayContaining(['JoelBaccas', 'nickhopkinsonEU', 'snb19692', 'Petrie_JohnC']));
    expect(handlesIn('London')).toEqual(london);
    const scotland = handlesIn('Scotland');
    expect(scotland).toEqual(expect.arrayContaining(['Glasgow_Watch', 'Fudgel11', 'HJBORR']));
    const uk = handlesIn('UK');
    expect(uk).toEqual(expect.arrayContaining([...london, ...scotland, 'CDohertyDerry', 'kevingordonhadd']));
    // "Angus" (a Scottish council area, not in the gazetteer) reads as Angus, Ontario: a known miss.
    expect(handlesIn('Ontario')).toEqual(['aXSniperSC', 'gj1023']);
    expect(handlesIn('Islington, London')).toEqual(['IslingtonIn']);
    expect(handlesIn('Plague Island')).toEqual([]);
  });
});
