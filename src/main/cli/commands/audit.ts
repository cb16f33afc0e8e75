import { CASE_KINDS, CaseKind, type AuditOutput, type AuditRunSummary } from '../../../shared/audit';
import { UsageError, withEngine, type Command, type ParsedArgs } from '../command';
import { stringList } from '../list-option';
import { reportFailure } from '../report';
import { withJob } from '../with-job';
import { accountName, shortNumber } from '../format';

/** The run's first line: its id, what it looked at and with what, so a reader can ask for it again with --run. */
function runHeader({ run, manifest, stale }: AuditOutput): string[] {
  const kinds = manifest.kinds === null ? 'all kinds' : manifest.kinds.join(', ');
  const total = Object.values(manifest.counts).reduce((sum, n) => sum + n, 0);
  return [
    `audit run ${run} of "${manifest.dataset.name}", ${manifest.finishedAt}: ${total} cases of ${kinds}; ` +
      `what-if ${manifest.whatIf.model} v${manifest.whatIf.version}; vocabulary ${manifest.vocabulary.sha256.slice(0, 12)}; ` +
      `\`lens audit --run ${run}\` shows it again`,
    ...stale.map((reason) => `  note: ${reason}; \`lens audit --dataset ${manifest.dataset.name}\` recomputes it`),
  ];
}

function formatCases(output: AuditOutput): string[] {
  if (output.cases.length === 0) return ['no cases found'];
  const lines: string[] = [];
  for (const c of output.cases) {
    const topic = c.topic ? ` in "${c.topic}"` : '';
    const whatif = c.whatif
      ? `; ${c.whatif.model} ${shortNumber(c.whatif.before)} (rank ${c.whatif.rank_before ?? '-'}) -> ${shortNumber(c.whatif.after)} (rank ${c.whatif.rank_after ?? '-'}) without its ${c.whatif.interactions_removed} interactions`
      : '';
    lines.push(`${c.kind}: ${c.accounts.map(accountName).join(', ')}${topic}${whatif}`);
    for (const e of c.evidence.slice(0, 3)) {
      lines.push(`    ${e.label}${e.value === null ? '' : ` = ${shortNumber(e.value)}`}${e.account ? ` ${accountName(e.account)}` : ''}${e.text ? `: "${e.text.slice(0, 80)}"` : ''}`);
    }
  }
  return lines;
}

const formatAudit = (output: AuditOutput) => [...runHeader(output), ...formatCases(output)].join('\n');

function formatAuditRuns(runs: AuditRunSummary[]): string {
  if (runs.length === 0) return 'no audit runs yet; `lens audit --dataset NAME` makes one';
  return runs
    .map((run) => `${String(run.id).padStart(4)}  ${run.dataset}  what-if ${run.model}  ${run.cases} cases of ${run.kinds?.join(',') ?? 'all kinds'}  ${run.finishedAt}`)
    .join('\n');
}

function kindsOption(args: ParsedArgs): CaseKind[] | undefined {
  const kinds = args.values.kinds === undefined ? undefined : stringList(args.values.kinds as string);
  for (const kind of kinds ?? []) {
    if (!CaseKind.safeParse(kind).success) throw new UsageError(`--kinds: unknown kind "${kind}"; kinds: ${CASE_KINDS.join(', ')}`);
  }
  return kinds as CaseKind[] | undefined;
}

export const auditCommand: Command = {
  name: 'audit',
  summary: 'Find gaming and misattribution cases, each with its evidence and the score without it, and store them as an audit run (docs/AUDIT.md).',
  usage: 'audit --dataset NAME [--kinds a,b] [--model ID] [--show-minors] [--json] | audit --run ID [--show-minors] [--json] | audit --runs [--dataset NAME] [--json]',
  details: [
    `  --kinds a,b     only these kinds: ${CASE_KINDS.join(', ')}`,
    '  --model ID      the model the what-if rescores (default kred)',
    "  --show-minors   show minors' handles and texts (withheld by default)",
    '  --run ID        show a stored audit run again, without recomputing it',
    '  --runs          list the stored audit runs (of --dataset, if given)',
  ].join('\n'),
  options: {
    dataset: { type: 'string' },
    kinds: { type: 'string' },
    model: { type: 'string' },
    'show-minors': { type: 'boolean' },
    json: { type: 'boolean' },
    run: { type: 'string' },
    runs: { type: 'boolean' },
  },
  async run(args, io) {
    const { dataset, run, runs, json } = args.values;
    const showMinors = args.values['show-minors'] === true;
    if (runs === true) {
      return withEngine(io, args, async (engine) => {
        const result = await engine.call('audit.runs', { dataset });
        if (!result.ok) return reportFailure(io, result.error);
        io.out(json ? JSON.stringify(result.value) : formatAuditRuns(result.value));
        return 0;
      });
    }
    if (run !== undefined) {
      const id = Number(run);
      if (!Number.isInteger(id) || id < 1) throw new UsageError('--run needs an audit run number from `lens audit --runs`');
      return withEngine(io, args, async (engine) => {
        const result = await engine.call('audit.run', { run: id, show_minors: showMinors });
        if (!result.ok) return reportFailure(io, result.error);
        io.out(json ? JSON.stringify(result.value) : formatAudit(result.value));
        return 0;
      });
    }
    if (typeof dataset !== 'string') throw new UsageError('audit needs --dataset NAME (or --run ID, or --runs)');
    const input = { dataset, kinds: kindsOption(args), model: args.values.model, show_minors: showMinors };
    return withEngine(io, args, (engine) =>
      withJob(async (signal, onJobProgress) => {
        const result = await engine.call('audit.cases', input, { signal, onJobProgress });
        if (!result.ok) return reportFailure(io, result.error);
        io.out(json ? JSON.stringify(result.value) : formatAudit(result.value));
        return 0;
      }),
    );
  },
};
