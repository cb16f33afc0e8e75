import type { CompareOutput, DisagreementsOutput, DistributionOutput, WhatIfOutput } from '../../shared/analysis';
import type { Explanation } from '../../shared/runs';
import { accountName, shortNumber } from './format';

const num = (value: number | null, digits = 3) => (value === null ? '-' : value.toFixed(digits));

/** A Spearman matrix over the runs, then every pair's statistics on one line. */
export function formatComparison(output: CompareOutput): string {
  const runs = [...new Set(output.pairs.flatMap((pair) => [pair.a, pair.b]))];
  const cell = (a: number, b: number) => {
    if (a === b) return '1'.padStart(8);
    const pair = output.pairs.find((p) => (p.a === a && p.b === b) || (p.a === b && p.b === a));
    return num(pair?.spearman ?? null).padStart(8);
  };
  const lines = ['Spearman rho (all accounts scored by both runs)', `${'run'.padStart(6)}${runs.map((r) => String(r).padStart(8)).join('')}`];
  for (const a of runs) lines.push(`${String(a).padStart(6)}${runs.map((b) => cell(a, b)).join('')}`);
  lines.push('', `${'pair'.padEnd(10)} ${'n'.padStart(8)} ${'rho'.padStart(7)} ${'tau-b'.padStart(7)} ${'rbo'.padStart(6)}  jaccard@k          top10% rho/tau    top1% rho/tau`);
  for (const pair of output.pairs) {
    const jaccard = Object.entries(pair.jaccard).map(([k, j]) => `${k}:${num(j, 2)}`).join(' ');
    const { top10, top1 } = pair.segments;
    lines.push(
      `${`${pair.a}-${pair.b}`.padEnd(10)} ${String(pair.n).padStart(8)} ${num(pair.spearman).padStart(7)} ${num(pair.kendall_tau_b).padStart(7)} ` +
        `${num(pair.rbo).padStart(6)}  ${jaccard.padEnd(18)} ${`${num(top10.spearman)}/${num(top10.kendall_tau_b)}`.padEnd(17)} ` +
        `${num(top1.spearman)}/${num(top1.kendall_tau_b)}` +
        (pair.only_a || pair.only_b ? `  (scored by one run only: ${pair.only_a} + ${pair.only_b})` : ''),
    );
  }
  return lines.join('\n');
}

function explanationLines(explanation: Explanation): string[] {
  return [
    `    ${explanation.run.model}: ${explanation.summary}`,
    ...explanation.contributions.slice(0, 3).map((c) => `      ${shortNumber(c.value).padStart(10)}  ${c.label}${c.account ? ` ${accountName(c.account)}` : ''}`),
  ];
}

export function formatDisagreements(output: DisagreementsOutput): string {
  const lines = [`run ${output.a.id} (${output.a.model}) vs run ${output.b.id} (${output.b.model}): biggest rank differences`];
  for (const d of output.accounts) {
    lines.push('', `${accountName(d.account)}  rank ${d.rank_a} vs ${d.rank_b} (x${Math.exp(d.log_rank_ratio).toFixed(1)})`);
    lines.push(...explanationLines(d.explanation_a), ...explanationLines(d.explanation_b));
  }
  return lines.join('\n');
}

const BAR = 40;

export function formatDistribution(output: DistributionOutput): string {
  const lines = [
    `run ${output.run}, output ${output.output}: ${output.n} accounts scored${output.unscored ? `, ${output.unscored} unscored` : ''}`,
    `min ${shortNumber(output.min)}  median ${shortNumber(output.median)}  mean ${shortNumber(output.mean)}  max ${shortNumber(output.max)}  ` +
      `Gini ${num(output.gini)}  top 1% hold ${output.top1Share === null ? '-' : `${(output.top1Share * 100).toFixed(1)}%`}`,
    `percentiles: ${output.percentiles.map((p) => `p${p.p}=${shortNumber(p.value)}`).join('  ')}`,
  ];
  const histogram = output.histogram.log ?? output.histogram.linear;
  const most = Math.max(1, ...histogram.map((bin) => bin.count));
  lines.push('', output.histogram.log ? 'histogram (log-spaced bins):' : 'histogram:');
  for (const bin of histogram) {
    lines.push(`  ${shortNumber(bin.from).padStart(10)} .. ${shortNumber(bin.to).padEnd(10)} ${String(bin.count).padStart(8)} ${'#'.repeat(Math.round((bin.count / most) * BAR))}`);
  }
  return lines.join('\n');
}

export function formatWhatIf(output: WhatIfOutput): string {
  const lines = [
    `run ${output.run.run.id}: run ${output.base} again without ${output.interactions_removed} interactions; ` +
      `${output.accounts_changed} accounts changed score`,
  ];
  if (output.accounts.length > 0) lines.push('', `${'account'.padEnd(24)} ${'before'.padStart(12)} ${'rank'.padStart(6)} ${'after'.padStart(12)} ${'rank'.padStart(6)}`);
  for (const a of output.accounts) {
    lines.push(
      `${accountName(a).padEnd(24)} ${shortNumber(a.before.score).padStart(12)} ${String(a.before.rank ?? '-').padStart(6)} ` +
        `${shortNumber(a.after.score).padStart(12)} ${String(a.after.rank ?? '-').padStart(6)}`,
    );
  }
  return lines.join('\n');
}
