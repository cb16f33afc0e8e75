import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { callService } from '../src/main/services/index';
import type { Db } from '../src/main/store/db';
import { seededRandom } from './random';

/**
 * Import fuzzing over slices of the real datasets: each case is a real file cut small, mutated with a seeded
 * PRNG, imported through callService into a real SQLite file, and its outcome classified (issue 15, point 5).
 */
export type Outcome = 'clean' | 'clear' | 'unclear' | 'crash' | 'hang' | 'changed';

export interface Seed {
  /** The file name the slice is written under (author tweet tables are named by their author id). */
  name: string;
  bytes: Buffer;
}

export interface FuzzCase {
  seed: string;
  mutation: string;
  file: string;
  skipInvalid: boolean;
}

export interface CaseResult extends FuzzCase {
  outcome: Outcome;
  message?: string;
}

const lines = (file: string, count: number) => fs.readFileSync(file, 'utf8').split('\n').slice(0, count).join('\n') + '\n';

/** Small real slices of every format (a few KB each, so 10,000 imports take minutes, not hours). */
export function realSeeds(datasetsDir: string): Seed[] {
  const at = (...parts: string[]) => path.join(datasetsDir, ...parts);
  const v1 = JSON.parse(fs.readFileSync(at('twitter-v1', 'germanwings-crash-all-rnr-threads.non-rumours.json'), 'utf8')) as unknown[];
  const network = JSON.parse(fs.readFileSync(at('congress-twitter', 'congress_network_data.json'), 'utf8'))[0] as Record<string, unknown[][]>;
  const nodes = 12;
  const outList = network.outList!.slice(0, nodes).map((targets) => (targets as number[]).filter((target) => target < nodes));
  const outWeight = network.outList!.slice(0, nodes).map((targets, node) =>
    (targets as number[]).map((target, k) => [target, network.outWeight![node]![k]]).filter(([target]) => (target as number) < nodes).map(([, w]) => w));
  const inList = Array.from({ length: nodes }, (_, node) => outList.flatMap((targets, from) => (targets.includes(node) ? [from] : [])));
  const inWeight = inList.map((froms, node) => froms.map((from) => outWeight[from]![outList[from]!.indexOf(node)]));
  const tree = fs.readdirSync(at('cascades-twitter15', 'tree')).sort()[0]!;
  return [
    { name: 'two_tweets.jsonl', bytes: fs.readFileSync(at('twitter-v2', 'two_tweets.jsonl')) },
    { name: 'mentions_tweet.jsonl', bytes: fs.readFileSync(at('twitter-v2', 'mentions_tweet.jsonl')) },
    { name: 'flat.jsonl', bytes: Buffer.from(lines(at('twitter-v2', 'flat.jsonl'), 3)) },
    { name: 'users.jsonl', bytes: Buffer.from(lines(at('twitter-v2', 'users.jsonl'), 1).slice(0, 6000)) },
    { name: 'v1.json', bytes: Buffer.from(JSON.stringify(v1.slice(0, 2))) },
    { name: 'v1.jsonl', bytes: Buffer.from(v1.slice(2, 4).map((status) => JSON.stringify(status)).join('\n') + '\n') },
    { name: 'karate.csv', bytes: fs.readFileSync(at('karate', 'karate_club_weighted.csv')) },
    { name: 'karate_nodes.csv', bytes: fs.readFileSync(at('karate', 'karate_club_nodes.csv')) },
    { name: '0_tweets.csv', bytes: Buffer.from(lines(at('congress-twitter', 'test_data', '0_tweets.csv'), 12)) },
    { name: 'congress.edgelist', bytes: Buffer.from(lines(at('congress-twitter', 'congress.edgelist'), 40)) },
    { name: 'lesmis.gexf', bytes: fs.readFileSync(at('lesmis', 'les_miserables.gexf')) },
    { name: 'lesmis.graphml', bytes: fs.readFileSync(at('lesmis', 'miserables.graphml')) },
    { name: tree, bytes: Buffer.from(lines(at('cascades-twitter15', 'tree', tree), 30)) },
    { name: 'network.json', bytes: Buffer.from(JSON.stringify([{ inList, inWeight, outList, outWeight,
      usernameList: network.usernameList!.slice(0, nodes) }])) },
  ];
}

type Mutation = (bytes: Buffer, random: () => number) => Buffer;
const pick = <T>(items: readonly T[], random: () => number): T => items[Math.floor(random() * items.length)]!;
const spot = (bytes: Buffer, random: () => number) => Math.floor(random() * (bytes.length + 1));
const splice = (bytes: Buffer, at: number, insert: Buffer | string, remove = 0) =>
  Buffer.concat([bytes.subarray(0, at), Buffer.from(insert), bytes.subarray(at + remove)]);

/** Replaces a random run of digits (a count, weight, id or time) with a number no column can hold. */
const HUGE = ['18446744073709551616', '1e300', '-1e309', '1.5', '-7', '9007199254740993', 'NaN', '1e-400'];

export const mutations: Record<string, Mutation> = {
  byteFlips: (bytes, random) => {
    const copy = Buffer.from(bytes);
    for (let n = 1 + Math.floor(random() * 8); n > 0 && copy.length > 0; n--) copy[Math.floor(random() * copy.length)] = Math.floor(random() * 256);
    return copy;
  },
  truncate: (bytes, random) => bytes.subarray(0, Math.floor(random() * bytes.length)),
  duplicate: (bytes, random) => {
    const from = Math.floor(random() * bytes.length);
    const to = Math.min(bytes.length, from + 1 + Math.floor(random() * 400));
    return splice(bytes, spot(bytes, random), bytes.subarray(from, to));
  },
  deepNesting: (bytes, random) => {
    const depth = pick([300, 5000, 20000], random);
    const open = pick(['[', '{"a":'], random);
    const nest = open.repeat(depth) + '1' + (open === '[' ? ']' : '}').repeat(depth);
    const value = /:\s*(-?\d+|"[^"]{0,40}"|true|false|null)/g;
    const text = bytes.toString('latin1');
    const matches = [...text.matchAll(value)];
    if (matches.length === 0) return splice(bytes, spot(bytes, random), nest);
    const match = pick(matches, random);
    return splice(bytes, match.index! + match[0].length - match[1]!.length, nest, match[1]!.length);
  },
  hugeNumber: (bytes, random) => {
    const matches = [...bytes.toString('latin1').matchAll(/\d+(\.\d+)?/g)];
    if (matches.length === 0) return splice(bytes, spot(bytes, random), pick(HUGE, random));
    const match = pick(matches, random);
    return splice(bytes, match.index!, pick(HUGE, random), match[0].length);
  },
  controlChars: (bytes, random) => {
    let out = bytes;
    for (let n = 1 + Math.floor(random() * 4); n > 0; n--) out = splice(out, spot(out, random), pick(['\r', '\x1b[2J', '\0', '\x07', '\u2028', '\x85'], random));
    return out;
  },
  utf16: (bytes) => Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(bytes.toString('utf8'), 'utf16le')]),
  latin1: (bytes, random) => {
    const text = bytes.toString('utf8');
    const at = Math.floor(random() * text.length);
    return Buffer.from(`${text.slice(0, at)}café ñ${text.slice(at)}`, 'latin1');
  },
  empty: () => Buffer.alloc(0),
};

/** Two mutations in a row now and then: a truncated file with a huge number, control characters in a deep line. */
export function mutate(bytes: Buffer, random: () => number): { bytes: Buffer; mutation: string } {
  const names = Object.keys(mutations).filter((name) => name !== 'empty' || random() < 0.05);
  const first = pick(names, random);
  const out = mutations[first]!(bytes, random);
  if (random() < 0.25) {
    const second = pick(names, random);
    return { bytes: mutations[second]!(out, random), mutation: `${first}+${second}` };
  }
  return { bytes: out, mutation: first };
}

/** Row counts and a digest of every row of every table: equal fingerprints mean an unchanged database. */
export function fingerprint(db: Db): string {
  const hash = createHash('sha256');
  const tables = db.prepare("SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name").pluck().all() as string[];
  for (const table of tables) {
    // Sorted as text: some tables are WITHOUT ROWID, and the digest must not depend on storage order.
    const rows = (db.prepare(`SELECT * FROM "${table}"`).raw().all() as unknown[][]).map((row) => JSON.stringify(row)).sort();
    hash.update(`${table}:${rows.length}:${rows.join('\n')}\n`);
  }
  return hash.digest('hex');
}

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const CONTROL = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]/;

/**
 * A clear message: one line (no raw control character, so no stack either), starting with the file and a line
 * (`file:12: `) or byte (`file at byte 345: `), from an expected failure (not `internal`).
 */
export function isClear(code: string, message: string, file: string): boolean {
  if (code !== 'import_failed' || CONTROL.test(message) || /\bat .+\(.+:\d+:\d+\)/.test(message)) return false;
  const escaped = file.replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]/g, (char) => ({ '\n': '\\n', '\r': '\\r', '\t': '\\t' })[char] ??
    `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`);
  return new RegExp(`^${escapeRegExp(escaped)}(:\\d+| at byte \\d+): \\S`).test(message);
}

/** Imports one case into `db` as a new dataset and classifies it; a clean import's dataset is deleted again. */
export async function runCase(db: Db, fuzzCase: FuzzCase, timeLimitMs: number): Promise<CaseResult> {
  const before = fingerprint(db);
  const dataset = `fuzz-${path.basename(path.dirname(fuzzCase.file))}`;
  let timer: NodeJS.Timeout | undefined;
  const hang = new Promise<'hang'>((resolve) => (timer = setTimeout(() => resolve('hang'), timeLimitMs)));
  let result;
  try {
    result = await Promise.race([callService('datasets.import', { paths: [fuzzCase.file], dataset, skipInvalid: fuzzCase.skipInvalid }, { db }), hang]);
  } catch (error) {
    return { ...fuzzCase, outcome: 'crash', message: String(error) };
  } finally {
    clearTimeout(timer);
  }
  if (result === 'hang') return { ...fuzzCase, outcome: 'hang' };
  if (result.ok) {
    await callService('datasets.delete', { name: dataset }, { db });
    return { ...fuzzCase, outcome: 'clean' };
  }
  if (fingerprint(db) !== before) return { ...fuzzCase, outcome: 'changed', message: result.error.message };
  return { ...fuzzCase, outcome: isClear(result.error.code, result.error.message, fuzzCase.file) ? 'clear' : 'unclear', message: result.error.message };
}

/** Writes `count` mutated files under `dir` from the seeds, the same files for the same seed number. */
export function* fuzzCases(seeds: readonly Seed[], count: number, seed: number, dir: string): Generator<FuzzCase> {
  const random = seededRandom(seed);
  for (let index = 0; index < count; index++) {
    const source = seeds[index % seeds.length]!;
    const { bytes, mutation } = mutate(source.bytes, random);
    const folder = path.join(dir, String(index));
    fs.mkdirSync(folder, { recursive: true });
    // Now and then a control character in the file name too: messages quote the path.
    const odd = !source.name.endsWith('_tweets.csv') && random() < 0.05;
    const file = path.join(folder, odd ? `x\r\x1b${source.name}` : source.name);
    fs.writeFileSync(file, bytes);
    yield { seed: source.name, mutation: odd ? `${mutation}+name` : mutation, file, skipInvalid: random() < 0.5 };
  }
}

export function countOutcomes(results: readonly CaseResult[]): Record<Outcome, number> {
  const counts: Record<Outcome, number> = { clean: 0, clear: 0, unclear: 0, crash: 0, hang: 0, changed: 0 };
  for (const result of results) counts[result.outcome]++;
  return counts;
}
