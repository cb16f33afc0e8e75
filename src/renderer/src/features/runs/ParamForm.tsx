import { useState } from 'react';

/** The part of JSON Schema that the models' parameter schemas use (z.toJSONSchema output). */
export interface JsonSchema {
  type?: string;
  enum?: unknown[];
  default?: unknown;
  description?: string;
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number;
  exclusiveMaximum?: number;
  items?: JsonSchema;
  properties?: Record<string, JsonSchema>;
  anyOf?: JsonSchema[];
}

/** Parameters the user changed; the others are left out so the service applies its defaults, as with `--param`. */
export type Overrides = Record<string, unknown>;

interface FieldProps {
  id: string;
  name: string;
  schema: JsonSchema;
  value: unknown;
  onChange: (value: unknown) => void;
}

export function ParamForm({ schema, value, onChange }: { schema: JsonSchema; value: Overrides; onChange: (value: Overrides) => void }) {
  return (
    <div data-testid="param-form" style={{ display: 'grid', gap: 10, gridTemplateColumns: 'repeat(auto-fill, minmax(460px, 1fr))' }}>
      {Object.entries(schema.properties ?? {}).map(([name, property]) => (
        <ParamField key={name} id={`param-${name}`} name={name} schema={property} value={value[name]}
          onChange={(next) => onChange(withKey(value, name, next))} />
      ))}
    </div>
  );
}

function withKey(object: Overrides, key: string, value: unknown): Overrides {
  const next = { ...object, [key]: value };
  if (value === undefined) delete next[key];
  return next;
}

function ParamField(props: FieldProps) {
  const { id, name, schema } = props;
  const defaultText = schema.default === undefined ? 'no default' : `default ${JSON.stringify(schema.default)}`;
  return (
    <div data-testid={`param-${name}`}>
      <div className="row" style={{ gap: 8, alignItems: 'flex-start' }}>
        {schema.type !== 'boolean' && <label htmlFor={id} style={{ minWidth: 170, fontWeight: 600 }}>{name}</label>}
        <FieldInput {...props} />
      </div>
      <div id={`${id}-help`} className="muted" style={{ fontSize: 12, marginTop: 2 }}>
        {schema.description ? `${schema.description} (${defaultText})` : defaultText}
      </div>
    </div>
  );
}

function FieldInput({ id, name, schema, value, onChange }: FieldProps) {
  const current = value ?? schema.default;
  const describedBy = `${id}-help`;
  if (schema.type === 'boolean') {
    return (
      <label style={{ fontWeight: 600 }}>
        <input id={id} type="checkbox" aria-describedby={describedBy} checked={current === true} onChange={(event) => onChange(event.target.checked)} /> {name}
      </label>
    );
  }
  if (schema.type === 'number' || schema.type === 'integer') return <NumberInput id={id} schema={schema} value={value} onChange={onChange} />;
  if (schema.enum) {
    return (
      <select id={id} aria-describedby={describedBy} value={String(current ?? '')} onChange={(event) => onChange(event.target.value || undefined)}>
        {schema.default === undefined && <option value="">(none)</option>}
        {schema.enum.map((option) => <option key={String(option)} value={String(option)}>{String(option)}</option>)}
      </select>
    );
  }
  if (schema.type === 'array' && schema.items?.enum) {
    const chosen = Array.isArray(current) ? current : [];
    const options = schema.items.enum;
    return (
      <fieldset id={id} aria-describedby={describedBy} className="row" style={{ border: 'none', padding: 0, margin: 0, gap: 10 }}>
        {options.map((option) => (
          <label key={String(option)}>
            <input type="checkbox" checked={chosen.includes(option)}
              // Kept in the schema's order, so the same choice always gives the same parameters (and manifest).
              onChange={(event) => onChange(options.filter((o) => (o === option ? event.target.checked : chosen.includes(o))))} />{' '}
            {String(option)}
          </label>
        ))}
      </fieldset>
    );
  }
  if (schema.type === 'object' && schema.properties) {
    const object = (value ?? {}) as Overrides;
    return (
      <fieldset id={id} aria-describedby={describedBy} style={{ border: '1px solid #dde1e8', borderRadius: 4, display: 'grid', gridTemplateColumns: 'repeat(auto-fill, minmax(150px, 1fr))', gap: 6 }}>
        {Object.entries(schema.properties).map(([key, property]) => (
          <div key={key} className="row" style={{ gap: 4 }}>
            <label htmlFor={`${id}-${key}`} style={{ minWidth: 60 }}>{key}</label>
            <NumberInput id={`${id}-${key}`} schema={property} value={object[key]} narrow
              onChange={(next) => { const rest = withKey(object, key, next); onChange(Object.keys(rest).length ? rest : undefined); }} />
          </div>
        ))}
      </fieldset>
    );
  }
  return <JsonInput id={id} schema={schema} onChange={onChange} />;
}

/** Holds the typed text, so a half-typed number ("0.") is not rewritten while the user types. */
function NumberInput({ id, schema, value, onChange, narrow }: { id: string; schema: JsonSchema; value: unknown; onChange: (value: unknown) => void; narrow?: boolean }) {
  const [text, setText] = useState(value === undefined ? String(schema.default ?? '') : String(value));
  return (
    <input id={id} type="number" aria-describedby={narrow ? undefined : `${id}-help`} style={{ width: narrow ? 80 : 140 }} value={text}
      min={schema.minimum ?? schema.exclusiveMinimum} max={schema.maximum ?? schema.exclusiveMaximum} step={schema.type === 'integer' ? 1 : 'any'}
      onChange={(event) => {
        setText(event.target.value);
        const number = Number(event.target.value);
        onChange(event.target.value === '' || !Number.isFinite(number) ? undefined : number);
      }} />
  );
}

/** Parameters without a simple form (a date, a personalization set): typed as text, or as JSON when not a string. */
function JsonInput({ id, schema, onChange }: { id: string; schema: JsonSchema; onChange: (value: unknown) => void }) {
  const [text, setText] = useState('');
  const [invalid, setInvalid] = useState(false);
  const isText = schema.type === 'string' || (schema.anyOf?.every((option) => option.type === 'string') ?? false);
  return (
    <span>
      <input id={id} aria-describedby={`${id}-help`} aria-invalid={invalid} style={{ width: 320 }} value={text} placeholder={isText ? 'leave empty for the default' : 'JSON; empty for the default'}
        onChange={(event) => {
          setText(event.target.value);
          if (event.target.value.trim() === '' || isText) {
            setInvalid(false);
            return onChange(event.target.value.trim() || undefined);
          }
          try {
            onChange(JSON.parse(event.target.value));
            setInvalid(false);
          } catch {
            setInvalid(true);
            onChange(undefined);
          }
        }} />
      {invalid && <span className="muted"> not valid JSON yet: left at its default</span>}
    </span>
  );
}
