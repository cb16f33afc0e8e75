import fs from 'node:fs';
import path from 'node:path';

/**
 * An edge list as real exports have it: string ids ("user_123"), heavy-tailed targets (a few accounts receive most
 * edges), written to a file. A linear congruential generator keeps it the same on every run.
 */
export function writeEdgeList(file: string, lines: number, accounts = 250_000): string {
  let state = 12345;
  const next = () => (state = (Math.imul(state, 1103515245) + 12345) >>> 0) / 2 ** 32;
  const out = fs.openSync(file, 'w');
  const batch: string[] = [];
  for (let i = 0; i < lines; i++) {
    const source = Math.floor(next() * accounts);
    const target = Math.floor(accounts * next() ** 3);
    batch.push(`user_${source} user_${target}`);
    if (batch.length === 100_000) {
      fs.writeSync(out, batch.join('\n') + '\n');
      batch.length = 0;
    }
  }
  if (batch.length > 0) fs.writeSync(out, batch.join('\n') + '\n');
  fs.closeSync(out);
  return path.resolve(file);
}

/** A call's value, or a thrown error naming its code: engine tests assert on values. */
export const value = <T>(result: { ok: true; value: T } | { ok: false; error: { code: string; message: string } }): T => {
  if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message}`);
  return result.value;
};

/** Settles with the call's result and records the order in which the calls answered. */
export function tracked<T>(order: string[], name: string, call: Promise<T>): Promise<T> {
  return call.then((result) => {
    order.push(name);
    return result;
  });
}
