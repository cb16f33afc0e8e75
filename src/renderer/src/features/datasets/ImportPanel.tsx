import { useState, type DragEvent } from 'react';
import type { CsvMapping, EdgeDeclaration, ScoreWarning } from '../../../../shared/api';
import type { ApiError, ImportFormat } from '../../../../shared/domain';
import { client } from '../../api';
import { useCall } from '../../ui/use-call';
import { GRAPH_FORMATS, ImportOptions, type EdgeChoice } from './ImportOptions';
import { pageImportError, type UploadedFile } from './import-errors';
import { EDGE_MEANINGS } from '../../ui/RunWarnings';
import { useJob } from '../../ui/use-call';
import { formatNumber } from '../../ui/format';
import { Failure, LongCallProgress } from '../../ui/notices';

/**
 * Import as `lens import` does: the files are first sent to the workbench (a page cannot name local paths), then
 * previewed so the format and CSV columns can be checked, then imported in one transaction.
 */
export function ImportPanel({ onImported }: { onImported: (dataset: string) => void }) {
  const [files, setFiles] = useState<UploadedFile[]>([]);
  const [uploading, setUploading] = useState(false);
  const [uploadError, setUploadError] = useState<ApiError | null>(null);
  const [format, setFormat] = useState<ImportFormat | ''>('');
  const [map, setMap] = useState<CsvMapping>({});
  const [name, setName] = useState('');
  const [skipInvalid, setSkipInvalid] = useState(false);
  const [pseudonymize, setPseudonymize] = useState(false);
  const [edges, setEdges] = useState<EdgeChoice>('');
  const [dragging, setDragging] = useState(false);
  const paths = files.map((file) => file.path);
  const preview = useCall('datasets.preview', paths.length ? { paths, format: format || undefined } : null);
  const importing = useJob('datasets.import');
  // A graph file's edges mean nothing until the user says which way they point (or that they do not know).
  const hasGraph = preview.data?.files.some((file) => GRAPH_FORMATS.has(format || file.format)) ?? false;
  const directionMissing = hasGraph && edges === '';
  // Until the preview is back nobody knows whether to ask; a failed preview still lets the import say what is wrong.
  const previewPending = paths.length > 0 && preview.loading;

  const upload = async (chosen: File[]) => {
    setUploading(true);
    setUploadError(null);
    // One at a time, so a failure names its file and the ones before it stay uploaded.
    for (const file of chosen) {
      const result = await client.upload(file);
      if (!result.ok) {
        const error = pageImportError(result.error, files)!;
        setUploadError({ ...error, message: `${file.name}: ${error.message}` });
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
    setEdges('');
    importing.reset();
  };
  const start = async () => {
    const hasMapping = Object.values(map).some(Boolean);
    const output = await importing.start({ paths, dataset: name.trim() || undefined, format: format || undefined, map: hasMapping ? map : undefined, skipInvalid, pseudonymize, edges: declared(edges) });
    if (output) {
      setFiles([]);
      onImported(output.totals.dataset.name);
    }
  };

  return (
    <div className="panel" data-panel="import">
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
          <ImportOptions files={files.map((file) => file.name)} preview={preview.data} previewFailed={preview.error !== null} format={format} onFormat={setFormat} map={map} onMap={setMap}
            edges={hasGraph ? edges : null} onEdges={setEdges} />
          <Failure error={pageImportError(preview.error, files)} />
          <div className="row" style={{ marginTop: 12 }}>
            <label>
              Dataset name{' '}
              <input data-testid="import-dataset-name" value={name} onChange={(event) => setName(event.target.value)} placeholder="default: from the first file" />
            </label>
            <label>
              <input type="checkbox" checked={skipInvalid} onChange={(event) => setSkipInvalid(event.target.checked)} /> skip invalid records
            </label>
            <label>
              <input type="checkbox" checked={pseudonymize} onChange={(event) => setPseudonymize(event.target.checked)} /> pseudonymize
            </label>
            <button type="button" className="primary" data-testid="import-button" disabled={importing.running || uploading || directionMissing || previewPending}
              title={directionMissing ? 'Say what the edges mean first (above)' : previewPending ? 'Reading the files…' : undefined} onClick={() => void start()}>
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
      <Failure error={pageImportError(importing.error, files)} />
      {importing.data && (
        <div className="notice info" data-testid="import-result">
          Imported into <strong>{importing.data.totals.dataset.name}</strong>: {formatNumber(importing.data.totals.accounts)} accounts, {formatNumber(importing.data.totals.posts)} posts,{' '}
          {formatNumber(importing.data.totals.skipped)} skipped.{' '}
          {importing.data.files.map((file) => `${file.path.split(/[\\/]/).pop()}: ${file.status} (${file.format}, ${formatNumber(file.records)} records)`).join('; ')}
          {importing.data.warnings.map((warning) => <div key={warning.code} data-code={warning.code}>Warning: {importWarningText(warning)}</div>)}
        </div>
      )}
    </div>
  );
}

/** The choice as the import takes it: "I don't know" declares nothing, so every run on the dataset warns. */
const declared = (choice: EdgeChoice): EdgeDeclaration | undefined => (choice === 'attention' || choice === 'influence' ? choice : undefined);

/** The import's warnings in the page's words: the CLI's names a flag where this page has the choice above. */
function importWarningText(warning: ScoreWarning): string {
  if (warning.code !== 'direction_undeclared') return warning.message;
  return `the direction of the plain graph edges was not declared, so runs read them as “${EDGE_MEANINGS.attention}” and each says so. ` +
    `If you find out they mean “${EDGE_MEANINGS.influence}”, import the file again into a new dataset and choose that.`;
}
