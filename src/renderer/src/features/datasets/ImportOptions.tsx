import type { CsvMapping } from '../../../../shared/api';
import { IMPORT_FORMATS, type ImportFormat } from '../../../../shared/domain';
import type { Output } from '../../api';
import { bytes } from '../../ui/format';

const ROLES = ['source', 'target', 'kind', 'time', 'weight', 'topic'] as const;

interface Props {
  files: string[];
  preview: Output<'datasets.preview'> | null;
  format: ImportFormat | '';
  onFormat: (format: ImportFormat | '') => void;
  map: CsvMapping;
  onMap: (map: CsvMapping) => void;
}

/** What the preview found in each file, the format override and, for CSV, which column plays which role. */
export function ImportOptions({ files, preview, format, onFormat, map, onMap }: Props) {
  const csvColumns = [...new Set(preview?.files.filter((file) => file.format === 'csv').flatMap((file) => file.columns ?? []) ?? [])];
  return (
    <div data-testid="import-preview">
      {files.map((name, index) => {
        const file = preview?.files[index];
        return (
          <div key={`${name}-${index}`} style={{ marginTop: 10 }}>
            <strong>{name}</strong>{' '}
            {file ? (
              <span className="muted">
                detected <span data-testid="preview-format">{file.format}</span>, {bytes(file.size)}
                {file.columns && `, columns: ${file.columns.join(', ')}`}
              </span>
            ) : (
              <span className="muted">reading…</span>
            )}
            {file && (
              <pre style={{ background: '#f6f7f9', padding: 8, margin: '4px 0', maxHeight: 120, overflow: 'auto', fontSize: 12 }}>{file.lines.join('\n')}</pre>
            )}
          </div>
        );
      })}
      <div className="row" style={{ marginTop: 10 }}>
        <label>
          Format{' '}
          <select data-testid="import-format" value={format} onChange={(event) => onFormat(event.target.value as ImportFormat | '')}>
            <option value="">detect per file</option>
            {IMPORT_FORMATS.map((name) => (
              <option key={name} value={name}>
                {name}
              </option>
            ))}
          </select>
        </label>
      </div>
      {csvColumns.length > 0 && (
        <fieldset style={{ marginTop: 10, border: '1px solid #dde1e8', borderRadius: 4 }}>
          <legend>CSV columns (unset: found by header name)</legend>
          <div className="row">
            {ROLES.map((role) => (
              <label key={role}>
                {role}{' '}
                <select data-testid={`map-${role}`} value={map[role] ?? ''} onChange={(event) => onMap({ ...map, [role]: event.target.value || undefined })}>
                  <option value="">auto</option>
                  {csvColumns.map((column) => (
                    <option key={column} value={column}>
                      {column}
                    </option>
                  ))}
                </select>
              </label>
            ))}
          </div>
        </fieldset>
      )}
    </div>
  );
}
