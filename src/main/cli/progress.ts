import path from 'node:path';
import type { ImportProgress } from '../../shared/api';
import { terminalSafe } from './terminal-safe';

const BAR_WIDTH = 24;
const REDRAW_MS = 100;

/** A progress bar on a terminal; plain lines (one per file and per tenth of it) when stderr is a file or pipe. */
export function importProgressReporter(stream: NodeJS.WriteStream = process.stderr) {
  let lastDraw = 0;
  let lastKey = '';
  let drewBar = false;
  const report = (progress: ImportProgress) => {
    const fraction = progress.bytesTotal > 0 ? Math.min(1, progress.bytesRead / progress.bytesTotal) : 1;
    // The bar writes to the stream itself (its own \r and erase-line), so the file name from the data is made safe here.
    const label = `file ${progress.fileIndex + 1}/${progress.fileCount} ${terminalSafe(path.basename(progress.file))}`;
    const detail = `${mb(progress.bytesRead)}/${mb(progress.bytesTotal)} MB, ${progress.records.toLocaleString('en-US')} records`;
    if (stream.isTTY) {
      const now = Date.now();
      if (now - lastDraw < REDRAW_MS && fraction < 1) return;
      lastDraw = now;
      const filled = Math.round(fraction * BAR_WIDTH);
      const bar = `[${'#'.repeat(filled)}${'-'.repeat(BAR_WIDTH - filled)}]`;
      stream.write(`\r\x1b[2K${bar} ${(fraction * 100).toFixed(0).padStart(3)}% ${label} ${detail}`);
      drewBar = true;
      return;
    }
    const key = `${progress.fileIndex}:${Math.floor(fraction * 10)}`;
    if (key === lastKey) return;
    lastKey = key;
    stream.write(`import: ${label} ${(fraction * 100).toFixed(0)}% (${detail})\n`);
  };
  const done = () => {
    if (drewBar) stream.write('\n');
  };
  return { report, done };
}

const mb = (bytes: number) => (bytes / 1e6).toFixed(1);

/** Progress of a scoring job: phase and percentage, redrawn on a terminal, one line per phase otherwise. */
export function jobProgressReporter(stream: NodeJS.WriteStream = process.stderr) {
  let lastDraw = 0;
  let lastPhase = '';
  let drewBar = false;
  const report = ({ fraction, phase: rawPhase }: { fraction: number; phase: string }) => {
    const phase = terminalSafe(rawPhase);
    if (stream.isTTY) {
      const now = Date.now();
      if (now - lastDraw < REDRAW_MS && phase === lastPhase) return;
      lastDraw = now;
      lastPhase = phase;
      const filled = Math.round(fraction * BAR_WIDTH);
      stream.write(`\r\x1b[2K[${'#'.repeat(filled)}${'-'.repeat(BAR_WIDTH - filled)}] ${(fraction * 100).toFixed(0).padStart(3)}% ${phase}`);
      drewBar = true;
      return;
    }
    const stem = phase.replace(/\s*\d+(\/\d+)?$/, '');
    if (stem === lastPhase) return;
    lastPhase = stem;
    stream.write(`score: ${stem}\n`);
  };
  const done = () => {
    if (drewBar) stream.write('\r\x1b[2K');
  };
  return { report, done };
}
