import { expect, test } from '@playwright/test';
import { lensJson } from './helpers/lens';
import { asShown, openView, openWorkbench, shown } from './helpers/views';

/**
 * The marketer: the accounts strongest in food in Philadelphia, how a story spread (a Twitter15 cascade replayed to
 * its last reaction) and the neighbourhood of the strongest food account; the page's figures are the CLI's.
 */
interface TopJson { accounts: { accountId: string; handle: string | null; strength: number }[] }
interface CascadeJson { root_post_id: string; size: number; root_account: { accountId: string; handle: string | null } }
interface EgoJson { nodes: unknown[]; edges: unknown[] }

test('the marketer finds food accounts in Philadelphia, replays a cascade and opens an ego network', async ({ page }, testInfo) => {
  await openWorkbench(page);

  // Places & topics: food in Philadelphia, ranked as `lens top` ranks it.
  await openView(page, /Places/);
  await page.getByTestId('dataset-picker').selectOption('demo-world');
  await page.getByTestId('top-topic').fill('food');
  await page.getByTestId('top-place').fill('Philadelphia');
  await page.getByTestId('top-button').click();
  const top = lensJson<TopJson>('top', '--dataset', 'demo-world', '--topic', 'food', '--place', 'Philadelphia').accounts;
  expect(top.length).toBeGreaterThan(0);
  const rows = page.getByTestId('top-row');
  await expect(rows.first()).toBeVisible({ timeout: 30_000 });
  for (const [index, account] of top.slice(0, 3).entries()) {
    await expect(rows.nth(index)).toContainText(account.handle ? `@${account.handle}` : account.accountId);
    await expect(rows.nth(index)).toContainText(asShown(account.strength));
  }
  await shown(page, testInfo, 'places');

  // Propagation: the first Twitter15 cascade replayed from its root to its last reaction.
  await openView(page, /Propagation/);
  await page.getByTestId('dataset-picker').selectOption('sample-twitter15-cascades');
  await page.getByTestId('cascade-row').first().click();
  await expect(page.getByTestId('cascade-tree')).toBeVisible({ timeout: 30_000 });
  const replay = page.getByTestId('cascade-detail');
  // The table's order is the reader's to sort; the cascade is matched to the CLI's by its root post.
  const rootPost = /Root post (\d+)/.exec(await replay.innerText())![1];
  const cascade = lensJson<CascadeJson[]>('cascades', '--dataset', 'sample-twitter15-cascades').find((c) => c.root_post_id === rootPost)!;
  expect(cascade, `the CLI lists the cascade of root post ${rootPost}`).toBeDefined();
  await page.getByTestId('replay-slider').fill('0');
  await expect(replay).toContainText(new RegExp(`\\b1 of ${cascade.size} nodes`));
  await page.getByTestId('replay-play').click();
  // The replay ends by itself (8 s of animation) and shows every node of the cascade.
  await expect(page.getByTestId('replay-play')).toHaveText(/Play/, { timeout: 20_000 });
  await expect(replay).toContainText(`${cascade.size} of ${cascade.size} nodes`);
  await shown(page, testInfo, 'propagation');

  // Ego network of the strongest food account in Philadelphia: as many accounts and links as `lens ego` finds.
  const leader = top[0]!;
  const name = leader.handle ? `@${leader.handle}` : leader.accountId;
  await page.getByTestId('dataset-picker').selectOption('demo-world');
  await page.getByTestId('ego-account').fill(name);
  await page.getByTestId('ego-show').click();
  const ego = lensJson<EgoJson>('ego', '--dataset', 'demo-world', '--account', name, '--depth', '1', '--limit', '500');
  await expect(page.getByTestId('ego-graph')).toBeVisible({ timeout: 30_000 });
  await expect(page.getByText(`${ego.nodes.length} accounts, ${ego.edges.length} links`)).toBeVisible();
  await shown(page, testInfo, 'ego-network');
});
