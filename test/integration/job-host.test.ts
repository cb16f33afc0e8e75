import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { JobHost } from '../../src/main/jobs/host';
import { startTypeScriptWorker } from '../../src/main/jobs/worker-script';
import { fixturesDir } from '../helpers';

const script = path.join(fixturesDir, 'workers', 'misbehaving-worker.ts');
const host = (options: { maxHeapMb?: number; cancelGraceMs?: number } = {}) =>
  new JobHost({ ...options, start: (workerOptions) => startTypeScriptWorker(script, workerOptions) });

describe('job host', () => {
  it('returns a result transferred from the worker, with progress on the way', async () => {
    const jobs = host();
    const phases: string[] = [];
    const result = await jobs.start<Float64Array>('echo', { value: 21 }, (p) => phases.push(p.phase)).result;
    expect(result).toEqual({ ok: true, value: new Float64Array([21, 42]) });
    expect(phases).toEqual(['halfway']);
    expect(jobs.runningCount).toBe(0);
  });

  it('a model that throws ends its job with its message; the host keeps working', async () => {
    const jobs = host();
    const failed = await jobs.start('throws', {}).result;
    expect(failed).toEqual({ ok: false, error: { code: 'internal', message: 'the job failed: model exploded on purpose' } });
    expect((await jobs.start('echo', { value: 1 }).result).ok).toBe(true);
  });

  it('a model that exhausts memory ends with an out-of-memory error, not a crash of the host', async () => {
    const jobs = host({ maxHeapMb: 64 });
    const failed = await jobs.start('exhaustsMemory', {}).result;
    expect(failed).toEqual({ ok: false, error: { code: 'internal', message: 'the job ran out of memory (limit 64 MB)' } });
    expect((await jobs.start('echo', { value: 2 }).result).ok).toBe(true);
  });

  it('a thread that exits without answering is reported', async () => {
    const failed = await host().start('exits', {}).result;
    expect(failed).toEqual({ ok: false, error: { code: 'internal', message: "the job's thread exited (code 3) without an answer" } });
  });

  it('cancel stops a cooperative job at its next check', async () => {
    const job = host().start('cooperative', {});
    setTimeout(() => job.cancel(), 300);
    const started = Date.now();
    expect(await job.result).toEqual({ ok: false, error: { code: 'cancelled', message: 'the job was cancelled' } });
    expect(Date.now() - started).toBeLessThan(2500);
  });

  it('cancel kills a job that never checks, after the grace period', async () => {
    const jobs = host({ cancelGraceMs: 200 });
    const job = jobs.start('stuck', {});
    setTimeout(() => job.cancel(), 300);
    expect(await job.result).toEqual({ ok: false, error: { code: 'cancelled', message: 'the job was cancelled' } });
    expect((await jobs.start('echo', { value: 3 }).result).ok).toBe(true);
  });
});
