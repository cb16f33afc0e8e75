// The sandbox child: one process per model run, started by sandbox.ts under Node's permission model. It answers
// three requests in order - load, params, score - each with { ok, value } or { ok: false, error }, then waits to be
// killed. zod arrives as a file URL in argv, so no bare-specifier lookup walks folders it may not read.
import { createSandbox, SandboxError } from './sandbox-model.mjs';

const { z } = await import(process.argv[2]);
const sandbox = createSandbox(z);
let model = null;

const handlers = {
  load: async ({ file, sha256, builtInIds }) => {
    model = await sandbox.load(file, sha256, builtInIds);
    return sandbox.info(model);
  },
  params: ({ params }) => sandbox.parseParams(model, params),
  score: ({ input, params }) => sandbox.score(model, input, params),
};

process.on('message', async (request) => {
  try {
    const value = await handlers[request.type](request);
    process.send({ ok: true, value });
  } catch (error) {
    const known = error instanceof SandboxError;
    process.send({ ok: false, error: { code: known ? error.code : 'failed', message: known ? error.message : String(error?.message ?? error) } });
  }
});
process.send({ ok: true, value: 'ready' });
