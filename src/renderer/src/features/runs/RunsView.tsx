import type { ViewProps } from '../../app/App';

export function RunsView(_props: ViewProps) {
  return <h1>RunsView</h1>;
}
