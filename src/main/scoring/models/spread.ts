import { spreadModel } from '../../../shared/models/spread';
import { defineImplementation, type Contribution } from '../model';
import { CascadeSimulator, type SpreadParams } from '../parallel/spread-kernel';
import { solveSpread } from '../parallel/spread-solver';

const short = (x: number) => String(Number(x.toPrecision(6)));

export const spreadImplementation = defineImplementation<SpreadParams>({
  id: spreadModel.id,
  needs: {},

  async score(input, params, context) {
    const n = input.graph.nodeCount;
    const run = await solveSpread({
      rows: input.graph.incoming(),
      settings: params,
      seed: context.seed,
      onProgress: (done) => {
        context.checkCancelled();
        // One phase for the whole run: the progress of a phase that does not change is throttled.
        context.progress(done / Math.max(1, n), 'simulating cascades');
      },
    });
    context.progress(1, 'done');
    return {
      outputs: { score: run.score, stderr: run.stderr },
      // Nothing about how the chunks fell: the same run gives the same manifest.
      stats: { cascades: n * params.runs, activations: run.activations, threads: run.threads },
    };
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
