import { describe, expect, it } from 'vitest';
import { MINOR_RULE_VERSION, statedMinorAge } from '../../src/shared/minors';

/**
 * Hand-written bios (not real accounts, not the generator's bios), in the shapes real bios take: pronouns, flags,
 * bars and bullets, lower case, a name and an age. Each minor's bio names the phrase the rule must read.
 */
describe('statedMinorAge: minors stating their own age (hand-written)', () => {
  it.each([
    ['14 y/o | kpop stan', 14, '14 y/o'],
    ["I'm 15", 15, "I'm 15"],
    ['im 16 and bored', 16, 'im 16'],
    ['i am 13. she/her', 13, 'i am 13'],
    ['15yo gamer', 15, '15yo'],
    ['age 13', 13, 'age 13'],
    ['Aged: 12 // loves cats', 12, 'Aged: 12'],
    ['17 years old, future astronaut', 17, '17 years old'],
    ['she/her • 16 • ARMY', 16, '16'],
    ['I’m 14!', 14, 'I’m 14'],
    ['17 | she/her | 🇬🇧', 17, '17'],
    ['16.', 16, '16.'],
    ['jess, 15', 15, '15'],
    ['15 yrs', 15, '15 yrs'],
    ['sixteen years young and still learning', 16, 'sixteen years young'],
    ["I'm a 15 y/o girl who loves drawing", 15, "I'm a 15"],
    ['just a 14-year-old writer with big dreams', 14, '14-year-old'],
    ['marta 🌸 15 🌸 swiftie', 15, '15'],
    ["hi i'm only 13 pls be nice", 13, "i'm only 13"],
    ['he/him - 17 - drummer', 17, '17'],
    ['stan loona • fifteen • she/they', 15, 'fifteen'],
    ['17yo from Leeds, art and anime', 17, '17yo'],
    ["I'm 16 🇰🇷 multifandom", 16, "I'm 16"],
    ['theo; 14; probably asleep', 14, '14'],
    ["I'm 15 and my sister is 12", 15, "I'm 15"],
    ['i am 16 lol', 16, 'i am 16'],
  ])('reads %j as age %i from %j', (bio, age, phrase) => {
    expect(statedMinorAge(bio)).toEqual({ age, phrase });
  });
});

describe('statedMinorAge: the author called a minor in words (hand-written)', () => {
  it.each([
    ['sam | Minor | art acc', 'Minor'],
    ['minor • dni if ur weird', 'minor'],
    ["i'm a minor so pls no dms", "i'm a minor"],
    ['I am still a minor, be nice', 'I am still a minor'],
  ])('reads %j as a minor with no number, from %j', (bio, phrase) => {
    expect(statedMinorAge(bio)).toEqual({ age: null, phrase });
  });

  it.each([
    ['Minors follow at your own risk'], ['Minor League Baseball fan'], ["I'm a minor league umpire"], ['minor key enthusiast | piano'],
    ['Minor in French, major in coffee'], ["I'm a minor character in my own life"], ['dad to HS girls • Minor League baseball'],
  ])('does not read %j as a minor', (bio) => {
    expect(statedMinorAge(bio)).toBeNull();
  });
});

describe('statedMinorAge: adults and others with numbers in the bio (hand-written near misses)', () => {
  it.each([
    // heights
    ["5'9, she/her"], ['6\'2" | basketball | Chicago'], ["i'm 5'4 and tired"], ['5 ft 11, runner'],
    // other people's ages
    ['my daughter turns 13 tomorrow!!'], ['mom of a 14 y/o and a dog'], ['coach of the U12s'], ['Proud father of two 15yo twins'],
    ['Coach of my 12 yo soccer team'], ['mum of 3 | 14 | 12 | 9 | tea'], ['Dad to a 16-year-old drummer and a 13 yo gamer'],
    ['raising a 15 year old, send coffee'], ['teacher of 16 year olds, opinions my own'], ['grandma of twins (age 11)'],
    // things' ages
    ['est. 2012, 11 years old and still baking'], ['10yo tawny port is my love language'], ['our 15-year-old shop on Main St'],
    ['Family-run since 2008 | 15 years old this spring'], ['16 year old single malt enthusiast'], ['my 12 yr old labrador is the boss'],
    // experience, counts, dates, scores, measures
    ['15 years in marketing'], ['Marketing lead | 15 yrs'], ["I'm 15 minutes from Boston"], ['age 35, dad'], ['21 y/o student'],
    ['Founded in 2014'], ['3 kids, 2 dogs, 1 wife'], ['Arsenal | 2-1 | coyg'], ['born 12/03/1990'], ['#15 on the depth chart'],
    ["I'm 10/10 a cat person"], ['No. 16 in my heart'], ['top 15 in the county at chess, aged 34'], ['sober 16 years'],
    ['sophomore at Penn State'], ['class of 2027'], ['5 time champion'], ['16 ounces of coffee a day'], [''], ['Level 14 wizard'],
    ["I'm 16 hours ahead of you"], ["I'm 13 days sober"], ["I'm 12 for 12 this season"], ["I'm 15 years into this job"],
  ])('does not read %j as a minor', (bio) => {
    expect(statedMinorAge(bio)).toBeNull();
  });

  it('reads no age from an empty, missing or number-free bio', () => {
    expect([statedMinorAge(null), statedMinorAge(undefined), statedMinorAge('coffee, cats and code')]).toEqual([null, null, null]);
  });

  it('is version 3 since a minor stated in words counts', () => {
    expect(MINOR_RULE_VERSION).toBe(3);
  });
});
