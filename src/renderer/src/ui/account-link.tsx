import type { z } from 'zod';
import type { AccountLabel } from '../../../shared/runs';
import { navigate } from './routes';

export type Account = z.infer<typeof AccountLabel>;

export const accountName = (account: Account): string => (account.handle ? `@${account.handle}` : account.accountId);

/** Whether a label is the account a view was opened with, given as a platform id or a handle (with or without @). */
export function isAccount(label: Account, query: string): boolean {
  const handle = query.replace(/^@/, '').toLowerCase();
  return label.accountId === query || (label.handle !== null && label.handle.toLowerCase() === handle);
}

/** An account name that opens the account view. */
export function AccountLink({ account, dataset }: { account: Account; dataset: string }) {
  return (
    <a
      href={`#/account?dataset=${encodeURIComponent(dataset)}&account=${encodeURIComponent(account.accountId)}`}
      data-testid="account-link"
      onClick={(event) => {
        event.preventDefault();
        navigate('account', { dataset, account: account.accountId });
      }}
    >
      {accountName(account)}
    </a>
  );
}
