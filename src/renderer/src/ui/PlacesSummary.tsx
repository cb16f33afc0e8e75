import type { Output } from '../api';
import { formatNumber } from './format';

/** Where a dataset's accounts are, as `lens places` reports it. */
export function PlacesSummary({ places, compact }: { places: Output<'audit.places'>; compact?: boolean }) {
  const limit = compact ? 10 : places.places.length;
  return (
    <div data-testid="places-summary">
      <p>
        {formatNumber(places.accounts)} accounts: <strong data-testid="places-resolved">{formatNumber(places.resolved)}</strong> placed,{' '}
        <strong data-testid="places-unresolved">{formatNumber(places.unresolved)}</strong> with a location the gazetteer cannot place,{' '}
        {formatNumber(places.empty)} without one.
      </p>
      {places.places.length > 0 && (
        <div className="grid2" style={{ alignItems: 'start' }}>
          <table data-testid="places-table">
            <thead>
              <tr>
                <th>Place</th>
                <th>Kind</th>
                <th>Accounts</th>
              </tr>
            </thead>
            <tbody>
              {places.places.slice(0, limit).map(({ place, accounts }) => (
                <tr key={place.id}>
                  <td title={place.id}>{place.label}</td>
                  <td>{place.kind}</td>
                  <td>{formatNumber(accounts)}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <table data-testid="countries-table">
            <thead>
              <tr>
                <th>Country</th>
                <th>Accounts</th>
              </tr>
            </thead>
            <tbody>
              {places.countries.slice(0, limit).map((country) => (
                <tr key={country.country}>
                  <td>
                    {country.name} <span className="muted">{country.country}</span>
                  </td>
                  <td>{formatNumber(country.accounts)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}
