import type { ViewProps } from '../../app/App';

export function PlacesView(_props: ViewProps) {
  return <h1>PlacesView</h1>;
}
