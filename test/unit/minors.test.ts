import { describe, expect, it } from 'vitest';
import { statedMinorAge } from '../../src/shared/minors';

describe('statedMinorAge', () => {
  it.each([
    ['14 y/o | kpop stan', 14],
    ["I'm 15", 15],
    ['im 16 and bored', 16],
    ['i am 13. she/her', 13],
    ['15yo gamer', 15],
    ['age 13', 13],
    ['Aged: 12 // loves cats', 12],
    ['17 years old, future astronaut', 17],
    ['she/her • 16 • ARMY', null],
    ['I’m 14!', 14],
  ])('finds the stated age in %j', (bio, age) => {
    expect(statedMinorAge(bio)).toBe(age);
  });

  it.each([
    ['mom of a 14 y/o and a dog'],
    ["I'm 15 minutes from Boston"],
    ['age 35, dad'],
    ['21 y/o student'],
    ['Proud father of two 15yo twins'],
    ['Coach of my 12 yo soccer team'],
    [''],
    ['Founded in 2014'],
  ])('does not flag %j', (bio) => {
    expect(statedMinorAge(bio)).toBeNull();
  });
});
