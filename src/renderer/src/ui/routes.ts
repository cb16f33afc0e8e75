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

export function navigate(view: ViewPath, params: Record<string, string | number | undefined> = {}): void {
  const query = new URLSearchParams(Object.entries(params).flatMap(([k, v]) => (v === undefined ? [] : [[k, String(v)]]))).toString();
  window.location.hash = `#/${view}${query ? `?${query}` : ''}`;
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
