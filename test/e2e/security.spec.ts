import { expect, test } from '@playwright/test';
import { serverUrl } from './server';

test('the API refuses requests without the launch token, and the page loads with it', async ({ page, request }) => {
  const { url, origin, token } = serverUrl();
  const anonymous = await request.post(`${origin}/api/call/datasets.list`, { data: {} });
  expect(anonymous.status()).toBe(401);
  const wrong = await request.post(`${origin}/api/call/datasets.list`, { data: {}, headers: { authorization: 'Bearer nope' } });
  expect(wrong.status()).toBe(401);
  const page401 = await request.get(`${origin}/`);
  expect(page401.status()).toBe(401);
  const allowed = await request.post(`${origin}/api/call/datasets.list`, { data: {}, headers: { authorization: `Bearer ${token}` } });
  expect((await allowed.json()).ok).toBe(true);
  await page.goto(url);
  await expect(page.getByRole('navigation', { name: 'Views' })).toBeVisible();
  expect(page.url()).not.toContain('token=');
});
