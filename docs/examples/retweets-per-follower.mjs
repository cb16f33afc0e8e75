// A user model for Influence Lens: retweets received per follower, a crude "amplification rate".
// Copy it into the workbench with `lens models add docs/examples/retweets-per-follower.mjs`.
// The default export is a function: the workbench calls it with { z } (its zod) and uses the model it returns.
export default function model({ z }) {
  const RETWEET = 0; // the index of 'retweet' in the interaction kinds (retweet, quote, reply, mention, follow, endorse, edge)
  return {
    id: 'retweets-per-follower',
    version: '1',
    label: 'Retweets per follower',
    description:
      'Retweets an account received divided by its follower count plus one (accounts without a known follower ' +
      'count divide by 1). High values mark accounts amplified far beyond their audience.',
    citation: 'An example model for the Influence Lens documentation.',
    params: z.object({
      smoothing: z.number().min(0).max(1e6).default(1).describe('added to the follower count before dividing'),
    }),
    outputs: [
      { name: 'score', description: 'retweets received / (followers + smoothing)' },
      { name: 'retweets', description: 'retweets received' },
    ],
    needs: { followers: true, interactions: true },
    timeLimitSeconds: 30,
    // input: nodeCount, accountIds, out/incoming CSR (offsets, targets, weights), outWeight, outDegree, followers,
    // interactions {count, actor, target, kind, weight, time}, posts. Treat every array as read-only.
    score(input, params) {
      const retweets = new Float64Array(input.nodeCount);
      const { interactions } = input;
      for (let i = 0; i < interactions.count; i++) {
        if (interactions.kind[i] === RETWEET && interactions.actor[i] !== interactions.target[i]) retweets[interactions.target[i]] += 1;
      }
      const score = retweets.map((count, node) => {
        const followers = Number.isNaN(input.followers[node]) ? 0 : input.followers[node];
        return count / (followers + params.smoothing);
      });
      return { score, retweets };
    },
  };
}
