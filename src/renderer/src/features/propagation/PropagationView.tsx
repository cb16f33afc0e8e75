import { useCallback, useEffect, useState } from 'react';
import type { ApiError } from '../../../../shared/domain';
import type { ViewProps } from '../../ui/routes';
import { navigate } from '../../ui/routes';
import { ErrorNotice } from '../../ui/notices';
import { useCall } from '../../ui/use-call';
import { AccountLink, accountName } from '../../ui/account-link';
import { DatasetPicker } from '../../ui/pickers';
import { fetchCascadeNodes, type Cascade, type CascadeNode } from './cascade-nodes';
import { CascadeTree } from './CascadeTree';
import { EgoPanel } from './EgoPanel';
import { CascadeTable } from './CascadeTable';
import { formatNumber } from '../../ui/format';

function CascadeDetail({ dataset, cascade }: { dataset: string; cascade: Cascade }) {
  const [nodes, setNodes] = useState<{ nodes: CascadeNode[] | null; error: ApiError | null }>({ nodes: null, error: null });
  useEffect(() => {
    let current = true;
    setNodes({ nodes: null, error: null });
    void fetchCascadeNodes(dataset, cascade).then((r) => current && setNodes(r.ok ? { nodes: r.nodes, error: null } : { nodes: null, error: r.error }));
    return () => {
      current = false;
    };
  }, [dataset, cascade]);
  return (
    <div className="panel" data-panel="cascade-detail" data-testid="cascade-detail">
      <p>
        Root post {cascade.root_post_id} by <AccountLink account={cascade.root_account} dataset={dataset} /> ({cascade.source}, parents {cascade.parents}) · size {cascade.size} · depth {cascade.depth} · max breadth{' '}
        {cascade.max_breadth} · structural virality {formatNumber(cascade.structural_virality)} · half the size within {formatNumber(cascade.half_size_minutes)} min
      </p>
      {cascade.structural_virality_note && <p className="muted" data-testid="virality-note">{cascade.structural_virality_note}</p>}
      <p>
        Top spreaders:{' '}
        {cascade.top_spreaders.map((s, i) => (
          <span key={s.accountId}>
            {i > 0 && ', '}
            <AccountLink account={s} dataset={dataset} /> ({s.descendants})
          </span>
        ))}
      </p>
      {nodes.error?.message.includes('analysis.cascade') ? (
        <div className="notice info">The tree needs the cascade's nodes, which this version of the workbench does not serve yet.</div>
      ) : (
        <ErrorNotice error={nodes.error} />
      )}
      {nodes.nodes && <CascadeTree nodes={nodes.nodes} title={`Cascade of post ${cascade.root_post_id} by ${accountName(cascade.root_account)} in ${dataset}`} />}
    </div>
  );
}

export function PropagationView({ params }: ViewProps) {
  const dataset = params.get('dataset') ?? '';
  const selected = Number(params.get('cascade') ?? -1);
  const setDataset = useCallback((name: string) => navigate('propagation', { dataset: name }), []);
  // Datasets without stored trees answer the trees reconstructed from their posts' reply and retweet links.
  const cascades = useCall('analysis.cascades', dataset ? { dataset } : null);
  const list = cascades.data ?? [];
  const current = list[selected];
  return (
    <div>
      <h1>Propagation</h1>
      <div className="panel row" data-panel="propagation-dataset">
        <DatasetPicker value={dataset} onChange={setDataset} />
        {cascades.data && <span className="muted">{list.length} cascades ({list.filter((c) => c.source === 'reconstructed').length} reconstructed from posts)</span>}
      </div>
      <ErrorNotice error={cascades.error} />
      {cascades.loading && <p className="muted">Measuring cascades…</p>}
      {cascades.data && <CascadeTable dataset={dataset} list={list} selected={selected} />}
      {current && <CascadeDetail dataset={dataset} cascade={current} />}
      <h2>Ego network</h2>
      <div className="panel" data-panel="ego-network">{dataset && <EgoPanel key={dataset} dataset={dataset} suggested={current?.root_account.accountId ?? ''} />}</div>
    </div>
  );
}
