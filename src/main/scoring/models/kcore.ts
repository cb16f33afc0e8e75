import type { z } from 'zod';
import { kcoreModel } from '../../../shared/models/kcore';
import type { Csr } from '../graph/csr';
import { defineImplementation, type Contribution, type ScoreContext } from '../model';

type KcoreParams = z.infer<typeof kcoreModel.params>;

const CANCEL_CHECK_MASK = 0x3fff;

/** In-degree plus out-degree over distinct edges, a self-loop left out of both. */
function degrees(out: Csr, incoming: Csr): Int32Array {
  const n = out.nodeCount;
  const degree = new Int32Array(n);
  for (let v = 0; v < n; v++) {
    let d = out.offsets[v + 1]! - out.offsets[v]! + incoming.offsets[v + 1]! - incoming.offsets[v]!;
    for (let e = out.offsets[v]!; e < out.offsets[v + 1]!; e++) if (out.targets[e] === v) d -= 2;
    degree[v] = d;
  }
  return degree;
}

/**
 * Batagelj-Zaversnik peeling: nodes sit in `vert` bucketed by current degree (bucket d starts at `bin[d]`); taking
 * them in order and moving each higher-degree neighbour down one bucket per listing leaves each node's degree at
 * the moment it is taken, which is its core number. A neighbour listed in both rows (a reciprocal pair) is moved
 * twice, matching the degree that counted it twice; a self-loop never moves because it is not higher than itself.
 */
export function coreNumbers(out: Csr, incoming: Csr, context: ScoreContext): Int32Array {
  const n = out.nodeCount;
  const degree = degrees(out, incoming);
  let maxDegree = 0;
  for (let v = 0; v < n; v++) if (degree[v]! > maxDegree) maxDegree = degree[v]!;
  const bin = new Int32Array(maxDegree + 1);
  for (let v = 0; v < n; v++) bin[degree[v]!]!++;
  let start = 0;
  for (let d = 0; d <= maxDegree; d++) {
    const size = bin[d]!;
    bin[d] = start;
    start += size;
  }
  const pos = new Int32Array(n);
  const vert = new Int32Array(n);
  for (let v = 0; v < n; v++) {
    pos[v] = bin[degree[v]!]!++;
    vert[pos[v]!] = v;
  }
  for (let d = maxDegree; d > 0; d--) bin[d] = bin[d - 1]!;
  bin[0] = 0;

  for (let i = 0; i < n; i++) {
    if ((i & CANCEL_CHECK_MASK) === 0) {
      context.checkCancelled();
      context.progress(i / n, 'peeling');
    }
    const v = vert[i]!;
    const dv = degree[v]!;
    for (let side = 0; side < 2; side++) {
      const { offsets, targets } = side === 0 ? out : incoming;
      for (let e = offsets[v]!; e < offsets[v + 1]!; e++) {
        const u = targets[e]!;
        const du = degree[u]!;
        if (du <= dv) continue;
        const pu = pos[u]!;
        const pw = bin[du]!;
        const w = vert[pw]!;
        if (u !== w) {
          pos[u] = pw;
          vert[pu] = w;
          pos[w] = pu;
          vert[pw] = u;
        }
        bin[du]!++;
        degree[u] = du - 1;
      }
    }
  }
  return degree;
}

const directionLabel = ['receives its attention', 'gives it attention', 'attention both ways'] as const;

export const kcoreImplementation = defineImplementation<KcoreParams>({
  id: kcoreModel.id,
  needs: {},

  score(input, _params, context) {
    const { graph } = input;
    const core = coreNumbers(graph.out, graph.incoming(), context);
    const score = Float64Array.from(core);
    let maxCore = 0;
    for (let v = 0; v < graph.nodeCount; v++) if (core[v]! > maxCore) maxCore = core[v]!;
    context.progress(1, 'done');
    return { outputs: { score }, stats: { max_core: maxCore } };
  },

  explain(input, _params, outputs, node, _context, limit) {
    const { out } = input.graph;
    const incoming = input.graph.incoming();
    const core = outputs.score!;
    const k = core[node]!;
    // Bit 0: the node gives the neighbour attention; bit 1: the neighbour gives the node attention.
    const direction = new Map<number, number>();
    let outDegree = 0;
    let inDegree = 0;
    for (let e = out.offsets[node]!; e < out.offsets[node + 1]!; e++) {
      const u = out.targets[e]!;
      if (u === node) continue;
      direction.set(u, 1);
      outDegree++;
    }
    for (let e = incoming.offsets[node]!; e < incoming.offsets[node + 1]!; e++) {
      const u = incoming.targets[e]!;
      if (u === node) continue;
      direction.set(u, (direction.get(u) ?? 0) | 2);
      inDegree++;
    }
    let linksInCore = 0;
    const inCore: Contribution[] = [];
    for (const [u, bits] of direction) {
      if (core[u]! < k) continue;
      linksInCore += bits === 3 ? 2 : 1;
      inCore.push({ node: u, label: directionLabel[bits - 1]!, value: core[u]!, share: null });
    }
    inCore.sort((a, b) => b.value - a.value || a.node! - b.node!);
    return {
      summary:
        `Coreness ${k}: the account stays in the ${k}-core, where every account keeps at least ${k} links to ` +
        `the others, but not in the ${k + 1}-core. ${linksInCore} of its ${inDegree + outDegree} links go to ` +
        `accounts of coreness ${k} or more.`,
      factors: [
        { label: 'coreness', value: k },
        { label: 'degree', value: inDegree + outDegree, note: 'in-degree + out-degree; a reciprocal pair counts twice' },
        { label: 'in-degree', value: inDegree, note: 'accounts giving it attention' },
        { label: 'out-degree', value: outDegree, note: 'accounts it gives attention to' },
        { label: 'links into the same or a higher core', value: linksInCore },
      ],
      contributions: inCore.slice(0, limit),
    };
  },
});
