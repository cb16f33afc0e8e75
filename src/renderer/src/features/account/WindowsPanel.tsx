import { useState } from 'react';
import type { WindowsOutput } from '../../../../shared/windows';
import { ErrorNotice, ProgressBar } from '../../ui/notices';
import { AccountLink } from '../../ui/account-link';
import { ModelPicker } from '../../ui/pickers';
import type { useJob } from '../../ui/use-call';
import { ScoreLineChart } from '../../ui/charts/ScoreLineChart';
import { formatNumber, formatNumberOrDash } from '../../ui/format';

type Change = WindowsOutput['changes'][number];
const kinds = (m: Change['entered']) => Object.entries(m.by_kind).map(([k, n]) => `${k} ${n}`).join(', ') || '–';

function ChangeDetail({ change, dataset }: { change: Change; dataset: string }) {
  return (
    <div data-testid="window-change">
      <p>
        Score {formatNumberOrDash(change.score_before)} → {formatNumberOrDash(change.score_after)}. Entered the window: <b>{change.entered.count}</b> interactions ({kinds(change.entered)}); aged out:{' '}
        <b>{change.aged_out.count}</b> ({kinds(change.aged_out)}).
      </p>
      <table>
        <thead>
          <tr><th>Contributor</th><th>Before</th><th>After</th><th>Change</th></tr>
        </thead>
        <tbody>
          {change.movers.map((m, i) => (
            <tr key={i}>
              <td>{m.account ? <AccountLink account={m.account} dataset={dataset} /> : m.label}</td>
              <td>{formatNumber(m.before)}</td>
              <td>{formatNumber(m.after)}</td>
              <td style={{ color: m.delta < 0 ? '#8a1c1c' : '#1c6a2f' }}>{m.delta > 0 ? '+' : ''}{formatNumber(m.delta)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** The account's score over sliding windows, and why it changed between a window and the one before. */
export function WindowsPanel({ dataset, account, job, model, onModel }: { dataset: string; account: string; job: ReturnType<typeof useJob<'analysis.windows'>>; model: string; onModel: (m: string) => void }) {
  const [window, setWindow] = useState('90d');
  const [step, setStep] = useState('30d');
  const [selected, setSelected] = useState<number | null>(null);
  const windows = job.data?.windows ?? [];
  const target = selected === null ? undefined : windows[selected]?.run;
  const change = job.data?.changes.find((c) => c.to_run === target);
  return (
    <div>
      <form
        className="row"
        onSubmit={(event) => {
          event.preventDefault();
          setSelected(null);
          void job.start({ dataset, account, model, window, step });
        }}
      >
        <ModelPicker value={model} onChange={onModel} />
        <label>
          Window <input value={window} onChange={(event) => setWindow(event.target.value)} size={5} data-testid="windows-window" />
        </label>
        <label>
          Step <input value={step} onChange={(event) => setStep(event.target.value)} size={5} data-testid="windows-step" />
        </label>
        <button type="submit" className="primary" disabled={job.running} data-testid="windows-run">
          Score windows
        </button>
      </form>
      {job.running && <ProgressBar progress={job.progress ?? { kind: 'job', progress: { fraction: 0, phase: 'scoring windows' } }} onCancel={job.cancel} />}
      <ErrorNotice error={job.error} />
      {job.data && (
        <>
          <ScoreLineChart windows={windows} selected={selected ?? undefined} onSelect={setSelected} />
          {change ? <ChangeDetail change={change} dataset={dataset} /> : <p className="muted">Click a point to see why the score changed since the window before.</p>}
        </>
      )}
    </div>
  );
}
