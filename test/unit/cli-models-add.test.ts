import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { isYes } from '../../src/main/cli/confirm';
import { commands, runCli, type CliIo } from '../../src/main/cli/index';
import { callService } from '../../src/main/services';
import { USER_MODEL_WARNING } from '../../src/shared/user-model-trust';
import { repoRoot, tempDb } from '../helpers';

const example = path.join(repoRoot, 'docs', 'examples', 'retweets-per-follower.mjs');

/** A CLI whose terminal answers `answer`; starting an engine fails the test, as nothing may be added. */
function cli(answer: boolean | null) {
  const out: string[] = [];
  const err: string[] = [];
  const questions: string[] = [];
  const io: CliIo = {
    out: (text) => out.push(text),
    err: (text) => err.push(text),
    startEngine: () => {
      throw new Error('the engine was started: the file would have been added');
    },
    confirm: async (question) => (questions.push(question), answer),
  };
  return { io, out, err, questions };
}

describe('lens models add asks before a file is trusted', () => {
  it('prints the warning and asks; no adds nothing (exit 1)', async () => {
    const { io, out, err, questions } = cli(false);
    expect(await runCli(['models', 'add', example], io, commands)).toBe(1);
    expect(err).toEqual([`lens: ${example}: ${USER_MODEL_WARNING}`, 'lens: not added']);
    expect(questions).toEqual([`Add ${example} as a model?`]);
    expect(out).toEqual([]);
  });

  it('without a terminal and without --yes: a usage error naming --yes (exit 2)', async () => {
    const { io, err } = cli(null);
    expect(await runCli(['models', 'add', example], io, commands)).toBe(2);
    expect(err[0]).toContain('will run on your computer with your permissions');
    expect(err[1]).toMatch(/^lens: models add needs a confirmation and stdin is not a terminal: pass --yes/);
  });

  it('the question is terminal-safe too', async () => {
    const { io, questions } = cli(false);
    await runCli(['models', 'add', 'evil\u001b]0;x\u0007.mjs'], io, commands);
    expect(questions).toEqual(['Add evil\\u001b]0;x\\u0007.mjs as a model?']);
  });

  it('only y or yes counts as a yes', () => {
    expect(['y', 'Y', 'yes', ' YES '].map(isYes)).toEqual([true, true, true, true]);
    expect(['', 'n', 'no', 'yep', 'y y', 'sure'].map(isYes)).toEqual([false, false, false, false, false, false]);
  });
});

describe('models.add without trust: true', () => {
  it('is refused with a message saying why, before the file is read', async () => {
    const { db, dir } = tempDb();
    for (const input of [{ file: example }, { file: example, trust: false }, { file: example, trust: 'true' }]) {
      const refused = await callService('models.add', input, { db });
      expect(refused).toEqual({
        ok: false,
        error: { code: 'invalid_input', message: expect.stringMatching(/^trust: adding a model needs trust: true, sent only after the user confirmed that the file runs with their permissions/) },
      });
    }
    db.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });
});
