import type { Transport } from './client';

const TOKEN_KEY = 'lens-token';

/** The launch token: from the URL the server printed (then hidden from the address bar), else from this tab. */
function launchToken(): string {
  const url = new URL(window.location.href);
  const fromUrl = url.searchParams.get('token');
  if (fromUrl) {
    sessionStorage.setItem(TOKEN_KEY, fromUrl);
    url.searchParams.delete('token');
    window.history.replaceState(null, '', url.toString());
  }
  return sessionStorage.getItem(TOKEN_KEY) ?? '';
}

/** The browser mode: calls as POST /api/call/NAME, progress as server-sent events. */
export function httpTransport(): Transport {
  const token = launchToken();
  const headers = { authorization: `Bearer ${token}`, 'content-type': 'application/json' };
  const refused = (status: number) => ({
    ok: false as const,
    error: { code: 'internal' as const, message: status === 401 ? 'the workbench refused this page: open it with the URL `lens serve` printed' : `the workbench answered ${status}` },
  });
  return {
    async call(name, input, requestId) {
      const response = await fetch(`/api/call/${name}`, { method: 'POST', headers: { ...headers, 'x-request-id': requestId }, body: JSON.stringify(input ?? {}) });
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
      void fetch(`/api/cancel/${requestId}`, { method: 'POST', headers });
    },
    async upload(file) {
      const response = await fetch(`/api/upload?name=${encodeURIComponent(file.name)}`, { method: 'POST', headers: { authorization: headers.authorization }, body: file });
      return response.ok ? response.json() : refused(response.status);
    },
  };
}
