import type { ViewProps } from '../../app/App';

export function PropagationView(_props: ViewProps) {
  return <h1>PropagationView</h1>;
}
