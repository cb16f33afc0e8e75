import { fork, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { z } from 'zod';
import { modelDescriptors } from '../../../shared/models';
import { CancelledError, JobError } from '../../jobs/errors';
import type { JobControls } from '../../jobs/worker-runtime';
import { createSandbox, SandboxError } from './sandbox-model.mjs';
import { UserModelError, UserModelInfo } from './info';

/**
 * How user model code is confined on this runtime. `process`: a child process under Node's permission model
 * (Node 20: --experimental-permission; Node 22.13+ and 23.5+: --permission) that may read only its own code, zod
 * and the model file. `thread`: no permission model (Electron, whose RunAsNode fuse is off so it cannot start a
 * Node child; or a Node without the flag), so the model runs unconfined in the isolated job thread.
 */
export type SandboxMode = { kind: 'process'; permissionFlag: string } | { kind: 'thread'; reason: string };

export function sandboxMode(versions: NodeJS.ProcessVersions = process.versions, flags: ReadonlySet<string> = process.allowedNodeEnvironmentFlags): SandboxMode {
  if (versions.electron) return { kind: 'thread', reason: 'Electron cannot start a plain Node child process (RunAsNode is off)' };
  if (flags.has('--permission')) return { kind: 'process', permissionFlag: '--permission' };
  if (flags.has('--experimental-permission')) return { kind: 'process', permissionFlag: '--experimental-permission' };
  return { kind: 'thread', reason: `Node ${versions.node} has no permission model` };
}

/** How often a job waiting on its child looks at its cancel flag: a cancel stops the model within 0.1 s. */
const CANCEL_POLL_MS = 100;
/** The child's V8 heap, as a job thread's (jobs/host.ts): a model that needs more fails instead of swapping. */
const CHILD_HEAP_MB = 4096;

const here = path.dirname(fileURLToPath(import.meta.url));
const zodDir = path.dirname(createRequire(import.meta.url).resolve('zod/package.json'));

/** The child's entry: beside this file from source, the `model-sandbox` bundle beside the task worker once built. */
function childEntry(): string {
  const candidates = ['sandbox-child.mjs', 'model-sandbox.mjs', 'model-sandbox.js'].map((name) => path.join(here, name));
  for (const candidate of candidates) if (fs.existsSync(candidate)) return candidate;
  throw new Error(`the model sandbox (sandbox-child.mjs or model-sandbox.mjs) is not beside ${here}; run \`npm run build\``);
}

/** Node flags of the child: reads of its own folder, zod and the one model file; nothing else allowed. */
export function sandboxFlags(permissionFlag: string, entry: string, modelFile: string): string[] {
  // Node 20.x after the change that warns about comma lists, and 22+, take one --allow-fs-read per path.
  const reads = [`${path.dirname(entry)}${path.sep}*`, `${zodDir}${path.sep}*`, modelFile];
  return [permissionFlag, ...reads.map((read) => `--allow-fs-read=${read}`), `--max-old-space-size=${CHILD_HEAP_MB}`, '--no-warnings'];
}

export interface ModelSession {
  readonly info: UserModelInfo;
  parseParams(params: Record<string, unknown>): Promise<Record<string, unknown>>;
  score(input: unknown, params: Record<string, unknown>): Promise<unknown>;
  close(): void;
}

export interface SessionOptions {
  /** Counted from the session's start; the child is killed when it passes (in a thread, the job host kills it). */
  timeLimitMs: number;
  controls?: JobControls;
}

const builtInIds = () => modelDescriptors.map((model) => model.id);

/** Loads one approved model file (its sha256 checked against the bytes that run) where this runtime confines it. */
export async function openModelSession(file: string, sha256: string, options: SessionOptions, mode = sandboxMode()): Promise<ModelSession> {
  return mode.kind === 'process' ? childSession(file, sha256, options, mode.permissionFlag) : threadSession(file, sha256);
}

/** A sandbox failure as the child reports it: parameters the model rejects are the caller's input. */
function asJobError<T>(run: () => T): T {
  try {
    return run();
  } catch (error) {
    throw error instanceof SandboxError && error.code === 'invalid_input' ? new JobError('invalid_input', error.message) : error;
  }
}

async function threadSession(file: string, sha256: string): Promise<ModelSession> {
  const sandbox = createSandbox(z);
  const model = await sandbox.load(file, sha256, builtInIds());
  return {
    info: UserModelInfo.parse(sandbox.info(model)),
    parseParams: async (params) => asJobError(() => sandbox.parseParams(model, params)),
    score: async (input, params) => sandbox.score(model, input, params),
    close: () => undefined,
  };
}

type ChildAnswer = { ok: true; value: unknown } | { ok: false; error: { code: 'failed' | 'invalid_input'; message: string } };

async function childSession(file: string, sha256: string, options: SessionOptions, permissionFlag: string): Promise<ModelSession> {
  const entry = childEntry();
  const zodUrl = pathToFileURL(path.join(zodDir, 'index.js')).href;
  // No inherited environment: a model must not see the user's tokens (Node 20 does not restrict the network).
  const env = process.platform === 'win32' && process.env.SYSTEMROOT ? { SYSTEMROOT: process.env.SYSTEMROOT } : {};
  const child: ChildProcess = fork(entry, [zodUrl], {
    execArgv: sandboxFlags(permissionFlag, entry, file),
    env,
    serialization: 'advanced',
    stdio: ['ignore', 'ignore', 'pipe', 'ipc'],
  });
  let stderr = '';
  child.stderr!.on('data', (chunk: Buffer) => (stderr = (stderr + chunk.toString()).slice(-2000)));
  const waiting = new Set<{ resolve: (answer: ChildAnswer) => void; reject: (error: Error) => void }>();
  const fail = (error: Error) => {
    for (const waiter of waiting) waiter.reject(error);
    waiting.clear();
    close();
  };
  child.on('message', (answer: ChildAnswer) => {
    for (const waiter of waiting) waiter.resolve(answer);
    waiting.clear();
  });
  child.on('exit', (code, signal) => {
    const why = /heap out of memory/.test(stderr) ? `ran out of memory (limit ${CHILD_HEAP_MB} MB)` : `its process exited (${signal ?? `code ${code}`}): ${stderr.trim().split('\n').at(-1) ?? ''}`;
    fail(new UserModelError(file, why));
  });
  const limitSeconds = options.timeLimitMs / 1000;
  const deadline = setTimeout(() => fail(new JobError('timeout', `the job ran past its time limit of ${limitSeconds} s and was stopped`)), options.timeLimitMs);
  const cancelPoll = setInterval(() => {
    try {
      options.controls?.checkCancelled();
    } catch {
      fail(new CancelledError());
    }
  }, CANCEL_POLL_MS);
  function close() {
    clearTimeout(deadline);
    clearInterval(cancelPoll);
    child.removeAllListeners('exit');
    child.kill('SIGKILL');
  }
  const next = () => new Promise<ChildAnswer>((resolve, reject) => waiting.add({ resolve, reject }));
  async function ask(request: Record<string, unknown> | null): Promise<unknown> {
    const answer = next();
    if (request) child.send(request);
    const settled = await answer;
    if (settled.ok) return settled.value;
    throw settled.error.code === 'invalid_input' ? new JobError('invalid_input', settled.error.message) : new Error(settled.error.message);
  }
  try {
    await ask(null); // the child's "ready"
    const info = UserModelInfo.parse(await ask({ type: 'load', file, sha256, builtInIds: builtInIds() }));
    return {
      info,
      parseParams: async (params) => (await ask({ type: 'params', params })) as Record<string, unknown>,
      score: (input, params) => ask({ type: 'score', input, params }),
      close,
    };
  } catch (error) {
    close();
    throw error;
  }
}
