import type { AuditData } from '../data';
import { kindIndex } from '../data';
import type { DetectedCase } from '../case';
import { countDistinct, gamingCase, interactionsBy, shareAtLeast, sortedHas, type GamingDetector } from './shared';

export type FollowBackOptions = {
  minFollowing: number;
  minFollowers: number;
  minFollowBackShare: number;
};

/**
 * A "social capitalist": follows >= 50 accounts and follows back >= 90% of the accounts that follow it, with
 * >= 10 followers so that the share means something. Following and followers are the distinct accounts in the
 * dataset's `follow` interactions (not the profile counts, which a crawl rarely covers). The what-if removes its
 * follow-backs: the follows it gave to its own followers. O(follows log follows).
 */
function detect(data: AuditData, options: Partial<FollowBackOptions> = {}): DetectedCase[] {
  const o = { ...followBack.defaults, ...options };
  const follow = kindIndex('follow');
  const { actor, target } = data.interactions;
  const isFollow = (kind: number) => kind === follow;
  const given = interactionsBy(data, 'actor', isFollow);
  const received = interactionsBy(data, 'target', isFollow);
  const cases: DetectedCase[] = [];
  for (let account = 0; account < data.accounts.count; account++) {
    const follows = given.items.subarray(given.start[account]!, given.start[account + 1]!);
    const incoming = received.items.subarray(received.start[account]!, received.start[account + 1]!);
    if (follows.length < o.minFollowing || incoming.length < o.minFollowers) continue;
    const following = countDistinct(Int32Array.from(follows, (at) => target[at]!)).values;
    const followers = countDistinct(Int32Array.from(incoming, (at) => actor[at]!)).values;
    if (following.length < o.minFollowing || followers.length < o.minFollowers) continue;
    const followedBack = followers.filter((follower) => sortedHas(following, follower)).length;
    if (!shareAtLeast(followedBack, followers.length, o.minFollowBackShare)) continue;
    cases.push(
      gamingCase(
        'follow_back',
        [account],
        [
          { label: 'accounts it follows', value: following.length },
          { label: 'accounts that follow it', value: followers.length },
          { label: 'followers it follows back', value: followedBack },
          { label: 'share of followers followed back', value: followedBack / followers.length },
        ],
        Array.from(follows).filter((at) => sortedHas(followers, target[at]!)),
      ),
    );
  }
  return cases;
}

export const followBack: GamingDetector<FollowBackOptions> = {
  kind: 'follow_back',
  defaults: { minFollowing: 50, minFollowers: 10, minFollowBackShare: 0.9 },
  detect,
};
