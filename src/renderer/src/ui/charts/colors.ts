import { hcl } from 'd3';

/** 137.5 degrees, the golden angle: consecutive run ids land far apart on the colour wheel, and never repeat. */
const GOLDEN_ANGLE = 137.508;
/**
 * Lightness 45 of 100 keeps white text on the colour readable (contrast about 5:1, above WCAG's 4.5) and chroma 50
 * keeps every hue inside the sRGB gamut, so no two hues clip to one colour.
 */
const LIGHTNESS = 45;
const CHROMA = 50;
/** Shifts run 1 off pure red, which reads as an error. */
const HUE_OFFSET = 250;

/**
 * A run's colour, from its id alone: the same run has the same colour in every chart, legend, table and card,
 * whatever else is chosen and in whatever order (a colour by position among the chosen runs changes when the
 * choice does).
 */
export function runColor(runId: number): string {
  const hue = (HUE_OFFSET + runId * GOLDEN_ANGLE) % 360;
  return hcl(hue, CHROMA, LIGHTNESS).formatHex();
}
