import { describe, expect, it } from 'vitest';
import { commands, runCli } from '../../src/main/cli/index';
import { terminalSafe } from '../../src/main/cli/terminal-safe';

describe('terminalSafe', () => {
  it('escapes C0 (but the newline and tab), DEL, C1 and bidi reorderers as \\u00XX', () => {
    expect(terminalSafe('a\u001b[31mred\u001b[0m')).toBe('a\\u001b[31mred\\u001b[0m');
    expect(terminalSafe('\u001b]0;title\u0007')).toBe('\\u001b]0;title\\u0007');
    expect(terminalSafe('\u001b]52;c;SGVsbG8=\u001b\\')).toBe('\\u001b]52;c;SGVsbG8=\\u001b\\');
    expect(terminalSafe('cr\rnul\u0000del\u007fcsi\u009b2J')).toBe('cr\\u000dnul\\u0000del\\u007fcsi\\u009b2J');
    expect(terminalSafe('evil\u202egnp.exe \u2066x\u2069')).toBe('evil\\u202egnp.exe \\u2066x\\u2069');
    expect(terminalSafe('line 1\n\tline 2 café ＠name 😀')).toBe('line 1\n\tline 2 café ＠name 😀');
  });

  it('keeps JSON parseable and round-trips every code point JSON.stringify writes raw', () => {
    const value = { text: `del\u007f c1\u0085\u009b bidi\u202e esc\u001b` };
    const printed = terminalSafe(JSON.stringify(value, null, 2));
    expect(printed).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202e]/);
    expect(JSON.parse(printed)).toEqual(value);
  });
});

describe('runCli', () => {
  it('makes what any command prints terminal-safe, errors included', async () => {
    const out: string[] = [];
    const err: string[] = [];
    const io = { out: (t: string) => out.push(t), err: (t: string) => err.push(t), startEngine: () => { throw new Error('no engine'); } };
    expect(await runCli(['no\u001b[2Jsuch'], io, commands)).toBe(2);
    expect(err).toEqual([expect.stringContaining('unknown command "no\\u001b[2Jsuch"')]);
    expect(await runCli(['dataset', 'show', 'x\u0007', '--bogus\u009b'], io, commands)).toBe(2);
    expect(err[1]).toContain('--bogus\\u009b');
    expect(out).toEqual([]);
  });
});
