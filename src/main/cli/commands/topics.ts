import type { TopicsOutput, TopOutput } from '../../../shared/audit';
import { UsageError, withEngine, type Command } from '../command';
import { reportFailure } from '../report';
import { accountName, shortNumber } from '../format';

function formatTopics(output: TopicsOutput): string {
  if (output.topics.length === 0) return `${accountName(output.account)}: no topics`;
  const lines = [`${accountName(output.account)}: ${output.topics.length} topics`];
  for (const topic of output.topics) {
    lines.push('', `${topic.topic}: strength ${shortNumber(topic.strength)} from ${topic.posts} own posts${topic.flags.length ? `  FLAGS: ${topic.flags.join(', ')}` : ''}`);
    if (topic.thin_evidence) lines.push(`    note: ${topic.thin_evidence}`);
    for (const e of topic.evidence.slice(0, 5)) {
      lines.push(`    ${shortNumber(e.value).padStart(5)}  ${e.label}${e.account ? ` ${accountName(e.account)}` : ''}${e.text ? `: "${e.text.slice(0, 70)}"` : ''}`);
    }
    if (topic.evidence.length > 5) lines.push(`    ... ${topic.evidence.length - 5} more evidence rows (--json lists them all)`);
  }
  return lines.join('\n');
}

function formatTop(output: TopOutput): string {
  const where = output.place ? ` in ${output.place.label}` : '';
  if (output.accounts.length === 0) return `no account has the topic "${output.topic}"${where}`;
  return [`most passionate about "${output.topic}"${where}:`, ...output.accounts.map((a, i) =>
    `${String(i + 1).padStart(4)}  ${accountName(a).padEnd(24)} strength ${shortNumber(a.strength).padStart(6)}  ${a.posts} post${a.posts === 1 ? '' : 's'}  ${a.place ?? ''}${a.flags.length ? `  flags: ${a.flags.join(', ')}` : ''}`)].join('\n');
}

export const topicsCommand: Command = {
  name: 'topics',
  summary: "An account's topics (LASTA-style) with the posts, reactions and endorsements behind each, and its flags.",
  usage: 'topics --dataset NAME --account ID_OR_HANDLE [--show-minors] [--json]',
  options: { dataset: { type: 'string' }, account: { type: 'string' }, 'show-minors': { type: 'boolean' }, json: { type: 'boolean' } },
  async run(args, io) {
    const { dataset, account } = args.values;
    if (typeof dataset !== 'string' || typeof account !== 'string') throw new UsageError('topics needs --dataset NAME and --account ID_OR_HANDLE');
    return withEngine(io, args, async (engine) => {
      const result = await engine.call('audit.topics', { dataset, account, show_minors: args.values['show-minors'] === true });
      if (!result.ok) return reportFailure(io, result.error);
      io.out(args.values.json ? JSON.stringify(result.value) : formatTopics(result.value));
      return 0;
    });
  },
};

export const topCommand: Command = {
  name: 'top',
  summary: 'The accounts strongest in a topic, optionally within a place ("food in Philadelphia").',
  usage: 'top --dataset NAME --topic T [--place P] [--limit N] [--json]',
  options: { dataset: { type: 'string' }, topic: { type: 'string' }, place: { type: 'string' }, limit: { type: 'string' }, json: { type: 'boolean' } },
  async run(args, io) {
    const { dataset, topic, place } = args.values;
    if (typeof dataset !== 'string' || typeof topic !== 'string') throw new UsageError('top needs --dataset NAME and --topic T');
    const limit = args.values.limit === undefined ? undefined : Number(args.values.limit);
    return withEngine(io, args, async (engine) => {
      const result = await engine.call('audit.top', { dataset, topic, place, limit });
      if (!result.ok) return reportFailure(io, result.error);
      io.out(args.values.json ? JSON.stringify(result.value) : formatTop(result.value));
      return 0;
    });
  },
};

export const placesCommand: Command = {
  name: 'places',
  summary: "Where a dataset's accounts are: free-text locations resolved to cities, regions and countries.",
  usage: 'places --dataset NAME [--top N] [--json]',
  options: { dataset: { type: 'string' }, top: { type: 'string' }, json: { type: 'boolean' } },
  async run(args, io) {
    const { dataset } = args.values;
    if (typeof dataset !== 'string') throw new UsageError('places needs --dataset NAME');
    const top = args.values.top === undefined ? undefined : Number(args.values.top);
    return withEngine(io, args, async (engine) => {
      const result = await engine.call('audit.places', { dataset, top });
      if (!result.ok) return reportFailure(io, result.error);
      const s = result.value;
      io.out(args.values.json ? JSON.stringify(s) : [
        `${s.accounts} accounts: ${s.resolved} placed, ${s.unresolved} with a location the gazetteer cannot place, ${s.empty} without one`,
        ...s.places.map((p) => `${String(p.accounts).padStart(6)}  ${p.place.label}${p.place.kind === 'city' ? '' : ` (${p.place.kind})`}`),
        'by country:', ...s.countries.map((c) => `${String(c.accounts).padStart(6)}  ${c.name}`),
      ].join('\n'));
      return 0;
    });
  },
};
