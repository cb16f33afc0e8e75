import type { ComponentType } from 'react';
import { AccountView } from '../features/account/AccountView';
import { CasesView } from '../features/cases/CasesView';
import { CompareView } from '../features/compare/CompareView';
import { DatasetsView } from '../features/datasets/DatasetsView';
import { DistributionsView } from '../features/distributions/DistributionsView';
import { PlacesView } from '../features/places/PlacesView';
import { PropagationView } from '../features/propagation/PropagationView';
import { RunsView } from '../features/runs/RunsView';
import { StartView } from '../features/start/StartView';
import { useMenuEvents } from './menu-events';
import { navigate, useRoute, VIEWS, type ViewPath, type ViewProps } from '../ui/routes';

/** Re-exported for features/account until it imports ui/routes itself (issue 14, H12's files). */
export type { ViewProps };

const views: Record<ViewPath, ComponentType<ViewProps>> = {
  start: StartView,
  datasets: DatasetsView,
  runs: RunsView,
  distributions: DistributionsView,
  compare: CompareView,
  account: AccountView,
  cases: CasesView,
  propagation: PropagationView,
  places: PlacesView,
};

export function App() {
  useMenuEvents();
  const route = useRoute();
  const View = views[route.view];
  return (
    <div className="app">
      <nav className="sidebar" aria-label="Views">
        <div className="brand">Influence Lens</div>
        {VIEWS.map((view) => (
          <a
            key={view.path}
            href={`#/${view.path}`}
            className={view.path === route.view ? 'active' : undefined}
            aria-current={view.path === route.view ? 'page' : undefined}
            onClick={(event) => {
              event.preventDefault();
              navigate(view.path);
            }}
          >
            {view.label}
          </a>
        ))}
      </nav>
      <main className="content">
        <View params={route.params} />
      </main>
    </div>
  );
}
