import type { ViewProps } from '../../app/App';

export function CompareView(_props: ViewProps) {
  return <h1>CompareView</h1>;
}
