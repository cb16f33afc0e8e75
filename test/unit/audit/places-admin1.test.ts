import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { gazetteer, normalizeLocation, placeLabel, regionName } from '../../../src/main/audit/places';
import { ADMIN1_NAMES } from '../../../src/main/audit/places/admin1';

const DATASETS = path.resolve(__dirname, '../../../../shared/datasets');

/** Every `location` string of the real tweet files (v1.1 array and v2 pages, users included). */
function realLocations(): string[] {
  const found = new Set<string>();
  const walk = (value: unknown): void => {
    if (value === null || typeof value !== 'object') return;
    const record = value as Record<string, unknown>;
    if (typeof record.location === 'string') found.add(record.location);
    for (const inner of Object.values(record)) walk(inner);
  };
  const files = [
    ...fs.readdirSync(path.join(DATASETS, 'twitter-v2')).filter((f) => f.endsWith('.jsonl')).map((f) => path.join(DATASETS, 'twitter-v2', f)),
    path.join(DATASETS, 'twitter-v1', 'germanwings-crash-all-rnr-threads.non-rumours.json'),
  ];
  for (const file of files) {
    const text = fs.readFileSync(file, 'utf8');
    if (text.trimStart().startsWith('[')) walk(JSON.parse(text));
    else for (const line of text.split('\n')) if (line.trim()) walk(JSON.parse(line));
  }
  return [...found];
}

describe('region names instead of codes', () => {
  it('reads real profile locations as a person would', () => {
    expect(normalizeLocation('Seoul, Korea')?.label).toBe('Seoul, Seoul, South Korea');
    expect(normalizeLocation('Berlin, Germany')?.label).toBe('Berlin, Berlin, Germany');
    expect(normalizeLocation('Bonn, Germany')?.label).toBe('Bonn, North Rhine-Westphalia, Germany');
    expect(normalizeLocation('Rome, Lazio')?.label).toBe('Rome, Lazio, Italy');
    expect(normalizeLocation('Kitchener, Ontario, Canada')?.label).toBe('Kitchener, Ontario, Canada');
    expect(normalizeLocation('Glasgow, Scotland')?.label).toBe('Glasgow, Scotland, United Kingdom');
    expect(normalizeLocation('Brooklyn, NY')?.label).toBe('Brooklyn, New York, United States');
    expect(normalizeLocation('Dublin, Ireland')?.label).toBe('Dublin, Leinster, Ireland');
    expect(normalizeLocation('Scotland')?.label).toBe('Scotland, United Kingdom');
  });

  it('never shows a bare region code for any location in the real datasets', () => {
    const locations = realLocations();
    expect(locations.length).toBeGreaterThan(300);
    let placed = 0;
    for (const location of locations) {
      const place = normalizeLocation(location);
      if (!place) continue;
      placed++;
      expect(place.label, location).not.toMatch(/(^|, )[A-Z]{0,3}\d+(,|$)/);
      if (place.kind === 'city' && place.admin1 !== null) expect(regionName(place.country, place.admin1), `${location} -> ${place.country}.${place.admin1}`).not.toBeNull();
    }
    expect(placed).toBeGreaterThan(150);
  });

  it('names each transcribed code after the region its most populous city lies in', () => {
    const largest = (country: string, code: string) =>
      gazetteer()
        .cities.filter((city) => city.country === country && city.admin1 === code)
        .sort((a, b) => b.population - a.population)[0]?.name;
    const expected: [string, string, string][] = [
      ['KR', '11', 'Seoul'], ['KR', '10', 'Busan'], ['KR', '13', 'Suwon'], ['KR', '01', 'Jeju City'], ['KR', '21', 'Ulsan'],
      ['DE', '02', 'Munich'], ['DE', '07', 'Köln'], ['DE', '16', 'Berlin'], ['DE', '13', 'Leipzig'],
      ['FR', '11', 'Paris'], ['FR', '84', 'Lyon'], ['FR', '93', 'Marseille'], ['FR', '76', 'Toulouse'],
      ['IE', 'L', 'Dublin'], ['IE', 'M', 'Cork'], ['ES', '56', 'Barcelona'], ['IN', '16', 'Mumbai'], ['VE', '18', 'Acarigua'],
    ];
    for (const [country, code, city] of expected) expect(largest(country, code), `${country}.${code}`).toBe(city);
    // Every code of the table exists in the gazetteer: a mistyped code would name no city.
    for (const [country, codes] of Object.entries(ADMIN1_NAMES)) for (const code of Object.keys(codes)) expect(largest(country, code), `${country}.${code}`).toBeDefined();
  });

  it('leaves out a division it cannot name', () => {
    expect(placeLabel({ name: 'Somewhere', country: 'NZ', admin1: 'E7', kind: 'city' })).toBe('Somewhere, New Zealand');
    expect(placeLabel({ name: 'France', country: 'FR', admin1: null, kind: 'country' })).toBe('France');
  });
});
