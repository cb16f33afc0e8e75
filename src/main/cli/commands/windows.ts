import type { WindowsOutput } from '../../../shared/windows';
import { UsageError, withEngine, type Command } from '../command';
import { parseParams } from '../params';
import { reportFailure } from '../report';
import { withJob } from '../with-job';
import { accountName, shortNumber } from '../format';

function formatWindows(output: WindowsOutput): string {
  const lines = output.windows.map(
    (w) => `run ${String(w.run).padStart(4)}  ${w.from.slice(0, 10)} .. ${w.to.slice(0, 10)}  ${String(w.accounts_scored).padStart(8)} accounts` +
      (w.account ? `  score ${shortNumber(w.account.score)} rank ${w.account.rank ?? '-'}` : ''),
  );
  for (const change of output.changes) {
    if (change.score_before === change.score_after && change.entered.count === 0 && change.aged_out.count === 0) continue;
    lines.push('', `run ${change.from_run} -> ${change.to_run}: score ${shortNumber(change.score_before)} -> ${shortNumber(change.score_after)}; ` +
      `${change.entered.count} interactions entered, ${change.aged_out.count} aged out`);
    for (const mover of change.movers.slice(0, 5)) {
      lines.push(`  ${mover.delta >= 0 ? '+' : ''}${shortNumber(mover.delta).padStart(10)}  ${mover.label}${mover.account ? ` ${accountName(mover.account)}` : ''}`);
    }
  }
  return lines.join('\n');
}

export const windowsCommand: Command = {
  name: 'windows',
  summary: 'Score a model over sliding time windows; with --account, why its score changed from window to window.',
  usage: 'windows --dataset NAME --model ID [--window 90d] [--step 30d] [--account ID_OR_HANDLE] [--param k=v ...] [--json]',
  details: 'Each window is a stored run (its manifest names the window); only interactions with a known time count.',
  options: {
    dataset: { type: 'string' },
    model: { type: 'string' },
    window: { type: 'string' },
    step: { type: 'string' },
    account: { type: 'string' },
    param: { type: 'string', multiple: true },
    limit: { type: 'string' },
    json: { type: 'boolean' },
  },
  async run(args, io) {
    const { dataset, model } = args.values;
    if (typeof dataset !== 'string' || typeof model !== 'string') throw new UsageError('windows needs --dataset NAME and --model ID');
    const input = {
      dataset,
      model,
      window: args.values.window,
      step: args.values.step,
      account: args.values.account,
      params: parseParams((args.values.param as string[] | undefined) ?? []),
      limit: args.values.limit === undefined ? undefined : Number(args.values.limit),
    };
    return withEngine(io, args, (engine) =>
      withJob(async (signal, onJobProgress) => {
        const result = await engine.call('analysis.windows', input, { signal, onJobProgress });
        if (!result.ok) return reportFailure(io, result.error);
        io.out(args.values.json ? JSON.stringify(result.value) : formatWindows(result.value));
        return 0;
      }),
    );
  },
};
