import { useState } from 'react';
import type { ViewProps } from '../../ui/routes';
import { navigate } from '../../ui/routes';
import { RunDetail } from './RunDetail';
import { RunForm } from './RunForm';
import { RunHistory } from './RunHistory';
import { SensitivityPanel } from './SensitivityPanel';

/** Models and runs: start a run, browse the stored ones, and read one run's manifest and scores. */
export function RunsView({ params }: ViewProps) {
  const dataset = params.get('dataset') ?? '';
  const run = Number(params.get('run') ?? 0) || null;
  // Bumped after a run or rerun so the history lists it.
  const [generation, setGeneration] = useState(0);
  const select = (next: { dataset?: string; run?: number | null }) =>
    navigate('runs', { dataset: (next.dataset ?? dataset) || undefined, run: (next.run === undefined ? run : next.run) ?? undefined });
  const scored = (id: number) => {
    setGeneration((n) => n + 1);
    select({ run: id });
  };
  return (
    <>
      <h1>Models &amp; runs</h1>
      <RunForm dataset={dataset} onDataset={(name) => select({ dataset: name })} onScored={scored} />
      <RunHistory key={generation} dataset={dataset} selected={run} onDataset={(name) => select({ dataset: name, run: null })} onSelect={(id) => select({ run: id })} />
      {run && <RunDetail key={run} run={run} onRerun={() => setGeneration((n) => n + 1)} onOpen={(id) => select({ run: id })} />}
      {/* Every swept value is a stored run, so the history lists them once the sweep ends. */}
      <SensitivityPanel dataset={dataset} onDataset={(name) => select({ dataset: name })} onSwept={() => setGeneration((n) => n + 1)} />
    </>
  );
}
