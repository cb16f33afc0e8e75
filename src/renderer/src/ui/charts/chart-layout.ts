import { numberScale, placeLegend, legendHeight, planTicks, TICK_FONT_PX, TITLE_FONT_PX, type LegendItem, type NumberScale, type PlacedLegendItem, type TickLabel } from './axes';
import { fitText, lineHeight, textWidth, type Box } from './text-extent';

export interface AxisSpec {
  log: boolean;
  /** The data's extent; one value (a constant run) is widened by numberScale. */
  domain: [number, number];
  title: string;
}

export interface PlacedTitle {
  text: string;
  /** Where the text is anchored (its middle, on the baseline), and the box it covers, in plot coordinates. */
  x: number;
  y: number;
  box: Box;
}

export interface ChartLayout {
  width: number;
  height: number;
  margin: { top: number; right: number; bottom: number; left: number };
  inner: { width: number; height: number };
  x: { scale: NumberScale; ticks: TickLabel[]; title: PlacedTitle };
  /** The y title is drawn rotated a quarter turn to the left around its anchor. */
  y: { scale: NumberScale; ticks: TickLabel[]; title: PlacedTitle };
  legend: PlacedLegendItem[];
}

const TICK_OFFSET = 9;
const GAP = 6;
const EDGE = 6;
const RIGHT = 18;
/** Below a title's baseline: 0.2 em of descenders. */
const DESCENT = 0.2;

/**
 * Where everything of a two-axis chart goes, computed without a DOM: the legend in rows across the top, then the y
 * axis (its widest tick label sets the left margin, so "0.00002" never runs into the axis title), then the x axis
 * across what is left. Every box is in plot coordinates: the SVG spans [-left, width - left] x [-top, height - top].
 */
export function layoutChart(width: number, height: number, xAxis: AxisSpec, yAxis: AxisSpec, legendItems: LegendItem[]): ChartLayout {
  const titleHeight = lineHeight(TITLE_FONT_PX);
  const tickHeight = lineHeight(TICK_FONT_PX);
  const legendInSvg = placeLegend(legendItems, EDGE, EDGE, width - 2 * EDGE);
  const top = Math.max(12, Math.ceil(EDGE + legendHeight(legendInSvg) + GAP));
  const bottom = Math.ceil(TICK_OFFSET + tickHeight + GAP + titleHeight + EDGE);
  const innerHeight = Math.max(10, height - top - bottom);
  const y = numberScale(yAxis.log, yAxis.domain, [innerHeight, 0]);
  const yTicks = planTicks(y, 'left', [-top, innerHeight + TICK_OFFSET]);
  const widestY = Math.max(0, ...yTicks.map((tick) => tick.box.width));
  const left = Math.ceil(TICK_OFFSET + widestY + GAP + titleHeight + EDGE);
  const innerWidth = Math.max(10, width - left - RIGHT);
  const x = numberScale(xAxis.log, xAxis.domain, [0, innerWidth]);
  const xTicks = planTicks(x, 'bottom', [-left + titleHeight + EDGE, innerWidth + RIGHT], innerHeight);

  const xText = fitText(xAxis.title, innerWidth, TITLE_FONT_PX);
  const xWidth = textWidth(xText, TITLE_FONT_PX);
  const xTop = innerHeight + TICK_OFFSET + tickHeight + GAP;
  const xTitle = {
    text: xText,
    x: innerWidth / 2,
    y: xTop + titleHeight * (1 - DESCENT),
    box: { x: innerWidth / 2 - xWidth / 2, y: xTop, width: xWidth, height: titleHeight },
  };
  const yText = fitText(yAxis.title, innerHeight, TITLE_FONT_PX);
  const yWidth = textWidth(yText, TITLE_FONT_PX);
  const yRight = -(TICK_OFFSET + widestY + GAP);
  const yTitle = {
    text: yText,
    x: yRight - titleHeight * DESCENT,
    y: innerHeight / 2,
    box: { x: yRight - titleHeight, y: innerHeight / 2 - yWidth / 2, width: titleHeight, height: yWidth },
  };
  const legend = legendInSvg.map((item) => ({ ...item, box: { ...item.box, x: item.box.x - left, y: item.box.y - top } }));
  return {
    width,
    height,
    margin: { top, right: RIGHT, bottom, left },
    inner: { width: innerWidth, height: innerHeight },
    x: { scale: x, ticks: xTicks, title: xTitle },
    y: { scale: y, ticks: yTicks, title: yTitle },
    legend,
  };
}

/** Every labelled box of a layout, named, for checks that nothing overlaps or leaves the SVG. */
export function labelledBoxes(layout: ChartLayout): { name: string; box: Box }[] {
  return [
    ...layout.x.ticks.map((tick) => ({ name: `x tick ${tick.text}`, box: tick.box })),
    ...layout.y.ticks.map((tick) => ({ name: `y tick ${tick.text}`, box: tick.box })),
    { name: 'x title', box: layout.x.title.box },
    { name: 'y title', box: layout.y.title.box },
    ...layout.legend.map((item) => ({ name: `legend ${item.text}`, box: item.box })),
  ];
}
