import { useState } from 'react';
import { withFidelity, type Fidelity } from '../../../../shared/models/fidelity';
import type { Output } from '../../api';
import { useCall } from '../../ui/use-call';
import { useJob } from '../../ui/use-call';
import { AddModel } from './AddModel';
import { ParamForm, type JsonSchema, type Overrides } from './ParamForm';
import { formatNumber } from '../../ui/format';
import { DatasetPicker } from '../../ui/pickers';
import { Failure, LongCallProgress } from '../../ui/notices';
import { useRunLabel } from '../../ui/run-picker';

type Model = Output<'models.list'>[number];

const FIDELITY_MEANING: Record<Fidelity, string> = {
  published: 'the published formula with its published constants.',
  reconstructed: "rebuilt from a public description; forms and constants marked \"ours\" below are our choices, not the vendor's (docs/MODELS.md lists each deviation).",
  invented: 'our own formula; no public description exists.',
};

/** `lens score`: a model, its parameters (from the model's own schema), a dataset and a seed. */
export function RunForm({ dataset, onDataset, onScored }: { dataset: string; onDataset: (name: string) => void; onScored: (run: number) => void }) {
  const models = useCall('models.list', {});
  const [modelId, setModelId] = useState('');
  const [params, setParams] = useState<Overrides>({});
  const [seed, setSeed] = useState(1);
  const [resets, setResets] = useState(0);
  const scoring = useJob('runs.score');
  const runLabel = useRunLabel();
  // The dataset the last run scored, so its label still names that run after the menu changes.
  const [scoredDataset, setScoredDataset] = useState('');
  const model: Model | undefined = models.data?.find((m) => m.id === modelId) ?? models.data?.[0];

  const run = async () => {
    if (!model) return;
    setScoredDataset(dataset);
    const output = await scoring.start({ dataset, model: model.id, params, seed });
    if (output) onScored(output.run.id);
  };
  return (
    <div className="panel" data-panel="new-run">
      <h2 style={{ marginTop: 0 }}>New run</h2>
      <Failure error={models.error} />
      <div className="row">
        <label>
          Model{' '}
          <select data-testid="model-select" value={model?.id ?? ''} onChange={(event) => { setModelId(event.target.value); setParams({}); }}>
            {models.data?.map((m) => <option key={m.id} value={m.id}>{withFidelity(m.label, m.fidelity)} ({m.id} v{m.version})</option>)}
          </select>
        </label>
        <DatasetPicker blank="choose a dataset" value={dataset} onChange={onDataset} />
        <label>
          Seed <input type="number" data-testid="run-seed" min={0} max={2 ** 31 - 1} step={1} style={{ width: 90 }} value={seed} onChange={(event) => setSeed(Math.max(0, Math.trunc(Number(event.target.value))))} />
        </label>
      </div>
      {model && (
        <>
          {model.fidelity && (
            <p data-testid="model-fidelity">
              <strong>{withFidelity(model.label, model.fidelity)}</strong>: {FIDELITY_MEANING[model.fidelity]}
            </p>
          )}
          <p data-testid="model-description">{model.description}</p>
          <p className="muted" style={{ fontSize: 12 }}>
            Cites: {model.citation}
            <br />
            Outputs: {model.outputs.map((output) => `${output.name} (${output.description})`).join('; ')}
            <br />
            {model.stochastic ? 'Monte Carlo: the seed changes the result.' : 'Deterministic: the seed is recorded but does not change the result.'}
          </p>
          {model.constants && model.constants.length > 0 && (
            <details data-testid="model-constants">
              <summary>Constants and their sources</summary>
              <ul style={{ fontSize: 12 }}>
                {model.constants.map((c) => <li key={c.name}><code>{c.name}</code> = {String(c.value)}: {c.source}</li>)}
              </ul>
            </details>
          )}
          <div className="row" style={{ justifyContent: 'space-between' }}>
            <h2 style={{ margin: '4px 0' }}>Parameters</h2>
            <button type="button" onClick={() => { setParams({}); setResets((n) => n + 1); }} disabled={Object.keys(params).length === 0}>Reset to defaults</button>
          </div>
          {/* Keyed by model and resets, so the fields' typed text starts again from the defaults. */}
          <ParamForm key={`${model.id}-${resets}`} schema={model.params as JsonSchema} value={params} onChange={setParams} />
        </>
      )}
      <div className="row" style={{ marginTop: 12 }}>
        <button type="button" className="primary" data-testid="run-button" disabled={!model || !dataset || scoring.running} onClick={() => void run()}>
          Run
        </button>
        {!dataset && <span className="muted">choose a dataset to run on</span>}
      </div>
      <AddModel onAdded={(id) => { models.reload(); setModelId(id); setParams({}); }} />
      <LongCallProgress running={scoring.running} progress={scoring.progress} onCancel={scoring.cancel} />
      <Failure error={scoring.error} />
      {scoring.data && (
        <div className="notice info" data-testid="run-result">
          {runLabel({ ...scoring.data.run, dataset: scoredDataset, kind: 'base' })} ({scoring.data.run.model} v{scoring.data.run.version}) scored {formatNumber(scoring.data.accounts_scored)} accounts
          {scoring.data.excluded ? ` (${scoring.data.excluded} excluded as likely minors)` : ''} in {formatNumber(scoring.data.seconds)} s.
        </div>
      )}
    </div>
  );
}
