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

/**
 * Reads everything the report shows in one call (report.account): each base and what-if run with its manifest and
 * this account's explanation, and the account's topics. Window runs are one per window: the score-over-time chart
 * stands for them, their manifests would bury the rest, so report.account counts them without explaining them.
 */
export async function collectReport(request: ReportRequest): Promise<{ ok: true; value: ReportData } | { ok: false; error: ApiError }> {
  const report = await client.call('report.account', { dataset: request.dataset, account: request.account, limit: 10 });
  if (!report.ok) return report;
  return {
    ok: true,
    value: {
      dataset: request.dataset,
      account: request.account,
      generatedAt: new Date().toISOString(),
      runs: report.value.runs.map((run) => ({ detail: run.run, explanation: run.explanation, note: run.note })),
      topics: report.value.topics,
      cases: request.cases,
      focus: request.focus ?? null,
      windows: request.windows ?? null,
    },
  };
}
