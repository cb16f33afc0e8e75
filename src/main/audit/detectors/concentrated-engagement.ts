import type { AuditData } from '../data';
import type { DetectedCase } from '../case';
import { countDistinct, gamingCase, shareAtLeast, interactionsBy, isReactionKind, type GamingDetector } from './shared';

export type ConcentratedEngagementOptions = {
  minReactions: number;
  topReactors: number;
  minTopShare: number;
};

/**
 * Accounts with >= 20 reactions received of which the 3 most active reactors gave >= 80%. Reactions are counted,
 * not weighted, as the definition counts them; fewer than 3 reactors means the top ones gave all of it.
 * O(reactions log reactions) for the per-account sorts.
 */
function detect(data: AuditData, options: Partial<ConcentratedEngagementOptions> = {}): DetectedCase[] {
  const o = { ...concentratedEngagement.defaults, ...options };
  const { actor } = data.interactions;
  const received = interactionsBy(data, 'target', (kind) => isReactionKind[kind]!);
  const cases: DetectedCase[] = [];
  for (let account = 0; account < data.accounts.count; account++) {
    const reactions = received.items.subarray(received.start[account]!, received.start[account + 1]!);
    if (reactions.length < o.minReactions) continue;
    const reactors = countDistinct(Int32Array.from(reactions, (at) => actor[at]!));
    const top = Array.from(reactors.values.keys())
      .sort((p, q) => reactors.counts[q]! - reactors.counts[p]! || reactors.values[p]! - reactors.values[q]!)
      .slice(0, o.topReactors)
      .map((slot) => ({ account: reactors.values[slot]!, count: reactors.counts[slot]! }));
    const fromTop = top.reduce((sum, reactor) => sum + reactor.count, 0);
    if (!shareAtLeast(fromTop, reactions.length, o.minTopShare)) continue;
    const topSet = new Set(top.map((reactor) => reactor.account));
    cases.push(
      gamingCase(
        'concentrated_engagement',
        [account, ...top.map((reactor) => reactor.account)],
        [
          { label: 'reactions received', value: reactions.length },
          { label: 'share given by the top reactors', value: fromTop / reactions.length },
          ...top.flatMap((reactor) => [
            { label: 'reactions from this reactor', account: reactor.account, value: reactor.count },
            { label: 'share from this reactor', account: reactor.account, value: reactor.count / reactions.length },
          ]),
        ],
        Array.from(reactions).filter((at) => topSet.has(actor[at]!)),
      ),
    );
  }
  return cases;
}

export const concentratedEngagement: GamingDetector<ConcentratedEngagementOptions> = {
  kind: 'concentrated_engagement',
  defaults: { minReactions: 20, topReactors: 3, minTopShare: 0.8 },
  detect,
};
