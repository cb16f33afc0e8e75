import { useEffect, useState } from 'react';

/** Views and their hash routes; parameters travel as the hash's query string (#/account?dataset=d&account=a). */
export const VIEWS = [
  { path: 'start', label: 'Start here' },
  { path: 'datasets', label: 'Datasets' },
  { path: 'runs', label: 'Models & runs' },
  { path: 'distributions', label: 'Distributions' },
  { path: 'compare', label: 'Compare' },
  { path: 'account', label: 'Account' },
  { path: 'cases', label: 'Cases' },
  { path: 'propagation', label: 'Propagation' },
  { path: 'places', label: 'Places & topics' },
] as const;
export type ViewPath = (typeof VIEWS)[number]['path'];

/** What every view receives: the parameters of its route. */
export interface ViewProps {
  params: URLSearchParams;
}

export interface Route {
  view: ViewPath;
  params: URLSearchParams;
}

function parse(hash: string): Route {
  const [path = '', query = ''] = hash.replace(/^#\/?/, '').split('?');
  // An empty or unknown path opens the Start screen: it shows what is loaded and what to look at first.
  const view = (VIEWS.find((v) => v.path === path)?.path ?? 'start') as ViewPath;
  return { view, params: new URLSearchParams(query) };
}

/**
 * Opens a view. `replace` swaps the current history entry instead of adding one: for a default a view fills in by
 * itself (the account it opens on), so that Back does not return to the blank page that would fill it in again.
 */
export function navigate(view: ViewPath, params: Record<string, string | number | undefined> = {}, options: { replace?: boolean } = {}): void {
  const query = new URLSearchParams(Object.entries(params).flatMap(([k, v]) => (v === undefined ? [] : [[k, String(v)]]))).toString();
  const hash = `#/${view}${query ? `?${query}` : ''}`;
  if (!options.replace) {
    window.location.hash = hash;
    return;
  }
  // A default filled in after its data came must not pull the reader back to a view they have just left: clicking
  // Datasets while Start here was filling in its dataset replaced #/datasets with #/start (seen in the E2E at 1024 px).
  if (parse(window.location.hash).view !== view) return;
  window.history.replaceState(window.history.state, '', hash);
  // replaceState fires no hashchange: useRoute listens for one.
  window.dispatchEvent(new HashChangeEvent('hashchange'));
}

export function useRoute(): Route {
  const [route, setRoute] = useState(() => parse(window.location.hash));
  useEffect(() => {
    const update = () => setRoute(parse(window.location.hash));
    window.addEventListener('hashchange', update);
    return () => window.removeEventListener('hashchange', update);
  }, []);
  return route;
}
