export interface Route {
  name: 'call' | 'cancel' | 'upload' | 'events' | 'session' | 'event-loop';
  /** The exact path, or with a trailing slash the prefix of one (the rest is the call name or request id). */
  path: string;
  method: 'GET' | 'POST';
  /** Takes only `Authorization: Bearer` from our own origin (a cookie alone is refused): docs/SECURITY.md. */
  stateChanging: boolean;
}

const ROUTES: readonly Route[] = [
  { name: 'call', path: '/api/call/', method: 'POST', stateChanging: true },
  { name: 'cancel', path: '/api/cancel/', method: 'POST', stateChanging: true },
  { name: 'upload', path: '/api/upload', method: 'POST', stateChanging: true },
  { name: 'events', path: '/api/events', method: 'GET', stateChanging: false },
  { name: 'session', path: '/api/session', method: 'GET', stateChanging: false },
  { name: 'event-loop', path: '/api/test/event-loop', method: 'GET', stateChanging: false },
];

/** The API route for a path; the test-only event-loop route exists only when it was turned on. */
export function findRoute(pathname: string, testEndpoints: boolean): Route | null {
  const route = ROUTES.find((candidate) => (candidate.path.endsWith('/') ? pathname.startsWith(candidate.path) && pathname.length > candidate.path.length : pathname === candidate.path));
  if (!route || (route.name === 'event-loop' && !testEndpoints)) return null;
  return route;
}
