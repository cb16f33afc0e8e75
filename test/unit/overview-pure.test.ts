import { describe, expect, it } from 'vitest';
import type { AuditCase } from '../../src/shared/audit';
import type { RunSummary } from '../../src/shared/runs';
import { latestBaseRuns, leastAlike, profileOf, strongestCases } from '../../src/main/services/overview';

const item = (kind: AuditCase['kind'], before: number | null, after: number | null, strength: number | null = null): AuditCase => ({
  kind,
  accounts: [{ accountId: '1', handle: 'a' }],
  topic: null,
  strength,
  evidence: [],
  whatif: before === null ? null : { model: 'kred', interactions_removed: 3, before: 1, after: 0.5, rank_before: before, rank_after: after },
});

describe('the Start screen picks', () => {
  it('orders cases by how far their removal moves the account, then by strength, then by the audit order', () => {
    const cases = [item('score_jump', 10, 20), item('reciprocity_ring', 2, 200), item('single_post', null, null, 9), item('follow_back', 50, 5), item('score_jump', 10, 20)];
    expect(strongestCases(cases, 10).map((entry) => entry.index)).toEqual([1, 3, 0, 4, 2]);
  });

  it('takes at most two of a kind while other kinds have cases left', () => {
    const cases = [item('score_jump', 1, 900), item('score_jump', 1, 800), item('score_jump', 1, 700), item('minor', null, null)];
    expect(strongestCases(cases, 3).map((entry) => entry.index)).toEqual([0, 1, 3]);
    expect(strongestCases(cases, 4).map((entry) => entry.index)).toEqual([0, 1, 3, 2]);
  });

  const run = (id: number, model: string, kind: RunSummary['kind'] = 'base') => ({ id, model, kind }) as RunSummary;
  it('pairs the latest base run of each model, least alike first and undefined agreements last', () => {
    expect(latestBaseRuns([run(1, 'kred'), run(2, 'pagerank'), run(3, 'kred'), run(4, 'kred', 'whatif')]).map((r) => r.id)).toEqual([2, 3]);
    const pair = (a: number, b: number, spearman: number | null) => ({ a: run(a, 'x'), b: run(b, 'y'), n: 10, spearman });
    expect(leastAlike([pair(1, 2, 0.9), pair(1, 3, null), pair(2, 3, 0.1), pair(1, 4, 0.1)], 3).map((p) => `${p.a.id}-${p.b.id}`)).toEqual(['1-4', '2-3', '1-2']);
  });
});

describe('an account profile', () => {
  const row = {
    platform_id: '42', handle: 'jess', display_name: 'Jess', bio: 'jess, 15 | she/her', location: 'Glasgow, Scotland',
    followers: 120, following: 80, post_count: 900, created_at: Date.UTC(2019, 0, 2), placeholder: 0, posts: 3,
  };
  it('withholds a minor’s name, handle, bio and location unless asked for', () => {
    expect(profileOf(row, false)).toMatchObject({ accountId: '42', handle: null, displayName: null, bio: null, location: null, place: null, minor: true, followers: 120 });
    expect(profileOf(row, true)).toMatchObject({ handle: 'jess', location: 'Glasgow, Scotland', place: { label: 'Glasgow, Scotland, United Kingdom' }, createdAt: '2019-01-02T00:00:00.000Z' });
  });
});
