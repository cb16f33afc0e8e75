import { describe, expect, it } from 'vitest';
import { Utf8Chunks } from '../../src/main/import/utf8-chunks';

/** What the import decoded before: one fatal TextDecoder over the stream; its text, or 'error' where it throws. */
function reference(chunks: Buffer[]): string {
  const decoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false });
  try {
    return chunks.map((chunk) => decoder.decode(chunk, { stream: true })).join('') + decoder.decode();
  } catch {
    return 'error';
  }
}

function decoded(chunks: Buffer[]): string {
  const decoder = new Utf8Chunks();
  try {
    return chunks.map((chunk) => decoder.decode(chunk)).join('') + decoder.end();
  } catch {
    return 'error';
  }
}

/** Every way to cut the bytes into three chunks. */
function everySplit(bytes: Buffer): Buffer[][] {
  const splits: Buffer[][] = [];
  for (let a = 0; a <= bytes.length; a++) {
    for (let b = a; b <= bytes.length; b++) splits.push([bytes.subarray(0, a), bytes.subarray(a, b), bytes.subarray(b)]);
  }
  return splits;
}

describe('Utf8Chunks decodes as a fatal TextDecoder does, whatever the chunk boundaries', () => {
  const text = Buffer.from('\uFEFFé€😀 "añb" 中文\n\uFEFFz', 'utf8');
  const bad = [
    Buffer.concat([Buffer.from('ab€', 'utf8'), Buffer.from([0xff]), Buffer.from('cd', 'utf8')]),
    Buffer.concat([Buffer.from('a', 'utf8'), Buffer.from([0xe0, 0x80, 0x80]), Buffer.from('€', 'utf8')]),
    Buffer.concat([Buffer.from('😀', 'utf8'), Buffer.from([0x80]), Buffer.from('x', 'utf8')]),
    Buffer.concat([Buffer.from('x€', 'utf8'), Buffer.from([0xf0, 0x9f, 0x98])]),
    Buffer.from([0xed, 0xa0, 0x80, 0x41]),
  ];

  it('valid text with a BOM, multi-byte characters and a later U+FEFF', () => {
    for (const chunks of everySplit(text)) expect(decoded(chunks)).toBe(reference(chunks));
    expect(decoded([text])).toBe('é€😀 "añb" 中文\n\uFEFFz');
  });

  it('bytes that are not UTF-8, anywhere in or across chunks', () => {
    for (const bytes of bad) {
      for (const chunks of everySplit(bytes)) expect(decoded(chunks)).toBe('error');
    }
  });

  it('ASCII chunks (read as Latin-1) between and around multi-byte ones, cut anywhere', () => {
    const mixed = Buffer.from('{"a":"plain \\u00e9 ascii"}\n{"b":"é€😀"}\n{"c":"ascii again"}\n', 'utf8');
    for (const chunks of everySplit(mixed)) expect(decoded(chunks)).toBe(reference(chunks));
    const ascii = Buffer.from('{"text":"RT @user: ascii only \\ud83d\\ude00"}\n', 'utf8');
    expect(decoded([ascii, ascii])).toBe(ascii.toString('utf8').repeat(2));
    // A BOM before ASCII text is still dropped, and a U+FEFF after the first chunk is kept.
    const bom = Buffer.from('\uFEFF', 'utf8');
    expect(decoded([bom, ascii, bom])).toBe(reference([bom, ascii, bom]));
  });

  it('a character cut by the last chunk is an error at the end', () => {
    const cut = Buffer.from('a€', 'utf8').subarray(0, 3);
    const decoder = new Utf8Chunks();
    expect(decoder.decode(cut)).toBe('a');
    expect(() => decoder.end()).toThrow();
  });
});
