import fs from 'node:fs';
import type { ImportFormat } from '../../shared/domain';
import { planImport } from '../import/expand';
import type { In, Out, ServiceContext } from './context';
import { ServiceError } from './errors';

const PREVIEW_LINES = 8;
const LINE_CHARS = 400;

function headLines(file: string): string[] {
  const fd = fs.openSync(file, 'r');
  try {
    const buffer = Buffer.alloc(64 * 1024);
    const read = fs.readSync(fd, buffer, 0, buffer.length, 0);
    return buffer.subarray(0, read).toString('utf8').split(/\r?\n/).slice(0, PREVIEW_LINES).map((line) => line.slice(0, LINE_CHARS));
  } finally {
    fs.closeSync(fd);
  }
}

/** What an import would read, before it runs: each file's detected format and first lines (CSV: its header). */
export const previewHandlers = {
  'datasets.preview': async (_context: ServiceContext, input: In<'datasets.preview'>): Promise<Out<'datasets.preview'>> => {
    let plan;
    try {
      plan = planImport(input.paths, input.format);
    } catch (error) {
      throw new ServiceError('invalid_input', (error as Error).message, { cause: error });
    }
    return {
      files: plan.files.map((file: { path: string; format: ImportFormat }) => {
        const lines = headLines(file.path);
        const header = file.format === 'csv' ? (lines.find((line) => line.trim() !== '') ?? '') : null;
        const separator = header === null ? null : ([',', ';', '\t'].find((s) => header.includes(s)) ?? ',');
        return {
          path: file.path,
          format: file.format,
          size: fs.statSync(file.path).size,
          lines,
          columns: header === null || separator === null ? null : header.split(separator).map((c) => c.trim().replace(/^"|"$/g, '')),
        };
      }),
    };
  },
};
