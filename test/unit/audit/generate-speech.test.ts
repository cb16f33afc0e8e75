import { describe, expect, it } from 'vitest';
import { adultBioWithNumbers, minorBio } from '../../../src/main/audit/generate/bios';
import { Random } from '../../../src/main/audit/generate/random';
import { AMBIGUOUS_WORDS, sensePost } from '../../../src/main/audit/generate/senses';
import { nearMiss, rejection, SPEECH } from '../../../src/main/audit/generate/speech';

/** Distinct texts among `count` drawn by `write` from one seed. */
function distinct(count: number, write: (random: Random) => string): Set<string> {
  const random = new Random(11);
  return new Set(Array.from({ length: count }, () => write(random)));
}

/**
 * Issue 12, point 6: the planted texts come in many phrasings, not one template per kind. These check the variety
 * and the shape of what is written; whether the audit reads them is audit-world.test.ts's business.
 */
describe('the generator writes each planted kind in many phrasings', () => {
  it('rejections: hundreds of distinct texts per topic, in all six forms', () => {
    for (const speech of Object.values(SPEECH)) {
      const texts = distinct(500, (random) => rejection(speech, random));
      // 13 templates with 4 to 9 choices per part and an emoji and hashtag tail: far more than 500 combinations.
      expect(texts.size).toBeGreaterThan(300);
      const forms = { refusing: /won't|refuse|will never|not going to|never catch me/i, abstaining: /don't|do not|I never|^No .* for me/i,
        quitting: /gave up|quit|cut out|stopped|without/i, belief: /allergic|skip|says no|avoid|pass on/i,
        askingToStop: /stop|enough with/i, dismissing: /overrated|gross|hype|awful|can't stand|hate|never liked|dislike/i };
      for (const [form, pattern] of Object.entries(forms)) expect({ form, seen: [...texts].some((text) => pattern.test(text)) }).toEqual({ form, seen: true });
      // No determiner after "No": "No any kpop for me" was once written.
      expect([...texts].filter((text) => /\bno any\b/i.test(text))).toEqual([]);
    }
  });

  it('near misses: a negation word in every one, in many distinct texts', () => {
    for (const speech of Object.values(SPEECH)) {
      const texts = distinct(300, (random) => nearMiss(speech, random));
      expect(texts.size).toBeGreaterThan(40);
      expect([...texts].filter((text) => !/\b(no|not|never|nothing|can't|don't|didn't|wasn't|stopped)\b|n't\b/i.test(text))).toEqual([]);
    }
  });

  it('sense posts: every one names its word, each voice in many texts', () => {
    for (const word of AMBIGUOUS_WORDS) {
      for (const voice of word.voices) {
        const texts = distinct(200, (random) => sensePost(voice, random));
        expect({ topic: voice.topic, many: texts.size > 30 }).toEqual({ topic: voice.topic, many: true });
        expect([...texts].filter((text) => !text.toLowerCase().includes(word.word))).toEqual([]);
      }
    }
  });

  it('bios: minors in many forms with their age in the text, adult bios with numbers in many more', () => {
    const random = new Random(5);
    const minors = Array.from({ length: 300 }, () => minorBio(random));
    expect(new Set(minors.map((m) => m.bio)).size).toBeGreaterThan(150);
    expect(minors.filter((m) => m.age < 13 || m.age > 17 || !m.bio.includes(String(m.age)))).toEqual([]);
    expect(distinct(300, adultBioWithNumbers).size).toBeGreaterThan(200);
  });
});
