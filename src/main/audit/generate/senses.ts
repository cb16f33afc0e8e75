import type { Random } from './random';

/**
 * Accounts that mean one sense of an ambiguous word, told by context: a bio and posts carrying that sense's
 * signature words (the cue lists of resources/topics.json) beside the bare word, which names both topics. Each
 * post is composed from an opener, a core naming the word ("{w}") and a tail (hashtag or emoji).
 */
export interface SenseVoice {
  /** The vocabulary topic this sense is. */
  topic: string;
  bios: readonly string[];
  cores: readonly string[];
  tails: readonly string[];
}

export interface AmbiguousWord {
  word: string;
  voices: readonly [SenseVoice, SenseVoice];
  /** Topics the bare word names (a sense's account is assigned each); the Kevin Bacon fan's "Bacon" names bacon only. */
  names: readonly string[];
}

const OPENERS = ['', '', 'Today: ', 'Quick one - ', 'Update: ', 'Still thinking about this: '];

export const AMBIGUOUS_WORDS: readonly AmbiguousWord[] = [
  { word: 'jaguar', names: ['jaguar', 'jaguar-cars'], voices: [
    { topic: 'jaguar', bios: ['Big cat keeper at the city zoo', 'Zoo keeper | wildlife nerd', 'Wildlife vet, big cat species and habitat'],
      cores: ['fed the jaguar at the zoo this morning', 'our jaguar stalked her prey in the new habitat', 'jaguar enrichment day at the zoo',
        'a spotted jaguar cub joined the big cat house', 'the jaguar habitat rebuild at the zoo is done', 'counting jaguar species in the wildlife survey',
        'the jaguar ignored her prey again, typical big cat'],
      tails: ['', ' 🐆', ' #zoolife', ' #bigcats'] },
    { topic: 'jaguar-cars', bios: ['Petrolhead, V8 or nothing', 'Car dealership sales | driving enthusiast', 'Classic cars and engine rebuilds'],
      cores: ['test drive of the jaguar F type, that V8 engine', 'took the jaguar for a long drive, what an engine',
        'the jaguar XF is back at the dealership again', 'jaguar horsepower figures for the new cars are out', 'driving the old jaguar XJ to the car show',
        'new jaguar at the dealership, test drive booked'],
      tails: ['', ' 🏎️', ' #carsofinstagram', ' #petrolhead'] },
  ] },
  { word: 'twins', names: ['twins', 'minnesota-twins'], voices: [
    { topic: 'twins', bios: ['Mum of twins and a toddler', 'Mom of twins | parenting on no sleep', 'Tired parent, baby twins, nursery runs'],
      cores: ['the twins both had a nursery day, baby steps', 'twins and a toddler at bath time, parenting is chaos', 'the twins took their first baby steps today',
        'both twins are teething, motherhood is hard', 'nursery pickup for the twins and their baby cousin', 'the twins each grabbed the other baby bottle'],
      tails: ['', ' 👶👶', ' #twinmom', ' #parenting'] },
    { topic: 'minnesota-twins', bios: ['Minnesota baseball lifer', 'MLB stats nerd, Target Field regular', 'Baseball, box scores and the pitcher duel'],
      cores: ['twins win the game in the ninth inning, MLB at its best', 'the twins pitcher threw a gem at Target Field', 'twins home run in the fifth inning, game over',
        'twins playoffs race heats up in Minnesota', 'the twins bullpen blew the game in the eighth inning', 'twins lineup for the MLB game tonight'],
      tails: ['', ' ⚾', ' #MNTwins', ' #baseball'] },
  ] },
  { word: 'apple', names: ['apple', 'apple-inc'], voices: [
    { topic: 'apple', bios: ['Orchard keeper and cider maker', 'Fruit grower | orchard life', 'Cider, crumble and fruit trees'],
      cores: ['the apple harvest at the orchard starts Monday', 'pressed the last apple crop into cider', 'an apple crumble with fruit from our own trees',
        'apple trees in bloom across the orchard', 'picked an apple straight off the tree, best snack', 'sorting apple fruit for the cider press'],
      tails: ['', ' 🍎', ' #orchard', ' #harvest'] },
    { topic: 'apple-inc', bios: ['iOS developer, Mac since 2006', 'iPhone and iPad reviews | app store watcher', 'Tech writer: AirPods, Mac, iOS'],
      cores: ['the apple update broke my iphone again', 'apple stock jumped after the launch', 'new apple watch and airpods at the launch event',
        'apple pushed an ios update for the ipad', 'my macbook from apple still runs the latest update', 'apple app store rules changed again'],
      tails: ['', ' 📱', ' #wwdc', ' #ios'] },
  ] },
  { word: 'bacon', names: ['bacon'], voices: [
    { topic: 'bacon', bios: ['Breakfast cook at a diner', 'Crispy breakfast, fried eggs, strong coffee', 'Sandwich maker and breakfast eater'],
      cores: ['crispy bacon and eggs for breakfast', 'fried bacon in the breakfast sandwich today', 'pancakes with bacon, the perfect breakfast',
        'we cook the bacon crispy at the diner', 'bacon sandwich and eggs to start the day'],
      tails: ['', ' 🥓', ' #breakfast', ' #brunch'] },
    { topic: 'kevin-bacon', bios: ['Film buff, Footloose forever', 'Movie nerd | actor trivia', 'Hollywood film critic'],
      cores: ['Bacon was brilliant in that film', 'Kevin Bacon is my favourite actor, rewatching Footloose', 'six degrees of Kevin Bacon with every movie tonight',
        'Bacon steals every movie scene he is in', 'Footloose again, Kevin Bacon forever', 'Bacon in a Hollywood film I had never seen'],
      tails: ['', ' 🎬', ' #movies', ' #footloose'] },
  ] },
];

/** A post of one sense's voice naming the word. */
export function sensePost(voice: SenseVoice, random: Random): string {
  const text = `${random.pick(OPENERS)}${random.pick(voice.cores)}${random.pick(voice.tails)}`;
  return text.charAt(0).toUpperCase() + text.slice(1);
}
