import type { z } from 'zod';
import type { AccountLabel } from '../../../shared/runs';
import { navigate } from './routes';

export type Account = z.infer<typeof AccountLabel>;

export const accountName = (account: Account): string => (account.handle ? `@${account.handle}` : account.accountId);

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
