import { findModel } from '../../shared/models';
import { withFidelity } from '../../shared/models/fidelity';
import type { Explanation, ModelInfo, RunDetail, RunSummary, ScoreOutput, ScoresOutput } from '../../shared/runs';

const compact = (value: unknown) => JSON.stringify(value);

export function formatModels(models: ModelInfo[]): string {
  return models
    .map((model) => {
      const properties = (model.params.properties ?? {}) as Record<string, { default?: unknown; description?: string }>;
      const params = Object.entries(properties).map(
        ([name, schema]) => `    ${name} = ${compact(schema.default)}${schema.description ? `  (${schema.description})` : ''}`,
      );
      const constants = (model.constants ?? []).map((c) => `    ${c.name} = ${compact(c.value)}  (${c.source})`);
      return [
        `${model.id} v${model.version}: ${withFidelity(model.label, model.fidelity)}`,
        `  ${model.description}`,
        ...(model.file ? [`  your model: ${model.file} (stopped after ${model.timeLimitSeconds} s)`] : []),
        `  cites: ${model.citation || '-'}`,
        `  outputs: ${model.outputs.map((o) => o.name).join(', ')}`,
        '  params:',
        ...params,
        ...(constants.length > 0 ? ['  constants and their sources:', ...constants] : []),
      ].join('\n');
    })
    .join('\n\n');
}

/**
 * "kred v1 (reconstructed)": a run's model with the fidelity of the built-in model it names. The fidelity comes from
 * the descriptor, since a run can only be scored or rerun with this app's version of it; user models have none.
 */
const modelOfRun = (run: { model: string; version: string }) =>
  withFidelity(`${run.model} v${run.version}`, findModel(run.model)?.fidelity);

export function formatScoreOutput(output: ScoreOutput): string {
  const { run } = output;
  return `run ${run.id}: ${modelOfRun(run)} scored ${output.accounts_scored.toLocaleString('en-US')} accounts` +
    `${output.excluded ? ` (${output.excluded} excluded as likely minors)` : ''} in ${output.seconds.toFixed(2)} s; ` +
    `\`lens scores --run ${run.id}\` lists them`;
}

export function formatRunList(runs: RunSummary[]): string {
  if (runs.length === 0) return 'no runs yet; `lens score --dataset NAME --model ID` makes one';
  return runs
    .map((run) => `${String(run.id).padStart(4)}  ${run.dataset}  ${withFidelity(`${run.model} v${run.version}`, run.fidelity ?? undefined)}  seed ${run.seed}  ` +
      `${run.accountsScored} accounts${run.excluded ? `, ${run.excluded} excluded` : ''}  ${run.finishedAt}  ${compact(run.params)}` +
      warningCodes(run))
    .join('\n');
}

/** The codes of a listed run's warnings (`lens runs show` prints them in full); runs stored before they were kept say so. */
function warningCodes(run: RunSummary): string {
  if (run.warnings === null) return '  warnings: not checked (stored before warnings were kept; rerun to check)';
  return run.warnings.length > 0 ? `  warnings: ${run.warnings.map((w) => w.code).join(', ')}` : '';
}

/** One stderr line per warning, as `lens score` prints them. */
export function warningLines(warnings: ReadonlyArray<{ message: string }>): string[] {
  return warnings.map((warning) => `warning: ${warning.message}`);
}

export function formatRunDetail(run: RunDetail): string {
  return JSON.stringify(run.manifest, null, 2);
}

export function scoresAsJson(scores: ScoresOutput): Record<string, unknown>[] {
  const [, ...extra] = scores.columns;
  return scores.rows.map((row) => ({
    account_id: row.accountId,
    handle: row.handle,
    score: row.values[0] ?? null,
    rank: row.rank,
    ...Object.fromEntries(extra.map((name, i) => [name, row.values[i + 1] ?? null])),
  }));
}

const who = (account: { accountId: string; handle: string | null } | null) =>
  account === null ? '' : account.handle ? `@${account.handle} (${account.accountId})` : account.accountId;

const number = (value: number | string) => (typeof value === 'number' ? Number(value.toPrecision(6)).toString() : value);

export function formatExplanation(explanation: Explanation): string {
  const { run } = explanation;
  const lines = [
    `${who(explanation.account)} in run ${run.id} (${run.model} v${run.version}): score ${explanation.score === null ? 'none' : number(explanation.score)}, rank ${explanation.rank ?? '-'}`,
    explanation.summary,
    '',
    ...explanation.factors.map((f) => `  ${f.label}: ${number(f.value)}${f.note ? `  (${f.note})` : ''}`),
  ];
  if (explanation.contributions.length > 0) {
    lines.push('', 'contributions:');
    for (const c of explanation.contributions) {
      const share = c.share === null ? '' : `  ${(c.share * 100).toFixed(1)}%`;
      lines.push(`  ${number(c.value).toString().padStart(12)}${share}  ${c.label}${c.account ? `  ${who(c.account)}` : ''}`);
    }
  }
  return lines.join('\n');
}
