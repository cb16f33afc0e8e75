import type { Random } from './random';

/**
 * Bios for the minor cases and their controls, composed from parts: an age phrase (or a number that is not the
 * author's age), then one or two of pronouns, interests, a place and an emoji, joined by the separators people use.
 * "{n}" is the number of a part.
 */
const MINOR_AGES = ["I'm {n}", 'im {n}', '{n} y/o', '{n}yo', '{n}', '{n} years old', 'age {n}', '{n} yrs', 'i am {n}'];
/** Numbers in adult bios that are not the author's age: heights, others' and things' ages, experience, counts, dates, scores. */
const NOT_AGES = [
  "5'{h}", '6\'{h}"', '5 ft {h}', 'mom of a {n} y/o', 'my daughter turns {n} tomorrow', 'dad to {n}yo twins', 'coach of the U{n}s',
  'est. 20{y}, {n} years old', '{n}yo tawny port fan', 'our {n}-year-old shop', '{n} years in marketing', 'nursing for {n} years',
  '{c} kids, {c} dogs', 'born {d}/0{c}/19{y2}', '{c}-{c} win on Saturday', 'raising a {n} year old', "I'm {n} minutes from the coast",
];
const NAMES = ['jess', 'theo', 'mina', 'sam', 'lu', 'kai'];
const PARTS = ['she/her', 'he/him', 'they/them', 'kpop stan', 'ARMY', 'art acc', 'gamer', 'multifandom', 'drummer', 'anime and tea',
  'Leeds', 'Seoul', 'coffee first', 'runner', 'football on sundays'];
const SEPARATORS = [' | ', ' • ', ', ', ' - ', ' 🌸 ', ' · '];

function compose(random: Random, lead: string): string {
  const parts = [lead, ...random.sample(PARTS, random.between(1, 2))];
  // The age phrase leads in half the bios and sits in the middle or at the end in the others.
  if (random.chance(0.5)) parts.push(parts.shift()!);
  return parts.join(random.pick(SEPARATORS));
}

/** A bio stating its author's age, 13 to 17; now and then a name leads it ("jess, 15"). */
export function minorBio(random: Random): { bio: string; age: number } {
  const age = random.between(13, 17);
  const phrase = random.pick(MINOR_AGES).replace('{n}', String(age));
  const bio = compose(random, phrase);
  return { bio: random.chance(0.25) ? `${random.pick(NAMES)}, ${bio}` : bio, age };
}

/** An adult's bio with a number that is not the author's age (sometimes beside the author's adult age). */
export function adultBioWithNumbers(random: Random): string {
  const part = random.pick(NOT_AGES)
    .replace('{h}', String(random.between(1, 11))).replace('{n}', String(random.between(10, 17)))
    .replace('{y}', String(random.between(10, 15))).replace('{y2}', String(random.between(60, 99)))
    .replace('{d}', String(random.between(10, 28))).replaceAll('{c}', () => String(random.between(1, 4)));
  const bio = compose(random, part);
  return random.chance(0.3) ? `${bio}${random.pick(SEPARATORS)}${random.between(21, 64)}` : bio;
}
