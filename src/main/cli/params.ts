import { UsageError } from './command';

/**
 * `--param key=value` pairs as a parameter object. Values are JSON when they parse as JSON (numbers, booleans,
 * arrays, objects), a comma-separated list otherwise when they contain commas, else a string; `a.b=1` nests.
 */
export function parseParams(pairs: readonly string[]): Record<string, unknown> {
  const params: Record<string, unknown> = {};
  for (const pair of pairs) {
    const at = pair.indexOf('=');
    if (at <= 0) throw new UsageError(`--param expects key=value, found "${pair}"`);
    const path = pair.slice(0, at).trim().split('.');
    let target = params;
    for (const key of path.slice(0, -1)) {
      const next = target[key];
      if (next !== undefined && (typeof next !== 'object' || next === null || Array.isArray(next))) {
        throw new UsageError(`--param ${pair}: "${key}" is already set to a value`);
      }
      target = (target[key] ??= {}) as Record<string, unknown>;
    }
    target[path.at(-1)!] = parseValue(pair.slice(at + 1));
  }
  return params;
}

function parseValue(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return text.includes(',') ? text.split(',').map((item) => item.trim()) : text;
  }
}
