/** A small seeded PRNG (mulberry32): benchmarks and generators must produce the same data for the same seed. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Heavy-tailed account picks, as in real interaction data: a few accounts receive most interactions. */
export function zipfPick(random: () => number, n: number): number {
  return Math.min(n - 1, Math.floor(n * random() ** 3));
}
