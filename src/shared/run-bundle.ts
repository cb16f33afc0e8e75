import { z } from 'zod';
import { RunManifest } from './runs';

/** The files of an exported run (`lens runs export`), each read back by `lens runs verify`. */
export const BUNDLE_FILES = { manifest: 'manifest.json', scores: 'scores.csv', dataset: 'dataset.sha256' } as const;

/** manifest.json: the run's number in the database it came from, and its manifest as stored. */
export const BundleManifest = z.object({ run: z.number().int(), exportedAt: z.string(), manifest: RunManifest });
export type BundleManifest = z.infer<typeof BundleManifest>;

export const ExportInput = z.object({ run: z.number().int().min(1), out: z.string().min(1) });
export const ExportOutput = z.object({ run: z.number().int(), dir: z.string(), files: z.array(z.string()) });

export const VerifyInput = z.object({ dir: z.string().min(1) });

/** One thing that differs between a bundle and what the database gives now. */
export const VerifyDifference = z.object({
  /** dataset, derivation, model, scores, bundle (the bundle's own files disagree with each other) */
  what: z.enum(['dataset', 'derivation', 'model', 'scores', 'bundle']),
  bundle: z.string(),
  database: z.string(),
});
export type VerifyDifference = z.infer<typeof VerifyDifference>;

export const VerifyOutput = z.object({
  run: z.number().int(),
  identical: z.boolean(),
  differences: z.array(VerifyDifference),
  /** Differences that do not change the numbers: another build of the app, another dataset id. */
  notes: z.array(z.string()),
});
export type VerifyOutput = z.infer<typeof VerifyOutput>;
