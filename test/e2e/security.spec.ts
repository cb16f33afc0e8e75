import { expect, test } from '@playwright/test';
import { serverUrl } from './server';

test('the API refuses requests without the launch token, and the page loads with it', async ({ page, request }) => {
  const { url, origin, token } = serverUrl();
  const anonymous = await request.post(`${origin}/api/call/datasets.list`, { data: {}, headers: { origin } });
  expect(anonymous.status()).toBe(401);
  const wrong = await request.post(`${origin}/api/call/datasets.list`, { data: {}, headers: { authorization: 'Bearer nope', origin } });
  expect(wrong.status()).toBe(401);
  const page401 = await request.get(`${origin}/`);
  expect(page401.status()).toBe(401);
  const allowed = await request.post(`${origin}/api/call/datasets.list`, { data: {}, headers: { authorization: `Bearer ${token}`, origin } });
  expect((await allowed.json()).ok).toBe(true);
  // The printed URL's token sets the cookie and is dropped from the address by a redirect.
  const response = await page.goto(url);
  expect(response!.headers()['content-security-policy']).toContain("frame-ancestors 'none'");
  expect(response!.headers()['x-frame-options']).toBe('DENY');
  expect(response!.headers()['referrer-policy']).toBe('no-referrer');
  await expect(page.getByRole('navigation', { name: 'Views' })).toBeVisible();
  // The app may add its own route after '#'; the token must be gone from the whole address.
  const address = new URL(page.url());
  expect(`${address.origin}${address.pathname}${address.search}`).toBe(`${origin}/`);
  expect(page.url()).not.toContain(token);
});

test('in the page, the cookie alone cannot make a call: the token comes from /api/session and goes as Bearer', async ({ page, request }) => {
  const { url, origin, token } = serverUrl();
  await page.goto(url);
  const statuses = await page.evaluate(async () => {
    const cookieOnly = await fetch('/api/call/datasets.list', { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' });
    const session = (await (await fetch('/api/session')).json()) as { value: { token: string } };
    const withBearer = await fetch('/api/call/datasets.list', {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${session.value.token}` },
      body: '{}',
    });
    return { cookieOnly: cookieOnly.status, sessionToken: session.value.token, withBearer: withBearer.status, ok: ((await withBearer.json()) as { ok: boolean }).ok };
  });
  expect(statuses).toEqual({ cookieOnly: 401, sessionToken: token, withBearer: 200, ok: true });
  // A cookie-carrying POST that names another 127.0.0.1 port as its origin is refused.
  const cookies = await page.context().cookies(origin);
  const cookie = cookies.map((entry) => `${entry.name}=${entry.value}`).join('; ');
  const forged = await request.post(`${origin}/api/call/datasets.delete`, { data: { name: 'demo-world' }, headers: { cookie, origin: 'http://127.0.0.1:8888' } });
  expect(forged.status()).toBe(403);
  // The session is not handed to a navigation (only to the page's own fetch).
  const navigated = await page.goto(`${origin}/api/session`);
  expect(navigated!.status()).toBe(403);
});
