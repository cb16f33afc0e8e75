import { format, schemeTableau10 } from 'd3';

/** Agreement statistics print with 3 decimals; the exact value goes in a data-value attribute beside it. */
export const fixed3 = (value: number | null): string => (value === null ? 'n/a' : value.toFixed(3));

const significant = format('.4~g');
/** Scores span many magnitudes across models (PageRank ~1e-3, in-degree ~1e2), so they print with 4 significant digits. */
export const sig4 = (value: number | null): string => (value === null ? 'n/a' : significant(value));

/** The attribute form of a value: the JSON number as the API sent it, empty for null. */
export const dataValue = (value: number | null): string => (value === null ? '' : String(value));

export const seriesColor = (index: number): string => schemeTableau10[index % schemeTableau10.length] ?? '#333';
