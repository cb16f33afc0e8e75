import { describe, expect, it } from 'vitest';
import type { AuditData } from '../../../src/main/audit/data';
import { contains, gazetteer, normalizeLocation, placeIndex, placeSummary } from '../../../src/main/audit/places';

/** [profile text, expected id or null, and for readability what that id is]. Ids are GeoNames' or our own. */
const LOCATIONS: [string, string | null, string?][] = [
  ['Philadelphia, PA', 'geonames:4560349', 'Philadelphia, Pennsylvania'],
  ['Philadelphia', 'geonames:4560349', 'the largest Philadelphia'],
  ['philly', 'geonames:4560349', 'a supported nickname'],
  ['London', 'geonames:2643743', 'London, England'],
  ['London, England', 'geonames:2643743'],
  ['London, UK', 'geonames:2643743'],
  ['London-UK', 'geonames:2643743', 'a place and its country without a comma'],
  ['London, ON', 'geonames:6058560', 'London, Ontario'],
  ['Paris, France', 'geonames:2988507'],
  ['Paris, TX', 'geonames:4717560', 'Paris, Texas'],
  ['NYC', 'geonames:5128581', 'New York City'],
  ['New York, NY', 'geonames:5128581'],
  ['New York', 'geonames:5128581', 'the city: it is big enough to win over the state'],
  ['NY', 'admin1:US.NY', 'a state alone is the state'],
  ['Queens, New york', 'geonames:5133273', 'Queens, placed by the state'],
  ['Berlin', 'geonames:2950159'],
  ['Berlin, Germany', 'geonames:2950159'],
  ['München', 'geonames:2867714', 'Munich by its German name'],
  ['Munich', 'geonames:2867714'],
  ['Zurich', 'geonames:2657896', 'Zürich without its accent'],
  ['Seoul, South Korea', 'geonames:1835848'],
  ['🇬🇧 UK', 'country:GB'],
  ['United Kingdom', 'country:GB'],
  ['Estados Unidos', 'country:US', 'a country named in Spanish'],
  ['Deutschland', 'country:DE'],
  ['Conamara, Éire.', 'country:IE', 'Connemara is not in the gazetteer, Ireland is'],
  ['Scotland', 'admin1:GB.SCT', 'the UK nations are regions of GB'],
  ['Scotland, United Kingdom', 'admin1:GB.SCT'],
  ['Glasgow, Scotland', 'geonames:2648579'],
  ['Derry, Northern Ireland', 'geonames:2643736'],
  ['Georgia', 'country:GE', 'a lone name of a country and a state is the country'],
  ['Georgia, USA', 'admin1:US.GA'],
  ['California, USA', 'admin1:US.CA', 'not the small town California, Maryland'],
  ['Washington, DC', 'geonames:4140963'],
  ['Monroe,LA', 'geonames:4333669', 'LA is Louisiana here, not Los Angeles'],
  ['LA', 'geonames:5368361', 'Los Angeles alone'],
  ['Kitchener, Ontario, Canada', 'geonames:5992996'],
  ['Saco Maine', 'geonames:4977222'],
  ['in Hurst, Tx ', 'geonames:4699575', 'Hurst, Texas'],
  ['Near Austin, TX', 'geonames:4671654'],
  ['Indy✈️Huntersville, NC', 'geonames:4472370', 'the part its state places'],
  ['Brooklyn ✈️ ATL', 'geonames:5110302', 'the first of two places'],
  ['Illinois, Chicago', 'geonames:4887398'],
  ['Cornwall UK', 'country:GB', 'not Cornwall, Ontario: counties are not in the gazetteer'],
  ['Stockbridge, England', 'admin1:GB.ENG', 'not Stockbridge, Georgia (England, Arkansas exists)'],
  ['Rome, Lazio', 'geonames:3169070', 'an unknown region does not stop the city'],
  ['St. Louis', 'geonames:4407066'],
  ['Sydney, NSW', 'geonames:2147714'],
  ['Trinidad and Tobago', 'country:TT', '"and" splits only what does not read whole'],
  ['London & Brighton, England', 'geonames:2643743'],
  ['ILFORD', 'geonames:2646277'],
  // No alternate names beyond the hand-kept aliases, and counties are not in the gazetteer: a miss, not a guess.
  ['Ilford Essex englandshire', null],
  ['Earth', null],
  ['Planet Earth (Mostly Harmless)', null],
  ['somewhere', null],
  ["ur mom's house", null],
  ['he/him', null],
  ['he/him (20)', null],
  ['Europe', null, 'continents are not places here'],
  ['39.20599,-76.74989;58', null],
  ['', null],
  ['   ', null],
];

describe('normalizeLocation', () => {
  it.each(LOCATIONS)('%s -> %s', (text, id) => {
    expect(normalizeLocation(text)?.id ?? null).toBe(id);
  });

  it('gives the documented fields', () => {
    expect(normalizeLocation('Philadelphia, PA')).toMatchObject({
      id: 'geonames:4560349', name: 'Philadelphia', country: 'US', admin1: 'PA', kind: 'city', population: 1567442,
    });
    expect(normalizeLocation('London, ON')).toMatchObject({ country: 'CA', admin1: '08' });
    expect(normalizeLocation('UK')).toEqual({ id: 'country:GB', name: 'United Kingdom', country: 'GB', admin1: null, population: 0, kind: 'country', label: 'United Kingdom' });
    expect(normalizeLocation('Pennsylvania')).toEqual({ id: 'admin1:US.PA', name: 'Pennsylvania', country: 'US', admin1: 'PA', population: 0, kind: 'region', label: 'Pennsylvania, United States' });
  });

  it('reads a large number of locations in a few seconds', () => {
    const texts = LOCATIONS.map(([text]) => text);
    normalizeLocation('warm up the gazetteer');
    const started = performance.now();
    for (let i = 0; i < 100_000; i++) normalizeLocation(texts[i % texts.length]!);
    // About 5 µs a location here; the bound leaves room for a slow CI machine.
    expect(performance.now() - started).toBeLessThan(3000);
  });
});

describe('gazetteer', () => {
  it('holds cities with their ascii names, countries and US states', () => {
    const g = gazetteer();
    expect(g.cities.length).toBeGreaterThan(130_000);
    expect(g.citiesByName.get('zurich')?.[0]).toMatchObject({ name: 'Zürich', asciiName: 'Zurich', country: 'CH' });
    expect(g.countries.get('KR')?.name).toBe('South Korea');
    expect(g.regions.get('US.PA')?.name).toBe('Pennsylvania');
    expect(gazetteer()).toBe(g);
  });
});

function accountsWith(locations: (string | null)[]): AuditData {
  return { accounts: { count: locations.length, locations } } as unknown as AuditData;
}

describe('placeIndex and placeSummary', () => {
  const data = accountsWith(['Philadelphia, PA', 'philly', 'Pittsburgh', 'London', 'UK', 'Glasgow', null, '', 'Earth', 'Paris, TX', 'Paris']);

  it('places every account and finds the accounts in a typed place, areas including their cities', () => {
    const index = placeIndex(data);
    expect(index.placeOf(0)?.name).toBe('Philadelphia');
    expect(index.placeOf(6)).toBeNull();
    expect(index.accountsIn('Philadelphia')).toEqual([0, 1]);
    expect(index.accountsIn('Philadelphia, PA')).toEqual([0, 1]);
    expect(index.accountsIn('Pennsylvania')).toEqual([0, 1, 2]);
    expect(index.accountsIn('UK')).toEqual([3, 4, 5]);
    expect(index.accountsIn('Scotland')).toEqual([5]);
    expect(index.accountsIn('London')).toEqual([3]);
    expect(index.accountsIn('United States')).toEqual([0, 1, 2, 9]);
    expect(index.accountsIn('France')).toEqual([10]);
    expect(index.accountsIn('Earth')).toEqual([]);
  });

  it('counts accounts per place and the locations it could not place', () => {
    const summary = placeSummary(data, 2);
    expect(summary).toMatchObject({ accounts: 11, empty: 2, resolved: 8, unresolved: 1 });
    expect(summary.places.map((row) => [row.place.name, row.accounts])).toEqual([['Philadelphia', 2], ['Glasgow', 1]]);
    expect(summary.countries).toEqual([{ country: 'US', name: 'United States', accounts: 4 }, { country: 'GB', name: 'United Kingdom', accounts: 3 }]);
  });

  it('holds a place within itself and its areas only', () => {
    const philadelphia = normalizeLocation('Philadelphia')!;
    expect(contains(normalizeLocation('PA')!, philadelphia)).toBe(true);
    expect(contains(normalizeLocation('NJ')!, philadelphia)).toBe(false);
    expect(contains(philadelphia, normalizeLocation('PA')!)).toBe(false);
  });
});
