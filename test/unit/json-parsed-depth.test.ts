import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { MAX_JSON_DEPTH, parsedTooDeepAt, tooDeepAt } from '../../src/main/import/formats/json-text';

const nested = (levels: number, inner = '1') => '['.repeat(levels) + inner + ']'.repeat(levels);
const page = (tweets: string) => `{"data":[${tweets}],"pad":[${Array.from({ length: 300 }, () => '{}').join(',')}]}`;

/**
 * parsedTooDeepAt must answer what tooDeepAt answers on the text, for every line JSON.parse accepts, but for a value
 * that a duplicate key dropped (below).
 */
const cases: Record<string, string> = {
  'shallow, few brackets': '{"a":[1,2,{"b":3}]}',
  'shallow, many brackets': page('{"text":"hi"}'),
  'exactly the limit': page(`{"x":${nested(MAX_JSON_DEPTH - 3)}}`),
  'one level too deep': page(`{"x":${nested(MAX_JSON_DEPTH - 2)}}`),
  'far too deep': nested(5000),
  'brackets inside strings, shallow': page('{"text":"[[[{{{ ]]] }}} \\" [["}'),
  'brackets inside strings that close': page(`{"t":"]]]]]]]]]]","x":${nested(MAX_JSON_DEPTH - 3)}}`),
  'a duplicate key keeps the deep value': page(`{"x":1,"x":${nested(MAX_JSON_DEPTH + 10)}}`),
  'a key named __proto__': page(`{"__proto__":${nested(MAX_JSON_DEPTH + 1)}}`),
  'brackets in strings and escaped, on a deep page': page(`{"domain":"Entities [Entity Service]","t":"\\u005b{","x":${nested(MAX_JSON_DEPTH)}}`),
  'brackets in strings and escaped, on a shallow page': page('{"domain":"Entities [Entity Service]","t":"\\u005b{[","k[":{}}'),
};

describe('parsedTooDeepAt', () => {
  for (const [name, text] of Object.entries(cases)) {
    it(`agrees with tooDeepAt: ${name}`, () => {
      expect(parsedTooDeepAt(text, JSON.parse(text))).toBe(tooDeepAt(text));
    });
  }

  it('finds the deep lines the cases mean to be deep', () => {
    expect(tooDeepAt(cases['one level too deep']!)).not.toBe(-1);
    expect(tooDeepAt(cases['exactly the limit']!)).toBe(-1);
    expect(tooDeepAt(cases['a duplicate key keeps the deep value']!)).not.toBe(-1);
    expect(tooDeepAt(cases['a key named __proto__']!)).not.toBe(-1);
    expect(tooDeepAt(cases['brackets in strings and escaped, on a deep page']!)).not.toBe(-1);
  });

  it('judges the record JSON.parse made: a deep value a duplicate key dropped is not part of it', () => {
    const dropped = page(`{"x":${nested(MAX_JSON_DEPTH + 10)},"x":1}`);
    expect(tooDeepAt(dropped)).not.toBe(-1);
    expect(parsedTooDeepAt(dropped, JSON.parse(dropped))).toBe(-1);
  });

  it('agrees with tooDeepAt on every line of the real JSON-lines datasets', () => {
    const root = '/work/shared/datasets';
    const files = fs.readdirSync(root, { recursive: true, encoding: 'utf8' }).filter((file) => /\.(jsonl|ndjson)$/.test(file));
    expect(files.length).toBeGreaterThan(0);
    let lines = 0;
    for (const file of files) {
      for (const line of fs.readFileSync(path.join(root, file), 'utf8').split('\n')) {
        if (line.trim() === '') continue;
        lines++;
        expect(parsedTooDeepAt(line, JSON.parse(line))).toBe(tooDeepAt(line));
      }
    }
    expect(lines).toBeGreaterThan(0);
  });
});
