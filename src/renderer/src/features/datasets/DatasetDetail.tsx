import { useCall, useJob } from '../../ui/use-call';
import { PlacesSummary } from '../../ui/PlacesSummary';
import { bytes, formatNumber, time } from '../../ui/format';
import { Failure } from '../../ui/notices';
import { EDGE_MEANINGS } from '../../ui/RunWarnings';

/**
 * The sources table at 1024 px: the full 64-digit sha256 (about 460 px of monospace) made it scroll sideways by
 * 377 px, and one line per cell still by 41 px. The first 12 hex digits (48 bits) tell a dataset's files apart at a
 * glance, the full hash is the tooltip and copies; the file name breaks anywhere and the import time between date
 * and hour.
 */
const SHORT_HASH = 12;

function Sha256({ hash }: { hash: string }) {
  return (
    <span className="row" style={{ gap: 4, flexWrap: 'nowrap', whiteSpace: 'nowrap' }}>
      <code style={{ fontSize: 12 }} title={hash} data-sha256={hash}>
        {hash.slice(0, SHORT_HASH)}…
      </code>
      <button type="button" title="Copy the full sha256" aria-label={`Copy the sha256 ${hash}`} style={{ padding: '0 6px', fontSize: 12 }}
        onClick={() => void navigator.clipboard?.writeText(hash)}>
        copy
      </button>
    </span>
  );
}

/** One dataset as `lens dataset show` and `lens places` describe it, with deletion. */
export function DatasetDetail({ name, onDeleted }: { name: string; onDeleted: () => void }) {
  const detail = useCall('datasets.show', { name });
  const places = useCall('audit.places', { dataset: name, top: 10 });
  // Through the call hook, so the answers kept from before the delete are dropped with it.
  const deletion = useJob('datasets.delete');
  const remove = async () => {
    if (!window.confirm(`Delete the dataset "${name}" and everything in it? This cannot be undone.`)) return;
    if (await deletion.start({ name })) onDeleted();
  };
  const d = detail.data;
  return (
    <div className="panel" data-panel="dataset-detail" data-testid="dataset-detail">
      <div className="row" style={{ justifyContent: 'space-between' }}>
        <h2 style={{ margin: 0 }}>{name}</h2>
        <button type="button" data-testid="delete-dataset" onClick={() => void remove()}>
          Delete dataset
        </button>
      </div>
      <Failure error={detail.error ?? deletion.error} />
      {d && (
        <>
          <p>
            {formatNumber(d.accounts)} accounts ({formatNumber(d.placeholders)} known only by id), {formatNumber(d.posts)} posts, {formatNumber(d.cascades)} cascades,{' '}
            {formatNumber(d.unresolved)} unresolved references, {formatNumber(d.skipped)} records skipped. {d.timeSpan.first ? `Time span ${time(d.timeSpan.first)} to ${time(d.timeSpan.last)}.` : 'No times.'}
          </p>
          <p className="muted">
            Interactions:{' '}
            {Object.entries(d.interactions)
              .filter(([, n]) => n > 0)
              .map(([kind, n]) => `${kind} ${formatNumber(n)}`)
              .join(', ') || 'none'}
          </p>
          {d.derivation.reimport && (
            <div className="notice" data-testid="dataset-outdated">
              Imported under derivation rules v{d.derivation.version} (now v{d.derivation.current}: a reply&apos;s own @ is no
              second mention). Re-import it to score it by the current rules: <code>{d.derivation.reimport}</code>
            </div>
          )}
          {d.interactions.edge > 0 && (
            <p data-testid="dataset-direction" className={d.edgeDirection ? undefined : 'notice'} style={d.edgeDirection ? undefined : { background: '#fff6e0', color: '#6b4a00', border: '1px solid #f0d28a' }}>
              {formatNumber(d.interactions.edge)} plain graph edges:{' '}
              {d.edgeDirection
                ? <><strong>{EDGE_MEANINGS[d.edgeDirection]}</strong> (declared at import).</>
                : <>⚠ direction not declared. Runs read them as &ldquo;{EDGE_MEANINGS.attention}&rdquo; and say so; if the file means &ldquo;{EDGE_MEANINGS.influence}&rdquo; (as the Congress edge list does), import it again into a new dataset choosing that in the preview.</>}
            </p>
          )}
          <p className="muted" data-testid="dataset-provenance">
            Derivation rules v{d.derivation.version}. Content hash <code style={{ fontSize: 12 }}>{d.contentHash}</code>
          </p>
          <h2>Source files</h2>
          <table data-testid="dataset-sources">
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
                  <td title={source.path} style={{ overflowWrap: 'anywhere' }}>{source.path.split(/[\\/]/).pop()}</td>
                  <td style={{ whiteSpace: 'nowrap' }}>{source.format}</td>
                  <td style={{ whiteSpace: 'nowrap' }}>{bytes(source.size)}</td>
                  <td>{formatNumber(source.records)}</td>
                  <td title={source.skipReasons.join('\n')}>{formatNumber(source.skipped)}</td>
                  <td>{time(source.importedAt)}</td>
                  <td>
                    <Sha256 hash={source.sha256} />
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
                  #{tag.tag} {formatNumber(tag.posts)}
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
