import type http from 'node:http';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Socket } from 'node:net';

/** How long close() lets requests in flight finish before it cuts their connections. */
const CLOSE_GRACE_MS = 2_000;

/**
 * Stopping the server (Ctrl-C on `lens serve`) without waiting on the browser. server.close() waits for every socket,
 * and a browser holds sockets that nothing ends: Chromium opens some ahead of need (preconnect) that carry no
 * request, which Node counts as busy until its request timeout (300 s), and a keep-alive socket carries the page's
 * next request (an event stream reconnecting). So at close: sockets that never carried a request are destroyed,
 * answers in flight end their connection, idle ones are closed, and whatever is left is cut after a grace period.
 */
export class GracefulClose {
  closing = false;
  private readonly sockets = new Set<Socket>();
  private readonly requested = new WeakSet<Socket>();
  private readonly inFlight = new Set<ServerResponse>();

  constructor(private readonly server: http.Server) {
    server.on('connection', (socket: Socket) => {
      this.sockets.add(socket);
      socket.on('close', () => this.sockets.delete(socket));
    });
  }

  /** Called first thing for every request. */
  request(request: IncomingMessage, response: ServerResponse): void {
    this.requested.add(request.socket);
    if (this.closing) response.shouldKeepAlive = false;
    this.inFlight.add(response);
    response.on('close', () => this.inFlight.delete(response));
  }

  async close(): Promise<void> {
    this.closing = true;
    for (const response of this.inFlight) if (!response.headersSent) response.shouldKeepAlive = false;
    await new Promise((resolve) => {
      this.server.close(resolve);
      this.server.closeIdleConnections();
      for (const socket of this.sockets) if (!this.requested.has(socket)) socket.destroy();
      setTimeout(() => this.server.closeAllConnections(), CLOSE_GRACE_MS).unref();
    });
  }
}
