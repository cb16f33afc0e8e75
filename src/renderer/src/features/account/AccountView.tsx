import type { ViewProps } from '../../app/App';

export function AccountView(_props: ViewProps) {
  return <h1>AccountView</h1>;
}
