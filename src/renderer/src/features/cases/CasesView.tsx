import type { ViewProps } from '../../app/App';

export function CasesView(_props: ViewProps) {
  return <h1>CasesView</h1>;
}
