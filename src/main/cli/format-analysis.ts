import type { CompareOutput, DisagreementsOutput, DistributionOutput, NoiseCeiling, WhatIfOutput } from '../../shared/analysis';
import type { Explanation } from '../../shared/runs';
import { accountName, shortNumber } from './format';

const num = (value: number | null, digits = 3) => (value === null ? '-' : value.toFixed(digits));

type Pair = CompareOutput['pairs'][number];
type Interval = { low: number; high: number } | null | undefined;

/** "0.830 [0.790, 0.860]", or the figure alone without an interval. */
function withInterval(value: number | null, interval: Interval): string {
  return interval ? `${num(value)} [${num(interval.low)}, ${num(interval.high)}]` : num(value);
}

const percent = (share: number | null) => (share === null ? '-' : `${(share * 100).toFixed(1)}%`);

function tieLine(run: number, ties: Pair['ties']['a']): string {
  const largest = ties.largest_group > 1 ? `, largest group ${ties.largest_group} at ${shortNumber(ties.largest_group_score)}` : '';
  return `run ${run}: ${percent(ties.tied_share)} of ${ties.scored} scores tied${largest}`;
}

function pairLines(pair: Pair): string[] {
  const iv = pair.intervals;
  const lines = [
    `run ${pair.a} vs run ${pair.b}: ${pair.n} accounts scored by both` +
      (pair.only_a || pair.only_b ? ` (by one run only: ${pair.only_a} + ${pair.only_b})` : ''),
    `  Spearman rho     ${withInterval(pair.spearman, iv?.spearman)}`,
    `  Kendall tau-b    ${withInterval(pair.kendall_tau_b, iv?.kendall_tau_b)}`,
    `  RBO              ${withInterval(pair.rbo, iv?.rbo)}`,
  ];
  for (const [k, value] of Object.entries(pair.jaccard)) {
    const range = pair.jaccard_range[k]!;
    const cuts = range.min === range.max ? '' : `  (ties cut: ${num(range.min)} to ${num(range.max)} over the cuts)`;
    lines.push(`  Jaccard top ${k.padEnd(4)} ${withInterval(value, iv?.jaccard[k])}${cuts}`);
  }
  for (const [name, segment] of [['top 10%', pair.segments.top10], ['top 1% ', pair.segments.top1]] as const) {
    const seg = name === 'top 10%' ? iv?.segments.top10 : iv?.segments.top1;
    const tied = segment.tied_past_cut > 0 ? ` (+${segment.tied_past_cut} tied past the cut)` : '';
    lines.push(`  ${name} n=${segment.n}${tied}: rho ${withInterval(segment.spearman, seg?.spearman)}, tau-b ${withInterval(segment.kendall_tau_b, seg?.kendall_tau_b)}`);
  }
  lines.push(`  ties: ${tieLine(pair.a, pair.ties.a)}; ${tieLine(pair.b, pair.ties.b)}`);
  for (const warning of pair.warnings) lines.push(`  note: ${warning}`);
  return lines;
}

/** "run 12 (spread, seed 1) agrees with itself under seed 2 (run 15, ...) at Spearman 0.74, ...". */
export function noiseCeilingLine(ceiling: NoiseCeiling): string {
  const who = `run ${ceiling.run} (${ceiling.model}, seed ${ceiling.seed})`;
  if (ceiling.reseeded_run === null) return `${who}: no noise ceiling: ${ceiling.note}`;
  const how = ceiling.source === 'scored' ? 'scored now and stored as a normal run' : 'a stored run';
  const jaccard = Object.entries(ceiling.jaccard).map(([k, value]) => `top-${k} Jaccard ${num(value)}`);
  const figures = [`Spearman ${num(ceiling.spearman)}`, `Kendall tau-b ${num(ceiling.kendall_tau_b)}`, `RBO ${num(ceiling.rbo)}`, ...jaccard];
  return (
    `${who} agrees with itself under seed ${ceiling.reseeded_seed} (run ${ceiling.reseeded_run}, ${how}) at ${figures.join(', ')}` +
    `: no pair with run ${ceiling.run} can be read beyond that`
  );
}

/** A Spearman matrix over the runs, then every pair's figures with their 95% intervals, tie shares and notes. */
export function formatComparison(output: CompareOutput): string {
  const runs = [...new Set(output.pairs.flatMap((pair) => [pair.a, pair.b]))];
  const cell = (a: number, b: number) => {
    if (a === b) return '1'.padStart(8);
    const pair = output.pairs.find((p) => (p.a === a && p.b === b) || (p.a === b && p.b === a));
    return num(pair?.spearman ?? null).padStart(8);
  };
  const lines = ['Spearman rho (all accounts scored by both runs)', `${'run'.padStart(6)}${runs.map((r) => String(r).padStart(8)).join('')}`];
  for (const a of runs) lines.push(`${String(a).padStart(6)}${runs.map((b) => cell(a, b)).join('')}`);
  for (const pair of output.pairs) lines.push('', ...pairLines(pair));
  if (output.noise_ceiling.length > 0) lines.push('', 'noise ceiling (the same model, parameters and data under the next seed):');
  for (const ceiling of output.noise_ceiling) lines.push(`  ${noiseCeilingLine(ceiling)}`);
  const { bootstrap } = output;
  lines.push(
    '',
    bootstrap
      ? `[intervals]: 95% bootstrap, ${bootstrap.resamples} resamples, seed ${bootstrap.seed} (${bootstrap.method})` +
          (bootstrap.note ? `\n  ${bootstrap.note}` : '')
      : 'no intervals (--bootstrap 0)',
  );
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
    `ties: ${percent(output.ties.tied_share)} of scores equal another's` +
      (output.ties.largest_group > 1 ? `; largest group ${output.ties.largest_group} at ${shortNumber(output.ties.largest_group_score)}` : ''),
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
