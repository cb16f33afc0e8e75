import { describe, expect, it } from 'vitest';
import { CASE_KINDS } from '../../../src/shared/audit';
import { CASE_KIND_TERMS, STAT_TERMS, term } from '../../../src/renderer/src/ui/glossary';
import { describeParam, runLabelText, type LabelledRun } from '../../../src/renderer/src/ui/run-label';
import { formatNumber } from '../../../src/renderer/src/ui/format';
import { evidenceValue } from '../../../src/renderer/src/ui/audit/EvidenceTable';

describe('glossary', () => {
  it('names every case kind the backend can emit, in words, with a one-line tip', () => {
    for (const kind of CASE_KINDS) {
      const entry = term(kind);
      expect(entry, kind).toBe(CASE_KIND_TERMS[kind]);
      expect(entry.name).not.toMatch(/_/);
      expect(entry.tip.length, kind).toBeGreaterThan(30);
      expect(entry.tip).not.toMatch(/\n/);
    }
    expect(Object.keys(CASE_KIND_TERMS).sort()).toEqual([...CASE_KINDS].sort());
  });

  it('explains every statistic, and says why a figure can be n/a where it can', () => {
    for (const [id, entry] of Object.entries(STAT_TERMS)) {
      expect(entry.name.length, id).toBeGreaterThan(0);
      expect(entry.tip.length, id).toBeGreaterThan(20);
    }
    for (const id of ['spearman', 'kendall_tau_b', 'structural_virality', 'na'] as const) expect(STAT_TERMS[id].tip).toMatch(/n\/a|same score|all ties|not defined/);
  });

  it('reads an unknown id as words rather than snake_case', () => {
    expect(term('some_new_thing')).toEqual({ name: 'some new thing', tip: '' });
  });
});

const run = (id: number, model: string, params: Record<string, unknown>, seed = 1, kind: LabelledRun['kind'] = 'base'): LabelledRun => ({
  id,
  dataset: 'congress',
  model,
  params,
  seed,
  kind,
});

describe('run labels', () => {
  const defaults = { alpha: 0.85, edge_direction: 'attention', include_minors: false, weights: { mention: 1, retweet: 1 } };
  const four = run(4, 'pagerank', { ...defaults, alpha: 0.5 });
  const seven = run(7, 'pagerank', { ...defaults, edge_direction: 'influence' });
  const kred = run(8, 'kred', { include_minors: false });
  const all = [four, seven, kred];

  it('carries what differs between runs of the same model and nothing they share', () => {
    expect(runLabelText(seven, all, 'PageRank')).toBe('#7 PageRank, alpha 0.85, influence direction');
    expect(runLabelText(four, all, 'PageRank')).toBe('#4 PageRank, alpha 0.5, attention direction');
  });

  it('keeps a lone run short and names nested and seed differences', () => {
    expect(runLabelText(kred, all, 'Kred')).toBe('#8 Kred');
    const a = run(10, 'spread', { p: 0.01, weights: { mention: 0 } }, 1);
    const b = run(11, 'spread', { p: 0.01, weights: { mention: 1 } }, 2);
    expect(runLabelText(a, [a, b])).toBe('#10 spread, weights.mention 0, seed 1');
  });

  it('marks what-if and window runs, which share their base run parameters', () => {
    const whatif = run(12, 'pagerank', { ...defaults, edge_direction: 'influence' }, 1, 'whatif');
    expect(runLabelText(whatif, [...all, whatif], 'PageRank')).toBe('#12 PageRank, what-if, alpha 0.85, influence direction');
  });

  it('puts parameters in words and numbers to 3 significant digits', () => {
    expect(describeParam('weighted', false)).toBe('not weighted');
    expect(describeParam('kinds', ['retweet', 'mention'])).toBe('kinds retweet+mention');
    expect(describeParam('alpha', 0.9523809523809521)).toBe('alpha 0.952');
    expect(formatNumber(0.9523809523809521)).toBe('0.952');
    expect(formatNumber(10)).toBe('10');
    // Large non-integers in plain notation, never "1.24e+3" (a cascade's half-size time in minutes).
    expect(formatNumber(1240.5)).toBe('1,240');
    expect(formatNumber(-98765.4)).toBe('−98,800');
    expect(formatNumber(2.5e9 + 0.5)).toBe('2,500,000,000');
  });
});

describe('evidence values in words', () => {
  it('reads shares, durations, times and a post’s strength as such', () => {
    expect(evidenceValue('share given by the top reactors', 0.9523809523809521)).toBe('95.2%');
    expect(evidenceValue('mean interval between posts (ms)', 3_600_000 * 3.25)).toBe('3.25 h');
    expect(evidenceValue('window start', Date.UTC(2015, 2, 24, 10, 39))).toBe('2015-03-24 10:39');
    expect(evidenceValue('post naming "bacon"', 1)).toBe('+1 strength');
    expect(evidenceValue('reactions received', 1234)).toBe('1,234');
    expect(evidenceValue('stated age', null)).toBe('–');
  });
});
