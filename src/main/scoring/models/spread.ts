import type { z } from 'zod';
import { spreadModel } from '../../../shared/models/spread';
import type { Csr } from '../graph/csr';
import { defineImplementation, type Contribution } from '../model';

type SpreadParams = z.infer<typeof spreadModel.params>;

const TWO_32 = 4294967296;
const GOLDEN = 0x9e3779b9;
/** Activations (queue pops) between two cancellation checks: a few milliseconds of work. */
const WORK_PER_CHECK = 1 << 20;

/** lowbias32 from Wellons' hash prospector: a bijection on 32-bit words with very low avalanche bias. */
function mix32(x: number): number {
  x ^= x >>> 16;
  x = Math.imul(x, 0x7feb352d);
  x ^= x >>> 15;
  x = Math.imul(x, 0x846ca68b);
  return (x ^ (x >>> 16)) >>> 0;
}

/**
 * Independent Cascade simulations over `rows`, where row u lists the accounts u can activate (the accounts giving
 * u attention). The coin of edge e in cascade (source, run) is mix32(key(source, run) ^ e * GOLDEN), a pure
 * function of those counters: no cascade depends on which ran before it, so estimates are independent of
 * iteration order and an explanation replays a run's cascades exactly.
 */
export class CascadeSimulator {
  /** Accounts activated by the last cascade in activation order, the source first: queue[0 .. size). */
  readonly queue: Int32Array;
  private readonly stamp: Int32Array;
  private mark = 0;
  /** The key of the last source: every run of an account comes in a row, so it is mixed once per account. */
  private lastSource = -1;
  private sourceKey = 0;
  private readonly rows: Csr;
  private readonly seedKey: number;
  private readonly byWeight: boolean;
  private readonly certain: boolean;
  /** 1 / ln(1 - p): turns a uniform draw into the number of failed edges before the next success. */
  private readonly gapScale: number;
  /** (1 - p)^(row length) x 2^32: a first draw at or below it means no success in the row, without a logarithm. */
  private readonly quietBelow: Float64Array;

  constructor(rows: Csr, params: SpreadParams, seed: number) {
    this.rows = rows;
    this.queue = new Int32Array(rows.nodeCount);
    this.stamp = new Int32Array(rows.nodeCount);
    this.seedKey = mix32(mix32(seed >>> 0) ^ (Math.floor(seed / TWO_32) >>> 0));
    this.byWeight = params.edge_probability === 'weight';
    this.certain = !this.byWeight && params.probability >= 1;
    this.gapScale = 1 / Math.log1p(-params.probability);
    this.quietBelow = new Float64Array(rows.nodeCount);
    if (this.byWeight || this.certain) return;
    for (let u = 0; u < rows.nodeCount; u++) {
      this.quietBelow[u] = (1 - params.probability) ** (rows.offsets[u + 1]! - rows.offsets[u]!) * TWO_32;
    }
  }

  /** Runs cascade number `run` from `source` and returns its size. */
  run(source: number, run: number): number {
    if (this.mark === 0x7fffffff) {
      this.stamp.fill(0);
      this.mark = 0;
    }
    const mark = ++this.mark;
    const { offsets, targets, weights } = this.rows;
    const { stamp, queue, byWeight, certain, gapScale, quietBelow } = this;
    if (source !== this.lastSource) {
      this.lastSource = source;
      this.sourceKey = mix32(this.seedKey ^ Math.imul(source, GOLDEN));
    }
    const key = mix32((this.sourceKey + run) | 0);
    stamp[source] = mark;
    queue[0] = source;
    let size = 1;
    for (let head = 0; head < size; head++) {
      const u = queue[head]!;
      const end = offsets[u + 1]!;
      let e = offsets[u]!;
      if (byWeight) {
        for (; e < end; e++) {
          const v = targets[e]!;
          // Comparing against weight x 2^32 caps the probability at 1 without a min().
          if (stamp[v] !== mark && mix32(key ^ Math.imul(e, GOLDEN)) < weights[e]! * TWO_32) {
            stamp[v] = mark;
            queue[size++] = v;
          }
        }
        continue;
      }
      if (!certain) {
        if (e === end) continue;
        // Geometric skipping: a draw gives the number of failed edges before the next success, so a row costs one
        // draw per success instead of one coin per edge; the draw made at edge e is e's coin.
        const first = mix32(key ^ Math.imul(e, GOLDEN)) + 1;
        if (first <= quietBelow[u]!) continue;
        e += Math.floor(Math.log(first / TWO_32) * gapScale);
      }
      while (e < end) {
        const v = targets[e]!;
        if (stamp[v] !== mark) {
          stamp[v] = mark;
          queue[size++] = v;
        }
        if (++e < end && !certain) e += Math.floor(Math.log((mix32(key ^ Math.imul(e, GOLDEN)) + 1) / TWO_32) * gapScale);
      }
    }
    return size;
  }
}

const short = (x: number) => String(Number(x.toPrecision(6)));

export const spreadImplementation = defineImplementation<SpreadParams>({
  id: spreadModel.id,
  needs: {},

  score(input, params, context) {
    const n = input.graph.nodeCount;
    const simulator = new CascadeSimulator(input.graph.incoming(), params, context.seed);
    const score = new Float64Array(n);
    const stderr = new Float64Array(n);
    const { runs } = params;
    let work = 0;
    let activations = 0;
    for (let v = 0; v < n; v++) {
      let sum = 0;
      let sumOfSquares = 0;
      for (let r = 0; r < runs; r++) {
        const size = simulator.run(v, r);
        sum += size;
        sumOfSquares += size * size;
      }
      const mean = sum / runs;
      score[v] = mean;
      stderr[v] = runs > 1 ? Math.sqrt(Math.max(0, (sumOfSquares - sum * mean) / (runs - 1)) / runs) : Number.NaN;
      activations += sum;
      work += sum;
      if (work >= WORK_PER_CHECK) {
        work = 0;
        context.checkCancelled();
        context.progress(v / n, `account ${v + 1} of ${n}`);
      }
    }
    context.progress(1, 'done');
    return { outputs: { score, stderr }, stats: { cascades: n * runs, activations } };
  },

  explain(input, params, outputs, node, context, limit) {
    const rows = input.graph.incoming();
    const simulator = new CascadeSimulator(rows, params, context.seed);
    const hits = new Int32Array(rows.nodeCount);
    const reached: number[] = [];
    let activations = 0;
    for (let r = 0; r < params.runs; r++) {
      if ((r & 0x3ff) === 0) context.checkCancelled();
      const size = simulator.run(node, r);
      activations += size;
      for (let i = 1; i < size; i++) if (hits[simulator.queue[i]!]!++ === 0) reached.push(simulator.queue[i]!);
    }
    const mean = activations / params.runs;
    const contributions: Contribution[] = reached
      .map((v) => ({
        node: v,
        label: `activated in ${hits[v]} of ${params.runs} cascades`,
        value: hits[v]! / params.runs,
        share: hits[v]! / activations,
      }))
      .sort((a, b) => b.value - a.value || a.node - b.node)
      .slice(0, limit);
    let direct = 0;
    for (let e = rows.offsets[node]!; e < rows.offsets[node + 1]!; e++) if (rows.targets[e] !== node) direct++;
    return {
      summary:
        `Starting a cascade alone, the account activates ${short(mean)} accounts on average, itself included ` +
        `(standard error ${short(outputs.stderr![node]!)}, ${params.runs} simulated cascades); ` +
        `${reached.length} other accounts were reached at least once.`,
      factors: [
        { label: 'expected cascade size', value: mean, note: 'the account itself counts 1' },
        { label: 'standard error', value: outputs.stderr![node]! },
        { label: 'cascades simulated', value: params.runs },
        {
          label: 'activation probability',
          value: params.edge_probability === 'weight' ? 'min(1, edge weight)' : params.probability,
        },
        { label: 'accounts giving it attention', value: direct, note: 'those it can activate directly' },
        { label: 'accounts reached at least once', value: reached.length },
      ],
      contributions,
    };
  },
});
