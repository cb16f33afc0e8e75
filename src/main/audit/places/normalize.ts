import { placeLabel } from './admin1';
import { fold, gazetteer, type City, type Gazetteer, type Place } from './gazetteer';

/** A place as resolved from a location text, with how it reads to a person (admin1.ts: no bare region codes). */
export type ResolvedPlace = Place & { label: string };

/**
 * Free-text profile locations to places. The text is cut into parts ("Kitchener, Ontario, Canada"), each part
 * read as the cities and areas (countries, regions) it may name, and the reading chosen that the other parts
 * agree with: a city inside a named area beats a bigger city elsewhere ("Paris, TX"), an area named alone is
 * returned as that area ("UK", "Scotland", "Pennsylvania"). Continents, counties and jokes give null.
 */

/** What one part may mean. */
interface Reading {
  cities: City[];
  areas: Place[];
  /** One of several places joined by "and": a place of its own, no context for the others. */
  joined?: boolean;
}

/** Hard separators; emoji and flags act as one too ("Indy✈️Huntersville, NC"). */
const SEPARATORS = /[,/|;•·~>()[\]{}]|\s[-–—]+\s|\p{Extended_Pictographic}|\p{Regional_Indicator}/gu;
const PREFIXES = /^(?:based (?:in|out of)|living in|born in|live in|currently in|somewhere in|from|in|near|around|outside(?: of)?|greater)\s+/;
const SUFFIXES = /\s+(?:area|based|metro|born and bred|born|bred)$/;
/** Places that exist in the gazetteer (Earth, Texas; Mars, Pennsylvania) but in a profile are jokes. */
const NOWHERE = new Set(['earth', 'planet earth', 'world', 'the world', 'worldwide', 'everywhere', 'nowhere', 'somewhere',
  'anywhere', 'here', 'there', 'home', 'internet', 'online', 'the internet', 'hell', 'heaven', 'mars', 'moon', 'the moon',
  'space', 'outer space', 'universe', 'the universe', 'global', 'he', 'him', 'she', 'her', 'they', 'them']);
/** A lone-part city that shares its name with an area wins only if it is this big ("New York", "LA"). */
const BIG_CITY = 1_000_000;

const NONE: Reading = { cities: [], areas: [] };

export function normalizeLocation(text: string): ResolvedPlace | null {
  const g = gazetteer();
  const readings = text.split(SEPARATORS).flatMap((part) => readPart(g, fold(part)));
  const place = bestCity(readings) ?? bestArea(readings);
  return place && { ...place, label: placeLabel(place) };
}

function lookup(g: Gazetteer, key: string, whole: boolean): Reading {
  if (key === '' || NOWHERE.has(key) || /^[\d\s]+$/.test(key)) return NONE;
  const foreign = whole ? g.foreignCountries.get(key) : undefined;
  return { cities: g.citiesByName.get(key) ?? [], areas: foreign ? [foreign] : (g.areasByName.get(key) ?? []) };
}

const known = (reading: Reading) => reading.cities.length > 0 || reading.areas.length > 0;

/**
 * One separated part, folded. When the whole does not read, the loose forms people use are tried in turn:
 * a prefix or suffix ("based in London", "London area"), two places joined by "and"/"&", and a place followed by
 * its area without a comma ("Saco Maine", "London-UK").
 */
function readPart(g: Gazetteer, key: string): Reading[] {
  if (key === '') return [];
  const whole = lookup(g, key, true);
  if (known(whole)) return [whole];
  const trimmed = key.replace(PREFIXES, '').replace(SUFFIXES, '');
  if (trimmed !== key) return readPart(g, trimmed);
  const pieces = key.split(' and ');
  if (pieces.length > 1) return pieces.flatMap((piece) => readPart(g, piece).map((reading) => ({ ...reading, joined: true })));
  const words = key.split(' ');
  for (let cut = words.length - 1; cut > 0; cut--) {
    const tail = lookup(g, words.slice(cut).join(' '), false);
    if (tail.areas.length > 0) return [...readPart(g, words.slice(0, cut).join(' ')), { cities: [], areas: tail.areas }];
  }
  return [whole];
}

const within = (area: Place, place: Place) =>
  area !== place && area.kind !== 'city' && area.country === place.country && (area.kind === 'country' || (place.kind !== 'country' && area.admin1 === place.admin1));

/** Whether two places share a region, as a borough and its city do ("Islington, London"). */
const neighbours = (city: City | undefined, place: Place) =>
  city !== undefined && city !== place && place.kind === 'city' && city.admin1 !== null && city.country === place.country && city.admin1 === place.admin1;

/** How many other parts name an area the place lies in, or a city (the largest of that name) beside it. */
function support(readings: Reading[], at: number, place: Place): number {
  let count = 0;
  readings.forEach((reading, other) => {
    if (other !== at && (reading.areas.some((area) => within(area, place)) || neighbours(reading.cities[0], place))) count++;
  });
  return count;
}

/**
 * Whether a later part names areas, no big city, and no area holding this city: "Cornwall UK" is no Canadian
 * town, and "Stockbridge, England" is no town in Georgia although England, Arkansas exists. Only later parts,
 * since the area follows the city ("Washington, DC" is not contradicted by Washington State).
 */
function contradicted(readings: Reading[], at: number, city: City): boolean {
  return readings.some(
    (reading, other) =>
      other > at &&
      !reading.joined &&
      reading.areas.length > 0 &&
      !reading.areas.some((area) => within(area, city)) &&
      !reading.cities.some((big) => big.population >= BIG_CITY),
  );
}

/** The city most parts agree on; on a tie the earlier part, then the bigger city. */
function bestCity(readings: Reading[]): City | null {
  let best: City | null = null;
  let bestSupport = -1;
  readings.forEach((reading, at) => {
    // A part that also names an area means the area ("California, USA"), unless the city is big ("New York")
    // or the other parts place the city better than the area ("New York, NY").
    const areaSupport = Math.max(-1, ...reading.areas.map((area) => support(readings, at, area)));
    for (const city of reading.cities) {
      const agreed = support(readings, at, city);
      if (agreed <= bestSupport || contradicted(readings, at, city)) continue;
      if (agreed <= areaSupport && city.population < BIG_CITY) continue;
      best = city;
      bestSupport = agreed;
    }
  });
  return best;
}

/** The area most parts agree on; a region only when a part places it ("Georgia, USA"), else countries first. */
function bestArea(readings: Reading[]): Place | null {
  let best: Place | null = null;
  let bestSupport = -1;
  readings.forEach((reading, at) => {
    for (const area of reading.areas) {
      const agreed = support(readings, at, area);
      if (agreed > bestSupport) {
        best = area;
        bestSupport = agreed;
      }
    }
  });
  return best;
}
