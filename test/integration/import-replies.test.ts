import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runImport } from '../../src/main/import/run-import';
import { tempDb, tempDir } from '../helpers';

/*
 * SPEC, derivation rules: "the @name that a reply carries because it is a reply is part of the reply interaction,
 * not a second one". Hand-made v2 pages; the expected rows are worked out by hand from them.
 */
describe('a reply\'s own @ is no separate mention', () => {
  it('when the replied-to account is named (in_reply_to_user_id) and when it is known only from a later page', async () => {
    const users = [{ id: '1', username: 'ann' }, { id: '2', username: 'bob' }, { id: '3', username: 'cat' }];
    const mention = (id: string, username: string) => ({ id, username, start: 0, end: 4 });
    const pages = [
      // 10: ann replies to bob, named outright, and also names cat: reply ann->bob, mention ann->cat.
      { data: [{ id: '10', author_id: '1', text: '@bob @cat hi', in_reply_to_user_id: '2',
        referenced_tweets: [{ type: 'replied_to', id: '9' }], entities: { mentions: [mention('2', 'bob'), mention('3', 'cat')] } }],
      includes: { users } },
      // 11: cat replies to tweet 12, whose author (bob) is known only from the next page; "@bob" must not count twice.
      { data: [{ id: '11', author_id: '3', text: '@bob @ann yes', referenced_tweets: [{ type: 'replied_to', id: '12' }],
        entities: { mentions: [mention('2', 'bob'), mention('1', 'ann')] } }], includes: { users } },
      { data: [{ id: '12', author_id: '2', text: 'a question' }], includes: { users } },
      // 13: bob replies to himself and names ann: a self-reply is stored (it is in the data); ann is a mention.
      { data: [{ id: '13', author_id: '2', text: '@bob @ann and more', in_reply_to_user_id: '2',
        entities: { mentions: [mention('2', 'bob'), mention('1', 'ann')] } }], includes: { users } },
    ];
    const file = path.join(tempDir(), 'replies.jsonl');
    fs.writeFileSync(file, pages.map((page) => JSON.stringify(page)).join('\n'));
    const { db } = tempDb();
    const out = await runImport(db, { paths: [file], dataset: 'replies' });
    const rows = db.prepare(`SELECT p.platform_id AS post, i.kind, a.handle AS actor, t.handle AS target FROM interactions i
      JOIN accounts a ON a.id = i.actor_id JOIN accounts t ON t.id = i.target_id JOIN posts p ON p.id = i.post_id
      ORDER BY p.platform_id, i.kind, t.handle`).raw().all();
    expect(rows).toEqual([
      ['10', 'mention', 'ann', 'cat'], ['10', 'reply', 'ann', 'bob'],
      ['11', 'mention', 'cat', 'ann'], ['11', 'reply', 'cat', 'bob'],
      ['13', 'mention', 'bob', 'ann'], ['13', 'reply', 'bob', 'bob'],
    ]);
    expect(out.totals).toMatchObject({ unresolved: 0, interactions: { reply: 3, mention: 3 } });
    db.close();
  });
});
