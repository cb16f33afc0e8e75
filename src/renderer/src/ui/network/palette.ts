import { schemeTableau10 } from 'd3';

/** Ten distinguishable hues (Tableau 10); communities past the tenth share one grey, named in the legend. */
const COMMUNITY_COLOURS = schemeTableau10;
export const OTHER_COMMUNITIES = '#b8bfcc';
export const SHOWN_COMMUNITIES = COMMUNITY_COLOURS.length;

export const communityColour = (community: number): string => COMMUNITY_COLOURS[community] ?? OTHER_COMMUNITIES;

export const CASE_COLOUR = '#d0452f';
export const NO_CASE_COLOUR = '#8fa6d8';

export const MIN_NODE_SIZE = 3;
export const MAX_NODE_SIZE = 16;

/**
 * Node sizes (pixels) from a value per node, by area: the square root maps the value to the radius, so a node with
 * four times the score looks four times as big, not sixteen. A missing value gets the smallest size.
 */
export function sizesByValue(values: (number | null)[]): number[] {
  const known = values.filter((v): v is number => v !== null && Number.isFinite(v));
  const low = Math.min(0, ...known);
  const high = Math.max(...known, low);
  const span = Math.sqrt(high - low) || 1;
  return values.map((v) =>
    v === null || !Number.isFinite(v) ? MIN_NODE_SIZE : MIN_NODE_SIZE + ((MAX_NODE_SIZE - MIN_NODE_SIZE) * Math.sqrt(v - low)) / span,
  );
}
