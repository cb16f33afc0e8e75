import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { datasetsDir, repoRoot, tempDir } from '../helpers';

const db = path.join(tempDir(), 'cli-places.sqlite');
const v2 = (name: string) => path.join(datasetsDir, 'twitter-v2', name);

function lens(...args: string[]): string {
  const result = spawnSync(process.execPath, ['--import', 'tsx', path.join(repoRoot, 'src/main/cli/main.ts'), ...args, '--db', db], {
    cwd: repoRoot,
    encoding: 'utf8',
  });
  if (result.status !== 0) throw new Error(`lens ${args.join(' ')} exited ${result.status}: ${result.stderr}`);
  return result.stdout;
}

/** A region or country code standing alone in a printed place: ", ENG", " GB", ", 11". */
const BARE_CODE = /(?:,|\s)\s*(?:[A-Z]{2,3}|\d{1,3})(?:\s|,|$)/m;

/** `lens places` and `lens top` name places as a reader says them, on the real Twitter v2 profiles. */
describe('places and top print region and country names, not codes', () => {
  beforeAll(() => {
    lens('import', v2('users.jsonl'), v2('brexit.jsonl'), '--dataset', 'places');
  }, 120_000);

  it('places lists cities with their region and country in words', () => {
    const lines = lens('places', '--dataset', 'places', '--top', '8').split('\n');
    // 276 profiles: London is the most named city; England and Scotland are named as regions of the United Kingdom.
    expect(lines[0]).toBe('276 accounts: 171 placed, 45 with a location the gazetteer cannot place, 60 without one');
    expect(lines[1]).toBe('    19  London, England, United Kingdom');
    expect(lines).toContain('     5  Scotland, United Kingdom (region)');
    expect(lines).toContain('     3  Edinburgh, Scotland, United Kingdom');
    const placeLines = lines.slice(1, lines.indexOf('by country:'));
    expect(placeLines).toHaveLength(8);
    for (const line of placeLines) expect(line.slice(8).replace(/ \((?:region|country)\)$/, '')).not.toMatch(BARE_CODE);
  }, 60_000);

  it('top names the place asked for and each account\'s place in words', () => {
    const lines = lens('top', '--dataset', 'places', '--topic', 'brexit', '--place', 'Scotland', '--limit', '5').trimEnd().split('\n');
    expect(lines[0]).toBe('most passionate about "brexit" in Scotland, United Kingdom:');
    expect(lines[1]).toMatch(/^ {3}1 {2}@ScoPoliticsNews +strength +3\.5 {2}2 posts {2}Airdrie, Scotland, United Kingdom$/);
    expect(lines[2]).toMatch(/ 1 post {2}Edinburgh, Scotland, United Kingdom$/);
    expect(lines).toHaveLength(6);
    for (const line of lines.slice(1)) expect(line).toMatch(/Scotland, United Kingdom$/);
    const json = JSON.parse(lens('top', '--dataset', 'places', '--topic', 'brexit', '--place', 'London', '--limit', '3', '--json'));
    expect(json.place.label).toBe('London, England, United Kingdom');
    expect(json.accounts.map((a: { place: string }) => a.place)).toEqual(Array(3).fill('London, England, United Kingdom'));
  }, 60_000);
});
