import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { JobHost } from '../../src/main/jobs/host';
import { callService } from '../../src/main/services';
import type { ServiceContext } from '../../src/main/services/context';
import type { ApiName } from '../../src/shared/api';
import { datasetsDir, tempDb, tempDir } from '../helpers';

// SPEC "Ties": no listing depends on the order in which accounts happen to be stored. audit.top ranks a topic's
// accounts by strength; equal strengths are listed by platform id, so the brexit sample imported with its tweets and
// users reversed (other row ids, the same accounts) gives the same list.
describe('audit.top', () => {
  it('lists accounts of equal strength by platform id, the same whatever order the import stored them in', async () => {
    const { db } = tempDb();
    const context: ServiceContext = { db, jobs: new JobHost({ size: 1 }) };
    const call = async <N extends ApiName>(name: N, input: unknown) => {
      const result = await callService(name, input, context);
      if (!result.ok) throw new Error(result.error.message);
      return result.value;
    };
    const file = path.join(datasetsDir, 'twitter-v2', 'brexit.jsonl');
    // The file is one v2 response page: its tweets and users listed the other way round are stored the other way round.
    const page = JSON.parse(fs.readFileSync(file, 'utf8')) as { data: unknown[]; includes: { users: unknown[]; tweets: unknown[] } };
    page.data.reverse();
    page.includes.users.reverse();
    page.includes.tweets.reverse();
    const reversed = path.join(tempDir(), 'brexit-reversed.jsonl');
    fs.writeFileSync(reversed, `${JSON.stringify(page)}\n`);
    await call('datasets.import', { paths: [file], dataset: 'in-file-order' });
    await call('datasets.import', { paths: [reversed], dataset: 'reversed' });
    const top = (dataset: string) => call('audit.top', { dataset, topic: 'brexit', limit: 10_000 });
    const inFileOrder = await top('in-file-order');
    expect(await top('reversed')).toEqual(inFileOrder);
    const { accounts } = inFileOrder;
    let tied = 0;
    for (let i = 1; i < accounts.length; i++) {
      if (accounts[i]!.strength !== accounts[i - 1]!.strength) continue;
      tied++;
      expect(accounts[i - 1]!.accountId < accounts[i]!.accountId).toBe(true);
    }
    // The case the rule is for: many accounts share a strength.
    expect(tied).toBeGreaterThan(10);
  }, 120_000);
});
