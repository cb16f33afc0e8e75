import { generateWorld, MAX_ACCOUNTS, MIN_ACCOUNTS } from '../../audit/generate/generate';
import { writeWorld } from '../../audit/generate/write';
import { UsageError, type Command } from '../command';

export const generateCommand: Command = {
  name: 'generate',
  summary: 'Write a seeded synthetic social world with planted, labelled audit cases (the demo dataset).',
  usage: 'generate --out FILE [--seed N] [--accounts N] [--json]',
  details: [
    '  --out FILE       Twitter API v2 pages (JSONL); FILE without its extension names the other two files:',
    '                   BASE.interactions.csv (follows, endorsements) and BASE.labels.json (planted cases, controls)',
    '  --seed N         the same seed writes the same bytes (default 1)',
    `  --accounts N     ${MIN_ACCOUNTS.toLocaleString('en-US')} to ${MAX_ACCOUNTS.toLocaleString('en-US')} (default 1,000)`,
    '  --json           print { files, cases: { kind: count } } as one JSON object',
    'Import the JSONL and CSV together: lens import BASE.jsonl BASE.interactions.csv --dataset NAME',
  ].join('\n'),
  options: {
    out: { type: 'string' },
    seed: { type: 'string' },
    accounts: { type: 'string' },
    json: { type: 'boolean' },
  },
  async run({ values }, io) {
    const out = values.out as string | undefined;
    if (!out) throw new UsageError('generate needs --out FILE; see `lens generate --help`');
    const seed = integer('--seed', values.seed as string | undefined, 1);
    if (seed < 0 || seed > 0xffffffff) throw new UsageError(`--seed must be from 0 to ${0xffffffff}, got ${seed}`);
    const accounts = integer('--accounts', values.accounts as string | undefined, 1_000);
    if (accounts < MIN_ACCOUNTS || accounts > MAX_ACCOUNTS) {
      throw new UsageError(`--accounts must be from ${MIN_ACCOUNTS} to ${MAX_ACCOUNTS.toLocaleString('en-US')}, got ${accounts}`);
    }
    const world = generateWorld({ seed, accounts });
    const files = writeWorld(world, out);
    const cases: Record<string, number> = {};
    for (const { kind } of world.cases) cases[kind] = (cases[kind] ?? 0) + 1;
    if (values.json) {
      io.out(JSON.stringify({ files, cases }));
      return 0;
    }
    for (const file of files) io.out(`wrote ${file}`);
    for (const [kind, count] of Object.entries(cases)) io.out(`${kind.padEnd(24)} ${count}`);
    return 0;
  },
};

/** A whole number option; seeds and sizes given as "1e3" or "12.5" are mistakes worth naming. */
function integer(name: string, text: string | undefined, fallback: number): number {
  if (text === undefined) return fallback;
  if (!/^\d+$/.test(text.trim())) throw new UsageError(`${name} must be a whole number, got "${text}"`);
  return Number(text);
}
