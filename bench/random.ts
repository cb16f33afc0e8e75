export { seededRandom } from '../src/shared/random';

/** Heavy-tailed account picks, as in real interaction data: a few accounts receive most interactions. */
export function zipfPick(random: () => number, n: number): number {
  return Math.min(n - 1, Math.floor(n * random() ** 3));
}
