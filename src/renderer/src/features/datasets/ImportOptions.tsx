import type { CsvMapping, EdgeDeclaration } from '../../../../shared/api';
import { IMPORT_FORMATS, type ImportFormat } from '../../../../shared/domain';
import type { Output } from '../../api';
import { bytes } from '../../ui/format';
import { EDGE_MEANINGS } from '../../ui/RunWarnings';

/** Formats whose rows can be plain `edge` interactions, whose direction only the user knows. */
export const GRAPH_FORMATS: ReadonlySet<ImportFormat> = new Set(['edgelist', 'gexf', 'graphml', 'network-json', 'csv']);

/** What the user said the edges mean; `unknown` is "I don't know" (nothing declared, runs warn), '' not yet asked. */
export type EdgeChoice = EdgeDeclaration | 'unknown' | '';

const EDGE_CHOICES: ReadonlyArray<{ value: Exclude<EdgeChoice, ''>; label: string; example: string }> = [
  { value: 'influence', label: EDGE_MEANINGS.influence, example: 'e.g. the Congress edge list: B retweeted, quoted, replied to or mentioned A' },
  { value: 'attention', label: EDGE_MEANINGS.attention, example: 'e.g. a follower graph: A follows B' },
  { value: 'unknown', label: "I don't know", example: 'runs read A → B as attention and warn on every run' },
];

const ROLES = ['source', 'target', 'kind', 'time', 'weight', 'topic'] as const;

interface Props {
  files: string[];
  preview: Output<'datasets.preview'> | null;
  /** The preview failed: say so where "reading…" would be. */
  previewFailed: boolean;
  /** Null when no file is a graph format: nothing to ask. */
  edges: EdgeChoice | null;
  onEdges: (edges: EdgeChoice) => void;
  format: ImportFormat | '';
  onFormat: (format: ImportFormat | '') => void;
  map: CsvMapping;
  onMap: (map: CsvMapping) => void;
}

/** What the preview found in each file, the format override and, for CSV, which column plays which role. */
export function ImportOptions({ files, preview, previewFailed, edges, onEdges, format, onFormat, map, onMap }: Props) {
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
              <span className="muted" data-testid="preview-status">{previewFailed ? 'could not be read: see the message below' : 'reading…'}</span>
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
      {edges !== null && (
        <fieldset data-testid="import-edges" style={{ marginTop: 10, border: `1px solid ${edges === '' ? '#f0d28a' : '#dde1e8'}`, borderRadius: 4 }}>
          <legend>What does an edge A → B in this file mean? (required)</legend>
          {EDGE_CHOICES.map((choice) => (
            <label key={choice.value} style={{ display: 'block', margin: '2px 0' }}>
              <input type="radio" name="import-edges" value={choice.value} data-testid={`import-edges-${choice.value}`} checked={edges === choice.value}
                onChange={() => onEdges(choice.value)} />{' '}
              <strong>{choice.label}</strong> <span className="muted">({choice.example})</span>
            </label>
          ))}
        </fieldset>
      )}
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
