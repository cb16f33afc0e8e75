import { describe, expect, it } from 'vitest';
import { gamingDetectors } from '../../../src/main/audit/detectors';
import { botTiming } from '../../../src/main/audit/detectors/bot-timing';
import { endorsementBurst } from '../../../src/main/audit/detectors/endorsement-burst';
import { minor } from '../../../src/main/audit/detectors/minor';
import { scoreJump } from '../../../src/main/audit/detectors/score-jump';
import { at, DAY, T0, World } from './detectors-builder';

describe('endorsement_burst', () => {
  /** `count` endorsers of `topic` for one account, half a day apart; the first `posters` post about the topic. */
  function burst(count: number, posters: number, topic = 'bacon', spacing = 0.5) {
    const world = new World();
    const subject = world.account();
    const endorsements = world.accounts(count).map((endorser, i) => {
      if (i < posters) world.post(endorser, at(-100), i % 2 ? 'Crispy BACON, every morning' : 'breakfast', i % 2 ? [] : ['bacon']);
      else world.post(endorser, at(-100), 'baconator fan, eggs and toast'); // not the word itself
      return world.interact(endorser, subject, 'endorse', at(i * spacing), topic);
    });
    return { data: world.build(), subject, endorsements };
  }

  it('flags 10 endorsements in 5 days from accounts that never post about the topic', () => {
    const { data, subject, endorsements } = burst(10, 0);
    const cases = endorsementBurst.detect(data);
    expect(cases).toHaveLength(1);
    expect(cases[0]).toMatchObject({ kind: 'endorsement_burst', topic: 'bacon', interactions: endorsements });
    expect(cases[0]!.accounts[0]).toBe(subject);
    expect(cases[0]!.evidence.slice(0, 4).map((row) => row.value)).toEqual([at(0), at(4.5), 10, 1]);
    expect(cases[0]!.evidence.slice(4).map((row) => row.interaction)).toEqual(endorsements);
  });

  it('allows 20% posters (by hashtag or by word) and not 30%', () => {
    expect(endorsementBurst.detect(burst(10, 2).data)).toHaveLength(1);
    expect(endorsementBurst.detect(burst(10, 3).data)).toEqual([]);
  });

  it('does not flag 9 endorsements, nor 10 spread over 18 days', () => {
    expect(endorsementBurst.detect(burst(9, 0).data)).toEqual([]);
    expect(endorsementBurst.detect(burst(9, 0).data, { minEndorsements: 9 })).toHaveLength(1);
    expect(endorsementBurst.detect(burst(10, 0, 'bacon', 2).data)).toEqual([]);
  });

  it('finds the qualifying window inside a longer, mixed series', () => {
    const world = new World();
    const subject = world.account();
    const fans = world.accounts(4);
    for (const fan of fans) world.post(fan, at(-1), '#Bacon', ['bacon']);
    fans.forEach((fan, i) => world.interact(fan, subject, 'endorse', at(i * 0.1), 'bacon')); // 4 posters on day 0
    const burstOnes = world.accounts(11).map((endorser, i) => world.interact(endorser, subject, 'endorse', at(3 + i * 0.1), 'bacon'));
    world.interact(fans[0]!, subject, 'endorse', at(3.5), 'eggs'); // another topic: its own group
    const [found] = endorsementBurst.detect(world.build());
    // Taking the 4 posters in would give 11 of 15 (73%): the window starts after them.
    expect(found!.interactions).toEqual(burstOnes);
  });
});

describe('score_jump', () => {
  /** Reactions to one account, `counts[w]` of them spread inside 30-day window w (aligned to T0). */
  function history(counts: number[]) {
    const world = new World();
    const [subject, fan] = world.accounts(2) as [number, number];
    world.interact(fan, world.account(), 'follow', T0); // sets the dataset's origin to T0
    const byWindow = counts.map((count, w) => Array.from({ length: count }, (_, i) => world.interact(fan, subject, 'retweet', at(w * 30 + 1 + (i % 25)))));
    return { data: world.build(), subject, byWindow };
  }

  it('flags 30 reactions after windows of 2, 0 and 4 (mean 2)', () => {
    const { data, subject, byWindow } = history([2, 0, 4, 30]);
    const cases = scoreJump.detect(data);
    expect(cases.map((c) => c.accounts)).toEqual([[subject]]);
    expect(cases[0]!.interactions).toEqual(byWindow[3]);
    expect(cases[0]!.evidence.slice(0, 4).map((row) => row.value)).toEqual([at(90), at(120), 30, 2]);
    expect(cases[0]!.evidence.slice(4).map((row) => [row.label, row.value])).toEqual([
      ['reactions in the window from 2024-01-01', 2],
      ['reactions in the window from 2024-03-01', 4],
      ['reactions in the window from 2024-03-31', 30],
    ]);
  });

  it('does not flag steady growth, a first window, or a jump under 20', () => {
    expect(scoreJump.detect(history([10, 15, 20, 25]).data)).toEqual([]);
    expect(scoreJump.detect(history([10, 15, 20, 25]).data, { minRatio: 1.6 })).toHaveLength(1); // 25 >= 1.6 * 15
    expect(scoreJump.detect(history([40]).data)).toEqual([]);
    expect(scoreJump.detect(history([1, 0, 19]).data)).toEqual([]);
  });

  it('counts the empty windows before an account’s first reaction as 0, and reports the biggest jump', () => {
    const { data, byWindow } = history([0, 0, 25, 100]); // window 3: mean 25/3, 100 >= 41.7
    expect(scoreJump.detect(data)[0]!.interactions).toEqual(byWindow[3]);
  });
});

describe('bot_like_timing', () => {
  function poster(intervalsMinutes: number[]) {
    const world = new World();
    const [account, other] = world.accounts(2) as [number, number];
    let time = T0;
    world.post(account, time);
    for (const minutes of intervalsMinutes) world.post(account, (time += minutes * 60_000));
    world.post(account, Number.NaN); // no time: not counted
    const given = world.repeat(2, account, other, 'retweet');
    world.interact(other, account, 'reply');
    return { data: world.build(), account, given };
  }

  it('flags 25 posts an hour apart give or take two minutes, with the interactions it gave', () => {
    const { data, account, given } = poster(Array.from({ length: 24 }, (_, i) => 60 + (i % 3) * 2 - 2));
    const cases = botTiming.detect(data);
    expect(cases.map((c) => c.accounts)).toEqual([[account]]);
    expect(cases[0]!.interactions).toEqual(given);
    const [count, mean, cv] = cases[0]!.evidence.map((row) => row.value!);
    expect(count).toBe(25);
    expect(mean).toBe(60 * 60_000);
    expect(cv).toBeGreaterThan(0);
    expect(cv).toBeLessThan(0.1);
  });

  it('does not flag human-irregular posting, 19 regular posts, or posts all at one instant', () => {
    const irregular = [5, 180, 12, 600, 45, 1440, 3, 90, 30, 240, 8, 700, 60, 15, 300, 2, 120, 1000, 20, 75, 400, 10, 50, 200];
    expect(botTiming.detect(poster(irregular).data)).toEqual([]);
    expect(botTiming.detect(poster(irregular).data, { maxIntervalCv: 2 })).toHaveLength(1);
    expect(botTiming.detect(poster(Array.from({ length: 18 }, () => 60)).data)).toEqual([]);
    expect(botTiming.detect(poster(Array.from({ length: 24 }, () => 0)).data)).toEqual([]);
  });
});

describe('minor', () => {
  it('flags a stated age under 18 with the age and the phrase read as it as evidence', () => {
    const world = new World();
    world.account('mom of a 14 y/o and a dog');
    const teen = world.account('14 y/o gamer, love kpop');
    world.account("I'm 25, coffee");
    world.account(null);
    const cases = minor.detect(world.build());
    expect(cases).toEqual([{ kind: 'minor', accounts: [teen], topic: null, strength: null, evidence: [{ label: 'stated age, read from "14 y/o"', value: 14 }], interactions: [] }]);
  });
});

describe('every detector together', () => {
  it('answers the same twice, in kind then subject order', () => {
    const world = new World();
    const accounts = world.accounts(40);
    // A dense, seeded mix of everything, so each detector has something to chew on.
    let seed = 7;
    const next = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    const kinds = ['retweet', 'quote', 'reply', 'mention', 'follow', 'endorse', 'edge'] as const;
    for (let i = 0; i < 3000; i++) {
      const kind = kinds[Math.floor(next() * kinds.length)]!;
      world.interact(accounts[Math.floor(next() * 40)]!, accounts[Math.floor(next() * 8)]!, kind, T0 + next() * 200 * DAY, kind === 'endorse' ? 'bacon' : null);
    }
    const data = world.build();
    const run = () => gamingDetectors.flatMap((detector) => detector.detect(data));
    const first = run();
    expect(first.length).toBeGreaterThan(0);
    expect(run()).toEqual(first);
    const order = first.map((c) => [gamingDetectors.findIndex((d) => d.kind === c.kind), c.accounts[0]!]);
    expect(order).toEqual([...order].sort((a, b) => a[0]! - b[0]! || a[1]! - b[1]!));
  });
});
