import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { egoNetwork, type EgoNetwork } from '../../../src/main/analysis/ego';
import { runImport } from '../../../src/main/import/run-import';
import type { Db } from '../../../src/main/store/db';
import { datasetsDir, tempDb } from '../../helpers';
import { realDatasets } from '../../real-datasets';

/* Ego networks of the karate club, checked against neighbours this test reads from the CSV itself. */

const csvEdges = fs
  .readFileSync(path.join(datasetsDir, 'karate', 'karate_club_weighted.csv'), 'utf8')
  .split('\n')
  .slice(1)
  .filter((line) => line.trim() !== '')
  .map((line) => line.trim().split(',').slice(0, 2) as [string, string]);

const neighbours = new Map<string, Set<string>>();
for (const [a, b] of csvEdges) {
  for (const [from, to] of [[a, b], [b, a]] as const) {
    if (!neighbours.has(from)) neighbours.set(from, new Set());
    neighbours.get(from)!.add(to);
  }
}

/** Distances from `center` up to `depth` steps, the edges taken in either direction. */
function within(center: string, depth: number): Map<string, number> {
  const distance = new Map([[center, 0]]);
  for (let step = 1; step <= depth; step++) {
    for (const [node, d] of [...distance]) {
      if (d !== step - 1) continue;
      for (const next of neighbours.get(node)!) if (!distance.has(next)) distance.set(next, step);
    }
  }
  return distance;
}

/** The CSV's edges between the accounts shown, as the ego network should list them. */
function edgesAmong(network: EgoNetwork) {
  const shown = new Set(network.nodes.map((node) => node.accountId));
  return csvEdges
    .filter(([a, b]) => shown.has(a) && shown.has(b))
    .map(([source, target]) => ({ source, target, kinds: { edge: 1 } }));
}

const sortEdges = <T extends { source: string; target: string }>(edges: T[]) =>
  [...edges].sort((x, y) => Number(x.source) - Number(y.source) || Number(x.target) - Number(y.target));

let db: Db;
let karate: number;
let twitter: number;
beforeAll(async () => {
  db = tempDb().db;
  karate = (await runImport(db, { paths: realDatasets.karate!, dataset: 'karate' })).totals.dataset.id;
  twitter = (await runImport(db, { paths: realDatasets['twitter-v2']!, dataset: 'twitter-v2' })).totals.dataset.id;
});
afterAll(() => db.close());

describe('egoNetwork', () => {
  it.each([1, 2] as const)('finds every member within %i step(s) of each karate member, and the edges among them', (depth) => {
    for (const center of neighbours.keys()) {
      const network = egoNetwork(db, karate, center, { depth });
      const expected = within(center, depth);
      expect(network.center.accountId).toBe(center);
      expect(network.nodes[0]).toEqual({ accountId: center, handle: null, distance: 0 });
      expect(new Map(network.nodes.map((node) => [node.accountId, node.distance]))).toEqual(expected);
      expect(network.nodes.map((node) => node.distance)).toEqual([...expected.values()].sort());
      expect(sortEdges(network.edges)).toEqual(sortEdges(edgesAmong(network)));
      expect(network).toMatchObject({ truncated: false, notice: null });
    }
  });

  it('samples beyond the limit with the seed, keeping the center, and says so', () => {
    const network = egoNetwork(db, karate, '0', { depth: 1, limit: 5, seed: 7 });
    expect(network.truncated).toBe(true);
    expect(network.notice).toBe(`showing 5 of ${neighbours.get('0')!.size + 1} accounts within 1 step, sampled with seed 7`);
    expect(network.nodes).toHaveLength(5);
    expect(network.nodes[0]!.accountId).toBe('0');
    for (const node of network.nodes.slice(1)) expect(neighbours.get('0')!.has(node.accountId)).toBe(true);
    expect(sortEdges(network.edges)).toEqual(sortEdges(edgesAmong(network)));
    expect(egoNetwork(db, karate, '0', { depth: 1, limit: 5, seed: 7 })).toEqual(network);
    const sampleOf = (seed: number) => JSON.stringify(egoNetwork(db, karate, '0', { limit: 5, seed }).nodes);
    const samples = new Set([1, 2, 3, 4, 5, 6].map(sampleOf));
    expect(samples.size).toBeGreaterThan(1);
  });

  it('keeps every distance-1 account when they fit and samples the second ring', () => {
    const expected = within('0', 2);
    const ring1 = [...expected].filter(([, d]) => d === 1).map(([id]) => id);
    const network = egoNetwork(db, karate, '0', { depth: 2, limit: ring1.length + 3, seed: 11 });
    expect(network.notice).toBe(`showing ${ring1.length + 3} of ${expected.size} accounts within 2 steps, sampled with seed 11`);
    expect(network.nodes.filter((node) => node.distance === 1).map((node) => node.accountId).sort()).toEqual(ring1.sort());
    const ring2 = network.nodes.filter((node) => node.distance === 2);
    expect(ring2).toHaveLength(2);
    for (const node of ring2) expect(expected.get(node.accountId)).toBe(2);
  });

  it('finds an account by handle, case-insensitively, with or without "@", and counts interactions by kind', () => {
    const network = egoNetwork(db, twitter, '@breaking911', { depth: 1 });
    expect(network.center.handle).toBe('Breaking911');
    expect(egoNetwork(db, twitter, 'BREAKING911', { depth: 1 })).toEqual(network);
    const rows = db.prepare(`SELECT a.platform_id AS source, t.platform_id AS target, i.kind, count(*) AS count
        FROM interactions i JOIN accounts a ON a.id = i.actor_id JOIN accounts t ON t.id = i.target_id
        WHERE i.dataset_id = ? GROUP BY i.actor_id, i.target_id, i.kind`).all(twitter) as
      { source: string; target: string; kind: string; count: number }[];
    const center = network.center.accountId;
    const ring1 = new Set<string>();
    for (const row of rows) {
      if (row.source === center && row.target !== center) ring1.add(row.target);
      if (row.target === center && row.source !== center) ring1.add(row.source);
    }
    expect(new Set(network.nodes.slice(1).map((node) => node.accountId))).toEqual(ring1);
    const shown = new Set(network.nodes.map((node) => node.accountId));
    const expectedEdges = new Map<string, Record<string, number>>();
    for (const row of rows.filter((r) => shown.has(r.source) && shown.has(r.target))) {
      const key = `${row.source} ${row.target}`;
      expectedEdges.set(key, { ...expectedEdges.get(key), [row.kind]: row.count });
    }
    expect(new Map(network.edges.map((edge) => [`${edge.source} ${edge.target}`, edge.kinds]))).toEqual(expectedEdges);
    // Replies are edges of their own kind; a reply's own @ is no second mention (SPEC derivation rules), so the
    // edges above match the stored interactions kind by kind without a doubled reply.
    expect(network.edges.some((edge) => (edge.kinds.reply ?? 0) > 0)).toBe(true);
  });

  it('names an account it cannot find', () => {
    expect(() => egoNetwork(db, karate, 'nobody-here')).toThrow(/"nobody-here"/);
  });
});
