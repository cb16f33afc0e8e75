import type { Transport } from './client';

const MEGABYTE = 1024 * 1024;

/**
 * The refusal of a file over the server's upload limit, for the person choosing files on the page: the limit in MB
 * (null when the answer did not say) and the way in that has none. The setting that moves the limit is for whoever
 * starts the server and is documented in docs/SECURITY.md, not named here.
 */
export function uploadTooLargeMessage(fileName: string, limitBytes: number | null): string {
  // The limit is set in whole MB (uploads.ts), so it is printed whole, not to 3 digits: 2,048 MB, not 2,050.
  const limit = limitBytes === null ? 'the size' : `the ${(Math.round((10 * limitBytes) / MEGABYTE) / 10).toLocaleString('en-US')} MB`;
  return `${fileName} is larger than ${limit} this page can upload. Import it from a terminal instead, which reads files of any size where they are: npx lens import FILE`;
}

/** The limit the server sent with a 413, or null. */
function uploadLimitOf(response: Response): number | null {
  const bytes = Number(response.headers.get('x-upload-limit-bytes') ?? NaN);
  return Number.isFinite(bytes) && bytes > 0 ? bytes : null;
}

const refused = (status: number) => ({
  ok: false as const,
  error: {
    code: 'internal' as const,
    message: status === 401 || status === 403 ? 'the workbench refused this page: open it with the URL `lens serve` printed' : `the workbench answered ${status}`,
  },
});

/**
 * The launch token, asked once from /api/session: the server answers it only to a same-origin fetch carrying the
 * session cookie, and every state-changing call must send it as `Authorization: Bearer` (the cookie alone is
 * refused, so a page on another 127.0.0.1 port cannot make calls with it: docs/SECURITY.md).
 */
function sessionToken(): () => Promise<string | null> {
  let token: Promise<string | null> | null = null;
  const ask = async () => {
    const response = await fetch('/api/session', { credentials: 'same-origin' });
    if (!response.ok) return null;
    const body = (await response.json()) as { ok: boolean; value?: { token: string } };
    return body.ok && body.value ? body.value.token : null;
  };
  return async () => {
    token ??= ask().catch(() => null);
    const value = await token;
    // A refusal is asked again next time (the cookie may have been set since), a token is kept.
    if (value === null) token = null;
    return value;
  };
}

/** The browser mode: calls as POST /api/call/NAME with the Bearer token, progress as server-sent events. */
export function httpTransport(): Transport {
  const token = sessionToken();
  const post = async (path: string, headers: Record<string, string>, body: BodyInit) => {
    const bearer = await token();
    if (bearer === null) return null;
    return fetch(path, { method: 'POST', headers: { ...headers, authorization: `Bearer ${bearer}` }, body });
  };
  return {
    async call(name, input, requestId) {
      const response = await post(`/api/call/${name}`, { 'content-type': 'application/json', 'x-request-id': requestId }, JSON.stringify(input ?? {}));
      if (!response) return refused(401);
      return response.ok ? response.json() : refused(response.status);
    },
    onProgress(listener) {
      const events = new EventSource('/api/events');
      events.onmessage = (event) => {
        const data = JSON.parse(event.data as string);
        listener(data.requestId, { kind: data.kind, progress: data.progress });
      };
      return () => events.close();
    },
    cancel(requestId) {
      void post(`/api/cancel/${encodeURIComponent(requestId)}`, {}, '');
    },
    async upload(file) {
      const response = await post(`/api/upload?name=${encodeURIComponent(file.name)}`, {}, file);
      if (!response) return refused(401);
      if (response.status === 413) {
        return { ok: false, error: { code: 'invalid_input', message: uploadTooLargeMessage(file.name, uploadLimitOf(response)) } };
      }
      return response.ok ? response.json() : refused(response.status);
    },
  };
}
