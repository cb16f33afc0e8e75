import fs from 'node:fs';
import type { IncomingMessage } from 'node:http';

export type BodyOutcome<T> = { ok: true; value: T } | { ok: false; status: 400 | 413; message: string };

/** The declared length is already over the limit: answer 413 before reading a byte of the body. */
export function declaredTooLarge(request: IncomingMessage, limit: number): boolean {
  const declared = Number(request.headers['content-length'] ?? 0);
  return Number.isFinite(declared) && declared > limit;
}

const tooLarge = (limit: number) => ({ ok: false as const, status: 413 as const, message: `the request body is over the limit of ${limit} bytes` });

/**
 * Stop reading into memory but let the rest of the body arrive and be discarded: closing the socket while the
 * client still sends makes its kernel see a reset instead of our 413. The server's requestTimeout bounds the drain.
 */
export function discardRest(request: IncomingMessage): void {
  request.removeAllListeners('data');
  request.resume();
}

/** The whole body as text, or 413 once it passes `limit` bytes (declared or counted). */
export function readBody(request: IncomingMessage, limit: number): Promise<BodyOutcome<string>> {
  if (declaredTooLarge(request, limit)) return Promise.resolve(tooLarge(limit));
  return new Promise((resolve) => {
    let size = 0;
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size <= limit) return void chunks.push(chunk);
      discardRest(request);
      resolve(tooLarge(limit));
    });
    request.on('end', () => resolve({ ok: true, value: Buffer.concat(chunks).toString('utf8') }));
    request.on('error', () => resolve({ ok: false, status: 400, message: 'the request body was cut off' }));
  });
}

/** The body written to `file`, or 413 (and the partial file removed) once it passes `limit` bytes. */
export function writeBody(request: IncomingMessage, file: string, limit: number): Promise<BodyOutcome<number>> {
  if (declaredTooLarge(request, limit)) return Promise.resolve(tooLarge(limit));
  return new Promise((resolve) => {
    const out = fs.createWriteStream(file, { flags: 'wx', mode: 0o600 });
    let size = 0;
    let failed = false;
    // Not stream.pipeline: on an error it destroys the request, and with it the socket our 413 has to travel on.
    const fail = (outcome: BodyOutcome<number>) => {
      if (failed) return;
      failed = true;
      request.unpipe(out);
      discardRest(request);
      out.destroy();
      resolve(outcome);
    };
    out.on('close', () => failed && fs.rmSync(file, { force: true }));
    out.on('finish', () => resolve({ ok: true, value: size }));
    out.on('error', () => fail({ ok: false, status: 400, message: 'the upload could not be stored' }));
    const cutOff = () => fail({ ok: false, status: 400, message: 'the upload was cut off' });
    request.on('error', cutOff);
    request.on('close', () => request.complete || cutOff());
    request.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) fail(tooLarge(limit));
    });
    request.pipe(out);
  });
}
