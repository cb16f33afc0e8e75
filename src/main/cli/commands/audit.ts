import { CASE_KINDS, CaseKind, type AuditOutput } from '../../../shared/audit';
import { callService } from '../../services';
import { UsageError, withDb, type Command } from '../command';
import { stringList } from '../list-option';
import { reportFailure } from '../report';
import { withJob } from '../with-job';
import { accountName, shortNumber } from '../format';

function formatAudit(output: AuditOutput): string {
  if (output.cases.length === 0) return 'no cases found';
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
  return lines.join('\n');
}

export const auditCommand: Command = {
  name: 'audit',
  summary: 'Find gaming and misattribution cases, each with its evidence and the score without it (docs/AUDIT.md).',
  usage: 'audit --dataset NAME [--kinds a,b] [--model ID] [--show-minors] [--json]',
  details: [
    `  --kinds a,b     only these kinds: ${CASE_KINDS.join(', ')}`,
    '  --model ID      the model the what-if rescores (default kred)',
    "  --show-minors   show minors' handles and texts (withheld by default)",
  ].join('\n'),
  options: { dataset: { type: 'string' }, kinds: { type: 'string' }, model: { type: 'string' }, 'show-minors': { type: 'boolean' }, json: { type: 'boolean' } },
  async run(args, io) {
    const { dataset } = args.values;
    if (typeof dataset !== 'string') throw new UsageError('audit needs --dataset NAME');
    const kinds = args.values.kinds === undefined ? undefined : stringList(args.values.kinds as string);
    for (const kind of kinds ?? []) {
      if (!CaseKind.safeParse(kind).success) throw new UsageError(`--kinds: unknown kind "${kind}"; kinds: ${CASE_KINDS.join(', ')}`);
    }
    const input = { dataset, kinds, model: args.values.model, show_minors: args.values['show-minors'] === true };
    return withDb(io, args, (db) =>
      withJob(async (signal, onJobProgress) => {
        const result = await callService('audit.cases', input, { db, signal, onJobProgress });
        if (!result.ok) return reportFailure(io, result.error);
        io.out(args.values.json ? JSON.stringify(result.value) : formatAudit(result.value));
        return 0;
      }),
    );
  },
};
