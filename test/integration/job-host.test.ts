import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { JobHost, type JobHostOptions } from '../../src/main/jobs/host';
import { startTypeScriptWorker } from '../../src/main/jobs/worker-script';
import { fixturesDir } from '../helpers';

const script = path.join(fixturesDir, 'workers', 'misbehaving-worker.ts');
const host = (options: Omit<JobHostOptions, 'start'> = {}) =>
  new JobHost({ size: 2, ...options, start: (workerOptions) => startTypeScriptWorker(script, workerOptions) });

describe('job host: every way a job ends settles one result with a JobError code', () => {
  it('returns a result transferred from the worker, with progress on the way', async () => {
    const jobs = host();
    const phases: string[] = [];
    const result = await jobs.start<Float64Array>('echo', { value: 21 }, { onProgress: (p) => phases.push(p.phase) }).result;
    expect(result).toEqual({ ok: true, value: new Float64Array([21, 42]) });
    expect(phases).toEqual(['halfway']);
    expect(jobs.runningCount).toBe(0);
  });

  it('an exception the task does not expect is `failed`, with its message; the thread runs the next job', async () => {
    const jobs = host({ size: 1 });
    const failed = await jobs.start('throws', {}).result;
    expect(failed).toEqual({ ok: false, error: { code: 'failed', message: 'the job failed: model exploded on purpose' } });
    expect((await jobs.start('echo', { value: 1 }).result).ok).toBe(true);
    expect(jobs.stats().started).toBe(1);
  });

  it.each(['invalid_input', 'not_found', 'conflict'] as const)('a JobError %s crosses as data with its code', async (code) => {
    const failed = await host().start('rejects', { code }).result;
    expect(failed).toEqual({ ok: false, error: { code, message: `rejected with ${code} on purpose` } });
  });

  it('an unknown task is `failed`', async () => {
    expect(await host().start('nothing-by-this-name', {}).result).toEqual({
      ok: false,
      error: { code: 'failed', message: 'the job failed: unknown job task "nothing-by-this-name"' },
    });
  });

  it('a task that exhausts memory ends `out_of_memory`, not a crash of the host; a fresh thread runs the next job', async () => {
    const jobs = host({ maxHeapMb: 64, size: 1 });
    const failed = await jobs.start('exhaustsMemory', {}).result;
    expect(failed).toEqual({ ok: false, error: { code: 'out_of_memory', message: 'the job ran out of memory (limit 64 MB)' } });
    expect((await jobs.start('echo', { value: 2 }).result).ok).toBe(true);
    expect(jobs.stats().started).toBe(2);
  });

  it('a thread that exits without answering is `failed`', async () => {
    const failed = await host().start('exits', {}).result;
    expect(failed).toEqual({ ok: false, error: { code: 'failed', message: "the job's thread exited (code 3) without an answer" } });
  });

  it('a job past its time limit ends `timeout` and its thread is replaced', async () => {
    const jobs = host({ size: 1 });
    const failed = await jobs.start('stuck', {}, { timeLimitMs: 300 }).result;
    expect(failed).toEqual({ ok: false, error: { code: 'timeout', message: 'the job ran past its time limit of 0.3 s and was stopped' } });
    expect((await jobs.start('echo', { value: 4 }).result).ok).toBe(true);
  });

  it('cancel stops a cooperative job at its next check, and its thread is reused', async () => {
    const jobs = host({ size: 1 });
    const job = jobs.start('cooperative', {});
    setTimeout(() => job.cancel(), 300);
    const started = Date.now();
    expect(await job.result).toEqual({ ok: false, error: { code: 'cancelled', message: 'the job was cancelled' } });
    expect(Date.now() - started).toBeLessThan(2500);
    expect((await jobs.start('echo', { value: 5 }).result).ok).toBe(true);
    expect(jobs.stats().started).toBe(1);
  });

  it('cancel kills a job that never checks, after the grace period', async () => {
    const jobs = host({ cancelGraceMs: 200 });
    const job = jobs.start('stuck', {});
    setTimeout(() => job.cancel(), 300);
    expect(await job.result).toEqual({ ok: false, error: { code: 'cancelled', message: 'the job was cancelled' } });
    expect((await jobs.start('echo', { value: 3 }).result).ok).toBe(true);
  });

  it('cancel of a queued job settles it at once; it never starts', async () => {
    const jobs = host({ size: 1 });
    const running = jobs.start<string>('sleeps', { ms: 300, label: 'first' });
    const queued = jobs.start<string>('sleeps', { ms: 10, label: 'never' });
    queued.cancel();
    expect(await queued.result).toEqual({ ok: false, error: { code: 'cancelled', message: 'the job was cancelled' } });
    expect(jobs.stats().queued).toBe(0);
    expect(await running.result).toEqual({ ok: true, value: 'first' });
  });
});
