import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { repoRoot, screenshotDir, serverDb, serverUrl, startServer } from './server';

const datasets = path.resolve(repoRoot, '..', 'shared', 'datasets');
const shot = (page: Page, name: string) => page.screenshot({ path: path.join(screenshotDir, `${name}.png`), fullPage: true });
const lens = (...args: string[]) =>
  spawnSync(process.execPath, ['--import', 'tsx', path.join(repoRoot, 'src/main/cli/main.ts'), ...args, '--db', serverDb()], { cwd: repoRoot, encoding: 'utf8' });
const go = (page: Page, hash: string) => page.evaluate((h) => (window.location.hash = h), hash);

test.describe.configure({ mode: 'serial' });

test('a newcomer imports real data, scores it twice, compares, audits, replays and exports', async ({ page }) => {
  // The Datasets view by name: the page now opens on Start here.
  await page.goto(`${serverUrl().url}#/datasets`);

  // Datasets: the demo data of the first start, then the karate club imported through the page.
  await expect(page.getByTestId('dataset-row')).toHaveCount(4);
  await page.getByTestId('import-input').setInputFiles(path.join(datasets, 'karate', 'karate_club_weighted.csv'));
  await expect(page.getByTestId('preview-format').first()).toContainText('csv');
  await page.getByTestId('import-dataset-name').fill('karate');
  // The karate club's friendships have no direction to declare: "I don't know" keeps them undeclared, as before.
  await page.getByTestId('import-edges-unknown').check();
  await page.getByTestId('import-button').click();
  await expect(page.getByTestId('import-result')).toContainText('34');
  await expect(page.getByTestId('dataset-row')).toHaveCount(5);
  await shot(page, '01-datasets');

  // Models and runs: PageRank and k-core on the imported club.
  const runIds: number[] = [];
  for (const model of ['pagerank', 'kcore']) {
    await go(page, '#/runs?dataset=karate');
    await page.getByTestId('model-select').selectOption(model);
    await page.getByTestId('run-button').click();
    await expect(page.getByTestId('run-result')).toContainText(model);
    const runs = JSON.parse(lens('runs', '--dataset', 'karate', '--json').stdout) as { id: number; model: string }[];
    runIds.push(runs.find((run) => run.model === model && !runIds.includes(run.id))!.id);
  }
  await expect(page.getByTestId('run-row')).not.toHaveCount(0);
  await shot(page, '02-runs');

  // Compare: the statistics on the page are the CLI's.
  await go(page, `#/compare?runs=${runIds.join(',')}`);
  const pair = page.getByTestId(`pair-${runIds[0]}-${runIds[1]}`);
  await expect(pair).toBeVisible();
  const cli = JSON.parse(lens('compare', '--runs', runIds.join(','), '--json').stdout).pairs[0];
  expect(Number(await pair.getAttribute('data-spearman'))).toBe(cli.spearman);
  expect(Number(await pair.getAttribute('data-kendall'))).toBe(cli.kendall_tau_b);
  expect(Number(await pair.getAttribute('data-rbo'))).toBe(cli.rbo);
  await expect(page.getByTestId('rank-scatter')).toBeVisible();
  await shot(page, '03-compare');

  // Distributions of both runs.
  await go(page, `#/distributions?runs=${runIds.join(',')}`);
  await expect(page.getByTestId('histogram')).toBeVisible();
  await expect(page.getByTestId('ccdf')).toBeVisible();
  await shot(page, '04-distributions');

  // An account: its score in the PageRank run is the CLI's.
  const top = JSON.parse(lens('scores', '--run', String(runIds[0]), '--format', 'json', '--limit', '1').stdout)[0];
  await go(page, `#/account?dataset=karate&account=${top.account_id}`);
  const card = page.getByTestId(`run-card-${runIds[0]}`);
  await expect(card).toBeVisible();
  await expect(card).toHaveAttribute('data-score', String(top.score));
  await expect(card).toHaveAttribute('data-rank', '1');
  await shot(page, '05-account');

  // Cases: the demo world's planted cases, one opened with its evidence and before/after.
  await go(page, '#/cases?dataset=demo-world');
  await expect(page.getByTestId('case-item').first()).toBeVisible({ timeout: 60_000 });
  await page.getByTestId('case-item').first().click();
  await expect(page.getByTestId('evidence-table')).toBeVisible();
  await shot(page, '06-cases');

  // Propagation: a Twitter15 cascade replayed over time.
  await go(page, '#/propagation?dataset=sample-twitter15-cascades');
  await page.getByTestId('cascade-row').first().click();
  await expect(page.getByTestId('cascade-tree')).toBeVisible();
  await page.getByTestId('replay-slider').fill('0');
  await page.getByTestId('replay-play').click();
  await shot(page, '07-propagation');

  // Places and topics.
  await go(page, '#/places?dataset=demo-world&topic=food&place=Philadelphia');
  await page.getByTestId('top-button').click();
  await expect(page.getByTestId('top-row').first()).toBeVisible();
  await shot(page, '08-places');

  // A report for the account, downloaded and read.
  await go(page, `#/account?dataset=karate&account=${top.account_id}`);
  await expect(page.getByTestId(`run-card-${runIds[0]}`)).toBeVisible();
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-account-report').click()]);
  const report = fs.readFileSync(await download.path(), 'utf8');
  expect(report).toContain('<html');
  expect(report).toContain(top.account_id);
  expect(report).toContain('pagerank');
  expect(report).not.toMatch(/<script[^>]*src=|<link[^>]*href="http/);
});

test('a user model is added from the Models view only after the warning is confirmed', async ({ page }) => {
  // A server of its own with a temporary app data folder: approving a model must never touch the developer's.
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lens-e2e-models-'));
  const env = { XDG_DATA_HOME: path.join(dir, 'data') };
  const database = path.join(dir, 'models.sqlite');
  const server = await startServer(database, env);
  const example = path.join(repoRoot, 'docs', 'examples', 'retweets-per-follower.mjs');
  const listed = () =>
    spawnSync(process.execPath, ['--import', 'tsx', path.join(repoRoot, 'src/main/cli/main.ts'), 'models', '--json', '--db', database], {
      cwd: repoRoot, encoding: 'utf8', env: { ...process.env, ...env },
    }).stdout;
  try {
    await page.goto(server.url);
    await go(page, '#/runs');
    await page.getByTestId('add-model').locator('summary').click();

    // Picking the file only shows what adding it means; Cancel sends nothing.
    await page.getByTestId('model-file-input').setInputFiles(example);
    const dialog = page.getByTestId('model-trust-dialog');
    await expect(dialog).toContainText('retweets-per-follower.mjs');
    await expect(dialog).toContainText('will run on your computer with your permissions, inside a sandbox that blocks file writes and new processes but not the network (Node 20)');
    await shot(page, '09-add-model-warning');
    await page.getByTestId('model-add-cancel').click();
    await expect(dialog).toHaveCount(0);
    expect(listed()).not.toContain('retweets-per-follower');

    await page.getByTestId('model-file-input').setInputFiles(example);
    await page.getByTestId('model-add-confirm').click();
    await expect(page.getByTestId('model-added')).toContainText('retweets-per-follower v1');
    await expect(page.getByTestId('model-select')).toHaveValue('retweets-per-follower');
    expect(listed()).toContain('"id":"retweets-per-follower"');
  } finally {
    await server.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
