import { formatNumber, time } from '../../ui/format';
import { ErrorNotice } from '../../ui/notices';
import { useCall } from '../../ui/use-call';

/** A count with its noun, or nothing when the data does not say. */
const count = (value: number | null, noun: string) => (value === null ? null : `${formatNumber(value)} ${noun}`);

/**
 * Who the account is, from its row in the dataset (accounts.show): name, handle, bio, where it is, followers. A
 * minor's details stay withheld, as everywhere else; an account known only from others' interactions says so.
 */
export function AccountHeader({ dataset, account }: { dataset: string; account: string }) {
  const profile = useCall('accounts.show', { dataset, account });
  const p = profile.data;
  if (profile.error) return <ErrorNotice error={profile.error} />;
  if (!p) return <p className="muted">Looking up {account}…</p>;
  const counts = [
    count(p.followers, 'followers'),
    count(p.following, 'following'),
    count(p.postCount, 'posts on the platform'),
    `${formatNumber(p.postsInDataset)} posts in this dataset`,
  ].filter(Boolean);
  return (
    <header className="panel" data-panel="account-header" data-testid="account-header" data-account-id={p.accountId}>
      <h2 style={{ margin: 0 }} data-testid="account-name">
        {p.displayName ?? (p.handle ? `@${p.handle}` : p.accountId)}{' '}
        {p.handle && p.displayName && (
          <span className="muted" data-testid="account-handle">
            @{p.handle}
          </span>
        )}
      </h2>
      {p.minor && p.handle === null && <p className="muted">The bio states an age under 18: name, handle, bio and location are withheld.</p>}
      {p.placeholder && <p className="muted">Known only from other accounts&apos; interactions with it: the data has no profile for it.</p>}
      {p.bio && (
        <p data-testid="account-bio" style={{ margin: '6px 0' }}>
          {p.bio}
        </p>
      )}
      <div className="row muted">
        {p.location && (
          <span data-testid="account-location" title={p.place ? `written "${p.location}"` : 'not a place the gazetteer knows'}>
            {/* Words, not a pin emoji: Linux fonts without emoji drew it as an empty box. */}
            in {p.place ? p.place.label : p.location}
          </span>
        )}
        <span data-testid="account-followers" data-value={p.followers ?? ''}>
          {counts.join(' · ')}
        </span>
        {p.createdAt && <span>joined {time(p.createdAt).slice(0, 10)}</span>}
        <span title="platform id">id {p.accountId}</span>
      </div>
    </header>
  );
}
