import fs from 'node:fs';
import path from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { runImport } from '../../src/main/import/run-import';
import { openDatabase } from '../../src/main/store/db';
import { getSetting, setSetting } from '../../src/main/store/settings';
import { datasetsDir, tempDb, tempDir } from '../helpers';

const germanwings = path.join(datasetsDir, 'twitter-v1', 'germanwings-crash-all-rnr-threads.non-rumours.json');

/** The strings of the hand-made files that must not survive; each file below uses them. */
const HAND_MADE = {
  handles: ['alice_wonder', 'bob_martin', 'carol_secret', 'dave_hidden', 'eve_fullwidth', 'frank_mobile', 'harry_skip'],
  names: ['Gina Lollobrigida', 'Ivo Sanderson', 'Alice Wonderland'],
  locations: ['Springfield Gardens', 'Little Whinging'],
};

const EDGES_CSV = 'source,target,kind\nalice_wonder,bob_martin,retweet\nbob_martin,carol_secret,mention\ncarol_secret,alice_wonder,reply\n';
const NODES_CSV = 'id,label,handle,city\nalice_wonder,Alice Wonderland,alice_wonder,Springfield Gardens\nbob_martin,Bob,bob_martin,Little Whinging\n';

function v1Status(id: string, user: object, text: string, extra: object = {}): string {
  return JSON.stringify({ id_str: id, created_at: 'Tue Mar 24 10:41:00 +0000 2015', text, user, ...extra });
}
const gina = { id_str: '501', screen_name: 'carol_secret', name: 'Gina Lollobrigida', location: 'Springfield Gardens',
  description: 'Sister of Ivo Sanderson; see https://twitter.com/dave_hidden and mobile.twitter.com/frank_mobile' };
const ivo = { id_str: '502', screen_name: 'dave_hidden', name: 'Ivo Sanderson', location: 'Little Whinging',
  description: 'I work with gina lollobrigida at x.com/carol_secret/status/123456' };
const HAND_MADE_V1 = [
  v1Status('9001', gina, 'Hello ＠eve_fullwidth and @bob_martin, read http://x.com/dave_hidden/status/9001 #dave_hidden',
    { entities: { user_mentions: [{ id_str: '503', screen_name: 'eve_fullwidth' }] } }),
  v1Status('9002', ivo, 'Ivo Sanderson here: www.twitter.com/frank_mobile says hi to GINA LOLLOBRIGIDA'),
  // A bad record whose excerpt would quote a handle: the stored skip reason must not.
  JSON.stringify({ id_str: '9003', user: { screen_name: 'harry_skip' }, text: 'x' }),
].join('\n');

/** Every raw string the real file names people by: handles, display names and locations of all its users. */
function germanwingsIdentities(): { handles: string[]; names: string[]; locations: string[] } {
  const statuses = JSON.parse(fs.readFileSync(germanwings, 'utf8')) as Record<string, unknown>[];
  const handles = new Set<string>();
  const names = new Set<string>();
  const locations = new Set<string>();
  const visit = (status: Record<string, unknown> | undefined) => {
    if (!status) return;
    const user = status.user as Record<string, string | undefined>;
    if (user.screen_name) handles.add(user.screen_name);
    if (user.name) names.add(user.name.trim());
    if (user.location) locations.add(user.location.trim());
    const entities = status.entities as { user_mentions?: { screen_name: string; name?: string }[] } | undefined;
    for (const mention of entities?.user_mentions ?? []) handles.add(mention.screen_name);
    visit(status.retweeted_status as Record<string, unknown> | undefined);
    visit(status.quoted_status as Record<string, unknown> | undefined);
  };
  statuses.forEach(visit);
  return { handles: [...handles], names: [...names], locations: [...locations] };
}

/** The database file as stored, with its -wal and -shm as they are (no checkpoint first). */
function databaseText(file: string): string {
  return [file, `${file}-wal`, `${file}-shm`]
    .filter((part) => fs.existsSync(part))
    .map((part) => fs.readFileSync(part).toString('utf8'))
    .join('\n')
    .toLowerCase();
}

function everyTextCell(db: ReturnType<typeof tempDb>['db']): string {
  const tables = db.prepare("SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%'").pluck().all() as string[];
  return tables.flatMap((table) => (db.prepare(`SELECT * FROM ${table}`).raw().all() as unknown[][]).flat())
    .filter((cell): cell is string => typeof cell === 'string').join('\n').toLowerCase();
}

/** Whole-word and case-insensitive, as the rule hides them (docs/PRIVACY.md). */
function occursAsWord(haystack: string, needle: string): boolean {
  const escaped = needle.toLowerCase().replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return new RegExp(`(?<![\\p{L}\\p{N}_])${escaped}(?![\\p{L}\\p{N}_])`, 'u').test(haystack);
}

let dataHome: string;
beforeEach(() => {
  dataHome = tempDir('lens-data-');
  process.env.XDG_DATA_HOME = dataHome; // the key file goes to the app data folder: a temporary one here
});
const keyFile = () => path.join(dataHome, 'influence-lens', 'pseudonym.key');

describe('--pseudonymize holds', () => {
  it('leaves no raw handle, display name, location, source name or skipped excerpt in the database file, WAL included', async () => {
    const { db, file } = tempDb();
    const inputs = tempDir('lens-inputs-');
    const write = (name: string, text: string) => {
      fs.writeFileSync(path.join(inputs, name), text);
      return path.join(inputs, name);
    };
    const csvEdges = write('alice_wonder-edges.csv', EDGES_CSV);
    const csvNodes = write('bob_martin-nodes.csv', NODES_CSV);
    const v1 = write('carol_secret-statuses.jsonl', HAND_MADE_V1);
    const result = await runImport(db, { paths: [csvEdges, csvNodes, v1, germanwings], dataset: 'shared', pseudonymize: true,
      skipInvalid: true });
    expect(result.totals.accounts).toBeGreaterThan(150);
    expect(result.files.find((f) => f.path === v1)!.skipped).toBe(1);

    const real = germanwingsIdentities();
    expect(real.handles.length).toBeGreaterThan(150);
    expect(real.locations.length).toBeGreaterThan(50);
    const bytes = databaseText(file);
    const statuses = JSON.parse(fs.readFileSync(germanwings, 'utf8')) as { text: string; user: { description?: string } }[];
    const textsAndBios = statuses.map((s) => `${s.text}\n${s.user.description ?? ''}`).join('\n').toLowerCase();
    // A place name that the tweets or bios themselves say ("France", "London correspondent") stays there:
    // locations are dropped from accounts, not searched for in texts. Every other location must be gone.
    const locations = [...real.locations, ...HAND_MADE.locations].filter((location) => !occursAsWord(textsAndBios, location));
    // A word that an empty database already holds (the schema's column "time", a byte pattern that spells "ap")
    // says nothing about the import.
    const emptyDatabase = databaseText(tempDb().file);
    const searched = (needle: string) => [...needle].length >= 2 && /[\p{L}\p{N}]/u.test(needle) && !occursAsWord(emptyDatabase, needle);
    // Every text cell of every table, and the raw bytes for needles of 5 characters or more: in the WAL's binary
    // frame headers a two-letter word such as "AP" turns up by chance (the salts and checksums differ every run).
    const cells = everyTextCell(db);
    const leaked = (needle: string) => searched(needle) && (occursAsWord(cells, needle) || (needle.length >= 5 && occursAsWord(bytes, needle)));
    const leaks = {
      handles: [...real.handles, ...HAND_MADE.handles].filter(leaked),
      names: [...real.names, ...HAND_MADE.names].filter(leaked),
      locations: locations.filter(leaked),
      files: ['alice_wonder-edges', 'bob_martin-nodes', 'carol_secret-statuses', 'germanwings-crash', inputs.toLowerCase()]
        .filter((name) => bytes.includes(name.toLowerCase())),
    };
    expect(leaks).toEqual({ handles: [], names: [], locations: [], files: [] });
    expect(locations.length).toBeGreaterThan(50);

    // The graph is still there: the CSV's handle ids are hashed alike in both files, so the node table's names
    // land on the edges' accounts.
    const csvAccounts = db.prepare("SELECT platform_id, handle, display_name, location, attributes FROM accounts WHERE platform_id LIKE 'acct_%' ORDER BY platform_id").all();
    expect(csvAccounts).toHaveLength(3);
    expect(csvAccounts.filter((a) => (a as { display_name: string | null }).display_name !== null)).toHaveLength(2);
    expect(db.prepare('SELECT count(*) FROM accounts WHERE location IS NOT NULL OR attributes IS NOT NULL').pluck().get()).toBe(0);
    const skipReasons = db.prepare('SELECT skip_reasons FROM source_files WHERE skipped > 0').pluck().get() as string;
    expect(skipReasons).toContain('[excerpt withheld]');
    const bio = db.prepare("SELECT bio FROM accounts WHERE platform_id = '501'").pluck().get() as string;
    expect(bio).toMatch(/^Sister of Person [0-9a-f]{12}; see https:\/\/twitter\.com\/user_[0-9a-f]{12} and mobile\.twitter\.com\/user_[0-9a-f]{12}$/);
    const text = db.prepare("SELECT text FROM posts WHERE platform_id = '9001'").pluck().get() as string;
    expect(text).toMatch(/^Hello ＠user_[0-9a-f]{12} and @user_[0-9a-f]{12}, read http:\/\/x\.com\/user_[0-9a-f]{12}\/status\/9001 #user_[0-9a-f]{12}$/);
    // A name has one pseudonym: the account's, wherever it stands.
    const gina = db.prepare("SELECT display_name FROM accounts WHERE platform_id = '501'").pluck().get() as string;
    const second = db.prepare("SELECT text FROM posts WHERE platform_id = '9002'").pluck().get() as string;
    expect(second.endsWith(`says hi to ${gina}`)).toBe(true);
  });

  it('keeps the key in a 0600 file of the app data folder, never in the database', async () => {
    const { db, file } = tempDb();
    await runImport(db, { paths: [germanwings], dataset: 'gw', pseudonymize: true });
    const stat = fs.statSync(keyFile());
    expect(stat.mode & 0o777).toBe(0o600);
    const key = fs.readFileSync(keyFile(), 'utf8').trim();
    expect(key).toMatch(/^[0-9a-f]{64}$/);
    expect(getSetting(db, 'pseudonym_key')).toBeUndefined();
    const raw = [file, `${file}-wal`].filter((part) => fs.existsSync(part)).map((part) => fs.readFileSync(part));
    for (const bytes of raw) {
      expect(bytes.includes(Buffer.from(key, 'hex'))).toBe(false);
      expect(bytes.toString('latin1').toLowerCase().includes(key)).toBe(false);
    }
  });

  it('moves the key an older database holds out of it, and its pseudonyms carry on', async () => {
    const { db, file } = tempDb();
    const legacyKey = 'ab'.repeat(32);
    setSetting(db, 'pseudonym_key', legacyKey);
    await runImport(db, { paths: [germanwings], dataset: 'gw', pseudonymize: true });
    expect(fs.readFileSync(keyFile(), 'utf8').trim()).toBe(legacyKey);
    expect(getSetting(db, 'pseudonym_key')).toBeUndefined();
    db.close();
    const bytes = [file, `${file}-wal`].filter((part) => fs.existsSync(part)).map((part) => fs.readFileSync(part).toString('latin1')).join('');
    expect(bytes.includes(legacyKey)).toBe(false);
    expect(openDatabase(file).prepare("SELECT value FROM settings WHERE key = 'pseudonym_key'").get()).toBeUndefined();
  });

  it('a passphrase gives the same pseudonyms in another database; another key for the same database is refused', async () => {
    const a = tempDb();
    const b = tempDb();
    const passphrase = 'correct horse battery staple';
    await runImport(a.db, { paths: [germanwings], dataset: 'gw', pseudonymize: true, passphrase });
    await runImport(b.db, { paths: [germanwings], dataset: 'gw', pseudonymize: true, passphrase });
    const handles = (db: typeof a.db) => db.prepare('SELECT handle FROM accounts ORDER BY platform_id').pluck().all();
    expect(handles(b.db)).toEqual(handles(a.db));
    expect(fs.existsSync(keyFile())).toBe(false);
    await expect(runImport(a.db, { paths: [germanwings], dataset: 'gw2', pseudonymize: true }))
      .rejects.toThrow(/made with another key/);
  });

  it('--hash-all-ids hashes tweet formats\' numeric account and post ids too', async () => {
    const { db } = tempDb();
    await runImport(db, { paths: [germanwings], dataset: 'gw', pseudonymize: true, hashAllIds: true });
    expect(db.prepare("SELECT count(*) FROM accounts WHERE platform_id NOT LIKE 'acct_%'").pluck().get()).toBe(0);
    expect(db.prepare("SELECT count(*) FROM posts WHERE platform_id NOT LIKE 'post_%'").pluck().get()).toBe(0);
    expect(db.prepare('SELECT pseudonymized FROM datasets').pluck().get()).toBe(3);
  });
});
