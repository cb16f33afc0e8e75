/**
 * The words the synthetic world is written in. A topic's name is its id in resources/topics.json, and each of its
 * sentences and hashtags names that vocabulary topic and no other (test/integration/generate.test.ts checks it with
 * the real matcher): food never says bacon, lunch-with-the-team or recipe; the Minnesota Twins are "#MNTwins" and
 * never the bare word "twins"; the fruit says "apples", never the bare "apple" that also names Apple Inc.; the
 * parents say "twin sisters", "twin brothers" or "#TwinMom", terms that name the siblings alone, never the word
 * "twins" (the matcher also reads the "twins" inside "my twins" or "identical twins" as the baseball team's term);
 * and no sentence holds a negation word. So ordinary posts carry no accidental negation, sense conflict or second
 * topic; only the planted accounts' posts do.
 *
 * Why ordinary accounts avoid the bare ambiguous words instead of being labelled as cases: a parent who writes a bare
 * "twins" beside a parent bio IS rightly flagged sense_conflict on minnesota-twins (docs/AUDIT.md), but with up to
 * three topics per account that is about 150 of 1,000 ordinary accounts (148 on seeds 1 and 2), all in the same four
 * sentences and one bio. They would be about 95% of the kind's positives (7 planted per copy), so its precision and
 * recall would measure one template instead of the planted accounts' many composed phrasings (senses.ts), whose
 * controls (the same accounts on their own sense's topic) are the near misses that matter.
 */
export interface Topic {
  name: string;
  sentences: readonly string[];
  hashtags: readonly string[];
}

export const TOPICS: readonly Topic[] = [
  { name: 'food', hashtags: ['food', 'foodie'], sentences: [
    'Sunday dinner with friends, so much good food', 'Homemade dinner tonight, simple and good',
    'The new place downtown serves great food', 'Lunch with coworkers, the food was lovely'] },
  { name: 'bacon', hashtags: ['bacon'], sentences: [
    'Maple glazed bacon might be my favorite thing', 'Thick cut bacon is the way to go',
    'The diner on 5th does great bacon', 'Smoky bacon on a lazy weekend morning'] },
  { name: 'us-politics', hashtags: ['uspolitics'], sentences: [
    'Watching the senate hearing all afternoon', 'Congress is back in session this week',
    'Long read on what the senate hearing means', 'Big week on Capitol Hill for the budget'] },
  { name: 'brexit', hashtags: ['Brexit', 'StopBrexit'], sentences: [
    'Another week of Brexit negotiations', 'What Brexit means for small exporters',
    'Brexit trade rules explained in one thread', 'Customs queues at Dover again after Brexit'] },
  { name: 'music', hashtags: ['music', 'NowPlaying'], sentences: [
    'This new album is on repeat, great music', 'Live music at the corner bar tonight',
    'Making a playlist of summer music', 'The concert last night was unreal, music heals'] },
  { name: 'kpop', hashtags: ['kpop', 'kpopstan'], sentences: [
    'The kpop comeback was perfect', 'Listening to the new kpop single all day',
    'Kpop fandom is the best community', 'Collecting kpop photocards with friends'] },
  { name: 'sports', hashtags: ['sports', 'GameDay'], sentences: [
    'What a finish in the fourth quarter, sports at its best', 'Playoff sports weekend with friends',
    'Morning run done, sports keep me sane', 'The sports bar was packed for the derby'] },
  { name: 'minnesota-twins', hashtags: ['MNTwins', 'MinnesotaTwins'], sentences: [
    'Walk off win at Target Field #MNTwins', 'Opening day at Target Field #MNTwins',
    'Bullpen held on for the win tonight #MNTwins', 'Spring box scores look promising for #MNTwins'] },
  { name: 'twins', hashtags: ['TwinMom', 'twinlife'], sentences: [
    'Double the laundry with twin sisters', 'The twin sisters learned to ride scooters today',
    'Twin brothers each picked a different shirt', 'Bedtime for the twin brothers finally in sync'] },
  { name: 'apple', hashtags: ['apples', 'orchard'], sentences: [
    'Picking apples at the orchard this weekend', 'Baked something with the last of the apples',
    'Crisp apples from the market stall', 'Honeycrisp apples are the best variety'] },
  { name: 'technology', hashtags: ['technology', 'tech'], sentences: [
    'New laptop setup done, technology is wonderful', 'Thinking about where technology goes next',
    'The technology conference keynote was great', 'Home network upgrade, better technology at last'] },
  // The other senses of the ambiguous words (senses.ts): only planted accounts write on these, in composed texts.
  { name: 'jaguar', hashtags: [], sentences: [] },
  { name: 'jaguar-cars', hashtags: [], sentences: [] },
  { name: 'apple-inc', hashtags: [], sentences: [] },
  { name: 'kevin-bacon', hashtags: [], sentences: [] },
];

/** The topics ordinary accounts write on: those with sentences (the first ones, so their indexes are TOPICS'). */
export const ORDINARY_TOPICS: readonly Topic[] = TOPICS.filter((topic) => topic.sentences.length > 0);

/** Topic indexes by name, for the planting code. */
export const TOPIC = Object.fromEntries(TOPICS.map((topic, index) => [topic.name, index])) as Record<string, number>;

/**
 * Topics a vocabulary may nest or overlap (bacon is food, brexit is politics, the Twins are sports, Apple may be
 * technology): accounts that must "never post about" a topic are chosen among those silent on its whole group.
 */
export const TOPIC_GROUPS: readonly (readonly string[])[] = [
  ['food', 'bacon', 'kevin-bacon'], ['us-politics', 'brexit'], ['music', 'kpop'], ['sports', 'minnesota-twins'],
  ['technology', 'apple', 'apple-inc'], ['twins'], ['jaguar', 'jaguar-cars'],
];

/** Real places in the spellings people type into a profile; '' is a blank location. */
export const LOCATIONS = [
  'Philadelphia, PA', 'Philly', 'philadelphia', 'London, UK', 'London', 'london, england', 'Seoul', 'Seoul, South Korea',
  '서울', 'Minneapolis, MN', 'Mpls', 'Minneapolis', 'St. Paul, Minnesota', 'New York, NY', 'NYC', 'Brooklyn, New York',
  'Manchester, England', 'Edinburgh, Scotland', 'Paris, France', 'Berlin', 'Toronto, ON', 'Sydney, Australia',
  'Los Angeles, CA', 'LA', 'Chicago, IL', 'Busan', 'Tokyo, Japan', 'Dublin, Ireland', 'Austin, TX', '', '', '',
];

export const FIRST_NAMES = [
  'Alex', 'Sam', 'Jordan', 'Taylor', 'Morgan', 'Casey', 'Jamie', 'Riley', 'Avery', 'Quinn', 'Min', 'Jisoo', 'Hana',
  'Oliver', 'Amelia', 'Noah', 'Ava', 'Liam', 'Emma', 'Lucas', 'Chloe', 'Ethan', 'Grace', 'Leo', 'Nora', 'Omar', 'Priya',
];
export const LAST_NAMES = [
  'Smith', 'Kim', 'Lee', 'Park', 'Garcia', 'Brown', 'Wilson', 'Nguyen', 'Patel', 'Murphy', 'Olsen', 'Johnson', 'Walsh',
  'Khan', 'Rossi', 'Schmidt', 'Dubois', 'Cohen', 'Silva', 'Novak', 'Evans', 'Hughes', 'Choi', 'Jung', 'Lindqvist',
];

/** Bio fragments per topic; none states an age, so no ordinary account reads as a minor. */
export const BIO_BY_TOPIC: Record<string, string> = {
  food: 'Home cook', bacon: 'Breakfast enthusiast', 'us-politics': 'Policy nerd', brexit: 'UK politics watcher',
  music: 'Music lover', kpop: 'Kpop stan', sports: 'Sports fan', 'minnesota-twins': 'Baseball lifer',
  twins: 'Parent of twins', apple: 'Orchard keeper', technology: 'Software developer',
};
