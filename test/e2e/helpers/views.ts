import fs from 'node:fs';
import path from 'node:path';
import { expect, type Page, type TestInfo } from '@playwright/test';
import { formatNumber } from '../../../src/renderer/src/ui/format';
import { assertNoOverlap } from '../overlap';
import { screenshotDir, serverUrl } from '../server';

/**
 * A CLI figure as the page's text prints it (the contract of ui/format.ts): integers whole with thousands separators,
 * other numbers to 3 significant digits.
 */
export const asShown = (value: number): string => formatNumber(value);

/** Opens the workbench with its launch token. */
export async function openWorkbench(page: Page): Promise<void> {
  await page.goto(serverUrl().url);
  await expect(page.getByRole('navigation', { name: 'Views' })).toBeVisible();
}

/** Goes to a view the way a user does: its link in the sidebar, never a typed address. */
export async function openView(page: Page, name: RegExp): Promise<void> {
  const link = page.getByRole('navigation', { name: 'Views' }).getByRole('link', { name });
  await link.click();
  // The view is shown before anything is done in it: a picker of the view just left would otherwise take the next
  // selectOption (seen at 1024 px: the dataset chosen for Propagation went to Places' picker).
  await expect(link).toHaveAttribute('aria-current', 'page');
  await expect(page.getByRole('main').getByRole('heading', { level: 1, name: new RegExp(name.source, 'i') })).toBeVisible();
}

/**
 * What follows every view a walk shows: no two panels overlap at this size, and a full-page screenshot at
 * test-results/screenshots/<project, i.e. the size>/<view>.png, kept by CI as an artifact.
 */
export async function shown(page: Page, testInfo: TestInfo, view: string): Promise<void> {
  await assertNoOverlap(page);
  const file = path.join(screenshotDir, testInfo.project.name, `${view}.png`);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  await page.screenshot({ path: file, fullPage: true });
}

/** Clicks what starts a download and returns the downloaded file's text. */
export async function downloadText(page: Page, click: () => Promise<void>): Promise<{ name: string; text: string }> {
  const [download] = await Promise.all([page.waitForEvent('download'), click()]);
  const file = await download.path();
  return { name: download.suggestedFilename(), text: fs.readFileSync(file, 'utf8') };
}
