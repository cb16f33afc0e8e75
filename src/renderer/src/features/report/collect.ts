import type { ApiError } from '../../../../shared/domain';
import type { AuditCase, TopicsOutput } from '../../../../shared/audit';
import type { Explanation, RunDetail } from '../../../../shared/runs';
import type { WindowsOutput } from '../../../../shared/windows';
import { client } from '../../api';

export interface ReportRun {
  detail: RunDetail;
  /** Null where the run did not score the account (excluded, or a what-if run without it). */
  explanation: Explanation | null;
  note: string | null;
}

export interface ReportData {
  dataset: string;
  account: string;
  generatedAt: string;
  runs: ReportRun[];
  topics: TopicsOutput | null;
  cases: AuditCase[];
  /** The case a case report is about; shown first. */
  focus: AuditCase | null;
  windows: { model: string; output: WindowsOutput } | null;
}

export interface ReportRequest {
  dataset: string;
  account: string;
  cases: AuditCase[];
  focus?: AuditCase;
  windows?: ReportData['windows'];
}

/** Reads everything the report shows: each run of the dataset with its manifest and this account's explanation. */
export async function collectReport(request: ReportRequest): Promise<{ ok: true; value: ReportData } | { ok: false; error: ApiError }> {
  const list = await client.call('runs.list', { dataset: request.dataset });
  if (!list.ok) return list;
  const runs = await Promise.all(
    list.value.map(async (summary): Promise<ReportRun | ApiError> => {
      const [detail, explanation] = await Promise.all([
        client.call('runs.show', { run: summary.id }),
        client.call('runs.explain', { run: summary.id, account: request.account, limit: 10 }),
      ]);
      if (!detail.ok) return detail.error;
      return { detail: detail.value, explanation: explanation.ok ? explanation.value : null, note: explanation.ok ? null : explanation.error.message };
    }),
  );
  const failed = runs.find((run): run is ApiError => 'code' in run);
  if (failed) return { ok: false, error: failed };
  // Windowed runs are one per window: the score-over-time chart stands for them, their manifests would bury the rest.
  const kept = (runs as ReportRun[]).filter((run) => !run.detail.manifest.window);
  const topics = await client.call('audit.topics', { dataset: request.dataset, account: request.account });
  return {
    ok: true,
    value: {
      dataset: request.dataset,
      account: request.account,
      generatedAt: new Date().toISOString(),
      runs: kept,
      topics: topics.ok ? topics.value : null,
      cases: request.cases,
      focus: request.focus ?? null,
      windows: request.windows ?? null,
    },
  };
}
