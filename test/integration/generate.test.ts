import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CASE_KINDS } from '../../src/main/audit/case';
import { generateWorld } from '../../src/main/audit/generate/generate';
import { TOPICS } from '../../src/main/audit/generate/vocabulary';
import { writeWorld } from '../../src/main/audit/generate/write';
import { compileVocabulary, matchPost } from '../../src/main/audit/topics/match';
import { defaultVocabulary } from '../../src/main/audit/topics/vocabulary';
import { UsageError, type CommandIo } from '../../src/main/cli/command';
import { generateCommand } from '../../src/main/cli/commands/generate';
import { runImport } from '../../src/main/import/run-import';
import type { Db } from '../../src/main/store/db';
import { statedMinorAge } from '../../src/shared/minors';
import { tempDb, tempDir } from '../helpers';

const DAY = 86_400_000;
const REACTIONS = ['retweet', 'quote', 'reply', 'mention'];
interface Label { kind: string; accounts: string[]; topic?: string }
interface Row { actor: number; target: number; kind: string; time: number; topic: string | null; post: number | null }
interface PostRow { id: number; author: number; time: number; kind: string; text: string; platform: string; ref: string | null }

/** The imported dataset read back with plain SQL, indexed the ways the case definitions need. */
class Tables {
  readonly ids = new Map<string, number>();
  readonly bios = new Map<number, string | null>();
  readonly rows: Row[];
  readonly posts: PostRow[];
  constructor(db: Db) {
    for (const a of db.prepare('SELECT id, platform_id, bio FROM accounts').all() as { id: number; platform_id: string; bio: string | null }[]) {
      this.ids.set(a.platform_id, a.id);
      this.bios.set(a.id, a.bio);
    }
    this.rows = db.prepare('SELECT actor_id AS actor, target_id AS target, kind, time, topic, post_id AS post FROM interactions').all() as Row[];
    this.posts = db.prepare(`SELECT id, author_id AS author, created_at AS time, kind, text, platform_id AS platform,
      ref_platform_id AS ref FROM posts ORDER BY created_at, id`).all() as PostRow[];
  }
  id(platformId: string): number {
    return this.ids.get(platformId)!;
  }
  reactionsTo(account: number): Row[] {
    return this.rows.filter((r) => r.target === account && r.actor !== account && REACTIONS.includes(r.kind));
  }
  /** Own posts (original, quote, reply) naming the topic. */
  naming(account: number, topic: string): PostRow[] {
    return this.posts.filter((p) => p.author === account && p.kind !== 'retweet' && p.text.toLowerCase().includes(topic));
  }
  postsAbout(account: number, topic: string): boolean {
    return this.posts.some((p) => p.author === account && p.text.toLowerCase().includes(topic));
  }
}

const top3Share = (t: Tables, a: number) => {
  const reactions = t.reactionsTo(a);
  const counts = new Map<number, number>();
  for (const r of reactions) counts.set(r.actor, (counts.get(r.actor) ?? 0) + 1);
  const top = [...counts.values()].sort((x, y) => y - x).slice(0, 3).reduce((s, c) => s + c, 0);
  return { total: reactions.length, share: reactions.length === 0 ? 0 : top / reactions.length };
};
const concentrated = (t: Tables, a: number) => { const { total, share } = top3Share(t, a); return total >= 20 && share >= 0.8; };

/**
 * The largest count of a sliding 30-day window (starting at a reaction) that is >= 20 and >= 5x the mean of the
 * whole 30-day windows before it since `anchor` (default: the first reaction); 0 when there is none.
 */
function jump(t: Tables, a: number, anchor?: number): number {
  const times = t.reactionsTo(a).map((r) => r.time).sort((x, y) => x - y);
  const start = anchor ?? times[0]!;
  let best = 0;
  for (const [i, from] of times.entries()) {
    const earlier = Math.floor((from - start) / (30 * DAY));
    const count = times.filter((time) => time >= from && time < from + 30 * DAY).length;
    if (earlier >= 1 && count >= 20 && count >= (5 * i) / earlier) best = Math.max(best, count);
  }
  return best;
}

function followBack(t: Tables, a: number): { follows: number; back: number } {
  const follows = new Set(t.rows.filter((r) => r.kind === 'follow' && r.actor === a).map((r) => r.target));
  const followers = t.rows.filter((r) => r.kind === 'follow' && r.target === a).map((r) => r.actor);
  return { follows: follows.size, back: followers.length === 0 ? 0 : followers.filter((f) => follows.has(f)).length / followers.length };
}

function timingCv(t: Tables, a: number): { posts: number; cv: number } {
  const times = t.posts.filter((p) => p.author === a).map((p) => p.time);
  const gaps = times.slice(1).map((time, i) => time - times[i]!);
  const mean = gaps.reduce((s, g) => s + g, 0) / gaps.length;
  const sd = Math.sqrt(gaps.reduce((s, g) => s + (g - mean) ** 2, 0) / gaps.length);
  return { posts: times.length, cv: sd / mean };
}

/** Interactions a group's members give, and the share of them that stay inside the group. */
function ringShares(t: Tables, members: number[]): number[] {
  return members.map((m) => {
    const given = t.rows.filter((r) => r.actor === m && r.target !== m);
    return given.length < 5 ? 0 : given.filter((r) => members.includes(r.target)).length / given.length;
  });
}
const linkedBothWays = (t: Tables, a: number, b: number) =>
  t.rows.some((r) => r.actor === a && r.target === b) && t.rows.some((r) => r.actor === b && r.target === a);

/**
 * Accounts that could be in a ring: each member gives >= 70% of >= 5 interactions to mutually linked members, so
 * members are found among accounts that do so to their mutual partners within the candidates (to a fixed point).
 */
function ringCandidates(t: Tables, accounts: number[]): number[] {
  const partners = new Map(accounts.map((a) => [a, new Set(t.rows.filter((r) => r.actor === a).map((r) => r.target))] as const));
  let candidates = new Set(accounts);
  for (;;) {
    const kept = [...candidates].filter((a) => {
      const mutual = [...partners.get(a)!].filter((b) => candidates.has(b) && partners.get(b)!.has(a));
      return mutual.length >= 2 && ringShares(t, [a, ...mutual])[0]! >= 0.7;
    });
    if (kept.length === candidates.size) return kept;
    candidates = new Set(kept);
  }
}

/** Strength in a topic (own posts 1, reactions to them 0.5, endorsements 1) and the largest single post's part. */
function strength(t: Tables, a: number, topic: string) {
  const posts = t.naming(a, topic).map((p) => 1 + 0.5 * t.posts.filter((q) => q.ref === p.platform && q.author !== a).length);
  const endorsements = t.rows.filter((r) => r.kind === 'endorse' && r.target === a && r.topic === topic);
  const total = posts.reduce((s, x) => s + x, 0) + endorsements.length;
  const top = Math.max(0, ...posts);
  return { total, topPost: top / total, rest: total - top, endorsed: endorsements.length / total, endorsements };
}

/**
 * A first-person rejection, read by the test's own hand-written lists (not the generator's parts): a refusal,
 * abstention, quitting, belief or allergy, a request to stop, or a dismissal - unless the negation praises the topic
 * or is about something else.
 */
const REJECTS = /\b(won't|refuse|never|don't|do not|for me|gave up|quit|cut out|stopped|without|allergic|skip|says no|avoid|against|stop (posting|sending|sharing)|enough with|overrated|gross|not worth|awful|can't stand|hate|never liked|dislike|understand|don't get)\b/i;
const PRAISES = /\b(say no to|can't get enough|nothing beats|too much|never met a|can't go wrong|never get tired|don't knock|stopped by|no more than|not gonna lie|didn't|never forget|no skips|can't stop|wasn't at|never skipping)\b/i;
const rejects = (text: string) => REJECTS.test(text) && !PRAISES.test(text);

/** Topic id -> cues of its other senses, and the cues other topics give for it (votes for its own sense). */
const vocabulary = defaultVocabulary();
const otherSenseCues = (topic: string) => vocabulary.find((t) => t.id === topic)!.senses.flatMap((s) => s.cues);
const ownSenseCues = (topic: string) => vocabulary.flatMap((t) => t.senses.filter((s) => s.topic === topic).flatMap((s) => s.cues));
const votes = (texts: string[], cues: string[]) =>
  texts.filter((text) => cues.some((cue) => new RegExp(`(^|\\W)${cue.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}($|\\W)`, 'i').test(text))).length;

/** Whether a labelled case (or control) meets its definition in docs/AUDIT.md, read from the imported tables. */
function meets(t: Tables, label: Label): boolean {
  const [subject, ...rest] = label.accounts.map((id) => t.id(id));
  const a = subject!;
  const topic = label.topic ?? '';
  switch (label.kind) {
    case 'reciprocity_ring': {
      const members = [a, ...rest];
      const pairs = members.every((x) => members.every((y) => x === y || linkedBothWays(t, x, y)));
      return members.length >= 3 && pairs && ringShares(t, members).every((share) => share >= 0.7);
    }
    case 'concentrated_engagement': return concentrated(t, a);
    case 'endorsement_burst': {
      const times = t.rows.filter((r) => r.kind === 'endorse' && r.target === a && r.topic === topic);
      return times.some((e) => {
        const week = times.filter((f) => f.time >= e.time && f.time < e.time + 7 * DAY);
        return week.length >= 10 && week.filter((f) => !t.postsAbout(f.actor, topic)).length >= 0.8 * week.length;
      });
    }
    case 'score_jump': return jump(t, a) > 0;
    case 'follow_back': { const { follows, back } = followBack(t, a); return follows >= 50 && back >= 0.9; }
    case 'bot_like_timing': { const { posts, cv } = timingCv(t, a); return posts >= 20 && cv < 0.1; }
    case 'single_post': { const s = strength(t, a, topic); return s.total >= 3 && s.topPost >= 0.6 && s.rest < 3; }
    case 'negated': { const p = t.naming(a, topic); return p.filter((x) => rejects(x.text)).length >= p.length / 2; }
    case 'sense_conflict': {
      // The bio and every own post vote; the other sense must win by at least 2 votes and twice the topic's own.
      const texts = [t.bios.get(a) ?? '', ...t.posts.filter((p) => p.author === a && p.kind !== 'retweet').map((p) => p.text)];
      const other = votes(texts, otherSenseCues(topic));
      return other >= 2 && other >= 2 * votes(texts, ownSenseCues(topic));
    }
    case 'endorsement_only': {
      const s = strength(t, a, topic);
      const silent = s.endorsements.filter((e) => !t.postsAbout(e.actor, topic)).length;
      return s.endorsed >= 0.7 && silent >= 0.8 * s.endorsements.length;
    }
    case 'low_share': {
      const posts = t.posts.filter((p) => p.author === a && p.kind !== 'retweet').length;
      const named = t.naming(a, topic).length;
      return posts >= 20 && named > 0 && named < 0.05 * posts;
    }
    case 'minor': return statedMinorAge(t.bios.get(a)) !== null;
    default: throw new Error(`unknown kind ${label.kind}`);
  }
}

describe('lens generate: a synthetic world with planted cases', () => {
  const dir = tempDir('lens-generate-');
  const out = path.join(dir, 'world.jsonl');
  const { db } = tempDb();
  let tables: Tables;
  let labels: { seed: number; accounts: number; files: string[]; cases: Label[]; controls: Label[] };

  beforeAll(async () => {
    writeWorld(generateWorld({ seed: 7, accounts: 1_000 }), out);
    const result = await runImport(db, { paths: [out, path.join(dir, 'world.interactions.csv')], dataset: 'synthetic' });
    for (const file of result.files) expect(file).toMatchObject({ status: 'imported', skipped: 0, unresolved: 0 });
    tables = new Tables(db);
    labels = JSON.parse(fs.readFileSync(path.join(dir, 'world.labels.json'), 'utf8'));
  }, 60_000);
  afterAll(() => db.close());

  it('imports every account with follows, endorsements and every kind of post', () => {
    expect(tables.ids.size).toBe(1_000);
    const kinds = new Set(tables.rows.map((r) => r.kind));
    for (const kind of ['retweet', 'quote', 'reply', 'mention', 'follow', 'endorse']) expect(kinds).toContain(kind);
    expect(labels).toMatchObject({ seed: 7, accounts: 1_000, files: ['world.jsonl', 'world.interactions.csv', 'world.labels.json'] });
  });

  it('labels a case and a control of every kind, each case meeting its definition and each control not', () => {
    expect(new Set(labels.cases.map((c) => c.kind))).toEqual(new Set(CASE_KINDS));
    expect(new Set(labels.controls.map((c) => c.kind))).toEqual(new Set(CASE_KINDS));
    for (const label of labels.cases) expect({ ...label, meets: meets(tables, label) }).toMatchObject({ meets: true });
    for (const label of labels.controls) expect({ ...label, meets: meets(tables, label) }).toMatchObject({ meets: false });
  });

  it('meets the definitions by a clear margin where the issue names one', () => {
    const subject = (kind: string) => labels.cases.find((c) => c.kind === kind)!;
    expect(top3Share(tables, tables.id(subject('concentrated_engagement').accounts[0]!)).total).toBeGreaterThanOrEqual(30);
    expect(timingCv(tables, tables.id(subject('bot_like_timing').accounts[0]!)).cv).toBeLessThan(0.03);
    const single = subject('single_post');
    expect(strength(tables, tables.id(single.accounts[0]!), single.topic!).total).toBeGreaterThanOrEqual(5);
    expect(jump(tables, tables.id(subject('score_jump').accounts[0]!))).toBeGreaterThanOrEqual(40);
    expect(followBack(tables, tables.id(subject('follow_back').accounts[0]!)).follows).toBeGreaterThanOrEqual(80);
  });

  it('leaves ordinary accounts clear of every gaming definition', () => {
    // Subjects and ring members are planted; endorsers and other helpers drawn from ordinary accounts are checked too.
    const labelled = new Set([...labels.cases, ...labels.controls]
      .flatMap((c) => (c.kind === 'reciprocity_ring' ? c.accounts : c.accounts.slice(0, 1))).map((id) => tables.id(id)));
    const start = Math.min(...tables.posts.map((p) => p.time));
    for (const a of tables.ids.values()) {
      if (labelled.has(a)) continue;
      const { total, share } = top3Share(tables, a);
      const { follows, back } = followBack(tables, a);
      const { posts, cv } = timingCv(tables, a);
      expect({ a, concentrated: total >= 20 && share >= 0.8, jump: jump(tables, a) || jump(tables, a, start), followBack: follows >= 50 && back >= 0.9,
        bot: posts >= 20 && cv < 0.1, minor: statedMinorAge(tables.bios.get(a)) !== null })
        .toEqual({ a, concentrated: false, jump: 0, followBack: false, bot: false, minor: false });
    }
    expect(ringCandidates(tables, [...tables.ids.values()].filter((a) => !labelled.has(a)))).toEqual([]);
  });

  it('writes ordinary texts that name their own topic only, with no negation and no cue of another sense', () => {
    const vocabulary = compileVocabulary(defaultVocabulary());
    for (const topic of TOPICS) {
      for (const text of [...topic.sentences, ...topic.hashtags.map((tag) => `#${tag}`)]) {
        const tags = [...text.matchAll(/#(\w+)/gu)].map((match) => match[1]!.toLowerCase());
        const mentions = matchPost(vocabulary, text, tags);
        const named = mentions.map((m) => vocabulary.topics[m.topic]!.id).filter((id) => id !== topic.name);
        // No exception for the parents: a bare "twins" names the Minnesota Twins too, and a parent writing it is a real
        // sense_conflict case (vocabulary.ts says why ordinary accounts avoid it rather than being labelled).
        expect({ text, others: named }).toEqual({ text, others: [] });
        expect({ text, flagged: mentions.some((m) => m.negated || m.conflictingSense !== undefined) }).toEqual({ text, flagged: false });
      }
      expect(topic.sentences.every((text) => matchPost(vocabulary, text, []).some((m) => vocabulary.topics[m.topic]!.id === topic.name))).toBe(true);
    }
  });

  it('writes the same bytes for the same seed and different bytes for another', () => {
    const again = path.join(tempDir('lens-generate-'), 'world.jsonl');
    const other = path.join(tempDir('lens-generate-'), 'world.jsonl');
    writeWorld(generateWorld({ seed: 7, accounts: 1_000 }), again);
    writeWorld(generateWorld({ seed: 8, accounts: 1_000 }), other);
    for (const name of ['world.jsonl', 'world.interactions.csv', 'world.labels.json']) {
      const bytes = fs.readFileSync(path.join(dir, name));
      expect(bytes.equals(fs.readFileSync(path.join(path.dirname(again), name)))).toBe(true);
      expect(bytes.equals(fs.readFileSync(path.join(path.dirname(other), name)))).toBe(false);
    }
  });

  it('the command validates its options and reports the files and planted counts', async () => {
    const lines: string[] = [];
    const io: CommandIo = { out: (text) => lines.push(text), err: () => {}, engine: () => { throw new Error('generate needs no database'); } };
    const run = (values: Record<string, string | boolean>) => generateCommand.run({ values, positionals: [] }, io);
    await expect(run({ seed: '1' })).rejects.toThrow(UsageError);
    await expect(run({ out: 'x.jsonl', accounts: '99' })).rejects.toThrow(/--accounts must be from 100/);
    await expect(run({ out: 'x.jsonl', accounts: '2000000' })).rejects.toThrow(/--accounts/);
    await expect(run({ out: 'x.jsonl', seed: 'abc' })).rejects.toThrow(/--seed must be a whole number/);
    const file = path.join(tempDir('lens-generate-'), 'small.jsonl');
    expect(await run({ out: file, accounts: '100', seed: '3', json: true })).toBe(0);
    const report = JSON.parse(lines[0]!);
    expect(report.files).toHaveLength(3);
    expect(Object.keys(report.cases).sort()).toEqual([...CASE_KINDS].sort());
  });
});
