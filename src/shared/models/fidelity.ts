import { z } from 'zod';

/**
 * How closely a model follows its source. `published`: a formula published in full (a paper, networkx), with
 * its published constants. `reconstructed`: a public description turned into a formula whose forms, constants or
 * inputs are partly ours: a vendor's account of its score (Kred, Klout, PeerIndex, TweetLevel), or a paper run on
 * other inputs (TwitterRank on hashtags instead of LDA topics); docs/MODELS.md lists each place where ours departs
 * from or fills in the description. `invented`: no public description of the form at all.
 */
export const Fidelity = z.enum(['published', 'reconstructed', 'invented']);
export type Fidelity = z.infer<typeof Fidelity>;

/** One constant of a model: a parameter default or a fixed number of its formula, and where it comes from. */
export const ModelConstant = z.object({
  name: z.string(),
  value: z.union([z.number(), z.string()]),
  /** The source of the value, or "ours:" and why we chose it where no source gives one. */
  source: z.string(),
});
export type ModelConstant = z.infer<typeof ModelConstant>;

/** "Kred (reconstructed)": the name a reader sees wherever a score is shown, so no reader takes it for the vendor's. */
export function withFidelity(name: string, fidelity: Fidelity | undefined): string {
  return fidelity ? `${name} (${fidelity})` : name;
}

/** Constants every model on the interaction graph shares (`graphParams`). */
export const GRAPH_CONSTANTS: readonly ModelConstant[] = [
  {
    name: 'weights',
    value: 1,
    source: 'ours: every interaction kind counts as one unit of attention; no source ranks retweets above mentions',
  },
];
