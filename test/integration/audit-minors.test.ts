import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { callService } from '../../src/main/services';
import { tempDb, tempDir } from '../helpers';

/** Statuses of three accounts, one of whom states an age under 18, mentioning each other. */
function writeStatuses(): string {
  const user = (id: string, screen_name: string, description: string) => ({ id_str: id, screen_name, name: screen_name, description });
  const adult = user('1', 'grownup', 'dad, 41, runner');
  const minor = user('2', 'kiddo', "I'm 15 | gamer");
  const other = user('3', 'neighbour', 'gardener');
  const tweet = (id: string, author: ReturnType<typeof user>, text: string, mentions: ReturnType<typeof user>[]) => ({
    id_str: id,
    created_at: 'Tue Mar 24 10:39:12 +0000 2015',
    text,
    user: author,
    entities: { hashtags: [{ text: 'bacon' }], user_mentions: mentions.map((m) => ({ id_str: m.id_str, screen_name: m.screen_name })) },
  });
  const file = path.join(tempDir(), 'statuses.jsonl');
  const lines = [
    tweet('10', minor, 'my secret bacon recipe @grownup #bacon', [adult]),
    tweet('11', adult, '@kiddo nice #bacon', [minor]),
    tweet('12', other, '@kiddo @grownup #bacon', [minor, adult]),
  ];
  fs.writeFileSync(file, lines.map((line) => JSON.stringify(line)).join('\n'));
  return file;
}

describe('minors in the audit', () => {
  it('are a case kind naming the age phrase, with the handle, the rest of the bio and the texts withheld unless asked for', async () => {
    const { db } = tempDb();
    expect((await callService('datasets.import', { paths: [writeStatuses()], dataset: 'd' }, { db })).ok).toBe(true);
    const hidden = await callService('audit.cases', { dataset: 'd', kinds: ['minor'] }, { db });
    if (!hidden.ok) throw new Error(hidden.error.message);
    expect(hidden.value.cases).toHaveLength(1);
    const [minorCase] = hidden.value.cases;
    expect(minorCase!.accounts).toEqual([{ accountId: '2', handle: null }]);
    expect(JSON.stringify(minorCase)).not.toContain('kiddo');
    // The evidence names the words read as the age, so a reader can check them, and nothing else of the bio.
    expect(minorCase!.evidence.map((row) => [row.label, row.value])).toEqual([['stated age, read from "I\'m 15"', 15]]);
    expect(JSON.stringify(minorCase)).not.toContain('gamer');
    const shown = await callService('audit.cases', { dataset: 'd', kinds: ['minor'], show_minors: true }, { db });
    expect(shown.ok && shown.value.cases[0]!.accounts).toEqual([{ accountId: '2', handle: 'kiddo' }]);

    const topics = await callService('audit.topics', { dataset: 'd', account: '2' }, { db });
    if (!topics.ok) throw new Error(topics.error.message);
    expect(topics.value.account.handle).toBeNull();
    expect(JSON.stringify(topics.value)).not.toContain('secret bacon recipe');
    const top = await callService('audit.top', { dataset: 'd', topic: 'bacon' }, { db });
    if (!top.ok) throw new Error(top.error.message);
    expect(top.value.accounts.map((a) => a.handle)).not.toContain('kiddo');
  });
});
