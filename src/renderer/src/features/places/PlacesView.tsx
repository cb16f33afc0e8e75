import type { ViewProps } from '../../ui/routes';
import { navigate } from '../../ui/routes';
import { useCall } from '../../ui/use-call';
import { PlacesSummary } from '../../ui/PlacesSummary';
import { TopAccounts } from './TopAccounts';
import { DatasetPicker } from '../../ui/pickers';
import { Failure } from '../../ui/notices';

/** Where a dataset's accounts are, and who is strongest in a topic, optionally within one place. */
export function PlacesView({ params }: ViewProps) {
  const dataset = params.get('dataset') ?? '';
  const places = useCall('audit.places', dataset ? { dataset, top: 20 } : null);
  return (
    <>
      <h1>Places &amp; topics</h1>
      <div className="panel row" data-panel="places-dataset">
        <DatasetPicker value={dataset} onChange={(name, how) => navigate('places', { dataset: name || undefined }, { replace: how === 'auto' })} />
      </div>
      {dataset && (
        <>
          <div className="panel" data-panel="places-summary">
            <h2 style={{ marginTop: 0 }}>Where the accounts are</h2>
            <Failure error={places.error} />
            {places.data && <PlacesSummary places={places.data} />}
          </div>
          <TopAccounts key={dataset} dataset={dataset} params={params} places={places.data?.places.map((entry) => entry.place.name) ?? []} />
        </>
      )}
    </>
  );
}
