import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { CsvSplitter, MalformedCsvError } from '../../src/main/import/formats/csv-rows';
import { datasetsDir } from '../helpers';

/** Rows and their first line numbers, the text fed in pieces of `piece` characters (chunk boundaries anywhere). */
function split(text: string, piece = text.length, delimiter = ','): { rows: string[][]; lines: number[] } {
  const rows: string[][] = [];
  const lines: number[] = [];
  const splitter = new CsvSplitter(delimiter, (cells, line) => {
    rows.push(cells);
    lines.push(line);
  });
  for (let at = 0; at < text.length; at += piece) splitter.push(text.slice(at, at + piece));
  splitter.end();
  return { rows, lines };
}

/** What csv-parse, which the importer used before, reads with the options it was given. */
const reference = (text: string, delimiter = ',') =>
  parse(text, { delimiter, record_delimiter: ['\r\n', '\n'], relax_column_count: true, relax_quotes: true }) as string[][];

const cases: Record<string, string> = {
  plain: 'source,target,kind\na,b,retweet\nc,d,mention\n',
  'no final newline': 'source,target\na,b',
  crlf: 'source,target\r\na,b\r\nc,d\r\n',
  'quoted cells with delimiters, escaped quotes and line breaks': 'id,label,bio\n1,"Smith, J.","says ""hi""\non two lines"\n2,plain,"a\r\nb"\n',
  'a quote inside an unquoted cell is text': 'id,label\n1,5" tall\n2,O"Brien\n',
  'empty cells and ragged rows': 'a,b,c\n1,,3\n4\n,,\n"",x,""\n',
  'a lone carriage return stays in the cell': 'a,b\nx\ry,z\n',
};

describe('CsvSplitter', () => {
  it.each(Object.entries(cases))('reads %s as csv-parse did, whatever the chunk boundaries', (_, text) => {
    const expected = reference(text);
    for (const piece of [1, 2, 3, 7, text.length]) expect(split(text, piece).rows).toEqual(expected);
  });

  it('reads the real Karate CSV files (edges and nodes) as csv-parse did', () => {
    const files = [path.join(datasetsDir, 'karate', 'karate_club_weighted.csv'), path.join(datasetsDir, 'karate', 'karate_club_nodes.csv')];
    for (const file of files) {
      const text = fs.readFileSync(file, 'utf8');
      expect(split(text, 4096).rows).toEqual(reference(text));
    }
  });

  it('gives each row the line it starts on, counting line breaks inside quoted cells', () => {
    const { lines } = split('h1,h2\n"a\nb\nc",1\nd,2\n\ne,3\n', 2);
    expect(lines).toEqual([1, 2, 5, 6, 7]);
  });

  it('reads semicolon and tab separated text', () => {
    expect(split('a;b\n"1;2";3\n', 3, ';').rows).toEqual([['a', 'b'], ['1;2', '3']]);
    expect(split('a\tb\n1\t2\n', 1, '\t').rows).toEqual([['a', 'b'], ['1', '2']]);
  });

  it('stops on an unclosed quote with the line it opens on, and on text after a closing quote', () => {
    expect(() => split('a,b\n"x,y\nz,w\n', 3)).toThrow(MalformedCsvError);
    const thrown = (() => {
      try {
        split('a,b\nc,d\n"x,y\nz,w\n', 3);
      } catch (error) {
        return error;
      }
    })();
    expect(thrown).toBeInstanceOf(MalformedCsvError);
    expect((thrown as MalformedCsvError).line).toBe(3);
    expect(() => split('a,b\n"x"y,z\n')).toThrow(/a closing quote is followed by "y"/);
  });
});
