import { useState, type DragEvent } from 'react';
import type { CsvMapping, EdgeDeclaration } from '../../../../shared/api';
import type { ApiError, ImportFormat } from '../../../../shared/domain';
import { client } from '../../api';
import { useCall } from '../../ui/use-call';
import { ImportOptions } from './ImportOptions';
import { useJob } from '../../ui/use-call';
import { formatNumber } from '../../ui/format';
import { Failure, LongCallProgress } from '../../ui/notices';

interface Uploaded {
  name: string;
  path: string;
}

/**
 * Import as `lens import` does: the files are first sent to the workbench (a page cannot name local paths), then
 * previewed so the format and CSV columns can be checked, then imported in one transaction.
 */
export function ImportPanel({ onImported }: { onImported: (dataset: string) => void }) {
  const [files, setFiles] = useState<Uploaded[]>([]);
  const [uploading, setUploading] = useState(false);
  const [uploadError, setUploadError] = useState<ApiError | null>(null);
  const [format, setFormat] = useState<ImportFormat | ''>('');
  const [map, setMap] = useState<CsvMapping>({});
  const [name, setName] = useState('');
  const [skipInvalid, setSkipInvalid] = useState(false);
  const [pseudonymize, setPseudonymize] = useState(false);
  const [edges, setEdges] = useState<EdgeDeclaration | ''>('');
  const [dragging, setDragging] = useState(false);
  const paths = files.map((file) => file.path);
  const preview = useCall('datasets.preview', paths.length ? { paths, format: format || undefined } : null);
  const importing = useJob('datasets.import');

  const upload = async (chosen: File[]) => {
    setUploading(true);
    setUploadError(null);
    // One at a time, so a failure names its file and the ones before it stay uploaded.
    for (const file of chosen) {
      const result = await client.upload(file);
      if (!result.ok) {
        setUploadError({ ...result.error, message: `${file.name}: ${result.error.message}` });
        break;
      }
      setFiles((previous) => [...previous, { name: file.name, path: result.value.path }]);
    }
    setUploading(false);
  };
  const onDrop = (event: DragEvent) => {
    event.preventDefault();
    setDragging(false);
    void upload([...event.dataTransfer.files]);
  };
  const clear = () => {
    setFiles([]);
    setFormat('');
    setMap({});
    importing.reset();
  };
  const start = async () => {
    const hasMapping = Object.values(map).some(Boolean);
    const output = await importing.start({ paths, dataset: name.trim() || undefined, format: format || undefined, map: hasMapping ? map : undefined, skipInvalid, pseudonymize, edges: edges || undefined });
    if (output) {
      setFiles([]);
      onImported(output.totals.dataset.name);
    }
  };

  return (
    <div className="panel">
      <h2 style={{ marginTop: 0 }}>Import files</h2>
      <div
        data-testid="drop-zone"
        onDragOver={(event) => { event.preventDefault(); setDragging(true); }}
        onDragLeave={() => setDragging(false)}
        onDrop={onDrop}
        style={{ border: `2px dashed ${dragging ? '#2f5fd0' : '#c4cad4'}`, borderRadius: 6, padding: 18, textAlign: 'center', background: dragging ? '#eef3fd' : undefined }}
      >
        <label>
          Drop files here or choose them:{' '}
          <input type="file" multiple data-testid="import-input" aria-label="Files to import" disabled={uploading || importing.running}
            onChange={(event) => { void upload([...(event.target.files ?? [])]); event.target.value = ''; }} />
        </label>
        {uploading && <p className="muted">Uploading…</p>}
      </div>
      <Failure error={uploadError} />
      {files.length > 0 && (
        <>
          <ImportOptions files={files.map((file) => file.name)} preview={preview.data} format={format} onFormat={setFormat} map={map} onMap={setMap} />
          <Failure error={preview.error} />
          <div className="row" style={{ marginTop: 12 }}>
            <label>
              Dataset name{' '}
              <input data-testid="import-dataset-name" value={name} onChange={(event) => setName(event.target.value)} placeholder="default: from the first file" />
            </label>
            <label title="What the plain edges of a graph file mean; stored on the dataset. Undeclared, scoring warns.">
              Edges point{' '}
              <select data-testid="import-edges" value={edges} onChange={(event) => setEdges(event.target.value as EdgeDeclaration | '')}>
                <option value="">(not declared)</option>
                <option value="attention">attention: source gives attention to target (follow, retweet)</option>
                <option value="influence">influence: source influences target (Congress edge list)</option>
              </select>
            </label>
            <label>
              <input type="checkbox" checked={skipInvalid} onChange={(event) => setSkipInvalid(event.target.checked)} /> skip invalid records
            </label>
            <label>
              <input type="checkbox" checked={pseudonymize} onChange={(event) => setPseudonymize(event.target.checked)} /> pseudonymize
            </label>
            <button type="button" className="primary" data-testid="import-button" disabled={importing.running || uploading} onClick={() => void start()}>
              Import {files.length === 1 ? '1 file' : `${files.length} files`}
            </button>
            <button type="button" onClick={clear} disabled={importing.running}>
              Clear
            </button>
          </div>
        </>
      )}
      <LongCallProgress running={importing.running} progress={importing.progress} onCancel={importing.cancel} />
      {/* The service names the uploaded copy; the user knows the file by its own name. */}
      <Failure error={importing.error && { ...importing.error, message: files.reduce((message, file) => message.replaceAll(file.path, file.name), importing.error.message) }} />
      {importing.data && (
        <div className="notice info" data-testid="import-result">
          Imported into <strong>{importing.data.totals.dataset.name}</strong>: {formatNumber(importing.data.totals.accounts)} accounts, {formatNumber(importing.data.totals.posts)} posts,{' '}
          {formatNumber(importing.data.totals.skipped)} skipped.{' '}
          {importing.data.files.map((file) => `${file.path.split(/[\\/]/).pop()}: ${file.status} (${file.format}, ${formatNumber(file.records)} records)`).join('; ')}
          {importing.data.warnings.map((warning) => <div key={warning.code}>Warning: {warning.message}</div>)}
        </div>
      )}
    </div>
  );
}
