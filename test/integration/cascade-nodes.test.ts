import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { callService } from '../../src/main/services';
import { datasetsDir, tempDb } from '../helpers';

describe('a cascade\'s nodes, for drawing it', () => {
  it('every stored and reconstructed tree has as many nodes as its size, each parent earlier and valid', async () => {
    const { db } = tempDb();
    const paths = { trees: [path.join(datasetsDir, 'cascades-twitter15')], tweets: [path.join(datasetsDir, 'twitter-v2', 'brexit.jsonl')] };
    for (const [dataset, files] of Object.entries(paths)) expect((await callService('datasets.import', { paths: files, dataset }, { db })).ok).toBe(true);
    for (const dataset of Object.keys(paths)) {
      const cascades = await callService('analysis.cascades', { dataset }, { db });
      if (!cascades.ok) throw new Error(cascades.error.message);
      expect(cascades.value.length).toBeGreaterThan(10);
      for (const cascade of cascades.value) {
        const input = { dataset, cascade_id: cascade.cascade_id, root_post_id: cascade.root_post_id, source: cascade.source };
        const result = await callService('analysis.cascade', input, { db });
        if (!result.ok) throw new Error(result.error.message);
        const { nodes } = result.value;
        expect(nodes.length, cascade.root_post_id).toBe(cascade.size);
        expect(nodes[0]!.parent).toBe(-1);
        expect(nodes.filter((node) => node.parent === -1)).toHaveLength(1);
        for (const node of nodes.slice(1)) expect(node.parent).toBeGreaterThanOrEqual(0);
      }
    }
  });
});
