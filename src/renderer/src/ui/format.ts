import { format } from 'd3';

const threeSignificant = format('.3~g');
/** From 1,000 up, 3 significant digits in plain notation ("1,240"), never "1.24e+3". */
const threeSignificantLarge = format(',.3~r');

/**
 * The one number formatter of the page's text. Integers (counts, ranks) are exact, so they print whole with
 * thousands separators; any other value (scores, statistics) prints with 3 significant digits, which is as far as
 * the noise ceilings let two runs be read apart (Spearman ceilings of seeded runs differ in the 3rd digit). The
 * exact value goes beside it in a data-value attribute (dataValue), where tests and exports read it.
 */
export function formatNumber(value: number | null | undefined): string {
  if (value === null || value === undefined || Number.isNaN(value)) return 'n/a';
  if (Number.isInteger(value)) return value.toLocaleString('en-US');
  return Math.abs(value) >= 1000 ? threeSignificantLarge(value) : threeSignificant(value);
}

/** formatNumber where a missing value shows as a dash ('–'), as on run cards and in the report, not as 'n/a'. */
export const formatNumberOrDash = (value: number | null | undefined): string =>
  value === null || value === undefined ? '–' : formatNumber(value);

/** A share (0..1) as a percentage with the same 3 significant digits. */
export const formatShare = (share: number | null | undefined): string =>
  share === null || share === undefined ? 'n/a' : `${formatNumber(share * 100)}%`;

/** The attribute form of a value: the JSON number as the API sent it, empty for null. */
export const dataValue = (value: number | null): string => (value === null ? '' : String(value));

/** File sizes in binary units, one decimal below 10 (1.5 MB) and none above (120 MB). */
export function bytes(size: number): string {
  if (size < 1024) return `${size} B`;
  const units = ['KB', 'MB', 'GB', 'TB'];
  let value = size / 1024;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  return `${value.toFixed(value < 10 ? 1 : 0)} ${units[unit]}`;
}

/** ISO times shown to the minute, in UTC as stored, so they read the same as the CLI's. */
export const time = (iso: string | null) => (iso ? iso.slice(0, 16).replace('T', ' ') : '—');
