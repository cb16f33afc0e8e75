/**
 * The words the synthetic world is written in. Each topic's sentences name it (a keyword and a hashtag) and nothing
 * else: food never says bacon, the Minnesota Twins are "#MNTwins" and never the bare word "twins", technology never
 * says apple, and no sentence holds a negation word. So ordinary posts carry no accidental negation, sense conflict
 * or second topic; only the planted accounts' posts do.
 */
export interface Topic {
  name: string;
  sentences: readonly string[];
  hashtags: readonly string[];
}

export const TOPICS: readonly Topic[] = [
  { name: 'food', hashtags: ['food', 'foodie'], sentences: [
    'Tried a new pasta recipe tonight, the food turned out great', 'Street food market downtown is worth the trip',
    'Sunday dinner with friends, so much good food', 'This ramen place serves the best comfort food'] },
  { name: 'bacon', hashtags: ['bacon', 'breakfast'], sentences: [
    'Crispy bacon and eggs to start the weekend', 'Maple glazed bacon might be my favorite thing',
    'Made a bacon sandwich for lunch', 'The diner on 5th does thick cut bacon'] },
  { name: 'politics', hashtags: ['politics', 'election'], sentences: [
    'Watching the senate debate, politics at full volume today', 'Local politics matters more than people think',
    'Long read on campaign finance and politics', 'Town hall tonight about the new budget, politics in action'] },
  { name: 'brexit', hashtags: ['Brexit', 'UKpolitics'], sentences: [
    'Another week of Brexit negotiations in Westminster', 'What Brexit means for small exporters',
    'Brexit trade rules explained in one thread', 'Customs queues at Dover again after Brexit'] },
  { name: 'music', hashtags: ['music', 'NowPlaying'], sentences: [
    'This new album is on repeat, great music', 'Live music at the corner bar tonight',
    'Building a playlist of summer music', 'The concert last night was unreal, music heals'] },
  { name: 'kpop', hashtags: ['kpop', 'BTS'], sentences: [
    'The kpop comeback stage was perfect', 'Streaming the new kpop single all day',
    'Kpop dance practice videos are an art form', 'Got tickets for the kpop tour in Seoul'] },
  { name: 'sports', hashtags: ['sports', 'GameDay'], sentences: [
    'What a finish in the fourth quarter, sports at its best', 'Playoff sports weekend with the whole family',
    'Morning run done, sports keep me sane', 'The sports bar was packed for the derby'] },
  { name: 'minnesota-twins', hashtags: ['MNTwins', 'MLB'], sentences: [
    'Walk off home run at Target Field #MNTwins', 'Opening day at Target Field, baseball is back',
    'Bullpen held on for the win tonight #MNTwins', 'Spring training box scores look promising for #MNTwins'] },
  { name: 'twins', hashtags: ['twins', 'TwinMom'], sentences: [
    'Raising twins means double the laundry', 'My twins learned to ride bikes today',
    'The twins each picked a different birthday cake', 'Twins nap schedule finally in sync'] },
  { name: 'apple', hashtags: ['apple', 'orchard'], sentences: [
    'Apple picking at the orchard this weekend', 'Baked an apple pie with the last of the harvest',
    'Fresh apple cider from the farm stand', 'Honeycrisp is the best apple variety'] },
  { name: 'technology', hashtags: ['technology', 'tech'], sentences: [
    'New laptop setup done, technology is wonderful', 'Reading about open source technology trends',
    'The technology conference keynote was about AI', 'Home network upgrade, better technology at last'] },
];

/** Topic indexes by name, for the planting code. */
export const TOPIC = Object.fromEntries(TOPICS.map((topic, index) => [topic.name, index])) as Record<string, number>;

/**
 * Topics a vocabulary may nest or overlap (bacon is food, brexit is politics, the Twins are sports, Apple may be
 * technology): accounts that must "never post about" a topic are chosen among those silent on its whole group.
 */
export const TOPIC_GROUPS: readonly (readonly string[])[] = [
  ['food', 'bacon'], ['politics', 'brexit'], ['music', 'kpop'], ['sports', 'minnesota-twins'], ['technology', 'apple'], ['twins'],
];

/** Planted texts. Negations sit within 4 words before "bacon"; the hashtags avoid naming bacon again. */
export const NEGATED_BACON = [
  "I don't eat bacon #breakfast", 'Never liked bacon, sorry #food', 'Honestly I hate bacon #foodie',
  'Not a fan of bacon at all #breakfast', "Can't stand bacon on burgers #food",
];
export const BASEBALL_TWINS = [
  'Twins game tonight in Minnesota, MLB at its best #twins', 'Twins lineup looks strong for the MLB season #twins',
  'Great Twins game, Minnesota baseball forever #twins', 'Twins win the game, MLB standings update #twins',
];
export const KEVIN_BACON = [
  'Kevin Bacon was great in Footloose #bacon', 'Six degrees of Kevin Bacon, the actor is everywhere #bacon',
  'Rewatching Tremors, Kevin Bacon carries the movie #bacon', 'Kevin Bacon new film trailer looks good #bacon',
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
  food: 'Home cook', bacon: 'Breakfast enthusiast', politics: 'Policy nerd', brexit: 'UK politics watcher',
  music: 'Music lover', kpop: 'Kpop stan', sports: 'Sports fan', 'minnesota-twins': 'Baseball lifer',
  twins: 'Parent of twins', apple: 'Orchard keeper', technology: 'Software developer',
};
export const MINOR_BIOS = ['14 y/o | gamer', "I'm 15 | kpop forever", '16 years old, drummer'];
/** Bios that mention an age that is not the author's, or a number that is not an age. */
export const MINOR_CONTROL_BIOS = ['mom of a 14 y/o | gamer', "I'm 15 minutes from Seoul", 'Coaching 16 years | gamer'];
