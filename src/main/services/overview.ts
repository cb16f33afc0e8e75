import type { AuditCase } from '../../shared/audit';
import { statedMinorAge } from '../../shared/minors';
import type { AccountProfile, ModelPair } from '../../shared/overview';
import type { RunSummary } from '../../shared/runs';
import { normalizeLocation } from '../audit/places';
import { findAccountId } from '../store/account-lookup';
import { listRuns } from '../store/runs';
import { auditHandlers } from './audit';
import type { In, Out, ServiceContext } from './context';
import { requireDataset } from './datasets';
import { ServiceError } from './errors';
import { jobValue } from './jobs';

/** At most this many of one kind among the strongest cases, so one prolific detector does not fill the screen. */
const PER_KIND = 2;

/**
 * How much a case moves its subject: |ln(rank without / rank with)| of its what-if (the measure the disagreements
 * use, so halving a rank counts the same anywhere in the ranking). Cases without a what-if (topic flags, minors)
 * come after, by topic strength.
 */
function effect(item: AuditCase): number {
  const w = item.whatif;
  if (!w || w.rank_before === null || w.rank_after === null || w.rank_before < 1 || w.rank_after < 1) return -1;
  return Math.abs(Math.log(w.rank_after / w.rank_before));
}

/**
 * The strongest cases with their positions in the audit's list; equal effects keep the audit's own order. At most
 * PER_KIND of a kind while other kinds have cases left, then the rest in order, so the list is never shorter than
 * the audit allows.
 */
export function strongestCases(cases: readonly AuditCase[], limit: number): { index: number; case: AuditCase }[] {
  const ranked = cases
    .map((item, index) => ({ index, case: item, effect: effect(item), strength: item.strength ?? 0 }))
    .sort((x, y) => y.effect - x.effect || y.strength - x.strength || x.index - y.index);
  const perKind = new Map<string, number>();
  const varied = ranked.filter((entry) => {
    const taken = perKind.get(entry.case.kind) ?? 0;
    perKind.set(entry.case.kind, taken + 1);
    return taken < PER_KIND;
  });
  const rest = ranked.filter((entry) => !varied.includes(entry));
  return [...varied, ...rest].slice(0, limit).map(({ index, case: item }) => ({ index, case: item }));
}

/** The latest base run of each model (by id, the order runs are stored in), oldest model first. */
export function latestBaseRuns(runs: readonly RunSummary[]): RunSummary[] {
  const latest = new Map<string, RunSummary>();
  for (const run of runs) if (run.kind === 'base' && run.id > (latest.get(run.model)?.id ?? 0)) latest.set(run.model, run);
  return [...latest.values()].sort((a, b) => a.id - b.id);
}

/** Least alike first; undefined agreements (a constant run) last, as they say nothing about disagreement. */
export function leastAlike(pairs: ModelPair[], limit: number): ModelPair[] {
  const key = (pair: ModelPair) => pair.spearman ?? Number.POSITIVE_INFINITY;
  return [...pairs].sort((p, q) => key(p) - key(q) || p.a.id - q.a.id || p.b.id - q.b.id).slice(0, limit);
}

interface AccountRow {
  platform_id: string;
  handle: string | null;
  display_name: string | null;
  bio: string | null;
  location: string | null;
  followers: number | null;
  following: number | null;
  post_count: number | null;
  created_at: number | null;
  placeholder: number;
  posts: number;
}

/** Spearman of every pair of the runs, measured on a pool thread (task `modelAgreement`), with each run's summary. */
async function modelPairs(context: ServiceContext, runs: readonly RunSummary[]): Promise<ModelPair[]> {
  if (runs.length < 2) return [];
  const byId = new Map(runs.map((run) => [run.id, run]));
  const measured = await jobValue(context, 'modelAgreement', { dbPath: context.db.name, runs: runs.map((run) => run.id) });
  return measured.map(({ a, b, n, spearman }) => ({ a: byId.get(a)!, b: byId.get(b)!, n, spearman }));
}

/**
 * The Start screen's summary of a dataset, and the account page's header: both read only what is stored. The
 * summary's pairs read every latest run's scores, so they are measured in the job pool while the engine answers
 * other calls.
 */
export const overviewHandlers = {
  'overview.dataset': async (context: ServiceContext, input: In<'overview.dataset'>): Promise<Out<'overview.dataset'>> => {
    const dataset = requireDataset(context, input.dataset);
    const latest = await auditHandlers['audit.latest'](context, { dataset: dataset.name, show_minors: false });
    const runs = latestBaseRuns(listRuns(context.db, dataset.id));
    const pairs = await modelPairs(context, runs);
    return {
      dataset: dataset.name,
      audit: latest && { run: latest.run, stale: latest.stale, cases: latest.cases.length, counts: latest.manifest.counts },
      strongest: latest ? strongestCases(latest.cases, input.cases) : [],
      latestRuns: runs,
      disagreements: leastAlike(pairs, input.pairs),
    };
  },
  'accounts.show': async (context: ServiceContext, input: In<'accounts.show'>): Promise<Out<'accounts.show'>> => {
    const dataset = requireDataset(context, input.dataset);
    const id = findAccountId(context.db, dataset.id, input.account);
    if (id === undefined) throw new ServiceError('not_found', `no account "${input.account}" in "${dataset.name}"`);
    const row = context.db
      .prepare(
        `SELECT platform_id, handle, display_name, bio, location, followers, following, post_count, created_at, placeholder,
           (SELECT count(*) FROM posts WHERE posts.author_id = accounts.id) AS posts
         FROM accounts WHERE id = ?`,
      )
      .get(id) as AccountRow;
    return profileOf(row, input.show_minors);
  },
};

/** The profile as shown: a minor's identifying fields withheld unless asked for, the location read as a place. */
export function profileOf(row: AccountRow, showMinors: boolean): AccountProfile {
  const minor = statedMinorAge(row.bio) !== null;
  const withheld = minor && !showMinors;
  const location = withheld ? null : row.location;
  return {
    accountId: row.platform_id,
    handle: withheld ? null : row.handle,
    displayName: withheld ? null : row.display_name,
    bio: withheld ? null : row.bio,
    location,
    place: location ? normalizeLocation(location) : null,
    followers: row.followers,
    following: row.following,
    postCount: row.post_count,
    postsInDataset: row.posts,
    createdAt: row.created_at === null ? null : new Date(row.created_at).toISOString(),
    placeholder: row.placeholder === 1,
    minor,
  };
}
