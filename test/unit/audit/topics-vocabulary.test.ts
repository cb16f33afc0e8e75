import { describe, expect, it } from 'vitest';
import { compileVocabulary, matchPost } from '../../../src/main/audit/topics/match';
import { tokenize } from '../../../src/main/audit/topics/tokens';
import { defaultVocabulary, parseVocabulary, type Vocabulary } from '../../../src/main/audit/topics/vocabulary';

const vocabulary = defaultVocabulary();
const topic = (id: string) => vocabulary.find((t) => t.id === id);
const compiled = compileVocabulary(vocabulary);
/** The mentions of a post, by topic id. */
const mentions = (text: string, hashtags: string[] = []) =>
  Object.fromEntries(matchPost(compiled, text, hashtags).map(({ topic: at, ...rest }) => [vocabulary[at]!.id, rest]));

describe('topic vocabulary', () => {
  it('loads and validates the bundled vocabulary', () => {
    expect(vocabulary.length).toBeGreaterThanOrEqual(200);
    for (const id of ['brexit', 'kpop', 'germanwings', 'bts', 'blackpink', 'food', 'science', 'football', 'music']) expect(topic(id)).toBeDefined();
  });

  it('has the ambiguous pairs, each sense pointing at the other topic', () => {
    const pairs = [['bacon', 'kevin-bacon'], ['twins', 'minnesota-twins'], ['apple', 'apple-inc'], ['jaguar', 'jaguar-cars'],
      ['python', 'python-snake'], ['java', 'java-island'], ['amazon', 'amazon-rainforest'], ['mercury-planet', 'mercury-element'],
      ['blackberry', 'blackberry-phone']];
    for (const [a, b] of pairs) {
      expect(topic(a!)!.senses.map((s) => s.topic)).toContain(b);
      expect(topic(b!)!.senses.map((s) => s.topic)).toContain(a);
    }
    expect(topic('bacon')!.senses[0]).toMatchObject({ sense: 'Kevin Bacon (actor)', cues: expect.arrayContaining(['kevin', 'footloose']) });
    expect(topic('twins')!.senses[0]!.cues).toEqual(expect.arrayContaining(['mlb', 'minnesota', 'game', 'pitcher']));
    expect(topic('minnesota-twins')!.senses[0]!.cues).toEqual(expect.arrayContaining(['mother of', 'my twins', 'babies', 'pregnant']));
  });

  it('rejects malformed vocabularies', () => {
    const good: Vocabulary = [{ id: 'food', label: 'Food', terms: ['food', '#foodie', 'street food'], ambiguous: [], senses: [] }];
    expect(parseVocabulary(good)).toEqual(good);
    expect(() => parseVocabulary([{ ...good[0], terms: ['Food'] }])).toThrow(/tokenised/);
    expect(() => parseVocabulary([{ ...good[0], terms: ['k-pop'] }])).toThrow(/tokenised/);
    expect(() => parseVocabulary([...good, ...good])).toThrow(/duplicate/);
    expect(() => parseVocabulary([{ ...good[0], senses: [{ sense: 'x', topic: 'nope', cues: ['x'] }] }])).toThrow(/unknown/);
    expect(() => parseVocabulary([{ id: 'Food', label: 'Food', terms: ['food'], senses: [] }])).toThrow();
    // A topic with other senses needs a signature of its own sense, and its ambiguous terms must be its terms.
    const sense = { sense: 'x', cues: ['x'] };
    expect(() => parseVocabulary([{ ...good[0], senses: [sense] }])).toThrow(/no signature/);
    expect(() => parseVocabulary([{ ...good[0], senses: [sense], signature: { cues: ['y'] }, ambiguous: ['soup'] }])).toThrow(/not a term/);
    expect(() => parseVocabulary([{ ...good[0], senses: [{ ...sense, hashtags: ['nohash'] }], signature: { cues: ['y'] } }])).toThrow(/hashtag/);
  });

  it('gives every topic with senses a signature both ways, and ambiguous terms that are its own', () => {
    for (const t of vocabulary.filter((x) => x.senses.length > 0)) {
      expect(t.signature, t.id).toBeDefined();
      for (const term of t.ambiguous) expect(t.terms, t.id).toContain(term);
      for (const s of t.senses) {
        expect(s.bio.length + s.hashtags.length, `${t.id}: ${s.sense}`).toBeGreaterThan(0);
        // Both directions: a sense topic that points back has a signature of its own sense too.
        if (s.topic && topic(s.topic)!.senses.some((back) => back.topic === t.id)) expect(topic(s.topic)!.signature, s.topic).toBeDefined();
      }
    }
  });
});

describe('tokenize', () => {
  it('keeps words with apostrophes and hashtags whole, and drops links and mentions', () => {
    expect(tokenize("I DON’T eat #Bacon, @KevinBacon! https://t.co/x1 Großbritannien 잇츠라이브"))
      .toEqual(["i", "don't", 'eat', '#bacon', 'großbritannien', '잇츠라이브']);
    expect(tokenize('#BTS_Butter k-pop')).toEqual(['#bts_butter', 'k', 'pop']);
  });
});

describe('matchPost', () => {
  it('finds words, phrases and hashtags, from the text or the post hashtags', () => {
    expect(Object.keys(mentions('Watching the Minnesota Twins tonight'))).toEqual(expect.arrayContaining(['minnesota-twins', 'twins']));
    expect(mentions('Crispy bacon, yes')).toMatchObject({ bacon: { term: 'crispy bacon', negated: false } });
    expect(mentions('no tags in this text', ['brexit'])).toMatchObject({ brexit: { term: '#brexit', negated: false } });
    // A word inside a longer word is not a mention.
    expect(mentions('baconator')).toEqual({});
  });

  it('marks a mention rejected only when a rejection governs it (the rules: topics-negation.test.ts)', () => {
    expect(mentions("I don't eat bacon").bacon).toMatchObject({ negated: true, negation: "don't eat", governs: 'bacon' });
    // "don't" 5 words before the term, governing "like to eat": still the author's refusal.
    expect(mentions("I don't really like to eat bacon").bacon).toMatchObject({ negated: true, negation: "don't really like" });
    // One mention without a rejection is enough to count the post as naming the topic plainly.
    expect(mentions('I never eat bacon on Mondays but bacon on Sundays is great').bacon!.negated).toBe(false);
    // A tag only in the post's hashtags has no place in the text, so nothing can reject it.
    expect(mentions('never again', ['bacon']).bacon!.negated).toBe(false);
  });

  it('says when a post names a topic only through its ambiguous terms', () => {
    expect(mentions('Bacon for breakfast').bacon).toMatchObject({ ambiguous: true });
    expect(mentions('Crispy bacon for breakfast').bacon).toMatchObject({ ambiguous: false });
  });

  it('reports cues of another sense, from words or tags', () => {
    expect(mentions('Kevin Bacon was great in Footloose').bacon).toMatchObject({ conflictingSense: 'Kevin Bacon (actor)', cue: 'kevin' });
    expect(mentions('My twins are finally asleep, two babies at once').twins!.conflictingSense).toBeUndefined();
    expect(mentions('Mother of twins, both babies asleep')['minnesota-twins']).toMatchObject({ conflictingSense: 'twins (siblings)' });
    expect(mentions('Twins win #MLB', ['mlb']).twins).toMatchObject({ conflictingSense: 'Minnesota Twins (baseball)', cue: '#mlb' });
  });
});
