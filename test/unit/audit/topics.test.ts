import { describe, expect, it } from 'vitest';
import { INTERACTION_KINDS, POST_KINDS, type InteractionKind, type PostKind } from '../../../src/shared/domain';
import type { AuditData } from '../../../src/main/audit/data';
import { accountTopics, assignTopics, type TopicAssignment } from '../../../src/main/audit/topics/assign';
import { misattributionFlags } from '../../../src/main/audit/topics/flags';
import { defaultVocabulary } from '../../../src/main/audit/topics/vocabulary';

/** A small world built by hand: accounts, posts with text, reactions (a reacting post plus its interaction), endorsements. */
class World {
  private readonly handles: string[] = [];
  private readonly bios: (string | null)[] = [];
  private readonly posts: { author: number; kind: PostKind; text: string; hashtags: string[]; parent: number }[] = [];
  private readonly interactions: { actor: number; target: number; kind: InteractionKind; topic: string | null; post: number }[] = [];

  account(handle: string, bio: string | null = null): number {
    this.bios.push(bio);
    return this.handles.push(handle) - 1;
  }

  post(author: number, text: string, kind: PostKind = 'original', parent = -1): number {
    const hashtags = [...text.matchAll(/#(\w+)/gu)].map((match) => match[1]!.toLowerCase());
    return this.posts.push({ author, kind, text, hashtags, parent }) - 1;
  }

  /** `actor` retweets, quotes or replies to `post`: returns the interaction. */
  react(actor: number, post: number, kind: 'retweet' | 'quote' | 'reply' = 'retweet', text = 'RT'): number {
    const own = this.post(actor, text, kind, post);
    return this.interactions.push({ actor, target: this.posts[post]!.author, kind, topic: null, post: own }) - 1;
  }

  endorse(actor: number, target: number, topic: string): number {
    return this.interactions.push({ actor, target, kind: 'endorse', topic, post: -1 }) - 1;
  }

  /** `count` posts that name no topic. */
  filler(author: number, count: number): void {
    for (let at = 0; at < count; at++) this.post(author, `xyzzy ${at}`);
  }

  build(): AuditData {
    const n = this.handles.length;
    const p = this.posts;
    const i = this.interactions;
    return {
      accounts: { count: n, rowIds: Int32Array.from(this.handles, (_, at) => at + 1), platformIds: this.handles.map((_, at) => String(at + 1)),
        handles: [...this.handles], bios: [...this.bios], locations: this.handles.map(() => null),
        followers: new Float64Array(n).fill(Number.NaN), following: new Float64Array(n).fill(Number.NaN) },
      posts: { count: p.length, rowIds: Int32Array.from(p, (_, at) => at + 1), platformIds: p.map((_, at) => `p${at}`),
        author: Int32Array.from(p, (x) => x.author), createdAt: Float64Array.from(p, (_, at) => at * 60_000),
        kind: Uint8Array.from(p, (x) => POST_KINDS.indexOf(x.kind)), text: p.map((x) => x.text), hashtags: p.map((x) => x.hashtags),
        parent: Int32Array.from(p, (x) => x.parent) },
      interactions: { count: i.length, rowIds: Int32Array.from(i, (_, at) => at + 1), actor: Int32Array.from(i, (x) => x.actor),
        target: Int32Array.from(i, (x) => x.target), kind: Uint8Array.from(i, (x) => INTERACTION_KINDS.indexOf(x.kind)),
        time: new Float64Array(i.length), weight: new Float64Array(i.length).fill(1), topic: i.map((x) => x.topic),
        post: Int32Array.from(i, (x) => x.post) },
    };
  }
}

const vocabulary = defaultVocabulary();
const find = (assignments: TopicAssignment[], account: number, topic: string) =>
  assignments.find((a) => a.account === account && a.topic === topic);
const flagsOf = (data: AuditData, account: number, topic: string) => {
  const assignments = assignTopics(data, vocabulary);
  return misattributionFlags(data, assignments).filter((c) => c.accounts[0] === account && c.topic === topic).map((c) => c.kind);
};

describe('assignTopics', () => {
  it('sums 1 per own post, 0.5 per reaction to it and 1 per endorsement', () => {
    const w = new World();
    const cook = w.account('cook');
    const fan = w.account('fan');
    const friend = w.account('friend');
    const first = w.post(cook, 'Crispy bacon for breakfast #bacon');
    w.post(cook, 'More bacon today');
    const retweet = w.react(fan, first);
    const quote = w.react(friend, first, 'quote', 'look at this');
    const endorsement = w.endorse(fan, cook, 'Bacon');
    const assignments = assignTopics(w.build(), vocabulary);
    const bacon = find(assignments, cook, 'bacon')!;
    expect(bacon).toMatchObject({ strength: 4, posts: 2, ownPosts: 2, ambiguousPosts: 1 });
    expect(bacon.thinEvidence).toMatch(/^thin evidence: 2 own posts/u);
    expect(bacon.evidence).toEqual([
      { source: 'post', post: first, amount: 1, term: 'crispy bacon', postTopics: 3 },
      { source: 'post', post: 1, amount: 1, term: 'bacon', ambiguous: true, postTopics: 1 },
      { source: 'reaction', post: first, interaction: retweet, amount: 0.5 },
      { source: 'reaction', post: first, interaction: quote, amount: 0.5 },
      { source: 'endorsement', interaction: endorsement, amount: 1 },
    ]);
    // A retweet names nothing for its retweeter; a quote names what its own text names.
    expect(assignments.filter((a) => a.account !== cook)).toEqual([]);
  });

  it('orders by account, then strength descending, then topic id, and keeps unknown endorsement topics by name', () => {
    const w = new World();
    const a = w.account('a');
    const b = w.account('b');
    w.post(b, 'coffee then pizza');
    w.post(b, 'pizza again');
    w.endorse(b, a, 'Minnesota Twins');
    w.endorse(b, a, 'Underwater Basket Weaving');
    const data = w.build();
    const assignments = assignTopics(data, vocabulary);
    expect(assignments.map((x) => [x.account, x.topic, x.strength])).toEqual([
      [a, 'minnesota-twins', 1], [a, 'underwater basket weaving', 1], [b, 'pizza', 2], [b, 'coffee', 1],
    ]);
    expect(accountTopics(data, vocabulary, b)).toEqual(assignments.filter((x) => x.account === b));
    expect(accountTopics(data, vocabulary, a)).toEqual(assignments.filter((x) => x.account === a));
  });
});

describe('misattributionFlags', () => {
  it('flags a topic from one viral post, with its reactions to undo', () => {
    const w = new World();
    const viral = w.account('viral');
    const steady = w.account('steady');
    const crowd = Array.from({ length: 6 }, (_, at) => w.account(`c${at}`));
    const post = w.post(viral, 'Brexit is a mess');
    w.filler(viral, 4);
    const reactions = crowd.map((c) => w.react(c, post));
    // Control: five posts with one reaction each; no single post carries 60%.
    for (let at = 0; at < 5; at++) w.react(crowd[at]!, w.post(steady, `#Brexit day ${at}`));
    const data = w.build();
    const cases = misattributionFlags(data, assignTopics(data, vocabulary)).filter((c) => c.kind === 'single_post');
    expect(cases).toHaveLength(1);
    expect(cases[0]).toMatchObject({ accounts: [viral], topic: 'brexit', strength: 4, interactions: reactions });
    expect(cases[0]!.evidence).toEqual([
      { label: 'post naming "brexit" with 6 reactions from 6 other accounts', account: viral, post, value: 4 },
      { label: 'share of the strength from this post', value: 1 },
      { label: 'strength without this post', value: 0 },
      { label: 'own posts of the account (1 naming the topic)', value: 5 },
    ]);
    // Under a higher minimum strength the viral post (4) is no case.
    expect(misattributionFlags(data, assignTopics(data, vocabulary), { singlePostMinStrength: 5 })).toEqual([]);
  });

  it('leaves a topic the account names in other posts too, even when one post carries most of the strength', () => {
    const w = new World();
    const regular = w.account('regular');
    const crowd = Array.from({ length: 12 }, (_, at) => w.account(`c${at}`));
    const post = w.post(regular, 'Brexit is a mess');
    for (const c of crowd) w.react(c, post);
    for (let at = 0; at < 3; at++) w.post(regular, `#Brexit day ${at}`);
    w.filler(regular, 1);
    const data = w.build();
    // 7 of 10 (70%) from one post, but the other three posts alone give 3: the topic does not rest on the post.
    expect(flagsOf(data, regular, 'brexit')).toEqual([]);
    expect(misattributionFlags(data, assignTopics(data, vocabulary), { singlePostRestBelow: 4 }).map((c) => c.kind)).toEqual(['single_post']);
  });

  it('flags negated mentions and leaves a genuine bacon lover alone', () => {
    const w = new World();
    const hater = w.account('hater');
    const lover = w.account('lover');
    // Hand-written: three rejections (refusing, never having liked it, dismissing) and one plain mention.
    const negated = [w.post(hater, "I don't eat bacon"), w.post(hater, 'Never liked bacon and never will'), w.post(hater, 'I hate #bacon')];
    w.post(hater, 'Bacon smells nice though');
    // Control: negation words that praise, from a bacon lover.
    w.post(lover, "Can't get enough of bacon");
    w.post(lover, 'Would never say no to bacon');
    const reaction = w.react(lover, negated[0]!);
    for (let at = 0; at < 12; at++) w.post(lover, `Crispy bacon with eggs, breakfast number ${at} #bacon`);
    const data = w.build();
    const assignments = assignTopics(data, vocabulary);
    const cases = misattributionFlags(data, assignments).filter((c) => c.topic === 'bacon');
    expect(cases.map((c) => [c.kind, c.accounts[0]])).toEqual([['negated', hater]]);
    expect(cases[0]!.interactions).toEqual([reaction]);
    expect(cases[0]!.evidence.map((row) => row.label)).toEqual([
      'rejects "bacon": "don\'t eat" governs "bacon"', 'rejects "bacon": "never liked" governs "bacon"',
      'rejects "bacon": "hate" governs "#bacon"', 'share of the 4 posts naming the topic that reject it',
    ]);
    expect(cases[0]!.evidence.at(-1)!.value).toBe(0.75);
    expect(find(assignments, lover, 'bacon')).toMatchObject({ strength: 14, posts: 14 });
  });

  it('flags a sense conflict on the other sense and not on the sense the posts are about', () => {
    const w = new World();
    const mother = w.account('mother');
    const fan = w.account('fan');
    const movieBuff = w.account('buff');
    w.post(mother, 'Mother of twins here, my twins finally sleep');
    w.post(mother, 'The twins are crawling! Two babies at once');
    w.post(mother, 'Twins birthday cake for the babies');
    w.post(fan, 'Twins win again, what a game at Target Field #MNTwins');
    w.post(fan, 'Great pitcher tonight for the Twins');
    w.post(movieBuff, 'Kevin Bacon was great in Footloose');
    w.post(movieBuff, 'Six degrees of Kevin Bacon, every movie');
    const data = w.build();
    const assignments = assignTopics(data, vocabulary);
    expect(find(assignments, mother, 'twins')).toMatchObject({ strength: 3, posts: 3 });
    expect(flagsOf(data, mother, 'twins')).toEqual([]);
    expect(flagsOf(data, mother, 'minnesota-twins')).toEqual(['sense_conflict']);
    expect(flagsOf(data, fan, 'minnesota-twins')).toEqual([]);
    expect(flagsOf(data, fan, 'twins')).toEqual(['sense_conflict']);
    expect(flagsOf(data, movieBuff, 'kevin-bacon')).toEqual([]);
    expect(flagsOf(data, movieBuff, 'bacon')).toEqual(['sense_conflict']);
    const conflict = misattributionFlags(data, assignments).find((c) => c.accounts[0] === mother)!;
    expect(conflict.evidence.map((row) => [row.label, row.value])).toEqual([
      ['post votes for twins (siblings): "mother of", "my twins"', 2],
      ['post votes for twins (siblings): "babies"', 1],
      ['post votes for twins (siblings): "babies"', 1],
      ['votes for twins (siblings)', 4],
      ["votes for Minnesota Twins (this topic's sense)", 0],
      ['posts naming the topic only through an ambiguous term', 3],
    ]);
  });

  it('reads the sense from the bio and the other posts, and lets a few stray cues be outvoted (hand-written)', () => {
    const w = new World();
    // A zoo keeper: her jaguar posts carry few cues, her bio and other posts make the animal plain.
    const keeper = w.account('keeper', 'Head keeper at the city zoo, big cats and conservation');
    w.post(keeper, 'Our jaguar Luna turned ten today');
    w.post(keeper, 'The jaguars were restless before the storm');
    w.post(keeper, 'Enrichment day for the big cats #wildlife');
    // A car dealer with one stray cue of the animal among plain and car posts: the car sense is not outvoted.
    const dealer = w.account('dealer', 'Dealership manager, motoring since 1998');
    w.post(dealer, 'New Jaguar on the forecourt, spotted it first');
    w.post(dealer, 'Jaguar test drive slots open this weekend');
    w.post(dealer, 'That Jaguar engine note though');
    const data = w.build();
    expect(flagsOf(data, keeper, 'jaguar-cars')).toEqual(['sense_conflict']);
    expect(flagsOf(data, keeper, 'jaguar')).toEqual([]);
    expect(flagsOf(data, dealer, 'jaguar-cars')).toEqual([]);
    expect(flagsOf(data, dealer, 'jaguar')).toEqual(['sense_conflict']);
    const keeperCase = misattributionFlags(data, assignTopics(data, vocabulary)).find((c) => c.accounts[0] === keeper)!;
    expect(keeperCase.evidence[0]).toMatchObject({ label: 'bio votes for jaguar (animal): "keeper", "zoo", "big cats", "conservation"', account: keeper });
  });

  it('lets one vote decide when one ambiguous post is all the evidence, never a tie (hand-written)', () => {
    const w = new World();
    // One post, one cue of the company, nothing for the forest: the forest topic rests on a word meant otherwise.
    const reporter = w.account('reporter', 'News, every hour');
    w.post(reporter, "Amazon's workers in Alabama vote on a union");
    // Controls: one bare mention with no cue; one post with a cue of each sense; two ambiguous posts, one cue.
    const bare = w.account('bare', 'Just here for the memes');
    w.post(bare, 'Amazon again lol');
    const tied = w.account('tied', 'Weekend hiker');
    w.post(tied, 'Amazon delivery of a book about the rainforest');
    const two = w.account('two', 'Weekend hiker');
    w.post(two, 'Amazon today');
    w.post(two, 'Amazon again, shipping was fine');
    const data = w.build();
    expect(flagsOf(data, reporter, 'amazon-rainforest')).toEqual(['sense_conflict']);
    expect(flagsOf(data, reporter, 'amazon')).toEqual([]);
    for (const control of [bare, tied, two]) expect(flagsOf(data, control, 'amazon-rainforest')).toEqual([]);
  });

  it('flags a topic carried by endorsements from accounts that never post about it', () => {
    const w = new World();
    const target = w.account('target');
    const ring = Array.from({ length: 5 }, (_, at) => w.account(`r${at}`));
    const barista = w.account('barista');
    const regulars = Array.from({ length: 3 }, (_, at) => w.account(`regular${at}`));
    const endorsements = ring.map((r) => w.endorse(r, target, 'coffee'));
    // Controls: endorsed by people who post about coffee; endorsed while posting about it more than the endorsements give.
    for (const r of regulars) { w.post(r, 'morning coffee'); w.endorse(r, barista, 'coffee'); }
    w.post(target, 'pizza night');
    const data = w.build();
    const cases = misattributionFlags(data, assignTopics(data, vocabulary)).filter((c) => c.kind === 'endorsement_only');
    expect(cases).toHaveLength(1);
    expect(cases[0]).toMatchObject({ accounts: [target, ...ring], topic: 'coffee', strength: 5, interactions: endorsements });
    expect(cases[0]!.evidence.slice(-2)).toEqual([
      { label: 'share of the strength from endorsements', value: 1 },
      { label: 'share of endorsers who never post about the topic', value: 1 },
    ]);
    expect(flagsOf(data, barista, 'coffee')).toEqual([]);
  });

  it('keeps an endorsed topic the account also posts about for 30% or more of its strength', () => {
    const w = new World();
    const target = w.account('target');
    const endorsers = Array.from({ length: 2 }, (_, at) => w.account(`e${at}`));
    for (const e of endorsers) w.endorse(e, target, 'coffee');
    w.post(target, 'Coffee first');
    const data = w.build();
    // 2 of 3 is 67%, under the 70% of endorsement_only.
    expect(flagsOf(data, target, 'coffee')).toEqual([]);
    expect(misattributionFlags(data, assignTopics(data, vocabulary), { endorsementShare: 0.6 }).map((c) => c.kind)).toEqual(['endorsement_only']);
  });

  it('flags a topic named by under 5% of 20 or more posts', () => {
    const w = new World();
    const busy = w.account('busy');
    const edge = w.account('edge');
    const post = w.post(busy, 'numpy tips');
    w.filler(busy, 24);
    const reaction = w.react(edge, post, 'reply', 'nice');
    const fans = Array.from({ length: 2 }, (_, at) => w.account(`fan${at}`));
    for (const fan of fans) w.endorse(fan, busy, 'python');
    // Control: 1 of 20 is exactly 5%, not fewer.
    w.post(edge, 'numpy tips');
    w.filler(edge, 18);
    const data = w.build();
    const cases = misattributionFlags(data, assignTopics(data, vocabulary)).filter((c) => c.kind === 'low_share');
    expect(cases.map((c) => [c.accounts[0], c.topic])).toEqual([[busy, 'python']]);
    expect(cases[0]!.interactions).toEqual([reaction]);
    expect(cases[0]!.evidence).toEqual([
      { label: 'post naming "numpy"', account: busy, post, value: 1 },
      { label: 'posts naming the topic', value: 1 },
      { label: 'own posts', value: 25 },
      { label: 'share of own posts naming the topic', value: 0.04 },
      { label: 'strength, most of it from reactions and endorsements', value: 3.5 },
    ]);
    expect(flagsOf(data, edge, 'python')).toEqual([]);
    expect(misattributionFlags(data, assignTopics(data, vocabulary), { lowShareMinPosts: 30 })).toEqual([]);
  });

  it('leaves a topic no post names to endorsement_only, not low_share', () => {
    const w = new World();
    const busy = w.account('busy');
    const strangers = Array.from({ length: 4 }, (_, at) => w.account(`s${at}`));
    w.filler(busy, 25);
    for (const s of strangers) w.endorse(s, busy, 'coffee');
    const data = w.build();
    expect(flagsOf(data, busy, 'coffee')).toEqual(['endorsement_only']);
  });
});
