import { namesAccount } from '../../shared/report';
import type { Explanation } from '../../shared/runs';
import { findRun, listRuns } from '../store/runs';
import { auditHandlers } from './audit';
import { auditTopicHandlers } from './audit-topics';
import type { In, Out, ServiceContext } from './context';
import { requireDataset } from './datasets';
import { ServiceError, toApiError } from './errors';
import { explainAccounts } from './results';
import { runDetail } from './runs';

type Explained = { explanation: Explanation; note: null } | { explanation: null; note: string };

/** One run's explanation of the account, or why there is none; a cancel of the whole call is not a note. */
async function explained(context: ServiceContext, runId: number, account: string, limit: number): Promise<Explained> {
  try {
    const [explanation] = await explainAccounts(context, findRun(context.db, runId)!, [account], limit);
    return { explanation: explanation!, note: null };
  } catch (error) {
    const failure = toApiError(error);
    if (failure.code === 'cancelled') throw error;
    return { explanation: null, note: failure.message };
  }
}

/** The account's topics, or why there are none (no such account): the page shows the rest either way. */
async function topicsOf(context: ServiceContext, input: In<'report.account'>) {
  try {
    const topics = await auditTopicHandlers['audit.topics'](context, { dataset: input.dataset, account: input.account, show_minors: input.show_minors });
    return { topics, topicsNote: null };
  } catch (error) {
    if (!(error instanceof ServiceError) || error.code !== 'not_found') throw error;
    return { topics: null, topicsNote: error.message };
  }
}

/**
 * One account's page and report in one call. The explanations are one interactive job per run, queued in the pool
 * together (so a report of many runs never holds more threads than the pool has); the topics and the stored audit
 * are read in the calling thread, as `audit.topics` and `audit.latest` read them.
 */
export const reportHandlers = {
  'report.account': async (context: ServiceContext, input: In<'report.account'>): Promise<Out<'report.account'>> => {
    const dataset = requireDataset(context, input.dataset);
    const summaries = listRuns(context.db, dataset.id);
    const explainedRuns = summaries.filter((summary) => summary.kind !== 'window');
    const runs = await Promise.all(
      explainedRuns.map(async (summary) => ({
        run: runDetail(context, findRun(context.db, summary.id)!),
        ...(await explained(context, summary.id, input.account, input.limit)),
      })),
    );
    const latest = await auditHandlers['audit.latest'](context, { dataset: input.dataset, show_minors: input.show_minors });
    return {
      dataset: dataset.name,
      account: input.account,
      runs,
      windowRuns: summaries.length - explainedRuns.length,
      ...(await topicsOf(context, input)),
      audit: latest && { run: latest.run, stale: latest.stale },
      cases: (latest?.cases ?? []).filter((item) => item.accounts.some((label) => namesAccount(label, input.account))),
    };
  },
};
