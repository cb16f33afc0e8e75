import type { ViewProps } from '../../app/App';

export function DatasetsView(_props: ViewProps) {
  return <h1>DatasetsView</h1>;
}
