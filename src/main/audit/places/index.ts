import type { AuditData } from '../data';
import type { Place } from './gazetteer';
import { normalizeLocation, type ResolvedPlace } from './normalize';

export { fold, gazetteer, type City, type Gazetteer, type Place } from './gazetteer';
export { normalizeLocation, type ResolvedPlace } from './normalize';
export { countryName, placeLabel, regionName } from './admin1';

export interface PlaceIndex {
  /** The place of an account (a node of the AuditData), or null when its location is empty or unresolved. */
  placeOf(account: number): ResolvedPlace | null;
  /**
   * Accounts in the place a user typed ("Philadelphia, PA", "UK"), read by the same normaliser: a city holds
   * the accounts placed in it, a region and a country also those placed in their cities. Ascending; empty
   * when the query names no place.
   */
  accountsIn(query: string): number[];
}

/** Does `outer` hold `inner`? A place holds itself. */
export function contains(outer: Place, inner: Place): boolean {
  if (outer.kind === 'city') return outer.id === inner.id;
  if (outer.country !== inner.country) return false;
  return outer.kind === 'country' || (inner.kind !== 'country' && outer.admin1 === inner.admin1);
}

/** Reads every account's location once; a location text repeated across accounts is read once. */
export function placeIndex(data: AuditData): PlaceIndex {
  const memo = new Map<string, ResolvedPlace | null>();
  const places: (ResolvedPlace | null)[] = data.accounts.locations.map((location) => {
    if (location === null || location.trim() === '') return null;
    let place = memo.get(location);
    if (place === undefined) memo.set(location, (place = normalizeLocation(location)));
    return place;
  });
  return {
    placeOf: (account) => places[account] ?? null,
    accountsIn(query) {
      const target = normalizeLocation(query);
      if (!target) return [];
      const accounts: number[] = [];
      places.forEach((place, account) => {
        if (place && contains(target, place)) accounts.push(account);
      });
      return accounts;
    },
  };
}

export interface PlaceSummary {
  accounts: number;
  /** Accounts with no location at all. */
  empty: number;
  resolved: number;
  /** Accounts with a location the normaliser could not place. */
  unresolved: number;
  /** Places as resolved (a city, a region or a country), most accounts first, then by name. */
  places: { place: ResolvedPlace; accounts: number }[];
  /** Every resolved account counted under its country. */
  countries: { country: string; name: string; accounts: number }[];
}

export function placeSummary(data: AuditData, top = 20): PlaceSummary {
  const index = placeIndex(data);
  const byPlace = new Map<string, { place: ResolvedPlace; accounts: number }>();
  const byCountry = new Map<string, number>();
  let empty = 0;
  let resolved = 0;
  for (let account = 0; account < data.accounts.count; account++) {
    const place = index.placeOf(account);
    if (!place) {
      if (!data.accounts.locations[account]?.trim()) empty++;
      continue;
    }
    resolved++;
    const entry = byPlace.get(place.id) ?? { place, accounts: 0 };
    entry.accounts++;
    byPlace.set(place.id, entry);
    byCountry.set(place.country, (byCountry.get(place.country) ?? 0) + 1);
  }
  const countryNames = new Intl.DisplayNames(['en'], { type: 'region' });
  const ranked = <T extends { accounts: number }>(rows: T[], name: (row: T) => string) =>
    rows.sort((a, b) => b.accounts - a.accounts || name(a).localeCompare(name(b))).slice(0, top);
  return {
    accounts: data.accounts.count,
    empty,
    resolved,
    unresolved: data.accounts.count - empty - resolved,
    places: ranked([...byPlace.values()], (row) => row.place.name),
    countries: ranked(
      [...byCountry].map(([country, accounts]) => ({ country, name: countryNames.of(country) ?? country, accounts })),
      (row) => row.name,
    ),
  };
}
