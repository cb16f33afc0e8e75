import { describe, expect, it } from 'vitest';
import { readPostTopics } from '../../../src/main/audit/topics/read-post';
import { defaultVocabulary } from '../../../src/main/audit/topics/vocabulary';

/**
 * Negation with scope (docs/AUDIT.md). Every text below is HAND-WRITTEN for this test, in the ways people write
 * tweets (no punctuation, "dont", curly apostrophes, hashtags, caps), and none is a copy of the generator's
 * templates. Each kind of rejection comes with near-miss controls: negation words that praise, or that are about
 * something else in the sentence.
 */
const vocabulary = defaultVocabulary();
const reading = (text: string, topic: string) => readPostTopics(vocabulary, text).find((r) => r.topic === topic);
const rejects = (text: string, topic: string) => reading(text, topic)?.rejected;

describe('rejections of a topic (hand-written)', () => {
  it.each([
    // refusing and abstaining
    ["I don't eat bacon", 'bacon'],
    ['i dont eat bacon or sausages', 'bacon'],
    ['we won’t be buying any more iphone models', 'apple-inc'],
    ['Never touching sushi again after last night', 'sushi'],
    ['I refuse to watch anything kpop related', 'kpop'],
    ['honestly I avoid coffee these days', 'coffee'],
    // having quit
    ['Gave up coffee for lent and still going strong', 'coffee'],
    ["I've stopped eating bacon since January", 'bacon'],
    ['I no longer drink beer', 'beer'],
    ['quit beer three weeks ago, feeling great', 'beer'],
    ['I used to love kpop tbh', 'kpop'],
    // a belief or an allergy
    ['As a Muslim I dont eat bacon', 'bacon'],
    ['vegetarian here so no bacon for me thanks', 'bacon'],
    ["I'm allergic to strawberries so the pavlova is out", 'fruit'],
    // asking others to stop
    ['please stop tweeting about brexit', 'brexit'],
    ['Can everyone stop posting about #kpop for one day', 'kpop'],
    ['no more football in my feed please', 'football'],
    ['Enough with the brexit takes already', 'brexit'],
    ['stop sharing the sushi recipes already', 'sushi'],
    // dismissing
    ['Sushi is so overrated', 'sushi'],
    ['cant stand #kpop', 'kpop'],
    ['so sick of brexit', 'brexit'],
    ["I'm done with football this season", 'football'],
    ['Not a fan of bacon at all', 'bacon'],
    ['not really into coffee tbh', 'coffee'],
    ['NOT A FAN OF KPOP', 'kpop'],
    ['coffee is just not for me', 'coffee'],
    // not caring (added with the real-label evaluation: indifference idioms)
    ["honestly couldn't give a damn about brexit anymore", 'brexit'],
    ['I dont give a flying fig about kpop', 'kpop'],
    ['we could not care less about football', 'football'],
    ['no sushi for us tonight, thanks', 'sushi'],
  ])('%s -> rejects %s', (text, topic) => {
    expect(reading(text, topic)).toMatchObject({ rejected: true });
  });
});

describe('negation words that are not rejections of the topic (hand-written controls)', () => {
  it.each([
    // negation that intensifies praise
    ['would never say no to sushi', 'sushi'],
    ['there is no such thing as too much cheese', 'cheese'],
    ["can't get enough of bacon", 'bacon'],
    ['nothing beats a proper coffee in the morning', 'coffee'],
    ["I'll never stop eating bacon", 'bacon'],
    ['Who doesn’t love bacon?', 'bacon'],
    ["if you don't like kpop we cant be friends", 'kpop'],
    ["don't miss the kpop comeback stage tonight", 'kpop'],
    ["not gonna lie this coffee is perfect", 'coffee'],
    ["I don't always eat bacon but when I do it's crispy", 'bacon'],
    ["I don't eat anything but sushi on fridays", 'sushi'],
    // negation about something else in the sentence
    ['I stopped by the bakery today', 'bread'],
    ['No more than 3 bacon strips per person!', 'bacon'],
    ['Never forget: brexit was sold on lies', 'brexit'],
    ['Surely it’s not because of #brexit', 'brexit'],
    ['I wish you would refer to the PM as Johnson and not Boris', 'boris-johnson'],
    ["I don't think brexit will ever be reversed", 'brexit'],
    ['My son won’t eat bacon, more for me', 'bacon'],
    ["the bakery didn't open so we had coffee instead", 'coffee'],
    ['Lab had to be anti-#Brexit', 'brexit'],
    ['stop sharing the sushi recipes already', 'food'],
    ['There is no bacon for the kids at the party, sadly', 'bacon'],
    ["there's no cure for brexit fatigue", 'brexit'],
    ["they don't give a damn about kpop fans", 'kpop'],
    // a hashtag label is not reached by a negation elsewhere
    ["Can't believe it's Monday again #coffee", 'coffee'],
    ["Don't forget to vote today #kpop #bts", 'kpop'],
    // one plain mention beside a rejected one keeps the topic
    ['I never eat bacon on Mondays but bacon on Sundays is great', 'bacon'],
  ])('%s -> does not reject %s', (text, topic) => {
    const found = reading(text, topic);
    expect(found, `${topic} should be named`).toBeDefined();
    expect(found).toMatchObject({ rejected: false, rejection: null, governs: null });
  });
});

describe('possessives name the thing itself (hand-written)', () => {
  it.each([
    ["Amazon's warehouse workers vote on a union today", 'amazon'],
    ["brexit's real cost is only now showing", 'brexit'],
  ])('%s names %s', (text, topic) => {
    expect(reading(text, topic)).toBeDefined();
  });

  it('keeps a possessive that is part of a term', () => {
    expect(reading("march for a people's vote", 'brexit')).toBeDefined();
  });
});

describe('the evidence of a rejection', () => {
  it('names the rejecting words and the term they govern', () => {
    expect(reading("I don't eat bacon anymore", 'bacon')).toMatchObject({ rejection: "don't eat", governs: 'bacon' });
    expect(reading('cant stand #kpop', 'kpop')).toMatchObject({ rejection: 'cant stand', governs: '#kpop' });
    expect(reading('so sick of brexit', 'brexit')).toMatchObject({ rejection: 'sick of', governs: 'brexit' });
    expect(reading("I've stopped eating bacon", 'bacon')).toMatchObject({ rejection: 'stopped eating', governs: 'bacon' });
  });

  it('reads a post without any negation word without parsing it, and a hashtag outside the text as plain', () => {
    expect(rejects('Crispy bacon and eggs', 'bacon')).toBe(false);
    expect(readPostTopics(vocabulary, 'never again', ['bacon']).find((r) => r.topic === 'bacon')).toMatchObject({ rejected: false });
  });
});
