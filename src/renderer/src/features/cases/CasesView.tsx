import { useCallback, useEffect, useMemo, useState } from 'react';
import { CASE_KINDS } from '../../../../shared/audit';
import type { ViewProps } from '../../ui/routes';
import { navigate } from '../../ui/routes';
import { accountName } from '../../ui/account-link';
import { AuditRunBar } from '../../ui/audit/AuditRunBar';
import { CaseDetail } from './CaseDetail';
import { DatasetPicker, ModelPicker } from '../../ui/pickers';
import { useAuditRun } from '../../ui/audit/use-audit-run';
import { caseKindName } from '../../ui/glossary';
import { CaseKindTag } from '../../ui/Term';

export function CasesView({ params }: ViewProps) {
  const dataset = params.get('dataset') ?? '';
  const selected = Number(params.get('case') ?? -1);
  const [model, setModel] = useState('kred');
  const [kind, setKind] = useState('');
  const [text, setText] = useState('');
  // The latest stored audit opens at once; the worker runs only when Recompute is pressed, or once for a dataset
  // never audited.
  const audit = useAuditRun(dataset, { auditIfNone: true });
  const shownModel = audit.run?.manifest.whatIf.model;
  useEffect(() => {
    if (shownModel) setModel(shownModel);
  }, [shownModel]);
  const setDataset = useCallback((name: string) => navigate('cases', { dataset: name }), []);

  const cases = useMemo(() => audit.run?.cases ?? [], [audit.run]);
  const counts = useMemo(() => new Map(CASE_KINDS.map((k) => [k, cases.filter((c) => c.kind === k).length])), [cases]);
  const query = text.trim().toLowerCase();
  // Indices stay those of the full list, so a selected case keeps its URL while the filters change.
  const shown = cases
    .map((item, index) => ({ item, index }))
    .filter(({ item }) => !kind || item.kind === kind)
    .filter(({ item }) => !query || (item.topic ?? '').toLowerCase().includes(query) || item.accounts.some((a) => accountName(a).toLowerCase().includes(query) || a.accountId.includes(query)));
  const current = cases[selected];

  return (
    <div>
      <h1>Audit cases</h1>
      <div className="panel row" data-panel="cases-dataset">
        <DatasetPicker value={dataset} onChange={setDataset} />
        <ModelPicker value={model} onChange={setModel} label="What-if model" />
        {audit.run && <span className="muted">{cases.length} cases</span>}
      </div>
      <div className="panel" data-panel="cases">
        <AuditRunBar audit={audit} onRecompute={() => audit.recompute(model)} />
      </div>
      {audit.run && (
        <div style={{ display: 'grid', gridTemplateColumns: '330px minmax(0,1fr)', gap: 14, alignItems: 'start' }}>
          <div className="panel" data-panel="case-list">
            <div className="row" style={{ marginBottom: 8 }}>
              <label>
                Kind{' '}
                <select value={kind} onChange={(event) => setKind(event.target.value)} data-testid="case-kind-filter">
                  <option value="">all ({cases.length})</option>
                  {CASE_KINDS.filter((k) => counts.get(k)).map((k) => (
                    <option key={k} value={k}>
                      {caseKindName(k)} ({counts.get(k)})
                    </option>
                  ))}
                </select>
              </label>
              <label>
                Search <input value={text} onChange={(event) => setText(event.target.value)} placeholder="account or topic" data-testid="case-search" size={16} />
              </label>
            </div>
            <ul className="case-list" style={{ listStyle: 'none', margin: 0, padding: 0, maxHeight: '70vh', overflow: 'auto' }}>
              {shown.map(({ item, index }) => (
                <li key={index}>
                  <button
                    type="button"
                    data-testid="case-item"
                    data-kind={item.kind}
                    aria-pressed={index === selected}
                    onClick={() => navigate('cases', { dataset, case: index })}
                    style={{ width: '100%', textAlign: 'left', margin: '2px 0', background: index === selected ? '#eef3fd' : undefined }}
                  >
                    <CaseKindTag kind={item.kind} />
                    {item.accounts.slice(0, 3).map(accountName).join(', ')}
                    {item.accounts.length > 3 && ` +${item.accounts.length - 3}`}
                    {item.topic && <span className="muted"> · {item.topic}</span>}
                  </button>
                </li>
              ))}
              {shown.length === 0 && <li className="muted">No case matches.</li>}
            </ul>
          </div>
          {current ? <CaseDetail item={current} cases={cases} dataset={dataset} /> : <p className="muted">Select a case to see its evidence.</p>}
        </div>
      )}
    </div>
  );
}
