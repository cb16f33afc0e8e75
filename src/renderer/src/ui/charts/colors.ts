import { schemeTableau10 } from 'd3';

export const seriesColor = (index: number): string => schemeTableau10[index % schemeTableau10.length] ?? '#333';
