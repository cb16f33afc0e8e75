import { describe, expect, it } from 'vitest';
import { CASE_KINDS } from '../../../src/main/audit/case';
import { gamingDetectors } from '../../../src/main/audit/detectors';
import { concentratedEngagement } from '../../../src/main/audit/detectors/concentrated-engagement';
import { followBack } from '../../../src/main/audit/detectors/follow-back';
import { reciprocityRing } from '../../../src/main/audit/detectors/reciprocity-ring';
import { World } from './detectors-builder';

/** Each pair of `members` mentions each other `times` times both ways. */
function mutualGroup(world: World, members: number[], times: number) {
  for (const a of members) for (const b of members) if (a !== b) world.repeat(times, a, b);
}

describe('reciprocity_ring', () => {
  it('finds a ring whose members give 75% inside, with every interaction among them', () => {
    const world = new World();
    const [outsider, a, b, c] = world.accounts(4) as [number, number, number, number];
    mutualGroup(world, [a, b, c], 3); // 6 given inside by each
    for (const member of [a, b, c]) world.repeat(2, member, outsider); // 2 outside: 6 / 8 = 75%
    world.repeat(4, outsider, a); // attention received does not count against a member
    const cases = reciprocityRing.detect(world.build());
    expect(cases).toHaveLength(1);
    expect(cases[0]!.accounts).toEqual([a, b, c]);
    expect(cases[0]!.interactions).toHaveLength(18);
    expect(cases[0]!.evidence[0]).toEqual({ label: 'interactions inside the ring', value: 18 });
    expect(cases[0]!.evidence.slice(1).map((row) => [row.account, row.value])).toEqual([[a, 0.75], [b, 0.75], [c, 0.75]]);
  });

  it('does not flag a ring in which one member gives only 60% inside, nor a mutual pair', () => {
    const world = new World();
    const [outsider, a, b, c, d, e] = world.accounts(6) as [number, number, number, number, number, number];
    mutualGroup(world, [a, b, c], 3);
    for (const member of [a, b]) world.repeat(1, member, outsider);
    world.repeat(4, c, outsider); // c: 6 inside of 10 = 60%, and without c no three remain
    mutualGroup(world, [d, e], 10);
    expect(reciprocityRing.detect(world.build())).toEqual([]);
    // A near miss: at a 60% threshold the same three are a ring.
    expect(reciprocityRing.detect(world.build(), { minInsideShare: 0.6 }).map((c) => c.accounts)).toEqual([[a, b, c]]);
  });

  it('keeps the clique of four and leaves out a hanger-on that is mutual with only two of them', () => {
    const world = new World();
    const [a, b, c, d, hanger] = world.accounts(5) as [number, number, number, number, number];
    mutualGroup(world, [a, b, c, d], 2); // 6 inside each
    world.repeat(3, hanger, a);
    world.repeat(3, hanger, b);
    world.interact(a, hanger);
    world.interact(b, hanger); // a, b: 6 of 7 inside
    const [ring] = reciprocityRing.detect(world.build());
    expect(ring!.accounts).toEqual([a, b, c, d]);
    expect(ring!.evidence.find((row) => row.account === a)!.value).toBeCloseTo(6 / 7);
  });

  it('needs five interactions inside per member', () => {
    const world = new World();
    mutualGroup(world, world.accounts(3), 2); // 4 each, all inside
    expect(reciprocityRing.detect(world.build())).toEqual([]);
    expect(reciprocityRing.detect(world.build(), { minInsideInteractions: 4 })).toHaveLength(1);
  });
});

describe('concentrated_engagement', () => {
  it('flags 22 of 25 reactions from three accounts and names them with counts and shares', () => {
    const world = new World();
    const [star, r1, r2, r3, ...others] = world.accounts(7) as number[];
    const fromTop = [...world.repeat(10, r1!, star!, 'retweet'), ...world.repeat(8, r2!, star!, 'reply'), ...world.repeat(4, r3!, star!, 'quote')];
    for (const other of others) world.interact(other, star!, 'mention');
    world.repeat(30, r1!, star!, 'follow'); // not a reaction
    const cases = concentratedEngagement.detect(world.build());
    expect(cases).toHaveLength(1);
    const [found] = cases;
    expect(found!.accounts).toEqual([star, r1, r2, r3]);
    expect(found!.interactions).toEqual(fromTop);
    expect(found!.evidence.slice(0, 4)).toEqual([
      { label: 'reactions received', value: 25 },
      { label: 'share given by the top reactors', value: 22 / 25 },
      { label: 'reactions from this reactor', account: r1, value: 10 },
      { label: 'share from this reactor', account: r1, value: 10 / 25 },
    ]);
  });

  it('does not flag engagement spread over many reactors, nor 19 reactions from one', () => {
    const world = new World();
    const [spread, few] = world.accounts(2) as [number, number];
    const reactors = world.accounts(10);
    reactors.forEach((reactor, i) => world.repeat(i < 5 ? 3 : 2, reactor, spread, 'retweet')); // top 3: 9 of 25
    world.repeat(19, reactors[0]!, few, 'retweet');
    expect(concentratedEngagement.detect(world.build())).toEqual([]);
    expect(concentratedEngagement.detect(world.build(), { minTopShare: 9 / 25, minReactions: 19 }).map((c) => c.accounts[0])).toEqual([spread, few]);
  });
});

describe('follow_back', () => {
  function socialCapitalist(following: number, followers: number, followedBack: number) {
    const world = new World();
    const account = world.account();
    const fans = world.accounts(followers);
    fans.forEach((fan) => world.interact(fan, account, 'follow'));
    const back = fans.slice(0, followedBack).map((fan) => world.interact(account, fan, 'follow'));
    for (const other of world.accounts(following - followedBack)) world.interact(account, other, 'follow');
    return { data: world.build(), account, back };
  }

  it('flags following 60 and following back 19 of 20 followers', () => {
    const { data, account, back } = socialCapitalist(60, 20, 19);
    const cases = followBack.detect(data);
    expect(cases.map((c) => c.accounts)).toEqual([[account]]);
    expect(cases[0]!.interactions).toEqual(back);
    expect(cases[0]!.evidence.map((row) => row.value)).toEqual([60, 20, 19, 0.95]);
  });

  it('does not flag following back 80%, following 40, or 9 followers', () => {
    expect(followBack.detect(socialCapitalist(60, 20, 16).data)).toEqual([]);
    expect(followBack.detect(socialCapitalist(60, 20, 16).data, { minFollowBackShare: 0.8 })).toHaveLength(1);
    expect(followBack.detect(socialCapitalist(40, 20, 20).data)).toEqual([]);
    expect(followBack.detect(socialCapitalist(60, 9, 9).data)).toEqual([]);
  });
});

describe('gamingDetectors', () => {
  it('lists every gaming kind once, in CASE_KINDS order', () => {
    const kinds = gamingDetectors.map((detector) => detector.kind);
    expect(kinds).toEqual(CASE_KINDS.filter((kind) => kinds.includes(kind)));
    expect(kinds).toEqual(['reciprocity_ring', 'concentrated_engagement', 'endorsement_burst', 'score_jump', 'follow_back', 'bot_like_timing', 'minor']);
  });

  it('runs on an empty dataset and passes options through', () => {
    const world = new World();
    for (const detector of gamingDetectors) expect(detector.detect(world.build())).toEqual([]);
    const [, b, c] = world.accounts(3) as [number, number, number];
    world.repeat(19, b, c, 'retweet');
    const [concentrated] = gamingDetectors.filter((detector) => detector.kind === 'concentrated_engagement');
    expect(concentrated!.detect(world.build(), { minReactions: 19 })).toHaveLength(1);
  });
});
