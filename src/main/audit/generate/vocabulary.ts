/**
 * The words the synthetic world is written in. A topic's name is its id in resources/topics.json, and each of its
 * sentences and hashtags names that vocabulary topic and no other (test/integration/generate.test.ts checks it with
 * the real matcher): food never says bacon, lunch-with-the-team or recipe; the Minnesota Twins are "#MNTwins" and
 * never the bare word "twins"; the fruit says "apples", never the bare "apple" that also names Apple Inc.; the
 * parents' bare "twins" also names the Minnesota Twins, but with no cue of either sense; and no sentence holds a
 * negation word. So ordinary posts carry no accidental negation, sense conflict or second topic; only the planted
 * accounts' posts do.
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
  { name: 'twins', hashtags: ['twins', 'TwinMom'], sentences: [
    'Raising twins means double the laundry', 'The twins learned to ride scooters today',
    'The twins each picked a different shirt', 'Twins nap schedule finally in sync'] },
  { name: 'apple', hashtags: ['apples', 'orchard'], sentences: [
    'Picking apples at the orchard this weekend', 'Baked something with the last of the apples',
    'Crisp apples from the market stall', 'Honeycrisp apples are the best variety'] },
  { name: 'technology', hashtags: ['technology', 'tech'], sentences: [
    'New laptop setup done, technology is wonderful', 'Thinking about where technology goes next',
    'The technology conference keynote was great', 'Home network upgrade, better technology at last'] },
];

/** Topic indexes by name, for the planting code. */
export const TOPIC = Object.fromEntries(TOPICS.map((topic, index) => [topic.name, index])) as Record<string, number>;

/**
 * Topics a vocabulary may nest or overlap (bacon is food, brexit is politics, the Twins are sports, Apple may be
 * technology): accounts that must "never post about" a topic are chosen among those silent on its whole group.
 */
export const TOPIC_GROUPS: readonly (readonly string[])[] = [
  ['food', 'bacon'], ['us-politics', 'brexit'], ['music', 'kpop'], ['sports', 'minnesota-twins'], ['technology', 'apple'], ['twins'],
];

/**
 * Planted texts. Negations sit within 4 words before "bacon", and the texts name no other topic. The baseball twins
 * name twins, the Minnesota Twins and baseball; the Kevin Bacon texts name bacon and Kevin Bacon; nothing else.
 */
export const NEGATED_BACON = [
  "I don't eat bacon", 'Never liked bacon, sorry', 'Honestly I hate bacon', 'Not a fan of bacon at all',
  "I can't stand bacon",
];
export const BASEBALL_TWINS = [
  'Twins game tonight in Minnesota, MLB at its best #twins', 'Twins lineup looks strong, MLB is back #twins',
  'Great Twins game, Minnesota baseball forever #twins', 'Twins win the game, MLB standings update #twins',
];
export const KEVIN_BACON = [
  'Kevin Bacon was great in Footloose #bacon', 'Six degrees of Kevin Bacon again #bacon',
  'Rewatching Footloose, Kevin Bacon carries it #bacon', 'Kevin Bacon is in everything #bacon',
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
export const MINOR_BIOS = ['14 y/o | gamer', "I'm 15 | kpop forever", '16 years old, drummer'];
/** Bios that mention an age that is not the author's, or a number that is not an age. */
export const MINOR_CONTROL_BIOS = ['mom of a 14 y/o | gamer', "I'm 15 minutes from Seoul", 'Coaching 16 years | gamer'];
