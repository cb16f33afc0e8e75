import type Graph from 'graphology';
import { useEffect, useMemo, useState } from 'react';
import type { EgoOutput } from '../../../../shared/analysis';
import { accountName, type Account } from '../../ui/account-link';
import { Segmented } from '../../ui/charts/ChartFrame';
import { fileSafe } from '../../ui/download';
import { findCommunities } from '../../ui/network/layout-supervisor';
import { NetworkCanvas } from '../../ui/network/NetworkCanvas';
import type { NetworkEdge, NetworkNode } from '../../ui/network/sigma-view';
import { useRunLabel } from '../../ui/run-picker';
import { useCall } from '../../ui/use-call';
import { buildEgoGraph, styleEgoGraph, type ColourBy } from './ego-graph';

const COLOUR_OPTIONS: { value: ColourBy; label: string }[] = [
  { value: 'distance', label: 'Distance' },
  { value: 'case', label: 'Audit cases' },
  { value: 'community', label: 'Community' },
];

/** Louvain's seed: fixed, so the same network always splits into the same communities. */
const COMMUNITY_SEED = 1;

/** The ego network's graph, built a slice of links per task (null until built); rebuilt when the network changes. */
function useEgoGraph(ego: EgoOutput): Graph<NetworkNode, NetworkEdge> | null {
  const [built, setBuilt] = useState<{ ego: EgoOutput; graph: Graph<NetworkNode, NetworkEdge> } | null>(null);
  useEffect(() => {
    let current = true;
    void buildEgoGraph(ego).then((graph) => current && setBuilt({ ego, graph }));
    return () => {
      current = false;
    };
  }, [ego]);
  return built?.ego === ego ? built.graph : null;
}

/** The ego network on sigma.js: node size by a chosen run's score, colour by distance, audit case or community. */
export function EgoGraph({ ego, dataset, onOpen }: { ego: EgoOutput; dataset: string; onOpen: (account: Account) => void }) {
  const graph = useEgoGraph(ego);
  const [run, setRun] = useState<number | null>(null);
  const [colourBy, setColourBy] = useState<ColourBy>('distance');
  const [communities, setCommunities] = useState<{ graph: Graph; membership: Int32Array } | null>(null);
  const runs = useCall('runs.list', { dataset });
  const runLabel = useRunLabel();
  const scores = useCall('runs.scores', run === null ? null : { run });
  const audit = useCall('audit.latest', colourBy === 'case' ? { dataset } : null);

  useEffect(() => {
    if (!graph || colourBy !== 'community' || communities?.graph === graph) return;
    const job = findCommunities(graph, COMMUNITY_SEED);
    job.result.then((found) => setCommunities({ graph, membership: found.membership }), () => setCommunities(null));
    return job.cancel;
  }, [colourBy, graph, communities]);

  const scoreMap = useMemo(() => {
    if (!scores.data || run === null) return null;
    const column = Math.max(0, scores.data.columns.indexOf('score'));
    return new Map(scores.data.rows.map((row) => [row.accountId, row.values[column] ?? null]));
  }, [scores.data, run]);
  const caseAccounts = useMemo(() => (audit.data ? new Set(audit.data.cases.flatMap((c) => c.accounts.map((a) => a.accountId))) : null), [audit.data]);
  const legend = useMemo(
    () => graph && styleEgoGraph(graph, ego, { colourBy, scores: scoreMap, caseAccounts, communities: communities?.graph === graph ? communities.membership : null }),
    [graph, ego, colourBy, scoreMap, caseAccounts, communities],
  );
  const unscored = scoreMap ? ego.nodes.filter((n) => (scoreMap.get(n.accountId) ?? null) === null).length : 0;
  const datasetRuns = runs.data ?? [];
  return (
    <div>
      <div className="row">
        <label>
          Size by{' '}
          <select value={run ?? ''} onChange={(event) => setRun(event.target.value ? Number(event.target.value) : null)} data-testid="ego-size-run">
            <option value="">links in this network</option>
            {datasetRuns.map((r) => (
              <option key={r.id} value={r.id}>
                score in {runLabel(r)}
              </option>
            ))}
          </select>
        </label>
        <Segmented label="Colour by" value={colourBy} options={COLOUR_OPTIONS} onChange={setColourBy} testId="ego-colour-by" />
      </div>
      <p className="muted" data-testid="ego-legend">
        {legend?.map((item) => (
          <span key={item.label} style={{ marginRight: 12 }}>
            <span style={{ display: 'inline-block', width: 10, height: 10, borderRadius: 5, background: item.color, marginRight: 4 }} />
            {item.label}
          </span>
        ))}
        {colourBy === 'case' && audit.data === null && !audit.loading && <span>no stored audit for this dataset: run one under Cases to colour its accounts.</span>}
        {unscored > 0 && <span> · {unscored} accounts have no score in this run (drawn smallest)</span>}
      </p>
      {!graph && <p className="muted" data-testid="ego-graph-building">Building the network…</p>}
      {graph && (
        <NetworkCanvas
          graph={graph}
          directed
          layout="forceatlas2"
          title={`Ego network of ${accountName(ego.center)} in ${dataset}`}
          file={`ego-${fileSafe(dataset)}-${fileSafe(ego.center.accountId)}.png`}
          testId="ego-graph"
          selectedActions={(node) => (
            <button type="button" data-testid="ego-open-account" onClick={() => onOpen({ accountId: node, handle: ego.nodes.find((n) => n.accountId === node)?.handle ?? null })}>
              Open account
            </button>
          )}
        />
      )}
    </div>
  );
}
