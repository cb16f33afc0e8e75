import type { DistributionOutput } from '../../shared/analysis';
import { alignRuns } from '../analysis/align';
import { platformIdPositions } from '../analysis/canonical-order';
import { describeDistribution } from '../analysis/distribution';
import { JobError } from '../jobs/errors';
import { rankScores } from '../scoring/rank';
import { readRunResults } from '../store/runs';
import { withReadConnection } from './connection';

// Reads of whole stored runs: a million-account run is 8 MB per output column to read, rank or sort, so these run
// on a job thread with their own connection.

export interface DistributionJob {
  dbPath: string;
  runId: number;
  output: string;
  bins: number;
  ccdfPoints: number;
}

/** Two runs of one dataset (checked by the service), and how many of their most disagreeing accounts to name. */
export interface DisagreementsJob {
  dbPath: string;
  datasetId: number;
  runs: [number, number];
  limit: number;
}
export interface RankDisagreement {
  /** Platform id. */
  accountId: string;
  rankA: number;
  rankB: number;
  /** |ln(rank_a / rank_b)|. */
  ratio: number;
}

export const distribution = (job: DistributionJob) =>
  withReadConnection(job.dbPath, (db): { value: DistributionOutput } => {
    const { outputs } = readRunResults(db, job.runId);
    const column = outputs.find(([name]) => name === job.output);
    if (!column) {
      throw new JobError('invalid_input', `run ${job.runId} has no output "${job.output}"; it has ${outputs.map(([name]) => name).join(', ')}`);
    }
    const described = describeDistribution(column[1], { bins: job.bins, ccdfPoints: job.ccdfPoints });
    return { value: { run: job.runId, output: job.output, ...described } };
  });

/** The accounts both runs scored whose ranks differ most, by |ln(rank_a / rank_b)|. */
export const disagreements = (job: DisagreementsJob) =>
  withReadConnection(job.dbPath, (db): { value: RankDisagreement[] } => {
    const aligned = alignRuns(readRunResults(db, job.runs[0]), readRunResults(db, job.runs[1]));
    const rankA = rankScores(aligned.a).rank;
    const rankB = rankScores(aligned.b).rank;
    const candidates: { index: number; ratio: number }[] = [];
    for (let i = 0; i < aligned.accountIds.length; i++) {
      if (rankA[i]! > 0 && rankB[i]! > 0) candidates.push({ index: i, ratio: Math.abs(Math.log(rankA[i]! / rankB[i]!)) });
    }
    // Equal ratios by the better of the two ranks, then by platform id: never by storage order.
    const position = platformIdPositions(db, job.datasetId, aligned.accountIds);
    const better = (index: number) => Math.min(rankA[index]!, rankB[index]!);
    candidates.sort((x, y) => y.ratio - x.ratio || better(x.index) - better(y.index) || position[x.index]! - position[y.index]!);
    const platformId = db.prepare('SELECT platform_id FROM accounts WHERE id = ?').pluck();
    return {
      value: candidates.slice(0, job.limit).map(({ index, ratio }) => ({
        accountId: platformId.get(aligned.accountIds[index]!) as string,
        rankA: rankA[index]!,
        rankB: rankB[index]!,
        ratio,
      })),
    };
  });
