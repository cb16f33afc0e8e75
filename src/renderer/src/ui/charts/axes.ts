import * as d3 from 'd3';
import { fitText, lineHeight, textWidth, type Box } from './text-extent';

export type NumberScale = d3.ScaleContinuousNumeric<number, number>;

/** d3's axes draw tick labels at 10px, 9px from the axis line (a 6px tick and 3px padding). */
export const TICK_FONT_PX = 10;
const TICK_OFFSET = 9;
/** Axis titles and legend entries. */
export const TITLE_FONT_PX = 12;
/** The least room between two neighbouring tick labels: less and "20k25k30k" reads as one number. */
const LABEL_GAP = 6;
/** Pixels per tick to start from (d3's own examples use 80 across and 50 down); fewer when the labels collide. */
const PX_PER_TICK_X = 80;
const PX_PER_TICK_Y = 50;
/** From this magnitude on, labels use SI prefixes (25k, 1.5M): "1,500,000" is too wide for a tick. */
const SI_FROM = 1000;

export interface TickLabel {
  value: number;
  text: string;
  /** In plot coordinates (origin at the plot's top-left corner). */
  box: Box;
}

/**
 * Linear scales are rounded out to tidy ends; log ones are not, since that can add a whole empty decade. A domain
 * of one value (a run whose scores are all equal) is widened around it: a zero-width scale puts every point in
 * the middle and every tick on top of each other.
 */
export function numberScale(log: boolean, domain: [number, number], range: [number, number]): NumberScale {
  const [low, high] = widened(log, domain);
  return log ? d3.scaleLog().domain([low, high]).range(range) : d3.scaleLinear().domain([low, high]).range(range).nice();
}

function widened(log: boolean, [low, high]: [number, number]): [number, number] {
  if (low !== high) return [low, high];
  if (log) return [low / Math.SQRT2 / 2, high * Math.SQRT2 * 2];
  const pad = Math.abs(low) / 2 || 1;
  return [low - pad, high + pad];
}

/**
 * One tick's text: SI prefixes from 1000 on (25k, 1.5M), below that the decimals the step between ticks needs
 * (linear, trailing zeros trimmed: 0, 0.05, 0.1) or '~g' (log: 0.001, 1e-5).
 */
export function tickFormatter(scale: NumberScale, values: number[]): (value: number) => string {
  const largest = d3.max(values, (value) => Math.abs(value)) ?? 0;
  const isLog = 'base' in scale;
  const step = isLog || values.length < 2 ? largest : Math.abs((values[1] ?? 0) - (values[0] ?? 0));
  const small = isLog ? d3.format('~g') : d3.format(`.${d3.precisionFixed(step || 1)}~f`);
  if (largest < SI_FROM) return small;
  // The fewest significant digits that keep neighbouring ticks apart (d3.precisionRound), trailing zeros trimmed
  // (d3 answers NaN when the step is the largest value: one digit then tells the ticks apart).
  const precision = step >= largest ? 1 : Math.max(1, d3.precisionRound(step, largest));
  const si = d3.format(`.${precision}~s`);
  return (value) => (Math.abs(value) >= SI_FROM ? si(value) : small(value));
}

/** Log ticks from dense to sparse: every tick, mantissas 1-2-5, powers of ten, then every 2nd, 3rd... power. */
function logCandidates(scale: NumberScale): number[][] {
  const all = scale.ticks();
  const mantissa = (value: number) => Math.round(value / 10 ** Math.floor(Math.log10(value) + 1e-9));
  const powers = all.filter((value) => mantissa(value) === 1);
  const sets = [all, all.filter((value) => [1, 2, 5].includes(mantissa(value))), powers];
  for (let every = 2; every < powers.length; every++) sets.push(powers.filter((_, i) => i % every === 0));
  // A domain inside one decade has no power of ten in it: its two ends are the sparsest set.
  if (powers.length < 2) sets.push(scale.domain());
  return sets.filter((set) => set.length > 0);
}

/** Linear ticks from the count the length suggests down to one. */
function linearCandidates(scale: NumberScale, length: number, pxPerTick: number): number[][] {
  const sets: number[][] = [];
  for (let count = Math.max(2, Math.round(length / pxPerTick)); count >= 1; count--) sets.push(scale.ticks(count));
  return sets;
}

function labelsFor(scale: NumberScale, values: number[], orient: 'bottom' | 'left', across: number): TickLabel[] {
  const format = tickFormatter(scale, values);
  const height = lineHeight(TICK_FONT_PX);
  return values.map((value) => {
    const text = format(value);
    const width = textWidth(text, TICK_FONT_PX);
    const at = scale(value);
    const box =
      orient === 'bottom'
        ? { x: at - width / 2, y: across + TICK_OFFSET, width, height }
        : { x: across - TICK_OFFSET - width, y: at - height / 2, width, height };
    return { value, text, box };
  });
}

/** Where a label lies along its axis: [start, end] in x for a bottom axis, in y for a left one. */
const along = (box: Box, orient: 'bottom' | 'left'): [number, number] =>
  orient === 'bottom' ? [box.x, box.x + box.width] : [box.y, box.y + box.height];

/** Neighbours (in drawing order) at least LABEL_GAP apart. */
function apart(labels: TickLabel[], orient: 'bottom' | 'left'): boolean {
  const spans = labels.map((label) => along(label.box, orient)).sort((a, b) => a[0] - b[0]);
  return spans.every((span, i) => i === 0 || span[0] - spans[i - 1]![1] >= LABEL_GAP);
}

/**
 * The tick labels of one axis: as many as its pixel length suggests, thinned until no two collide, leaving out any
 * that would run out of `bounds` (the plot coordinates a label may occupy along the axis). A bottom axis is laid
 * out along x, a left axis along y; `across` is where the axis line is (a bottom axis's y, a left axis's x). When
 * even the sparsest set collides, only its two ends are labelled.
 */
export function planTicks(scale: NumberScale, orient: 'bottom' | 'left', bounds: [number, number], across = 0): TickLabel[] {
  const [from = 0, to = 0] = scale.range();
  const length = Math.abs(to - from);
  const sets = 'base' in scale ? logCandidates(scale) : linearCandidates(scale, length, orient === 'bottom' ? PX_PER_TICK_X : PX_PER_TICK_Y);
  const placed = (values: number[]) =>
    labelsFor(scale, values, orient, across).filter((label) => {
      const [start, end] = along(label.box, orient);
      return start >= bounds[0] && end <= bounds[1];
    });
  for (const values of sets) {
    const labels = placed(values);
    if (labels.length >= Math.min(2, values.length) && apart(labels, orient)) return labels;
  }
  const last = placed(sets.at(-1) ?? []);
  return last.length > 2 ? [last[0]!, last.at(-1)!] : last;
}

export interface LegendItem {
  label: string;
  color: string;
}

export interface PlacedLegendItem extends LegendItem {
  /** The label as drawn (cut to fit the chart's width). */
  text: string;
  /** The swatch's top-left corner and the whole entry's box, in plot coordinates. */
  box: Box;
}

const SWATCH = 12;
const SWATCH_GAP = 5;
const ENTRY_GAP = 16;
const LEGEND_ROW = 18;

/** Legend entries in rows that wrap at `width`, from (x, y); long labels are cut to fit one row. */
export function placeLegend(items: LegendItem[], x: number, y: number, width: number): PlacedLegendItem[] {
  let left = 0;
  let row = 0;
  return items.map((item) => {
    const text = fitText(item.label, Math.max(40, width - SWATCH - SWATCH_GAP), TITLE_FONT_PX);
    const entry = SWATCH + SWATCH_GAP + textWidth(text, TITLE_FONT_PX);
    if (left > 0 && left + entry > width) {
      left = 0;
      row++;
    }
    const box = { x: x + left, y: y + row * LEGEND_ROW, width: entry, height: LEGEND_ROW - 4 };
    left += entry + ENTRY_GAP;
    return { ...item, text, box };
  });
}

export const legendHeight = (placed: PlacedLegendItem[]): number =>
  placed.length === 0 ? 0 : Math.max(...placed.map((item) => item.box.y + LEGEND_ROW)) - Math.min(...placed.map((item) => item.box.y));
