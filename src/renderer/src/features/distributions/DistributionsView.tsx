import type { ViewProps } from '../../app/App';

export function DistributionsView(_props: ViewProps) {
  return <h1>DistributionsView</h1>;
}
