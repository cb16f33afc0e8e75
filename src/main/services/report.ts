import { namesAccount } from '../../shared/report';
import type { Explanation } from '../../shared/runs';
import { findRun, listRuns } from '../store/runs';
import { auditHandlers } from './audit';
import type { In, Out, ServiceContext } from './context';
import { requireDataset } from './datasets';
import { ServiceError, toApiError } from './errors';
import { jobValue } from './jobs';
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

/**
 * The account's topics, or why there are none (no such account): the page shows the rest either way. The same job
 * as `audit.topics`, but interactive: the user is waiting on this page, so it goes before a score or an audit that
 * is queued or started meanwhile (the account page used to wait 12-20 s behind the audit its own visit started).
 */
async function topicsOf(context: ServiceContext, datasetId: number, input: In<'report.account'>) {
  try {
    const job = { dbPath: context.db.name, datasetId, account: input.account, showMinors: input.show_minors };
    return { topics: await jobValue(context, 'auditTopics', job, { priority: 'interactive' }), topicsNote: null };
  } catch (error) {
    if (!(error instanceof ServiceError) || error.code !== 'not_found') throw error;
    return { topics: null, topicsNote: error.message };
  }
}

/**
 * One account's page and report in one call. The explanations (one interactive job per run) and the topics (one
 * interactive job) are queued in the pool together, so they run side by side where the pool has threads and never
 * hold more than it has; the stored audit is read in the calling thread meanwhile, as `audit.latest` reads it.
 */
export const reportHandlers = {
  'report.account': async (context: ServiceContext, input: In<'report.account'>): Promise<Out<'report.account'>> => {
    const dataset = requireDataset(context, input.dataset);
    const summaries = listRuns(context.db, dataset.id);
    const explainedRuns = summaries.filter((summary) => summary.kind !== 'window');
    const topics = topicsOf(context, dataset.id, input);
    const explanations = Promise.all(
      explainedRuns.map(async (summary) => ({
        run: runDetail(context, findRun(context.db, summary.id)!),
        ...(await explained(context, summary.id, input.account, input.limit)),
      })),
    );
    // One Promise.all over both: a failure of either is the call's, and the other's is never left unhandled.
    const [runs, topicsPart] = await Promise.all([explanations, topics]);
    const latest = await auditHandlers['audit.latest'](context, { dataset: input.dataset, show_minors: input.show_minors });
    return {
      dataset: dataset.name,
      account: input.account,
      runs,
      windowRuns: summaries.length - explainedRuns.length,
      ...topicsPart,
      audit: latest && { run: latest.run, stale: latest.stale },
      cases: (latest?.cases ?? []).filter((item) => item.accounts.some((label) => namesAccount(label, input.account))),
    };
  },
};
