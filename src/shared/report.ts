import { z } from 'zod';
import { AuditCase, TopicsOutput } from './audit';
import { Explanation, RunDetail } from './runs';

export const AccountReportInput = z.object({
  dataset: z.string().min(1),
  /** A platform id or a handle (with or without @). */
  account: z.string().min(1),
  /** Contributions listed per explanation. */
  limit: z.number().int().min(1).max(100).default(10),
  show_minors: z.boolean().default(false),
});

export const AccountReportRun = z.object({
  run: RunDetail,
  /** Null where the run has no explanation of the account; `note` says why (excluded, dataset changed since). */
  explanation: Explanation.nullable(),
  note: z.string().nullable(),
});
export type AccountReportRun = z.infer<typeof AccountReportRun>;

/**
 * Everything the account page and its report show of one account, in one call: each base and what-if run with the
 * account's score, rank and explanation; its topics; the cases of the dataset's latest stored audit that name it.
 * Window runs (one per window, up to 120 per series) are counted, not explained: a series has its own call.
 */
export const AccountReport = z.object({
  dataset: z.string(),
  account: z.string(),
  runs: z.array(AccountReportRun),
  windowRuns: z.number().int(),
  topics: TopicsOutput.nullable(),
  /** Why there are no topics (no such account in the dataset); null when there are. */
  topicsNote: z.string().nullable(),
  /** The stored audit the cases come from, and why it may differ from one made now; null when none is stored. */
  audit: z.object({ run: z.number().int(), stale: z.array(z.string()) }).nullable(),
  cases: z.array(AuditCase),
});
export type AccountReport = z.infer<typeof AccountReport>;

/** Whether an account label is the account a user named, by platform id or by handle (with or without @, any case). */
export function namesAccount(label: { accountId: string; handle: string | null }, query: string): boolean {
  const handle = query.replace(/^@/, '').toLowerCase();
  return label.accountId === query || (label.handle !== null && label.handle.toLowerCase() === handle);
}
