/**
 * An interaction's weight as stored: a finite number of 0 or more. A negative weight makes PageRank's row sums
 * meaningless (a weight of -1 gave a PageRank of 1e12 and a Kred score of -4994 on its 1-1000 scale) and an
 * infinite one (1e309 reads as Infinity) makes every sum it enters infinite, so both are refused at import like
 * text that is not a number. Returns the weight, or the reason it cannot be stored.
 */
export function readWeight(text: string): number | string {
  const weight = Number(text);
  if (text.trim() === '' || Number.isNaN(weight)) return `the weight ${JSON.stringify(text)} is not a number`;
  return checkWeight(weight, JSON.stringify(text));
}

/** The same rule for a weight that is already a number (JSON files); `shown` is how the message quotes it. */
export function checkWeight(weight: number, shown = String(weight)): number | string {
  if (Number.isNaN(weight)) return `the weight ${shown} is not a number`;
  if (!Number.isFinite(weight)) return `the weight ${shown} is infinite (beyond ±1.8e308); weights must be finite`;
  if (weight < 0) return `the weight ${shown} is negative; weights must be 0 or more`;
  return weight;
}
