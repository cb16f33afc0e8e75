import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { FileSource, localSha256, type ChunkHasher } from '../../src/main/import/source';
import { tempDir } from '../helpers';

const MIB = 1 << 20;

/** A seeded generator, so a failure names the same file every run. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

/** Lines of every kind a line file has: empty, short, long (past 1 MiB, so across reads), non-ASCII, with \r\n. */
function linesOf(seed: number, count: number): string[] {
  const next = random(seed);
  const lines: string[] = [];
  for (let i = 0; i < count; i++) {
    const kind = next();
    const length = kind < 0.1 ? 0 : kind < 0.6 ? Math.floor(next() * 80) : kind < 0.95 ? Math.floor(next() * 200_000) : MIB + Math.floor(next() * MIB);
    // Characters of 1, 2, 3 and 4 UTF-8 bytes, so that reads end inside characters as well as between them.
    const alphabet = [...(next() < 0.5 ? 'abcdefgh, {}[]"' : 'aé€😀b')];
    const piece = Array.from({ length: 61 }, () => alphabet[Math.floor(next() * alphabet.length)]).join('');
    lines.push(`${i}:${piece.repeat(Math.ceil(length / piece.length)).slice(0, length)}`.replace(/[\ud800-\udbff]$/, ''));
  }
  return lines;
}

async function readLines(file: string, hash: ChunkHasher = localSha256()): Promise<{ lines: string[]; numbers: number[]; source: FileSource }> {
  const source = new FileSource(file, () => undefined, hash);
  const lines: string[] = [];
  const numbers: number[] = [];
  await source.eachLine((line) => {
    lines.push(line);
    numbers.push(source.line);
  });
  return { lines, numbers, source };
}

describe('FileSource.eachLine over reads of 1 MiB', () => {
  for (const [seed, ending] of [[1, '\n'], [2, '\r\n'], [3, '\n'], [4, '\r\n']] as const) {
    it(`gives every line of a ${ending === '\n' ? 'LF' : 'CRLF'} file whatever falls on a read's edge (seed ${seed})`, async () => {
      const lines = linesOf(seed, 160);
      const lastEnds = seed % 2 === 1;
      const text = `\u{feff}${lines.join(ending)}${lastEnds ? ending : ''}`;
      const file = path.join(tempDir(), 'lines.jsonl');
      fs.writeFileSync(file, text);
      expect(fs.statSync(file).size).toBeGreaterThan(4 * MIB);
      const { lines: read, numbers, source } = await readLines(file);
      expect(read.length).toBe(lines.length);
      for (let i = 0; i < lines.length; i++) if (read[i] !== lines[i]) expect({ line: i + 1, text: read[i]!.slice(0, 80) }).toEqual({ line: i + 1, text: lines[i]!.slice(0, 80) });
      expect(numbers).toEqual(lines.map((_, i) => i + 1));
      expect(source.sha256()).toBe(createHash('sha256').update(fs.readFileSync(file)).digest('hex'));
    });
  }

  it('names the line and byte of invalid UTF-8 behind a line that spans reads', async () => {
    const long = 'x'.repeat(MIB + 300_000);
    const before = Buffer.from(`first\n${long}\nthird é\n`);
    const file = path.join(tempDir(), 'bad.jsonl');
    fs.writeFileSync(file, Buffer.concat([before, Buffer.from('fourth '), Buffer.from([0xff]), Buffer.from(' end\nfifth\n')]));
    await expect(readLines(file)).rejects.toThrow(`${file}:4: invalid UTF-8 at byte ${before.length + 7}; the file must be UTF-8 text`);
  });

  it('refuses a line longer than 8 MiB, naming it, whether or not it ends', async () => {
    const dir = tempDir();
    const unended = path.join(dir, 'unended.jsonl');
    fs.writeFileSync(unended, `a\nb\n${'y'.repeat(9 * MIB)}`);
    await expect(readLines(unended)).rejects.toThrow(`${unended}:3: line is longer than 8 MiB`);
    // Ends within the read that takes it past 8 MiB: refused as a line, not as the unfinished rest of a read.
    const ended = path.join(dir, 'ended.jsonl');
    fs.writeFileSync(ended, `a\n${'y'.repeat(8 * MIB + 100)}\nc\n`);
    await expect(readLines(ended)).rejects.toThrow(`${ended}:2: line is longer than 8 MiB`);
  });

  it('reports a file that ends inside a character', async () => {
    const file = path.join(tempDir(), 'cut.jsonl');
    fs.writeFileSync(file, Buffer.concat([Buffer.from('one\ntwo €'), Buffer.from('€').subarray(0, 2)]));
    await expect(readLines(file)).rejects.toThrow(`${file}:2: invalid UTF-8 at the end of the file (a truncated multi-byte character)`);
  });
});
