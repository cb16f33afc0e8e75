import { useState } from 'react';
import { client } from '../../api';
import type { ApiError } from '../../../../shared/domain';
import { useCall } from '../../ui/use-call';
import { bytes, count, Failure, time } from './common';
import { PlacesSummary } from '../places/PlacesSummary';

/** One dataset as `lens dataset show` and `lens places` describe it, with deletion. */
export function DatasetDetail({ name, onDeleted }: { name: string; onDeleted: () => void }) {
  const detail = useCall('datasets.show', { name });
  const places = useCall('audit.places', { dataset: name, top: 10 });
  const [deleteError, setDeleteError] = useState<ApiError | null>(null);
  const remove = async () => {
    if (!window.confirm(`Delete the dataset "${name}" and everything in it? This cannot be undone.`)) return;
    const result = await client.call('datasets.delete', { name });
    if (result.ok) onDeleted();
    else setDeleteError(result.error);
  };
  const d = detail.data;
  return (
    <div className="panel" data-testid="dataset-detail">
      <div className="row" style={{ justifyContent: 'space-between' }}>
        <h2 style={{ margin: 0 }}>{name}</h2>
        <button type="button" data-testid="delete-dataset" onClick={() => void remove()}>
          Delete dataset
        </button>
      </div>
      <Failure error={detail.error ?? deleteError} />
      {d && (
        <>
          <p>
            {count(d.accounts)} accounts ({count(d.placeholders)} known only by id), {count(d.posts)} posts, {count(d.cascades)} cascades,{' '}
            {count(d.unresolved)} unresolved references, {count(d.skipped)} records skipped. {d.timeSpan.first ? `Time span ${time(d.timeSpan.first)} to ${time(d.timeSpan.last)}.` : 'No times.'}
          </p>
          <p className="muted">
            Interactions:{' '}
            {Object.entries(d.interactions)
              .filter(([, n]) => n > 0)
              .map(([kind, n]) => `${kind} ${count(n)}`)
              .join(', ') || 'none'}
          </p>
          {d.derivation.reimport && (
            <div className="notice" data-testid="dataset-outdated">
              Imported under derivation rules v{d.derivation.version} (now v{d.derivation.current}: a reply&apos;s own @ is no
              second mention). Re-import it to score it by the current rules: <code>{d.derivation.reimport}</code>
            </div>
          )}
          <p className="muted" data-testid="dataset-provenance">
            Plain edges:{' '}
            {d.edgeDirection ?? (d.interactions.edge > 0 ? 'direction not declared (read as attention; declare it at import)' : 'none')}.
            Derivation rules v{d.derivation.version}. Content hash <code style={{ fontSize: 12 }}>{d.contentHash}</code>
          </p>
          <h2>Source files</h2>
          <table data-testid="dataset-sources" style={{ whiteSpace: 'nowrap' }}>
            <thead>
              <tr>
                <th>File</th>
                <th>Format</th>
                <th>Size</th>
                <th>Records</th>
                <th>Skipped</th>
                <th>Imported</th>
                <th>sha256</th>
              </tr>
            </thead>
            <tbody>
              {d.sources.map((source) => (
                <tr key={source.sha256 + source.path}>
                  <td title={source.path}>{source.path.split(/[\\/]/).pop()}</td>
                  <td>{source.format}</td>
                  <td>{bytes(source.size)}</td>
                  <td>{count(source.records)}</td>
                  <td title={source.skipReasons.join('\n')}>{count(source.skipped)}</td>
                  <td>{time(source.importedAt)}</td>
                  <td>
                    <code style={{ fontSize: 12 }}>{source.sha256}</code>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          <h2>Top hashtags</h2>
          {d.topHashtags.length === 0 ? (
            <p className="muted">No hashtags.</p>
          ) : (
            <p>
              {d.topHashtags.map((tag) => (
                <span key={tag.tag} className="tag">
                  #{tag.tag} {count(tag.posts)}
                </span>
              ))}
            </p>
          )}
        </>
      )}
      <h2>Places</h2>
      <Failure error={places.error} />
      {places.data && <PlacesSummary places={places.data} compact />}
    </div>
  );
}
